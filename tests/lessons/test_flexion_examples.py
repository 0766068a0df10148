"""The footnote's worked examples (biomech.lessons.flexion_examples)."""

from __future__ import annotations

from biomech.anatomy.tissues import moment_arms_at
from biomech.lessons.flexion_examples import FLEXION_EXAMPLES, flexion_examples_markdown


def test_flexion_examples_cite_a_source_and_agree_with_published_gait2392():

    text = flexion_examples_markdown()
    for e in FLEXION_EXAMPLES:
        assert e.label in text and e.source in text
        assert any(year in e.source for year in ("Neumann 2010", "Delp et al. 1999"))
    # piriformis: external at 0, internal at 90 deg in OpenSim's published values too
    assert moment_arms_at("peri_r", 0.0)[2] < 0 < moment_arms_at("peri_r", 90.0)[2]
    assert "| Piriformis | external rotation" in text and "internal rotation 15 mm | 57 deg" in text
