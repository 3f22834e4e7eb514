"""The domain-view commands of `zhiqa` (duties, deadlines, targets, obligations, compare,
quiz): parse, call one function of assistant.views or assistant.quiz, print the rows."""
from __future__ import annotations

import sys
from pathlib import Path

from assistant.cli.common import assistant_from, snapshot_from
from assistant.errors import ConfigError
from assistant.quiz import render
from assistant.quiz.generate import generate_quiz
from assistant.views import tables
from assistant.views.compare import compare
from assistant.views.domain import deadlines, duties, obligations, targets


def _print_rows(args, rows, columns, group_by=None) -> int:
    if args.json:
        print(tables.to_json(rows))
    elif args.csv:
        sys.stdout.write(tables.to_csv(rows))
    else:
        print(tables.to_markdown(rows, columns, group_by))
    return 0


def _doc_ids(args) -> tuple[str, ...]:
    return tuple(args.doc or ())


def cmd_duties(args) -> int:
    rows = duties(snapshot_from(args), dept=args.dept, doc_ids=_doc_ids(args), role=args.role)
    return _print_rows(args, rows, tables.VIEW_COLUMNS["duties"])


def cmd_deadlines(args) -> int:
    return _print_rows(args, deadlines(snapshot_from(args), _doc_ids(args), args.actor), tables.VIEW_COLUMNS["deadlines"])


def cmd_targets(args) -> int:
    return _print_rows(args, targets(snapshot_from(args), _doc_ids(args), args.status), tables.VIEW_COLUMNS["targets"])


def cmd_obligations(args) -> int:
    regions = (args.region,) if args.region else ()
    rows = obligations(snapshot_from(args), args.actor, _doc_ids(args), regions)
    return _print_rows(args, rows, tables.VIEW_COLUMNS["obligations"], group_by="topic")


def cmd_compare(args) -> int:
    assistant = assistant_from(args)
    rows = compare(assistant.retriever, assistant.index.snapshot(), " ".join(args.topic), tuple(args.docs or ()))
    return _print_rows(args, rows, tables.VIEW_COLUMNS["compare"])


def cmd_quiz(args) -> int:
    types = tuple(t.strip() for t in args.types.split(",") if t.strip())
    quiz = generate_quiz(snapshot_from(args), n=args.n, doc_ids=_doc_ids(args), types=types, difficulty=args.difficulty, seed=args.seed)
    teacher = args.version == "teacher"
    if args.format == "docx":
        if not args.out:
            raise ConfigError("--format docx writes a file: give --out PATH.docx")
        render.write_quiz_docx(quiz, Path(args.out), teacher)
        print(f"wrote {args.out} ({len(quiz.items)} items, {args.version} version)")
        return 0
    write = {"md": render.quiz_markdown, "csv": render.quiz_csv, "json": render.quiz_json}[args.format]
    text = write(quiz, teacher)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {args.out} ({len(quiz.items)} items, {args.version} version)")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _formats(s) -> None:
    g = s.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true", help="JSON rows")
    g.add_argument("--csv", action="store_true", help="CSV rows")


def add_parsers(sub) -> None:
    s = sub.add_parser("duties", help="responsibility matrix: who leads (牵头), cooperates (配合) or is responsible for each task")
    s.add_argument("--dept", help="only this department, any form (省质监局 = 省質監局 = 省质量技术监督局)")
    s.add_argument("--doc", action="append", help="only this document id (repeatable)")
    s.add_argument("--role", choices=("lead", "cooperate", "responsible"))
    _formats(s)
    s.set_defaults(func=cmd_duties)

    s = sub.add_parser("deadlines", help="time requirements: dates, years, periods, recurrences, time limits")
    s.add_argument("--doc", action="append")
    s.add_argument("--actor", help="only requirements binding this actor (生产者, 监管部门, …)")
    _formats(s)
    s.set_defaults(func=cmd_deadlines)

    s = sub.add_parser("targets", help="quantitative targets and reported figures")
    s.add_argument("--doc", action="append")
    s.add_argument("--status", choices=("goal", "reported"))
    _formats(s)
    s.set_defaults(func=cmd_targets)

    s = sub.add_parser("obligations", help="a checklist of what an actor must, must not, may or is encouraged to do")
    s.add_argument("--actor", help="企业 (producers, sellers, users), 生产者, 销售者, 行业协会, 地方政府, 监管部门, …")
    s.add_argument("--region", help="only documents of this region")
    s.add_argument("--doc", action="append")
    _formats(s)
    s.set_defaults(func=cmd_obligations)

    s = sub.add_parser("compare", help="how each document treats one topic (未涉及 where it is silent)")
    s.add_argument("topic", nargs="+")
    s.add_argument("--docs", nargs="+", help="document ids to compare (default: all)")
    _formats(s)
    s.set_defaults(func=cmd_compare, llm=False)

    s = sub.add_parser("quiz", help="quiz items for trainers, each with answer key, explanation and citation")
    s.add_argument("--n", type=int, default=20)
    s.add_argument("--doc", action="append")
    s.add_argument("--types", default="mcq,tf,cloze", help="comma-separated: mcq, tf, cloze")
    s.add_argument("--difficulty", choices=("easy", "hard"), default="easy")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--format", choices=("md", "csv", "json", "docx"), default="md")
    s.add_argument("--version", choices=("student", "teacher"), default="teacher", help="student: no answers")
    s.add_argument("--out", help="write to this file (required for docx)")
    s.set_defaults(func=cmd_quiz)
