"""Named API endpoints of the web app, for scripts (gradio_client or plain HTTP): ask, documents
and each domain view return the same JSON as `zhiqa ask --json` and the view commands' --json."""
from __future__ import annotations

import functools
import json

import gradio as gr

from assistant.errors import QuestionTooLong, ZhiqaError
from assistant.question.followup import resolve
from assistant.quiz.generate import generate_quiz
from assistant.quiz.render import quiz_json
from assistant.web.service import WebService


def _ids(doc: str) -> tuple[str, ...]:
    return tuple(d.strip() for d in doc.split(",") if d.strip())


def _messages_shown(fn):
    """A domain error reaches the caller as its message (Gradio hides other exceptions' text)."""

    @functools.wraps(fn)  # Gradio reads the endpoint's parameters and docstring from the signature
    def endpoint(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ZhiqaError as exc:
            raise gr.Error(str(exc)) from exc

    return endpoint


def register(service: WebService) -> None:
    def ask(question: str, previous_question: str = "", region: str = "", level: str = "", doc: str = "",
            year: str = "") -> dict:
        """Answer a question with exact citations. previous_question makes it a follow-up of that question."""
        QuestionTooLong.check(question, previous_question)  # before resolve() reads them
        asked = resolve(question, previous_question) if previous_question.strip() else question
        filters = service.filters([region] if region else [], [level] if level else [], _ids(doc), [year] if year else [])
        ans = service.ask(asked, filters=filters)
        ans.question = question
        return ans.to_json()

    def documents() -> list[dict]:
        """The ingested documents and their metadata."""
        return [rec.meta.to_dict() | {"chunks": rec.chunk_count} for rec in service.snapshot().docs.values()]

    def duties(dept: str = "", role: str = "", doc: str = "") -> list[dict]:
        """Responsibility matrix rows (role: lead | cooperate | responsible), each with its source quote."""
        return service.view("duties", doc_ids=_ids(doc), dept=dept or None, role=role or None, downloads=False).records

    def deadlines(actor: str = "", doc: str = "") -> list[dict]:
        """Time requirements, normalised, each with its source quote."""
        return service.view("deadlines", doc_ids=_ids(doc), actor=actor or None, downloads=False).records

    def targets(status: str = "", doc: str = "") -> list[dict]:
        """Quantitative targets (status: goal | reported), each with its source quote."""
        return service.view("targets", doc_ids=_ids(doc), status=status or None, downloads=False).records

    def obligations(actor: str = "", region: str = "", doc: str = "") -> list[dict]:
        """What an actor must, must not, may or is encouraged to do, each with its source quote."""
        regions = (region,) if region else ()
        return service.view("obligations", doc_ids=_ids(doc), actor=actor or None, regions=regions, downloads=False).records

    def compare(topic: str, doc: str = "") -> list[dict]:
        """How each document treats a topic (未涉及 where it is silent)."""
        return service.view("compare", doc_ids=_ids(doc), topic=topic, downloads=False).records

    def quiz(n: int = 10, types: str = "mcq,tf,cloze", difficulty: str = "easy", seed: int = 0, doc: str = "") -> dict:
        """Quiz items with answer keys and citations (the teacher version, as JSON)."""
        made = generate_quiz(service.snapshot(), n=int(n), doc_ids=_ids(doc), types=tuple(_ids(types)),
                             difficulty=difficulty, seed=int(seed))
        return json.loads(quiz_json(made, True)) | {"note": made.note}

    for fn in (ask, documents, duties, deadlines, targets, obligations, compare, quiz):
        gr.api(_messages_shown(fn), api_name=fn.__name__)
