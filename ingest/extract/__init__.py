"""Structured records extracted from a document's original text: responsibilities, time
requirements, quantitative targets and obligations, each with verbatim offsets."""
from ingest.extract.actors import actor_type
from ingest.extract.bundle import EXTRACTOR_VERSION, DocumentRecords, extract_records
from ingest.extract.departments import mentioned_departments, normalize_department, split_units
from ingest.extract.obligations import Obligation, extract_obligations
from ingest.extract.responsibility import Responsibility, UnitMention, extract_responsibilities
from ingest.extract.spans import NormalizedText, normalized
from ingest.extract.targets import Target, extract_targets
from ingest.extract.timex import TimeRequirement, extract_time_requirements

__all__ = [
    "EXTRACTOR_VERSION", "DocumentRecords", "extract_records", "NormalizedText", "Obligation", "Responsibility", "Target", "TimeRequirement", "UnitMention",
    "actor_type", "extract_obligations", "extract_responsibilities", "extract_targets",
    "extract_time_requirements", "mentioned_departments", "normalize_department", "normalized",
    "split_units",
]
