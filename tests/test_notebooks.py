"""Every notebook runs top to bottom on a fresh kernel, with no error and no warning.

Notebooks are committed without outputs (checked here too), so what a student sees
after "Run All" is exactly what this test executes. Each notebook is executed once per
run (the ``executed_notebook`` fixture of ``tests/conftest.py``); other tests that read
its outputs share that run through the same xdist group.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.groups import notebook_group

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks():
    assert any(nb.name.startswith("01_") for nb in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_without_outputs(path):
    cells = json.loads(path.read_text("utf-8"))["cells"]
    dirty = [
        i for i, c in enumerate(cells) if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))
    ]
    assert not dirty, f"{path.name}: cells {dirty} have outputs; clear them before committing"


@pytest.mark.notebook
@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.xdist_group(notebook_group(p))) for p in NOTEBOOKS],
    ids=[p.name for p in NOTEBOOKS],
)
def test_notebook_runs_clean(path, executed_notebook):
    nb = executed_notebook(path)  # raises CellExecutionError on any error
    problems = []
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                problems.append(f"cell {index} wrote to stderr: {text[:300]}")
            elif "Warning" in text:
                problems.append(f"cell {index} printed a warning: {text[:300]}")
            elif out.get("output_type") == "error":
                problems.append(f"cell {index} raised {out.get('ename')}")
    assert not problems, "\n".join(problems)
