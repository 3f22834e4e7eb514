"""A period a claim states in other units than the provision's is compared as a length of time:
一个星期 against 提前三十日, 一个月内 against 超过十五日 are corrected; 一个月 is no rival to 三十日.
The figure one counts as a claim where it bounds a period (一个月内, 提前一周) or is counted with
its classifier (一个星期), not where it is a manner of speaking (一年检定一次). Questions written
for this test over development documents of eval/corpora/laws."""
from __future__ import annotations

import pytest

from assistant.question.premises import stated_quantities
from ingest.normalize import normalize


@pytest.fixture(scope="module")
def laws(dev_laws):
    return dev_laws("山东省消费者权益保护条例(2017-03-29).md", "侵害消费者权益行为处罚办法(2015-01-05).md")


@pytest.mark.parametrize("question, wrong, said", [
    ("按山东的消保条例，用预收款方式经营的店要搬家，提前一个星期通知顾客就够了吧？", "一个星期", "提前三十日"),
    ("侵害消费者权益行为处罚办法规定，没有约定退款期限的，经营者在消费者提出退款要求后两个月内退款就不算故意拖延，对吗？",
     "两个月", "超过十五日未退款"),
])
def test_a_period_in_other_units_is_compared_as_a_length_of_time(laws, question, wrong, said):
    answer = laws.ask(question)
    assert answer.answer.startswith(f"不对:问题中的“{wrong}”与文件的规定不符"), answer.answer
    assert said in answer.citations[0].quote


def test_a_month_is_no_rival_to_thirty_days(laws):
    answer = laws.ask("山东省消费者权益保护条例规定，预收款经营者变更经营场所的，应当提前一个月以短信等方式通知消费者，对吗？")
    assert not answer.answer.startswith("不对"), answer.answer


@pytest.mark.parametrize("question, figures", [
    ("在一个月内退款，对吗", [(1.0, "个月")]),
    ("提前一周通知，对吗", [(1.0, "周")]),
    ("提前一个星期通知就行了吧", [(1.0, "周")]),
    ("计量器具一年检定一次，对吗", []),
])
def test_the_figure_one_is_a_claim_where_it_bounds_a_period(question, figures):
    assert stated_quantities(normalize(question)) == figures
