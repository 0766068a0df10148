"""Packaging: environment.yml and pyproject.toml name the same packages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject_packages() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        names |= {_name(r) for r in extra}
    return names - {project["name"]}


def environment_packages() -> set[str]:
    names = set()
    text = (ROOT / "environment.yml").read_text("utf-8")
    for line in text.split("\ndependencies:", 1)[1].splitlines():
        match = re.match(r"^  - ([A-Za-z0-9_.\-]+)", line)
        if match:
            names.add(_name(match.group(1)))
    return names - {"python", "pip"}


def test_environment_yml_matches_pyproject():
    assert environment_packages() == pyproject_packages()


def test_environment_installs_the_project_from_the_repo():
    assert re.search(r"^\s+- -e \.$", (ROOT / "environment.yml").read_text("utf-8"), re.M)
