"""A follow-up asking the penalty for what the answer before quoted (能不能…? then 要是已经这么做了，罚多少?):
the articles of the same statute that cite the quoted article as violated and set a measure
for it (compose.penalties.punishing_spans), quoted with the article they punish."""
from __future__ import annotations

from assistant.answer import Answer, QuestionType
from assistant.compose.cite import Citations
from assistant.compose.penalties import punishing_spans
from assistant.index.snapshot import Snapshot
from assistant.question.analyse import named_regions
from assistant.question.followup import points_back
from assistant.question.kinds import asks_penalty
from assistant.search.laws import law_mentions
from ingest.normalize import normalize
from ingest.patterns import PENALTY
from ingest.statute import article_at

SHORT = 12  # a bare penalty question (违反了罚多少?) asks of what was just quoted


def penalty_of_previous(snap: Snapshot, follow_up: str, previous: Answer) -> Answer | None:
    """The penalty for violating the provision the previous answer quoted first, when the
    follow-up asks a penalty and points back to it (这么做了, or only 罚多少?); None when it names
    a document of its own, or the previous answer
    declined, quoted no statute's article, quoted a penalty itself, or no article punishes it."""
    asked = normalize(follow_up)
    if previous.abstained or not previous.citations or not asks_penalty(asked):
        return None
    if not (points_back(asked) or len(asked) <= SHORT) or law_mentions(snap, asked, named_regions(asked)):
        return None
    first = previous.citations[0]
    if first.doc_id not in snap.docs or PENALTY.search(normalize(first.quote)):
        return None
    articles = snap.articles(first.doc_id)
    own = article_at(articles, first.start) if articles else None
    if own is None:
        return None
    text = snap.text(first.doc_id)
    spans = punishing_spans(text, articles, own)
    if not spans:
        return None
    cites = Citations(snap)
    duty = cites.add(first.doc_id, first.start, first.end)
    said = " ".join(f"{text[s:e]} [{cites.add(first.doc_id, s, e)}]" for s, e in spans)
    answer = f"违反上一问所引的规定 [{duty}] 的处罚:{said}"
    return Answer(question=follow_up, standalone_question=follow_up, answer=answer, abstained=False,
                  question_type=QuestionType.OTHER,
                  citations=cites.items)
