"""Uploaded files, before they are ingested: a safe name inside the upload folder, a supported
type, a size under the limit. A rejected file gets a message naming it; the others go on."""
from __future__ import annotations

import hashlib
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ingest.loaders.dispatch import SUPPORTED_SUFFIXES, max_file_bytes

UPLOADS_FOLDER = "uploads"  # under the index home: uploaded files are kept so a rebuild can re-read them
# one name's limit in UTF-8 bytes: Linux allows 255 (a CJK character is 3), and the backup's name adds 10
NAME_BYTES = 200
SUFFIX_BYTES = 16  # longer is no type zhiqa reads; cut so that the name still fits
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
    slash), no control characters, no leading dots, no characters a shell or URL trips on, and
    short enough for the disk (NAME_BYTES of UTF-8, the suffix kept)."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFC", name))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = _UNSAFE.sub("_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    return _fitted(stem or "upload", suffix.lower())


def _fitted(stem: str, suffix: str, tag: str = "") -> str:
    """stem[-tag].suffix in at most NAME_BYTES; a stem cut short ends with a hash of the whole
    one, so two long names that begin alike stay two files (and the same name stays one)."""
    suffix = _cut(suffix, SUFFIX_BYTES)
    tail = (f"-{tag}" if tag else "") + (f".{suffix}" if suffix else "")
    if len((stem + tail).encode("utf-8")) <= NAME_BYTES:
        return stem + tail
    tail = f"-{_digest(stem.encode('utf-8'))}{tail}"
    return (_cut(stem, NAME_BYTES - len(tail.encode("utf-8"))).rstrip(" .") or "upload") + tail


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` bytes of UTF-8, never half a character."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:8]


def _distinct(clean: str, name: str, tmp: Path, taken: set[str]) -> str:
    """A name no other file of this upload has: the clash gets a hash of its given name and
    content, so uploading the same files again gives the same names (and replaces them)."""
    stem, suffix = Path(clean).stem, Path(clean).suffix.lstrip(".")
    seed = name.encode("utf-8", "surrogatepass") + b"\0" + tmp.read_bytes()
    n = 0
    while clean in taken:
        clean = _fitted(stem, suffix, _digest(seed + str(n).encode()))
        n += 1
    return clean


def _store(tmp: Path, target: Path) -> Path | None:
    """Copy ``tmp`` to ``target``, the file there first moved aside as the backup (returned); on
    any failure the folder is put back as it was, and the error raised."""
    backup = None
    try:
        if target.exists():
            backup = target.with_name(f".{target.name}.previous")
            target.replace(backup)
        shutil.copyfile(tmp, target)
    except OSError:
        if backup is not None and backup.exists():
            backup.replace(target)
        elif backup is None:
            target.unlink(missing_ok=True)
        raise
    return backup


def stage(files: list[tuple[str, Path]], folder: Path) -> tuple[list[Staged], list[Rejected]]:
    """Copy (name, temporary path) pairs into ``folder`` under safe names, distinct within the
    upload; a file of an unsupported type, an empty one, one over ZHIQA_MAX_FILE_MB or one that
    cannot be stored is rejected with a reason. A name stored by an earlier upload is replaced
    (its file kept as the backup until the new one is in)."""
    folder.mkdir(parents=True, exist_ok=True)
    root = folder.resolve()
    staged: list[Staged] = []
    rejected: list[Rejected] = []
    taken: set[str] = set()
    limit = max_file_bytes()
    for name, tmp in files:
        clean = safe_name(name)
        suffix = Path(clean).suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            rejected.append(Rejected(name, f"{name}: 不支持的文件类型 '{suffix or '(无扩展名)'}';请上传 {' '.join(SUPPORTED_SUFFIXES)} 文件"))
            continue
        try:
            size = tmp.stat().st_size
        except OSError as exc:
            rejected.append(Rejected(name, f"{name}: 读不到上传的文件({exc.strerror or exc});请重新上传"))
            continue
        if size == 0:
            rejected.append(Rejected(name, f"{name}: 文件为空 (0 字节);请检查是否选错了文件"))
            continue
        if size > limit:
            rejected.append(
                Rejected(name, f"{name}: 文件 {size / 2**20:.1f} MB,超过 {limit / 2**20:.0f} MB 上限;请拆分文件或调高 ZHIQA_MAX_FILE_MB")
            )
            continue
        try:
            clean = _distinct(clean, name, tmp, taken) if clean in taken else clean
            target = (root / clean).resolve()
            if target.parent != root:  # cannot happen after safe_name; checked because it guards the disk
                rejected.append(Rejected(name, f"{name}: 文件名不安全,请改名后再上传"))
                continue
            backup = _store(tmp, target)
        except OSError as exc:
            rejected.append(Rejected(name, f"{name}: 保存上传的文件失败({exc.strerror or exc});请重试,或检查磁盘空间"))
            continue
        taken.add(clean)
        staged.append(Staged(name, target, backup))
    return staged, rejected
