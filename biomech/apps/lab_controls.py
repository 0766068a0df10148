"""The lab's controls: one widget per input of the scene, and the Advanced panel of the model's assumptions.

Every slider is bounded, stepped and started by the parameter table (``data/parameters.csv``),
so the page never rounds a starting value; each control's visible label carries its unit.
A control's name is a keyword of :func:`biomech.scene.scene.build_scene` (``theme`` aside).
"""

from __future__ import annotations

import ipywidgets as widgets

from biomech.formatting import format_degrees
from biomech.model.lockout import MODEL_PARAMETERS, tissue_choices
from biomech.parameters import PARAMETERS, Parameter
from biomech.scene.scene import POSTURE_PARAMETERS

__all__ = [
    "ADVANCED",
    "CUE_LABELS",
    "MECHANISM_LABELS",
    "THEMES",
    "advanced_panel",
    "build_controls",
    "labelled",
    "parameter_slider",
    "slider_step",
]

CUE_LABELS = {"Stand tall": "stand_tall", "Squeeze glutes": "squeeze_glutes"}
MECHANISM_LABELS = {"Blog's hypothesis": "blog", "Muscle geometry": "geometry"}
THEMES = ("light", "dark")
SLIDER_STEPS = {"deg": (0.5, 0.1), "mm": (0.5, 0.1), "deg/deg": (0.01,), "body mass": (0.1, 0.05)}
"""Slider steps by unit, coarsest first: a slider takes the coarsest step that has its
default and its bounds on the grid, so the page never rounds a starting value."""
UNIT_SUFFIX = {"deg": "(deg)", "mm": "(mm)", "deg/deg": "(deg per deg)", "body mass": "(body mass)"}
ADVANCED = MODEL_PARAMETERS + POSTURE_PARAMETERS
"""The assumptions under "Advanced": the model's parameters and the standing posture."""


def slider_step(p: Parameter) -> float:
    """The coarsest step of the parameter's unit that has its default and bounds on the grid.

    Examples
    --------
    >>> slider_step(PARAMETERS["hip_extension_available"]), slider_step(PARAMETERS["standing_lumbar_lordosis"])
    (0.5, 0.1)
    """
    steps = SLIDER_STEPS[p.unit]
    for step in steps:
        if all(abs(v / step - round(v / step)) < 1e-9 for v in (p.default - p.min, p.max - p.min)):
            return step
    return steps[-1]


def parameter_slider(name: str) -> widgets.FloatSlider:
    """A slider bounded, stepped and started by the parameter table (arrow keys step it)."""
    p = PARAMETERS[name]
    step = slider_step(p)
    return widgets.FloatSlider(
        value=p.default,
        min=p.min,
        max=p.max,
        step=step,
        readout_format=".2f" if step < 0.1 else ".1f",
        continuous_update=True,
        layout=widgets.Layout(width="100%"),
        tooltip=p.meaning,
    )


def build_controls(theme: str) -> tuple[dict[str, widgets.ValueWidget], dict[str, str]]:
    """One widget per input, and its visible label (with unit), both by input name.

    Parameters
    ----------
    theme
        The starting value of the theme control, ``"light"`` or ``"dark"``.

    Returns
    -------
    controls, labels
        ``hip_extension_available``, ``cue``, ``tissue``, ``mechanism``, ``theme`` and
        every name of :data:`ADVANCED`.
    """
    wide = widgets.Layout(width="100%")
    labels = {
        "hip_extension_available": f"Available hip extension {UNIT_SUFFIX['deg']}",
        "cue": "Cue at lockout",
        "tissue": "Restricting tissue",
        "mechanism": "How the hip makes up the deficit",
        "theme": "Figure theme",
    }
    controls: dict[str, widgets.ValueWidget] = {
        "hip_extension_available": parameter_slider("hip_extension_available"),
        "cue": widgets.ToggleButtons(
            options=list(CUE_LABELS.items()),
            value="squeeze_glutes",
            layout=wide,
            tooltips=[
                "Stand tall: hip at 0° (its standing alignment), no pelvic tuck",
                "Squeeze your bum at the top: the hip taken past neutral "
                f"({format_degrees(PARAMETERS['squeeze_demand'].default)}° by the model's assumption)",
            ],
            style={"button_width": "auto"},
        ),
        "tissue": widgets.Dropdown(options=list(tissue_choices("blog")), value=tissue_choices()[0], layout=wide),
        "mechanism": widgets.ToggleButtons(
            options=list(MECHANISM_LABELS.items()),
            value="blog",
            layout=wide,
            tooltips=[
                "The blog's story: turning out buys extension (illustrative rate)",
                "The 3-D muscle geometry (gait2392, with the knee) decides",
            ],
            style={"button_width": "auto"},
        ),
        "theme": widgets.ToggleButtons(
            options=[("Light", "light"), ("Dark (projector)", "dark")],
            value=theme,
            layout=wide,
            style={"button_width": "auto"},
        ),
    }
    for name in ADVANCED:
        labels[name] = f"{name.replace('_', ' ').capitalize()} {UNIT_SUFFIX[PARAMETERS[name].unit]}"
        controls[name] = parameter_slider(name)
    return controls, labels


def labelled(label: str, control: widgets.Widget) -> widgets.Widget:
    """A control under its bold label."""
    return widgets.VBox([widgets.HTML(f"<b>{label}</b>"), control], layout=widgets.Layout(margin="0 0 6px 0"))


def advanced_panel(controls: dict[str, widgets.ValueWidget], labels: dict[str, str]) -> widgets.Accordion:
    """The Advanced panel: every assumption of :data:`ADVANCED`, labelled, in a closed accordion."""
    advanced = widgets.VBox([labelled(labels[name], controls[name]) for name in ADVANCED])
    accordion = widgets.Accordion(children=[advanced], titles=("Advanced: the model's assumptions",))
    accordion.selected_index = None
    return accordion
