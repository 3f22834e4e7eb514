"""What kind of thing a word names (同义词词林): a thing or a person by age, sex or kinship tells
the asker's situation; an office, a trade or an abstract matter may be a topic the documents lack.
The words here are not from the gold sets."""
from __future__ import annotations

import pytest

from assistant.question.lexicon import names_person_or_thing, word_classes


@pytest.mark.parametrize("word", ["外套", "电饭煲", "书包", "保温杯", "侄女", "孙子", "儿童"])
def test_things_and_kin_are_the_askers_situation(word):
    assert names_person_or_thing(word), (word, word_classes(word))


@pytest.mark.parametrize("word", ["所长", "董事长", "房租", "税务局", "网约车", "个税", "漂亮"])
def test_offices_trades_abstract_matters_and_unknown_words_are_not(word):
    assert not names_person_or_thing(word), (word, word_classes(word))



def test_a_thing_or_kin_the_documents_never_name_does_not_decline_the_question(laws_assistant):
    # 孙子 and 保温杯 are in no document; 广告法 第三十八条: 不得利用不满十周岁的未成年人作为广告代言人
    answer = laws_assistant.ask("按广告法，我家九岁的孙子能给保温杯拍广告做代言人吗？")
    assert not answer.abstained, answer.reason
    assert any("不满十周岁的未成年人" in c.quote for c in answer.citations)
    assert any("孙子" in n and "保温杯" in n for n in answer.notes)  # the reader is told the words were the asker's


def test_an_office_or_a_matter_the_documents_never_name_still_declines(laws_assistant):
    for question, word in (("上海市标准化条例里，市标准化研究院的院长是谁？", "院长"), ("商标法里，注册商标要交多少房租？", "房租")):
        answer = laws_assistant.ask(question)
        assert answer.abstained and word in answer.reason, (question, answer.answer)
