"""Fitting a table into a width: which columns stay, how wide each is, and
where each cell's lines break (imported only for ``--format table``).

A table too wide for its width first leaves out its low-priority columns
(``Column.early``, in ``Column.drop`` order) until it fits unfolded (a long
text counted at its ``max_width``); then, only if even folded at spaces it
would not fit (a long text at half its ``max_width``), its other droppable
columns. Then the widest columns fold, widest first, down to their longest
word (a column of long ids that folds, ``Column.fold``, after the others);
a table still too wide ellipsizes words, the first column (what names a row)
last. Lines break only at spaces and next to Chinese characters
(which have no spaces), never inside a word: a word wider than its column is
ellipsized (``microso…``), and a URL, which an ellipsis would lose, folds.
Widths are counted in terminal cells (a Chinese character is two).
"""

from __future__ import annotations

from .cells import cell_len, is_wide
from .layout import Cell, Table

TYPE_CHECKING = False  # a start-up module: see tests/test_startup.py
if TYPE_CHECKING:
    from collections.abc import Iterator

ELLIPSIS = "…"
URL_MIN = 20
"""A URL folds, so it asks no more than this of its column's width."""
SHORT = 10
"""How narrow a column gets, ellipsizing its words, before the first column gives way."""
NO_START = set("，。、；：！？）」』》〉】”’…—,.;:!?)]}%％·\"'")
"""Punctuation that never starts a line (it stays with the character before)."""
NO_END = set("（「『《〈【“‘([{\"'")
"""Punctuation that never ends a line (it stays with the character after)."""


def split_spaces(line: str) -> list[str]:
    """``re.split(r"(\\s+)", line)`` without ``re`` (10 ms to import; a piped table
    is on the start-up path): the words and the runs of white space between them."""
    parts: list[str] = []
    start = i = 0
    n = len(line)
    while i < n:
        if line[i].isspace():
            j = i + 1
            while j < n and line[j].isspace():
                j += 1
            parts += (line[start:i], line[i:j])
            start = i = j
        else:
            i += 1
    parts.append(line[start:])
    return parts


def overhead(n: int) -> int:
    """What a rich table of ``n`` columns adds to their widths: a space of padding
    on each side of a cell and a space between columns (the ``SIMPLE_HEAD`` box
    without edges)."""
    return 3 * n - 1 if n else 0


def _is_url(word: str) -> bool:
    return "://" in word or word.startswith("www.")


def segments(line: str) -> Iterator[tuple[str, str]]:
    """The unbreakable pieces of a line, each with the whitespace after it: words,
    and single Chinese characters (with the punctuation that stays with them)."""
    parts = split_spaces(line)
    for n in range(0, len(parts), 2):
        word, space = parts[n], parts[n + 1] if n + 1 < len(parts) else ""
        if not word:
            continue
        start = 0
        for i in range(1, len(word)):
            prev, ch = word[i - 1], word[i]
            if (is_wide(prev) or is_wide(ch)) and ch not in NO_START and prev not in NO_END:
                yield word[start:i], ""
                start = i
        yield word[start:], space


def ellipsize(word: str, width: int) -> str:
    """The longest start of ``word`` that fits ``width`` with an ellipsis."""
    if cell_len(word) <= width:
        return word
    out = ""
    for ch in word:
        if cell_len(out + ch) + 1 > width:
            break
        out += ch
    return out + ELLIPSIS


def _fold(word: str, width: int) -> list[str]:
    chunks = [""]
    for ch in word:
        if chunks[-1] and cell_len(chunks[-1] + ch) > width:
            chunks.append("")
        chunks[-1] += ch
    return chunks


SOFT = ("/:,", "-")
"""Where an id folds, if it can: after a ``/``, ``:`` or ``,`` (``models.dev:``
``openrouter/``), else after a ``-``."""


def _fold_id(word: str, width: int) -> list[str]:
    """A word too wide for ``width`` in lines, each ending after the last of the
    :data:`SOFT` characters it holds (else where the width ends)."""
    lines: list[str] = []
    while cell_len(word) > width:
        head = _fold(word, width)[0]
        for soft in SOFT:
            cut = max(head.rfind(c) for c in soft) + 1
            if cut > 1:
                break
        else:
            cut = len(head)
        lines.append(word[:cut])
        word = word[cut:]
    return [*lines, word]


def wrap(text: str, width: int, *, fold: bool = False) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces (and next to
    Chinese characters); a word too wide is ellipsized, a URL folds (``fold``:
    any word folds, ids preferably after a ``/``, ``:`` or ``,``)."""
    width = max(width, 1)
    lines: list[str] = []
    for para in text.split("\n"):
        if cell_len(para) <= width:
            lines.append(para.rstrip())
            continue
        current, pending = "", ""
        for seg, space in segments(para):
            joined = current + pending + seg if current else seg
            if cell_len(joined) <= width:
                current = joined
            else:
                if current:
                    lines.append(current)
                if cell_len(seg) <= width:
                    current = seg
                elif _is_url(seg):
                    *full, current = _fold(seg, width)
                    lines += full
                elif fold:
                    *full, current = _fold_id(seg, width)
                    lines += full
                else:
                    current = ellipsize(seg, width)
            pending = space
        lines.append(current)
    return lines


def natural(text: str) -> int:
    """The width of ``text`` on one line per line."""
    return max((cell_len(line) for line in text.split("\n")), default=0)


def longest_word(text: str, fold: bool = False) -> int:
    """The narrowest ``text`` can fold without breaking a word (``fold``: any word
    folds, as a URL does)."""
    widest = 0
    for line in text.split("\n"):
        for seg, _ in segments(line):
            w = cell_len(seg)
            widest = max(widest, min(w, URL_MIN) if fold or _is_url(seg) else w)
    return widest


def widths(table: Table, width: int | None, columns: list[int]) -> tuple[list[int], list[int]]:
    """The columns that stay (indices into ``table.columns``) and their widths,
    for a table at most ``width`` cells wide (``None``: no limit)."""
    cols = table.columns
    nat: dict[int, int] = {}
    least: dict[int, int] = {}
    for i in columns:
        cells = [row[i].text for row in table.rows]
        col = cols[i]
        body = max((natural(t) for t in cells), default=0)
        nat[i] = max(natural(col.header), body)
        words = body if col.no_wrap else max((longest_word(t, col.fold) for t in cells), default=0)
        header = max((cell_len(w) for w in col.header.split()), default=0)
        least[i] = max(header, words, 1)
        if width is not None and col.max_width is not None:
            nat[i] = min(nat[i], max(col.max_width, least[i]))
    kept = list(columns)
    if width is None or not kept:
        return kept, [nat[i] for i in kept]

    def total(size: dict[int, int]) -> int:
        return sum(size[i] for i in kept) + overhead(len(kept))

    def leave_out(early: bool, size: dict[int, int]) -> None:
        order = sorted(
            (i for i in kept if cols[i].drop is not None and cols[i].early == early),
            key=lambda i: (cols[i].drop, -i),
        )
        while order and total(size) > width and len(kept) > 1:
            kept.remove(order.pop(0))

    # low-priority columns go before anything folds; the others only when the
    # table cannot fit folded (a long text at no less than half its width)
    leave_out(True, nat)
    leave_out(False, {i: max(least[i], (cols[i].max_width or 0) // 2) for i in kept})
    size = {i: nat[i] for i in kept}
    # fold at spaces, widest first (a column that folds its words, the last);
    # else ellipsize long words: the other columns
    # down to a few characters first, then the first column (what names the
    # row), then all of them; a whole column (an id) never below its widest word
    first = kept[0]
    whole = {i: least[i] if cols[i].whole else 1 for i in kept}
    short = {i: max(min(least[i], SHORT), whole[i]) for i in kept}
    steps = (
        (least, [i for i in kept if not cols[i].fold]),  # a column that folds, last
        (least, kept),
        (short, [i for i in kept if i != first] or kept),
        (short, kept),
        (whole, kept),
    )
    for floor, among in steps:
        while total(size) > width:
            room = [i for i in among if size[i] > floor[i]]
            if not room:
                break
            widest = max(room, key=lambda i: (size[i], i))
            size[widest] -= 1
    return kept, [size[i] for i in kept]


def fit(table: Table, width: int | None) -> tuple[Table, list[int]]:
    """``table`` with the columns that fit ``width`` and its cells in lines that
    fit their columns, and the columns' widths."""
    kept, sizes = widths(table, width, table.shown())
    columns = [table.columns[i] for i in kept]
    if width is None:
        rows = [[row[i] for i in kept] for row in table.rows]
    else:
        rows = [
            [
                Cell("\n".join(wrap(row[i].text, w, fold=columns[n].fold)), row[i].style)
                for n, (i, w) in enumerate(zip(kept, sizes, strict=True))
            ]
            for row in table.rows
        ]
    out = Table(columns, rows, table.title, table.caption, table.sections)
    return out, sizes
