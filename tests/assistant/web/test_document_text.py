"""Document text shows as text (issue 20): a page whose title and sentences hold Markdown image
links and <img> tags is ingested for real, and nothing the web app renders from it (quiz
preview, chat answer and citations, source panel) holds an image or a link, whether read as
HTML or first through a Markdown renderer, as the chat and gr.Markdown do."""
from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import pytest

from assistant.config import Settings
from assistant.web import render
from assistant.web.service import WebService

pytestmark = pytest.mark.slow  # the web service over its own index

LIVE_TAGS = {"img", "a", "script", "iframe", "image", "svg", "video", "audio", "source", "link", "object", "embed"}


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in LIVE_TAGS or any(name in ("src", "href", "srcset", "background") for name, _ in attrs):
            self.live.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def live_markup(shown: str) -> tuple[list[str], str]:
    """(tags that would fetch or link, visible text) of ``shown`` read as HTML and, as the chat
    reads a message, as Markdown with HTML allowed."""
    from markdown_it import MarkdownIt  # comes with gradio (extra "ui")

    live, text = [], ""
    for html in (shown, MarkdownIt("commonmark", {"html": True}).render(shown)):
        parser = _Markup()
        parser.feed(html)
        live += parser.live
        text = "".join(parser.text)
    return live, text


@pytest.fixture()
def hostile(tmp_path, remote_host, hostile_page):
    title, page = hostile_page
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    svc = WebService(Settings(home=tmp_path / "index"), downloads=tmp_path / "dl")
    svc.downloads.mkdir()
    out = svc.upload([("网页检查.html", tmp_path / "page.html")])
    assert out.added == ["网页检查"]
    assert svc.snapshot().docs["网页检查"].meta.title == title  # the markup really is in the title
    return svc, title, remote_host


def test_the_quiz_preview_shows_document_text_as_text(hostile):
    svc, title, host = hostile
    out = svc.quiz(n=4)
    assert title in out.preview  # the markup is in what the quiz quotes …
    live, text = live_markup(out.preview_html)
    assert live == []  # … and nothing of it is live in what the preview shows
    assert title in text and "答案" in text
    assert host.asked == []


def test_answers_citations_and_the_source_panel_show_document_text_as_text(hostile):
    svc, title, _ = hostile
    ans = svc.ask("发现网站安全问题的,多久内报告市局?")
    assert not ans.abstained and ans.citations and ans.citations[0].title == title
    for shown in (render.answer_html(ans), svc.source_html(ans.citations[0])):
        live, text = live_markup(shown)
        assert live == [] and title in text
    live, text = live_markup(render.question_html("看图 ![](http://198.51.100.7/x.png)\n\n![](http://198.51.100.7/y.png)"))
    assert live == [] and "![](http://198.51.100.7/y.png)" in text


def test_text_html_keeps_every_character(hostile):
    _, title, _ = hostile
    for text in (title, "a\n\nb ![x](y) <b>c</b> & {{d}} ${e} www.example.com", "第一行\r\n\r\n第二行"):
        assert unescape(render.text_html(text).replace("<br>", "\n")) == text.replace("\r\n", "\n")
        assert "\n" not in render.text_html(text)  # one line: no blank line can end the chat's HTML block
