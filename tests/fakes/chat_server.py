"""FakeChatServer: a scripted OpenAI-compatible ``POST /v1/chat/completions`` on 127.0.0.1.

A real ``http.server`` on port 0 in a background thread. Each test scripts the reply: the
content the "model" answers with (sent whole, or as server-sent events when the request asks
for ``stream``) — a string, or a function of the request's messages for a model that cites
whichever evidence number holds a passage — an HTTP status for a failing server, or a delay
for a slow one. Every request is kept in ``requests`` so a test can read the prompt it got.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Union

Reply = Union[str, Callable[[list], str]]


class FakeChatServer:
    def __init__(self, content: Reply = "", status: int = 200, delay_s: float = 0.0, model: str = "fake-chat") -> None:
        self.requests: list[dict] = []
        self.model = model
        self.script(content, status, delay_s)
        self._closing = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "body": body, "authorization": self.headers.get("Authorization")})
                if server.delay_s and server._closing.wait(server.delay_s):
                    return
                if self.path.rstrip("/") != "/v1/chat/completions":
                    return self._send_json(404, {"error": {"message": f"no route {self.path}"}})
                if server.status != 200:
                    return self._send_json(server.status, {"error": {"message": "scripted failure", "type": "server_error"}})
                content = server.content(body["messages"]) if callable(server.content) else server.content
                if body.get("stream"):
                    return self._send_stream(body, content)
                return self._send_json(200, {
                    "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": body.get("model", server.model),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                })

            def _send_json(self, status: int, payload: dict) -> None:
                data = json.dumps(payload, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _send_stream(self, body: dict, content: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                model = body.get("model", server.model)
                # small pieces, as a model streams tokens
                pieces = [content[i : i + 4] for i in range(0, len(content), 4)] or [""]
                for i, piece in enumerate(pieces):
                    delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
                    self._event({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": model,
                                 "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
                self._event({"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": model,
                             "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()

            def _event(self, payload: dict) -> None:
                self.wfile.write(b"data: " + json.dumps(payload, ensure_ascii=False).encode() + b"\n\n")
                self.wfile.flush()

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

    def script(self, content: Reply = "", status: int = 200, delay_s: float = 0.0) -> None:
        """What the next requests get: ``content`` (status 200), or an error ``status``, after ``delay_s``."""
        self.content = content
        self.status = status
        self.delay_s = delay_s

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
