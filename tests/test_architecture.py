"""The layout is the architecture (issue 16): stage folders with no import cycle, ingest below
assistant below eval, small modules, and imports inside functions only where a comment says
why (an optional or heavy dependency, the ingest workers kept light, a lazy entry point)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ingest", "assistant", "eval")
MAX_LINES = 400
# the CLI's two commands that hand over to eval/: `zhiqa bench` and `zhiqa eval`
LAZY_EVAL_ENTRY_POINTS = {("assistant.cli.main", "eval.bench"), ("assistant.cli.main", "eval.run")}


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _target(module: str, node: ast.ImportFrom | ast.Import, alias: ast.alias) -> str | None:
    """The project module an import names (a submodule when it imports one), else None."""
    if isinstance(node, ast.Import):
        name = alias.name
    else:
        base = node.module or ""
        if node.level:
            parts = module.split(".")
            if not MODULES[module].name == "__init__.py":
                parts = parts[:-1]
            base = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else []))
        name = f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports() -> list[tuple[str, str, int, bool]]:
    """(importer, imported project module, line, inside a function) for every import."""
    out = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                 for n in ast.walk(f) if isinstance(n, (ast.Import, ast.ImportFrom))}
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    target = _target(module, node, alias)
                    out.append((module, target or "", node.lineno, id(node) in inner))
    return out


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycle_in_the_packages():
    edges: dict[str, set[str]] = {}
    for importer, target, _, _ in _imports():
        if target and target != importer:
            edges.setdefault(importer, set()).add(target)
    assert _cycles(edges) == []


def test_ingest_below_assistant_below_eval():
    wrong = []
    for importer, target, line, _ in _imports():
        layer = importer.split(".")[0]
        if layer == "ingest" and target.split(".")[0] in ("assistant", "eval"):
            wrong.append((importer, target, line))
        if layer == "assistant" and target.startswith("eval") and (importer, target) not in LAZY_EVAL_ENTRY_POINTS:
            wrong.append((importer, target, line))
    assert wrong == []


def test_no_module_over_the_size_limit():
    long = {name: n for name, path in MODULES.items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_an_import_inside_a_function_says_why():
    """A comment on the import's line or on one of the three lines above it."""
    silent = []
    for module, path in MODULES.items():
        if module.startswith("eval"):
            continue  # scripts: their optional tools (matplotlib, playwright) are named where used
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    context = lines[max(0, node.lineno - 4) : node.lineno]
                    if not any("#" in line for line in context):
                        silent.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert silent == []


def test_the_top_of_assistant_holds_only_the_public_face_and_shared_types():
    top = sorted(p.stem for p in (ROOT / "assistant").glob("*.py"))
    assert top == ["__init__", "answer", "assistant", "config", "errors", "langchain"]
    for init in (ROOT / "assistant").rglob("__init__.py"):  # re-exports and docstrings only
        tree = ast.parse(init.read_text(encoding="utf-8"))
        kinds = {type(n).__name__ for n in tree.body}
        assert kinds <= {"Expr", "ImportFrom", "Import", "Assign", "FunctionDef"}, init
