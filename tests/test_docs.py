"""docs/model.md says what the code computes: its parameter table, its worked cases and its names.

The model guide's numbers are not typed in unchecked: the parameter table is generated
(:func:`biomech.parameters.parameters_markdown`, between markers), every worked case is
recomputed from the code, every parameter default the text states is the table's, and every
code name and path the text quotes exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from biomech.formatting import format_degrees
from biomech.model.balance import bar_from_mid_foot, leg_lean, lockout_points, trunk_lean
from biomech.model.lockout import compensate
from biomech.model.thomas import modified_thomas_test
from biomech.model.variants import compensation_band
from biomech.parameters import PARAMETERS, parameters_markdown

ROOT = Path(__file__).parents[1]
MODEL_DOC = ROOT / "docs" / "model.md"
TEXT = MODEL_DOC.read_text("utf-8")
PARAMETERS_BLOCK = re.compile(r"<!-- parameters: [^\n]*-->\n(.*?)<!-- end parameters -->", re.S)
WORKED_BLOCK = re.compile(r"<!-- worked: (.+?) -->\n(.*?)<!-- end worked -->", re.S)
NAMESPACE = {
    "compensate": compensate,
    "trunk_lean": trunk_lean,
    "leg_lean": leg_lean,
    "lockout_points": lockout_points,
    "bar_from_mid_foot": bar_from_mid_foot,
    "modified_thomas_test": modified_thomas_test,
    "compensation_band": compensation_band,
    "np": np,
}


def worked_cases() -> list[tuple[str, str]]:
    return WORKED_BLOCK.findall(TEXT)


def shown(value: object) -> str:
    """A value as the guide prints it: text as is, numbers through the one formatter."""
    return value if isinstance(value, str) else format_degrees(float(np.asarray(value, dtype=float)))


def test_the_parameter_table_is_generated_and_current():
    block = PARAMETERS_BLOCK.search(TEXT)
    assert block, "docs/model.md lost its parameters markers"
    assert block.group(1).strip() == parameters_markdown().strip(), "regenerate: see render_parameters()"


def test_every_parameter_is_in_the_table():
    block = PARAMETERS_BLOCK.search(TEXT)
    assert block
    assert set(re.findall(r"^\| `(\w+)` \|", block.group(1), re.M)) == set(PARAMETERS)


def test_the_guide_has_a_worked_case_per_mechanism():
    calls = " ".join(call + table for call, table in worked_cases())
    for needed in ('mechanism="blog"', 'tissue="Sartorius"', "trunk_lean(", "modified_thomas_test(", "band("):
        assert needed in calls


@pytest.mark.parametrize("call, table", worked_cases(), ids=[c[:60] for c, _ in worked_cases()])
def test_worked_numbers_are_what_the_code_computes(call, table):
    r = eval(call, dict(NAMESPACE))  # noqa: S307 - the expressions are the guide's own, in this repository
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows, call
    for row in rows:
        quantity, expression, value = (cell.strip() for cell in row.strip("|").split("|"))
        code = expression.strip("`")
        assert shown(eval(code, dict(NAMESPACE), {"r": r})) == value, f"{call}: {quantity} ({code})"  # noqa: S307


DEFAULT_STATED = re.compile(r"`(\w+)`(?:,\s+default\s+| \(default\s+| \()(-?\d+(?:\.\d+)?)")


def test_every_default_the_text_states_is_the_table_default():
    stated = DEFAULT_STATED.findall(TEXT)
    assert len(stated) >= 8, stated  # the pattern still finds the guide's statements
    for name, value in stated:
        assert name in PARAMETERS, f"docs/model.md states a default for {name!r}, which is no parameter"
        assert float(value) == PARAMETERS[name].default, f"{name}: the guide says {value}"


def test_every_parameter_named_in_the_text_exists_and_every_code_name_is_in_the_code():
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "biomech").rglob("*.py"))
    source += "\n".join(p.read_text("utf-8") for p in (ROOT / "biomech" / "data").glob("*.csv"))
    quoted = set(re.findall(r"`([^`\n]+)`", TEXT))
    names = {q for q in quoted if re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", q)}
    assert "squeeze_demand" in names and "rotation_gain_floor" in names
    missing = sorted(n for n in names if n not in PARAMETERS and not re.search(rf"\b{n}\b", source))
    assert not missing, f"docs/model.md names what the code does not have: {missing}"


def test_every_path_the_text_quotes_exists():
    paths = {q for q in re.findall(r"`([^`\s]+/[^`\s]+)`", TEXT)}
    assert "biomech/lessons/claims.py" in paths
    assert not sorted(p for p in paths if not (ROOT / p).exists())


def test_the_guide_is_linked_from_the_readme_and_the_architecture_map():
    for doc in ("README.md", "docs/architecture.md"):
        assert "model.md" in (ROOT / doc).read_text("utf-8"), doc


def render_parameters() -> str:
    """The guide with its parameter table regenerated (run this file as a script to write it)."""
    block = PARAMETERS_BLOCK.search(TEXT)
    assert block, "docs/model.md lost its parameters markers"
    return TEXT[: block.start(1)] + parameters_markdown() + "\n" + TEXT[block.end(1) :]


if __name__ == "__main__":
    MODEL_DOC.write_text(render_parameters(), "utf-8")


def test_the_drawn_thigh_radius_is_the_segments_and_called_illustrative():
    import biomech.model.balance as balance
    from biomech.anatomy.segments import SEGMENTS, STANDING_HEIGHT_M

    radius_cm = 100 * STANDING_HEIGHT_M * SEGMENTS["thigh_radius"]
    said = f"the drawn thigh, {radius_cm:.2f} cm in radius, is illustrative and thin"
    assert said in " ".join(MODEL_DOC.read_text("utf-8").split())
    assert said in " ".join((balance.__doc__ or "").split())
