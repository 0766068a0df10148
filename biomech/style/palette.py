"""Colours named by meaning (Okabe-Ito), light and dark themes, and the slide style.

Every colour in the figures comes from the Okabe-Ito palette (Okabe & Ito 2008),
chosen to stay distinguishable with the common colour-vision deficiencies. Views ask
a :class:`Theme` for a colour by what it shows (``theme.restricting``,
``theme.rotation``), never by hue, so the dark theme (for projectors in dark rooms)
can swap the dark blue for sky blue without touching the views.

References
----------
Okabe M, Ito K (2008). Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people. jfly.uni-koeln.de/color.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import matplotlib as mpl

from biomech._validation import check_choice

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType  # for the type checker only (recent matplotlib)

__all__ = ["OKABE_ITO", "THEMES", "Theme", "get_theme", "style_params", "theme_dict", "use_theme"]

OKABE_ITO: Mapping[str, str] = MappingProxyType(
    {
        "black": "#000000",
        "orange": "#E69F00",
        "sky_blue": "#56B4E9",
        "bluish_green": "#009E73",
        "yellow": "#F0E442",
        "blue": "#0072B2",
        "vermillion": "#D55E00",
        "reddish_purple": "#CC79A7",
    }
)
"""The eight Okabe-Ito colours by their published names."""


@dataclass(frozen=True)
class Theme:
    """Colours of one theme, named by what they show.

    Attributes
    ----------
    name
        ``"light"`` or ``"dark"``.
    background, foreground
        Figure background; text, axes and the stick figure.
    muted
        Reference drawings (the neutral pose, guide lines, grid).
    restricting
        The restricting tissue (the tight front of the hip).
    rotation
        Hip rotation: rotation used, the feet, the muscles producing it.
    rotation_needed
        Rotation that would be needed to compensate by rotation alone.
    pelvis
        The pelvis and anterior pelvic tilt.
    lumbar
        The lumbar spine and lumbar extension.
    cue_target
        The cue's target muscle (gluteus maximus for "squeeze your bum").
    bone
        Fill of the bones other than the pelvis (femur, shank, foot): a neutral grey.
    none_stage, rotational_stage, lumbopelvic_stage, beyond_range_stage
        Fills of the four stages on the curves (pale; beyond the range: past the
        voluntary tilt and lumbar extension, the lockout stays short).
    highlight_alpha
        Opacity of the highlight boxes behind table labels.
    variant_alpha
        Opacity of the range over the assumption variants, shaded behind a curve in the
        curve's colour.
    """

    name: str
    background: str
    foreground: str
    muted: str
    restricting: str
    rotation: str
    rotation_needed: str
    pelvis: str
    lumbar: str
    cue_target: str
    bone: str
    none_stage: str
    rotational_stage: str
    lumbopelvic_stage: str
    beyond_range_stage: str
    highlight_alpha: float
    variant_alpha: float

    def stage_color(self, stage: str) -> str:
        """Return the fill colour of a stage (``"none"``, ``"rotational"``, ``"lumbopelvic"``, ``"beyond_range"``)."""
        return str(getattr(self, f"{stage}_stage"))

    def role_color(self, role: str) -> str:
        """Return the colour of a highlight role (``"restricting"``, ``"compensating"``, ``"cue target"``)."""
        return {"restricting": self.restricting, "compensating": self.rotation, "cue target": self.cue_target}[role]


_C = OKABE_ITO
THEMES: Mapping[str, Theme] = MappingProxyType(
    {
        "light": Theme(
            name="light",
            background="#FFFFFF",
            foreground="#1A1A1A",
            muted="#8C8C8C",
            restricting=_C["vermillion"],
            rotation=_C["blue"],
            rotation_needed=_C["sky_blue"],
            pelvis=_C["reddish_purple"],
            lumbar=_C["orange"],
            cue_target=_C["bluish_green"],
            bone="#D9D9D9",
            none_stage="#F2F2F2",
            rotational_stage="#D6EAF7",
            lumbopelvic_stage="#FBE3CC",
            beyond_range_stage="#E3E3E3",
            highlight_alpha=0.28,
            variant_alpha=0.3,
        ),
        # Dark rooms and projectors: near-black background; dark blue is too dark on it,
        # so rotation uses sky blue and "needed" a lighter dashed tint of the same hue.
        "dark": Theme(
            name="dark",
            background="#111111",
            foreground="#F2F2F2",
            muted="#9A9A9A",
            restricting=_C["vermillion"],
            rotation=_C["sky_blue"],
            rotation_needed="#A8D8F3",
            pelvis=_C["reddish_purple"],
            lumbar=_C["orange"],
            cue_target=_C["bluish_green"],
            bone="#555555",
            none_stage="#1E1E1E",
            rotational_stage="#14324A",
            lumbopelvic_stage="#4A2C10",
            beyond_range_stage="#383838",
            highlight_alpha=0.45,
            variant_alpha=0.5,
        ),
    }
)
"""The themes by name."""


def get_theme(theme: str | Theme = "light") -> Theme:
    """Return a :class:`Theme` by name (a Theme is returned unchanged).

    Raises
    ------
    ValueError
        For an unknown theme name.
    """
    if isinstance(theme, Theme):
        return theme
    return THEMES[check_choice("theme", theme, THEMES)]


def style_params(theme: str | Theme = "light") -> dict[RcKeyType, Any]:
    """Return the rcParams of ``slides.mplstyle`` with the theme's colours.

    Examples
    --------
    >>> style_params("dark")["figure.facecolor"]
    '#111111'
    """
    t = get_theme(theme)
    with resources.as_file(resources.files("biomech.style").joinpath("slides.mplstyle")) as path:
        params: dict[RcKeyType, Any] = dict(mpl.rc_params_from_file(path, use_default_template=False))
    params.update(
        {
            "figure.facecolor": t.background,
            "figure.edgecolor": t.background,
            "savefig.facecolor": t.background,
            "savefig.edgecolor": t.background,
            "axes.facecolor": t.background,
            "axes.edgecolor": t.foreground,
            "axes.labelcolor": t.foreground,
            "axes.titlecolor": t.foreground,
            "text.color": t.foreground,
            "xtick.color": t.foreground,
            "ytick.color": t.foreground,
            "xtick.labelcolor": t.foreground,
            "ytick.labelcolor": t.foreground,
            "grid.color": t.muted,
            "legend.labelcolor": t.foreground,
            "patch.edgecolor": t.foreground,
        }
    )
    return params


@contextmanager
def use_theme(theme: str | Theme = "light") -> Iterator[Theme]:
    """Apply the slide style and a theme's colours inside a ``with`` block.

    Build *and* save figures inside the block: matplotlib reads some settings (SVG
    ids, fonts) when it saves. Nothing outside the block changes.

    Yields
    ------
    Theme
        The theme's colours, for the views.

    Examples
    --------
    >>> import matplotlib as mpl
    >>> with use_theme("dark") as theme:
    ...     mpl.rcParams["font.size"], theme.rotation
    (18.0, '#56B4E9')
    """
    t = get_theme(theme)
    with mpl.rc_context(style_params(t)):
        yield t


def theme_dict(theme: str | Theme) -> dict[str, Any]:
    """Return a theme's colours as a plain dict (e.g. for an HTML readout)."""
    return asdict(get_theme(theme))
