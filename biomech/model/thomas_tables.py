"""The modified Thomas test as Markdown tables, for lesson 05 (numpy only).

Each function returns Markdown text (show it with ``IPython.display.Markdown``); every
number in it is computed by :mod:`biomech.model.thomas` or read from its sourced data, so
the lesson types none in. Clients are anything with a ``readings()`` method giving the
keywords of :func:`~biomech.model.thomas.modified_thomas_test` (e.g.
:class:`biomech.lessons.cases.Client`).

Examples
--------
>>> errors_markdown().splitlines()[2].split(" | ")[:4]  # the hip angle: SEM, 95% band, MDC95 (deg)
['| hip (thigh) angle', '1', '2', '2.8']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from biomech.anatomy.geometry import path_length
from biomech.anatomy.tissues import tissue_parts
from biomech.formatting import format_degrees
from biomech.model.lockout import CUES, Compensation, compensate
from biomech.model.thomas import (
    BAND_Z,
    CRITERIA,
    ERRORS,
    KENDALL_EXAMPLES,
    MDC_Z,
    WEIR,
    Prediction,
    Readings,
    modified_thomas_test,
)
from biomech.parameters import PARAMETERS

__all__ = [
    "criteria_markdown",
    "errors_markdown",
    "examples_markdown",
    "findings_by_criteria_markdown",
    "knee_markdown",
    "pelvic_tilt_markdown",
    "readings_markdown",
    "results_markdown",
]


class HasReadings(Protocol):
    """A client: its readings as keywords of :func:`~biomech.model.thomas.modified_thomas_test`."""

    def readings(self) -> Readings: ...


def _reading(value: float | None) -> str:
    """A reading in a table cell: degrees through :func:`~biomech.formatting.format_degrees`, or "not read"."""
    return "not read" if value is None else format_degrees(value)


def _table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def readings_markdown(clients: Mapping[str, HasReadings]) -> str:
    """The clients' readings, one row each (degrees)."""
    head = (
        "client",
        "thigh (hanging; + above the table)",
        "knee (hanging)",
        "knee, thigh held down",
        "thigh abduction",
    )
    rows = []
    for name, client in clients.items():
        r = client.readings()
        rows.append(
            (
                name,
                *map(
                    _reading, (r["thigh_angle"], r["knee_flexion"], r["knee_flexion_thigh_held"], r["thigh_abduction"])
                ),
            )
        )
    return _table(head, rows)


def _shown(r: Readings) -> dict[str, str]:
    """The readings given, formatted (a reading not taken is left out)."""
    values = {
        "thigh_angle": r["thigh_angle"],
        "knee_flexion": r["knee_flexion"],
        "knee_flexion_thigh_held": r["knee_flexion_thigh_held"],
        "thigh_abduction": r["thigh_abduction"],
    }
    return {k: format_degrees(v) for k, v in values.items() if v is not None}


def examples_markdown() -> str:
    """Kendall's examples (:data:`~biomech.model.thomas.KENDALL_EXAMPLES`) beside what the function reads."""
    rows: list[tuple[str, ...]] = []
    for e in KENDALL_EXAMPLES:
        r = modified_thomas_test(**e.readings, pelvic_tilt_controlled=True)
        shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in _shown(e.readings).items())
        said = ", ".join(e.tissues) + (f" ({', '.join(format_degrees(d) for d in e.deficits)})" if e.deficits else "")
        got = ", ".join(f"{f.rule.tissue} ({format_degrees(f.margin)})" for f in r.fired) or "none"
        rows.append((e.source + (" [numbers chosen here]" if e.constructed else ""), shown, said, got))
    return _table(("Kendall's example", "readings", "Kendall: short (deficit)", "the function reads"), rows)


def _brief(s: Compensation) -> str:
    """One lockout state in a few words, for a table cell."""
    if s.deficit <= 0:
        return "none"
    parts = [f"{format_degrees(float(s.deficit))} short"]
    bought = float(s.deficit) - float(s.pelvic_tilt)
    if s.rotation_used and bought > 0:
        way = "external" if s.rotation_used > 0 else "internal"
        parts.append(f"{format_degrees(bought)} by {way} rotation ({format_degrees(abs(float(s.rotation_used)))})")
    parts.append(f"tilt {format_degrees(float(s.pelvic_tilt))}")
    return ", ".join(parts)


def _cell(p: Prediction, cue: str) -> str:
    cell = _brief(p.compensation[cue]) if cue in p.compensation else "out of range"
    return cell + (f" → {_brief(p.tilted[cue])}" if cue in p.tilted else "")


def results_markdown(clients: Mapping[str, HasReadings], *, pelvic_tilt_controlled: bool = False) -> str:
    """Several clients' tests (Kendall) side by side: one row per client and suspected tissue.

    The columns give the finding and its deficit, where the tissue was found, and the lockout
    under each cue with the pelvis neutral on the plinth, then (after the arrow) with the
    uncontrolled tilt ``mtt_pelvic_tilt`` when ``pelvic_tilt_controlled`` is False.
    """
    rows: list[tuple[str, ...]] = []
    for name, client in clients.items():
        r = modified_thomas_test(**client.readings(), pelvic_tilt_controlled=pelvic_tilt_controlled)
        margins = {f.rule.tissue: f.margin for f in r.fired}
        if not r.predictions:
            rows.append((name, "none", "", "", ""))
        for p in r.predictions:
            finding = f"{p.tissue} ({format_degrees(margins[p.tissue])})" + (", confounded" if r.confounded else "")
            rows.append((name, finding, p.found_at, *(_cell(p, cue) for cue in CUES)))
    return _table(("client", "finding (deficit)", "found at", "stand tall", "squeeze glutes"), rows)


def knee_markdown(p: Prediction) -> str:
    """A tissue found with the knee bent, beside the same reading taken with the knee straight.

    With the pelvis neutral; then how much straightening the knee from the test shortens the
    tissue and how much the squeeze's hip extension lengthens it (gait2392, mm).
    """
    if p.knee_flexion is None:
        raise ValueError(f"'p' must be a tissue found at a knee angle; {p.tissue!r} does not cross the knee.")
    rows = []
    for cue in CUES:
        straight = compensate(-p.hip_flexion, cue=cue, tissue=p.model_tissue, test_knee_flexion=0.0)
        rows.append((cue.replace("_", " "), p.describe(cue), straight.describe()))
    head = ("cue", "found with the knee bent (the test)", "the same reading with the knee straight")
    squeeze = PARAMETERS["squeeze_demand"].default
    parts = tissue_parts(p.model_tissue)
    knee_mm = 1000 * float(max(path_length(n, knee_flexion=p.knee_flexion) - path_length(n) for n in parts))
    hip_mm = 1000 * float(max(path_length(n, hip_flexion=-squeeze) - path_length(n) for n in parts))
    name = p.tissue[0].upper() + p.tissue[1:]
    return (
        f"{name}, found at {p.found_at}:\n\n{_table(head, rows)}\n\nIn gait2392, straightening the knee from "
        f"{format_degrees(p.knee_flexion)} deg shortens it by {knee_mm:.0f} mm; extending the hip by the squeeze's "
        f"{format_degrees(squeeze)} deg lengthens it by {hip_mm:.0f} mm."
    )


def criteria_markdown() -> str:
    """The rule sets: what each is, its cut-offs, its source and its caveat."""
    rows = []
    for name, c in CRITERIA.items():
        hip, knee, abduction = c.rules
        plus = " + the hip's flexion" if c.knee_adds_hip_flexion else ""
        own = " (the project's own)" if abduction.project_cut_off else ""
        rows.append(
            (
                f"`{name!r}`",
                c.title,
                f"> {format_degrees(hip.threshold)}",
                f"< {format_degrees(knee.threshold)}{plus}",
                f"> {format_degrees(abduction.threshold)}{own}",
                f"{c.source}. {c.caveat}",
            )
        )
    return _table(("`criteria=`", "what it is", "thigh", "knee", "abduction", "source"), rows)


def findings_by_criteria_markdown(clients: Mapping[str, HasReadings]) -> str:
    """Which tissues each rule set finds short, client by client."""
    rows = [
        (name, *(", ".join(modified_thomas_test(**c.readings(), criteria=k).tissues) for k in CRITERIA))
        for name, c in clients.items()
    ]
    return _table(("client", *CRITERIA), rows)


def errors_markdown() -> str:
    """Each reading's measurement error, its 95% band and MDC95 (Weir 2005), and the paper that measured it.

    A finding closer to its cut-off than the band is within the 95% measurement band of one
    reading; the between-raters column quotes what the paper reports for two examiners.
    """
    rows = [
        (
            e.reading,
            *(("none published",) * 3 if e.sem is None else map(format_degrees, (e.sem, e.band or 0.0, e.mdc or 0.0))),
            e.source,
            e.between_raters or "none published",
        )
        for e in ERRORS.values()
    ]
    head = (
        "reading",
        "SEM (deg)",
        f"95% band of one reading, {BAND_Z:g} x SEM (deg)",
        f"real change, MDC95 = {MDC_Z:g} x SEM (deg)",
        "source",
        "between raters",
    )
    return _table(head, rows) + f"\n\nThe bands: {WEIR} (one SEM is a 68% band)."


def pelvic_tilt_markdown() -> str:
    """The uncontrolled pelvic tilt's parameter: its value, range, source and why it was chosen."""
    p = PARAMETERS["mtt_pelvic_tilt"]
    return (
        f"`{p.name}` = {format_degrees(p.default)} deg (range {format_degrees(p.min)} to {format_degrees(p.max)}; "
        f"source: {p.source}): {p.meaning} Why this value: {p.measured}."
    )
