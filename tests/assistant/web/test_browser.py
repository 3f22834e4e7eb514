"""The web app in a real browser (issue 6): Debian's chromium, headless, driven by Playwright.
Waits are for elements to appear, never for a time; each test leaves a screenshot in
test-output/browser/ and fails if the page called any host but the app or a script ran."""
from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GANSU_LEAD = "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?"
FIXTURE_HEADING = "河北省产品质量监督条例"


def ask(page, question: str):
    """Type a question, send it, and return the newest assistant message once it is final."""
    before = page.locator("#chat .zhiqa-answer, #chat .zhiqa-abstain").count()
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    final = page.locator("#chat .zhiqa-answer, #chat .zhiqa-abstain")
    final.nth(before).wait_for(timeout=60_000)
    return final.nth(before)


def _original(app_index, doc_id: str) -> str:
    from assistant.config import Settings
    from assistant.index.index import Index

    return Index(Settings(home=app_index)).snapshot().text(doc_id)


def test_ask_and_see_the_answer_with_its_citations(page, app_index):
    msg = ask(page, GANSU_LEAD)
    assert "zhiqa-answer" in msg.get_attribute("class")
    cites = msg.locator(".zhiqa-cites li")
    assert cites.count() >= 1
    assert "甘肃省贯彻实施质量发展纲要2015年行动计划" in cites.first.inner_text()
    original = _original(app_index, "gansu-2015-quality-development-action-plan")
    for i in range(cites.count()):
        assert cites.nth(i).locator("q").inner_text() in original  # quoted in the original (traditional) script


def test_open_a_citation_and_see_the_quote_highlighted(page, app_index):
    ask(page, GANSU_LEAD)
    page.locator("#citations label").first.click()
    mark = page.locator("#source mark.zhiqa-quote")
    mark.wait_for(timeout=30_000)
    quote = mark.inner_text()
    panel = page.locator("#source .zhiqa-source")
    start, end = int(panel.get_attribute("data-start")), int(panel.get_attribute("data-end"))
    assert _original(app_index, panel.get_attribute("data-doc"))[start:end] == quote
    meta = page.locator("#source dl").inner_text()
    for label in ("文件", "发文机关", "日期", "文号", "章节"):
        assert label in meta
    assert "甘肃省贯彻实施质量发展纲要2015年行动计划" in meta


def test_a_follow_up_uses_the_previous_question(page):
    ask(page, GANSU_LEAD)
    msg = ask(page, "配合单位有哪些?")
    understood = msg.locator(".zhiqa-understood").inner_text()
    assert "诚信" in understood  # the follow-up was read with the first question's topic
    assert "配合" in msg.inner_text() and msg.locator(".zhiqa-cites li").count() >= 1
    page.locator("#export").click()
    link = page.locator("#exported a").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as dl:
        link.click()
    text = open(dl.value.path(), encoding="utf-8").read()
    assert text.count("## 问题") == 2 and "配合单位有哪些" in text


def test_an_abstention_looks_different(page):
    msg = ask(page, "上海市2030年食品安全目标是什么?")
    assert "zhiqa-abstain" in msg.get_attribute("class")
    assert "文件不足以回答" in msg.locator(".zhiqa-flag").inner_text()
    assert "最接近的文件" in msg.inner_text()


def test_filters_limit_the_answer_to_a_region(page):
    page.locator("#chat-filters").click()
    page.locator("#f-region input").click()
    page.get_by_role("option", name="湖南").click()
    msg = ask(page, "企业应当建立什么制度?")  # unfiltered, a Guangxi passage answers
    titles = msg.locator(".zhiqa-cites li b").all_inner_texts()
    assert titles and all("湖南" in t for t in titles)


def test_upload_files_and_find_them_in_the_documents_table(page, fixtures_dir):
    page.get_by_role("tab", name="文件").click()
    page.locator("#upload input[type=file]").set_input_files(
        [str(fixtures_dir / n) for n in ("statute.txt", "notes.xyz", "script-notice.txt")]
    )
    page.locator('#upload td.filename[aria-label="script-notice.txt"]').wait_for(timeout=30_000)
    page.locator("#ingest").click()
    page.locator("#ingest-status .zhiqa-ok").wait_for(timeout=120_000)
    errors = page.locator("#ingest-status .zhiqa-errors li").all_inner_texts()
    assert len(errors) == 1 and errors[0].startswith("notes.xyz") and "不支持" in errors[0]
    page.locator("#documents").get_by_text(FIXTURE_HEADING).first.wait_for(timeout=30_000)
    assert page.locator("#documents").get_by_text("某市市场监督管理局关于网页安全检查的通知").count() == 1

    # the uploaded document answers, and its <script> shows as text in the source panel
    page.get_by_role("tab", name="问答").click()
    msg = ask(page, "发现网站安全问题的,多久内报告市局?")
    assert "五个工作日" in msg.inner_text()
    page.locator("#citations label").first.click()
    page.locator("#source mark.zhiqa-quote").wait_for(timeout=30_000)
    assert '<script>alert("zhiqa")</script>' in page.locator("#source .zhiqa-section").inner_text()
    assert page.locator("#source script").count() == 0


def test_generate_a_quiz_and_download_it(page):
    page.get_by_role("tab", name="出题").click()
    page.locator("#quiz-n input[type=number]").fill("6")
    page.locator("#quiz-go").click()
    page.locator("#quiz-summary").get_by_text("6 题").wait_for(timeout=60_000)
    assert page.locator("#quiz-preview").get_by_text("答案").count() >= 1
    names = [td.get_attribute("aria-label") for td in page.locator("#quiz-files td.filename").all()]
    assert sorted(names) == sorted(["测验-学生版.md", "测验-教师版.md", "测验-学生版.docx", "测验-教师版.docx"])
    with page.expect_download() as dl:
        page.locator("#quiz-files tr.file").filter(has=page.locator('td[aria-label="测验-教师版.md"]')).locator("a").click()
    text = open(dl.value.path(), encoding="utf-8").read()
    assert text.count("答案") == 6 and "出处" in text


def test_filter_the_responsibility_table_by_department(page):
    page.get_by_role("tab", name="职责").click()
    page.locator("#duties-go").click()
    count = page.locator("#duties-table-count")
    count.get_by_text("条记录").wait_for(timeout=60_000)
    every = int(count.inner_text().split()[0])
    page.locator("#duties-dept textarea, #duties-dept input").first.fill("省質監局")  # traditional form, as Gansu writes it
    page.locator("#duties-go").click()
    page.locator("#duties-table-count").get_by_text(f"{every} 条记录").wait_for(state="detached", timeout=60_000)
    some = int(count.inner_text().split()[0])
    assert 0 < some < every
    units = page.locator('#duties-table [role=gridcell][data-col="2"]').all_inner_texts()  # the 单位 column
    assert units and set(u.strip() for u in units) == {"省质量技术监督局"}


def test_markdown_and_html_in_a_question_show_as_typed(page):
    question = "**质量**奖励 <b>多少</b> ![图](http://198.51.100.7/x.png) [链接](http://198.51.100.7/)?"
    ask(page, question)
    shown = page.locator("#chat .zhiqa-question").last
    assert shown.inner_text() == question
    # nothing was rendered from it (and the page fixture fails on any request to that host)
    assert shown.locator("img, a, b, strong, em").count() == 0


def test_document_markup_makes_the_browser_fetch_nothing(browser, launcher, remote_host, hostile_page, screenshots,
                                                        tmp_path):
    """A page whose title and sentences hold ![](http://…) and <img>: uploaded, listed, quizzed
    and asked about, the browser asks nothing of the host those name, and shows the markup as text."""
    title, page_html = hostile_page
    upload = tmp_path / "网页检查.html"
    upload.write_text(page_html, encoding="utf-8")
    proc, url = launcher.start(tmp_path / "index", tmp_path / "ui.log")
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    outside: list[str] = []
    try:
        pg = context.new_page()
        pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((url, "data:", "blob:")) else None)
        pg.goto(url)
        pg.get_by_role("tab", name="文件").click()
        pg.locator("#upload input[type=file]").set_input_files([str(upload)])
        pg.locator('#upload td.filename[aria-label="网页检查.html"]').wait_for(timeout=30_000)
        pg.locator("#ingest").click()
        pg.locator("#ingest-status .zhiqa-ok").wait_for(timeout=120_000)
        cell = pg.locator("#documents [role=gridcell]").filter(has_text="某市网页安全检查通知").first
        cell.wait_for(timeout=30_000)
        assert cell.inner_text().strip() == title  # the markup, as text

        pg.get_by_role("tab", name="出题").click()
        pg.locator("#quiz-n input[type=number]").fill("4")
        pg.locator("#quiz-go").click()
        pg.locator("#quiz-summary").get_by_text("4 题").wait_for(timeout=60_000)
        assert title in pg.locator("#quiz-preview").inner_text()

        pg.get_by_role("tab", name="问答").click()
        msg = ask(pg, "发现网站安全问题的,多久内报告市局?")
        assert title in msg.locator(".zhiqa-cites").inner_text()
        pg.locator("#citations label").first.click()
        pg.locator("#source mark.zhiqa-quote").wait_for(timeout=30_000)
        assert title in pg.locator("#source h3").inner_text()
        for where in ("#documents", "#quiz-preview", "#chat", "#citations", "#source"):
            assert pg.locator(f"{where} img, {where} a[href*='{remote_host.host}']").count() == 0, where
        pg.screenshot(path=str(screenshots / "test_document_markup_makes_the_browser_fetch_nothing.png"), full_page=True)
    finally:
        context.close()
        launcher.stop(proc)
    assert remote_host.asked == [] and outside == []


def test_a_too_long_question_is_refused_in_the_chat(page):
    question = "质量" * 1500  # 3,000 characters, over the 2,000 allowed
    page.locator("#question textarea").fill(question)
    page.locator("#ask").click()
    error = page.locator("#chat .zhiqa-error").last
    error.wait_for(timeout=60_000)
    assert "问题太长(3000 字),请缩短到 2000 字以内" in error.inner_text()
    assert page.locator("#question textarea").input_value() == question  # left to be shortened
