"""FakeChatServer: a scripted OpenAI-compatible ``POST /v1/chat/completions`` on 127.0.0.1.

A real ``http.server`` on port 0 in a background thread. Each test scripts the reply: the
content the "model" answers with (sent whole, or as server-sent events when the request asks
for ``stream``) — a string, or a function of the request's messages for a model that cites
whichever evidence number holds a passage — an HTTP status for a failing server, or a delay
for a slow one. Every request is kept in ``requests`` so a test can read the prompt it got.

A ``fault`` scripts an endpoint that misbehaves in one named way (see ``FAULTS``): a body that is
not JSON, ``choices`` null or empty, a choice without message or content, an event stream cut
off or full of garbage, a reply trickled one byte a second, or one that echoes the caller's key.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Literal, Union

Reply = Union[str, Callable[[list], str]]
Fault = Literal[
    "echo_key", "non_json", "null_choices", "empty_choices", "no_message", "no_content",
    "stream_cut", "stream_garbage", "trickle",
]
FAULTS: dict[str, str] = {
    "echo_key": "'{authorization}' in the content becomes the request's Authorization header",
    "non_json": "status 200, Content-Type application/json, a body that is an HTML error page",
    "null_choices": '{"choices": null}',
    "empty_choices": '{"choices": []}',
    "no_message": "a choice without 'message' (or, streaming, without 'delta')",
    "no_content": "a message without 'content' (streaming: deltas without it)",
    "stream_cut": "streaming: two events in chunked encoding, then the connection closes inside a chunk",
    "stream_garbage": "streaming: lines that are not server-sent events, and events that are not JSON",
    "trickle": "the reply's bytes one a second (a whole reply takes minutes)",
}
TRICKLE_INTERVAL_S = 1.0


class FakeChatServer:
    def __init__(self, content: Reply = "", status: int = 200, delay_s: float = 0.0, model: str = "fake-chat",
                 fault: Fault | None = None) -> None:
        self.requests: list[dict] = []
        self.model = model
        self.script(content, status, delay_s, fault)
        self._closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                authorization = self.headers.get("Authorization")
                server.requests.append({"path": self.path, "body": body, "authorization": authorization})
                if server.delay_s and server._closing.wait(server.delay_s):
                    return
                if self.path.rstrip("/") != "/v1/chat/completions":
                    return self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                fault = server.fault
                if server.status != 200:
                    message = "scripted failure" + (f" for {authorization}" if fault == "echo_key" else "")
                    return self._send_json(server.status, {"error": {"message": message, "type": "server_error"}})
                content = server.content(body["messages"]) if callable(server.content) else server.content
                if fault == "echo_key":
                    content = content.replace("{authorization}", authorization or "")
                if fault == "non_json":
                    return self._send(200, "application/json", b"<html><body>502 Bad Gateway</body></html>")
                if body.get("stream"):
                    return self._send_stream(body, content, fault)
                choice: dict = {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
                if fault == "no_message":
                    del choice["message"]
                elif fault == "no_content":
                    del choice["message"]["content"]
                choices = {"null_choices": None, "empty_choices": []}.get(fault or "", [choice])
                payload = {
                    "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": body.get("model", server.model),
                    "choices": choices, "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                if fault == "trickle":
                    return self._trickle(json.dumps(payload, ensure_ascii=False).encode(), "application/json")
                return self._send_json(200, payload)

            def _send_json(self, status: int, payload: dict) -> None:
                self._send(status, "application/json", json.dumps(payload, ensure_ascii=False).encode())

            def _send(self, status: int, content_type: str, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _trickle(self, data: bytes, content_type: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.flush()
                for i in range(len(data)):
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()
                    if server._closing.wait(TRICKLE_INTERVAL_S):
                        return

            def _send_stream(self, body: dict, content: str, fault: Fault | None) -> None:
                model = body.get("model", server.model)
                # small pieces, as a model streams tokens
                pieces = [content[i : i + 4] for i in range(0, len(content), 4)] or [""]
                events = []
                for i, piece in enumerate(pieces):
                    delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
                    choice = {"index": 0, "delta": delta, "finish_reason": None}
                    if fault == "no_message":
                        del choice["delta"]
                    elif fault == "no_content":
                        delta.pop("content")
                    choices = {"null_choices": None, "empty_choices": []}.get(fault or "", [choice])
                    events.append(self._event({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0,
                                               "model": model, "choices": choices}))
                if fault == "stream_cut":
                    events = events[:2]
                elif fault == "stream_garbage":
                    events = [b"<html>upstream reset</html>\n\n", b"data: {not json\n\n", *events[:1], b"data: \xff\xfe\n\n"]
                else:
                    events.append(self._event({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0,
                                               "model": model, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}))
                    events.append(b"data: [DONE]\n\n")
                if fault == "trickle":
                    return self._trickle(b"".join(events), "text/event-stream")
                if fault == "stream_cut":
                    return self._cut_stream(events)
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                for event in events:
                    self.wfile.write(event)
                    self.wfile.flush()

            def _cut_stream(self, events: list[bytes]) -> None:
                self.protocol_version = "HTTP/1.1"  # chunked, so the client knows the body is cut short
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for event in events:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(event), event))
                self.wfile.write(b"400\r\ndata: {\"id\"")  # a chunk of 1024 bytes, 10 of them sent
                self.wfile.flush()
                self.close_connection = True

            @staticmethod
            def _event(payload: dict) -> bytes:
                return b"data: " + json.dumps(payload, ensure_ascii=False).encode() + b"\n\n"

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                # the client of a slow-server test hangs up first; that is the point, not an error
                pass

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def script(self, content: Reply = "", status: int = 200, delay_s: float = 0.0, fault: Fault | None = None) -> None:
        """What the next requests get: ``content`` (status 200), or an error ``status``, after
        ``delay_s``; misbehaving in the named way when ``fault`` is given (see ``FAULTS``)."""
        if fault is not None and fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
        self.content = content
        self.status = status
        self.delay_s = delay_s
        self.fault = fault

    @property
    def prompts(self) -> list[list[dict]]:
        return [r["body"]["messages"] for r in self.requests]

    def close(self) -> None:
        self._closing.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> "FakeChatServer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
