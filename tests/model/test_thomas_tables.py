"""The Thomas test's Markdown tables for lesson 05: computed from the model, one row per case."""

from __future__ import annotations

import pytest

from biomech.formatting import format_degrees
from biomech.lessons.cases import CLIENT, CLIENTS
from biomech.model.thomas import CRITERIA, ERRORS, KENDALL_EXAMPLES, modified_thomas_test
from biomech.model.thomas_tables import (
    criteria_markdown,
    errors_markdown,
    examples_markdown,
    findings_by_criteria_markdown,
    knee_markdown,
    pelvic_tilt_markdown,
    readings_markdown,
    results_markdown,
)


def rows(table: str) -> list[list[str]]:
    lines = table.strip().splitlines()
    assert set(lines[1]) <= set("|-")
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def test_readings_table_shows_each_client_and_a_reading_not_taken():
    table = rows(readings_markdown(CLIENTS))
    assert [r[0] for r in table] == list(CLIENTS)
    assert table[0][1:] == ["5", "70", "65", "0"] and "not read" in table[2]


def test_examples_table_puts_kendalls_words_beside_the_function():
    table = rows(examples_markdown())
    assert len(table) == len(KENDALL_EXAMPLES)
    combined = table[1]
    assert combined[2] == "one-joint hip flexors, rectus femoris (15, 25)"
    assert combined[3] == "one-joint hip flexors (15), rectus femoris (25)"
    assert sum("[numbers chosen here]" in r[0] for r in table) == sum(e.constructed for e in KENDALL_EXAMPLES)


@pytest.mark.parametrize("controlled", [True, False])
def test_results_table_has_a_row_per_prediction(controlled):
    table = rows(results_markdown(CLIENTS, pelvic_tilt_controlled=controlled))
    count = sum(len(modified_thomas_test(**c.readings()).predictions) for c in CLIENTS.values())
    assert len(table) == count and [r[0] for r in table] == list(CLIENTS)
    assert all(("→" in r[3]) is not controlled for r in table)
    assert table[0][3:] == (["none", "none"] if controlled else ["none → none", "none → none"])


def test_knee_table_compares_the_test_with_a_straight_knee_reading():
    p = modified_thomas_test(**CLIENT.readings(), pelvic_tilt_controlled=True).prediction("rectus femoris")
    text = knee_markdown(p)
    table = rows(text.split("\n\n")[1])
    assert table[1][1].startswith("no deficit") and "short of extension" in table[1][2]
    assert f"from {format_degrees(p.knee_flexion)} deg shortens it by" in text
    iliopsoas = modified_thomas_test(**CLIENTS["iliopsoas"].readings()).predictions[0]
    with pytest.raises(ValueError, match=r"^'p' must be a tissue found at a knee angle"):
        knee_markdown(iliopsoas)


def test_criteria_and_error_tables_come_from_the_data():
    table = rows(criteria_markdown())
    assert [r[0] for r in table] == [f"`{k!r}`" for k in CRITERIA]
    assert table[0][3] == "< 80 + the hip's flexion" and table[1][3] == "< 67"
    assert "cerebral palsy" in table[1][1] and "cerebral palsy" in table[1][5]
    assert table[0][4] == "> 0 (the project's own)" and table[1][4] == "> 0"
    table_text, bands = errors_markdown().split("\n\n")
    errors = rows(table_text)
    assert [r[1] for r in errors] == ["1", "7", "none published"]
    assert [r[2:4] for r in errors[:2]] == [
        [format_degrees(1.96 * e.sem), format_degrees(2.77 * e.sem)] for e in ERRORS.values() if e.sem is not None
    ]
    assert [r[4] for r in errors] == [e.source for e in ERRORS.values()]
    assert "kappa 0.39 between raters vs 0.47 within" in errors[0][5] and errors[2][5] == "none published"
    assert "Weir 2005" in bands and "1.96 x SEM" in table_text and "2.77 x SEM" in table_text


def test_findings_by_criteria_table():
    table = rows(findings_by_criteria_markdown(CLIENTS))
    for row, client in zip(table, CLIENTS.values(), strict=True):
        assert row[1:] == [", ".join(modified_thomas_test(**client.readings(), criteria=k).tissues) for k in CRITERIA]


def test_pelvic_tilt_paragraph_says_it_is_illustrative():
    text = pelvic_tilt_markdown()
    assert text.startswith("`mtt_pelvic_tilt` = 10 deg (range 0 to 30; source: illustrative)")
    assert "not measured" in text and "Vigotsky" in text
