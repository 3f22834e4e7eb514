"""Words the documents use side by side as members of one kind (投诉举报, 投诉和举报, 生产、销售):
a follow-up naming one of them (那举报呢?) asks the previous question of it in place of the other."""
from __future__ import annotations

from assistant.index.snapshot import Snapshot

# how a text joins two members of one kind: run together or by a list mark or conjunction
_JOINS = ("", "、", "和", "或者", "或", "及", "以及", "与")


def coordinated(snap: Snapshot, a: str, b: str) -> bool:
    """Does some document join ``a`` and ``b`` as members of one kind, in either order?"""
    forms = [x + j + y for j in _JOINS for x, y in ((a, b), (b, a))]
    return any(f in snap.normalized(d) for d in snap.docs for f in forms)
