"""The muscle-action table as a figure, in the textbook's layout, with highlights."""

from __future__ import annotations

from collections.abc import Hashable
from typing import cast

import matplotlib as mpl
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.textpath import text_to_path
from matplotlib.transforms import Affine2D, Affine2DBase, ScaledTranslation, Transform, blended_transform_factory

from biomech.anatomy.textbook import ACTIONS, EMPTY_CELLS, FOOTNOTE, GROUP_NAMES, ROLES, TITLE, muscles_for, source_note
from biomech.anatomy.textbook_render import unresolved_line
from biomech.scene.scene import HIGHLIGHT_ROLES, Scene
from biomech.style.palette import Theme
from biomech.views._base import View

__all__ = ["TableView"]

MARKERS = {"restricting": "s", "compensating": "o", "cue target": "*"}
"""Marker of each highlight role (shape as well as colour tells them apart)."""
BOX_PRIORITY = ("cue target", "restricting", "compensating")
"""Which role colours the box of a label that plays several."""
LINE = 1.25
"""Line height as a multiple of the font size."""
INDENT = 2.7
"""Room for the three role markers before each label, in font sizes."""


class TableView(View):
    """Neumann's table of hip-muscle actions, highlighted for the current state.

    Actions in the table's row order, in two blocks side by side (flexors,
    extensors, external rotators | internal rotators, adductors, abductors), each
    with the primary and secondary columns; the title carries the footnote mark and
    the footnote is printed below. A label is highlighted wherever it appears, with a
    tinted box and one marker per role: square = restricting, circle = compensating,
    star = the cue's target.

    Parameters
    ----------
    ax
        Axes to draw on (its frame is hidden). Lines are spaced in points from its
        top edge, so the text keeps its size whatever the Axes' size.
    theme
        Colours (``"light"``, ``"dark"`` or a Theme).
    fontsize
        Font size of the entries in points (title 1.15x); default: ``font.size``.
    blocks
        2: the two blocks side by side (a whole slide); 1: one above the other (a
        narrow column).
    """

    def __init__(
        self, ax: Axes, *, theme: str | Theme = "light", fontsize: float | None = None, blocks: int = 2
    ) -> None:
        super().__init__(ax, theme=theme)
        t = self.theme
        ax.set_axis_off()
        self.size = float(fontsize or mpl.rcParams["font.size"])
        self.line_pt = LINE * self.size
        figure = ax.figure
        if not isinstance(figure, Figure):  # a SubFigure has no width of its own
            raise TypeError(f"the table's Axes must be on a Figure; got {type(figure).__name__}.")
        width_pt = ax.get_position().width * figure.get_figwidth() * 72.0
        self._frac = 1.0 / width_pt  # axes fraction per point
        self._tr = _points_from_top(ax)
        self._cell_limit = 0.0  # wrapped lines narrower than this are indented
        self._font = FontProperties(size=self.size)
        self.entries: list[tuple[str, float, float, float, int]] = []  # label, x, w, y, lines
        y = self._text(0.0, 0.0, "\n".join(self._wrap(TITLE + "*", 1.0 / 1.15)), weight="bold", size=1.15 * self.size)
        y += 0.4 * self.line_pt
        if blocks not in (1, 2):
            raise ValueError(f"'blocks' must be one of {{1, 2}}; got {blocks!r}.")
        block_w = 1.0 / blocks
        self._cell_limit = 0.5 * block_w
        cell_w = 0.5 * (block_w - 2 * self.size * self._frac)
        text_w = cell_w - INDENT * self.size * self._frac  # axes fraction
        ends = [y]
        for block, actions in enumerate((ACTIONS[:3], ACTIONS[3:])):
            x0 = block_w * block if blocks == 2 else 0.0
            yb = y if blocks == 2 or block == 0 else ends[-1]
            if blocks == 2 or block == 0:  # one above the other: the column heads once
                for i, role in enumerate(ROLES):
                    self._text(
                        x0 + i * (cell_w + self.size * self._frac), yb, role.capitalize(), weight="bold", color=t.muted
                    )
                yb += self.line_pt
            for action in actions:
                self._rule(x0, yb + 0.15 * self.line_pt, block_w - 2 * self.size * self._frac)
                heading = yb + 0.25 * self.line_pt
                yb = self._text(x0, heading, GROUP_NAMES[action], weight="bold")
                for i, role in enumerate(ROLES):  # an unresolved cell says so on its heading's line, at its right
                    note = unresolved_line(action, role)
                    if note:
                        right = x0 + (i + 1) * cell_w + i * self.size * self._frac
                        free = self._width(GROUP_NAMES[action] + "    ") * 1.15  # past the bold heading
                        if right - self._width(note) >= x0 + free:
                            end = self._text(right - self._width(note), heading, note, style="italic")
                        else:
                            xc = x0 + i * (cell_w + self.size * self._frac) + INDENT * self.size * self._frac
                            end = self._text(xc, heading, "\n".join(self._wrap(note, text_w)), style="italic")
                        yb = max(yb, end)
                bottom = yb
                for i, role in enumerate(ROLES):
                    xc = x0 + i * (cell_w + self.size * self._frac)
                    yc = yb
                    labels = muscles_for(action, role) or (EMPTY_CELLS[(action, role)],)
                    for label in labels:
                        lines = self._wrap(label, text_w)
                        empty = label in EMPTY_CELLS.values()
                        self._text(
                            xc + INDENT * self.size * self._frac,
                            yc,
                            "\n".join(lines),
                            style="italic" if empty else "normal",
                        )
                        if not empty:
                            self.entries.append((label, xc, cell_w, yc, len(lines)))
                        yc += len(lines) * self.line_pt
                    bottom = max(bottom, yc)
                yb = bottom
            ends.append(yb)
        y = max(ends) + 0.5 * self.line_pt
        self._rule(0.0, y - 0.2 * self.line_pt, 1.0)
        y = self._text(0.0, y, "\n".join(self._wrap("*" + FOOTNOTE, 1.0)))
        source = source_note()
        y = self._text(0.0, y + 0.2 * self.line_pt, "\n".join(self._wrap(source, 1.0)), color=t.muted)
        self._legend(y + 0.4 * self.line_pt)
        self.height_pt = y + 1.6 * self.line_pt
        self.boxes = PolyCollection([], transform=self._tr, edgecolors="none", zorder=0)
        ax.add_collection(self.boxes, autolim=False)
        self.marks = {role: self._marks(role) for role in HIGHLIGHT_ROLES}
        # The boxes sit under the text, so they are not animated (blitting would draw
        # them over it); they change only when background_key() changes.
        self.animated_artists = tuple(self.marks.values())

    def _text(self, x: float, y: float, text: str, *, size: float | None = None, **kw: object) -> float:
        """Place text at (axes fraction x, points y from the top); return the next free y.

        Each line is its own Text on a fixed baseline, so rows line up exactly.
        """
        size = size or self.size
        for line in text.split("\n"):
            self.ax.text(x, y + 0.95 * size, line, transform=self._tr, va="baseline", ha="left", fontsize=size, **kw)  # type: ignore[arg-type]
            y += LINE * size
        return y

    def _wrap(self, text: str, width: float) -> list[str]:
        """Split text into lines no wider than ``width`` (axes fraction), measured in the font."""
        words, lines = text.split(), [""]
        for word in words:
            trial = f"{lines[-1]} {word}" if lines[-1] else word
            if lines[-1] and self._width(trial) > width:
                lines.append("  " + word if width < self._cell_limit else word)
            else:
                lines[-1] = trial
        return lines

    def _width(self, text: str) -> float:
        """Width of ``text`` at the entry font size, as a fraction of the Axes' width."""
        width, _, _ = text_to_path.get_text_width_height_descent(text, self._font, ismath=False)
        return float(width) * self._frac

    def _rule(self, x: float, y: float, width: float) -> None:
        self.ax.add_line(Line2D([x, x + width], [y, y], transform=self._tr, color=self.theme.muted, lw=1))

    def _marks(self, role: str) -> Line2D:
        mark = Line2D(
            [],
            [],
            transform=self._tr,
            ls="none",
            marker=MARKERS[role],
            ms=_marker_size(role, self.size),
            color=self.theme.role_color(role),
            mec=self.theme.foreground,
            mew=1.0,
            zorder=3,
        )
        self.ax.add_line(mark)
        return mark

    def _legend(self, y: float) -> None:
        x = 0.0
        for role in HIGHLIGHT_ROLES:
            self.ax.add_line(
                Line2D(
                    [x + 0.6 * self.size * self._frac],
                    [y + 0.55 * self.line_pt],
                    transform=self._tr,
                    ls="none",
                    marker=MARKERS[role],
                    ms=_marker_size(role, self.size),
                    color=self.theme.role_color(role),
                    mec=self.theme.foreground,
                    mew=1.0,
                    clip_on=False,
                )
            )
            self._text(x + 1.4 * self.size * self._frac, y, role)
            x += 2.6 * self.size * self._frac + self._width(role)

    def background_key(self, scene: Scene) -> Hashable:
        """Highlighted labels and roles: the boxes change only when this does."""
        return tuple(sorted(scene.highlights.items()))

    def update(self, scene: Scene) -> None:
        """Highlight the labels of ``scene.highlights`` (boxes and role markers)."""
        verts, colors = [], []
        points: dict[str, list[tuple[float, float]]] = {role: [] for role in HIGHLIGHT_ROLES}
        pad = 0.3 * self.size * self._frac
        for label, x, w, y, n in self.entries:
            roles = scene.highlights.get(label, ())
            if not roles:
                continue
            top, bottom = y - 0.1 * self.line_pt, y + (n - 0.1) * self.line_pt
            verts.append(np.array([(x - pad, top), (x + w, top), (x + w, bottom), (x - pad, bottom)]))
            first = min(roles, key=BOX_PRIORITY.index)
            colors.append(self.theme.role_color(first))
            for role in roles:
                slot = HIGHLIGHT_ROLES.index(role)
                points[role].append((x + (0.45 + 0.85 * slot) * self.size * self._frac, y + 0.6 * self.size))
        self.boxes.set_verts(verts)
        self.boxes.set_facecolor(colors)
        self.boxes.set_alpha(self.theme.highlight_alpha)
        for role, mark in self.marks.items():
            xy = np.array(points[role], dtype=float).reshape(-1, 2)
            mark.set_data(xy[:, 0], xy[:, 1])


def _marker_size(role: str, fontsize: float) -> float:
    """Marker size in points: the star needs more room to look as big as the others."""
    return (1.05 if role == "cue target" else 0.75) * fontsize


def _points_from_top(ax: Axes) -> Transform:
    """(x in axes fraction, y in points down from the Axes' top) -> display."""
    # transAxes is a BboxTransformTo, an Affine2DBase: the stub only says Transform
    axes_tr = cast(Affine2DBase, ax.transAxes)
    y_tr = Affine2D().scale(1.0, -1.0 / 72.0) + ax.figure.dpi_scale_trans + ScaledTranslation(0.0, 1.0, axes_tr)
    return blended_transform_factory(ax.transAxes, y_tr)
