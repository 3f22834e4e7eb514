"""Who is responsible for what: lead (牵头), cooperating (配合) and responsible (负责) units.

Patterns:
- task notes: the parenthesis that closes a policy task, e.g. 甘肃 (省質監局牽頭,省發展改革委、
  省工信委…配合) and (…按職責分工負責), with any number of role groups, each a unit list
  followed by its role word; and the labelled form (牵头单位:省质监局;配合单位:…).
  Where a note lists units under 责任单位 (or as 负责) and says the unit listed first leads
  ((责任单位:A、B,排在第一位的为牵头部门,下同)), the first leads and the others cooperate, in that
  note and, after 下同, in the notes that follow. The task is the title of the section holding
  the note.
- sentences: 由<units>负责/主管/组织实施/承担/牵头 (本省地方标准的制定…由省人民政府标准化
  行政主管部门负责) and <organisation>[在…内|对…]主管/负责/负总责 <duty> (县级以上人民政府
  质量技术监督部门主管本行政区域内的产品质量监督工作). The task is the duty.

Known limits: a subject outside the clause is not followed (领导小组办公室设在自治区质监局,
负责… is missed); 负责人, 负责制, a slogan list (政府负责、社会协同) and producers' liability
(生产者应当对…负责) are not responsibilities; units are only those named, never inferred
from the text of the task.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extract.departments import ORG_SUFFIX, is_unit_name, normalize_department, unit_spans
from ingest.extract.spans import NormalizedText, body_sentences, clauses, normalized, simplify, trim
from ingest.models import Section, SectionLocator

_ROLE_WORDS = {
    "按职责分工负责": "responsible", "按职责分工": "responsible", "分工负责": "responsible",
    "牵头负责": "lead", "牵头": "lead", "主办": "lead",
    "配合": "cooperating", "协助": "cooperating", "协办": "cooperating", "参与": "cooperating",
    "负责": "responsible", "主管": "responsible",
}
_ROLE_TAIL = re.compile("|".join(sorted(map(re.escape, _ROLE_WORDS), key=len, reverse=True)))
_LABELS = {"牵头单位": "lead", "主办单位": "lead", "配合单位": "cooperating", "协办单位": "cooperating",
           "参与单位": "cooperating", "责任单位": "responsible", "负责单位": "responsible"}
_LABEL = re.compile(rf"({'|'.join(_LABELS)})\s*:")
_NOTE = re.compile(r"\(([^()]{2,400})\)")
# 主管 inside 行政主管部门 is part of a name, not the verb
_VERB_END = r"(?![人制任]|部门|机关|单位|行政)"
_BY = re.compile(rf"由(?P<units>[^,;:。由]{{2,60}}?)(?P<verb>负责|主管|组织实施|承担|牵头){_VERB_END}(?P<duty>[^,;。]*)")
_SUBJECT = re.compile(
    r"(?P<units>[^,;:。]{2,40}?)(?:在[^,;:。]{1,20}内|对(?P<pre>[^,;:。]{2,40}?))?"
    rf"(?P<verb>负总责|主管|负责|组织实施){_VERB_END}(?P<duty>[^,;。]*)"
)


@dataclass(frozen=True)
class UnitMention:
    role: str  # lead | cooperating | responsible
    name: str  # canonical simplified name (normalize_department)
    written: str  # as written in the original text
    start: int
    end: int


@dataclass(frozen=True)
class Responsibility:
    section_path: str | None  # the section's path as written
    task: str  # simplified: the task's section title (task notes) or the duty (sentences)
    source: str  # task_note | sentence
    verb: str  # simplified role word of a sentence (负责, 主管…); '' for task notes
    units: tuple[UnitMention, ...]
    start: int  # original[start:end] is the note, parentheses included, or the sentence
    end: int

    def _names(self, role: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(u.name for u in self.units if u.role == role))

    @property
    def lead_units(self) -> tuple[str, ...]:
        return self._names("lead")

    @property
    def cooperating_units(self) -> tuple[str, ...]:
        return self._names("cooperating")

    @property
    def responsible_units(self) -> tuple[str, ...]:
        return self._names("responsible")


def _mentions(view: NormalizedText, start: int, end: int, role: str) -> list[UnitMention] | None:
    """The units of a list, or None when an item is not an organisation name."""
    found = []
    for s, e in unit_spans(view.text, start, end):
        os_, oe = view.span(s, e)
        written = view.original[os_:oe]
        if not is_unit_name(written):
            return None
        found.append(UnitMention(role=role, name=normalize_department(written), written=written, start=os_, end=oe))
    return found


def _note_units(view: NormalizedText, start: int, end: int) -> list[UnitMention] | None:
    text = view.text
    labels = list(_LABEL.finditer(text, start, end))
    units: list[UnitMention] = []
    if labels:
        if trim(text, start, labels[0].start())[1] > trim(text, start, labels[0].start())[0]:
            return None
        for i, m in enumerate(labels):
            stop = labels[i + 1].start() if i + 1 < len(labels) else end
            got = _mentions(view, m.end(), stop, _LABELS[m.group(1)])
            if not got:
                return None
            units += got
        return units
    pos = start
    for m in _ROLE_TAIL.finditer(text, start, end):
        a, b = trim(text, pos, m.start())
        after = text[m.end() : m.end() + 1] if m.end() < end else ""  # the note may stop before its end
        if after and after not in ",;、)":
            return None  # a role word inside running text, not a closing role word
        got = _mentions(view, a, b, _ROLE_WORDS[m.group(0)]) if b > a else None
        if not got:
            return None
        units += got
        pos = m.end()
    if not units or trim(text, pos, end)[1] > trim(text, pos, end)[0]:
        return None
    return units


# a document's convention that the unit listed first leads: (责任单位:A、B,排在第一位的为牵头部门,
# 下同), (A、B负责。列第一位者为牵头部门,下同); 下同: so do the notes after it
_FIRST_LEADS = re.compile(
    r"[,;。]?\s*(?:排在|排|列|居)?(?:第一位|第1位|首位|首位的?)(?:的|者)?(?:单位|部门)?为牵头(?:单位|部门)?\s*(?P<on>[,;]?\s*下同)?[,;。]?\s*$"
)


def _first_leads(units: list[UnitMention]) -> list[UnitMention]:
    """Units a note lists as responsible, where the first listed leads and the others cooperate."""
    if not units or any(u.role != "responsible" for u in units):
        return units  # roles the note names itself stand
    return [UnitMention(role="lead" if i == 0 else "cooperating", name=u.name, written=u.written, start=u.start,
                        end=u.end) for i, u in enumerate(units)]


def _task_notes(view: NormalizedText, sections: list[Section]) -> list[Responsibility]:
    locate = SectionLocator(sections).at  # one search per sentence, not a scan of every section
    found = []
    first_leads_on = False  # a 下同 convention seen in an earlier note
    for m in _NOTE.finditer(view.text):
        stop = m.end(1)
        convention = _FIRST_LEADS.search(view.text, m.start(1), stop)
        if convention:
            stop = convention.start()
        units = _note_units(view, m.start(1), stop)
        if not units:
            continue
        if convention or first_leads_on:
            units = _first_leads(units)
        first_leads_on = first_leads_on or bool(convention and convention.group("on"))
        start, end = view.span(m.start(), m.end())
        sec = locate(start)
        task = simplify(sec.title) if sec else ""
        found.append(Responsibility(section_path=sec.path if sec else None, task=task, source="task_note", verb="",
                                    units=tuple(units), start=start, end=end))
    return found


def _sentence_units(view: NormalizedText, start: int, end: int) -> list[UnitMention] | None:
    a, b = trim(view.text, start, end)
    cleaned = view.text[a:b]
    if not ORG_SUFFIX.search(cleaned) or re.search(r"[要应的]|构建|完善|建立", cleaned):
        return None
    return _mentions(view, a, b, "responsible")


def _sentences(view: NormalizedText, sections: list[Section], notes: list[Responsibility]) -> list[Responsibility]:
    locate = SectionLocator(sections).at  # one search per sentence, not a scan of every section
    text = view.text
    found = []
    for s, e in body_sentences(view, sections):
        for cs, ce in clauses(text, s, e):
            m = _BY.search(text, cs, ce) or _SUBJECT.fullmatch(text, cs, ce)
            if not m or text[m.end("verb") : m.end("verb") + 1] in ("的", "、"):
                continue
            if m.re is _SUBJECT and m.start("units") != cs:
                continue
            units = _sentence_units(view, m.start("units"), m.end("units"))
            if not units:
                continue
            duty_span = (m.start("duty"), m.end("duty"))
            if m.groupdict().get("pre"):
                duty_span = (m.start("pre"), m.end("pre"))
            elif duty_span[1] - duty_span[0] < 2 and m.re is _BY:
                duty_span = trim(text, s, m.start())  # 本省地方标准的…工作,由…负责
            duty = view.simplified(*duty_span)
            if len(duty) < 2:
                continue
            start, end = view.span(s, e)
            if any(n.start <= start < n.end or start <= n.start < end for n in notes):
                continue
            sec = locate(start)
            found.append(Responsibility(section_path=sec.path if sec else None, task=duty, source="sentence",
                                        verb=simplify(m.group("verb")), units=tuple(units), start=start, end=end))
    return found


def extract_responsibilities(text: str, sections: list[Section]) -> list[Responsibility]:
    """Task notes and responsibility sentences of a document's original text, in text order."""
    view = normalized(text)
    notes = _task_notes(view, sections)
    return sorted(notes + _sentences(view, sections, notes), key=lambda r: r.start)
