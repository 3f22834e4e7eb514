"""One evaluation of the test split (default configuration) per session: the floors test and
the report test share it."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def test_split_report(tmp_path_factory):
    from eval.runner import evaluate

    return evaluate("test", "default", tmp_path_factory.mktemp("eval-index"))
