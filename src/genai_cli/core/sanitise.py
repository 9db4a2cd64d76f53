"""Text from files, made safe to print: no control character reaches a terminal raw.

Catalogs are third-party text and a user's files are edited by hand; a name
holding ``ESC]0;…BEL`` would set the window title, ``ESC[2J`` clear the
screen, an OSC 8 sequence plant a hyperlink, a bidi override reorder what
the user reads. So everything genai prints for a person goes through
:func:`visible`, at the output's boundary (the renderers, the charts, the
messages on stderr), and JSON and YAML text through :func:`json_text` and
:func:`escape_quoted`, which write them as escapes the format defines.

What is unsafe (:data:`UNSAFE`): the C0 controls (tab and newline only where a
format keeps them), DEL, the C1 controls U+0080–U+009F (``\\x9b`` is CSI on
many terminals), the bidi embeddings, overrides and isolates U+202A–U+202E and
U+2066–U+2069, and the implicit bidi marks U+200E, U+200F and U+061C (invisible,
they too reorder the text around them, and no model name needs them). Each is
shown as Python writes it in a string: ``\\x1b``, ``\\t``, ``\\u202e``.

Stdlib only and cheap, for the start-up path: :meth:`str.isprintable` (C)
answers for the usual text, which holds none of them; only text that is not
printable is translated.

>>> visible("a\\x1b[2Jb\\u202ec")
'a\\\\x1b[2Jb\\\\u202ec'
>>> visible("two\\nlines\\tand a tab", keep="\\n\\t")
'two\\nlines\\tand a tab'
"""

from __future__ import annotations

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    import re

UNSAFE: frozenset[int] = frozenset(
    (
        *range(0x00, 0x20),  # C0
        0x7F,  # DEL
        *range(0x80, 0xA0),  # C1
        *range(0x202A, 0x202F),  # bidi embeddings and overrides
        *range(0x2066, 0x206A),  # bidi isolates
        0x200E,  # LEFT-TO-RIGHT MARK
        0x200F,  # RIGHT-TO-LEFT MARK
        0x061C,  # ARABIC LETTER MARK
    )
)
"""The code points never printed raw (but tab and newline where a format keeps them)."""

_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}


def escape(code: int) -> str:
    """How an unsafe character is shown: ``\\x1b``, ``\\t``, ``\\u202e``."""
    if code in _NAMED:
        return _NAMED[code]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_TABLES: dict[str, dict[int, str]] = {}


def _table(keep: str) -> dict[int, str]:
    table = _TABLES.get(keep)
    if table is None:
        kept = {ord(ch) for ch in keep}
        table = _TABLES[keep] = {c: escape(c) for c in UNSAFE if c not in kept}
    return table


def visible(text: str, keep: str = "\n") -> str:
    """``text`` with every unsafe character shown as its escape, but those of ``keep``
    (newline by default: a table's cell may have lines; ``"\\n\\t"`` where a tab is
    harmless, as in CSV and messages)."""
    if text.isprintable():  # the usual text: nothing to do (C speed)
        return text
    return text.translate(_table(keep))


def has_unsafe(text: str, keep: str = "") -> bool:
    """Does ``text`` hold an unsafe character (but those of ``keep``)?"""
    return not text.isprintable() and text.translate(_table(keep)) != text


_STRIP = {c: (" " if c in (0x09, 0x0A, 0x0B, 0x0C, 0x0D) else None) for c in UNSAFE}


def strip(text: str) -> str:
    """``text`` without its unsafe characters, for a value that has no business
    holding any (an id, a provider's or a model's name, a version): tab and line
    breaks become spaces, the others go, and the ends are stripped of spaces.
    Text without any is returned as it is."""
    if text.isprintable():
        return text
    out = text.translate(_STRIP)
    return out.strip(" ") if out != text else text


# --------------------------------------------------------------------------- JSON and YAML

_JSON_UNSAFE = "".join(chr(c) for c in sorted(UNSAFE) if c >= 0x7F)
"""What JSON's encoder writes raw (it escapes C0 itself; ``ensure_ascii`` all of them)."""
_pattern: re.Pattern[str] | None = None


def _unsafe_pattern() -> re.Pattern[str]:
    global _pattern
    if _pattern is None:
        import re  # deferred: about 10 ms, for text that is not printable alone

        _pattern = re.compile(f"[{re.escape(_JSON_UNSAFE)}]")
    return _pattern


def json_text(text: str) -> str:
    """JSON text (``json.dumps`` without ``ensure_ascii``) with DEL, C1 and bidi
    controls written as ``\\u009b`` escapes: the same document, safe to print.
    (Raw, they can only be inside strings, where the escape means the same; so
    too in YAML whose strings holding them are double-quoted.)"""
    if text.isascii():  # known in O(1); DEL is the one unsafe ASCII left raw
        return text.replace("\x7f", "\\u007f") if "\x7f" in text else text
    probe = text.replace("\n", " ") if "\n" in text else text  # indented
    if probe.isprintable():
        return text
    return _unsafe_pattern().sub(lambda m: f"\\u{ord(m.group()):04x}", text)
