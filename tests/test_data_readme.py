"""Every data file in biomech/data has a provenance section in biomech/data/README.md.

Shared infrastructure: when you add a CSV to ``biomech/data/``, add a section headed
``## <file name>`` to the README (what it is, source, date read, licence, columns).
"""

from __future__ import annotations

import re
from importlib import resources

import pytest

DATA = resources.files("biomech").joinpath("data")
CSV_FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".csv"))


def _headings() -> set[str]:
    text = DATA.joinpath("README.md").read_text("utf-8")
    return {m.group(1).strip() for m in re.finditer(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)}


def test_data_folder_has_a_readme_and_csv_files():
    assert DATA.joinpath("README.md").is_file()
    assert "hip_muscle_actions.csv" in CSV_FILES


@pytest.mark.parametrize("name", CSV_FILES)
def test_every_csv_has_a_readme_section(name):
    assert name in _headings(), (
        f"biomech/data/README.md has no section '## {name}': say what the file is, its "
        "source, the date read, its licence and its columns (with units)."
    )
