"""Lesson 05 (notebooks/05_client_case.ipynb): its clients, the claims its text makes, its numbers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from biomech.anatomy.geometry import path_length
from biomech.lessons.cases import CLIENT, CLIENTS, Client
from biomech.model.lockout import CUES, compensate
from biomech.model.thomas import (
    BAND_WORDS,
    CRITERIA,
    ERRORS,
    PROJECT_ABDUCTION_CUT_OFF,
    TFL_ASSUMPTION,
    VALIDITY,
    modified_thomas_test,
)
from biomech.model.thomas_tables import errors_markdown
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
    texts = [*VALIDITY.notes, *(e.source for e in ERRORS.values()), errors_markdown()]
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


def section(heading: str) -> str:
    """The markdown of one section: from its heading to the next section's."""
    text = "\n\n".join(text_of("markdown"))
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def test_section_3_labels_the_tfl_prediction_and_the_abduction_cut_off():
    text = section("## 3.")
    assert TFL_ASSUMPTION in text and "the project's own cut-off" in text and "Kendall gives no number" in text
    assert "abduction > 0" in PROJECT_ABDUCTION_CUT_OFF
    assert TFL_ASSUMPTION in section("## 5.") and TFL_ASSUMPTION in section("## 9.")
    # Harvey's average athlete: the thigh hangs below the table, the TFL read this way stops it above
    harvey = [PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction")]
    athlete = modified_thomas_test(*harvey, pelvic_tilt_controlled=True).prediction("TFL/ITB")
    assert harvey[0] < 0 < athlete.hip_flexion and "below the table" in text and "above the table" in text


def test_section_4_an_uncontrolled_pelvis_overstates_the_restriction():
    text = " ".join(section("## 4.").split())
    assert "The thigh angle overstates the restriction when the pelvis tilts back" in text
    assert "the true restriction may be smaller by up to `mtt_pelvic_tilt`" in text
    assert "*extends* the hip" in text and "more flexed" not in text
    joined = " ".join(text_of("markdown"))
    assert "hides" not in joined and "larger restriction" not in joined
    # the worked case in the text: thigh 8 above the table, tilt 10, so 2 deg of extension
    client = CLIENTS["iliopsoas"]
    p = modified_thomas_test(**client.readings()).predictions[0]
    assert p.tilted_hip_flexion == client.thigh_angle - TILT == -2.0
    assert f"{client.thigh_angle:g} deg above the table" in text and f"tilted back {TILT:g} deg" in text
    assert f"{-p.tilted_hip_flexion:g} deg of extension" in text
    # "with the tilt each cue's deficit is smaller, and under 'stand tall' none is left"
    for cue in CUES:
        assert p.tilted[cue].deficit < p.compensation[cue].deficit
    assert p.tilted["stand_tall"].deficit == 0.0


@pytest.mark.parametrize("name", list(CLIENTS))
def test_the_pelvis_question_says_the_restriction_is_smaller(name):
    """05-pelvis, for each client: the tilt extends the hip under the thigh, as the function calibrates it."""
    from biomech.lessons.questions import questions

    client = CLIENTS[name]
    answer = {q.key: q for q in questions("05", client=client)}["05-pelvis"].answer()
    assert answer.value.startswith("smaller") and "overstates the restriction" in answer.explanation
    p = modified_thomas_test(**client.readings()).predictions[0]
    assert p.tilted_hip_flexion is not None and p.tilted_hip_flexion < p.hip_flexion


def test_section_7_the_95_percent_band_and_the_between_raters_figures():
    text = " ".join(section("## 7.").split())
    assert f"*within {BAND_WORDS}*" in text and "MDC95 = 2.77 x SEM" in text and "Weir 2005" in text
    # the between-raters sentence quotes the kappas exactly as parameters.csv and the validity notes give them
    hip = PARAMETERS["mtt_hip_standard_error"].source
    assert "kappa 0.47 within and 0.39 between raters" in hip
    assert "kappa 0.39 between raters vs 0.47 within for the hip angle (Peeler & Anderson 2007)" in text
    assert any("kappa 0.40 within and 0.33 between" in n for n in VALIDITY.notes)
    assert "kappa 0.33 between raters vs 0.40 within for the knee (Peeler & Anderson 2008)" in text
    assert "no SEM" in text  # none is invented between raters


def test_section_5_three_findings_three_lockouts():
    results = {name: modified_thomas_test(**c.readings()) for name, c in CLIENTS.items()}
    rf = results["rectus femoris"].predictions[0]
    assert all(s.deficit == 0.0 for states in (rf.compensation, rf.tilted) for s in states.values())
    for p in (r.predictions[0] for r in results.values()):  # "the tilt never makes the deficit larger"
        assert all(p.tilted[cue].deficit <= p.compensation[cue].deficit for cue in CUES)
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
