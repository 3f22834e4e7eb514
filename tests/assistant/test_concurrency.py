"""Twenty questions at once, from threads sharing one Assistant, while a document is being
ingested into the same index (issue 7): every answer comes back, every quote is exact."""
from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor

from assistant import Assistant
from assistant.config import Settings
from assistant.index.index import Index
from assistant.index.update import ingest_paths

QUESTIONS = [
    "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?",
    "湖南省对产品质量违法行为的举报有什么奖励?",
    "陕西省的质量信用黑名单制度怎么建立?",
    "广西制造业产品质量合格率的目标是多少?",
    "基层质监机构的主要职责是什么?",
]


def test_twenty_concurrent_questions_while_a_document_is_ingested(corpus_index, tmp_path, fixtures_dir):
    home = tmp_path / "idx"
    shutil.copytree(corpus_index.paths.home, home)
    settings = Settings(home=home)
    assistant = Assistant(settings)
    assistant.ask(QUESTIONS[0])
    extra = tmp_path / "extra"
    extra.mkdir()
    shutil.copy(fixtures_dir / "statute.txt", extra / "statute.txt")
    started = threading.Event()

    def ingest():
        started.set()
        return ingest_paths(Index(settings), [extra])

    with ThreadPoolExecutor(21) as pool:
        writer = pool.submit(ingest)
        started.wait()
        answers = list(pool.map(assistant.ask, [QUESTIONS[i % len(QUESTIONS)] for i in range(20)]))
        report = writer.result()
    assert report.count("added") == 1
    assert len(answers) == 20 and all(not a.abstained and a.citations for a in answers)
    snap = Index(settings).snapshot()  # the new generation; quotes of the old one are in it too
    for a in answers:
        for c in a.citations:
            assert snap.text(c.doc_id)[c.start : c.end] == c.quote
    assert "statute" in snap.docs
    assert not Assistant(settings).ask("申请复检的期限是多久?").abstained  # the new document answers
