"""Who leads (牵头), who cooperates (配合) and who is responsible (负责) for the task a question
asks about, from the document's responsibility records; or why the documents do not say."""
from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.compose.cite import SINGLE_FACT_LIMIT, Citations, trim_to_clauses
from assistant.compose.evidence import Evidence
from assistant.compose.extractive import Shaped
from assistant.question.premises import asserted_leads
from ingest.extract import Responsibility
from ingest.models import Section
from ingest.normalize import normalize


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
        Assignment(doc_id=doc_id, start=r.start, end=r.end, lead_units=_as_written(r, "lead"),
                   cooperating_units=_as_written(r, "cooperating"), responsible_units=_as_written(r, "responsible"))
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


def _no_such_task(ev: Evidence, cites: Citations, topic: str, doc_id: str, nearest: Section) -> Shaped:
    """An abstention for a task the documents do not assign: where they mention the topic,
    and the nearest task that is assigned, so the user sees what the documents do say."""
    reason = f"文件中没有找到“{topic}”这项任务的分工(牵头、配合单位)"
    lines = [reason + "。"]
    mentions = [c for c in ev.candidates if ev.mentions(topic, c.norm)]
    if mentions:
        best = mentions[0]
        text = ev.text(best.doc_id)
        s, e = trim_to_clauses(text, best.start, best.end, ev.weights, SINGLE_FACT_LIMIT)
        lines.append(f"文件提到“{topic}”的原文:{text[s:e]} [{cites.add(best.doc_id, s, e)}]")
    task = ev.text(doc_id)[nearest.start:nearest.title_end].strip()
    lines.append(f"有分工的最接近的任务是“{task}”,与所问不同。 [{cites.add(doc_id, nearest.start, nearest.title_end)}]")
    return Shaped(text="\n".join(lines), citations=cites.items, abstained=True, reason=reason)


def responsibility(ev: Evidence) -> Shaped | None:
    """The task's units by role, cited at its title and its task note; an abstention when the
    question asserts a lead the note does not name, or asks about a task no note assigns."""
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
    cites = Citations(ev.snap)
    text = ev.text(doc_id)
    missing = _missing_topic(ev, doc_id, asked_section)
    if missing:
        return _no_such_task(ev, cites, missing, doc_id, asked_section)
    title_end = section.title_end
    task_n = cites.add(doc_id, section.start, title_end)
    quote_n = cites.add(doc_id, assignment.start, assignment.end)
    task = text[section.start:title_end].strip()  # verbatim; unit names below are normalised
    claimed = asserted_leads(ev.query.normalized)
    wrong = [u for u in claimed if not any(u in lead or lead in u for lead in assignment.lead_units)]
    lines = []
    note = normalize(text[assignment.start:assignment.end])
    named = assignment.lead_units + assignment.cooperating_units + assignment.responsible_units
    # (a short form of a unit named is that unit: 市工信局 for 市工业和信息化局)
    absent = [u for u in units_asked_about(ev.query.normalized) if u not in note and not any(_in_order(u, n) for n in named)]
    if absent and not wrong:
        # a unit asked about that the task's note does not name (市文化和旅游局负责哪一块?)
        reason = f"文件没有给{'、'.join(absent)}分配这项任务"
        lines.append(f"{reason}。“{task}”的责任单位是{'、'.join(named)}。 [{task_n}][{quote_n}]")
        lines.append(f"原文:{text[assignment.start:assignment.end]} [{quote_n}]")
        return Shaped(text="\n".join(lines), citations=cites.items, abstained=True, reason=reason)
    if wrong and assignment.lead_units:
        reason = f"问题的前提与文件不符:该项任务不是由{'、'.join(wrong)}牵头"
        lines.append(f"{reason}。文件写明“{task}”由{'、'.join(assignment.lead_units)}牵头。 [{task_n}][{quote_n}]")
        if assignment.cooperating_units:
            lines.append(f"配合单位:{'、'.join(assignment.cooperating_units)}。 [{quote_n}]")
        return Shaped(text="\n".join(lines), citations=cites.items, abstained=True, reason=reason)
    lines.append(f"任务:{task} [{task_n}]")
    if assignment.lead_units:
        lines.append(f"牵头:{'、'.join(assignment.lead_units)} [{quote_n}]")
    if assignment.cooperating_units:
        lines.append(f"配合:{'、'.join(assignment.cooperating_units)} [{quote_n}]")
    if assignment.responsible_units:
        lines.append(f"按职责分工负责:{'、'.join(assignment.responsible_units)} [{quote_n}]")
    lines.append(f"原文:{text[assignment.start:assignment.end]} [{quote_n}]")
    return Shaped(text="\n".join(lines), citations=cites.items)


# what a sentence that assigns work says: a unit leads, cooperates, is responsible, is in charge
# (not 主管部门 or 负责人, nouns; not 承担责任, a liability)
_ASSIGNS = re.compile(r"牵头|配合|负责(?!人)|主管(?!部门)|按职责|职责分工|会同|由[^，。；,;]{2,24}(?:组织|实施|承担|办理|监督)")
_ROLE_ASKED = re.compile(r"牵头|配合")
# a unit whose part in a task is asked (市文化和旅游局负责哪一块? 市住房城乡建设局在里面算什么角色?)
_UNIT_ASKED = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:局|委|厅|办|部|院|中心|政府|委员会|管委会|办公室))"
                         r"(?:在(?:里面|其中|这项任务里?|这里面))?"
                         r"(?:负责|承担|管|干|做|挂|算|是|担任)(?:的是)?(?:哪一块|哪块|哪部分|哪一部分|什么|啥|哪些|哪项|牵头的?吗|配合的?吗|什么角色|哪种角色)")


def _in_order(short: str, name: str) -> bool:
    """Are the characters of ``short`` in ``name``, in order (市工信局 in 市工业和信息化局)?"""
    rest = iter(name)
    return all(ch in rest for ch in short)


def units_asked_about(normalized_question: str) -> list[str]:
    """The units whose part in a task the question asks (市文化和旅游局负责哪一块?)."""
    return [re.sub(r"^(?:那么|那|这|而|和|与|但)", "", m.group(1)) for m in _UNIT_ASKED.finditer(normalized_question)]  # the roles of a task's division of labour (who else is 谁 of every kind)


def unassigned(ev: Evidence, shaped: Shaped) -> Shaped | None:
    """An abstention for a question about who leads or cooperates on a task, answered from
    sentences that assign it to no one (陕西呢? after 甘肃…由哪些部门牵头?: the Shaanxi document
    assigns no lead for that task): say so, and quote the nearest sentence."""
    role = m.group(0) if (m := _ROLE_ASKED.search(ev.query.asked)) else None
    if role is None or shaped.abstained or not shaped.citations:
        return None
    if any(_ASSIGNS.search(normalize(c.quote)) for c in shaped.citations):
        return None
    return _not_written(ev, shaped, f"由哪些部门{role}")


# who is to do an act (由哪个部门来调整? 谁来组织?) and the words that name a doer in a sentence
_DOER_ASKED = re.compile(r"(?:由|归)(?:哪个|哪些|哪一?级|什么|谁)(?:部门|单位|机关|机构)?来?(?P<act>[\u4e00-\u9fff]{1,4})")
_DOER = re.compile(r"部门|局|厅|委|政府|机关|机构|单位|办公室|中心|协会|法院|检察院|小组|企业|者|人|双方|一方|组织|你们")  # (印发给你们: the addressees)


def unnamed_doer(ev: Evidence, shaped: Shaped) -> Shaped | None:
    """An abstention for a question about who does an act (考核指标和分值可以调整,由哪个部门来调?),
    answered from sentences that name no doer at all (…可根据年度质量工作进展适当调整): the
    document does not say who."""
    m = _DOER_ASKED.search(ev.query.asked)
    if m is None or shaped.abstained or not shaped.citations:
        return None
    if any(_DOER.search(normalize(c.quote)) for c in shaped.citations):
        return None
    return _not_written(ev, shaped, f"由哪个部门{m.group('act')}")


def _not_written(ev: Evidence, shaped: Shaped, what: str) -> Shaped:
    """《title》没有写明 what, quoting the answer's first quote."""
    first = shaped.citations[0]
    title = ev.snap.docs[first.doc_id].meta.title or first.doc_id
    return Shaped.declined(f"《{title}》没有写明{what}", first)


# the body one applies, reports or complains to (向哪个部门申请审批, 找谁备案, 向谁报告): the act
# asked, which a sentence naming the body must speak of
_RECIPIENT_ASKED = re.compile(r"(?:向|找|到|去)(?:哪个|哪些|哪一?级|哪|什么|谁)[^，。？?,;；]{0,4}?"
                              r"(?P<act>(?:申请|报告|备案|申报|投诉|举报|提交|报送|登记|审批|批准|核准|报批)[^，。？?,;；]{0,4})")


def unnamed_act(ev: Evidence, shaped: Shaped) -> Shaped | None:
    """An abstention for a question about the body one applies or reports to, answered from
    sentences that speak of no such act (设置户外广告要向哪个部门申请审批? answered from
    县级以上地方人民政府应当组织有关部门加强…监督管理): the documents do not name that body."""
    m = _RECIPIENT_ASKED.search(ev.query.asked)
    if m is None or shaped.abstained or not shaped.citations:
        return None
    act = m.group("act").rstrip("呢吗啊呀了")
    terms = [t for t in ev.weights if t in act] or [act]
    if any(ev.mentions(t, normalize(c.quote)) for c in shaped.citations for t in terms):
        return None
    return _not_written(ev, shaped, f"向哪个部门{act}")
