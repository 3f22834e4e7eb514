"""Domain views over the whole corpus, read from the records stored at ingest
(ingest.extract.DocumentRecords): who leads and who cooperates on each task, time requirements,
quantitative targets and obligation checklists. Every row points at its exact source span."""
from __future__ import annotations

from dataclasses import dataclass

from assistant.errors import ConfigError
from assistant.index.snapshot import Snapshot
from ingest.extract import actor_type, normalize_department
from ingest.extract.spans import sentence_around, simplify

ROLES = {"lead": "牵头", "cooperating": "配合", "responsible": "负责"}
ROLE_ARGS = {"lead": "lead", "cooperate": "cooperating", "cooperating": "cooperating", "responsible": "responsible"}
MODALITIES = {"must": "必须/应当", "prohibited": "禁止/不得", "permitted": "可以", "encouraged": "鼓励"}
# actor types an enterprise asks about when it asks about 企业
ACTOR_FAMILIES = {"企业": ("企业", "生产者", "销售者", "生产经营者", "经营者", "用户单位", "许可证持有人")}
NATIONWIDE = "全国"  # a national document's scope: it binds every region


@dataclass(frozen=True)
class Source:
    """The sentence a record comes from, exactly as the original text has it."""

    doc_id: str
    document: str  # title (or doc id)
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class DutyRow:
    task: str  # the task (section title or duty), simplified
    role: str  # 牵头 | 配合 | 负责
    unit: str  # canonical name (省质量技术监督局)
    written: str  # as the document writes it (省質監局)
    section_path: str | None
    source: Source


@dataclass(frozen=True)
class DeadlineRow:
    expression: str  # as written, simplified (自收到检验结果之日起十五日内)
    normalized: str  # 15日 (calendar) | 5个工作日 | 2015年 | 每年 | 2016—2020年
    relation: str  # within | before | by | in | every | …
    action: str
    actor: str | None
    trigger: str | None
    section_path: str | None
    source: Source


@dataclass(frozen=True)
class TargetRow:
    subject: str
    quantity: str  # as written: 93%以上
    value: float
    value_max: float | None
    unit: str
    comparator: str
    status: str  # goal | reported
    horizon: str | None
    section_path: str | None
    source: Source


@dataclass(frozen=True)
class ObligationRow:
    topic: str  # the top-level section it sits in (the checklist's group)
    modality: str  # 必须/应当 | 禁止/不得 | 可以 | 鼓励
    actors: str  # as written, simplified
    actor_types: str
    action: str
    condition: str | None
    scope: str  # the document's region, or 全国 for a national one
    source: Source


def select_documents(snap: Snapshot, doc_ids: tuple[str, ...] = (), regions: tuple[str, ...] = ()) -> list[str]:
    """The documents a view covers, sorted: those named (an unknown id is an error), of the
    regions given, national documents included (a national law binds every region)."""
    unknown = [d for d in doc_ids if d not in snap.docs]
    if unknown:
        raise ConfigError(f"no document {', '.join(unknown)} in the index; see `zhiqa docs` for the ids")
    docs = [d for d in sorted(snap.docs) if (not doc_ids or d in doc_ids)]
    if regions:
        docs = [d for d in docs if (snap.docs[d].meta.region or "") in regions or snap.docs[d].meta.level == "national"]
    return docs


def scope(snap: Snapshot, doc_id: str) -> str:
    """Where a document applies: its region, or 全国 for a national one."""
    meta = snap.docs[doc_id].meta
    return meta.region or (NATIONWIDE if meta.level == "national" else "")


def source(snap: Snapshot, doc_id: str, start: int, end: int) -> Source:
    """The whole sentence around a record's span (a task note stays as it is)."""
    text = snap.text(doc_id)
    if text[start:end].startswith(("(", "（")):
        s, e = start, end  # a task note (…牵头,…配合) is its own source
    else:
        s, e = sentence_around(text, start, end)
    meta = snap.docs[doc_id].meta
    return Source(doc_id=doc_id, document=meta.title or doc_id, start=s, end=e, quote=text[s:e])


def duties(snap: Snapshot, dept: str | None = None, doc_ids: tuple[str, ...] = (), role: str | None = None) -> list[DutyRow]:
    """The responsibility matrix: one row per (task, role, unit); or what one department does."""
    if role is not None and role not in ROLE_ARGS:
        raise ConfigError(f"unknown role {role!r}; choose lead, cooperate or responsible")
    wanted_role = ROLE_ARGS.get(role or "")
    wanted = normalize_department(dept) if dept else None
    rows = []
    for doc_id in select_documents(snap, doc_ids):
        for r in snap.records(doc_id).responsibilities:
            for u in r.units:
                if wanted_role and u.role != wanted_role:
                    continue
                if wanted and u.name != wanted and wanted not in u.name:
                    continue
                rows.append(DutyRow(task=r.task, role=ROLES[u.role], unit=u.name, written=simplify(u.written),
                                    section_path=r.section_path, source=source(snap, doc_id, r.start, r.end)))
    return rows


def deadlines(snap: Snapshot, doc_ids: tuple[str, ...] = (), actor: str | None = None) -> list[DeadlineRow]:
    """Time requirements: dates, years, periods, recurrences and time limits, with what they bound."""
    rows = []
    for doc_id in select_documents(snap, doc_ids):
        for t in snap.records(doc_id).time_requirements:
            if actor and not (t.actor and (actor in t.actor or _same_type(actor, t.actor))):
                continue
            rows.append(DeadlineRow(expression=t.expression, normalized=t.normal_form, relation=t.relation, action=t.action,
                                    actor=t.actor, trigger=t.trigger, section_path=t.section_path,
                                    source=source(snap, doc_id, t.start, t.end)))
    return rows


def targets(snap: Snapshot, doc_ids: tuple[str, ...] = (), status: str | None = None) -> list[TargetRow]:
    """Quantitative targets (goal) and reported figures, with their subject and horizon."""
    rows = []
    for doc_id in select_documents(snap, doc_ids):
        for t in snap.records(doc_id).targets:
            if status and t.status != status:
                continue
            rows.append(TargetRow(subject=t.subject, quantity=t.expression, value=t.value, value_max=t.value_max, unit=t.unit,
                                  comparator=t.comparator, status=t.status, horizon=t.horizon, section_path=t.section_path,
                                  source=source(snap, doc_id, t.start, t.end)))
    return rows


def _types_for(actor: str) -> tuple[str, ...]:
    if actor in ACTOR_FAMILIES:
        return ACTOR_FAMILIES[actor]
    kind = actor_type(actor)
    if kind is None:
        raise ConfigError(f"unknown actor {actor!r}; try 企业, 生产者, 销售者, 第三方检验检测认证机构, 用户单位, 行业协会, 地方政府, 监管部门")
    return (kind,)


def _same_type(asked: str, written: str) -> bool:
    kind = actor_type(written)
    return kind is not None and kind in ACTOR_FAMILIES.get(asked, (actor_type(asked),))


def _topic(snap: Snapshot, doc_id: str, offset: int) -> str:
    rec = snap.docs[doc_id]
    sec = rec.section_at(offset)
    while sec is not None and sec.parent is not None:
        sec = rec.sections[sec.parent]
    return simplify(sec.title) if sec is not None else "总体要求"


def obligations(
    snap: Snapshot, actor: str | None = None, doc_ids: tuple[str, ...] = (), regions: tuple[str, ...] = ()
) -> list[ObligationRow]:
    """A checklist: what each actor must, must not, may or is encouraged to do, by topic."""
    types = _types_for(actor) if actor else ()
    rows = []
    for doc_id in select_documents(snap, doc_ids, regions):
        for o in snap.records(doc_id).obligations:
            if types and not set(o.actor_types) & set(types):
                continue
            rows.append(ObligationRow(topic=_topic(snap, doc_id, o.start), modality=MODALITIES.get(o.modality, o.modality),
                                      actors="、".join(o.actors), actor_types="、".join(dict.fromkeys(o.actor_types)),
                                      action=o.action, condition=o.condition, scope=scope(snap, doc_id),
                                      source=source(snap, doc_id, o.start, o.end)))
    return rows
