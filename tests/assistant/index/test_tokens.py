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

