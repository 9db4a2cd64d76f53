"""Hostile input at the edges: values out of range, JSON cut short, damaged caches,
imports that cannot be written or would empty a catalog, names that are not UTF-8.

Every case runs the real CLI on files crafted in ``tmp_path`` and checks the exit
code, the message's shape (``FILE[:LINE]: what is wrong``), that nothing is an
internal error or a traceback, and that a refused or failed import leaves the
previous one byte for byte.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_FILES, ROOT, Run, run_fast

BIG = 2**63  # one past SQLite's INTEGER
RANGE = "is out of range (integers must be within -2^63..2^63-1, SQLite's INTEGER)"
GP = (
    "import datetime\nfrom decimal import Decimal\n"
    "providers = [Provider(id='openai', name='OpenAI', models=[ModelInfo(id='gpt-x', "
    "name='X', context_window={cw}, prices={prices})])]\n"
)
PRICE = "ModelPrice(input_mtok=Decimal('1'))"


def clean(r: Run) -> None:
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr


def catalogs(folder: Path) -> dict[str, bytes]:
    """Every file of the data folder's ``catalogs`` folder, as bytes."""
    found = sorted((folder / "catalogs").iterdir())
    return {p.name: p.read_bytes() for p in found if p.is_file() and not p.is_symlink()}


@pytest.fixture
def data(imported_dir: Path, tmp_path: Path) -> Path:
    """A data folder with the four catalog fixtures imported (a copy of its own)."""
    folder = tmp_path / "data"
    shutil.copytree(imported_dir, folder)
    return folder


def refused_import(data: Path, catalog: str, path: Path, *more: str) -> Run:
    """``genai import`` that must be refused: exit 3, nothing replaced."""
    before = catalogs(data)
    r = run_fast("--data-dir", str(data), "import", catalog, str(path), *more)
    clean(r)
    assert r.exit_code == 3, (r.stdout, r.stderr)
    assert catalogs(data) == before
    return r


def md(model: str) -> str:
    return '{"openai": {"id": "openai", "models": {"gpt-x": ' + model + "}}}"


def ll(model: str) -> str:
    return '{"gpt-x": {"litellm_provider": "openai", "mode": "chat", ' + model + "}}"


def helm(fields: str) -> str:
    return f"models:\n  - name: openai/gpt-x\n{fields}"


# --------------------------------------------------------------------------- A: values in range

CATALOG_VALUES = [
    # (catalog, file name, text, what the message says)
    ("models.dev", "int63.json", md(f'{{"limit": {{"context": {BIG}}}}}'), f"{BIG} {RANGE}"),
    ("models.dev", "float.json", md('{"limit": {"context": 1e300}}'), RANGE),
    ("models.dev", "long.json", md('{"limit": {"context": ' + "9" * 5000 + "}}"), "4,300 digits"),
    ("models.dev", "surrogate.json", md('{"name": "X\\ud800", "limit": {"context": 8}}'), "UTF-8"),
    (
        "models.dev",
        "key.json",
        md('{"limit": {"context": 8}}').replace("gpt-x", "\\udfff"),
        "UTF-8",
    ),
    ("litellm", "int64.json", ll(f'"max_input_tokens": {2**64}'), RANGE),
    ("litellm", "long.json", ll('"max_tokens": ' + "1" * 4301), "4,300 digits"),
    ("helm", "int63.yaml", helm(f"    num_parameters: {BIG}\n"), RANGE),
    ("helm", "hex.yaml", helm(f"    num_parameters: 0x{'f' * 5000}\n"), "5,002 characters"),
    ("helm", "long.yaml", helm(f"    num_parameters: {'1' * 5000}\n"), "5,000 characters"),
    ("helm", "binary.yaml", helm(f"    num_parameters: 0b{'1' * 100}\n"), RANGE),
    ("genai-prices", "int63.py", GP.format(cw=BIG, prices=PRICE), RANGE),
    ("genai-prices", "hex.py", GP.format(cw="0x" + "f" * 5000, prices=PRICE), "6,021 digits"),
    ("genai-prices", "long.py", GP.format(cw="9" * 5000, prices=PRICE), "not valid Python"),
    (
        "genai-prices",
        "tiers.py",
        GP.format(
            cw=8,
            prices="ModelPrice(input_mtok=TieredPrices(base=Decimal('1'), "
            f"tiers=[Tier(start={2**80}, price=Decimal('2'))]))",
        ),
        "price_thresholds[0]",
    ),
    (
        "genai-prices",
        "decimal.py",
        GP.format(cw=8, prices=f"ModelPrice(input_mtok=Decimal(0x{'f' * 5000}))"),
        "Decimal(...) of an integer out of range",
    ),
    *(
        (
            "genai-prices",
            f"year{n}.py",
            GP.format(
                cw=8,
                prices="[ConditionalPrice(constraint=StartDateConstraint(start_date="
                f"datetime.date({year}, 1, 1)), prices={PRICE})]",
            ),
            "the year must be within 1..9999",
        )
        for n, year in enumerate(("10000", "9" * 30, "0x" + "f" * 5000))
    ),
]


@pytest.mark.parametrize(
    ("catalog", "name", "text", "says"), CATALOG_VALUES, ids=[c[1] for c in CATALOG_VALUES]
)
def test_a_value_out_of_range_in_a_catalog_is_refused_at_import(
    data: Path, tmp_path: Path, catalog: str, name: str, text: str, says: str
) -> None:
    path = tmp_path / f"{catalog}-{name}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    r = refused_import(data, catalog, path)
    first = r.stderr.splitlines()[0]
    assert re.match(rf"{re.escape(str(path))}(:\d+)?: ", first), first  # FILE[:LINE]: ...
    assert says in first, first
    if ": entry " in first:  # a value of a normalised entry: named by the entry's key
        assert first.startswith(f"{path}: entry '"), first


def test_values_out_of_range_in_user_files_are_refused_by_validate_and_every_command(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "mine"
    (folder / "models").mkdir(parents=True)
    head = "- id: acme-{n}\n  name: Acme {n}\n  vendor: openai\n  sources: [{{title: t}}]\n"
    files = {
        "models/a.yaml": (head.format(n=1) + f"  context_window: {BIG}\n", 5),
        "models/b.yaml": (head.format(n=2) + f"  context_window: 0x{'f' * 5000}\n", 5),
        "models/c.yaml": (head.format(n=3) + f"  parameters: {{min: 1, max: {2**64}}}\n", 5),
        "models/d.json": (
            '[{"id": "acme-4", "name": "A", "vendor": "openai", "sources": '
            '[{"title": "t"}], "context_window": ' + "9" * 5000 + "}]",
            1,
        ),
        "models/e.json": (
            '[{"id": "acme-5", "name": "A\\ud800", "vendor": "openai", '
            '"sources": [{"title": "t"}]}]',
            1,
        ),
        "models/f.json": (
            '[{"id": "acme-6", "name": "A", "vendor": "openai", '
            '"sources": [{"title": "t"}], "context_window": NaN}]',
            1,
        ),
    }
    for name, (text, _) in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    r = run_fast("validate", str(folder))
    clean(r)
    assert r.exit_code == 3, r.stderr
    for name, (_, line) in files.items():
        assert f"{folder / name}:{line}: " in r.stderr, (name, r.stderr)
    assert f"model field 'context_window': {BIG} {RANGE}" in r.stderr
    assert "model field 'parameters.max': 18446744073709551616 is out of range" in r.stderr
    assert "an integer 5,002 characters long is out of range" in r.stderr
    assert "an integer of more than 4,300 digits is out of range" in r.stderr
    assert "model field 'name': 'A\\ud800' is not UTF-8" in r.stderr
    assert "model field 'context_window': nan is not a finite number" in r.stderr
    for args in (
        ("sql", "select count(*) from models"),
        ("models", "list", "--where", "context_window > 1"),
        ("export", "-f", "sqlite", "-o", str(tmp_path / "x.db")),
    ):
        r = run_fast("--data-dir", str(folder), *args)
        clean(r)
        assert r.exit_code == 3, (args, r.stderr)
    assert not (tmp_path / "x.db").exists()


def test_an_imported_catalog_edited_out_of_range_is_named_by_validate(data: Path) -> None:
    path = data / "catalogs" / "models.dev.json"
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r'"context_window":\d+', f'"context_window":{BIG}', text, count=1)
    path.write_text(edited, encoding="utf-8")
    r = run_fast("validate", str(data))
    clean(r)
    assert r.exit_code == 3
    assert r.stderr.startswith(f"{path}: entry '")
    assert f"facts.context_window: {BIG} {RANGE}" in r.stderr
    r = run_fast("--data-dir", str(data), "sql", "select count(*) from offerings")
    clean(r)
    assert r.exit_code == 3


# --------------------------------------------------------------------------- B: JSON cut short


def subprocess_genai(*args: str, env: dict[str, str] | None = None) -> Run:
    """The real program in a new interpreter (where the json package is not imported
    yet: its C scanner alone behaves differently, see core/jsonio.py)."""
    r = subprocess.run(
        [sys.executable, "-m", "genai_cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
        timeout=120,
    )
    return Run(r.returncode, r.stdout, r.stderr)


def test_a_catalog_file_cut_short_is_bad_data_naming_it(data: Path) -> None:
    path = data / "catalogs" / "litellm.json"
    raw = path.read_bytes()
    path.write_bytes(raw[: raw.index(b'"entries":[') + 40])  # inside an array: SystemError
    r = subprocess_genai("--data-dir", str(data), "models", "list", "-f", "json")
    clean(r)
    assert r.exit_code == 3
    assert r.stderr.startswith(f"{path}: not an imported catalog: not valid JSON (")
    r = subprocess_genai("--data-dir", str(data), "catalogs", "remove", "litellm")
    assert r.exit_code == 0, r.stderr  # and the way out works


QUERIES = (
    ("models", "list", "-f", "json"),
    ("models", "show", "gpt-4", "-f", "json"),
    ("sql", "select count(*), sum(context_window) from offerings"),
)


def _damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how in ("folder", "dangling"):
        path.unlink()
        if how == "folder":
            path.mkdir()
        else:
            path.symlink_to(path.parent / "nowhere")
        return
    path.write_bytes(
        {
            "half": raw[: len(raw) // 2],
            "empty": b"",
            "garbage": b"\xff\xfe garbage",
            "null": b"null",
            "deep": b"[" * 100_000,
        }[how]
    )


@pytest.mark.parametrize("how", ["half", "empty", "garbage", "null", "deep", "dangling"])
def test_a_damaged_cache_entry_is_dropped_and_rebuilt_silently(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    (data / "models.yaml").write_text(
        "- id: acme-1\n  name: Acme 1\n  vendor: openai\n  sources: [{title: t}]\n",
        encoding="utf-8",
    )
    cache = tmp_path / "cache"
    monkeypatch.setenv("GENAI_CACHE_DIR", str(cache))
    good = [run_fast("--data-dir", str(data), *q) for q in QUERIES]
    assert all(r.exit_code == 0 for r in good), [r.stderr for r in good]
    pieces = sorted(p for p in cache.rglob("*") if p.is_file())
    assert {p.name for p in pieces} >= {"core.json", "models.jsonl", "members.json"}
    saved = tmp_path / "saved"
    shutil.copytree(cache, saved)
    for piece in pieces:
        shutil.rmtree(cache)
        shutil.copytree(saved, cache)
        _damage(piece, how)
        for q, want in zip(QUERIES, good, strict=True):
            r = run_fast("--data-dir", str(data), *q)
            clean(r)
            assert (r.exit_code, r.stdout) == (0, want.stdout), (piece.name, how, q, r.stderr)


def test_a_cache_piece_cut_short_in_a_new_process_is_rebuilt(data: Path, tmp_path: Path) -> None:
    env = {"GENAI_CACHE_DIR": str(tmp_path / "cache")}
    want = subprocess_genai("--data-dir", str(data), "offerings", "-f", "json", env=env)
    assert want.exit_code == 0, want.stderr
    (piece,) = (tmp_path / "cache").glob("imports-*/members.json")
    piece.write_bytes(piece.read_bytes()[:-30])  # inside an array: SystemError
    r = subprocess_genai("--data-dir", str(data), "offerings", "-f", "json", env=env)
    clean(r)
    assert (r.exit_code, r.stdout) == (0, want.stdout)


# --------------------------------------------------------------------------- C: writes that fail


def test_a_full_disk_fails_the_import_cleanly(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from genai_cli.catalogs import store

    def half_then_full(path: str, content: bytes) -> None:
        with open(path, "wb") as fh:
            fh.write(content[: len(content) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store, "_write_bytes", half_then_full)
    before = catalogs(data)
    r = run_fast("--data-dir", str(data), "import", "litellm", str(FIXTURE_FILES["litellm"]))
    clean(r)
    assert r.exit_code == 3
    target = data / "catalogs" / "litellm.json"
    assert r.stderr.strip() == (
        f"genai import: {target}: cannot write: No space left on device; nothing was written"
    )
    assert catalogs(data) == before  # no temporary left either


def test_a_read_only_folder_fails_the_import_cleanly(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    before = catalogs(data)
    with monkeypatch.context() as mp:
        mp.setattr(tempfile, "mkstemp", read_only)
        r = run_fast("--data-dir", str(data), "import", "helm", str(FIXTURE_FILES["helm"]))
    clean(r)
    assert r.exit_code == 3
    assert f"{data / 'catalogs' / 'helm.json'}: cannot write: Read-only file system" in r.stderr
    assert catalogs(data) == before
    if os.geteuid() != 0:  # a real one (root writes anyway)
        fresh = tmp_path / "ro"
        fresh.mkdir(mode=0o555)
        r = run_fast("--data-dir", str(fresh), "import", "helm", str(FIXTURE_FILES["helm"]))
        clean(r)
        assert r.exit_code == 3
        assert f"{fresh / 'catalogs'}: cannot write: Permission denied" in r.stderr
        assert not list(fresh.iterdir())


def test_whatever_is_in_the_way_fails_the_import_cleanly(data: Path, tmp_path: Path) -> None:
    helm_file = str(FIXTURE_FILES["helm"])

    def refused(folder: Path, says: str) -> None:
        r = run_fast("--data-dir", str(folder), "import", "helm", helm_file)
        clean(r)
        assert r.exit_code == 3, r.stderr
        assert r.stderr.strip() == f"genai import: {says}"

    # the catalogs folder is a file, a dangling link
    for n, make in enumerate(
        (lambda p: p.write_text("x"), lambda p: p.symlink_to(tmp_path / "nowhere"))
    ):
        folder = tmp_path / f"d{n}"
        folder.mkdir()
        make(folder / "catalogs")
        what = "a file where genai import needs a folder" if n == 0 else (
            f"a symlink to {tmp_path / 'nowhere'}, which does not exist"
        )  # fmt: skip
        refused(folder, f"{folder / 'catalogs'}: {what}")
        assert os.listdir(folder) == ["catalogs"]
    # the data folder is a dangling link
    dangling = tmp_path / "gone"
    dangling.symlink_to(tmp_path / "nothing")
    refused(dangling, f"{dangling}: a symlink to {tmp_path / 'nothing'}, which does not exist")
    # the catalog's file is a symlink (to a file outside), a folder, a FIFO
    before = catalogs(data)
    target = data / "catalogs" / "helm.json"
    outside = tmp_path / "outside.json"
    outside.write_bytes(before["helm.json"])
    for kind, make in (
        ("symlink", lambda p: p.symlink_to(outside)),
        ("folder", lambda p: p.mkdir()),
        ("FIFO", lambda p: os.mkfifo(p)),
    ):
        target.unlink() if not target.is_dir() else target.rmdir()
        make(target)
        refused(
            data,
            f"{target}: a {kind}; genai import replaces only a regular file: remove it first",
        )
        assert {k: v for k, v in catalogs(data).items() if k != "helm.json"} == {
            k: v for k, v in before.items() if k != "helm.json"
        }
    assert outside.read_bytes() == before["helm.json"]


def test_the_next_import_removes_what_a_killed_import_left(data: Path) -> None:
    folder = data / "catalogs"
    before = catalogs(data)
    stuck = (  # an import killed half-way through writing its file
        "import sys, time\n"
        "from genai_cli.catalogs import store\n"
        "def stuck(path, data):\n"
        "    with open(path, 'wb') as fh:\n"
        "        fh.write(data[: len(data) // 2]); fh.flush(); time.sleep(60)\n"
        "store._write_bytes = stuck\n"
        "from genai_cli.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    args = ["--data-dir", str(data), "import", "litellm", str(FIXTURE_FILES["litellm"])]
    proc = subprocess.Popen([sys.executable, "-c", stuck, *args], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while not [n for n in os.listdir(folder) if n.endswith(".tmp")]:
            assert time.monotonic() < deadline and proc.poll() is None
            time.sleep(0.05)
    finally:
        proc.kill()
        proc.wait()
    (left,) = [n for n in os.listdir(folder) if n.endswith(".tmp")]
    assert left.startswith(".litellm.json.")
    assert catalogs(data) == {**before, left: (folder / left).read_bytes()}  # intact
    hour_ago = time.time() - 3600
    os.utime(folder / left, (hour_ago, hour_ago))  # as if the killed run was an hour ago
    others = {
        ".helm.json.abcd_123.tmp": hour_ago,  # another catalog's, killed too: removed
        ".models.dev.json.zzzzzzzz.tmp": time.time() + 60,  # being written now: kept
        ".litellm.json.tmp": hour_ago,  # not a name genai makes: kept
        "notes.abcdefgh.tmp": hour_ago,  # kept
    }
    for name, when in others.items():
        (folder / name).write_text("x")
        os.utime(folder / name, (when, when))
    r = run_fast(*args)
    assert r.exit_code == 0, r.stderr
    left_now = sorted(n for n in os.listdir(folder) if n.endswith(".tmp"))
    assert left_now == [".litellm.json.tmp", ".models.dev.json.zzzzzzzz.tmp", "notes.abcdefgh.tmp"]


# --------------------------------------------------------------------------- D: empty catalogs

EMPTY = [
    ("models.dev", "api.json", '{"p": {"models": {}}}', "no records"),
    ("helm", "empty.yaml", "models: []\n", "no records"),
    (
        "helm",
        "skipped.yaml",
        "models:\n  - name: simple/model1\n    num_parameters: 8\n",
        "1 record, all skipped",
    ),
    ("genai-prices", "data.py", "providers = [Provider(id='openai', models=[])]\n", "no records"),
]


@pytest.mark.parametrize(("catalog", "name", "text", "found"), EMPTY)
def test_an_empty_catalog_never_replaces_an_import_without_allow_empty(
    data: Path, tmp_path: Path, catalog: str, name: str, text: str, found: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    r = refused_import(data, catalog, path)
    assert r.stderr.splitlines()[0] == (
        f"{path}: {found}: an empty catalog is not imported, for it would replace any "
        "previous import with nothing (--allow-empty to import it anyway)"
    )
    r = run_fast("--data-dir", str(data), "import", catalog, str(path), "--allow-empty", "--json")
    clean(r)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["entries"] == 0
    doc = json.loads((data / "catalogs" / f"{catalog}.json").read_text(encoding="utf-8"))
    assert doc["entries"] == []


def test_a_repeated_top_level_key_in_helm_is_refused(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "model_metadata.yaml"
    path.write_text(helm("    num_parameters: 8\n") + "models: []\n", encoding="utf-8")
    r = refused_import(data, "helm", path)
    assert r.stderr.startswith(f"{path}:4: the top-level key 'models' is repeated (lines 1 and 4)")


def test_the_models_dev_fixture_with_no_models_left_is_refused(data: Path, tmp_path: Path) -> None:
    raw = json.loads(gzip.decompress(FIXTURE_FILES["models.dev"].read_bytes()))
    path = tmp_path / "api.json"
    path.write_text(json.dumps({p: {**v, "models": {}} for p, v in raw.items()}))
    refused_import(data, "models.dev", path)


# --------------------------------------------------------------------------- E: names


def test_names_that_are_not_utf8_are_reported_not_fatal(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    record = "- id: acme-{n}\n  name: Acme {n}\n  vendor: openai\n  sources: [{{title: t}}]\n"
    raw = os.fsencode(folder)
    os.makedirs(os.path.join(raw, b"models", b"\xff"))
    for rel, n in ((b"models/\xffa.yaml", 1), (b"models/\xff/b.yaml", 2), (b"models/c.yaml", 3)):
        with open(os.path.join(raw, rel), "w", encoding="utf-8") as fh:
            fh.write(record.format(n=n))
    r = run_fast("validate", str(folder))
    clean(r)
    assert r.exit_code == 0, r.stderr
    for shown in (f"{folder}/models/\\xff", f"{folder}/models/\\xffa.yaml"):
        assert f"genai: warning: {shown}: not read: the " in r.stderr, r.stderr
    assert "valid (415 records, 1 user files)" in r.stderr
    r = run_fast("--data-dir", str(folder), "models", "show", "acme-3", "-f", "json")
    clean(r)
    assert r.exit_code == 0, r.stderr


def test_a_symlinked_folder_is_followed_inside_and_named_outside(tmp_path: Path) -> None:
    folder, outside = tmp_path / "mine", tmp_path / "outside"
    (folder / "real").mkdir(parents=True)
    outside.mkdir()
    record = "- id: acme-{n}\n  name: Acme {n}\n  vendor: openai\n  sources: [{{title: t}}]\n"
    (folder / "real" / "a.yaml").write_text(record.format(n=1))
    (outside / "b.yaml").write_text(record.format(n=2))
    (folder / "models").symlink_to(folder / "real")  # inside: read as models/a.yaml
    (folder / "vendors").symlink_to(outside)  # outside: not read, said so
    r = run_fast("--data-dir", str(folder), "models", "show", "acme-1", "-f", "json")
    clean(r)
    assert r.exit_code == 0, r.stderr
    assert f"genai: warning: {folder / 'vendors'}: not read: a symlink to {outside}" in r.stderr
    r = run_fast("--data-dir", str(folder), "models", "show", "acme-2")
    assert r.exit_code == 1
