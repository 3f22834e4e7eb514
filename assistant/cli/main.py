"""The `zhiqa` command: a thin shell that parses input, calls the library and turns domain
errors into messages."""
from __future__ import annotations

import argparse
import json
import os
import sys

from assistant.assistant import Turn
from assistant.cli.common import SafeOutput, assistant_from, filters_from, llm_from, print_answer, settings_from, shown
from assistant.cli.views import add_parsers
from assistant.errors import ConfigError, IndexDamaged, IndexMismatch, ZhiqaError
from assistant.index.check import check_index
from assistant.index.index import Index
from assistant.index.update import ingest_paths, remove_document
from ingest.loaders.dispatch import max_file_bytes

EXIT_INCOMPATIBLE = 3  # the index was built by an incompatible zhiqa, or is damaged: `ingest --rebuild` re-reads it


def cmd_ingest(args) -> int:
    index = Index(settings_from(args))
    paths = args.paths
    if not paths:
        if not args.rebuild:
            raise ConfigError("Name the files or folders to ingest (or use --rebuild alone to re-read the index's own sources).")
        paths = index.recorded_sources()
        if not paths:
            raise ConfigError(f"No index at {index.paths.home} to rebuild: name the files or folders to ingest.")

    def progress(i: int, n: int, path: str) -> None:
        if not args.quiet:
            print(f"[{i + 1}/{n}] {shown(path)}", file=sys.stderr)

    report = ingest_paths(index, paths, rebuild=args.rebuild, progress=progress, allow_loss=args.drop_missing)
    for v in report.verdicts:
        if v.status == "failed":
            print(f"FAILED  {shown(v.message)}", file=sys.stderr)
        elif v.status == "skipped":
            print(f"skipped {shown(v.path)}: {v.message}", file=sys.stderr)
        elif not args.quiet:
            print(f"{v.status:9s} {v.doc_id} ({v.chunks} chunks) <- {shown(v.path)}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def cmd_check(args) -> int:
    report = check_index(Index(settings_from(args)))
    for problem in report.problems:
        print(f"DAMAGED {shown(problem)}")
    for warning in report.warnings:
        print(f"warning {shown(warning)}")
    print(report.summary())
    return 0 if report.ok else EXIT_INCOMPATIBLE


def cmd_docs(args) -> int:
    snap = Index(settings_from(args)).snapshot()
    rows = [rec.meta.to_dict() | {"chunks": rec.chunk_count} for rec in snap.docs.values()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    for r in rows:
        print(
            f"{r['doc_id']}\n  {r['title'] or '(无标题)'} | {r['issuer'] or '-'} | {r['date'] or r['year'] or '-'} | "
            f"{r['doc_number'] or '-'} | {r['level'] or '-'} | {_where(r)} | {r['script']} | {r['chunks']} chunks"
        )
    return 0


def _where(meta: dict) -> str:
    """Region, then city and county where the document is theirs: 浙江·温州·洞头."""
    return "·".join(x for x in (meta.get("region"), meta.get("city"), meta.get("county")) if x) or "-"


def cmd_remove(args) -> int:
    report = remove_document(Index(settings_from(args)), args.doc)
    print(f"removed {args.doc}; {report.summary()}")
    return 0


def _batch(args, assistant) -> int:
    """One JSON line out per question line in; a line that cannot be answered gets a line with its
    error instead, and the lines after it are still answered. Exit 1 when any line failed."""
    if args.batch == "-" and hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="surrogateescape")  # a bad byte fails its line, not the batch
    stream = sys.stdin if args.batch == "-" else open(args.batch, encoding="utf-8", errors="surrogateescape")
    histories: dict[str, list] = {}
    failed = 0
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            item: dict = {}
            try:
                item = _batch_item(args.batch, n, line)
                conv = item.get("conversation")
                history = histories.setdefault(str(conv), []) if conv is not None else None
                ans = assistant.ask(item["q"], history=history, filters=filters_from(args, item), k=args.k)
            except ZhiqaError as exc:
                failed += 1
                print(json.dumps({"id": item.get("id", _id_of(line)), "line": n, "error": str(exc)}, ensure_ascii=False),
                      flush=True)
                continue
            if history is not None:
                history.append(Turn(item["q"], ans))
            print(json.dumps({"id": item.get("id"), **ans.to_json()}, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def _id_of(line: str):
    """The "id" of a batch line that could not be answered, when it has one that can be shown."""
    try:
        found = json.loads(line).get("id")
        json.dumps(found, ensure_ascii=False).encode("utf-8")
        return found
    except (ValueError, AttributeError, UnicodeEncodeError):
        return None


def _batch_item(source: str, n: int, line: str) -> dict:
    try:
        item = json.loads(line)
        question = item["q"]
    except (ValueError, KeyError, TypeError):
        raise ConfigError(f"{source}: line {n} is not a JSON object with a \"q\" field") from None
    if not isinstance(question, str) or not question.strip():
        raise ConfigError(f"{source}: line {n}: \"q\" must be a question (a non-empty string)")
    try:
        line.encode("utf-8")
        json.dumps(item, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ConfigError(f"{source}: line {n} is not valid UTF-8 text (or holds a lone surrogate such as \\ud800); "
                          "fix that line") from None
    return item


def cmd_ask(args) -> int:
    assistant = assistant_from(args)
    if args.batch:
        return _batch(args, assistant)
    if not args.question:
        raise ZhiqaError("Give a question, or --batch FILE (JSON lines with \"q\") or --batch - for standard input.")
    ans = assistant.ask(" ".join(args.question), filters=filters_from(args), k=args.k)
    if args.json:
        print(json.dumps(ans.to_json(), ensure_ascii=False, indent=1))
    else:
        print_answer(ans)
    return 0


def cmd_chat(args) -> int:
    assistant = assistant_from(args)
    assistant.index.snapshot()
    history: list[Turn] = []
    filters = filters_from(args)
    print("zhiqa 对话 (输入问题; 空行或 Ctrl-D 退出; /new 开始新对话)")
    while True:
        try:
            question = input("问> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if not question:
            return 0
        if question == "/new":
            history.clear()
            continue
        drafted: list[str] = []

        def show_draft(piece: str) -> None:
            # the model's draft as it streams; what counts is the verified answer printed after it
            if not drafted:
                print("  草稿: ", end="")
            drafted.append(piece)
            print(piece, end="", flush=True)

        ans = assistant.ask(question, history=history, filters=filters, on_token=show_draft if args.llm else None)
        if drafted:
            print("\n  核实后:")
        if ans.standalone_question != question:
            print(f"  (理解为: {ans.standalone_question})")
        print_answer(ans)
        history.append(Turn(question, ans))


def cmd_bench(args) -> int:
    # a lazy entry point into eval/ (which imports assistant/, never the reverse): the
    # benchmark's own code and options stay in eval.bench
    from eval.bench import main as bench_main

    return bench_main(args.bench_args)


def cmd_serve(args) -> int:
    # imported here: assistant.web.app switches off gradio's and Hugging Face's network calls in
    # the environment when it is imported, which only the web app should do
    from assistant.web.app import AUTH_ENV, ServeOptions, parse_auth, serve

    llm = llm_from(args)
    auth = parse_auth(args.auth if args.auth is not None else os.environ.get(AUTH_ENV))
    options = ServeOptions(host=args.host, port=args.port, auth=auth, max_file_mb=max_file_bytes() / 1024 / 1024)
    serve(settings_from(args), options, llm=llm)
    return 0


def cmd_eval(args) -> int:
    # a lazy entry point into eval/ (which imports assistant/, never the reverse)
    try:
        from eval.run import main as eval_main
    except ImportError as exc:  # matplotlib for the charts
        raise ZhiqaError(f"zhiqa eval needs {exc.name}: pip install 'zhiqa[eval]'") from exc
    argv = ["--split", args.split, "--corpus", args.corpus, "--config", args.config]
    if args.out_dir:
        argv += ["--out-dir", args.out_dir]
    return eval_main(argv)


_LLM_HELP = (
    "rewrite answers with a chat model ($ZHIQA_LLM_BASE_URL, $ZHIQA_LLM_MODEL, $ZHIQA_LLM_API_KEY), "
    "keeping only sentences whose cited evidence contains their facts"
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zhiqa", description="Ask questions about Chinese quality-supervision documents, with exact citations.")
    p.add_argument("--index", help="index folder (default: $ZHIQA_HOME or ./.zhiqa)")
    p.add_argument("--chroma-url", help="use a Chroma server, e.g. http://127.0.0.1:8000 (default: $ZHIQA_CHROMA_URL or embedded)")
    p.add_argument("--embedder", help="builtin | none | e5 | st:<model or path> | openai:<model> (default: $ZHIQA_EMBEDDER or builtin)")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="add or update documents (files or folders)")
    s.add_argument("paths", nargs="*")
    s.add_argument("--rebuild", action="store_true",
                   help="start a fresh index from these paths only; with no paths, from every file the index "
                        "was built from (after an upgrade that changed the tokenizer or embedder, or to repair a "
                        "damaged index)")
    s.add_argument("--drop-missing", action="store_true",
                   help="with --rebuild: drop the documents whose files cannot be re-read (refused otherwise)")
    s.add_argument("-q", "--quiet", action="store_true")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("check", help="verify the index against its manifest, stored texts, vectors and source files")
    s.set_defaults(func=cmd_check)

    s = sub.add_parser("docs", help="list the indexed documents and their metadata")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("remove", help="drop one document from the index")
    s.add_argument("doc")
    s.set_defaults(func=cmd_remove)

    s = sub.add_parser("ask", help="answer one question (or a batch of JSON lines)")
    s.add_argument("question", nargs="*")
    s.add_argument("--json", action="store_true")
    s.add_argument("--k", type=int, default=8, help="chunks to consider (default 8)")
    s.add_argument("--region", help="only documents of this region, e.g. 湖南")
    s.add_argument("--doc", help="only this document id (see zhiqa docs)")
    s.add_argument("--level", choices=("national", "provincial", "municipal"), help="only documents of this level")
    s.add_argument("--year", type=int, help="only documents of this year")
    s.add_argument("--batch", help="JSON lines {\"id\", \"q\", \"conversation\"?} from FILE or - (stdin)")
    s.add_argument("--llm", action="store_true", help=_LLM_HELP)
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("eval", help="score answers on the gold set and write a report under eval/reports/")
    s.add_argument("--split", choices=("dev", "test"), default="test")
    s.add_argument("--corpus", default="all", help="shipped (corpus/), laws (the development corpus), policies (policy pages) or all (default)")
    s.add_argument("--config", default="default", help="default (hybrid) | bm25 | none-embedder | e5 (needs zhiqa[e5])")
    s.add_argument("--out-dir")
    s.set_defaults(func=cmd_eval)

    s = sub.add_parser("bench", help="the benchmark: cost against corpus size (python -m eval.bench --help for its options)",
                       add_help=False)
    s.add_argument("bench_args", nargs=argparse.REMAINDER)
    s.set_defaults(func=cmd_bench)

    add_parsers(sub)

    s = sub.add_parser("serve", help="the web app (Gradio) on http://127.0.0.1:7860/")
    # the index options again, so `python ui.py --index DIR` works; SUPPRESS keeps a global one given before `serve`
    s.add_argument("--index", default=argparse.SUPPRESS, help="index folder")
    s.add_argument("--chroma-url", default=argparse.SUPPRESS)
    s.add_argument("--embedder", default=argparse.SUPPRESS)
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=7860)
    s.add_argument("--auth", help="USER:PASS[,USER2:PASS2] login (default: $ZHIQA_UI_AUTH if set, else none)")
    s.add_argument("--llm", action="store_true", help=_LLM_HELP)
    s.set_defaults(func=cmd_serve)

    s = sub.add_parser("chat", help="a conversation in the terminal")
    s.add_argument("--region")
    s.add_argument("--doc")
    s.add_argument("--llm", action="store_true", help=_LLM_HELP)
    s.set_defaults(func=cmd_chat)
    return p


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["bench"]:  # its options are eval.bench's own, --help included
        return cmd_bench(argparse.Namespace(bench_args=argv[1:]))
    args = build_parser().parse_args(argv)
    # everything printed may quote documents: their control characters are shown, not obeyed
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeOutput(sys.stdout), SafeOutput(sys.stderr)
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = real


def _run(args) -> int:
    try:
        return args.func(args)
    except (IndexMismatch, IndexDamaged) as exc:
        print(f"zhiqa: {exc}", file=sys.stderr)
        return EXIT_INCOMPATIBLE
    except ZhiqaError as exc:
        print(f"zhiqa: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
