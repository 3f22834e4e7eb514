"""The Gradio app: tabs wired to WebService, named API endpoints, and a server that keeps to
itself: loopback unless told otherwise, optional login, upload limits, no outbound calls."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# before gradio is imported: no analytics or version check, no Hugging Face calls, no Chroma telemetry
for _key, _value in (("GRADIO_ANALYTICS_ENABLED", "False"), ("HF_HUB_OFFLINE", "1"), ("HF_HUB_DISABLE_TELEMETRY", "1"),
                     ("ANONYMIZED_TELEMETRY", "False"), ("GRADIO_SHARE", "False")):
    os.environ[_key] = _value

from assistant.config import Settings  # noqa: E402
from assistant.errors import ConfigError, MissingExtra, ZhiqaError  # noqa: E402
from assistant.llm.compose import LlmComposer  # noqa: E402
from assistant.web.guards import LOGIN_PATHS, LoginThrottle, asks_remote_file, too_many_logins_message  # noqa: E402
from assistant.web.service import WebService  # noqa: E402

TITLE = "zhiqa 质量监督文件问答"
AUTH_ENV = "ZHIQA_UI_AUTH"  # user:password[,user2:password2]
CSS = """
.zhiqa-abstain { border-left: 4px solid #d97706; background: #fffbeb; padding: 6px 10px; }
.zhiqa-abstain .zhiqa-flag { color: #b45309; font-weight: 600; }
.zhiqa-answer { border-left: 4px solid #2563eb; padding: 6px 10px; }
.zhiqa-error { border-left: 4px solid #dc2626; padding: 6px 10px; color: #b91c1c; }
.zhiqa-cites { font-size: 0.9em; margin-top: 6px; }
.zhiqa-understood, .zhiqa-note, .zhiqa-draft { font-size: 0.85em; color: #6b7280; }
.zhiqa-source mark { background: #fde68a; padding: 0 1px; }
.zhiqa-source dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: 0.9em; }
.zhiqa-source dt { color: #6b7280; }
.zhiqa-section { white-space: pre-wrap; line-height: 1.7; max-height: 480px; overflow-y: auto; }
.zhiqa-errors li { color: #b91c1c; }
"""


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 7860
    auth: tuple[tuple[str, str], ...] = ()
    max_file_mb: float = 32.0


def parse_auth(value: str | None) -> tuple[tuple[str, str], ...]:
    """user:password pairs, comma-separated; an empty value means no login."""
    pairs = []
    for item in filter(None, (x.strip() for x in (value or "").split(","))):
        user, sep, password = item.partition(":")
        if not sep or not user or not password:
            raise ConfigError(f"login must look like USER:PASSWORD (from --auth or ${AUTH_ENV}), got {item.split(':')[0]!r}:…")
        pairs.append((user, password))
    return tuple(pairs)


def _gradio():
    try:  # the optional extra "ui" (5 s to import)
        import gradio as gr
    except ImportError as exc:
        raise MissingExtra("gradio", "ui") from exc
    return gr


def build_app(service):
    """The Blocks of the app (tabs and API endpoints) over one WebService."""
    gr = _gradio()
    # the tabs import gradio (extra "ui", 5 s) at their top; _gradio() names the extra when it is missing
    from assistant.web import api, tab_chat, tab_documents, tab_quiz, tab_views

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"## {TITLE}\n每个回答都引用原文句子;文件不足以回答时会明确说明。", elem_id="banner")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                chat = tab_chat.build(service)
            with gr.Tab("文件", id="documents"):
                doomed, changed = tab_documents.build(service)
            with gr.Tab("职责", id="duties"):
                view_docs = tab_views.build_duties(service)
            with gr.Tab("时限与目标", id="times"):
                view_docs += tab_views.build_times(service)
            with gr.Tab("义务清单", id="obligations"):
                more, region = tab_views.build_obligations(service)
                view_docs += more
            with gr.Tab("对比", id="compare"):
                view_docs += tab_views.build_compare(service)
            with gr.Tab("出题", id="quiz"):
                view_docs += tab_quiz.build(service)
        api.register(service)

        regions, levels, docs, years = chat.filters
        choice_outputs = [regions, levels, docs, years, doomed, region, *view_docs]

        def refresh():
            ch = service.choices()
            doc_choices = gr.update(choices=ch.documents)
            return [gr.update(choices=ch.regions), gr.update(choices=ch.levels), doc_choices, gr.update(choices=ch.years),
                    gr.update(choices=ch.documents, value=None), gr.update(choices=ch.regions),
                    *[doc_choices for _ in view_docs]]

        demo.load(refresh, None, choice_outputs, api_visibility="private")
        for event in changed:
            event.then(refresh, None, choice_outputs, api_visibility="private")
    return demo


def asgi_app(service, options: ServeOptions):
    """A FastAPI app serving the Gradio app at /, with the safety settings applied."""
    gr = _gradio()
    from fastapi import FastAPI  # comes with gradio (extra "ui")
    from fastapi.responses import PlainTextResponse

    server = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @server.middleware("http")
    async def refuse_remote_files(request, call_next):
        # /gradio_api/file/https://… (and every other spelling) makes Gradio fetch a URL on the caller's behalf
        if asks_remote_file(request.scope.get("raw_path", b"").decode("latin-1"), request.url.path):
            return PlainTextResponse("zhiqa serves no remote files", status_code=403)
        return await call_next(request)

    throttle = LoginThrottle.from_env() if options.auth else None

    @server.middleware("http")
    async def slow_down_guessing(request, call_next):
        """Each login attempt counts as a failure until it succeeds, so parallel guesses are counted
        too. The client is its address as uvicorn reports it (X-Forwarded-For only from 127.0.0.1,
        uvicorn's default: a reverse proxy on this machine)."""
        if throttle is None or request.method != "POST" or request.url.path not in LOGIN_PATHS:
            return await call_next(request)
        client = request.client.host if request.client else ""
        if wait := throttle.wait_s(client):
            return PlainTextResponse(too_many_logins_message(wait), status_code=429, headers={"Retry-After": str(wait)})
        throttle.failed(client)
        response = await call_next(request)
        if response.status_code == 200:
            throttle.succeeded(client)
        return response

    demo = build_app(service).queue(default_concurrency_limit=2)
    theme = gr.themes.Default(font=["system-ui", "Noto Sans CJK SC", "sans-serif"], font_mono=["ui-monospace", "monospace"])
    return gr.mount_gradio_app(
        server, demo, path="/", server_name=options.host, server_port=options.port,
        footer_links=[], run_history=False, auth=list(options.auth) or None,
        auth_message="zhiqa: 请登录" if options.auth else None,
        allowed_paths=[str(service.downloads)], blocked_paths=[str(Path(service.settings.home).resolve())],
        max_file_size=int(options.max_file_mb * 1024 * 1024), ssr_mode=False, enable_monitoring=False, pwa=False,
        mcp_server=False, theme=theme, css=CSS,
    )


def serve(settings: Settings, options: ServeOptions, llm: LlmComposer | None = None) -> None:
    """Run the app until interrupted."""
    import uvicorn  # comes with gradio (extra "ui"), like the modules build_app imports

    service = WebService(settings, llm=llm)
    if not service.has_index():
        print(f"zhiqa: no index at {settings.home} yet; upload files in the 文件 tab, or run: zhiqa ingest corpus/")
    app = asgi_app(service, options)
    print(f"zhiqa: serving on http://{options.host}:{options.port}/" + (" (login required)" if options.auth else ""), flush=True)
    # open event streams would hold a graceful shutdown for ever
    uvicorn.run(app, host=options.host, port=options.port, log_level="warning", timeout_graceful_shutdown=5)


__all__ = ["ServeOptions", "ZhiqaError", "asgi_app", "build_app", "parse_auth", "serve"]
