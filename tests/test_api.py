"""The public API (docs/architecture.md, "The public API"): small, used, and kept by the texts.

- the top level has at most ``MAX_TOP_LEVEL`` names, and a notebook or a doc uses each;
- the notebooks' code cells and the Python examples of README.md and docs/ name only
  public things: the top level, or a namespace subpackage's ``__all__`` (parsed with ``ast``);
- the namespaces load lazily, inside their own package, and no name is shadowed by a module;
- every deprecated alias warns, naming the new name and the caller's line, and returns
  the same object as the new name.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import biomech as bm
from biomech._lazy import resolve

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

MAX_TOP_LEVEL = 30
"""What fits one screen of ``dir(bm)``: the lessons and docs need 28 names today, two to spare."""

NAMESPACES = bm._SUBPACKAGES
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.S)
MAGIC = re.compile(r"^\s*[%!]", re.M)


def notebook_code(path: Path) -> list[str]:
    """The notebook's code cells, IPython magics and shell lines blanked out."""
    cells = json.loads(path.read_text("utf-8"))["cells"]
    return ["".join(MAGIC.sub("# ", line) for line in c["source"]) for c in cells if c["cell_type"] == "code"]


def doc_code(path: Path) -> list[str]:
    return PYTHON_BLOCK.findall(path.read_text("utf-8"))


def all_code() -> list[tuple[str, str]]:
    """(where, code) for every notebook cell and every Python block of the docs."""
    found = [(f"{p.name} cell {i}", code) for p in NOTEBOOKS for i, code in enumerate(notebook_code(p))]
    return found + [(f"{p.name} block {i}", code) for p in DOCS for i, code in enumerate(doc_code(p))]


def dotted(node: ast.expr) -> list[str] | None:
    """``bm.model.trunk_lean`` -> ``["bm", "model", "trunk_lean"]``; None for anything else."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    return [node.id, *parts] if isinstance(node, ast.Name) else None


def public(chain: list[str]) -> str | None:
    """Why a chain of names under ``biomech`` is not public, or None if it is."""
    first, *rest = chain
    if first in bm.__all__:
        return None
    if first not in NAMESPACES:
        return f"biomech.{first} is not a top-level name or a namespace"
    if not rest:
        return None
    namespace = importlib.import_module(f"biomech.{first}")
    return None if rest[0] in namespace.__all__ else f"biomech.{first}.{rest[0]} is not in its __all__"


def violations(code: str) -> list[str]:
    """Every non-public use of ``biomech`` in a piece of code."""
    found: list[str] = []
    aliases: set[str] = set()
    tree = ast.parse(code)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("biomech"):
                    if a.name != "biomech":
                        found.append(f"import {a.name}: import biomech and use its namespaces")
                    aliases.add(a.asname or a.name)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("biomech"):
            package = (node.module or "").split(".")
            for a in node.names:
                if len(package) > 2:
                    found.append(f"from {node.module} import {a.name}: a module is not a public namespace")
                elif why := public([*package[1:], a.name]):
                    found.append(f"from {node.module} import {a.name}: {why}")
    inner = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and id(node) not in inner:
            chain = dotted(node)
            if chain and chain[0] in aliases and (why := public(chain[1:3])):
                found.append(f"{'.'.join(chain)}: {why}")
    return found


def test_the_top_level_is_small():
    assert len(bm._EXPORTS) <= MAX_TOP_LEVEL, sorted(bm._EXPORTS)
    assert bm.__all__ == [*sorted(bm._EXPORTS), "__version__"]
    assert not set(bm._EXPORTS) & set(bm._RENAMED), "a name is either public or deprecated"


def test_every_top_level_name_is_used_by_a_notebook_or_a_doc():
    used: set[str] = set()
    for _, code in all_code():
        used |= set(re.findall(r"\bbm\.(\w+)", code))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.ImportFrom) and node.module == "biomech":
                used |= {a.name for a in node.names}
    for doc in DOCS:  # inline code in the prose: `bm.questions("03")`
        used |= set(re.findall(r"`bm\.(\w+)", doc.read_text("utf-8")))
    assert set(bm._EXPORTS) - used == set(), "top-level names no notebook or doc uses: move them to a namespace"


@pytest.mark.parametrize("where, code", all_code(), ids=[w for w, _ in all_code()])
def test_notebooks_and_docs_use_only_public_names(where, code):
    assert violations(code) == [], where


@pytest.mark.parametrize(
    "code, expected",
    [
        ("import biomech as bm\nbm.compensate(-5)", []),
        ("import biomech as bm\nbm.model.trunk_lean(9.0, 0.0).shape", []),
        ("from biomech.model import disagreement", []),
        ("from biomech import format_degrees as deg", []),
        ("from biomech.model.compare import disagreement", ["a module is not a public namespace"]),
        ("from biomech.model import thomas_tables", ["biomech.model.thomas_tables is not in its __all__"]),
        ("import biomech as bm\nbm.model._RENAMED", ["biomech.model._RENAMED is not in its __all__"]),
        ("import biomech as bm\nbm.CUES", ["biomech.CUES is not a top-level name or a namespace"]),
        ("import biomech as bm\nbm.web.payload", ["biomech.web is not a top-level name or a namespace"]),
        ("import biomech.anatomy.geometry", ["import biomech and use its namespaces"]),
    ],
)
def test_the_check_catches_each_kind_of_non_public_use(code, expected):
    found = violations(code)
    assert len(found) == len(expected), found
    assert all(e in f for e, f in zip(expected, found, strict=True)), found


# ----- the namespaces ---------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMESPACES)
def test_each_namespace_loads_its_names_from_its_own_package(name):
    package = importlib.import_module(f"biomech.{name}")
    modules = {p.stem for p in (ROOT / "biomech" / name).glob("*.py")}
    exports = getattr(package, "_EXPORTS", {n: f"biomech.{name}" for n in package.__all__})
    assert sorted(package.__all__) == sorted(exports)
    for public_name, module in exports.items():
        assert module == f"biomech.{name}" or module.startswith(f"biomech.{name}."), (public_name, module)
        assert public_name not in modules, f"biomech.{name}.{public_name} would be shadowed by its module"
        assert not public_name.startswith("_")
        assert getattr(package, public_name) is getattr(importlib.import_module(module), public_name)
    assert getattr(bm, name) is package


def test_the_namespaces_up_to_lessons_stay_light():
    """``bm.model``, ``bm.anatomy`` and ``bm.lessons`` load neither matplotlib nor ipywidgets."""
    code = (
        "import sys, biomech as bm\n"
        "bm.model.trunk_lean(9.0, 0.0); bm.anatomy.path_length('rect_fem_r', 0.0); bm.lessons.claim('psoas_lumbar')\n"
        "bm.model.mechanisms_markdown(-8.0); bm.model.readings_markdown(bm.CLIENTS); bm.questions('05')[0].answer()\n"
        "heavy = sorted(m for m in sys.modules\n"
        "               if m.split('.')[0] in {'matplotlib', 'ipywidgets', 'ipympl', 'IPython'})\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match=r"module 'biomech.model' has no attribute 'nope'"):
        bm.model.nope  # noqa: B018
    with pytest.raises(ImportError):
        from biomech.anatomy import nope  # noqa: F401


# ----- the deprecated aliases -------------------------------------------------------------


def renamed_tables() -> list[tuple[str, str, str | tuple[str, str]]]:
    """(module, old name, target) for every ``_RENAMED`` table in biomech, read from the source."""
    found = []
    for path in sorted((ROOT / "biomech").rglob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            target = node.target if isinstance(node, ast.AnnAssign) else getattr(node, "targets", [None])[0]
            if isinstance(target, ast.Name) and target.id == "_RENAMED" and node.value is not None:
                parts = path.relative_to(ROOT).with_suffix("").parts
                module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
                found += [(module, old, new) for old, new in ast.literal_eval(node.value).items()]
    return found


RENAMED = renamed_tables()


def load(path: str) -> object:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def test_the_renames_the_review_asked_for_are_deprecated_aliases():
    olds = {(m, o) for m, o, _ in RENAMED}
    for pair in [
        ("biomech.anatomy.action_rule", "action_of"),
        ("biomech.anatomy.action_rule", "rotation_benefit_of"),
        ("biomech.model.lockout", "tissues"),
        ("biomech.model.lockout", "rotation_benefit"),
        ("biomech.model.blog_lockout", "rotation_benefit"),
        ("biomech.anatomy.textbook_render", "as_table"),
        ("biomech.anatomy.actions_by_posture", "action_table"),
        ("biomech.model.compare", "mechanism_table"),
        ("biomech.model.lift", "cue_table"),
        ("biomech.apps.selfcheck", "explore_muscle"),
        ("biomech.apps.selfcheck", "explore_action"),
    ]:
        assert pair in olds, pair


@pytest.mark.parametrize("module, old, target", RENAMED, ids=[f"{m}.{o}" for m, o, _ in RENAMED])
def test_each_deprecated_alias_warns_and_returns_the_same_object(module, old, target):
    path, advice = target if isinstance(target, tuple) else (target, target)
    owner = importlib.import_module(module)
    with pytest.warns(DeprecationWarning, match=re.escape(f"{module}.{old} is deprecated")) as caught:
        value = getattr(owner, old)
    message = str(caught[0].message)
    assert advice in message
    assert caught[0].filename == __file__, "the warning points at the caller's line"
    assert value is load(path)
    assert old not in getattr(owner, "__all__", ()), "a deprecated name is not public"


def test_the_new_names_do_not_warn():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for *_, target in RENAMED:
            if not isinstance(target, tuple):
                load(target)
        for name in bm.__all__:
            getattr(bm, name)


def test_from_import_of_an_old_name_warns_too():
    with pytest.warns(DeprecationWarning, match=r"biomech\.apps\.table_explorers\.explore_muscle"):
        from biomech.apps.selfcheck import explore_muscle
    from biomech.apps.table_explorers import explore_muscle as new

    assert explore_muscle is new


def test_the_split_renderers_give_what_the_old_ones_gave():
    """``as_table(fmt)`` and ``cue_table(fmt=)`` had no one successor: each format is its own function."""
    from biomech.anatomy import textbook_html, textbook_markdown, textbook_text
    from biomech.model import lift_cues_html, lift_cues_markdown

    with pytest.warns(DeprecationWarning, match="textbook_html"):
        as_table = bm.as_table
    assert as_table() == textbook_markdown() and as_table("text") == textbook_text()
    assert as_table("html", highlight={"Iliopsoas": "#D55E00"}) == textbook_html(highlight={"Iliopsoas": "#D55E00"})
    with pytest.raises(ValueError, match=r"^'fmt' must be one of"):
        as_table("pdf")
    with pytest.warns(DeprecationWarning, match="lift_cues_markdown"):
        cue_table = bm.cue_table
    assert cue_table(0.5, -8.0) == lift_cues_markdown(0.5, -8.0)
    assert cue_table(1.0, -8.0, fmt="html", tissue="Iliopsoas") == lift_cues_html(1.0, -8.0, tissue="Iliopsoas")


def test_resolve_caches_a_lazy_name_and_never_an_alias():
    namespace: dict[str, object] = {}
    value = resolve("pkg", "compensate", namespace, {"compensate": "biomech.model.lockout"})
    assert namespace == {"compensate": value}
    with pytest.warns(DeprecationWarning):
        resolve("pkg", "old", namespace, renamed={"old": "biomech.model.lockout.compensate"})
    assert "old" not in namespace
