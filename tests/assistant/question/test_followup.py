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
