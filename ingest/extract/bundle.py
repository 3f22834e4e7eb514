"""All the records of one document, extracted together, and their stored (JSON) form.

The index stores them with each generation (records.jsonl) so that views and answers read them
instead of re-extracting; EXTRACTOR_VERSION changes whenever an extractor's output may change,
and stored records of another version are re-extracted on load."""
from __future__ import annotations

from dataclasses import dataclass

from ingest.extract.obligations import Obligation, extract_obligations
from ingest.extract.responsibility import Responsibility, UnitMention, extract_responsibilities
from ingest.extract.targets import Target, extract_targets
from ingest.extract.timex import TimeRequirement, extract_time_requirements
from ingest.models import Section

EXTRACTOR_VERSION = 2  # 2: actors of statutes (经营者, 消费者, 广告主, 建设单位 …)


@dataclass(frozen=True)
class DocumentRecords:
    doc_id: str
    responsibilities: tuple[Responsibility, ...]
    time_requirements: tuple[TimeRequirement, ...]
    targets: tuple[Target, ...]
    obligations: tuple[Obligation, ...]

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "extractor": EXTRACTOR_VERSION,
            # shallow copies: asdict()'s recursive deep copy was a tenth of a large ingest's writing
            "responsibilities": [{**vars(r), "units": [dict(vars(u)) for u in r.units]} for r in self.responsibilities],
            "time_requirements": [dict(vars(t)) for t in self.time_requirements],
            "targets": [dict(vars(t)) for t in self.targets],
            "obligations": [dict(vars(o)) for o in self.obligations],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "DocumentRecords":
        return cls(
            doc_id=d["doc_id"],
            responsibilities=tuple(
                Responsibility(**{**r, "units": tuple(UnitMention(**u) for u in r["units"])}) for r in d["responsibilities"]
            ),
            time_requirements=tuple(TimeRequirement(**t) for t in d["time_requirements"]),
            targets=tuple(Target(**t) for t in d["targets"]),
            obligations=tuple(
                Obligation(**{**o, "actors": tuple(o["actors"]), "actor_types": tuple(o["actor_types"])})
                for o in d["obligations"]
            ),
        )


def extract_records(doc_id: str, text: str, sections: list[Section]) -> DocumentRecords:
    """Every kind of record of one document, each pointing at its span of ``text`` (none from
    a law's header lines: ingest.extract.spans.body_sentences leaves them out)."""
    times = extract_time_requirements(text, sections)
    return DocumentRecords(
        doc_id=doc_id,
        responsibilities=tuple(extract_responsibilities(text, sections)),
        time_requirements=tuple(times),
        targets=tuple(extract_targets(text, sections, times)),
        obligations=tuple(extract_obligations(text, sections)),
    )
