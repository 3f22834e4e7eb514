"""Normalisation for search only: full-width/half-width folding, OpenCC t2s, Taiwan
vocabulary mapped to mainland terms (智慧財產權→知识产权, 積體電路→集成电路, 程式→程序), a
few variant characters OpenCC leaves alone, and the pinyin glosses some sites put after
characters (湖(hú)北 → 湖北). Quotes shown to users always come from the original text, never
from here."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

import opencc

NORMALISER_ID = "nfkc+opencc-t2s+taiwan-terms+pinyin-glosses-v3"

# Variant forms seen in mainland traditional texts that OpenCC's tw2sp keeps as they are.
_VARIANT_MAP = {"陜": "陕", "峯": "峰", "羣": "群", "裏": "里", "綫": "线", "衆": "众", "爲": "为", "麽": "么"}
_VARIANTS = str.maketrans(_VARIANT_MAP)
_HAS_VARIANT = re.compile(f"[{''.join(_VARIANT_MAP)}]")  # translate() looks up every character; most texts have none
_HAN = re.compile("[\u4e00-\u9fff]")


@lru_cache(maxsize=None)
def opencc_converter(profile: str) -> opencc.OpenCC:
    """One OpenCC converter per profile (t2s; s2twp and tw2sp for Taiwan vocabulary), built once:
    loading a profile's dictionaries is the slow part."""
    return opencc.OpenCC(profile)


@lru_cache(maxsize=1)
def _taiwan_terms() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {}
    for line in resources.files("ingest").joinpath("data", "taiwan_terms.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            table[parts[0]] = parts[1]
    pattern = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return pattern, table


@lru_cache(maxsize=20000)
def _is_traditional_char(ch: str) -> bool:
    return opencc_converter("t2s").convert(ch) != ch or ch in _VARIANT_MAP


def fold_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# A pinyin gloss a site inserts after a character: (hú), (zhì), (nǐ): a syllable of Latin letters
# with a tone mark, in brackets, right after a Han character. Without the tone mark it could be
# an ordinary bracketed letter, (a) or (ISO), and stays.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_GLOSS = re.compile(f"(?<=[\u3400-\u9fff\uf900-\ufaff])\([a-zü{_TONED}]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,5}}\)",
                          re.IGNORECASE)


def without_glosses(folded: str) -> str:
    """A width-folded text without the pinyin glosses of its characters."""
    return PINYIN_GLOSS.sub("", folded) if "(" in folded else folded


# Lone surrogates (left by a bad decode or a str built in code) cannot cross OpenCC's UTF-8
# interface; they are kept as they are and the text around them is converted.
_SURROGATES = re.compile("([\ud800-\udfff]+)")


def to_simplified(text: str) -> str:
    """Simplified characters and mainland vocabulary (keeps width), for answers and key facts."""
    if _SURROGATES.search(text):
        return "".join(p if i % 2 else to_simplified(p) for i, p in enumerate(_SURROGATES.split(text)))
    simplified = opencc_converter("t2s").convert(text.translate(_VARIANTS) if _HAS_VARIANT.search(text) else text)
    pattern, table = _taiwan_terms()
    return pattern.sub(lambda m: table[m.group(0)], simplified)


def normalize(text: str) -> str:
    """Search form of a text: width-folded, pinyin glosses dropped, simplified, lower-cased."""
    return to_simplified(without_glosses(fold_width(text))).lower()


# characters width folding and lower-casing keep as one character: ASCII, CJK ideographs and
# symbols, full-width forms; any other (“ — … ¨ ﬁ İ, combining marks) is checked once
_NOT_BASIC = re.compile(r"[^\x00-\x7f\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e]")


@lru_cache(maxsize=None)
def _folds_to_one(ch: str) -> bool:
    return len(unicodedata.normalize("NFKC", ch).lower()) == 1 and not unicodedata.combining(ch)


@lru_cache(maxsize=1)
def _length_changing_terms() -> re.Pattern[str] | None:
    """The mainland terms the vocabulary table writes in place of a term of another length."""
    _, table = _taiwan_terms()
    changed = sorted({v for k, v in table.items() if len(k) != len(v)}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, changed))) if changed else None


def may_shift_offsets(original: str, normalized: str) -> bool:
    """Could ``normalized`` (= normalize(original), of the same length) hold a character that is
    not the one at the same offset of ``original``? True when a character may fold to several
    (¨ → space + combining mark), a term of another length may have been rewritten (智慧財產權 →
    知识产权) or a pinyin gloss dropped: two such changes can cancel out in the length. False
    means the offsets agree."""
    if not all(_folds_to_one(ch) for ch in set(_NOT_BASIC.findall(original))):
        return True
    if ("(" in original or "（" in original) and PINYIN_GLOSS.search(fold_width(original)):
        return True  # a gloss dropped and a character expanded can cancel out in the length
    terms = _length_changing_terms()
    return bool(terms and terms.search(normalized))


_BATCH_SEP = "\u2029"  # paragraph separator: every stage above maps it to itself and never spans it


def normalize_many(texts: list[str]) -> list[str]:
    """``[normalize(t) for t in texts]`` in one pass over the texts joined (a call per line or per
    chunk cost more in overhead than in conversion). A text holding the separator is done alone."""
    parts = normalize(_BATCH_SEP.join(texts)).split(_BATCH_SEP) if texts else []
    return parts if len(parts) == len(texts) else [normalize(t) for t in texts]


def detect_script(text: str) -> str:
    """simplified | traditional | mixed, from how much of the Han text OpenCC changes."""
    han = Counter(_HAN.findall(text, 0, 20000))
    if not han:
        return "simplified"
    # each distinct character checked once (a document repeats a few hundred characters)
    changed = sum(n for ch, n in han.items() if _is_traditional_char(ch))
    ratio = changed / han.total()
    if ratio > 0.08:
        return "traditional"
    if ratio > 0.02:
        return "mixed"
    return "simplified"
