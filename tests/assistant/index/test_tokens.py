"""A word of the documents that the segmenter cut apart in a question is searched for all the same."""
from __future__ import annotations

from assistant.index.tokens import mended_cuts, tokens_of_normalized
from ingest.normalize import normalize


def test_a_word_cut_apart_in_the_question_is_mended_from_the_documents_vocabulary(laws_assistant):
    snap = laws_assistant.index.snapshot()

    def known(word: str) -> bool:
        return snap.bm25.idf(word) is not None

    question = normalize("药品管理法里，卖劣药怎么罚？")
    tokens = tokens_of_normalized(question)
    assert "劣药" not in tokens  # jieba reads 卖劣 + 药
    assert mended_cuts(question, tokens, known) == ["劣药"]
    # a word's own parts are not added (管理 inside 管理法), nor a word well cut
    assert mended_cuts(normalize("药品管理法里，销售劣药怎么罚？"), tokens_of_normalized(normalize("药品管理法里，销售劣药怎么罚？")), known) == []



def test_a_grade_written_in_latin_letters_or_roman_numerals_is_one_term():
    """风险等级为C级、D级 and Ⅱ类医疗器械: the segmenter drops the letter and keeps 级 or 类 apart,
    so a question about A级 matched every 级; the grade is now a term of its own."""
    assert {"c级", "d级"} <= set(tokens_of_normalized(normalize("风险等级为C级、D级的食品生产者")))
    assert "ii类" in tokens_of_normalized(normalize("第Ⅱ类医疗器械"))
    assert "b型" in tokens_of_normalized(normalize("B型超声诊断设备"))
    # a longer Latin word is no grade, and a figure is none either
    assert not any(t.endswith("级") for t in tokens_of_normalized(normalize("abcd级 3级")) if len(t) > 1)


def test_a_question_about_a_grade_the_document_does_not_rank_is_declined(tmp_path):
    """The rules set how often C级 and D级 producers are inspected and no frequency for B级: the
    answer says so, quoting the sentence that names B级 (before, the one on C级 and D级)."""
    import shutil
    from pathlib import Path

    from assistant import Assistant, Settings
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    laws = Path(__file__).resolve().parents[3] / "eval" / "corpora" / "laws"
    work = tmp_path
    (work / "docs").mkdir()
    shutil.copy(laws / "食品生产经营监督检查管理办法(2021-12-24).html", work / "docs")
    settings = Settings(home=work / "idx")
    assert ingest_paths(Index(settings), [work / "docs"]).count("added") == 1
    answer = Assistant(settings).ask("按食品生产经营监督检查管理办法，B级风险的食品生产者一年要被检查几次？")
    assert answer.abstained and "没有规定具体的频次" in answer.reason, answer.answer
    assert "B级风险" in answer.citations[0].quote


def test_a_compound_whose_parts_are_words_is_not_mended_into_a_fragment(laws_assistant):
    """买卖双方 is not a word of the documents, but the search mode also yields 买卖 and 双方:
    nothing was cut apart, so no fragment across it (方对 of 双方对) becomes a term."""
    snap = laws_assistant.index.snapshot()

    def known(word: str) -> bool:
        return snap.bm25.idf(word) is not None

    question = normalize("买卖双方对过磅结算的数据有争议，可以找哪里解决？")
    assert known("方对")  # some document's cut holds it
    assert "方对" not in mended_cuts(question, tokens_of_normalized(question), known)
