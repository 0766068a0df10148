"""The README's model table is what the model computes now (it cannot drift)."""

from __future__ import annotations

from pathlib import Path

from biomech._validation import format_degrees as d
from biomech.model.lockout import compensate

README = Path(__file__).parents[1] / "README.md"


def render_model_table() -> list[str]:
    rows = [
        "| available hip extension | cue | deficit | rotation used | anterior pelvic tilt "
        "| lumbar extension | feet out | stage |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for available in (17, 5, -5, -15):
        for cue in ("stand_tall", "squeeze_glutes"):
            s = compensate(available, cue=cue)
            rows.append(
                f"| {available} | {cue.replace('_', ' ')} | {d(s.deficit)} | {d(s.rotation_used)} "
                f"| {d(s.pelvic_tilt)} | {d(s.lumbar_extension)} | {d(s.foot_progression)} | {s.stage} |"
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
