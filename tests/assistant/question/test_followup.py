"""Follow-ups made standalone: a parallel term replaces its like in the previous question, never
the same words inside a title or another word."""
from __future__ import annotations

import pytest

from assistant.question.followup import resolve


@pytest.mark.parametrize(("follow_up", "previous", "standalone"), [
    # the title 进出口食品检验办法 holds 出口食品 already: the 进口食品 asked about is what changes
    ("那出口食品呢？", "进出口食品检验办法规定，进口食品由谁检验？", "进出口食品检验办法规定,出口食品由谁检验?"),
    ("那市级的呢？", "县级市场监管部门负责什么？", "市级市场监管部门负责什么?"),
    ("那零售企业呢？", "药品批发企业要具备哪些条件？", "药品零售企业要具备哪些条件?"),
])
def test_a_parallel_term_replaces_its_like(follow_up, previous, standalone):
    assert resolve(follow_up, previous) == standalone


@pytest.mark.parametrize(("follow_up", "previous", "standalone"), [
    # the follow-up repeats the act with another actor: the old actor and its gloss give way
    ("那要是药店发现了也不上报呢？", "药厂（上市许可持有人）发现不良反应不上报，会怎么罚？",
     "药店发现不良反应不上报,会怎么罚?"),
    ("如果是供货商呢？", "网店卖过期食品要承担什么责任？", "供货商卖过期食品要承担什么责任?"),
])
def test_another_actor_takes_the_old_actors_place(follow_up, previous, standalone):
    assert resolve(follow_up, previous) == standalone


def test_a_follow_up_asking_something_new_of_an_actor_is_not_the_old_question():
    # 检验报告 and 出具 are not the previous question's words: the new question is kept whole
    resolved = resolve("那检验机构出具检验报告呢？", "经营者销售计量器具要做什么？")
    assert "检验报告" in resolved and "计量器具" in resolved


@pytest.fixture(scope="module")
def two_laws(dev_laws):
    return dev_laws("山东省消费者权益保护条例(2017-03-29).md", "侵害消费者权益行为处罚办法(2015-01-05).md",
                    "商标法(2019-04-23).md")


@pytest.mark.parametrize("first, follow_up, law, said", [
    ("按山东省消费者权益保护条例，网上卖的商品适用七日无理由退货的，商家收到退货要求后多少天不办手续算故意拖延？",
     "那侵害消费者权益行为处罚办法呢？", "侵害消费者权益行为处罚办法", "超过十五日未办理退货手续"),
    ("侵害消费者权益行为处罚办法对经营者收集消费者个人信息有什么要求？", "山东的消保条例里是怎么规定的？",
     "山东省消费者权益保护条例", "个人信息"),
])
def test_a_follow_up_naming_another_law_asks_the_same_of_it(two_laws, first, follow_up, law, said):
    from assistant import Turn

    earlier = two_laws.ask(first)
    answer = two_laws.ask(follow_up, history=[Turn(first, earlier)])
    assert law not in first and follow_up not in answer.standalone_question, answer.standalone_question
    assert answer.citations and all(law in (c.title or "") for c in answer.citations), answer.answer
    assert any(said in c.quote for c in answer.citations), answer.answer


def test_a_follow_up_asking_something_new_of_another_law_keeps_its_question(two_laws):
    from assistant import Turn

    first = "商标法规定注册商标的有效期是多少年？"
    follow_up = "那侵害消费者权益行为处罚办法对欺诈行为怎么罚？"
    answer = two_laws.ask(follow_up, history=[Turn(first, two_laws.ask(first))])
    assert answer.standalone_question.endswith(follow_up), answer.standalone_question  # not 有效期 asked of it


def test_a_short_question_putting_a_case_is_read_with_the_question_before(two_laws):
    """要是到期没续展，会怎么样? names no law: it puts a case of what was just asked, and is answered
    from the law the question before was about (…未续展的，注销其注册商标)."""
    from assistant import Turn
    from assistant.question.followup import is_follow_up

    first = "按商标法，注册商标的有效期是多少年？"
    follow_up = "要是到期没续展，会怎么样？"
    assert is_follow_up(follow_up) and not is_follow_up("如果经营者拒绝履行退货义务，消费者可以向哪些部门投诉？")
    answer = two_laws.ask(follow_up, history=[Turn(first, two_laws.ask(first))])
    assert "商标法" in answer.standalone_question, answer.standalone_question
    assert any("注销" in c.quote for c in answer.citations), answer.answer


def test_a_question_pointing_back_in_its_first_clause_is_a_follow_up():
    """这么拍了 / 这样做 in the first clause points to what was just asked; a question telling its
    own story first (我卖过期食品，这样会被罚吗?) points to that story, and stands alone."""
    from assistant.question.followup import is_follow_up

    assert is_follow_up("要是已经这么拍了发出去，广告主要被罚多少钱呢啊？")
    assert is_follow_up("这样做的话，监管部门一般会怎么处理这家企业？")
    assert not is_follow_up("我在网上卖过期的零食，被顾客发现了，这样会被罚款吗？")
