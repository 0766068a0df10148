"""The lab's words beside the figure: its style sheet, readout, notes, table and messages.

Everything here returns HTML strings for :class:`biomech.apps.lab.HipLab`'s widgets;
nothing draws or holds state. Angles go through the project's one formatter
(:func:`biomech.formatting.format_degrees`, for display: a real minus sign and "°"),
so the readout prints the digits the figure and the slides print.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from biomech.anatomy.action_rule import rotation_benefit_from_moment_arms
from biomech.anatomy.textbook_render import textbook_html
from biomech.anatomy.tissues import ALL_FLEXORS, DIRECTIONS, tissue_moment_arms
from biomech.model.compare import disagreement
from biomech.model.lockout import MODEL_PARAMETERS, Compensation, compensate, tissue_choices
from biomech.scene.scene import HIGHLIGHT_ROLES, Scene
from biomech.style import Theme
from biomech.web.payload import band_sentence, readout_lines

__all__ = [
    "ROLE_NAMES",
    "SIZE_CLASS",
    "STANCE_NOTE",
    "css",
    "export_message",
    "readout_html",
    "running_under_voila",
    "size_watcher",
    "state_note",
    "table_html",
    "tissue_note",
]

STANCE_NOTE = (
    "Feet: the stance this hip rotation would need if set before the pull. Planted under a loaded bar, the feet "
    "cannot turn at lockout: there the rotation can only be a torque, or a stance chosen at set-up."
)
"""What the readout's "stance needed: feet ..." means (its tooltip); as :mod:`biomech.lessons.rivals` says."""

ROLE_NAMES = {
    "restricting": "restricting tissue",
    "compensating": "produce the compensation",
    "cue target": "target of the cue",
}
"""The key's words for each highlight role of the muscle table."""
ROLE_ALPHA = "73"
"""Opacity (hex, about 45 %) of a role's stripe behind a table label: dark text stays readable."""
SIZE_CLASS = "hiplab-size"
"""Class of the hidden text box through which the page reports the figure's room."""


def running_under_voila() -> bool:
    """True when the kernel was started by Voila (``make present``): no code, no Jupyter menus."""
    return "VOILA_KERNEL_ID" in os.environ


_CSS = """
.hiplab { --hiplab-font: 15px; font-size: var(--hiplab-font); }
.hiplab.hiplab-presenter { --hiplab-font: 20px; }
@media (max-height: 800px) { .hiplab.hiplab-presenter { --hiplab-font: 17px; } }
.hiplab .widget-label, .hiplab .widget-readout, .hiplab .widget-dropdown select,
.hiplab .widget-toggle-button, .hiplab .widget-button, .hiplab .widget-html-content,
.hiplab .widget-text input, .hiplab .jupyter-widgets-accordion .lm-TabBar-tab, .hiplab summary
    { font-size: var(--hiplab-font); }
.hiplab .widget-html-content { line-height: 1.3; }
.hiplab.hiplab-presenter .widget-slider, .hiplab.hiplab-presenter .widget-dropdown,
.hiplab.hiplab-presenter .widget-toggle-buttons, .hiplab.hiplab-presenter .widget-button,
.hiplab.hiplab-presenter .widget-text { min-height: 36px; }
.hiplab .widget-button { width: auto; padding: 0 12px; }
.hiplab .biomech-muscle-table { font-size: var(--hiplab-font) !important; }
.hiplab .biomech-muscle-table p { font-size: calc(var(--hiplab-font) * 0.8) !important; }
.hiplab-readout { line-height: 1.3; padding: 4px 4px; height: calc(4 * 1.3em + 8px); overflow: hidden; }
.hiplab-readout .widget-html-content { line-height: 1.3; }
.hiplab-status .widget-html-content { overflow-wrap: anywhere; word-break: break-all; line-height: 1.3; }
.hiplab-figure { min-width: 0; overflow: hidden; }
.hiplab.hiplab-dark, .hiplab.hiplab-dark .widget-label, .hiplab.hiplab-dark .widget-readout,
.hiplab.hiplab-dark .widget-html-content { background: #111111; color: #f2f2f2; }
.hiplab-key span { display: inline-block; padding: 1px 8px; margin: 2px 8px 2px 0; border-radius: 3px; }
"""
_VOILA_CSS = """
.hiplab-notebook-only { display: none !important; }
"""


def css(*, voila: bool, zoom: float = 1.0) -> str:
    """The lab's style sheet; under Voila it also hides text meant for Jupyter users.

    Parameters
    ----------
    voila
        Add the rule hiding every element of class ``hiplab-notebook-only`` (the
        notebook's "Run all cells" line: an audience watching ``make present`` runs
        nothing).
    zoom
        How much the page enlarges the figure's canvas (drawn smaller for speed).
    """
    zoomed = f".hiplab-figure .jupyter-matplotlib {{ zoom: {zoom:.6g}; }}\n"
    return "<style>" + _CSS + zoomed + (_VOILA_CSS if voila else "") + "</style>"


def size_watcher() -> str:
    """HTML whose only job is a script: report the figure's room to the kernel.

    The page measures the figure column's width and the height left for the
    figure in the window (or in JupyterLab's notebook panel), whenever either
    changes, and types ``"WIDTHxHEIGHT"`` (CSS pixels) into the lab's hidden text
    box (class :data:`SIZE_CLASS`); the widget sends it to the kernel like any
    typed value. ipympl's canvas keeps its size in pixels; this is how the lab
    learns the room it has. Widget HTML runs no ``<script>`` element, so the script
    is the error handler of an image that cannot load (a data URL, no request).
    """
    script = f"""
(function (img) {{
  var tries = 0;
  function start() {{
    var lab = img.closest('.hiplab');
    var box = lab && lab.querySelector('.{SIZE_CLASS} input');
    var column = lab && lab.querySelector('.hiplab-figure');
    var canvas = lab && lab.querySelector('.jupyter-matplotlib-canvas-container');
    if (!box || !column || !canvas) {{ if (tries++ < 600) setTimeout(start, 100); return; }}
    if (lab.__hiplabWatcher) return;
    lab.__hiplabWatcher = true;
    var scroller = lab.closest('.jp-WindowedPanel-outer, .jp-Notebook');
    var timer = null;
    function report() {{
      var room = scroller ? scroller.getBoundingClientRect().height : window.innerHeight;
      var above = canvas.getBoundingClientRect().top - column.getBoundingClientRect().top;
      var value = Math.floor(column.getBoundingClientRect().width) + 'x' + Math.floor(room - above - 12);
      if (box.value !== value) {{ box.value = value; box.dispatchEvent(new Event('input', {{bubbles: true}})); }}
    }}
    function later() {{ clearTimeout(timer); timer = setTimeout(report, 120); }}
    new ResizeObserver(later).observe(column);
    window.addEventListener('resize', later);
    report();
  }}
  start();
}})(this)"""
    return f'<img alt="" style="display:none" src="data:," onerror="{html.escape(script)}">'


def readout_html(scene: Scene) -> str:
    """The state in words, the drawn angles, and how sure the answer is: what the figure shows, as text.

    The words are :func:`biomech.web.payload.readout_lines` and
    :func:`~biomech.web.payload.band_sentence`, the ones the browser's renderer prints:
    all come from the numbers the figure draws (the scene's poses and band), via
    :func:`~biomech.formatting.format_degrees`.
    """
    words, claim, angles = readout_lines(scene)
    claim = f" {claim}" if claim else ""
    sure = f'<br><small class="hiplab-sure">{html.escape(band_sentence(scene))}</small>'
    angles_html = f'<span title="{html.escape(STANCE_NOTE)}">{html.escape(angles)}</span>'
    return f"<b>{html.escape(words)}</b>{html.escape(claim)}<br>{angles_html}{sure}"


def tissue_note(state: Compensation, floor_mm: float) -> str:
    """Where the rotation benefit k of the restricting tissue comes from, in one line."""
    k = state.rotation_benefit
    if state.mechanism == "geometry":
        return (
            "<small>No deficit in the muscle geometry: the tight tissue reaches at lockout. Restrict it "
            "further to see how the hip makes up the difference.</small>"
        )
    if state.tissue == ALL_FLEXORS:
        why = "illustrative: the blog's hypothesis, not a measured value"
        return f"<small>Rotation benefit k = {k:.2f} deg per deg, external ({why}).</small>"
    arms = tissue_moment_arms()[state.tissue]
    ratio = f"{abs(arms.rotation_mm):.1f} mm / {arms.flexion_mm:.1f} mm"
    _, direction = rotation_benefit_from_moment_arms(arms.flexion_mm, arms.rotation_mm, floor_mm)
    if not direction:
        text = (
            f"Rotation moment arm {abs(arms.rotation_mm):.1f} mm is below the {floor_mm:g} mm floor: "
            "no rotation action, so rotation cannot slacken it"
        )
    else:
        text = f"Rotation benefit k = {ratio} = {k:.2f} deg per deg, by {DIRECTIONS[int(direction)]} rotation"
    return f"<small>{text} (hip geometry: gait2392 muscle paths at 0 deg flexion, Delp et al. 1990).</small>"


def state_note(scene: Scene) -> str:
    """The note under the tissue: where the mechanisms differ (geometry, with a deficit), else :func:`tissue_note`.

    Both read the model's parameters from ``scene.settings`` (its overrides, else the
    parameter table's defaults), the values the scene was computed with.
    """
    state, settings = scene.state, scene.settings
    if state.mechanism == "geometry" and state.deficit > 0:
        options = {k: v for k, v in settings.overrides if k in MODEL_PARAMETERS}
        blog_tissue = state.tissue if state.tissue in tissue_choices("blog") else ALL_FLEXORS
        blog = compensate(state.hip_extension_available, cue=state.cue, tissue=blog_tissue, mechanism="blog", **options)
        note = disagreement(
            blog,
            state,
            moment_arm_floor=settings.value("moment_arm_floor"),
            lockout_knee_flexion=settings.value("lockout_knee_flexion"),
        )
        return f"<small>{html.escape(note)}</small>"
    return tissue_note(state, settings.value("moment_arm_floor"))


def role_colours(highlights: Mapping[str, tuple[str, ...]], theme: Theme) -> dict[str, tuple[str, ...]]:
    """Each highlighted label's colours, one per role it plays (translucent, in role order)."""
    return {
        label: tuple(theme.role_color(role) + ROLE_ALPHA for role in HIGHLIGHT_ROLES if role in roles)
        for label, roles in highlights.items()
    }


def table_html(highlights: Mapping[str, tuple[str, ...]], theme: Theme) -> str:
    """The muscle table with a stripe per role on each highlighted label, and its key beside it.

    A muscle playing several roles (gluteus maximus: the cue's target and an external
    rotator that produces the compensation) shows one stripe per role, so no role
    hides another.
    """
    table = textbook_html(highlight=role_colours(highlights, theme))
    key = "".join(
        f'<span style="background:{theme.role_color(role) + ROLE_ALPHA}">{ROLE_NAMES[role]}</span>'
        for role in HIGHLIGHT_ROLES
    )
    return (
        f'<div style="display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start">{table}'
        f'<div class="hiplab-key" style="max-width:16em"><b>Highlighted</b><br>{key}</div></div>'
    )


def export_message(paths: Iterable[Path]) -> str:
    """'Wrote' and every file's full path, each on its own line (long paths wrap)."""
    files = "".join(f"<br><code>{html.escape(str(Path(p).resolve()))}</code>" for p in paths)
    return f"Wrote{files}"
