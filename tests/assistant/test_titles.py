"""A document's name as answers, quizzes and citations write it: in 《》, a title cited inside it
in 〈〉 (a local measure implementing a national law is named so), never 《…《…》…》."""
from __future__ import annotations

from assistant.answer import titled


def test_a_title_inside_a_title_takes_single_marks():
    assert titled("河南省实施《中华人民共和国农产品质量安全法》办法") == "《河南省实施〈中华人民共和国农产品质量安全法〉办法》"
    assert titled("中华人民共和国价格法") == "《中华人民共和国价格法》"
    assert titled("浙江省实施〈中华人民共和国消费者权益保护法〉办法") == "《浙江省实施〈中华人民共和国消费者权益保护法〉办法》"
