"""The export's options and their checks: formats, figure kinds, the standard set, sizes and captions.

:class:`ExportOptions` is the one definition of the options of
:func:`biomech.export.export_figures`: each field carries its name, default, help and valid
range (:class:`OptionSpec`, in the field's metadata), and from it come the checks
(:func:`validate_options`, each field alone with :func:`check_option`), the function's keywords
and the command line's options (``python -m biomech figures``, :mod:`biomech.__main__`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from biomech._validation import check_choice, check_range
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.model.lockout import CUE_WORDS, MODEL_PARAMETERS, Cue, tissue_choices
from biomech.parameters import PARAMETERS, check_parameter
from biomech.scene.scene import POSTURE_PARAMETERS, Scene, build_scene
from biomech.style.palette import THEMES, Theme, get_theme

__all__ = [
    "CUE_NAMES",
    "DEFAULT_RESTRICTION",
    "DPI",
    "DPI_RANGE",
    "FIGURES",
    "FIGURE_KINDS",
    "FORMATS",
    "MECHANISM_CAPTIONS",
    "SIDE_VIEW_LEVELS",
    "SIZE_IN",
    "ExportOptions",
    "OptionSpec",
    "check_folder",
    "check_formats",
    "check_option",
    "option_specs",
    "parameter_flag",
    "validate_options",
]

FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
FIGURE_KINDS: tuple[str, ...] = ("dashboard", "side_view", "top_down", "curves", "table", "cues")
"""Figures :func:`export_figure` can draw from one Scene."""
SIDE_VIEW_LEVELS: dict[str, float] = {"none": 17.0, "moderate": 2.0, "severe": -20.0}
"""Hip extension available (deg) for the side views at no, moderate and severe
restriction: the parameter's default (normal adults), then two teaching values
(illustrative): in the rotational stage, and beyond the voluntary range of tilt and lumbar
extension (the capped posture, the lockout short) at the default settings."""
FIGURES: tuple[str, ...] = (
    "table",
    "curves",
    "side_view_none",
    "side_view_moderate",
    "side_view_severe",
    "top_down",
    "cues",
    "dashboard",
)
"""File stems of the standard set written by :func:`export_figures`, in order."""
DEFAULT_RESTRICTION = -10.0
"""Hip extension available (deg) for the current state of the standard set."""
SIZE_IN, DPI = (19.2, 10.8), 100.0
"""Figure size (inches) and the default PNG resolution: 1920 x 1080 pixels."""
DPI_RANGE = (50.0, 600.0)
"""The PNG resolutions :func:`~biomech.export.export_figure` accepts."""
CUE_NAMES: Mapping[Cue, str] = CUE_WORDS
"""The cues as the figures name them (the model's one mapping, :data:`biomech.model.lockout.CUE_WORDS`)."""
MECHANISM_CAPTIONS: dict[str, str] = {
    "blog": "Mechanism: the blog's hypothesis (unproven)",
    "geometry": "Mechanism: muscle geometry (gait2392)",
}
"""The caption every exported figure carries, naming the mechanism of the state it shows."""


MECHANISMS: tuple[str, ...] = ("blog", "geometry")
CLI_OVERRIDES: tuple[str, ...] = ("rotation_gain_floor",)
"""The parameters the command line sets as overrides, one option each (``--rotation-gain-floor``)."""


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """The formats, each once, in order (a single string is one format)."""
    if isinstance(formats, str):
        formats = (formats,)
    chosen = tuple(dict.fromkeys(check_choice("formats", f, FORMATS) for f in formats))
    if not chosen:
        raise ValueError("'formats' must name at least one of {'pdf', 'png', 'svg'}; got none.")
    return chosen


def check_folder(folder: str | os.PathLike[str]) -> Path:
    """The output folder: it may be missing (it is created), but must not be a file."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ValueError(f"'out_dir' must be a folder; got {str(out)!r}, which is a file.")
    return out


def _restriction(value: Any, _: Mapping[str, Any]) -> float:
    checked = check_parameter("hip_extension_available", value)
    if checked.ndim:
        raise ValueError(f"'restriction' must be a single number of degrees; got shape {checked.shape}.")
    return float(checked)


def _overrides(value: Any, _: Mapping[str, Any]) -> dict[str, float] | None:
    if value is None:
        return None
    checked = {}
    for name, v in dict(value).items():
        check_choice("overrides", name, MODEL_PARAMETERS + POSTURE_PARAMETERS)
        if np.ndim(v):
            raise ValueError(f"{name!r} must be a single number; got {v!r}.")
        checked[name] = float(check_parameter(name, v))
    return checked


@dataclass(frozen=True)
class OptionSpec:
    """One export option: how it is checked, explained and offered on the command line.

    Attributes
    ----------
    help
        What it does, in a few words (the command line's help, before the valid range and default).
    valid
        The valid values or range, in words (e.g. ``"50 to 600"``).
    check
        ``check(value, options)`` returns the value checked and normalised, or raises a
        ValueError naming the option (or the model's parameter), the value and the valid range;
        ``options`` holds the other options (the tissue depends on the mechanism).
    flag, metavar
        The command line's option and its placeholder (no flag: see ``parameters``).
    parse
        Turns the command line's text into a value (``float``; None: the text itself).
    choices
        For the command line: argparse's choices (it then rejects any other value itself).
    parameters
        For the overrides: the parameters the command line offers, one option each, named,
        explained and bounded by ``data/parameters.csv`` (:func:`parameter_flag`).
    """

    help: str
    valid: str
    check: Callable[[Any, Mapping[str, Any]], Any]
    flag: str | None
    metavar: str | None = None
    parse: Callable[[str], Any] | None = None
    choices: tuple[str, ...] | None = None
    parameters: tuple[str, ...] = ()


def _option(default: Any, spec: OptionSpec) -> Any:
    return field(default=default, metadata={"option": spec})


@dataclass(frozen=True)
class ExportOptions:
    """The options of the standard set of slide figures, checked on creation (the one definition).

    Each field's metadata ``"option"`` is its :class:`OptionSpec`; :func:`option_specs` lists
    them. Creating an instance checks every field in order and raises the first error.

    Raises
    ------
    ValueError
        Naming the option (or the model's parameter it sets), the value and the valid range.

    Examples
    --------
    >>> ExportOptions(formats="svg", restriction=-15).formats
    ('svg',)
    >>> ExportOptions(dpi=5)
    Traceback (most recent call last):
    ...
    ValueError: 'dpi' must be a finite number of dots per inch in [50, 600]; got 5.
    """

    formats: tuple[str, ...] = _option(
        FORMATS,
        OptionSpec(
            "file formats, comma-separated or repeated",
            ", ".join(FORMATS),
            lambda v, _: check_formats(v),
            "--format",
            "FMT",
        ),
    )
    dpi: float = _option(
        DPI,
        OptionSpec(
            "PNG resolution (100: 1920x1080)",
            f"{DPI_RANGE[0]:g} to {DPI_RANGE[1]:g}",
            lambda v, _: float(check_range("dpi", v, *DPI_RANGE, "dots per inch")),
            "--dpi",
            parse=float,
        ),
    )
    restriction: float = _option(
        DEFAULT_RESTRICTION,
        OptionSpec(
            "hip extension available at the tight tissue, in degrees (lower = tighter; negative = flexion "
            "contracture); sets the current state of the curves, top-down view, cue comparison and dashboard",
            f"{PARAMETERS['hip_extension_available'].min:g} to {PARAMETERS['hip_extension_available'].max:g}",
            _restriction,
            "--restriction",
            "DEG",
            float,
        ),
    )
    cue: str = _option(
        "squeeze_glutes",
        OptionSpec(
            "lockout cue", " or ".join(CUE_WORDS), lambda v, _: check_choice("cue", v, CUE_WORDS), "--cue", "CUE"
        ),
    )
    mechanism: str = _option(
        "blog",
        OptionSpec(
            "blog: the blog's hypothesis made explicit; geometry: the same question answered by the 3-D "
            "muscle geometry with the knee",
            " or ".join(MECHANISMS),
            lambda v, _: check_choice("mechanism", v, MECHANISMS),
            "--mechanism",
            choices=MECHANISMS,
        ),
    )
    tissue: str = _option(
        ALL_FLEXORS,
        OptionSpec(
            "restricting tissue (quote names with spaces)",
            f"'{ALL_FLEXORS}' or a flexor of the muscle table, e.g. 'Rectus femoris'",
            lambda v, o: check_choice("tissue", v, tissue_choices(str(o.get("mechanism", "blog")))),
            "--tissue",
            "NAME",
        ),
    )
    theme: str | Theme = _option(
        "light",
        OptionSpec(
            "colours (dark: for projectors in dark rooms)",
            " or ".join(THEMES),
            lambda v, _: v if isinstance(v, Theme) else get_theme(v).name,
            "--theme",
            choices=tuple(THEMES),
        ),
    )
    overrides: Mapping[str, float] | None = _option(
        None,
        OptionSpec(
            "single numbers for any of the model's parameters, for every figure (None: the parameter table's)",
            "each parameter's range in data/parameters.csv",
            _overrides,
            None,
            parameters=CLI_OVERRIDES,
        ),
    )

    def __post_init__(self) -> None:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for f in fields(self):
            object.__setattr__(self, f.name, f.metadata["option"].check(values[f.name], values))

    def keywords(self) -> dict[str, Any]:
        """The options as keywords of :func:`biomech.export.export_figures`."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def scene(self) -> Scene:
        """The current state's scene (restriction, cue, tissue, mechanism and overrides)."""
        return build_scene(
            self.restriction,
            cue=self.cue,  # type: ignore[arg-type]  # checked: one of the cues
            tissue=self.tissue,
            mechanism=self.mechanism,
            **(self.overrides or {}),
        )


def parameter_flag(name: str) -> str:
    """The command line's option for a parameter override: ``rotation_gain_floor`` -> ``--rotation-gain-floor``."""
    return "--" + name.replace("_", "-")


def option_specs() -> dict[str, OptionSpec]:
    """Every export option's :class:`OptionSpec`, by keyword, in order."""
    return {f.name: f.metadata["option"] for f in fields(ExportOptions)}


def check_option(name: str, value: Any, **others: Any) -> Any:
    """Check one option alone (the others, e.g. the mechanism for a tissue, at their given or default values).

    Raises
    ------
    ValueError
        Naming the option (or the model's parameter it sets), the value and the valid range.

    Examples
    --------
    >>> check_option("tissue", "Iliofemoral ligament", mechanism="geometry")
    'Iliofemoral ligament'
    """
    defaults = {f.name: f.default for f in fields(ExportOptions)}
    return option_specs()[name].check(value, {**defaults, **others})


def validate_options(*, out_dir: str | os.PathLike[str] = ".", **options: Any) -> Scene:
    """Check the options of :func:`export_figures` (the fields of :class:`ExportOptions`) without writing anything.

    Returns
    -------
    Scene
        The current state's scene (checking it validates restriction, cue and tissue).

    Raises
    ------
    ValueError
        Naming the first invalid option, what is allowed and what was received; for an
        unknown option, naming it and the options there are.
    """
    check_folder(out_dir)
    return make_options(options).scene()


def make_options(options: Mapping[str, Any]) -> ExportOptions:
    """:class:`ExportOptions` from keywords; an unknown keyword is a ValueError naming the known ones."""
    for name in options:
        check_choice("option", name, option_specs())
    return ExportOptions(**options)
