"""One evaluation of the test split (default configuration) per corpus and session: the
floors tests and the report test share them."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def test_split_report(tmp_path_factory):
    from eval.runner import evaluate

    return evaluate("test", "default", tmp_path_factory.mktemp("eval-index"))


@pytest.fixture(scope="session")
def laws_test_report(tmp_path_factory):
    from eval.runner import evaluate

    return evaluate("test", "default", tmp_path_factory.mktemp("eval-laws-index"), corpus="laws")


@pytest.fixture(scope="session")
def policies_test_report(tmp_path_factory):
    from eval.runner import evaluate

    return evaluate("test", "default", tmp_path_factory.mktemp("eval-policies-index"), corpus="policies")
