"""Shared base of the views: draw once, then update artists in place."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from biomech.scene.scene import Scene
from biomech.style.palette import Theme, get_theme

__all__ = ["View", "add_line", "join_lines"]


def add_line(ax: Axes, color: str, **kw: object) -> Line2D:
    """Add an empty line (data set later by ``update``) to ``ax`` and return it."""
    artist = Line2D([], [], color=color, **kw)  # type: ignore[arg-type]
    ax.add_line(artist)
    return artist


def join_lines(parts: Iterable[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Join polylines (each shape (K, 2)) into one, separated by NaN, so one artist draws them all.

    Examples
    --------
    >>> x, y = join_lines([np.zeros((2, 2)), np.ones((1, 2))])
    >>> x.tolist()
    [0.0, 0.0, nan, 1.0]
    >>> join_lines([])[0].shape
    (0,)
    """
    gap = np.full((1, 2), np.nan)
    stacked = [np.vstack([np.asarray(part, dtype=float).reshape(-1, 2), gap]) for part in parts]
    joined = np.vstack(stacked)[:-1] if stacked else np.empty((0, 2))
    return joined[:, 0], joined[:, 1]


class View:
    """A view of a :class:`~biomech.scene.scene.Scene` on one Axes.

    Subclasses create every artist in ``__init__`` and change only their data in
    :meth:`update`; they never clear the Axes, never draw and never touch the canvas
    (the caller chooses ``draw_idle`` or blitting).

    Parameters
    ----------
    ax
        The Axes to draw on (from any Figure; pyplot is never used).
    theme
        ``"light"``, ``"dark"`` or a :class:`~biomech.style.Theme`.

    Attributes
    ----------
    animated_artists
        Artists whose data change when only the restriction changes: mark them
        ``animated=True`` to blit them over a cached background. Everything else
        changes only with the cue, tissue or model overrides (then redraw fully).
    """

    animated_artists: tuple[Artist, ...] = ()
    number_labels: tuple[Artist, ...] = ()
    """Texts that print angles: the live lab shows these numbers as HTML instead,
    since text is the costly part of a blitted frame (``docs/architecture.md``, Speed)."""

    def __init__(self, ax: Axes, *, theme: str | Theme = "light") -> None:
        self.ax = ax
        self.theme = get_theme(theme)

    def update(self, scene: Scene) -> None:  # pragma: no cover - abstract
        """Set every artist's data from ``scene`` (no drawing)."""
        raise NotImplementedError

    def background_key(self, scene: Scene) -> Hashable:
        """Return what the non-animated artists depend on in ``scene``.

        When it differs from the key of the scene last drawn in full, redraw fully
        (and re-grab the blitting background); otherwise blitting
        :attr:`animated_artists` is enough. Here: the scene's
        :class:`~biomech.scene.settings.SceneSettings` (cue, tissue, mechanism and
        overrides), which decide the curves, their band, the stages and the standing
        posture; every state of one setting shares them.
        """
        return scene.settings
