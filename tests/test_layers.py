"""Each layer imports only the layers before it, as the table in docs/architecture.md says.

The table there is the one statement of the layers: this test reads the order from it and
from nowhere else, so the map and the check cannot drift apart.

How the table is read
---------------------
Each row of the table is a layer; its ``modules`` cell names one or more *units*: a
subpackage (``anatomy``) or a top-level module (``parameters``, ``__main__``) of ``biomech``.
Reading the rows top to bottom and, inside a row, the units left to right gives one order:

* a module may import any module of its own unit (the modules of one subpackage may
  import each other);
* it may import any unit of an earlier row;
* units named in the same row are *sibling layers*: a unit may import a sibling listed
  before it in that row's cell, never one listed after it (in ``base``, ``parameters``
  may use ``_validation``; ``_validation`` may not use ``parameters``);
* everything else (a later row, a later sibling) is an upward import and fails.

What counts as an import
------------------------
``import biomech.x``, ``from biomech.x import y``, relative imports (``from . import y``,
``from ..apps import lab``), ``importlib.import_module("biomech.x")``, and a name of the
package used as an attribute: after ``import biomech`` or ``import biomech as bm``,
``bm.HipLab`` or ``getattr(bm, "HipLab")`` imports the module that the lazy
``biomech/__init__.py`` maps ``HipLab`` to (its ``_EXPORTS`` table, read from the source),
just as ``from biomech import HipLab`` does. ``biomech/__init__.py`` itself stands outside
the layers. Widget packages may be imported only from the ``apps`` layer on, matplotlib
only from the ``style`` layer on.

The check is a function of a directory (:func:`check_package`), so the planting tests run
it on a temporary copy of the package with one violation of each kind added.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
WIDGET_PACKAGES = {"ipywidgets", "ipympl", "IPython", "anywidget", "traitlets"}
RULE_LATER_ROW = "a layer may import only the rows before it in the table of docs/architecture.md"
RULE_SIBLING = (
    "a unit may import only the siblings listed before it in its own row of the table of docs/architecture.md"
)
RULE_NO_LAYER = "every module of biomech is in a row of the table of docs/architecture.md"
RULE_UNKNOWN_NAME = "biomech.<name> must be a public name of biomech/__init__.py or one of its modules"
RULE_STAR = "'from biomech import *' hides which layers a module uses"
RULE_WIDGETS = "only the apps layer and later rows may import ipywidgets, ipympl, IPython, anywidget or traitlets"
RULE_MATPLOTLIB = "only the style layer and later rows may import matplotlib"
DRAW_ONLY = ("biomech.views.lift_curves", "biomech.views.lift_figure")
"""Views that draw what the scene layer computed (the lift's curves and figure): they may not import the model."""
RULE_DRAW_ONLY = "the lift's views draw what biomech.scene.lift computes: they import nothing from biomech.model"


@dataclass(frozen=True)
class Unit:
    """One name of a row's ``modules`` cell: its row and its place in that row."""

    name: str
    layer: str
    row: int
    place: int


def read_units(root: Path = ROOT) -> dict[str, Unit]:
    """The units of the layer table in ``root/docs/architecture.md``, by name, in table order."""
    text = (root / "docs" / "architecture.md").read_text("utf-8")
    block = re.search(r"<!-- layers: .*? -->\n(.*?)<!-- end layers -->", text, re.S)
    assert block, "docs/architecture.md lost its layers table"
    rows = [line for line in block.group(1).splitlines() if line.startswith("| ") and "---" not in line][1:]
    units: dict[str, Unit] = {}
    for row, line in enumerate(rows):
        cells = line.split("|")
        layer, names = cells[1].strip(), re.findall(r"`([\w.]+)`", cells[2])
        assert names, f"the layer table's row {layer!r} names no module"
        for place, name in enumerate(names):
            assert name not in units, f"{name} is in two rows of the layer table"
            units[name] = Unit(name, layer, row, place)
    return units


def read_exports(root: Path = ROOT) -> dict[str, str]:
    """The lazy ``__init__``'s map, public name -> module, read from its source (not imported)."""
    tree = ast.parse((root / "biomech" / "__init__.py").read_text("utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        elif isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        else:
            continue
        if any(isinstance(t, ast.Name) and t.id == "_EXPORTS" for t in targets):
            return ast.literal_eval(value)
    raise AssertionError("biomech/__init__.py has no _EXPORTS table")


def init_names(root: Path = ROOT) -> set[str]:
    """Names that ``biomech/__init__.py`` defines itself (``__version__``): outside the layers."""
    tree = ast.parse((root / "biomech" / "__init__.py").read_text("utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        for target in getattr(node, "targets", [getattr(node, "target", None)]):
            if isinstance(target, ast.Name):
                names.add(target.id)
    return names


def module_files(root: Path = ROOT) -> list[Path]:
    package = root / "biomech"
    return sorted(p for p in package.rglob("*.py") if p != package / "__init__.py")


def dotted_name(path: Path, root: Path = ROOT) -> str:
    """``biomech/anatomy/geometry.py`` -> ``biomech.anatomy.geometry`` (a package's ``__init__`` -> the package)."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@dataclass(frozen=True)
class Import:
    """One import of a ``biomech`` module (or a third-party package) at a line of a file."""

    target: str
    line: int
    how: str


class Checker:
    """The layer check of one copy of the package (the repository, or a temporary copy)."""

    def __init__(self, root: Path = ROOT):
        self.root = root
        self.units = read_units(root)
        self.exports = read_exports(root)
        self.own_names = init_names(root)
        self.layer_rows = {u.layer: u.row for u in self.units.values()}

    def is_module(self, dotted: str) -> bool:
        path = self.root.joinpath(*dotted.split("."))
        return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()

    def resolve_name(self, package: str, name: str) -> str | None:
        """What ``from <package> import <name>`` imports: a submodule, a lazy name's module, or the package."""
        if self.is_module(f"{package}.{name}"):
            return f"{package}.{name}"
        if package == "biomech" and name in self.exports:
            return self.exports[name]
        if package == "biomech" and name not in self.own_names:
            return None
        return package

    def imports(self, path: Path) -> Iterator[Import]:
        """Every import that ``path`` makes, absolute, relative or through a lazy name of ``biomech``."""
        own = dotted_name(path, self.root)
        package = own if path.name == "__init__.py" else own.rpartition(".")[0]
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        aliases: set[str] = set()  # local names bound to the package biomech itself
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Import(alias.name, node.lineno, f"import {alias.name}")
                    if alias.name == "biomech":
                        aliases.add(alias.asname or "biomech")
                    elif alias.name.startswith("biomech.") and alias.asname is None:
                        aliases.add("biomech")  # `import biomech.x` binds the name biomech
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    source = ".".join(base[: len(base) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                how = f"from {'.' * node.level}{node.module or ''} import {', '.join(a.name for a in node.names)}"
                if source.split(".")[0] != "biomech":
                    yield Import(source, node.lineno, how)
                    continue
                targets = []  # what each name imports, once each
                for alias in node.names:
                    if alias.name == "*":
                        target = "*"
                    else:
                        target = self.resolve_name(source, alias.name) or f"biomech.{alias.name}?"
                    if target not in targets:
                        targets.append(target)
                for target in targets:
                    yield Import(target, node.lineno, how)
        for node in ast.walk(tree):
            used = None
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
                used, shown = node.attr, f"{node.value.id}.{node.attr}"
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "getattr"
                and len(node.args) >= 2
                and isinstance(node.args[0], ast.Name)
                and node.args[0].id in aliases
                and isinstance(node.args[1], ast.Constant)
                and isinstance(node.args[1].value, str)
            ):
                used, shown = node.args[1].value, f"getattr({node.args[0].id}, {node.args[1].value!r})"
            elif (
                isinstance(node, ast.Call)
                and (
                    getattr(node.func, "attr", None) == "import_module"
                    or getattr(node.func, "id", None) == "import_module"
                )
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                yield Import(node.args[0].value, node.lineno, f"import_module({node.args[0].value!r})")
            if used is not None and not used.startswith("__"):
                target = self.resolve_name("biomech", used)
                mapped = f" (the lazy biomech/__init__.py maps it to {target})" if used in self.exports else ""
                yield Import(target or f"biomech.{used}?", node.lineno, f"{shown}{mapped}")

    def unit_of(self, dotted: str) -> Unit | None:
        parts = dotted.split(".")
        return self.units.get(parts[1]) if len(parts) > 1 and parts[0] == "biomech" else None

    def violations(self, path: Path) -> list[str]:
        """Messages ``<file>:<line>: <what> - <rule>`` for each import of ``path`` the table forbids."""
        own_dotted = dotted_name(path, self.root)
        where = path.relative_to(self.root).as_posix()
        own = self.unit_of(own_dotted)
        if own is None:
            return [f"{where}:1: {own_dotted} - {RULE_NO_LAYER}"]
        found = []
        for imp in self.imports(path):
            top = imp.target.split(".")[0]
            message = None
            if imp.target == "*":
                message = RULE_STAR
            elif imp.target.endswith("?"):
                message = RULE_UNKNOWN_NAME
            elif top == "biomech" and imp.target != "biomech":
                target = self.unit_of(imp.target)
                if target is None:
                    message = f"{imp.target} is in no layer: {RULE_NO_LAYER}"
                elif target.row > own.row:
                    message = f"{own.layer} imports the later layer {target.layer} ({imp.target}): {RULE_LATER_ROW}"
                elif target.row == own.row and target.place > own.place:
                    message = (
                        f"{own.name} imports its sibling {target.name} ({imp.target}), listed after it in the row "
                        f"{own.layer}: {RULE_SIBLING}"
                    )
            elif top in WIDGET_PACKAGES and own.row < self.layer_rows["apps"]:
                message = RULE_WIDGETS
            elif top == "matplotlib" and own.row < self.layer_rows["style"]:
                message = RULE_MATPLOTLIB
            if message is None and own_dotted in DRAW_ONLY and (self.unit_of(imp.target) or own).layer == "model":
                message = f"{imp.target}: {RULE_DRAW_ONLY}"
            if message:
                found.append(f"{where}:{imp.line}: {imp.how} - {message}")
        return found


def check_package(root: Path = ROOT) -> list[str]:
    """Every layer violation in the package under ``root`` (empty when the table is kept)."""
    checker = Checker(root)
    found = []
    for folder in (root / "biomech").iterdir():
        if (folder / "__init__.py").exists() and folder.name not in checker.units:
            found.append(f"biomech/{folder.name}/__init__.py:1: biomech.{folder.name} - {RULE_NO_LAYER}")
    for path in module_files(root):
        found += checker.violations(path)
    return found


# ----- the real package ----------------------------------------------------------------

CHECKER = Checker()


def test_the_table_has_layers_and_each_module_once():
    units = read_units()
    rows = {u.row for u in units.values()}
    assert len(rows) >= 2 and rows == set(range(len(rows)))
    assert "apps" in CHECKER.layer_rows and "style" in CHECKER.layer_rows


def test_every_subpackage_is_in_a_layer():
    for folder in (ROOT / "biomech").iterdir():
        if (folder / "__init__.py").exists():
            assert folder.name in CHECKER.units, f"biomech.{folder.name}: {RULE_NO_LAYER}"


@pytest.mark.parametrize("path", module_files(), ids=lambda p: dotted_name(p).removeprefix("biomech."))
def test_module_imports_only_earlier_layers(path):
    assert CHECKER.violations(path) == []


def test_every_lazy_name_maps_to_a_module_in_a_layer():
    for name, module in read_exports().items():
        assert CHECKER.is_module(module), f"{name} -> {module}: no such module"
        assert CHECKER.unit_of(module) is not None, f"{name} -> {module}: {RULE_NO_LAYER}"


# ----- the check catches each kind of violation (planted in a temporary copy) -----------


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of ``biomech/`` and ``docs/architecture.md`` to plant violations in."""
    shutil.copytree(ROOT / "biomech", tmp_path / "biomech", ignore=shutil.ignore_patterns("__pycache__", "data"))
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "architecture.md", tmp_path / "docs" / "architecture.md")
    return tmp_path


def plant(root: Path, relative: str, code: str) -> int:
    """Append ``code`` to a module of the copy; return the line number of its last line."""
    path = root / relative
    text = path.read_text("utf-8").rstrip("\n") + "\n" + code.rstrip("\n") + "\n"
    path.write_text(text, "utf-8")
    return len(text.splitlines())


def test_the_copy_passes_before_anything_is_planted(package_copy):
    assert check_package(package_copy) == []


PLANTS = {
    "relative upward import": (
        "biomech/model/lockout.py",
        "from ..apps import lab as _lab",
        "model imports the later layer apps (biomech.apps.lab)",
        RULE_LATER_ROW,
    ),
    "relative import of a later sibling": (
        "biomech/formatting.py",
        "from . import parameters as _parameters",
        "formatting imports its sibling parameters (biomech.parameters)",
        RULE_SIBLING,
    ),
    "lazy attribute upward": (
        "biomech/anatomy/geometry.py",
        "import biomech as _bm\n\n\ndef _lab():\n    return _bm.HipLab",
        "_bm.HipLab (the lazy biomech/__init__.py maps it to biomech.apps.lab) - anatomy imports the later layer apps",
        RULE_LATER_ROW,
    ),
    "lazy attribute through the full name": (
        "biomech/model/thomas.py",
        "import biomech\n\n_SCENE = biomech.build_scene",
        "biomech.build_scene (the lazy biomech/__init__.py maps it to biomech.scene.scene) - model imports the later "
        "layer scene",
        RULE_LATER_ROW,
    ),
    "lazy name through from biomech import": (
        "biomech/lessons/cases.py",
        "from biomech import export_figure as _export",
        "from biomech import export_figure - lessons imports the later layer export (biomech.export)",
        RULE_LATER_ROW,
    ),
    "absolute upward import": (
        "biomech/scene/pose.py",
        "from biomech.views.dashboard import Dashboard as _Dashboard",
        "scene imports the later layer views (biomech.views.dashboard)",
        RULE_LATER_ROW,
    ),
    "absolute import of a later sibling": (
        "biomech/_validation.py",
        "import biomech.formatting as _formatting",
        "_validation imports its sibling formatting (biomech.formatting)",
        RULE_SIBLING,
    ),
    "importlib upward": (
        "biomech/anatomy/tissues.py",
        "import importlib\n\n_M = importlib.import_module('biomech.model.lockout')",
        "anatomy imports the later layer model (biomech.model.lockout)",
        RULE_LATER_ROW,
    ),
    "widgets below apps": ("biomech/views/curves.py", "import ipywidgets as _w", "import ipywidgets", RULE_WIDGETS),
    "the lift's curves run the model": (
        "biomech/views/lift_curves.py",
        "from biomech.model.lift import lift_compensation as _run",
        "biomech.model.lift",
        RULE_DRAW_ONLY,
    ),
    "the lift's figure runs the model through the lazy package": (
        "biomech/views/lift_figure.py",
        "import biomech as _bm\n\n_run = _bm.lift_compensation",
        "biomech.model.lift",
        RULE_DRAW_ONLY,
    ),
}


@pytest.mark.parametrize("kind", PLANTS)
def test_a_planted_violation_fails_naming_file_line_and_rule(package_copy, kind):
    relative, code, what, rule = PLANTS[kind]
    line = plant(package_copy, relative, code)
    found = check_package(package_copy)
    assert len(found) == 1, found
    message = found[0]
    assert message.startswith(f"{relative}:{line}: "), message
    assert what in message and rule in message, message


def test_the_order_comes_from_the_table(package_copy):
    """Swap the rows model and apps in the copy's table: apps now may not import model."""
    doc = package_copy / "docs" / "architecture.md"
    lines = doc.read_text("utf-8").splitlines(keepends=True)
    model = next(i for i, line in enumerate(lines) if line.startswith("| model |"))
    apps = next(i for i, line in enumerate(lines) if line.startswith("| apps |"))
    lines[model], lines[apps] = lines[apps], lines[model]
    doc.write_text("".join(lines), "utf-8")
    found = check_package(package_copy)
    assert any(m.startswith("biomech/apps/") and "apps imports the later layer model" in m for m in found), found
    assert any(m.startswith("biomech/model/") for m in found) is False  # model now sits higher: nothing upward


def test_a_module_in_no_layer_fails(package_copy):
    (package_copy / "biomech" / "extra.py").write_text('"""A module the table does not name."""\n', "utf-8")
    found = check_package(package_copy)
    assert found == [f"biomech/extra.py:1: biomech.extra - {RULE_NO_LAYER}"]


# ----- the public namespace --------------------------------------------------------------


def test_public_namespace_stays_light():
    """``import biomech`` and the model and table load neither matplotlib nor ipywidgets."""
    code = (
        "import sys, biomech as bm\n"
        "bm.compensate(-10.0); bm.muscles_for('flexion'); bm.moment_arms(0.0); bm.modified_thomas_test(5, 70, 0)\n"
        "bm.questions('03')[0].answer()\n"
        "heavy = sorted(m for m in sys.modules\n"
        "               if m.split('.')[0] in {'matplotlib', 'ipywidgets', 'ipympl', 'IPython'})\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_public_names_resolve_and_are_listed():
    import biomech as bm

    assert "compensate" in bm.__all__ and "HipLab" in bm.__all__ and "export_figure" in bm.__all__
    assert set(read_exports()) <= set(bm.__all__)
    for name in bm.__all__:
        assert getattr(bm, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        bm.nope  # noqa: B018
