"""The query CLI: every command, every format, the contract's JSON keys, errors.

Most tests run through both entry points (the ``genai`` fixture): typer's
CliRunner and the real ``genai_cli.cli.main.main``.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest

from genai_cli import __version__
from genai_cli.output.render import FORMATS

from conftest import load_yaml, run_fast, run_typer

LIST_COMMANDS = [
    ["models", "list"],
    ["vendors", "list"],
    ["benchmarks", "list"],
    ["timeline"],
    ["search", "claude"],
    ["architectures", "list"],
    ["agi-levels"],
    ["market"],
    ["predictions"],
    ["risks"],
    ["findings"],
    ["sql", "SELECT id, name FROM vendors ORDER BY id"],
]
SHOW_COMMANDS = [
    ["models", "show", "gpt-4"],
    ["vendors", "show", "openai"],
    ["benchmarks", "show", "mmlu"],
    ["architectures", "show", "diffusion"],
    ["compare", "claude-3-opus", "gpt-4"],
]

# the contract: keys that must be present (extra keys are welcome)
MODEL_KEYS = {
    "id", "name", "vendor", "aliases", "released", "domain", "modalities", "parameters",
    "context_window", "training_tokens", "open_weights", "pricing", "corrections", "sources",
}  # fmt: skip
VENDOR_KEYS = {"id", "name", "aliases", "founded", "sources"}
BENCHMARK_KEYS = {"id", "name", "category", "metric", "sources"}
SCORE_KEYS = {"model", "benchmark", "value", "unit", "setting", "sources"}
EVENT_KEYS = {"date", "kind", "title", "vendor", "models", "sources"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", LIST_COMMANDS + SHOW_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_every_command_in_every_format(genai, args: list[str], fmt: str) -> None:  # type: ignore[no-untyped-def]
    r = genai(*args, "--format", fmt)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.strip()
    assert "\x1b[" not in r.stdout  # not a terminal: no ANSI codes
    assert "Traceback" not in r.stderr
    if fmt == "json":
        json.loads(r.stdout)
    elif fmt == "jsonl":
        for line in r.stdout.splitlines():
            json.loads(line)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(r.stdout)))
        assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows)
    elif fmt == "yaml":
        load_yaml(r.stdout)
    elif fmt == "markdown":
        assert "| --- |" in r.stdout or "| ---" in r.stdout


@pytest.mark.parametrize("args", LIST_COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_json_shorthand_equals_format_json(args: list[str]) -> None:
    assert run_fast(*args, "--json").stdout == run_fast(*args, "-f", "json").stdout


def test_models_json_keys_and_units(genai) -> None:  # type: ignore[no-untyped-def]
    models = json.loads(genai("models", "list", "--json").stdout)
    assert len(models) >= 60
    for m in models:
        assert set(m) >= MODEL_KEYS, m["id"]
        assert m["domain"] in (None, "nlp", "cv", "multimodal")
        assert m["parameters"] is None or (
            isinstance(m["parameters"]["min"], int) and isinstance(m["parameters"]["max"], int)
        )
        assert m["context_window"] is None or isinstance(m["context_window"], int)
        assert m["pricing"] is None or {"input", "output"} <= set(m["pricing"])
        assert m["sources"]
    gpt3 = next(m for m in models if m["id"] == "gpt-3")
    assert gpt3["parameters"]["min"] == gpt3["parameters"]["max"] == 175_000_000_000
    gpt4 = next(m for m in models if m["id"] == "gpt-4")
    assert gpt4["parameters"] is None  # undisclosed; the report's "远大于1750亿" is its expectation
    assert gpt4["parameters_detail"]["state"] == "undisclosed"


def test_other_kinds_json_keys(genai) -> None:  # type: ignore[no-untyped-def]
    for v in json.loads(genai("vendors", "list", "--json").stdout):
        assert set(v) >= VENDOR_KEYS
    for b in json.loads(genai("benchmarks", "list", "--json").stdout):
        assert set(b) >= BENCHMARK_KEYS
    for e in json.loads(genai("timeline", "--json").stdout):
        assert set(e) >= EVENT_KEYS
    board = json.loads(genai("benchmarks", "show", "mmlu", "--json").stdout)
    assert set(board) >= BENCHMARK_KEYS and board["scores"]
    for s in board["scores"]:
        assert set(s) >= SCORE_KEYS
    vendor = json.loads(genai("vendors", "show", "openai", "--json").stdout)
    assert "gpt-4" in vendor["models"] and vendor["events"]


def test_show_adds_related_records(genai) -> None:  # type: ignore[no-untyped-def]
    m = json.loads(genai("models", "show", "Claude 3 Opus", "--json").stdout)
    assert m["id"] == "claude-3-opus"
    assert {s["benchmark"] for s in m["scores"]} >= {"mmlu", "gsm8k", "humaneval"}
    assert m["events"]


def test_leaderboard_is_best_first_with_settings(genai) -> None:  # type: ignore[no-untyped-def]
    board = json.loads(genai("benchmarks", "show", "gsm8k", "--json").stdout)
    values = [s["value"] for s in board["scores"]]
    assert values == sorted(values, reverse=True)
    assert board["scores"][0]["model"] == "claude-3-opus"
    assert {s["setting"] for s in board["scores"]} >= {"0-shot CoT", "Maj1@32", "5-shot CoT"}
    table = genai("benchmarks", "show", "gsm8k").stdout
    assert "Settings differ" in table


def test_compare_json_and_unfair_rows(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai(
        "compare",
        "claude-3-opus",
        "GPT4",
        "gemini-1.0-ultra",
        "--benchmark",
        "MMLU",
        "-b",
        "gsm8k",
        "--json",
    )
    doc = json.loads(r.stdout)
    assert [m["id"] for m in doc["models"]] == ["claude-3-opus", "gpt-4", "gemini-1.0-ultra"]
    assert {s["benchmark"] for s in doc["scores"]} == {"mmlu", "gsm8k"}
    rows = {b["benchmark"]: b for b in doc["benchmarks"]}
    assert rows["mmlu"]["comparable"] is True and rows["mmlu"]["best"] == ["claude-3-opus"]
    assert rows["gsm8k"]["comparable"] is False
    assert set(rows["gsm8k"]["settings"]) == {"0-shot CoT", "5-shot CoT", "Maj1@32"}
    table = genai("compare", "claude-3-opus", "gpt-4", "gemini-1.0-ultra", "-b", "gsm8k").stdout
    assert "GSM8K *" in table and "settings differ" in table


def test_compare_needs_two_models(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai("compare", "gpt-4")
    assert r.exit_code == 2 and "at least two" in r.stderr


def test_filters(genai) -> None:  # type: ignore[no-untyped-def]
    def ids(*args: str) -> list[str]:
        return [m["id"] for m in json.loads(genai("models", "list", *args, "--json").stdout)]

    assert set(ids("--vendor", "openai")) >= {"gpt-4", "gpt-3", "sora"}
    assert "megatron-turing-nlg" in ids(
        "--vendor", "英伟达"
    )  # a partner counts, Chinese alias works
    assert set(ids("--vendor", "谷歌", "--vendor", "anthropic")) >= {
        "gemini-1.5-pro",
        "claude-3-opus",
    }
    assert all(m in ids("--domain", "cv") for m in ("sam", "florence"))
    assert "sora" in ids("--modality", "video")
    assert "llama-2" in ids("--open") and "llama-2" not in ids("--closed")
    assert ids("--since", "2024") and all(
        m["released"] >= "2024"
        for m in json.loads(genai("models", "list", "--since", "2024", "--json").stdout)
    )
    assert "gpt-1" in ids("--until", "2018")
    assert "sam" in ids("--search", "segment")


def test_empty_match_is_an_empty_array_and_exit_0(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai("models", "list", "--since", "2099", "--json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    r = genai("models", "list", "--since", "2099", "--format", "csv")
    assert r.exit_code == 0


def test_fields_sort_desc_limit(genai) -> None:  # type: ignore[no-untyped-def]
    r = genai(
        "models",
        "list",
        "--fields",
        "id,parameters",
        "--sort",
        "parameters",
        "--desc",
        "--limit",
        "3",
        "--json",
    )
    rows = json.loads(r.stdout)
    assert [list(row) for row in rows] == [["id", "parameters"]] * 3
    assert [r["id"] for r in rows[:2]] == ["palm", "megatron-turing-nlg"]  # 540B, 530B
    r = genai("models", "list", "--fields", "name,id", "--limit", "2", "--format", "csv")
    assert r.stdout.splitlines()[0] == "name,id"
    assert len(r.stdout.splitlines()) == 3
    r = genai("timeline", "--limit", "1", "--json")
    assert len(json.loads(r.stdout)) == 1


def test_timeline_oldest_first_grouped_by_year(genai) -> None:  # type: ignore[no-untyped-def]
    events = json.loads(genai("timeline", "--json").stdout)
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    table = genai("timeline", "--since", "2023", "--until", "2023-06").stdout
    body = table.split("Data:")[0]
    assert "2023" in body and "2024" not in body and "2022" not in body
    piped = [line for line in genai("timeline").stdout.splitlines() if line.strip()]
    assert len(piped) == len(events) + 2  # header, rule, one line per event (footer on stderr)
    for e in json.loads(
        genai("timeline", "--vendor", "openai", "--kind", "release", "--json").stdout
    ):
        assert e["kind"] == "release" and (
            e["vendor"] == "openai" or "openai" in e.get("parties", [])
        )
    model_events = json.loads(genai("timeline", "--model", "gpt-4", "--json").stdout)
    assert model_events and all("gpt-4" in e["models"] for e in model_events)


def test_search_every_kind_says_its_kind(genai) -> None:  # type: ignore[no-untyped-def]
    hits = json.loads(genai("search", "google", "--json").stdout)
    kinds = {h["kind"] for h in hits}
    assert {"vendor", "model", "event"} <= kinds
    assert hits[0]["kind"] == "vendor" and hits[0]["id"] == "google"
    assert json.loads(genai("search", "谷歌", "--json").stdout)[0]["id"] == "google"
    assert json.loads(genai("search", "zzqqxx", "--json").stdout) == []


def test_search_matches_every_word_in_any_order(genai) -> None:  # type: ignore[no-untyped-def]
    """Issue 19: "opus claude" found nothing (one substring, not words)."""
    for words in ("opus claude", "claude opus", "Claude  3 OPUS"):
        hits = json.loads(genai("search", words, "--json").stdout)
        assert hits and hits[0]["id"] == "claude-3-opus", (words, hits[:2])
        found = json.loads(genai("models", "list", "--search", words, "--json").stdout)
        assert "claude-3-opus" in {m["id"] for m in found}, words
    words = json.loads(genai("search", "opus claude", "--json").stdout)
    phrase = json.loads(genai("search", "claude 3 opus", "--json").stdout)
    assert phrase[0]["id"] == "claude-3-opus" and phrase[0]["score"] > words[0]["score"]
    assert json.loads(genai("search", "opus zzqqxx", "--json").stdout) == []  # every word


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["models", "show", "claude-3-opuss"], "did you mean claude-3-opus"),
        (["vendors", "show", "opnai"], "did you mean openai"),
        (["benchmarks", "show", "mmlu-pro"], "no benchmark matches"),
        (["compare", "gpt-4", "gpt-9"], "no model matches 'gpt-9'"),
        (["models", "list", "--vendor", "acme"], "no vendor matches 'acme'"),
    ],
)
def test_unknown_ids_exit_1_with_suggestions(genai, args: list[str], expect: str) -> None:  # type: ignore[no-untyped-def]
    r = genai(*args)
    assert r.exit_code == 1
    assert expect in r.stderr
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["models", "list", "--since", "2023-13"], "month must be 01-12"),
        (["models", "list", "--until", "yesterday"], "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        (["timeline", "--since", "2023-02-30"], "day must be 01-28"),
        (["models", "list", "--format", "xml"], "table"),
        (["models", "list", "--sort", "bogus"], "(list them: genai fields models)"),
        (["models", "list", "--fields", "id,bogus"], "unknown field 'bogus'"),
        (["models", "list", "--limit", "-1"], "--limit"),
        (["models", "list", "--limit", "many"], "many"),
        (["timeline", "--kind", "party"], "expected one of"),
        (["models", "list", "--bogus"], "genai models list: no such option: --bogus"),
        (["models", "lst"], "genai models: no such command 'lst'; did you mean list?"),
    ],
)
def test_bad_options_exit_2(genai, args: list[str], expect: str) -> None:  # type: ignore[no-untyped-def]
    r = genai(*args)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert expect in r.stderr + r.stdout
    assert "Traceback" not in r.stderr + r.stdout


def test_every_command_has_help_with_an_example(fast) -> None:  # type: ignore[no-untyped-def]
    """Every help page, printed by the program's own entry point (typer prints it)."""
    from genai_cli.cli.parser import spec

    paths = (
        [[]] + [p.split() for p in spec()["groups"] if p] + [p.split() for p in spec()["commands"]]
    )
    for path in paths:
        r = fast(*path, "--help")
        assert r.exit_code == 0, path
        assert "genai" in r.stdout
        if path and " ".join(path) in spec()["commands"]:
            assert "Examples" in r.stdout and f"genai {' '.join(path)}" in r.stdout, path
    top = fast("--help").stdout
    assert "Examples" in top and "Exit codes" in top


def test_version_names_the_program_and_the_dataset(genai, seed_text) -> None:  # type: ignore[no-untyped-def]
    r = genai("--version")
    lines = r.stdout.splitlines()
    assert r.exit_code == 0 and lines[0] == f"genai {__version__}"
    # the report's own cover: 国元证券, dated 2024-03-29
    assert "国元证券" in seed_text and "Guoyuan Securities" in lines[1]
    assert "2024-03-29" in lines[1]
    total = int(lines[1].rsplit(", ", 1)[1].split()[0].replace(",", ""))
    assert total == sum(len(v) for k, v in genai_counts().items())
    assert lines[2].startswith("data folder: ") and "not there: bundled data only" in lines[2]


def test_version_names_the_data_folder_and_its_catalogs(  # type: ignore[no-untyped-def]
    genai, imported_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 19: --version names each imported catalog, its version and as-of date, and
    the data folder, as each catalog's file says them."""
    from genai_cli.catalogs.store import read_file

    monkeypatch.setenv("GENAI_DATA_DIR", str(imported_dir))
    r = genai("--version")
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[2] == f"data folder: {imported_dir}"
    shown = lines[3:]
    files = sorted((imported_dir / "catalogs").glob("*.json"))
    assert len(shown) == len(files) == 4
    for path in files:
        doc = read_file(path)
        version = f" {doc['version']}" if doc.get("version") else " (no version in it)"
        as_of = f" (as of {doc['as_of']})" if doc.get("as_of") else " (no as-of date in it)"
        assert f"catalog: {doc['catalog']}{version}{as_of}" in shown, (shown, path)


def genai_counts() -> dict[str, list[object]]:
    from genai_cli import load_catalog
    from genai_cli.dataset.registry import LIST_KINDS

    cat = load_catalog(bundled_only=True)
    return {k: list(cat.records(k)) for k in LIST_KINDS}


def test_group_alone_prints_its_help_and_exits_0(genai) -> None:  # type: ignore[no-untyped-def]
    for args in ([], ["models"]):
        r = genai(*args)
        assert r.exit_code == 0 and "Usage" in r.stdout and r.stderr == "", args


def test_piped_tables_put_the_dataset_footer_on_stderr(genai) -> None:  # type: ignore[no-untyped-def]
    for args in (["models", "list"], ["timeline"], ["risks"], ["models", "show", "gpt-4"]):
        r = genai(*args)
        assert "Data:" not in r.stdout, args
        assert r.stderr.startswith(
            "Data: Guoyuan Securities report of 2024-03-29 · as of 2024-03-29"
        ), args


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_chinese_text_keeps_columns_aligned(genai) -> None:  # type: ignore[no-untyped-def]
    out = genai("vendors", "list").stdout.splitlines()
    rows = [line for line in out if "google" in line or "microsoft" in line or "openai " in line]
    assert any("谷歌" in r for r in rows) and any("微软" in r for r in rows)
    widths = {_display_width(r.rstrip()) for r in rows}
    header = next(line for line in out if "ID" in line)
    # every cell of the row starts at the header's column positions
    col = header.index("Name")
    for r in rows:
        prefix = r[: len(r)]
        assert _display_width(prefix[: prefix.index(r.split()[1])]) == _display_width(header[:col])
    assert len(widths) >= 1


def test_show_page_has_corrections_and_the_reports_words(genai) -> None:  # type: ignore[no-untyped-def]
    out = genai("models", "show", "alphacode").stdout
    assert "Corrections" in out and "414亿" in out and "41.1B" in out
    assert "The report says" in out
    assert "Sources" in out and "“" in out


def test_fast_path_and_typer_give_identical_output() -> None:
    for args in (
        ["models", "list", "--vendor", "openai", "--json"],
        ["models", "list", "--vendor", "openai"],
        ["compare", "claude-3-opus", "gpt-4", "-b", "mmlu"],
        ["timeline", "--since", "2023", "--format", "csv"],
        ["models", "show", "nonexistent-model"],
        ["models", "list", "--since", "2023-13"],
    ):
        a, b = run_fast(*args), run_typer(*args)
        assert (a.exit_code, a.stdout, a.stderr) == (b.exit_code, b.stdout, b.stderr), args


def test_dataset_strings_are_printed_literally(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "models.yaml").write_text(
        "- id: markup\n  name: '[bold red]Not markup[/bold red] :smile:'\n  vendor: meta\n"
        "  description: 'a [link=https://x]link[/link]'\n  sources: [{title: '[i]t[/i]'}]\n",
        encoding="utf-8",
    )
    for args in (["models", "list", "--search", "markup"], ["models", "show", "markup"]):
        out = run_fast("--data-dir", str(tmp_path), *args).stdout
        assert "[bold red]Not markup[/bold red] :smile:" in out
    md = run_fast("--data-dir", str(tmp_path), "models", "show", "markup", "-f", "markdown").stdout
    assert "[link=https://x]link[/link]" in md


def test_on_an_80_column_terminal_the_timeline_fits(monkeypatch: pytest.MonkeyPatch) -> None:
    import genai_cli.output.plain_tables as rr

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Tty()
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    from genai_cli.commands.context import Ctx, Output
    from genai_cli.commands.timeline import run

    rr.print_layout(run(Ctx(out=Output())).layout, out, "footer")  # type: ignore[arg-type]
    lines = out.getvalue().splitlines()
    assert len(lines) > 60
    assert max(_display_width(line) for line in lines) <= 80
    assert "\x1b[" not in out.getvalue()


def test_an_internal_error_is_one_line_exit_1_unless_debugging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import genai_cli.commands.reference as reference

    def broken(ctx: object) -> None:
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(reference, "risks", broken)
    for run in (run_fast, run_typer):
        r = run("risks")
        assert r.exit_code == 1 and r.stdout == ""
        assert r.stderr.strip().splitlines() == [
            "genai risks: internal error: RuntimeError: something unexpected (set GENAI_DEBUG=1 for a traceback)"
        ]
    monkeypatch.setenv("GENAI_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run_fast("risks")


def test_timeline_of_a_vendor_holds_the_events_it_is_a_party_to(catalog) -> None:  # type: ignore[no-untyped-def]
    """An event another vendor leads (Microsoft's licence of GPT-3 is an OpenAI event,
    Microsoft its party) is on the party's timeline too."""
    parties = [e for e in catalog.records("events") if e["parties"]]
    assert parties
    for e in parties:
        for party in e["parties"]:
            found = json.loads(run_fast("timeline", "--vendor", party, "--json").stdout)
            assert e["id"] in {x["id"] for x in found}, (party, e["id"])
