"""The articles of a statute as units: each 第N条 with its number as an integer, its
paragraphs (款) and items (项), as spans of the original text.

An article runs from its number to the next heading of its rank or above (the next article,
section or chapter). A paragraph is a line of the article that is not an item; its items are
the (一)/（一）/(1)/1. lines after it. An article number that stands alone on its line (as
government PDFs print it) belongs to the article's first paragraph."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.models import Section
from ingest.patterns import NUMERAL, numeral_value

_ITEM_LINE = re.compile(r"^[\s\u3000]*(?:[(（][零〇一二三四五六七八九十百\d]+[)）]|\d{1,3}[.．、](?!\d))")
_NUMBER_ONLY = re.compile(rf"^[\s\u3000]*第{NUMERAL}[条條][\s\u3000]*$")
_BLANK = " \t\r\n\u3000\xa0"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    items: tuple[tuple[int, int], ...]  # the items of this paragraph, in order


@dataclass(frozen=True)
class Article:
    number: int
    start: int  # offset of 第N条
    end: int  # end of its last line (trailing blanks left out)
    section_index: int  # its Section in the document's tree
    paragraphs: tuple[Paragraph, ...]

    @property
    def items(self) -> tuple[tuple[int, int], ...]:
        return tuple(span for p in self.paragraphs for span in p.items)


def article_at(articles: list[Article] | tuple[Article, ...], offset: int) -> Article | None:
    """The article that ``offset`` falls in, if any."""
    return next((a for a in articles if a.start <= offset < a.end), None)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines inside [start, end), trimmed."""
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        while s < e and text[s] in _BLANK:
            s += 1
        while e > s and text[e - 1] in _BLANK:
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def articles(text: str, sections: list[Section] | tuple[Section, ...]) -> list[Article]:
    """The document's articles in order (an empty list for a document without 第N条)."""
    out = []
    for sec in sections:
        if sec.kind != "article":
            continue
        number = numeral_value(sec.number)
        lines = _lines(text, sec.start, sec.end)
        if number is None or not lines:
            continue
        paragraphs: list[list] = []  # [start, end, items]
        joined_number = False
        for s, e in lines:
            if _ITEM_LINE.match(text[s:e]) and paragraphs:
                paragraphs[-1][1] = e
                paragraphs[-1][2].append((s, e))
            elif joined_number:  # the text after a number that stood alone on its line
                paragraphs[-1][1] = e
                joined_number = False
            else:
                paragraphs.append([s, e, []])
                joined_number = not paragraphs[:-1] and bool(_NUMBER_ONLY.match(text[s:e]))
        out.append(Article(number, lines[0][0], lines[-1][1], sec.index,
                           tuple(Paragraph(s, e, tuple(items)) for s, e, items in paragraphs)))
    return out
