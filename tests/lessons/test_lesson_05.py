"""Lesson 05 (notebooks/05_client_case.ipynb): its clients, the claims its text makes, its numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from biomech.anatomy.geometry import path_length
from biomech.lessons.cases import CLIENT, CLIENTS, Client
from biomech.model.lockout import CUES, compensate
from biomech.model.thomas import CRITERIA, ERRORS, VALIDITY, modified_thomas_test
from biomech.parameters import PARAMETERS
from tests.groups import notebook_group

NOTEBOOK = Path(__file__).parents[2] / "notebooks" / "05_client_case.ipynb"
CELLS = json.loads(NOTEBOOK.read_text("utf-8"))["cells"]
NUMBER = re.compile(r"(?<![\w.])[-\u2212]?\d+(?:\.\d+)?")
TILT = PARAMETERS["mtt_pelvic_tilt"].default


def text_of(kind: str) -> list[str]:
    return ["".join(c["source"]) for c in CELLS if c["cell_type"] == kind]


def stated_numbers(markdown: str) -> list[str]:
    """Numbers the text states, leaving out what is not a quantity: the lesson's title line,
    section and list numbers, cross-references, years of citations, code and the phrase '3-D'."""
    text = re.sub(r"^# 05 .*$|^\*Hip Compensation Lab, lesson.*$", "", markdown, flags=re.MULTILINE)
    text = re.sub(r"^(#+ *)?\d+\. ", "", text, flags=re.MULTILINE)  # section and list numbers
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\bsections? \d+\b|\b(19|20)\d\d\b|3-D", "", text)
    return NUMBER.findall(text)


def numbers_from_the_code() -> set[float]:
    texts = [*VALIDITY.notes, *(e.source for e in ERRORS.values())]
    texts += [c.source + c.caveat + c.title for c in CRITERIA.values()]
    texts += [p.source + p.measured for n, p in PARAMETERS.items() if n.startswith("mtt_")]
    for c in CLIENTS.values():
        texts += [str(v) for v in c.readings().values() if v is not None]
        result = modified_thomas_test(**c.readings())
        texts += [str(result), result._repr_markdown_()]
    return {abs(float(n.replace("\u2212", "-"))) for t in texts for n in NUMBER.findall(t)}


def test_the_lesson_uses_the_lessons_objects():
    code = "\n".join(text_of("code"))
    assert "bm.CLIENT " in code and "bm.CLIENTS " in code
    assert 'bm.quiz("05", client=client)' in code
    assert "Client(" not in code  # no second definition of a client


def test_every_number_the_text_states_comes_from_the_code():
    allowed = numbers_from_the_code()
    for markdown in text_of("markdown"):
        if markdown.startswith("## References"):
            continue
        for number in stated_numbers(markdown):
            assert abs(float(number.replace("\u2212", "-"))) in allowed, f"{number!r} in: {markdown[:80]!r}"


def test_the_number_check_sees_numbers():
    assert stated_numbers("## 2. Two\n\n1. The knee flexes 80 deg, r = 0.98 (Vigotsky 2016), `x=3`") == [
        "80",
        "0.98",
    ]


def test_the_three_clients_are_valid_and_distinct():
    assert CLIENT is CLIENTS["rectus femoris"]
    assert len({c.readings().values().__repr__() for c in CLIENTS.values()}) == 3
    assert all(isinstance(c, Client) for c in CLIENTS.values())


# ----- what the lesson's text says, checked against the model --------------------------


def test_section_2_the_hanging_leg_is_confounded_and_holding_the_thigh_down_resolves_it():
    hanging = modified_thomas_test(CLIENT.thigh_angle, CLIENT.knee_flexion, CLIENT.thigh_abduction)
    assert hanging.confounded and len(hanging.fired) == 2
    held = modified_thomas_test(**CLIENT.readings(), pelvic_tilt_controlled=True)
    assert held.tissues == ("rectus femoris",) and held.thigh_held == "came down"


def test_section_3_rectus_femoris_found_with_the_knee_bent_hardly_restricts_the_lockout():
    p = modified_thomas_test(**CLIENT.readings(), pelvic_tilt_controlled=True).prediction("rectus femoris")
    straight = compensate(-p.hip_flexion, cue="squeeze_glutes", tissue="Rectus femoris", test_knee_flexion=0.0)
    assert all(p.compensation[cue].deficit == 0.0 for cue in CUES) and straight.deficit > 0.0
    knee = path_length("rect_fem_r", knee_flexion=p.knee_flexion) - path_length("rect_fem_r")
    hip = path_length("rect_fem_r", hip_flexion=-PARAMETERS["squeeze_demand"].default) - path_length("rect_fem_r")
    assert knee > 5 * hip > 0


def test_section_4_an_uncontrolled_pelvis_hides_a_larger_restriction():
    p = modified_thomas_test(**CLIENTS["iliopsoas"].readings()).predictions[0]
    for cue in CUES:
        assert p.tilted[cue].deficit - p.compensation[cue].deficit == pytest.approx(TILT)
        assert 0.9 * TILT < p.tilted[cue].pelvic_tilt - p.compensation[cue].pelvic_tilt <= TILT


def test_section_5_three_findings_three_lockouts():
    results = {name: modified_thomas_test(**c.readings()) for name, c in CLIENTS.items()}
    rf = results["rectus femoris"].predictions[0]
    assert all(s.deficit == 0.0 for states in (rf.compensation, rf.tilted) for s in states.values())
    ilio = results["iliopsoas"].predictions[0]
    assert all(ilio.compensation[cue].pelvic_tilt > 0 for cue in CUES)
    tfl = results["TFL/ITB"].predictions[0]
    assert tfl.compensation["stand_tall"].deficit == 0.0 < tfl.compensation["squeeze_glutes"].deficit
    assert tfl.compensation["squeeze_glutes"].rotation_used < 0  # the hip turns in


@pytest.mark.notebook
@pytest.mark.xdist_group(notebook_group(NOTEBOOK))
def test_the_lesson_shows_no_raw_object_reprs(executed_notebook):
    nb = executed_notebook(NOTEBOOK)  # executed once per run, shared with tests/test_notebooks.py
    raw = re.compile(r"\b(Client|Lifter|ThomasResult|Prediction|Finding|Compensation|LiftPosture)\(")
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            shown = out.get("text", "") + str(out.get("data", {}).get("text/markdown", ""))
            if "text/markdown" not in out.get("data", {}) and "application/vnd.jupyter.widget-view+json" not in out.get(
                "data", {}
            ):
                shown += str(out.get("data", {}).get("text/plain", ""))
            assert not raw.search(shown), f"cell {index} shows a raw object: {shown[:200]}"
