"""The modified Thomas test's result in words: its notes, its printed text and its Markdown.

The prose of :func:`biomech.model.thomas.modified_thomas_test`: the caveats that apply to a
client (:func:`reading_notes`, :func:`tilt_note`) and the report of a
:class:`~biomech.model.thomas.ThomasResult` as sections (:func:`report_sections`), printed
(:func:`report_text`, wrapped at word boundaries) or as Markdown (:func:`report_markdown`).
Both are built from the same sections, so what is printed is exactly what was decided.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING

from biomech.formatting import format_degrees
from biomech.model.lockout import CUE_WORDS, CUES
from biomech.model.thomas_predictions import TFL_ASSUMPTION
from biomech.model.thomas_readings import Finding, ReadAt, hip_words, side_words
from biomech.model.thomas_sources import BAND_WORDS, CRITERIA, PROJECT_ABDUCTION_CUT_OFF, WEIR, Criteria
from biomech.parameters import PARAMETERS

if TYPE_CHECKING:
    from biomech.model.thomas import ThomasResult

__all__ = ["NO_RULE_NOTE", "reading_notes", "report_markdown", "report_sections", "report_text", "tilt_note"]

NO_RULE_NOTE = "No rule fired: no tissue to calibrate, so no lockout prediction."
"""The note of a client on whom no rule fired."""

_WIDTH = 100  # characters per printed line; words are never broken


def reading_notes(
    criteria: Criteria,
    at: ReadAt,
    findings: Mapping[str, Finding],
    hanging: tuple[float, float, float],
    knee_flexion_thigh_held: float | None,
) -> list[str]:
    """The caveats on how this client's readings were read, in the order the report gives them.

    ``hanging`` is the hanging leg's ``(thigh_angle, knee_flexion, thigh_abduction)``;
    ``findings`` are read by reading name (:func:`~biomech.model.thomas_readings.apply_rules`).
    """
    t, k, _ = hanging
    kh = knee_flexion_thigh_held
    hip, knee, abduction = findings["thigh_angle"], findings["knee_flexion"], findings["thigh_abduction"]
    notes = []
    if at.held == "came down":
        notes.append(
            f"Holding the thigh down let the knee extend ({format_degrees(k)} -> {format_degrees(kh or 0.0)} deg): "
            "the thigh came down as the knee extended, which Kendall reads as normal one-joint flexors and a short "
            "rectus femoris. The thigh is taken to reach the table; one that comes only part of the way down would "
            "mean both groups are short, which these angles cannot show."
        )
    elif at.held == "stayed up":
        notes.append(
            f"Holding the thigh down did not extend the knee ({format_degrees(k)} -> {format_degrees(kh or 0.0)} "
            "deg): the thigh stays up, held by the one-joint flexors (Kendall: the hip remains flexed with the knee "
            "extended); the knee is read at that hip flexion."
        )
    if kh is None and hip.fired and knee.fired:
        notes.append(
            f"Confounded: from the hanging leg alone, the raised thigh ({side_words(t)}) may be short one-joint "
            "flexors (iliopsoas) or a short rectus femoris lifting the thigh, because the knee is bent. Hold the "
            "thigh down and read the knee (knee_flexion_thigh_held=): if the knee extends as the thigh comes down, "
            "Kendall reads normal one-joint flexors and a short rectus femoris. Both are predicted; one may not be "
            "real."
        )
    if criteria.knee_adds_hip_flexion and knee.fired and at.knee_hip > 0:
        notes.append(
            f"Kendall counts the hip's flexion in the two-joint deficit: the knee may flex as many degrees beyond 80 "
            f"as the hip is flexed, so here the cut-off is {format_degrees(knee.threshold)} deg (his example: "
            "hip 15, knee 70, the two-joint muscles lack 25)."
        )
    if knee.fired and kh is None and t < 0:
        notes.append(
            f"The knee was read with the thigh {side_words(t)}, which stretches rectus femoris further than "
            "Kendall's table-level reading: the knee reading may overstate its shortness. Hold the thigh at table "
            "level."
        )
    if criteria.name == "kendall" and t < 0:
        notes.append(
            "Thigh below the table: Kendall reads this (knee straight) as excess length of the one-joint flexors."
        )
    if abduction.fired:
        cut = (
            f" ({PROJECT_ABDUCTION_CUT_OFF})"
            if abduction.rule.project_cut_off
            else f" (cut-off: {abduction.rule.source})"
        )
        notes.append(
            f"TFL/ITB{cut}: Kendall calls abduction a sign of a short tensor fasciae latae, not a length test for it. "
            "The lockout model has no abduction, so the prediction holds the thigh at the midline and asks the "
            "geometry where the tensor fasciae latae, as long as in the abducted test posture, would stop the hip: "
            f"{TFL_ASSUMPTION}. Harvey's athletes abducted "
            f"{format_degrees(PARAMETERS['mtt_thigh_abduction'].default)} deg on average, so some abduction is "
            "usual and need not be the tensor fasciae latae's end range."
        )
    return notes


def tilt_note(tilt: float) -> str:
    """The caveat of a pelvis not controlled on the plinth, the prediction also given tilted back ``tilt`` deg."""
    return (
        "Pelvic tilt not controlled: if the other knee is pulled past a flat back, the pelvis tilts back, and "
        "with the thigh where it is a posterior tilt extends the hip, so the hip is more extended than the thigh "
        "angle says. The thigh angle overstates the restriction when the pelvis tilts back; the true restriction "
        "may be smaller by up to mtt_pelvic_tilt. If the back arches, the pelvis tilts forward and the thigh angle "
        "understates the restriction; the lab shows only the first. Vigotsky et al. 2016 (abstract): the thigh "
        "angle is a valid measure of hip extension only when pelvic tilt is controlled (pelvic tilt accounted for "
        "the error, r = 0.98; no direction given). The "
        f"tilt was not measured: the prediction is shown with none and with {format_degrees(tilt)} deg of "
        "posterior tilt (mtt_pelvic_tilt, illustrative), which never makes the deficit larger."
    )


def report_sections(result: ThomasResult) -> list[tuple[str, list[str]]]:
    """(heading, items) in reading order; items are unwrapped sentences (a sub-list after a newline)."""
    c = CRITERIA[result.criteria]
    sections: list[tuple[str, list[str]]] = [
        (f"Modified Thomas test read with {c.title}", [f"Source: {c.source}.", _readings_text(result)])
    ]
    fired = []
    for f in result.fired:
        error = f"{f.error.reading}: {f.error.source}"
        if f.error.band is not None:
            where = "within" if f.within_error else "beyond"
            error += (
                f"; {format_degrees(f.margin)} deg from the cut-off, this finding is {where} {BAND_WORDS} of one "
                f"reading: {format_degrees(f.error.band)} deg ({WEIR})"
            )
        fired.append(f"{f.rule.tissue}: {f.claim()} ({f.read_as}; {c.cite}). Measurement error of the {error}.")
    sections.append(("Rules that fired", fired or ["none: no rule points to a short tissue."]))
    if result.predictions:
        items = []
        for p in result.predictions:
            lines = [f"{p.tissue} (model: {p.model_tissue}), found at {p.found_at}:"]
            for cue in CUES:
                if cue in p.compensation:
                    lines.append(f"{CUE_WORDS[cue]}, pelvis neutral on the plinth: {p.describe(cue)}")
                if cue in p.tilted and p.tilted_hip_flexion is not None:
                    tilted = (
                        f"pelvis tilted back {format_degrees(p.tilt)} deg on the plinth (calibrated at "
                        f"{hip_words(p.tilted_hip_flexion)})"
                    )
                    lines.append(f"{CUE_WORDS[cue]}, {tilted}: {p.describe(cue, tilted=True)}")
            items.append("\n".join(lines))
        sections.append(("Lockout prediction (gait2392 geometry, knee straight at lockout)", items))
    sections.append(("Notes", [*result.notes, c.caveat]))
    return sections


def report_text(result: ThomasResult) -> str:
    """The report as plain text, wrapped at :data:`_WIDTH` characters, never inside a word."""
    out = []
    for heading, items in report_sections(result):
        out += _wrap(heading + ":", "", "  ")
        for item in items:
            first, *rest = item.split("\n")
            out += _wrap(first, "  - ", "    ")
            for line in rest:
                out += _wrap(line, "      ", "        ")
    return "\n".join(out)


def report_markdown(result: ThomasResult) -> str:
    """The report as Markdown: bold headings, one bullet per item, its lines as sub-bullets."""
    out = []
    for heading, items in report_sections(result):
        out.append(f"**{heading}**\n")
        for item in items:
            first, *rest = item.split("\n")
            out.append(f"- {first}")
            out += [f"    - {line}" for line in rest]
        out.append("")
    return "\n".join(out)


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrap at word boundaries only: never inside a word or at a hyphen."""
    return textwrap.wrap(
        text,
        width=_WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _readings_text(r: ThomasResult) -> str:
    v = r.readings
    held = v["knee_flexion_thigh_held"]
    text = (
        f"Readings: thigh {side_words(float(v['thigh_angle'] or 0.0))}, knee "
        f"{format_degrees(float(v['knee_flexion'] or 0))} deg (hanging leg), thigh abduction "
        f"{format_degrees(float(v['thigh_abduction'] or 0))} deg; "
    )
    if held is None:
        text += "the thigh was not held down; "
    else:
        text += f"knee {format_degrees(held)} deg with the thigh held down; "
    return text + ("pelvic tilt controlled." if r.pelvic_tilt_controlled else "pelvic tilt not controlled.")
