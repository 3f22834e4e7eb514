"""What kind of document it is, from its title, its issuer and its legislative history:
法律, 行政法规, 部门规章, 地方性法规, 地方政府规章, 司法解释, 规范性文件 or 政策文件.

General rules of Chinese legislation (立法法): a law is adopted by the National People's
Congress or its Standing Committee; an administrative regulation is issued (or approved) by
the State Council; a department rule is issued by a ministry or a national administration
under an order (令第N号); a local regulation is adopted by a provincial or city people's
congress; a local government rule is a provincial or city government's order; a judicial
interpretation is issued by the Supreme People's Court or Procuratorate. A document that is
none of these is a normative document (通知, 决定, 规定, 办法 …) or a policy document
(意见, 规划, 方案, 纲要 …)."""
from __future__ import annotations

import re

from ingest.history import HistoryEvent

_NATIONAL_LEGISLATURE = re.compile(r"^全国人民代表大会")
_LOCAL_LEGISLATURE = re.compile(r".+人民代表大会")
_COURT = re.compile(r"^最高人民(法院|检察院)")
_STATE_COUNCIL = re.compile(r"^国务院$")
_LOCAL_GOVERNMENT = re.compile(r"(省|市|自治区|州|县|区)人民政府$")
_POLICY_TITLE = re.compile(r"(意见|规划|计划|方案|纲要|要点|行动|战略)[^\u4e00-\u9fff]*$")
_RULE_TITLE = re.compile(r"(条例|规定|办法|细则|规则|实施办法)$")


def document_type(title: str | None, issuer: str | None, events: list[HistoryEvent]) -> str | None:
    """The type, or None when neither the title nor the issuer tells."""
    bodies = [e.body for e in events if e.body] + ([issuer] if issuer else [])
    orders = [e.order for e in events if e.order]
    name = title or ""
    if any(_COURT.match(b) for b in bodies):
        return "司法解释"
    if any(_NATIONAL_LEGISLATURE.match(b) for b in bodies) or (name.startswith("中华人民共和国") and name.endswith("法")):
        return "法律"
    if any(_STATE_COUNCIL.match(b) for b in bodies) and (not name or _RULE_TITLE.search(name)):
        return "行政法规"
    if any(_LOCAL_LEGISLATURE.match(b) for b in bodies):
        return "地方性法规"
    if orders:
        local = any(_LOCAL_GOVERNMENT.search(o.split("令第")[0]) for o in orders)
        return "地方政府规章" if local else "部门规章"
    if not name and not issuer:
        return None
    return "政策文件" if _POLICY_TITLE.search(name) else "规范性文件"
