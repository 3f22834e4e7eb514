"""Answer shapes by question type, always extractive: who leads and who cooperates on a task,
one row per document for comparisons, the items of a section for lists, ordered steps for
procedures, and the document's own date beside a time requirement. Every line carries a
citation; names and figures in the text come from the quotes cited."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer import Citation
from assistant.checks import asserted_leads
from assistant.compose import LONG_LIMIT, SINGLE_FACT_LIMIT, CUES, Candidate, Evidence, sentence_spans
from assistant.evidence import cite
from assistant.metadata_answer import document_field
from ingest.extract import Responsibility
from ingest.models import Section
from ingest.normalize import normalize


@dataclass(frozen=True)
class Shaped:
    text: str
    citations: list[Citation]
    abstained: bool = False
    reason: str = ""


class _Citations:
    """Numbered citations of one answer; citing the same span twice reuses its number."""

    def __init__(self, ev: Evidence) -> None:
        self.ev = ev
        self.items: list[Citation] = []

    def add(self, doc_id: str, start: int, end: int) -> int:
        for c in self.items:
            if (c.doc_id, c.start, c.end) == (doc_id, start, end):
                return c.n
        self.items.append(cite(self.ev.snap, doc_id, start, end, len(self.items) + 1))
        return len(self.items)


def shape(ev: Evidence, composer) -> Shaped:
    qtype = ev.query.question_type
    shaped = None
    if qtype == "responsibility":
        shaped = responsibility(ev, composer)
    elif qtype == "comparison":
        shaped = comparison(ev, composer)
    elif qtype in ("list", "procedure"):
        shaped = section_items(ev, composer)
    if shaped is None:
        shaped = extractive(ev, composer)
    if qtype == "deadline" and not shaped.abstained:
        shaped = with_document_date(ev, with_time_requirements(ev, shaped))
    return shaped


# ---------------------------------------------------------------- plain extractive answer


LIST_PEER = 0.9  # a list question's answer may sit in several sentences as good as the best
TIE = 0.97  # any question: a sentence this close to the best cannot be told from it; show both


def choose(ev: Evidence, max_sentences: int = 3) -> list[Candidate]:
    """The best sentence plus up to two more that cover key terms it lacks, or that score as
    well as the best; for a list question (哪些) nearly as well, since each may name other
    items (开展农资、建材…专项整治 beside 开展食品、保健品…专项整治)."""
    cands = ev.candidates
    chosen: list[Candidate] = [cands[0]]
    covered = set(cands[0].covered)
    peer = LIST_PEER if ev.query.question_type == "list" else TIE
    for cand in cands[1:]:
        if len(chosen) >= max_sentences:
            break
        new_terms = cand.covered - covered
        if cand.heading or cand.score < 0.7 * chosen[0].score or not (new_terms or cand.score >= peer * chosen[0].score):
            continue
        if any(cand.doc_id == c.doc_id and cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        chosen.append(cand)
        covered |= cand.covered
    _each_region(ev, chosen, max_sentences + 1)
    left = _uncovered_part(ev, covered)
    if left and len(chosen) < max_sentences + 1:
        # a part of the question the chosen sentences leave out (…如果涉嫌犯罪,怎么处理?)
        fill = [c for c in cands if c.covered & left and not c.heading and c.score >= MISSED_PART_MIN * chosen[0].score]
        if fill:
            chosen.append(max(fill, key=lambda c: (ev.weight(c.covered & left), c.score)))
    cue = CUES.get(ev.query.question_type)
    if cue and not any(cue.search(c.norm) for c in chosen):
        # a responsibility or time question answered without its cue (牵头/配合, a date):
        # add the best cue sentence of the same section
        lead = chosen[0]
        section = ev.snap.docs[lead.doc_id].section_at(lead.start)
        same = [
            c for c in cands
            if c.doc_id == lead.doc_id and c is not lead and cue.search(c.norm)
            and ev.snap.docs[c.doc_id].section_at(c.start) == section
        ]
        if same:
            chosen.append(max(same, key=lambda c: c.score))
    return chosen


def _each_region(ev: Evidence, chosen: list[Candidate], limit: int) -> None:
    """A question that names several regions (湖南和甘肃都提到了…) is answered from each of
    them: the best sentence of a named region the chosen ones leave out is added."""
    if len(ev.query.regions) < 2:
        return
    region_of = {c.doc_id: ev.snap.docs[c.doc_id].meta.region for c in ev.candidates}
    for region in ev.query.regions:
        if len(chosen) >= limit or any(region_of[c.doc_id] == region for c in chosen):
            continue
        own = [c for c in ev.candidates if region_of[c.doc_id] == region and not c.heading and c.score >= 0.7 * chosen[0].score]
        if own:
            chosen.append(own[0])


MISSED_PART = 0.25  # share of the question's weight that one left-out group must carry
MISSED_PART_MIN = 0.4  # and the least score, relative to the best, of a sentence that adds it


def _uncovered_part(ev: Evidence, covered: set[str]) -> set[str]:
    """Terms of the heaviest group of question terms the chosen sentences miss entirely,
    when that group carries a large share of the question."""
    total = ev.weight(ev.weights) or 1.0
    groups: dict[str, set[str]] = {}
    for t in ev.weights:
        groups.setdefault(ev.groups[t], set()).add(t)
    missed = [ms for ms in groups.values() if not ms & covered and ev.weight(ms) >= MISSED_PART * total]
    return max(missed, key=ev.weight) if missed else set()


def extractive(ev: Evidence, composer, chosen: list[Candidate] | None = None, numbered: bool = False) -> Shaped:
    chosen = chosen or choose(ev)
    qtype = ev.query.question_type
    limit = LONG_LIMIT if qtype in ("list", "procedure", "comparison") else SINGLE_FACT_LIMIT
    cites = _Citations(ev)
    parts: list[str] = []
    used = 0
    lead_doc = chosen[0].doc_id
    for cand in sorted(chosen, key=lambda c: (c.doc_id != lead_doc, c.doc_id, c.start)):
        text = ev.text(cand.doc_id)
        s, e = composer.trim(text, cand.start, cand.end, ev.weights, limit)
        if used and used + (e - s) > limit:
            continue
        used += e - s
        n = cites.add(cand.doc_id, s, e)
        parts.append(f"{len(parts) + 1}. {text[s:e]} [{n}]" if numbered else f"{text[s:e]} [{n}]")
    return Shaped(("\n" if numbered else " ").join(parts), cites.items)


# ---------------------------------------------------------------- responsibility

@dataclass(frozen=True)
class Assignment:
    """A task note's units by role, names normalised to simplified script as written (省质监局),
    and the span of the note in the original text."""

    doc_id: str
    start: int
    end: int
    lead_units: tuple[str, ...]
    cooperating_units: tuple[str, ...]
    responsible_units: tuple[str, ...]


def _as_written(record: Responsibility, role: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normalize(u.written) for u in record.units if u.role == role))


def assignments_in(ev: Evidence, doc_id: str, section: Section) -> list[Assignment]:
    """The task notes (…牵头,…配合) inside a section, from the document's responsibility records."""
    return [
        Assignment(doc_id, r.start, r.end, _as_written(r, "lead"), _as_written(r, "cooperating"), _as_written(r, "responsible"))
        for r in ev.snap.responsibilities(doc_id)
        if r.source == "task_note" and section.start <= r.start < section.end
    ]


TASK_CANDIDATES = 30  # sentences whose sections may be the task asked about (task notes crowd the top)
_ROLE_WORD = re.compile(r"牵头|配合|负责|主管|承担|职责|单位|部门|机构|机关|哪些|哪个")


def _topic(ev: Evidence) -> dict[str, float]:
    """The question's terms less its role words: which task is asked about, not what about it."""
    return {t: w for t, w in ev.weights.items() if not _ROLE_WORD.fullmatch(t)}


def _task_section(ev: Evidence) -> tuple[str, Section, float] | None:
    """The section (task) the question is about: its title and body best cover the question.
    Role words (牵头, 配合, 单位) say what is asked about the task, not which task it is; units
    the question asserts as leads are not among ev.weights (a premise, not topic)."""
    weights = _topic(ev) or ev.weights
    total = ev.weight(weights) or 1.0
    best = None
    top = ev.candidates[0].score
    for cand in ev.candidates[:TASK_CANDIDATES]:
        if cand.score < 0.5 * top:
            continue
        rec = ev.snap.docs[cand.doc_id]
        for sec in rec.sections:
            if not sec.start <= cand.start < sec.end:
                continue
            title = normalize(sec.title)
            title_cov = ev.weight([t for t in weights if t in title]) / total
            body_cov = ev.weight([t for t in cand.covered if t in weights]) / total
            score = body_cov + title_cov + 0.01 * sec.rank  # deeper sections are more specific
            if best is None or score > best[2]:
                best = (cand.doc_id, sec, score)
    return best


TASK_TOPIC_MISSED = 0.3  # share of the question's topic one group carries when the task must hold it


def _missing_topic(ev: Evidence, doc_id: str, section: Section) -> str | None:
    """The heaviest topic of the question (质量强省 in 谁牵头开展质量强省活动) that the task found
    does not mention in its title or body, when that topic carries a large share of the
    question: the nearest task is then another task, and its units are not the answer."""
    topic = _topic(ev)
    total = ev.weight(topic)
    if not total:
        return None
    meta = ev.snap.docs[doc_id].meta
    # the document's title and issuer name the document the task is in (甘肃行动计划), not the task
    body = normalize(f"{ev.text(doc_id)[section.start:section.end]} {meta.title or ''} {meta.issuer or ''}")
    found = {t for t in topic if ev.mentions(t, body)}
    groups: dict[str, list[str]] = {}
    for t in topic:
        groups.setdefault(ev.groups[t], []).append(t)
    for head, members in sorted(groups.items(), key=lambda kv: -ev.weight(kv[1])):
        full = ev.weight(members)
        if full >= TASK_TOPIC_MISSED * total and ev.weight([t for t in members if t in found]) < 0.5 * full:
            return head
    return None


def _no_such_task(ev: Evidence, composer, cites: _Citations, topic: str, doc_id: str, nearest: Section) -> Shaped:
    """An abstention for a task the documents do not assign: where they mention the topic,
    and the nearest task that is assigned, so the user sees what the documents do say."""
    reason = f"文件中没有找到“{topic}”这项任务的分工(牵头、配合单位)"
    lines = [reason + "。"]
    mentions = [c for c in ev.candidates if ev.mentions(topic, c.norm)]
    if mentions:
        best = mentions[0]
        text = ev.text(best.doc_id)
        s, e = composer.trim(text, best.start, best.end, ev.weights, SINGLE_FACT_LIMIT)
        lines.append(f"文件提到“{topic}”的原文:{text[s:e]} [{cites.add(best.doc_id, s, e)}]")
    task = ev.text(doc_id)[nearest.start:nearest.title_end].strip()
    lines.append(f"有分工的最接近的任务是“{task}”,与所问不同。 [{cites.add(doc_id, nearest.start, nearest.title_end)}]")
    return Shaped("\n".join(lines), cites.items, abstained=True, reason=reason)


def responsibility(ev: Evidence, composer) -> Shaped | None:
    found = _task_section(ev)
    if found is None:
        return None
    doc_id, section, _ = found
    asked_section = section
    rec = ev.snap.docs[doc_id]
    # the assignment of this task: in the section itself, or the nearest enclosing one
    chain = [section]
    while chain[-1].parent is not None:
        chain.append(rec.sections[chain[-1].parent])
    assignments: list[Assignment] = []
    for sec in chain:
        own_end = min((s.start for s in rec.sections if s.parent == sec.index), default=sec.end)
        assignments = [a for a in assignments_in(ev, doc_id, sec) if a.start < own_end or sec is section]
        if assignments:
            section = sec
            break
    if not assignments:
        return None
    assignment = assignments[-1]
    cites = _Citations(ev)
    text = ev.text(doc_id)
    missing = _missing_topic(ev, doc_id, asked_section)
    if missing:
        return _no_such_task(ev, composer, cites, missing, doc_id, asked_section)
    title_end = section.title_end
    task_n = cites.add(doc_id, section.start, title_end)
    quote_n = cites.add(doc_id, assignment.start, assignment.end)
    task = text[section.start:title_end].strip()  # verbatim; unit names below are normalised
    claimed = asserted_leads(ev.query.normalized)
    wrong = [u for u in claimed if not any(u in lead or lead in u for lead in assignment.lead_units)]
    lines = []
    if wrong and assignment.lead_units:
        reason = f"问题的前提与文件不符:该项任务不是由{'、'.join(wrong)}牵头"
        lines.append(f"{reason}。文件写明“{task}”由{'、'.join(assignment.lead_units)}牵头。 [{task_n}][{quote_n}]")
        if assignment.cooperating_units:
            lines.append(f"配合单位:{'、'.join(assignment.cooperating_units)}。 [{quote_n}]")
        return Shaped("\n".join(lines), cites.items, abstained=True, reason=reason)
    lines.append(f"任务:{task} [{task_n}]")
    if assignment.lead_units:
        lines.append(f"牵头:{'、'.join(assignment.lead_units)} [{quote_n}]")
    if assignment.cooperating_units:
        lines.append(f"配合:{'、'.join(assignment.cooperating_units)} [{quote_n}]")
    if assignment.responsible_units:
        lines.append(f"按职责分工负责:{'、'.join(assignment.responsible_units)} [{quote_n}]")
    lines.append(f"原文:{text[assignment.start:assignment.end]} [{quote_n}]")
    return Shaped("\n".join(lines), cites.items)


# ---------------------------------------------------------------- comparison


def comparison(ev: Evidence, composer) -> Shaped | None:
    docs = list(dict.fromkeys(c.doc_id for c in ev.candidates))
    targets = [d for d in ev.hits.allowed_docs if d in docs] if len(ev.hits.allowed_docs) < len(ev.snap.docs) else docs[:2]
    if len(targets) < 2:
        return None
    cites = _Citations(ev)
    rows = ["| 文件 | 内容 |", "|---|---|"]
    top = ev.candidates[0].score
    for doc_id in targets:
        meta = ev.snap.docs[doc_id].meta
        label = f"{meta.region or '全国'}·{meta.title or doc_id}({meta.date or meta.year or '日期不详'})"
        mine = [c for c in ev.candidates if c.doc_id == doc_id and c.score >= 0.4 * top]
        if not mine:
            rows.append(f"| {label} | 未涉及 |")
            continue
        cells = []
        for cand in mine[:2] if len(mine) > 1 and mine[1].covered - mine[0].covered else mine[:1]:
            s, e = composer.trim(ev.text(doc_id), cand.start, cand.end, ev.weights, SINGLE_FACT_LIMIT)
            quote = ev.text(doc_id)[s:e].replace("|", "｜").replace("\n", " ")
            cells.append(f"{quote} [{cites.add(doc_id, s, e)}]")
        rows.append(f"| {label} | {' '.join(cells)} |")
    return Shaped("\n".join(rows), cites.items)


# ---------------------------------------------------------------- lists and procedures

_ITEM_ASK = re.compile(r"哪几条|哪几个方面|哪几部分|几条|哪些方面|步骤|流程|程序|环节|分别")


def section_items(ev: Evidence, composer) -> Shaped | None:
    """When the best passage is a section heading (二、…的指导原则), the section's items."""
    top = ev.candidates[0]
    rec = ev.snap.docs[top.doc_id]
    section = rec.section_at(top.start)
    if section is None:
        return None
    is_heading = top.start < section.heading_end and section.start <= top.start
    if not is_heading and not _ITEM_ASK.search(ev.query.normalized):
        return None
    text = ev.text(top.doc_id)
    children = [s for s in rec.sections if s.parent == section.index]
    cites = _Citations(ev)
    head_n = cites.add(top.doc_id, section.start, section.heading_end)
    lines = []
    if children:
        for child in children[:10]:
            end = child.title_end
            lines.append(f"- {text[child.start:end].strip()} [{cites.add(top.doc_id, child.start, end)}]")
    elif is_heading:
        body = [(s, e) for s, e in sentence_spans(text, section.heading_end, section.end)]
        paragraphs = []
        last_line = -1
        for s, e in body:
            line = text.count("\n", 0, s)
            if line != last_line:  # first sentence of each paragraph
                paragraphs.append((s, e))
                last_line = line
        if len(paragraphs) < 2:
            paragraphs = body  # one paragraph: its sentences are the items
        if len(paragraphs) < 2:
            return None
        for s, e in paragraphs[:10]:
            s, e = composer.trim(text, s, e, ev.weights, 120)
            lines.append(f"- {text[s:e]} [{cites.add(top.doc_id, s, e)}]")
    else:
        return None
    head = f"{text[section.start:section.heading_end].strip()} [{head_n}]"
    return Shaped(head + "\n" + "\n".join(lines), cites.items)


# ---------------------------------------------------------------- time requirements

def with_time_requirements(ev: Evidence, shaped: Shaped) -> Shaped:
    """The time requirements (stored at ingest) inside the cited sentences, normalised: 15日
    (calendar) or 5个工作日, what starts the clock and who must act, cited where they stand."""
    from assistant.views import time_value

    lines = []
    for c in shaped.citations:
        for t in ev.snap.records(c.doc_id).time_requirements:
            if c.start <= t.start and t.end <= c.end and t.kind in ("duration", "by_year", "period", "recurring"):
                extra = [f"起算:{t.trigger}" if t.trigger else "", f"主体:{t.actor}" if t.actor else ""]
                detail = ";".join(x for x in [time_value(t), *extra] if x)
                lines.append(f"时间要求:{t.expression}({detail}) [{c.n}]")
    if not lines:
        return shaped
    return Shaped(shaped.text + "\n" + "\n".join(dict.fromkeys(lines)), shaped.citations, shaped.abstained, shaped.reason)


def with_document_date(ev: Evidence, shaped: Shaped) -> Shaped:
    """Add the document's own date, cited at the line stating it, so a 2013 target reads as one;
    for a document with no date line, its title when the title carries the year."""
    doc_id = shaped.citations[0].doc_id if shaped.citations else None
    if doc_id is None:
        return shaped
    rec = ev.snap.docs[doc_id]
    meta = rec.meta
    text = ev.text(doc_id)
    n = len(shaped.citations) + 1
    dated = document_field(rec, "date", "成文日期", ev.snap, n).citation
    if dated is None and meta.title and meta.year:
        i = text.find(meta.title)
        if i >= 0 and str(meta.year) in meta.title:
            dated = cite(ev.snap, doc_id, i, i + len(meta.title), n)
    if dated is None:
        return shaped
    label = meta.title or doc_id
    return Shaped(
        f"{shaped.text}\n(出自《{label}》,文件日期:{dated.quote} [{n}])", [*shaped.citations, dated], shaped.abstained, shaped.reason
    )
