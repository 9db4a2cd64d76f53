"""The providers table: every provider spelling of models.dev, LiteLLM and
genai-prices maps to exactly one provider (on the fixtures, and with
GENAI_CATALOG_WHEELS on the full published catalogs), the table is well formed,
and a few facts are pinned."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from genai_cli.catalogs import providers as module
from genai_cli.catalogs.providers import CATALOGS, KINDS, PROVIDERS, Provider, provider
from genai_cli.catalogs.readers import read_catalog
from genai_cli.catalogs.spec import NAMES

from conftest import FIXTURE_FILES, full_size, real_wheel

SLUG = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")


def _holders(catalog: str, spelling: str) -> list[Provider]:
    """Every provider that lists ``spelling`` for ``catalog``, exactly as spelled."""
    return [p for p in PROVIDERS if spelling in p.names.get(catalog, ())]


def _check_spellings(catalog: str, path: str | Path) -> set[str]:
    read = read_catalog(catalog, path)
    spellings = {e["provider"] for e in read.entries}
    assert spellings
    unmapped = sorted(s for s in spellings if len(_holders(catalog, s)) != 1)
    assert not unmapped, f"{catalog}: not in exactly one provider: {unmapped}"
    for s in spellings:
        assert provider(catalog, s) is _holders(catalog, s)[0]
    return spellings


@pytest.mark.parametrize("catalog", CATALOGS)
def test_fixture_spellings_map_to_one_provider(catalog: str) -> None:
    _check_spellings(catalog, FIXTURE_FILES[catalog])


@full_size
@pytest.mark.parametrize("catalog", CATALOGS)
def test_full_catalog_spellings_map_to_one_provider(catalog: str) -> None:
    spellings = _check_spellings(catalog, real_wheel(catalog))
    assert len(spellings) >= 30


def test_catalogs_are_the_spec_catalogs_but_helm() -> None:
    assert set(CATALOGS) == set(NAMES) - {"helm"}
    assert provider("helm", "openai") is None


def test_ids_unique_and_sorted() -> None:
    ids = [p.id for p in PROVIDERS]
    assert len(set(ids)) == len(ids), [i for i, n in Counter(ids).items() if n > 1]
    assert ids == sorted(ids)
    assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]


def test_kinds_and_labs() -> None:
    for p in PROVIDERS:
        assert p.kind in KINDS, p
        assert p.name and p.name.strip() == p.name, p
        if p.kind == "lab":
            assert p.lab and SLUG.match(p.lab), p
        else:
            assert p.lab is None, p
        assert p.url is None or p.url.startswith(("https://", "http://")), p
        assert p.note is None or p.note.strip() == p.note != "", p


def test_names_well_formed_and_no_spelling_twice() -> None:
    seen: dict[tuple[str, str], str] = {}
    for p in PROVIDERS:
        assert p.names, p
        for catalog, spellings in p.names.items():
            assert catalog in CATALOGS, (p, catalog)
            assert spellings and isinstance(spellings, tuple), (p, catalog)
            for s in spellings:
                key = (catalog, s.lower())
                assert key not in seen, f"{catalog} {s!r} in {seen.get(key)} and {p.id}"
                seen[key] = p.id


def test_lookup_ignores_case_and_knows_nothing_else() -> None:
    p = provider("litellm", "bedrock_converse")
    assert p is not None
    assert provider("LiteLLM", "Bedrock_Converse") is p
    assert provider("litellm", "no-such-provider") is None
    assert provider("models.dev", "bedrock_converse") is None  # a spelling is per catalog


def test_pinned_facts() -> None:
    bedrock = provider("litellm", "bedrock_converse")
    aws = provider("genai-prices", "aws")
    assert bedrock is not None and aws is not None
    assert bedrock.id == aws.id == "amazon-bedrock"
    assert bedrock.kind == "cloud"
    for catalog, spelling in (
        ("litellm", "bedrock"),
        ("litellm", "bedrock_mantle"),
        ("models.dev", "amazon-bedrock"),
    ):
        assert provider(catalog, spelling) is bedrock

    anthropic = provider("models.dev", "anthropic")
    assert anthropic is not None
    assert (anthropic.id, anthropic.kind, anthropic.lab) == ("anthropic", "lab", "anthropic")
    assert provider("litellm", "anthropic") is anthropic is provider("genai-prices", "anthropic")

    def kind(catalog: str, spelling: str) -> tuple[str, str]:
        p = provider(catalog, spelling)
        assert p is not None, spelling
        return p.id, p.kind

    assert kind("genai-prices", "openrouter") == ("openrouter", "gateway")
    assert kind("litellm", "together_ai") == ("together", "host")
    assert kind("genai-prices", "together") == kind("models.dev", "togetherai")
    assert kind("litellm", "azure") == ("azure", "cloud")
    assert kind("litellm", "azure_ai") == ("azure", "cloud")
    assert kind("litellm", "vertex_ai-anthropic_models") == ("google-vertex", "cloud")
    assert kind("models.dev", "google-vertex-anthropic") == ("google-vertex", "cloud")
    assert kind("litellm", "github_copilot") == kind("models.dev", "github-copilot")
    assert kind("litellm", "vercel_ai_gateway") == ("vercel", "gateway")
    assert kind("litellm", "fireworks_ai") == kind("genai-prices", "fireworks")
    assert kind("models.dev", "novita-ai") == kind("litellm", "novita")
    assert kind("genai-prices", "huggingface_together") == ("huggingface", "gateway")
    assert kind("genai-prices", "x-ai") == ("xai", "lab")


def test_regional_endpoints_and_plans_are_the_labs_own() -> None:
    for spelling, lab in (
        ("alibaba-cn", "alibaba"),
        ("moonshotai-cn", "moonshot-ai"),
        ("minimax-cn", "minimax"),
        ("zai-coding-plan", "zhipu-ai"),
        ("minimax-coding-plan", "minimax"),
        ("alibaba-coding-plan", "alibaba"),
        ("xiaomi-token-plan-ams", "xiaomi"),
        ("kimi-for-coding", "moonshot-ai"),
    ):
        p = provider("models.dev", spelling)
        assert p is not None, spelling
        assert (p.kind, p.lab) == ("lab", lab), p
        assert p.note, p
        main = provider("models.dev", spelling.split("-")[0])
        assert main is None or main is not p


def test_imports_nothing_at_run_time() -> None:
    """A start-up module: no import but ``__future__`` outside ``if TYPE_CHECKING:``."""
    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            assert node.module == "__future__", ast.dump(node)
        assert not isinstance(node, ast.Import), ast.dump(node)
    code = (
        "import sys; import genai_cli.catalogs.providers as p; "
        "assert p.provider('litellm', 'bedrock').id == 'amazon-bedrock'; "
        "print(sorted(m for m in ('typing', 'dataclasses') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
