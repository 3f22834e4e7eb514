"""Why an uploaded file did not go in, in Chinese, for the 文件 tab. Ingest's messages are written
for the command line (English, naming the path); each kind of failure is recognised by its error
type (FileVerdict.kind), else by the words ingest's typed errors (ingest/errors.py) put in it."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class FailureReason:
    kind: str  # the ingest error it stands for
    said: re.Pattern  # what that error's message says
    reason: str  # the same, for a person who uploaded the file


REASONS = (
    FailureReason("EncryptedPdf", re.compile(r"PDF is encrypted"),
                  "PDF 已加密(有密码保护);请另存一份未加密的副本再上传"),
    FailureReason("ScannedPdf", re.compile(r"no text layer"),
                  "PDF 没有文字层,像是扫描件;请先做 OCR 文字识别(如 ocrmypdf -l chi_sim)再上传"),
    FailureReason("CorruptFile", re.compile(r"damaged or truncated"),
                  "文件已损坏或不完整;请重新下载或重新导出后再上传"),
    FailureReason("UndecodableText", re.compile(r"cannot decode the text"),
                  "无法识别文本编码(像是二进制文件,或用了未知的编码);请另存为 UTF-8(或 GB18030/GBK、Big5、UTF-16)文本,"
                  "或改用它真实格式的扩展名"),
    FailureReason("FileTooLarge", re.compile(r"MB, over the \d+ MB limit"),
                  "文件超过大小上限;请拆分文件或调高 ZHIQA_MAX_FILE_MB"),
    FailureReason("EmptyDocument", re.compile(r"is empty|has no (?:visible )?text|no body text|has no pages"),
                  "文件里没有可读的正文;请检查是否选错了文件"),
    FailureReason("UnsupportedFormat", re.compile(r"unsupported file type"),
                  "不支持的文件类型;请转换为支持的格式后再上传"),
    FailureReason("FileChanged", re.compile(r"changed while it was being ingested"),
                  "文件在导入过程中被修改;请保存好后重新上传"),
    FailureReason("BadFileName", re.compile(r"not valid UTF-8"), "文件名不是 UTF-8 编码;请改名后再上传"),
    FailureReason("UnsafeDocument", re.compile(r"declares a DTD"),
                  "文件内含 DTD 实体声明(可能读取本机文件或无限展开),Word 不会这样保存;请用 Word 或 LibreOffice 另存一份再上传"),
    FailureReason("SafetyLimitReached", re.compile(r"past a safety limit"),
                  "读取时超过安全上限(像是解压炸弹或已损坏的文件);如确为正常文件,请重新另存(如打印为新的 PDF)后再上传"),
    FailureReason("OSError", re.compile(r"cannot read \(|no such file"), "读取文件失败;请重新上传"),
)


def chinese_reason(message: str, kind: str = "") -> str:
    """The Chinese reason for an ingest failure: by its error type (FileVerdict.kind) when known,
    else by its message's words; one not recognised keeps its own words after a Chinese lead,
    so nothing the user should see is lost."""
    for known in REASONS:
        if known.kind == kind:
            return known.reason
    for known in REASONS:
        if known.said.search(message):
            return known.reason
    return f"导入失败:{message}"
