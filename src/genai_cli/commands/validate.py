"""``genai validate [DIR]``: every problem of the bundled data and of a user folder, at once."""

from __future__ import annotations

from ..answers.catalog import bundled
from ..answers.load import load_catalog
from ..core.errors import DataError, Problem
from ..dataset import registry as R
from ..dataset.build import build
from ..output.result import Result
from .context import Ctx


def run(ctx: Ctx, dir: str | None = None) -> Result:
    folder = dir or ctx.data_dir
    _, problems = build()
    checked = ["bundled data"]
    counts: dict[str, int] = {}
    files: list[str] = []
    if folder:
        try:
            cat = load_catalog(folder, cache=False)
            files = cat.user_files
            counts = {k: len(cat.compact(k)) for k in R.LIST_KINDS}
        except DataError as exc:
            problems += exc.problems
        checked.append(folder)
    else:
        counts = bundled().counts()
    problems = sorted(set(problems), key=Problem._key)
    data = {
        "valid": not problems,
        "checked": checked,
        "files": files,
        "records": counts,
        "problems": [p.as_dict() for p in problems],
    }
    lines = [str(p) for p in problems] if ctx.out.format in ("table", "markdown") else []
    if problems:
        lines.append(
            f"genai validate: {len(problems)} problem{'s' if len(problems) != 1 else ''} (exit 3)"
        )
    else:
        total = sum(counts.values())
        what = " and ".join(checked)
        lines.append(
            f"ok: {what} valid ({total} records" + (f", {len(files)} user files)" if files else ")")
        )
    return Result(
        data=data, layout=None, footer=False, exit_code=3 if problems else 0, messages=lines
    )
