"""HTML pages: drop scripts, styles and navigation; the visible text is the original."""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, CData, NavigableString

from ingest.errors import EmptyDocument
from ingest.loaders.text import decode_bytes
from ingest.models import LoadedText

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "iframe", "svg", "form", "button", "select")
_BLOCK_TAGS = (
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "section", "article", "header", "footer", "table", "ul", "ol", "dd", "dt", "title", "td", "th", "aside",
)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def _text_with_breaks(root) -> str:
    """The text get_text() would give with a newline around every block tag, in one pass and
    without recursion: inserting the newlines into the tree costs time quadratic in nesting depth
    (a page of 100,000 nested <div> never finished)."""
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]  # (node, closing a block tag)
    while stack:
        node, closing = stack.pop()
        if closing:
            parts.append("\n")
        elif isinstance(node, NavigableString):
            if type(node) in (NavigableString, CData):  # as get_text(): no comments, doctypes, ruby text
                parts.append(str(node))
        else:
            if node.name in _BLOCK_TAGS:
                parts.append("\n")
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    return "".join(parts)


# <meta name=…> of Chinese government sites (TRS, 政府网站发布规范): what the page says it is
_META = {
    "title": ("ArticleTitle", "title", "og:title", "dc.title"),
    "published": ("PubDate", "pubdate", "publishdate", "article:published_time", "dc.date"),
    "source": ("ContentSource", "source", "author", "dc.publisher"),
}


def declared_metadata(soup: BeautifulSoup) -> tuple[tuple[str, str], ...]:
    """(field, value) from the page's <meta> tags, in the order of _META."""
    found = {}
    for tag in soup.find_all("meta"):
        name = (tag.get("name") or tag.get("property") or "").strip().lower()
        value = (tag.get("content") or "").strip()
        for field, names in _META.items():
            if value and field not in found and name in (n.lower() for n in names):
                found[field] = value
    return tuple((f, found[f]) for f in _META if f in found)


def html_to_text(markup: str) -> str:
    return _visible_text(BeautifulSoup(markup, "lxml"))


def _visible_text(soup: BeautifulSoup) -> str:
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": "navigation"}):
        tag.decompose()
    raw = _text_with_breaks(soup)
    lines = []
    for line in raw.split("\n"):
        line = _SPACES.sub(" ", line).strip(" ")
        if line:
            lines.append(line)
    return "\n".join(lines)


def load_html(path: Path) -> LoadedText:
    markup, encoding = decode_bytes(path.read_bytes(), path)
    # a <meta charset> that disagrees with the bytes is common on old government sites;
    # the byte-level detection above is what decoded the text, so it wins.
    soup = BeautifulSoup(markup, "lxml")
    declared = declared_metadata(soup)
    text = _visible_text(soup)
    if not text.strip():
        raise EmptyDocument(path, "the HTML page has no visible text")
    return LoadedText(source=path, text=text, format="html", encoding=encoding, declared=declared)
