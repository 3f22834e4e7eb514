"""The search form of a document with a map back to the original, and the sentence and
clause splits the extractors share.

``normalize`` is not length-preserving: NFKC expands a few characters (… → ...) and the
Taiwan vocabulary table rewrites 智慧財產權 (5 characters) as 知识产权 (4), so after the first
such term every offset in the Gansu plan is off. The extractors match one set of patterns on
the normalised text (simplified, half-width, lower case: 牽頭 and 牵头, （ and ( alike) and
report spans on the original through :meth:`NormalizedText.span`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ingest.history import header_spans
from ingest.models import Section
from ingest.normalize import fold_width, may_shift_offsets, normalize, normalize_many, to_simplified

# sentence ends in the normalised text (NFKC turns ！？； into !?;, and keeps 。)
SENTENCE_ENDS = "。!?;\n"
FULL_STOPS = "。!?\n"  # sentences whose parts (split at ;) share a subject
CLAUSE_ENDS = SENTENCE_ENDS + ",:"
_TRIM = " \t\r\n\u3000\xa0,;:、"


@dataclass(frozen=True)
class NormalizedText:
    """``text == normalize(original)``; ``span(a, b)`` is the original span behind text[a:b]."""

    original: str
    text: str
    starts: tuple[int, ...]  # original offset where the source of text[i] begins
    ends: tuple[int, ...]  # original offset where it ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else len(self.original)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def locate(self, offset: int) -> int:
        """Offset in ``text`` of the first character whose source starts at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def simplified(self, start: int, end: int) -> str:
        """The original text behind text[start:end], in simplified script (case kept)."""
        s, e = self.span(start, end)
        return simplify(self.original[s:e])


def simplify(text: str) -> str:
    """Field form of a verbatim span: width-folded, simplified, mainland terms, trimmed."""
    return to_simplified(fold_width(text)).strip(_TRIM)


_CLAUSE_CUT = re.compile(r"(?<=[。，；！？,;])")


_WINDOW = 160
_CONTEXT = 16  # characters each side that decide whether a cut splits a rewrite (terms are shorter)


def _clean_cut(piece: str, at: int) -> bool:
    """Normalising the two sides of ``at`` apart gives what normalising them together gives."""
    left, right = piece[max(0, at - _CONTEXT) : at], piece[at : at + _CONTEXT]
    return normalize(left) + normalize(right) == normalize(left + right)


def _cuts(piece: str):
    """Ways to cut a long line: at its clause ends, else about every _WINDOW characters at a
    point where no rewrite straddles the cut."""
    yield [p for p in _CLAUSE_CUT.split(piece) if p]
    bounds, at = [0], _WINDOW
    while at < len(piece):
        cut = next((c for c in range(at, min(at + _WINDOW // 2, len(piece))) if _clean_cut(piece, c)), None)
        if cut is None:
            break
        bounds.append(cut)
        at = cut + _WINDOW
    bounds.append(len(piece))
    yield [piece[a:b] for a, b in zip(bounds, bounds[1:])]


def _align_piece(piece: str, offset: int, out: list[str], starts: list[int], ends: list[int],
                 norm: str | None = None) -> None:
    norm = normalize(piece) if norm is None else norm
    shifted = len(norm) != len(piece) or may_shift_offsets(piece, norm)
    if shifted and len(piece) > 200:
        # the diff below is quadratic: a long line is aligned piece by piece (clauses, else
        # windows cut where no rewrite straddles the cut), when its pieces normalise to the same
        # text as the whole line
        for parts in _cuts(piece):
            if len(parts) < 2:
                continue
            norms = [normalize(p) for p in parts]
            if "".join(norms) == norm:
                for part, part_norm in zip(parts, norms):
                    _align_piece(part, offset, out, starts, ends, part_norm)
                    offset += len(part)
                return
    out.append(norm)
    if not shifted:
        starts.extend(range(offset, offset + len(piece)))
        ends.extend(range(offset + 1, offset + len(piece) + 1))
        return
    # each character on its own, then a diff against the whole piece: multi-character
    # rewrites (Taiwan terms) become 'replace' blocks that map to their whole source
    owner: list[int] = []
    per_char = []
    for i, ch in enumerate(piece):
        n = normalize(ch)
        per_char.append(n)
        owner.extend([i] * len(n))
    joined = "".join(per_char)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, joined, norm, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(j2 - j1):
                src = owner[i1 + k]
                starts.append(offset + src)
                ends.append(offset + src + 1)
        elif j2 > j1:
            if i2 > i1:
                s, e = owner[i1], owner[i2 - 1] + 1
            else:  # inserted: attach to the neighbouring source character
                s = e = owner[i1] if i1 < len(owner) else len(piece)
            starts.extend([offset + s] * (j2 - j1))
            ends.extend([offset + e] * (j2 - j1))


@lru_cache(maxsize=16)
def normalized(original: str) -> NormalizedText:
    """Line by line (normalisation never spans a line break), diffing only lines that change length."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    lines = original.splitlines(keepends=True)
    for line, norm in zip(lines, normalize_many(lines)):
        _align_piece(line, pos, out, starts, ends, norm)
        pos += len(line)
    return NormalizedText(original, "".join(out), tuple(starts), tuple(ends))


def parallel(original: str) -> str:
    """The original text with each character that normalises to exactly one character replaced
    by it (條 → 条, （ → (), others kept: the same length and offsets as the original, so a
    pattern written in simplified script finds its spans in a traditional document."""
    nt = normalized(original)
    chars = list(original)
    count = [0] * (len(original) + 1)
    for s, e in zip(nt.starts, nt.ends):
        if e - s == 1:
            count[s] += 1
    for ch, s, e in zip(nt.text, nt.starts, nt.ends):
        if e - s == 1 and count[s] == 1:
            chars[s] = ch
    return "".join(chars)


def trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _between_digits(text: str, i: int) -> bool:
    """An ASCII ? or ! between two digits (3?15) is mojibake for a middle dot, not an end."""
    return text[i] in "?!" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


@lru_cache(maxsize=8)
def _stop_pattern(stops: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(stops) + "]")


def _split(text: str, start: int, end: int, stops: str, keep_period: bool) -> list[tuple[int, int]]:
    spans = []
    s = start
    for m in _stop_pattern(stops).finditer(text, start, end):
        i = m.start()
        if not _between_digits(text, i):
            a, b = trim(text, s, i + 1 if keep_period and text[i] == "。" else i)
            if b > a:
                spans.append((a, b))
            s = i + 1
    a, b = trim(text, s, end, _TRIM if keep_period else _TRIM + "。")
    if b > a:
        spans.append((a, b))
    return spans


_ORIGINAL_ENDS = "。！？；!?;\n"  # sentence ends in an original text (full-width or not)
_BLANKS = " \t\r\n\u3000\xa0"


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of an original text that holds text[start:end], a closing 。 kept in it,
    blanks trimmed; a ? or ! between digits (3?15) does not end it."""
    s = start
    while s > 0 and not (text[s - 1] in _ORIGINAL_ENDS and not _between_digits(text, s - 1)):
        s -= 1
    e = max(start, end - 1)
    while e < len(text) and not (text[e] in _ORIGINAL_ENDS and not _between_digits(text, e)):
        e += 1
    if e < len(text) and text[e] == "。":
        e += 1
    return trim(text, s, e, _BLANKS)


def sentences(text: str, start: int = 0, end: int | None = None, stops: str = SENTENCE_ENDS) -> list[tuple[int, int]]:
    """Sentence spans of a normalised text (an ending 。 stays inside its sentence)."""
    return _split(text, start, len(text) if end is None else end, stops, keep_period=True)


def body_sentences(view: NormalizedText, sections: list[Section], stops: str = SENTENCE_ENDS) -> list[tuple[int, int]]:
    """Sentences of the normalised text, a heading's numbering token (第四条, (一)) left out, and
    a law's header lines (…会议通过: its metadata, ingest.history) left out."""
    numbering = {}
    for sec in sections:
        numbering[view.locate(sec.start)] = view.locate(sec.start + len(sec.number))
    header = [(view.locate(a), view.locate(b)) for a, b in header_spans(view.original)]
    found = []
    for s, e in sentences(view.text, stops=stops):
        if any(a <= s < b for a, b in header):
            continue
        if s in numbering:
            s, e = trim(view.text, numbering[s], e)
        if e > s:
            found.append((s, e))
    return found


@lru_cache(maxsize=4096)
def clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Clause spans (split at , ; : and sentence ends, which they leave out) inside text[start:end].
    Remembered: each extractor splits the same sentences (a text's hash is computed once)."""
    return tuple(_split(text, start, end, CLAUSE_ENDS, keep_period=False))


_TITLE = re.compile(r"《[^《》]*》")


def title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of 《…》 titles: a date or a rate inside a cited title is not the document's own."""
    return [m.span() for m in _TITLE.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)
