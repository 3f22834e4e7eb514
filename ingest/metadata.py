"""Document metadata inferred from the text, with the folder's manifest.json overriding.

Inference reads the title line, the closing signature and date, the 〔year〕 number line,
a law's header lines (adopted, amended, promulgated under 令第N号, in force: ingest.history),
the names in the text and, as a last resort, a date in the file name (X(2018-12-29).md). All
inferred values are given in simplified characters (the manifest's convention); quotes keep
the original script.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.doctype import document_type
from ingest.errors import IngestError
from ingest.gazetteer import AGENCY_FULL_NAMES, NATIONAL_MARKERS, ORG_SUFFIXES, PROVINCES
from ingest.header import HeaderField, header_value
from ingest.history import EFFECTIVE_IN_TEXT, EFFECTIVE_ON_ISSUE, HistoryEvent, events_in, history_lines, iso_date, iso_from
from ingest.models import Segment
from ingest.normalize import detect_script, fold_width, to_simplified, without_glosses
from ingest.places import MUNICIPALITIES, Place, cities_by_short_name, place_of, places_named
from ingest.patterns import DOC_NUMBER

MANIFEST_FIELDS = ("title", "issuer", "date", "doc_number", "level", "region", "script", "year", "doc_type")

_TITLE_END = re.compile(
    r"(意见|通知|决定|办法|规定|方案|计划|规划|条例|细则|纲要|报告|规则|通告|公告|批复|函|章程|标准|法)$"
)
_SITE_SUFFIX = re.compile(r"\s*[-_|—]\s*[^-_|—]{2,30}(门户网站|政府网|网站|网)\s*$")
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CN_DATE = re.compile(r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_BOOK_TITLE = re.compile(r"《(关于[^《》]{4,60})》")
_PROPOSE = re.compile(r"现就(.{2,40}?)提出(?:如下|以下)(意见|通知|要求)")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.年]([01]?\d)[-_.月]([0-3]?\d)(?!\d)")
_HISTORY_HEAD = 30  # content lines at the top where a law's header lines stand
# what a title line may carry after the name: the years it covers, its 文号, (试行) stays
_TITLE_TAIL = re.compile(r"[(（](?:(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)?\d{2,4}\s*年?|[^()（）]{0,12}[(（〔\[][12]\d{3}[)）〕\]]\s*\d{1,4}\s*号)[)）]$"
                         r"|\s*[—–]+\s*[^—–()（）\s]{1,12}[(（〔\[][12]\d{3}[)）〕\]]\s*\d{1,4}\s*号$")  # …的意见—国质检质〔2006〕282号
_DATE_UNDER_TITLE = re.compile(r"^[(（]((?:19|20)\d{2}年\d{1,2}月\d{1,2}日)[)）]$")
# a headline announcing a document: its issuers, then 印发 and its title in 《》
_ANNOUNCED = re.compile(r"^(?P<orgs>(?:[^\s《》:]{2,30}?(?:省委|市委|县委|党委|人民政府|政府|办公厅|办公室|委员会|总局|局|厅|委|部)[\s、和]*){1,4}?)"
                        r"\s*(?:联合)?(?:印发|发布|出台|颁布)(?:了)?《(?P<title>[^《》]{4,60})》$")
# the issuers a title begins with (one or several, joint): 温州市洞头区发展和改革局 温州市洞头区市场监督管理局关于…
_ISSUERS_OF_TITLE = re.compile(r"^((?:[^\s关《]{2,24}?(?:人民政府|办公厅|办公室|总局|委员会|局|厅|委)[\s、和]*){1,4}?)\s*关于")


@dataclass(frozen=True)
class InferredMetadata:
    title: str | None
    issuer: str | None
    date: str | None
    doc_number: str | None
    level: str | None
    region: str | None
    script: str
    year: int | None
    doc_type: str | None = None
    adopted: str | None = None
    amended: tuple[str, ...] = ()
    promulgated: str | None = None
    effective: str | None = None
    city: str | None = None  # a prefecture-level city's document (short name: 威海), its county's city
    county: str | None = None  # a district's or county's (洞头)


def _simp(s: str) -> str:
    return re.sub(r"^#{1,6}\s*", "", to_simplified(without_glosses(fold_width(s))).strip())


def _parse_date(line: str) -> str | None:
    """A line that is only a date (2013年12月31日, 二〇一三年十二月三十一日) as yyyy-mm-dd."""
    line = _simp(line).replace(" ", "")
    return iso_date(line) if _DATE.match(line) or _CN_DATE.match(line) else None


def _is_org(line: str) -> bool:
    return 2 <= len(line) <= 30 and line.endswith(ORG_SUFFIXES) and not re.search(r"[。,，:：;；]", line)


def _signature(body: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) from the closing lines: an organisation line followed by a date line."""
    tail = body[-8:]
    for i in range(len(tail) - 1, -1, -1):
        date = _parse_date(tail[i])
        if date:
            issuer = None
            if i > 0 and _is_org(_simp(tail[i - 1])):
                issuer = _simp(tail[i - 1])
            return issuer, date
    return None, None


# a byline opening the text in brackets (题注): (国务院办公厅), (国务院办公厅 2013年5月30日印发); a page
# cut off may lose the closing bracket
_BYLINE = re.compile(r"^[(（]\s*([\u4e00-\u9fff]{2,30}?)\s*(?:\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:印发|发布)?)?\s*[)）]?$")


# a cover notice's transmittal (现将《…》印发给你们，请…): its 落款 follows it
_TRANSMITTAL = re.compile(r"现将《[^《》]{2,80}》[^。]{0,12}(?:印发|转发|下发|发)给你们")
_COVER_REACH = 6  # lines after the transmittal where the notice's issuers and date stand


def _cover_signature(body: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) of a cover notice that transmits the document (现将《X》印发给你们…), from
    the organisation line and date line after its transmittal near the top; joint issuers on
    one line, apart by spaces, are joined with 、."""
    head = body[:_HISTORY_HEAD]
    at = next((i for i, line in enumerate(head) if _TRANSMITTAL.search(_simp(line))), None)
    if at is None:
        return None, None
    lines = head[at + 1 : at + 1 + _COVER_REACH]
    for i, line in enumerate(lines):
        date = _parse_date(line)
        if date:
            orgs = [o for o in re.split(r"\s{2,}|\u3000+", _simp(lines[i - 1]).strip()) if o] if i > 0 else []
            issuer = "、".join(orgs) if orgs and all(_is_org(o) for o in orgs) else None
            return issuer, date
    return None, None


def _find_region(*texts: str) -> str | None:
    for t in texts:
        if not t:
            continue
        for region, full, _ in PROVINCES:
            if full in t or t.startswith(region):
                return region
    return None


def _frequent_region(body_text: str) -> str | None:
    counts = Counter({region: body_text.count(region) for region, _, _ in PROVINCES})
    (first, n1), (_, n2) = counts.most_common(2)
    if n1 >= 3 and n1 >= 2 * max(n2, 1):
        return first
    # a document that speaks of itself as the province's (我省, 全省) is of the one it names most
    return first if n1 > n2 and _SELF_PROVINCE.search(body_text) else None


_SELF_PROVINCE = re.compile(r"我省|全省|本省|省委|省政府|省人民政府")
# (not 我区/全区: an autonomous region speaks of itself so too, 广西 as much as a city's district)
_SELF_CITY = re.compile(r"我市|全市|本市|市委|市政府|市人民政府|我县|全县|本县")


def _self_place(body_text: str) -> Place | None:
    """The city or county a document that speaks of itself as one (我市, 全区) names most."""
    if not _SELF_CITY.search(body_text):
        return None
    counts = Counter(places_named(body_text) + cities_by_short_name(body_text))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _from_history(events: list[HistoryEvent]) -> tuple[str | None, str | None, str | None]:
    """(issuer, version date, order number) from a law's header lines: the body that promulgated
    it (else adopted it, else approved it), the latest adoption, amendment or promulgation, and
    the latest order it was promulgated under."""
    by_act = {act: [e for e in events if e.act == act and e.body] for act in ("promulgated", "adopted", "revised", "amended", "approved")}
    issuer = next((es[-1].body for es in by_act.values() if es), None)
    dated = [e.date for e in events if e.act not in ("effective", "approved")]
    orders = [e.order for e in events if e.order]
    return issuer, max(dated) if dated else None, orders[-1] if orders else None


def _bracketed(number: str) -> str:
    """A 文号 with its year in 〔〕, however the page bracketed it: 吉政发(2012)27号 → 吉政发〔2012〕27号."""
    compact = number.replace(" ", "")
    return re.sub(r"[\[［【(（]", "〔", re.sub(r"[\]］】)）]", "〕", compact))


def _header_doc_number(header: list[HeaderField]) -> str | None:
    row = header_value(header, "doc_number")
    if row is None or not DOC_NUMBER.search(row.value.replace(" ", "")):
        return None
    return _bracketed(row.value)


def _declared_date(value: str | None) -> str | None:
    m = re.match(r"\s*((?:19|20)\d{2})[-/年.](\d{1,2})[-/月.](\d{1,2})", value or "")
    return iso_from(*(int(x) for x in m.groups())) if m else None


def _date_in_name(name: str | None) -> str | None:
    m = _NAME_DATE.search(name or "")
    return iso_from(*(int(x) for x in m.groups())) if m else None


def infer(text: str, segments: list[Segment], name: str | None = None,
          declared: tuple[tuple[str, str], ...] = (), header: list[HeaderField] = ()) -> InferredMetadata:
    """Metadata of a document from its text and segments; ``declared``, what the file says of
    itself (a web page's <meta>: title, published, source), and ``header``, the information
    table its page prints above it (ingest.header), fill what the text leaves open, and
    ``name``, the file name, gives a date when nothing else does."""
    said = dict(declared)
    body = [text[s.start : s.end] for s in segments if s.kind == "body"]
    lines_all = [(s.kind, s.reason, text[s.start : s.end]) for s in segments if s.kind in ("body", "furniture")]
    head = [(k, r, _simp(t)) for k, r, t in lines_all[:15]]
    body_simp = _simp("\n".join(body))

    issuer_raw, date = _signature(body)
    # a cover notice's own 落款 dates it, before the document it transmits runs on
    cover_issuer, cover_date = _cover_signature(body)
    issuer_raw, date = issuer_raw or cover_issuer, cover_date or date
    issuer = AGENCY_FULL_NAMES.get(issuer_raw, issuer_raw) if issuer_raw else None
    content = [(s.start, s.end) for s in segments if s.kind in ("body", "furniture")][:_HISTORY_HEAD]
    events = events_in(text, history_lines(text, content))
    law_issuer, law_date, order = _from_history(events)
    issuer = issuer or (AGENCY_FULL_NAMES.get(law_issuer, law_issuer) if law_issuer else None)
    date = date or law_date

    # title: a title-shaped line near the top, body first, then page titles without the site name
    title = None
    numbered = None  # a 文号 the title line carries in brackets
    for kind in ("body", "furniture"):
        for k, reason, line in head:
            if k != kind or reason == "news preamble":
                continue
            cand = _SITE_SUFFIX.sub("", line).strip()
            # a title may end in the years it covers, (2013-2020年), part of its name, or in its 文号,
            # (吉政发(2012)27号), which is not
            tail = _TITLE_TAIL.search(cand)
            named_end = bool(tail and _TITLE_END.search(cand[: tail.start()]))
            if named_end and (titled_number := DOC_NUMBER.search(tail.group().replace(" ", ""))):
                cand, numbered = cand[: tail.start()].strip(), numbered or titled_number.group()
                named_end = False
            if 6 <= len(cand) <= 80 and (named_end or _TITLE_END.search(cand)) and not re.search(r"[。,，;；:：]", cand):
                title = cand
                break
        if title:
            break
    announced = None  # a news headline: 中共湖北省委 湖北省人民政府印发《湖北省质量强省建设纲要》
    if title is None:
        announced = next((m for _, _, line in head if (m := _ANNOUNCED.match(line))), None)
        if announced and _TITLE_END.search(announced.group("title")):
            title = announced.group("title")
    if title and title.startswith("关于"):
        # split title: the issuer stands on the line before 关于…
        idx = [ln for _, _, ln in head].index(title)
        if idx > 0 and _is_org(head[idx - 1][2]):
            title = head[idx - 1][2] + title
        elif issuer_raw:
            title = issuer_raw + title
    if title is None:
        quoted = _BOOK_TITLE.search(_simp(text[:2000]))
        if quoted and issuer_raw:
            title = issuer_raw + quoted.group(1)
    if title is None and said.get("title"):
        title = _SITE_SUFFIX.sub("", _simp(said["title"])).strip() or None
    if title is None and issuer:
        m = _PROPOSE.search(body_simp[:3000])
        if m:
            title = f"{issuer}关于{m.group(1)}的{m.group(2) if m.group(2) != '要求' else '意见'}"

    doc_number = None
    for _, _, line in head:
        compact = line.replace(" ", "")
        m = DOC_NUMBER.fullmatch(compact)
        if m:
            doc_number = re.sub(r"[\[［【(（]", "〔", re.sub(r"[\]］】)）]", "〕", compact))
            break

    doc_number = doc_number or order or _header_doc_number(header) or (numbered and _bracketed(numbered))
    if issuer is None and said.get("source") and _is_org(_simp(said["source"])):
        issuer = AGENCY_FULL_NAMES.get(_simp(said["source"]), _simp(said["source"]))
    if issuer is None and title:
        m = _ISSUERS_OF_TITLE.match(title)
        if m:
            issuer = AGENCY_FULL_NAMES.get(m.group(1), m.group(1))
    if issuer is None and announced is not None:
        issuer = re.sub(r"\s+", " ", announced.group("orgs")).strip()
    if issuer is None and (row := header_value(header, "issuer")) and _is_org(_simp(row.value)):
        issuer = AGENCY_FULL_NAMES.get(_simp(row.value), _simp(row.value))
    if issuer is None and body and (m := _BYLINE.match(_simp(body[0]).strip())) and _is_org(m.group(1)):
        issuer = AGENCY_FULL_NAMES.get(m.group(1), m.group(1))

    named = " ".join(x for x in (issuer, title) if x)
    named_region = _find_region(issuer or "", title or "")
    national = any(marker in named for marker in NATIONAL_MARKERS) and not named_region
    if national:
        place = region = None
    else:
        # a city or county its issuer or title names, else (no province named either) the one a
        # 我市 document names most; the region is its province, else the province named
        place = place_of(issuer, title) or (None if named_region else _self_place(body_simp[:3000]))
        region = (place.province if place else None) or named_region or _frequent_region(body_simp)
    if national:
        level = "national"
    elif place or (region and region not in MUNICIPALITIES and re.search(r"[^省]市人民政府|市政府", named)):
        level = "municipal"
    elif region:
        level = "provincial"
    else:
        level = None

    if date is None:  # a date in brackets under the title: (2018年7月5日), as a newspaper prints a document
        date = next((iso_date(m.group(1)) for _, _, line in head if (m := _DATE_UNDER_TITLE.match(line.replace(" ", "")))), None)
    written, published = (header_value(header, f) for f in ("date", "published"))
    date = date or (written and written.iso) or (published and published.iso) or _declared_date(said.get("published")) \
        or _date_in_name(name)
    year = int(date[:4]) if date else None
    if year is None and title:
        m = _YEAR.search(title)
        year = int(m.group(1)) if m else None
    in_force = [m.group("date") for m in EFFECTIVE_IN_TEXT.finditer(body_simp)]
    effective = next((e.date for e in events if e.act == "effective"), None) or (iso_date(in_force[-1]) if in_force else None)
    promulgated = [e.date for e in events if e.act == "promulgated"]
    if effective is None and promulgated and EFFECTIVE_ON_ISSUE.search(body_simp):
        effective = promulgated[-1]

    return InferredMetadata(
        title=title,
        issuer=issuer,
        date=date,
        doc_number=doc_number,
        level=level,
        region=region,
        script=detect_script("".join(body)),
        year=year,
        doc_type=document_type(title, issuer, events),
        adopted=next((e.date for e in events if e.act == "adopted"), None),
        amended=tuple(e.date for e in events if e.act in ("amended", "revised")),
        promulgated=promulgated[-1] if promulgated else None,
        effective=effective,
        city=(place.short if place.kind == "city" else place.city) if place else None,
        county=place.short if place and place.kind == "county" else None,
    )


def manifest_entry(path: Path) -> dict | None:
    """The entry for ``path`` in a manifest.json beside it, if any."""
    manifest = path.parent / "manifest.json"
    try:
        stat = manifest.stat()
    except OSError:
        return None
    entry = _manifest_entries(str(manifest), stat.st_mtime_ns, stat.st_size).get(path.name)
    return dict(entry) if entry is not None else None


@lru_cache(maxsize=8)
def _manifest_entries(manifest: str, mtime_ns: int, size: int) -> dict[str, dict]:
    """A manifest's entries by file name, read once per version of the file (a folder of n files
    would otherwise parse it n times per ingest)."""
    try:
        data = json.loads(Path(manifest).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IngestError(manifest, f"manifest.json is not valid JSON ({exc})", "Fix or remove the manifest.") from exc
    entries = data.get("documents", data if isinstance(data, list) else [])
    return {e["file"]: e for e in reversed(entries) if isinstance(e, dict) and isinstance(e.get("file"), str)}
