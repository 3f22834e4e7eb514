"""Uploaded files, before they are ingested: a safe name inside the upload folder, a supported
type, a size under the limit. A rejected file gets a message naming it; the others go on."""
from __future__ import annotations

import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.loaders.dispatch import SUPPORTED_SUFFIXES, max_file_bytes

UPLOADS_FOLDER = "uploads"  # under the index home: uploaded files are kept so a rebuild can re-read them
_UNSAFE = re.compile(r"[^\w\-.()（）《》·、，,\u3000 ]+")


@dataclass(frozen=True)
class Staged:
    name: str  # the name the user gave the file
    path: Path  # where it now lies, inside the upload folder
    backup: Path | None  # the earlier upload of that name, kept until the new one is ingested

    def keep(self) -> None:
        """The new file went in: the earlier one is no longer needed."""
        if self.backup is not None:
            self.backup.unlink(missing_ok=True)

    def undo(self) -> None:
        """The new file failed: the earlier upload (still in the index) is put back."""
        if self.backup is not None:
            self.backup.replace(self.path)
        else:
            self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Rejected:
    name: str
    message: str


def safe_name(name: str) -> str:
    """A file name that stays inside one folder: the last path component only (either kind of
    slash), no control characters, no leading dots, no characters a shell or URL trips on."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[:100] or "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def stage(files: list[tuple[str, Path]], folder: Path) -> tuple[list[Staged], list[Rejected]]:
    """Copy (name, temporary path) pairs into ``folder`` under safe names; a file of an
    unsupported type, an empty one or one over ZHIQA_MAX_FILE_MB is rejected with a reason."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    staged: list[Staged] = []
    rejected: list[Rejected] = []
    limit = max_file_bytes()
    for name, tmp in files:
        clean = safe_name(name)
        suffix = Path(clean).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            rejected.append(Rejected(name, f"{name}: 不支持的文件类型 '{suffix or '(无扩展名)'}';请上传 {' '.join(SUPPORTED_SUFFIXES)} 文件"))
            continue
        size = tmp.stat().st_size
        if size == 0:
            rejected.append(Rejected(name, f"{name}: 文件为空 (0 字节);请检查是否选错了文件"))
            continue
        if size > limit:
            rejected.append(
                Rejected(name, f"{name}: 文件 {size / 2**20:.1f} MB,超过 {limit / 2**20:.0f} MB 上限;请拆分文件或调高 ZHIQA_MAX_FILE_MB")
            )
            continue
        target = (root / clean).resolve()
        if target.parent != root:  # cannot happen after safe_name; checked because it guards the disk
            rejected.append(Rejected(name, f"{name}: 文件名不安全,请改名后再上传"))
            continue
        backup = None
        if target.exists():
            backup = target.with_name(f".{target.name}.previous")
            target.replace(backup)
        shutil.copyfile(tmp, target)
        staged.append(Staged(name, target, backup))
    return staged, rejected
