"""Each layer imports only the layers before it, as the table in docs/architecture.md says.

The table there is the one statement of the layers: this test reads it, so the map and
the check cannot drift apart.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "biomech"
WIDGET_PACKAGES = {"ipywidgets", "ipympl", "IPython", "anywidget", "traitlets"}


def read_layers() -> list[tuple[str, set[str]]]:
    text = (ROOT / "docs" / "architecture.md").read_text("utf-8")
    block = re.search(r"<!-- layers: .*? -->\n(.*?)<!-- end layers -->", text, re.S)
    assert block, "docs/architecture.md lost its layers table"
    rows = [line for line in block.group(1).splitlines() if line.startswith("| ") and "---" not in line][1:]
    return [(row.split("|")[1].strip(), set(re.findall(r"`([\w.]+)`", row.split("|")[2]))) for row in rows]


LAYERS = read_layers()
NAMES = [name for name, _ in LAYERS]


def layer_of(module: str) -> int:
    """Index of the layer holding ``biomech.<module>`` (by its first dotted part)."""
    top = module.split(".")[0]
    for index, (_, modules) in enumerate(LAYERS):
        if top in modules:
            return index
    raise AssertionError(f"biomech.{module} is in no layer: add it to the table in docs/architecture.md")


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PACKAGE / "__init__.py")


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            if node.module == "biomech":
                found.update(f"biomech.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def own_name(path: Path) -> str:
    parts = [p for p in path.relative_to(PACKAGE).with_suffix("").parts if p != "__init__"]
    return ".".join(parts)


def test_the_table_names_the_layers_in_order():
    assert NAMES == [
        "base",
        "anatomy",
        "model",
        "lessons",
        "scene",
        "web",
        "style",
        "views",
        "export",
        "apps",
        "command line",
    ]


def test_every_subpackage_is_in_a_layer():
    for folder in PACKAGE.iterdir():
        if (folder / "__init__.py").exists():
            layer_of(folder.name)


@pytest.mark.parametrize("path", modules(), ids=own_name)
def test_module_imports_only_earlier_layers(path):
    own = layer_of(own_name(path))
    for name in imports(path):
        if name.startswith("biomech."):
            assert layer_of(name[len("biomech.") :]) <= own, f"{own_name(path)} imports {name}"
        if name.split(".")[0] in WIDGET_PACKAGES:
            assert own >= NAMES.index("apps"), f"{own_name(path)} imports {name}: only the apps layer may"
        if name.split(".")[0] == "matplotlib":
            assert own >= NAMES.index("style"), f"{own_name(path)} imports matplotlib below the style layer"


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

    assert "compensate" in bm.__all__ and "HipLab" in bm.__all__ and "export_figures" in bm.__all__
    for name in bm.__all__:
        assert getattr(bm, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        bm.nope  # noqa: B018
