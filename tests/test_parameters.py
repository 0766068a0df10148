"""The parameter table: every number sourced or marked illustrative, defaults in range."""

from __future__ import annotations

import re

import pytest

from biomech.parameters import PARAMETERS, check_parameter, parameters_markdown

CITATION = re.compile(r"[A-Z][A-Za-z&.,' ]+(et al\.)? (19|20)\d\d")
CONFIDENCE = ("verified text", "abstract only", "secondary")


@pytest.mark.parametrize("p", PARAMETERS.values(), ids=list(PARAMETERS))
def test_every_parameter_is_sourced_or_illustrative(p):
    if p.illustrative:
        assert p.measured.startswith("not measured"), "say why an illustrative value was chosen"
    else:
        assert CITATION.search(p.source), f"{p.name}: no 'Author Year' citation in {p.source!r}"
        assert any(word in p.source for word in CONFIDENCE), f"{p.name}: say how the number was read"
        assert p.measured, f"{p.name}: say what the source measured"


@pytest.mark.parametrize("p", PARAMETERS.values(), ids=list(PARAMETERS))
def test_default_inside_range_and_checked(p):
    assert p.min <= p.default <= p.max
    assert float(check_parameter(p.name, p.default)) == p.default
    with pytest.raises(ValueError, match=rf"^'{p.name}' must be a finite number"):
        check_parameter(p.name, p.max + 1)


def test_expected_parameters_are_present():
    expected = {
        "hip_extension_available",
        "squeeze_demand",
        "external_rotation_range",
        "internal_rotation_range",
        "flexors_rotation_benefit",
        "moment_arm_floor",
        "foot_progression_baseline",
        "standing_pelvic_tilt",
        "standing_lumbar_lordosis",
    }
    assert expected <= set(PARAMETERS)


def test_markdown_lists_every_parameter_with_its_source():
    text = parameters_markdown()
    for p in PARAMETERS.values():
        assert f"`{p.name}`" in text and p.source in text
