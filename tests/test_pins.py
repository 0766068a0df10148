"""matplotlib and ipympl stay within the pinned, tested ranges.

The committed figures are compared byte for byte (``tests/test_export.py``) under the
matplotlib version ``figures/README.md`` records, and ``biomech/apps/live_figure.py`` sets
private attributes of matplotlib's figure and of ipympl's canvas (``_original_dpi``,
``_force_full``). Both rely on the versions, so ``pyproject.toml`` and ``environment.yml``
pin them with an upper bound, and a version outside the pins fails here (never skips).
"""

from __future__ import annotations

import importlib.metadata
import itertools
import re
import sys
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
PINNED = ("matplotlib", "ipympl")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def pin(package: str, source: str = "pyproject") -> SpecifierSet:
    """The version range ``pyproject.toml`` (or ``environment.yml``) pins for a package."""
    if source == "pyproject":
        project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
        requirements = [*project["dependencies"], *itertools.chain(*project["optional-dependencies"].values())]
    else:
        requirements = re.findall(r"^  - (\S+)$", (ROOT / "environment.yml").read_text("utf-8"), re.M)
    for requirement in requirements:
        match = re.fullmatch(rf"{package}([<>=!~].*)", requirement.strip())
        if match:
            return SpecifierSet(match.group(1))
    raise AssertionError(f"{source} does not pin {package}")


def recorded_matplotlib() -> str:
    match = re.search(r"matplotlib (\d+\.\d+\.\d+)", (ROOT / "figures" / "README.md").read_text("utf-8"))
    assert match, "figures/README.md no longer records the matplotlib version"
    return match.group(1)


@pytest.mark.parametrize("package", PINNED)
def test_both_files_pin_the_same_range_with_an_upper_bound(package):
    spec = pin(package)
    assert spec == pin(package, "environment"), f"pyproject.toml and environment.yml pin {package} differently"
    assert any(s.operator == "<" for s in spec), f"{package} needs an upper bound: {spec}"


@pytest.mark.parametrize("package", PINNED)
def test_installed_versions_are_within_the_pins(package):
    installed, spec = importlib.metadata.version(package), pin(package)
    assert spec.contains(installed, prereleases=True), (
        f"{package} {installed} is outside the pinned {spec} (pyproject.toml): the byte-identical figures and "
        "apps/live_figure.py's private attributes are untested there; install a pinned version, or test and widen"
    )


def test_the_recorded_matplotlib_is_within_the_pin():
    assert pin("matplotlib").contains(recorded_matplotlib()), (
        f"figures/README.md records matplotlib {recorded_matplotlib()}, outside the pin {pin('matplotlib')}"
    )
