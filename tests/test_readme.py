"""The README's model table is what the model computes now (it cannot drift)."""

from __future__ import annotations

from pathlib import Path

from biomech.formatting import format_degrees as deg
from biomech.model.lockout import compensate

README = Path(__file__).parents[1] / "README.md"


def render_model_table() -> list[str]:
    rows = [
        "| available hip extension | cue | mechanism | deficit | rotation used (+ out) "
        "| anterior tilt on the trunk (= lumbar extension) | pelvis in the room (+ anterior) | lockout short by "
        "| leg forward | pelvis and trunk back | feet out | stage |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for available in (17, 5, -5, -15):
        for cue in ("stand_tall", "squeeze_glutes"):
            for mechanism in ("blog", "geometry"):
                s = compensate(available, cue=cue, mechanism=mechanism)
                assert s.lumbar_extension == s.pelvic_tilt  # one column for both
                assert abs(s.hip_flexion - (s.pelvic_tilt_in_room - s.thigh_inclination)) < 1e-9  # the convention
                rows.append(
                    f"| {available} | {cue.replace('_', ' ')} | {mechanism} | {deg(s.deficit)} "
                    f"| {deg(s.rotation_used)} "
                    f"| {deg(s.pelvic_tilt)} | {deg(s.pelvic_tilt_in_room)} | {deg(s.shortfall)} "
                    f"| {deg(s.thigh_inclination)} "
                    f"| {deg(s.trunk_lean)} | {deg(s.foot_progression)} | {s.stage} |"
                )
    return rows


def test_readme_model_table_matches_the_model():
    text = README.read_text("utf-8")
    block = text.split("<!-- model-table", 1)[1].split("<!-- end model-table -->", 1)[0]
    table = [line for line in block.splitlines() if line.startswith("|")]
    assert table == render_model_table()


def test_readme_shows_the_two_commands_first():
    text = README.read_text("utf-8")
    assert text.index("make lab") < text.index("For developers")
    assert text.index("make test") < text.index("For developers")
