"""Users' own words: the thesaurus maps everyday words to the documents' words; pronouns and
phrases of verbs are not topics; a count asked with its classifier or a number of days must
be answered with that figure; a comparison of named laws is asked of each law in its part."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.question.analyse import analyse
from assistant.question.glossary import GLOSSARY_FILES
from assistant.question.kinds import asked_quantity
from assistant.question.parts import per_document
from assistant.question.terms import question_words, topic_like
from assistant.index.tokens import data_text
from assistant.search.laws import LawMention
from ingest.normalize import normalize

FORMS = Path(__file__).resolve().parents[2] / "data" / "everyday_forms.tsv"


def _entries() -> list[tuple[str, str]]:
    out = []
    for line in data_text("thesaurus.txt").splitlines():
        if line.strip() and not line.startswith("#"):
            left, right = line.split("\t")
            out.append((left, right))
    return out


def test_the_thesaurus_is_organised_by_concept_and_well_formed():
    text = data_text("thesaurus.txt")
    concepts = [line for line in text.splitlines() if line.startswith("# concept:")]
    entries = _entries()
    assert "thesaurus.txt" in GLOSSARY_FILES
    assert len(concepts) >= 20 and len(entries) >= 300
    lefts = [left for left, _ in entries]
    assert len(lefts) == len(set(lefts)), "a word has two entries"
    for left, right in entries:
        words = right.split(",")
        assert all(words) and left not in words and " " not in right, left
        assert not all(w in question_words() for w in words), left


def test_the_thesaurus_holds_no_question_words():
    asked_forms = ("多久", "多少", "怎么办", "谁", "能不能", "是否", "什么")
    assert not [left for left, _ in _entries() if left in asked_forms]


@pytest.mark.parametrize("phrase,expected", [line.split("\t") for line in FORMS.read_text(encoding="utf-8").splitlines()])
def test_an_everyday_phrase_searches_the_documents_word(phrase, expected):
    query = analyse(phrase)
    assert normalize(expected) in query.normalized
    # and a passage that has the documents' word covers the asker's word
    synonyms = dict(query.synonyms)
    assert any(normalize(expected) in alt for alts in synonyms.values() for alt in alts), phrase


def test_pronouns_and_verb_phrases_are_not_topics():
    for pronoun in ("他们", "她们", "你们", "人家"):
        assert pronoun in question_words()
    for phrase in ("由谁来", "追回来", "还会罚", "不归本"):
        assert not topic_like(phrase), phrase
    for topic in ("网约车", "口罩", "所得税"):
        assert topic_like(topic), topic


def test_a_count_with_its_classifier_and_a_number_of_days_need_that_figure():
    pieces = asked_quantity(normalize("同一种商品最多能抽几件样品？"))
    assert pieces.found_in("抽取样品不得超过两件") and not pieces.found_in("十个工作日内返还")
    machines = asked_quantity(normalize("每家要配多少台设备"))
    assert machines.found_in("配备3台") and not machines.found_in("配备3名")
    days = asked_quantity(normalize("要在多少个工作日内作出决定？"))
    assert days.found_in("二十个工作日内作出决定") and not days.found_in("应当立即报告")
    soon = asked_quantity(normalize("发现问题后多久要报告"))
    assert soon.found_in("应当立即报告")  # 多久 is answered by 立即 too
    brands = asked_quantity(normalize("到2020年要培育多少个名牌产品？"))
    assert brands.found_in("培育名牌产品30个") and not brands.found_in("形成一批在国内外有较大影响的名牌产品")  # 一批: some


def _mentions(question: str, *names: str) -> list[LawMention]:
    return [LawMention(name, question.index(name), question.index(name) + len(name)) for name in names]


def test_each_named_law_is_asked_its_own_clause():
    q = normalize("商标法中申请复审的期限，和山东省计量条例中申请复检的期限，分别是多长？")
    first, second = per_document(q, _mentions(q, "商标法", "山东省计量条例"))
    assert "复审" in first.question and "复检" not in first.question and "分别" not in first.question
    assert "复检" in second.question and "复审" not in second.question and second.question.startswith("山东")


def test_laws_named_together_share_the_rest_of_the_question():
    q = normalize("上海市标准化条例和价格法对举报分别是怎么规定的？")
    first, second = per_document(q, _mentions(q, "上海市标准化条例", "价格法"))
    assert first.question == "上海市标准化条例对举报是怎么规定的?"
    assert second.question == "价格法对举报是怎么规定的?"


def test_a_topic_before_each_name_in_brackets_stays_with_its_law():
    q = normalize("检测单位出具虚假报告（广东省建设工程质量管理条例）和检定机构伪造数据（河南省计量监督管理条例），处罚有什么不同？")
    first, second = per_document(q, _mentions(q, "广东省建设工程质量管理条例", "河南省计量监督管理条例"))
    assert "虚假报告" in first.question and "伪造数据" not in first.question
    assert "伪造数据" in second.question and "虚假报告" not in second.question


def test_a_figure_from_the_askers_story_is_not_a_premise_to_check():
    from assistant.question.premises import required_quantities

    assert required_quantities(normalize("在山东买了台冰箱，用了三个月就出了毛病，该由谁来证明？")) == []
    assert required_quantities(normalize("买了两台电视，过了十天就坏了")) == []
    assert required_quantities(normalize("企业必须在24小时内报告吗")) == [(24.0, "小时")]
    assert required_quantities(normalize("可并处二千元以上二万元以下罚款")) == [(2000.0, "元"), (20000.0, "元")]


def test_a_new_word_that_names_a_thing_is_a_topic_and_one_that_names_none_is_not():
    assert topic_like("新冠") and topic_like("网约")
    assert not topic_like("检完") and not topic_like("不好")


def test_laws_named_as_people_name_them(laws_assistant):
    from assistant.search.laws import named_law

    snap = laws_assistant.index.snapshot()
    for said, doc_id in (
        ("浙江检验机构管理条例", "浙江省检验机构管理条例-2021-07-30"),
        # a province's 实施《X法》办法, said as 〈province〉X法实施办法
        ("河南农产品质量安全法实施办法", "河南省实施-农产品质量安全法-办法-2013-05-30"),
        # a judicial interpretation (…若干问题的规定) called 司法解释
        ("最高法食品药品纠纷司法解释", "最高人民法院关于审理食品药品纠纷案件适用法律若干问题的规定-2021-11-18"),
    ):
        named = named_law(snap, said)
        assert named is not None and named.doc_ids == (doc_id,), said
    assert named_law(snap, "河南计量司法解释") is None  # 司法解释 names only a judicial interpretation


def test_a_regions_law_named_with_的_or_without_its_region(laws_assistant):
    from assistant.search.laws import law_mentions

    snap = laws_assistant.index.snapshot()
    for question, doc_id, said in (
        ("河南的计量条例对修理计量器具有什么要求？", "河南省计量监督管理条例-2016-03-29", "河南的计量条例"),
        ("在上海，计量条例对强制检定怎么规定？", "上海市计量监督管理条例-2018-11-22", "计量条例"),
        ("山东的计量条例里说的计量器具是什么？", "山东省计量条例-2020-07-24", "计量条例"),  # the title's end
        # after the preposition a question goes by a law with (按…, 依照…)
        ("我在河南修秤，按河南的计量条例要先取得什么？", "河南省计量监督管理条例-2016-03-29", "河南的计量条例"),
        ("依照浙江的检验机构管理条例，检验报告能改吗？", "浙江省检验机构管理条例-2021-07-30", "检验机构管理条例"),
    ):
        query = analyse(question)
        (m,) = law_mentions(snap, query.asked, query.regions)
        assert (m.doc_id, query.asked[m.start:m.end]) == (doc_id, said), question


@pytest.mark.parametrize("question, asks", [
    ("超市能不能把临期食品和新鲜食品混在一起卖？", True),
    ("网店可以不给发票吗", True),
    ("进口奶粉是否需要中文标签？", True),
    ("修车店换下来的旧零件要不要还给车主？", True),
    ("卖散装白酒不标度数算不算违规", True),
    ("饭店不让自带酒水，还收开瓶费，这样对吗？", True),  # the conduct told: is it lawful
    ("房东把押金扣了一半，这么做合理吗", True),
    ("电梯每年检验几次？", False),
    ("计量器具由哪个部门管理？", False),
])
def test_a_question_of_may_or_must_is_recognised(question, asks):
    from assistant.question.kinds import asks_permission

    assert asks_permission(normalize(question)) is asks


def test_a_question_of_may_or_must_is_answered_from_the_ban(laws_assistant):
    answer = laws_assistant.ask("广告里能不能用“国家级”、“最佳”这种词？")
    assert not answer.abstained
    assert "不得" in answer.citations[0].quote and "“国家级”、“最高级”、“最佳”" in answer.citations[0].quote


def test_a_follow_up_is_not_declined_for_a_word_only_the_earlier_question_had(laws_assistant):
    from assistant import Turn

    first_q = "网红在直播间替保健品打包票，按广告法会怎么罚？"
    first = laws_assistant.ask(first_q)
    # a word no document has, in the first turn: declined for it, or answered in the law's words
    assert "直播间" in first.reason or any("直播间" in n for n in first.notes)
    follow = laws_assistant.ask("那要是广告主发布了含有保证功效内容的保健食品广告呢？", history=[Turn(first_q, first)])
    assert not follow.abstained, follow.reason
    assert any("保健食品广告" in c.quote for c in follow.citations)
