"""An index of some laws of the development corpus, in the formats users bring them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

LAWS = Path(__file__).resolve().parents[2] / "eval" / "corpora" / "laws"
SOME_LAWS = (
    "反不正当竞争法(2019-04-23).md", "价格法(1997-12-29).pdf", "工业产品质量责任条例(1986-04-05).pdf",
    "商标法(2019-04-23).md", "标准化法实施条例(1990-04-06).docx", "上海市标准化条例(2019-07-25).md",
    "药品管理法(2019-08-26).md", "上海市计量监督管理条例(2018-11-22).md", "山东省计量条例(2020-07-24).docx",
    "浙江省检验机构管理条例(2021-07-30).md", "河南省计量监督管理条例(2016-03-29).txt", "广告法(2021-04-29).md",
    "河南省实施《农产品质量安全法》办法(2013-05-30).md", "最高人民法院关于审理食品药品纠纷案件适用法律若干问题的规定(2021-11-18).md",
)


def _assistant_over(tmp_path_factory, label: str, sources: list[Path]):
    """An assistant over an index of copies of ``sources``, every one of them added."""
    from assistant import Assistant, Settings
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    folder = tmp_path_factory.mktemp(label)
    for source in sources:
        shutil.copy(source, folder / source.name)
    settings = Settings(home=tmp_path_factory.mktemp(f"{label}-index") / "zhiqa")
    report = ingest_paths(Index(settings), [folder])
    assert report.count("added") == len(sources), report.summary()
    return Assistant(settings)


@pytest.fixture(scope="session")
def laws_assistant(tmp_path_factory):
    return _assistant_over(tmp_path_factory, "laws", [LAWS / name for name in SOME_LAWS])


@pytest.fixture(scope="session")
def dev_laws(tmp_path_factory):
    """An assistant over some laws of the development corpus, by file name (a new index each call)."""
    return lambda *names: _assistant_over(tmp_path_factory, "dev-laws", [LAWS / name for name in names])


POLICIES = Path(__file__).resolve().parents[2] / "eval" / "corpora" / "policies"


@pytest.fixture(scope="session")
def policy_pages(tmp_path_factory):
    """An assistant over some development documents of the policy pages, by file stem."""
    return lambda *stems: _assistant_over(tmp_path_factory, "policies", [POLICIES / f"{stem}.txt" for stem in stems])
