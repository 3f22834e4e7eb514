"""A question of what an actor must do (对举报人有什么要求?, X需要怎么…, X有哪些义务) is answered
by the provisions whose subject is that actor, not by those that only name it; and a question
naming its document by title is searched for its topic, not for the title's words. The actor
forms here are not the gold set's; the end-to-end checks use development documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.search.duties import asked_actor, bears_duty
from ingest.normalize import normalize

LAWS = Path(__file__).resolve().parents[3] / "eval" / "corpora" / "laws"


def _nowhere(word: str) -> bool:
    return False


@pytest.fixture(scope="module")
def used():
    """Is a word in one of the development laws (what the assistant asks of the indexed texts)?"""
    texts = [normalize(p.read_text(encoding="utf-8")) for p in sorted(LAWS.glob("*.md"))]
    return lambda word: any(word in t for t in texts)


@pytest.mark.parametrize("question, actor", [
    ("电子商务法对电商平台有什么要求?", "电商平台"),  # two actor words, one name
    ("条例对特种设备使用单位提出了哪些要求", "特种设备使用单位"),  # widened to the documents' name
    ("快递员收件时应当怎么验视?", "快递员"),  # a head cut off by the segmenter
    ("网店店主需要提供发票吗?", "网店店主"),
    ("药品上市许可持有人有哪些义务?", "药品上市许可持有人"),
    ("食品生产加工小作坊应当怎么登记?", "小作坊"),
    ("在上海开饭店,店家必须给顾客开发票吗?", "店家"),  # the clause of the modal, not the place
    ("检验机构应当怎么保存样品?", "检验机构"),
])
def test_the_actor_a_question_asks_the_duties_of(question, actor, used):
    assert asked_actor(normalize(question), used) == actor


@pytest.mark.parametrize("question", [
    "我要怎么投诉?",  # the asker, no actor named
    "别人需要怎么配合?",
    "广告法第九条规定了什么?",  # no duty asked
    "投诉的处理期限是多久?",
])
def test_no_actor_when_the_question_asks_no_ones_duties(question):
    assert asked_actor(normalize(question), _nowhere) is None


def test_the_name_widens_only_as_far_as_the_documents_use_it():
    said = "特种设备使用单位应当建立岗位责任"
    assert asked_actor(normalize("特种设备使用单位需要怎么登记?"), lambda w: w in said) == "特种设备使用单位"
    assert asked_actor(normalize("特种设备使用单位需要怎么登记?"), _nowhere) == "单位"


@pytest.mark.parametrize("sentence, bears", [
    ("第二十四条 举报人应当提供涉嫌违反市场监督管理法律、法规、规章的具体线索", True),
    ("食品生产经营者应当配合监督检查工作", True),  # a qualifier before the actor's name
    ("第五十五条 建设单位在房屋建筑工程交付使用时,应当向所有权人提供房屋建筑质量保证书", True),
    ("由产品生产企业对用户和经销企业承担质量责任:", True),
    ("市场监督管理部门应当对举报人的信息予以保密,不得将举报人个人信息泄露给被举报人", False),
    ("举报人实名举报的,有处理权限的市场监督管理部门还应当自作出是否立案决定之日起告知举报人", False),
    ("收到举报的市场监督管理部门不具备处理权限的,应当告知举报人直接向有处理权限的部门提出", False),
])
def test_a_duty_is_the_actors_only_where_it_is_the_subject(sentence, bears):
    assert bears_duty(normalize(sentence), ("举报人", "经营者", "建设单位", "生产企业")) is bears


@pytest.fixture(scope="module")
def complaints(dev_laws):
    return dev_laws("市场监督管理投诉举报处理暂行办法(2022-03-24).md", "侵害消费者权益行为处罚办法(2015-01-05).md",
                    "广告法(2021-04-29).md")


def test_what_is_required_of_an_informant_is_the_article_binding_the_informant(complaints):
    """The article making the informant provide clues comes first; before, the articles that
    only tell the informant something (…应当告知举报人) filled the answer."""
    answer = complaints.ask("投诉举报处理暂行办法对举报人有哪些要求?")
    assert not answer.abstained
    assert "举报人应当提供涉嫌违反市场监督管理法律、法规、规章的具体线索" in answer.citations[0].quote


def test_a_named_documents_title_words_do_not_pull_its_general_articles_up(complaints):
    """Named by title, a document's articles on its purpose and scope (…消费者权益…) share every
    word of the title; the article on the clause asked about is searched for its own words."""
    from assistant.question.analyse import analyse

    snap = complaints.index.snapshot()
    query = analyse("侵害消费者权益行为处罚办法对经营者在格式条款里设置不公平内容的,怎么罚?")
    hits = complaints.retriever.search(query, k=3, snap=snap)  # it was fifth
    assert any("格式条款" in h.chunk.text for h in hits.hits), [h.chunk.text[:30] for h in hits.hits]
