"""The value types: partial dates, quantities as the report writes them, settings."""

from __future__ import annotations

import doctest

import pytest

from genai_cli.dataset import parsing as values
from genai_cli.dataset.parsing import (
    date_bounds,
    date_in_range,
    parse_amount,
    parse_partial_date,
    parse_setting,
    slugify,
)
from genai_cli.output.text import count as human_count
from genai_cli.output.text import tokens as human_tokens


def test_doctests() -> None:
    result = doctest.testmod(values)
    assert result.attempted > 5 and result.failed == 0


@pytest.mark.parametrize("text", ["2015", "2023-07", "2023-03-14", "2024-02-29", "0001"])
def test_valid_partial_dates(text: str) -> None:
    assert parse_partial_date(text) == text


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("2023-13", "month must be 01-12"),
        ("2023-00", "month must be 01-12"),
        ("2023-02-30", "day must be 01-28"),
        ("2023-02-29", "day must be 01-28"),
        ("2023-13-45", "month must be 01-12"),
        ("23-01", "expected YYYY"),
        ("2023/01/02", "expected YYYY"),
        ("2023-1-2", "expected YYYY"),
        ("", "expected YYYY"),
        ("0000", "year must be"),
        ("2023-03-14T00:00", "expected YYYY"),
    ],
)
def test_invalid_partial_dates(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_partial_date(text)


def test_dates_sort_as_strings_and_ranges_overlap() -> None:
    assert sorted(["2023-03-14", "2015", "2023", "2023-07"]) == [
        "2015",
        "2023",
        "2023-03-14",
        "2023-07",
    ]
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_in_range("2023-03-14", "2023", None)
    assert date_in_range("2023", "2023-06", "2023-06")  # the year overlaps June
    assert not date_in_range("2022-12-31", "2023", None)
    assert not date_in_range("2024-01", None, "2023")
    assert not date_in_range(None, "2023", None)


@pytest.mark.parametrize(
    ("text", "state", "lo", "hi"),
    [
        ("1750亿", "exact", 175_000_000_000, 175_000_000_000),
        ("6.4亿", "exact", 640_000_000, 640_000_000),
        ("4810亿", "exact", 481_000_000_000, 481_000_000_000),
        ("70-650亿", "range", 7_000_000_000, 65_000_000_000),
        ("70-700亿", "range", 7_000_000_000, 70_000_000_000),
        ("175B", "exact", 175_000_000_000, 175_000_000_000),
        ("1.5B", "exact", 1_500_000_000, 1_500_000_000),
        ("340M", "exact", 340_000_000, 340_000_000),
        ("117M", "exact", 117_000_000, 117_000_000),
        ("大概175B-6B-1.3B", "range", 1_300_000_000, 175_000_000_000),
        ("远大于1750亿", "lower_bound", 175_000_000_000, None),
        ("未知", "undisclosed", None, None),
        ("2 Trillion", "exact", 2_000_000_000_000, 2_000_000_000_000),
        ("2万亿", "exact", 2_000_000_000_000, 2_000_000_000_000),
        ("32,000 token", "exact", 32_000, 32_000),
        ("128K", "exact", 128_000, 128_000),
        ("100万个Token", "exact", 1_000_000, 1_000_000),
        ("2000万", "exact", 20_000_000, 20_000_000),
    ],
)
def test_parse_amount(text: str, state: str, lo: int | None, hi: int | None) -> None:
    q = parse_amount(text)
    assert (q["state"], q["min"], q["max"]) == (state, lo, hi)


def test_parse_amount_marks_approximations_and_refuses_non_numbers() -> None:
    assert parse_amount("大概175B-6B-1.3B")["approximate"] is True
    assert parse_amount("1750亿")["approximate"] is False
    with pytest.raises(ValueError):
        parse_amount("many")


@pytest.mark.parametrize(
    ("label", "normal", "shots", "cot", "agg"),
    [
        ("5-shot", "5-shot", 5, False, None),
        ("5 shot", "5-shot", 5, False, None),
        ("0-shot CoT", "0-shot CoT", 0, True, None),
        ("3-shot CoT", "3-shot CoT", 3, True, None),
        ("Maj1@32", "Maj1@32", None, False, "maj1@32"),
        ("Variable shots", "variable shots", None, False, None),
        ("variable shots", "variable shots", None, False, None),
        ("4-shot", "4-shot", 4, False, None),
        ("CoT@32", "CoT@32", None, True, "cot@32"),
    ],
)
def test_parse_setting(
    label: str, normal: str, shots: int | None, cot: bool, agg: str | None
) -> None:
    d = parse_setting(label)
    assert (d["label"], d["shots"], d["cot"], d["aggregation"]) == (normal, shots, cot, agg)


def test_variable_shots_and_samples() -> None:
    assert parse_setting("Variable shots")["variable_shots"] is True
    assert parse_setting("Maj1@32")["samples"] == 32
    with pytest.raises(ValueError):
        parse_setting("   ")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Claude 3 Opus", "claude-3-opus"),
        ("Gemini 1.5 Pro", "gemini-1.5-pro"),
        ("GPT-4", "gpt-4"),
        ("0-shot CoT", "0-shot-cot"),
        ("Maj1@32", "maj1-32"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_human_units() -> None:
    assert human_count(175_000_000_000) == "175B"
    assert human_count(1_500_000_000) == "1.5B"
    assert human_count(25_557_032) == "25.56M"
    assert human_tokens(128_000) == "128K"
    assert human_tokens(8192) == "8,192"
    assert human_tokens(None) == "—"
