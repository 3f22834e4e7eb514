"""Hostile DOCX and PDF files (issue 20, items 4 and 5): each raises a typed IngestError that
names the file, instead of a raw lxml/pypdf exception, and a zip bomb is refused by what it
would unpack to before anything inflates it.

Every hostile file is built under tmp_path from the committed policy.docx, or with pypdf."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, StreamObject

from ingest.errors import CorruptFile, FileTooLarge, IngestError, SafetyLimitReached, UnsafeDocument
from ingest.loaders import load
from ingest_helpers import FIXTURES, ROOT

MB = 1024 * 1024
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SECRET = "ZHIQA-XXE-CANARY-7f3a"


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
            f"<w:document {W_NS}><w:body>{body}</w:body></w:document>").encode("utf-8")


def _para(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def rewrite_docx(target: Path, document_xml: bytes | None = None, drop: tuple[str, ...] = ()) -> Path:
    """A copy of policy.docx with word/document.xml replaced and some members left out."""
    with zipfile.ZipFile(FIXTURES / "policy.docx") as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename in drop:
                continue
            data = src.read(info.filename)
            if info.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            zf.writestr(info.filename, data)
    return target


def write_broken_docx(target: Path) -> Path:
    whole = zipfile.ZipFile(FIXTURES / "policy.docx").read("word/document.xml")
    return rewrite_docx(target, whole[: len(whole) // 2])  # cut mid-element (and mid-character)


def write_xxe_docx(target: Path, secret_file: Path) -> Path:
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
    return rewrite_docx(target, _document_xml(_para("第一条　&xxe;") + _para("第二条　本办法自公布之日起施行。"), prolog))


def write_billion_laughs_docx(target: Path) -> Path:
    entities = '<!ENTITY lol0 "质量">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return rewrite_docx(target, _document_xml(_para("第一条　&lol9;"), f"<!DOCTYPE w:document [{entities}]>"))


def write_utf16_doctype_docx(target: Path, secret_file: Path) -> Path:
    """The XXE again in a UTF-16 part (OPC allows UTF-8 and UTF-16): a byte scan for ASCII misses it."""
    xml = (f'<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret_file.as_uri()}">]>'
           f"<w:document {W_NS}><w:body>{_para('第一条　&xxe;')}</w:body></w:document>")
    return rewrite_docx(target, xml.encode("utf-16"))


def write_renamed_xxe_docx(target: Path, secret_file: Path) -> Path:
    """The XXE in a main part not named .xml: its content type alone makes python-docx parse it."""
    write_xxe_docx(target.with_suffix(".tmp"), secret_file)
    renames = {"word/document.xml": "word/document.body", "word/_rels/document.xml.rels": "word/_rels/document.body.rels"}
    with zipfile.ZipFile(target.with_suffix(".tmp")) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in ("[Content_Types].xml", "_rels/.rels"):
                data = data.replace(b"word/document.xml", b"word/document.body")
            zf.writestr(renames.get(info.filename, info.filename), data)
    target.with_suffix(".tmp").unlink()
    return target


def write_docx_bomb(target: Path, inflated: int) -> Path:
    """A .docx whose document.xml is ``inflated`` bytes of real, highly compressible paragraphs."""
    paragraphs = (_para("第一条　质量监督。") * 2000).encode("utf-8")
    with zipfile.ZipFile(FIXTURES / "policy.docx") as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                zf.writestr(info.filename, src.read(info.filename))
                continue
            with zf.open("word/document.xml", "w") as part:
                part.write(_document_xml("")[: -len("</w:body></w:document>")])
                written = 0
                while written < inflated:
                    part.write(paragraphs)
                    written += len(paragraphs)
                part.write(b"</w:body></w:document>")
    return target


def write_understated_docx(target: Path, inflated: int) -> Path:
    """A zip bomb whose central directory claims document.xml unpacks to 1 KB."""
    write_docx_bomb(target, inflated)
    data = bytearray(target.read_bytes())
    name = b"word/document.xml"
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):  # local header, directory
        at = data.find(sig)
        while at >= 0 and data[at + name_at : at + name_at + len(name)] != name:
            at = data.find(sig, at + 4)
        assert at >= 0, sig
        data[at + size_at : at + size_at + 4] = (1024).to_bytes(4, "little")
    target.write_bytes(bytes(data))
    return target


def write_pdf_bomb(target: Path, inflated_mb: int = 80) -> Path:
    """One page whose content stream inflates past pypdf's 75 MB decompression limit."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})})
    deflate = zlib.compressobj(9)
    parts = [deflate.compress(b"BT /F1 12 Tf 10 10 Td (quality) Tj ET\n")]
    spaces = b" " * MB
    parts += [deflate.compress(spaces) for _ in range(inflated_mb)]
    parts.append(deflate.flush())
    stream = StreamObject()
    stream._data = b"".join(parts)  # already deflated: stored as is, with its filter
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    with target.open("wb") as f:
        writer.write(f)
    return target


@pytest.fixture()
def secret_file(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _assert_names_the_file(err: IngestError, path: Path) -> None:
    assert isinstance(err, IngestError)
    assert err.path == str(path) and str(err).startswith(f"{path}: ")
    assert err.problem and err.remedy and err.remedy in str(err)


# --- item 4: one bad file, one typed error -------------------------------------------------


def test_docx_with_broken_document_xml_is_a_corrupt_file(tmp_path):
    path = write_broken_docx(tmp_path / "broken.docx")
    with pytest.raises(CorruptFile) as info:
        load(path)
    _assert_names_the_file(info.value, path)
    assert "damaged or truncated" in str(info.value)


def test_docx_without_content_types_is_a_corrupt_file(tmp_path):
    path = rewrite_docx(tmp_path / "no-content-types.docx", drop=("[Content_Types].xml",))
    with pytest.raises(CorruptFile) as info:
        load(path)
    _assert_names_the_file(info.value, path)
    assert "[Content_Types].xml" in str(info.value)


@pytest.mark.parametrize(
    ("writer", "part"),
    [(write_xxe_docx, "word/document.xml"), (write_utf16_doctype_docx, "word/document.xml"),
     (write_renamed_xxe_docx, "word/document.body")],
    ids=["utf-8", "utf-16", "part-not-named-xml"],
)
def test_docx_with_an_external_entity_is_refused_and_never_reads_the_file(tmp_path, secret_file, writer, part):
    path = writer(tmp_path / "xxe.docx", secret_file)
    with pytest.raises(UnsafeDocument) as info:
        load(path)
    _assert_names_the_file(info.value, path)
    assert "DTD" in str(info.value) and part in str(info.value)
    assert SECRET not in str(info.value)


def test_docx_with_nested_entities_is_refused(tmp_path):
    path = write_billion_laughs_docx(tmp_path / "laughs.docx")
    with pytest.raises(UnsafeDocument) as info:
        load(path)
    _assert_names_the_file(info.value, path)
    assert "entit" in info.value.problem


def test_docx_with_a_comment_in_the_body_loads(tmp_path):
    # an XML comment is no element: it has no tag name to look at (AttributeError before)
    body = _para("第一条　为了加强产品质量监督管理，制定本办法。") + "<!-- generated -->" + _para("第二条　本办法自公布之日起施行。")
    path = rewrite_docx(tmp_path / "commented.docx", _document_xml(body))
    assert load(path).text == "第一条　为了加强产品质量监督管理，制定本办法。\n第二条　本办法自公布之日起施行。"


def test_pdf_stream_past_the_decompression_limit_is_refused(tmp_path):
    path = write_pdf_bomb(tmp_path / "bomb.pdf")
    assert path.stat().st_size < MB
    with pytest.raises(SafetyLimitReached) as info:
        load(path)
    _assert_names_the_file(info.value, path)
    assert "PDF" in str(info.value) and "limit" in info.value.problem


# --- item 5: a zip bomb is refused by its unpacked size ------------------------------------


def test_docx_bomb_under_the_file_limit_is_refused_without_inflating(tmp_path):
    """A 1 MB .docx holding 180 MB of document.xml (6 GB RSS before): refused from its listing,
    in a child process whose peak memory is measured."""
    path = write_docx_bomb(tmp_path / "bomb.docx", 180 * MB)
    assert path.stat().st_size < 2 * MB
    probe = (
        "import json, re, sys\n"
        "from ingest.loaders import load\n"
        "from ingest.errors import IngestError\n"
        "try:\n"
        "    load(sys.argv[1]); out = {'error': None}\n"
        "except IngestError as exc:\n"
        "    out = {'error': type(exc).__name__, 'message': str(exc)}\n"
        # VmHWM, not ru_maxrss: Linux carries the forked parent's peak across exec
        "hwm = re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read())\n"
        "out['peak_mb'] = int(hwm.group(1)) / 1024\n"
        "print(json.dumps(out))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ZHIQA_MAX_FILE_MB", None)
    # a guard for the machine, not the assertion: a loader that inflates the bomb dies here
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))\n"
    run = subprocess.run([sys.executable, "-c", limit + probe, str(path)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout)
    assert out["error"] == "FileTooLarge", out
    assert out["message"].startswith(f"{path}: the DOCX unpacks to 180.")
    assert "zip bomb" in out["message"] and "ZHIQA_MAX_FILE_MB" in out["message"]
    assert out["peak_mb"] < 100, out  # the interpreter and python-docx (35 MB): nothing inflated


def test_docx_unpack_limit_follows_the_file_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHIQA_MAX_FILE_MB", "1")
    path = write_docx_bomb(tmp_path / "six-mb-of-xml.docx", 6 * MB)
    assert path.stat().st_size < MB // 4
    with pytest.raises(FileTooLarge) as info:
        load(path)
    _assert_names_the_file(info.value, path)
    assert "over the 2 MB limit" in str(info.value)

    monkeypatch.setenv("ZHIQA_MAX_FILE_MB", "8")
    assert load(path).text.startswith("第一条　质量监督。\n第一条　质量监督。")


def test_docx_whose_listing_understates_its_size_is_not_inflated(tmp_path):
    path = write_understated_docx(tmp_path / "liar.docx", 40 * MB)
    with pytest.raises(CorruptFile) as info:
        load(path)
    _assert_names_the_file(info.value, path)


def test_good_docx_still_loads_identically():
    text = load(FIXTURES / "policy.docx").text
    assert text.startswith("江西省人民政府关于加强产品质量安全监管的意见\n")
    assert text.endswith("（此件主动公开）")


# --- end to end: the bad files fail, the good one goes in ----------------------------------


def test_ingest_paths_gives_each_hostile_file_a_failed_verdict(tmp_path, secret_file, monkeypatch):
    from assistant.config import Settings
    from assistant.index.embedders import EmbedderSpec
    from assistant.index.index import Index
    from assistant.index.update import ingest_paths

    monkeypatch.delenv("ZHIQA_MAX_FILE_MB", raising=False)
    monkeypatch.setenv("ZHIQA_INGEST_WORKERS", "1")
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "statute.txt", folder / "statute.txt")
    bad = {
        "broken.docx": write_broken_docx(folder / "broken.docx"),
        "no-content-types.docx": rewrite_docx(folder / "no-content-types.docx", drop=("[Content_Types].xml",)),
        "xxe.docx": write_xxe_docx(folder / "xxe.docx", secret_file),
        "laughs.docx": write_billion_laughs_docx(folder / "laughs.docx"),
        "bomb.docx": write_docx_bomb(folder / "bomb.docx", 80 * MB),
        "bomb.pdf": write_pdf_bomb(folder / "bomb.pdf"),
    }
    index = Index(Settings(home=tmp_path / "idx", embedder=EmbedderSpec("none")))

    report = ingest_paths(index, [folder])

    verdicts = {Path(v.path).name: v for v in report.verdicts}
    assert verdicts["statute.txt"].status == "added"
    for name, path in bad.items():
        verdict = verdicts[name]
        assert verdict.status == "failed", (name, verdict)
        assert verdict.message.startswith(f"{path}: "), (name, verdict.message)
    assert report.count("added") == 1 and report.count("failed") == len(bad)
    stored = b"".join(p.read_bytes() for p in (tmp_path / "idx").rglob("*") if p.is_file())
    assert SECRET.encode() not in stored
