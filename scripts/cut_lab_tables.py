"""Cut the labs' own model tables that identity reads (``src/genai_cli/catalogs/tables/``).

    git clone https://github.com/mistralai/platform-docs-public /tmp/mistral-docs
    python scripts/cut_lab_tables.py /tmp/mistral-docs

Mistral AI publishes its documentation, model cards included, as
``mistralai/platform-docs-public`` (Apache-2.0). Each card,
``src/schema/models/models/<slug>.ts``, names a model (``name``), its version
(``version: '25.12'``), release date, the API names that serve it
(``identifiers.apiNames``) and its weights (``weights[].name``, ``.url``). This
script reads those fields from the cards of the repository's HEAD (``git show``,
nothing is run) and writes them, with the commit and each card's path, to
``mistral.json``, and the repository's licence beside it. The same commit gives
the same bytes. Left out: cards of another lab's model that Mistral serves
(``zai-glm-5-2``: Z.ai's GLM 5.2).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "genai_cli" / "catalogs" / "tables"
CARDS = "src/schema/models/models"
NOT_MISTRALS = {"zai-glm-5-2"}  # Z.ai's GLM 5.2, served by Mistral


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


def _field(text: str, name: str) -> str | None:
    found = re.search(rf"^  {name}: '([^']*)'", text, re.M)
    return found.group(1) if found else None


def card(text: str) -> dict[str, object]:
    api = re.search(r"apiNames: \[([^\]]*)\]", text)
    weights = re.findall(r"name: '([^']*)',\s*\n(?:\s*license[^\n]*\n)*?\s*url: '([^']*)'", text)
    return {
        "name": _field(text, "name"),
        "version": _field(text, "version"),
        "released": _field(text, "releaseDate"),
        "api_names": re.findall(r"'([^']*)'", api.group(1)) if api else [],
        "weights": [
            {"name": name, "url": url} for name, url in weights if url.startswith("https://")
        ],
    }


def main(repo: Path) -> None:
    commit = _git(repo, "rev-parse", "HEAD").strip()
    models = []
    for path in sorted(_git(repo, "ls-tree", "--name-only", "HEAD", f"{CARDS}/").split()):
        slug = path.rsplit("/", 1)[-1].removesuffix(".ts")
        if slug == "index" or slug in NOT_MISTRALS:
            continue
        models.append({"slug": slug, "path": path, **card(_git(repo, "show", f"HEAD:{path}"))})
    table = {
        "lab": "mistral",
        "title": "Mistral AI documentation, model card",
        "source": "https://github.com/mistralai/platform-docs-public",
        "commit": commit,
        "licence": "Apache-2.0 (LICENSE.mistral-docs)",
        "models": models,
    }
    (OUT / "mistral.json").write_text(
        json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (OUT / "LICENSE.mistral-docs").write_text(_git(repo, "show", "HEAD:LICENSE"), encoding="utf-8")
    print(f"{len(models)} Mistral model cards from {commit[:12]} -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
