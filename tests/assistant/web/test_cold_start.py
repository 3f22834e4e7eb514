"""Questions asked as the app comes up (issue 20, item 14): twenty at once, the moment the port
answers, all get answers with the dense leg, none a Chroma client error."""
from __future__ import annotations

import json
import shutil
import threading
import urllib.request

import pytest

pytestmark = pytest.mark.slow  # the web app in a subprocess

QUESTION = "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?"


def _ask(url: str) -> dict:
    """One question through the app's named /ask endpoint, as a script calls it over HTTP."""
    req = urllib.request.Request(url + "gradio_api/call/ask", data=json.dumps({"data": [QUESTION, "", "", "", "", ""]}).encode(),
                                 headers={"Content-Type": "application/json"})
    event = json.loads(urllib.request.urlopen(req, timeout=120).read())["event_id"]
    kind, data = None, None
    with urllib.request.urlopen(f"{url}gradio_api/call/ask/{event}", timeout=300) as stream:
        for raw in stream:
            line = raw.decode("utf-8").strip()
            if line.startswith("event:"):
                kind = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and kind in ("complete", "error"):
                data = line.split(":", 1)[1].strip()
                break
    assert kind == "complete", f"{kind}: {data}"
    return json.loads(data)[0]


@pytest.mark.parametrize("attempt", range(2))
def test_twenty_questions_as_the_app_comes_up_are_all_answered(corpus_index, tmp_path, launcher, attempt):
    home = tmp_path / "idx"
    shutil.copytree(corpus_index.paths.home, home)
    proc, url = launcher.start(home, tmp_path / "ui.log")
    try:
        results: list[object] = []
        start = threading.Barrier(20)

        def ask() -> None:
            start.wait()
            try:
                results.append(_ask(url))
            except (AssertionError, OSError, ValueError) as exc:
                results.append(exc)

        threads = [threading.Thread(target=ask) for _ in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        launcher.stop(proc)
    failed = [r for r in results if not isinstance(r, dict)]
    assert not failed, f"{len(failed)} of 20 failed: {failed[:2]}\n{(tmp_path / 'ui.log').read_text()[-2000:]}"
    assert all(r["citations"] and not r.get("notes") for r in results)  # every one with the dense leg
