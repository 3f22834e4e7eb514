"""The web app as a server (issue 6): loopback only unless told, optional login, upload limits,
no files served from outside its folders, and named API endpoints scripts can call."""
from __future__ import annotations

import socket
import sys
import urllib.error
import urllib.request
import uuid

import pytest

from assistant.errors import MissingExtra
from assistant.web.app import parse_auth

pytestmark = pytest.mark.slow  # the web app in a subprocess


def _status(url: str, data: bytes | None = None, headers: dict | None = None) -> int:
    try:
        return urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=30).status
    except urllib.error.HTTPError as exc:
        return exc.code


def _listening(port: int) -> list[str]:
    """Local addresses listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.append(addr)
    return found


def _port(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


def _own_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback: the one its default route leaves from
    (a UDP connect sends nothing) and those its host name resolves to."""
    found = set()
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 9))
            found.add(s.getsockname()[0])
    except OSError:
        pass
    try:
        found.update(info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET))
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127.") and a != "0.0.0.0")


def test_binds_loopback_only_by_default(app_url):
    assert _listening(_port(app_url)) == ["0100007F"]  # 127.0.0.1, not 0.0.0.0 or ::


def test_not_reachable_at_the_machines_other_address_unless_told(app_url, app_index, tmp_path, launcher):
    addresses = _own_addresses()
    if not addresses:
        pytest.skip("this machine has no address but loopback")
    for address in addresses:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((address, _port(app_url)), timeout=10).close()
    # the control: started with --host 0.0.0.0, the same address answers
    proc, url = launcher.start(app_index, tmp_path / "ui.log", "--host", "0.0.0.0")
    try:
        assert _status(f"http://{addresses[0]}:{_port(url)}/config") == 200
    finally:
        launcher.stop(proc)


@pytest.mark.parametrize("path", ["/etc/passwd", "https://example.com/x", "HTTPS://example.com/x", "../../etc/passwd"])
def test_serves_no_file_outside_its_folders(app_url, path):
    assert _status(f"{app_url}gradio_api/file={path}") == 403


def test_index_files_are_not_served(app_url, app_index):
    stored = next((app_index / "texts").iterdir())
    assert _status(f"{app_url}gradio_api/file={stored}") == 403


def test_an_upload_over_the_limit_is_refused(app_url, launcher):
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode() + b"a" * int(float(launcher.upload_limit_mb) * 1024 * 1024 + 10) + \
        f"\r\n--{boundary}--\r\n".encode()
    code = _status(f"{app_url}gradio_api/upload", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert code == 413


def test_named_api_endpoints_answer_scripts(app_url, app_index):
    from gradio_client import Client

    from assistant.config import Settings
    from assistant.index.index import Index

    client = Client(app_url, verbose=False)
    names = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/ask", "/documents", "/duties", "/deadlines", "/targets", "/obligations", "/compare", "/quiz"} <= names
    ans = client.predict("甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?", api_name="/ask")
    assert not ans["abstained"] and ans["citations"]
    snap = Index(Settings(home=app_index)).snapshot()
    for c in ans["citations"]:
        assert snap.text(c["doc_id"])[c["start"] : c["end"]] == c["quote"]
    follow = client.predict("配合单位有哪些?", "甘肃省质量发展行动计划中,加强质量诚信体系建设由谁负责?", api_name="/ask")
    assert "诚信" in follow["standalone_question"]
    rows = client.predict(dept="省质监局", api_name="/duties")
    assert rows and {r["unit"] for r in rows} == {"省质量技术监督局"}
    quiz = client.predict(n=3, types="tf", seed=1, api_name="/quiz")
    assert quiz["count"] == 3 and len(quiz["items"]) == 3 and all(i["type"] == "tf" for i in quiz["items"])


def test_login_is_required_when_set(app_index, tmp_path, launcher):
    from gradio_client import Client

    proc, url = launcher.start(app_index, tmp_path / "ui.log", env={"ZHIQA_UI_AUTH": "alice:s3cret"})
    try:
        assert _status(url + "config") == 401
        with pytest.raises(Exception):
            Client(url, verbose=False)
        ok = Client(url, auth=("alice", "s3cret"), verbose=False)
        assert ok.predict(api_name="/documents")
    finally:
        launcher.stop(proc)


def test_with_a_login_every_route_but_the_login_form_refuses_a_stranger(app_index, tmp_path, launcher):
    proc, url = launcher.start(app_index, tmp_path / "ui.log", env={"ZHIQA_UI_AUTH": "alice:s3cret"})
    try:
        refused = {
            "GET config": _status(url + "config"),
            "GET gradio_api/info": _status(url + "gradio_api/info"),
            "GET gradio_api/openapi.json": _status(url + "gradio_api/openapi.json"),
            "POST gradio_api/call/ask": _status(url + "gradio_api/call/ask", '{"data": ["质量"]}'.encode(),
                                                {"Content-Type": "application/json"}),
            "POST gradio_api/run/predict": _status(url + "gradio_api/run/predict", b'{"data": []}',
                                                   {"Content-Type": "application/json"}),
            "POST gradio_api/upload": _status(url + "gradio_api/upload", b"x", {"Content-Type": "application/octet-stream"}),
            "GET gradio_api/file=README.md": _status(url + "gradio_api/file=README.md"),
            "GET gradio_api/queue/data": _status(url + "gradio_api/queue/data?session_hash=x"),
        }
        assert all(code in (401, 403) for code in refused.values()), refused
        page = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        assert "zhiqa: 请登录" in page or "login" in page.lower()  # the login form, not the app
        assert "甘肃" not in page  # no document data before the login
    finally:
        launcher.stop(proc)


def test_login_values_are_checked():
    assert parse_auth("alice:a:b, bob:pw") == (("alice", "a:b"), ("bob", "pw"))
    assert parse_auth("") == ()
    with pytest.raises(ValueError, match="USER:PASSWORD"):
        parse_auth("alice")


def test_without_gradio_the_error_names_the_extra(monkeypatch):
    from assistant.web import app

    monkeypatch.setitem(sys.modules, "gradio", None)
    with pytest.raises(MissingExtra, match=r"pip install 'zhiqa\[ui\]'"):
        app.build_app(None)


def test_serve_refuses_a_malformed_login(capsys, tmp_path):
    from assistant.cli import main

    assert main(["serve", "--index", str(tmp_path / "idx"), "--auth", "alice"]) == 2
    assert "USER:PASSWORD" in capsys.readouterr().err
