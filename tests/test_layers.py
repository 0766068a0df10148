"""Each layer imports only the layers before it (DESIGN.md section 4).

data -> muscles, parameters, geometry -> actions_by_posture -> tissues -> model
-> lift, thomas -> questions -> posture -> style -> views -> export
-> app, lift_app, posture_explorer, selfcheck, page_theme (ipywidgets) -> __main__
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "biomech"
LAYERS = [
    {"_validation"},
    {"muscles", "parameters", "geometry"},
    {"actions_by_posture"},
    {"tissues"},
    {"model"},
    {"lift", "thomas"},
    {"questions"},
    {"posture"},
    {"style"},
    {"views"},
    {"export"},
    {"live_figure"},
    {"app", "lift_app", "posture_explorer", "selfcheck", "page_theme"},
    {"__main__"},
]
WIDGET_LAYER = LAYERS.index({"live_figure"})


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    for index, names in enumerate(LAYERS):
        if top in names:
            return index
    raise AssertionError(f"biomech.{module} is in no layer: add it to tests/test_layers.py and DESIGN")


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def own_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    parts = [p for p in relative.parts if p != "__init__"]
    return ".".join(parts)


@pytest.mark.parametrize("path", modules(), ids=lambda p: own_name(p))
def test_module_imports_only_earlier_layers(path):
    own = layer_of(own_name(path))
    for name in imports(path):
        if name.startswith("biomech."):
            assert layer_of(name[len("biomech."):]) <= own, f"{own_name(path)} imports {name}"
        if name.split(".")[0] in {"ipywidgets", "ipympl", "IPython"}:
            assert own >= WIDGET_LAYER, f"{own_name(path)} imports {name}: only the app layer may"
        if name.split(".")[0] == "matplotlib":
            assert own >= LAYERS.index({"style"}), f"{own_name(path)} imports matplotlib below the views"
