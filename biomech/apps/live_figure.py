"""A matplotlib figure in a widget that redraws fast: blitting over ipympl.

``docs/architecture.md`` (Speed) gives where the time goes between a key press and new pixels
in the browser; this module takes the fast path. The figure is drawn in full once
(and again only when its static parts change). Every other frame restores the cached
background, draws only the moving artists (``draw_artist``) and sends the result at
once with ``canvas.blit`` - no ``draw_idle`` round trip to the page, no full draw.

Frames are coalesced: :meth:`LiveFigure.request_frame` called many times while the
kernel works through a batch of queued widget events renders once, after the batch,
with the artists' latest data, so the last value always wins.

The figure's size follows the page: :meth:`LiveFigure.resize` keeps the size in inches
and changes the dpi (so text and lines scale with the picture), tells the page the new
canvas size through ipympl's own resize message, and redraws in full once.
"""

from __future__ import annotations

import asyncio
import struct
import warnings
import zlib
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import numpy as np
from ipympl.backend_nbagg import Canvas, FigureManager
from matplotlib.artist import Artist
from matplotlib.figure import Figure

__all__ = ["LiveFigure", "encode_png"]


class LiveFigure:
    """A Figure on an ipympl canvas, with a cached background for blitting.

    Parameters
    ----------
    figsize
        Figure size in inches.
    dpi
        Screen resolution: ``figsize * dpi`` is the canvas size in pixels.
    background_key
        Called after each full draw; its value labels the cached background. A
        frame whose key differs needs a full redraw instead of a blit.

    Attributes
    ----------
    figure, canvas
        The matplotlib Figure and its ipympl canvas (an ipywidgets DOMWidget).
    frames_rendered
        Blitted frames so far (full draws not counted).
    """

    def __init__(self, figsize: tuple[float, float], dpi: float, background_key: Callable[[], Hashable]) -> None:
        self.figure = Figure(figsize=figsize, dpi=dpi)
        self.canvas = _WholeFrameCanvas(self.figure)
        with warnings.catch_warnings():
            # ipympl 0.10's own Toolbar(canvas) call trips a traitlets DeprecationWarning
            # on every figure, pyplot's included; it is not ours to fix, nor the user's.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="traitlets")
            self._manager = FigureManager(self.canvas, num=0)
        self.canvas.header_visible = False
        self.canvas.footer_visible = False
        self.canvas.toolbar_visible = False
        self.canvas.resizable = False
        self.canvas.capture_scroll = False
        self._key_of_scene = background_key
        self._moving: tuple[Artist, ...] = ()
        self._background: Any = None
        self._background_key: Hashable = None
        self._frame_pending = False
        self.frames_rendered = 0
        self.canvas.mpl_connect("draw_event", self._on_draw)

    @property
    def width(self) -> int:
        """The canvas width in CSS pixels (the figure's pixels over the page's pixel ratio)."""
        return round(self.figure.get_figwidth() * self.figure.dpi / self.canvas.device_pixel_ratio)

    def resize(self, width: float) -> bool:
        """Make the canvas ``width`` CSS pixels wide, same shape; redraw in full once.

        The size in inches stays, the dpi changes: everything, text included, scales
        with the picture. The page learns the new canvas size from ipympl's resize
        message; the full draw that follows re-grabs the blitting background.

        Parameters
        ----------
        width
            CSS pixels, at least 100.

        Returns
        -------
        bool
            False when the canvas already had this width (nothing is sent).
        """
        if not width >= 100:
            raise ValueError(f"'width' must be at least 100 CSS pixels; got {width!r}.")
        if round(width) == self.width:
            return False
        css_dpi = round(width) / self.figure.get_figwidth()
        # matplotlib scales a figure's dpi by the page's pixel ratio from _original_dpi:
        # set both, as Figure.__init__ does, so a later ratio change keeps this size.
        self.figure._original_dpi = css_dpi  # type: ignore[attr-defined]  # private: matplotlib's stub omits it
        self.figure.set_dpi(css_dpi * self.canvas.device_pixel_ratio)
        self._manager.resize(*self.figure.bbox.size)
        self.redraw()
        return True

    def redraw(self) -> None:
        """Draw everything once (after the static parts or the size changed)."""
        self._background = None
        self.canvas._force_full = True
        self.canvas.draw_idle()

    def set_moving(self, artists: Sequence[Artist]) -> None:
        """Mark the artists that change from frame to frame (they are blitted)."""
        self._moving = tuple(artists)
        for artist in self._moving:
            artist.set_animated(True)
        self._background = None

    def show(self, key: Hashable) -> None:
        """Show the artists' new data: blit when the background still fits ``key``."""
        if key == self._background_key and self._background is not None:
            self.request_frame()
        else:
            self._background = None  # the static parts changed too: one full redraw
            self.canvas.draw_idle()

    def request_frame(self) -> None:
        """Render once for a burst of events: later events in the batch only update data."""
        if self._frame_pending:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (plain Python, tests): render now
            self.render_frame()
            return
        self._frame_pending = True
        loop.call_soon(self.render_frame)

    def render_frame(self) -> None:
        """Blit the moving artists over the cached background (or ask for a full draw)."""
        self._frame_pending = False
        if self._background is None:
            self.canvas.draw_idle()
            return
        self.canvas.restore_region(self._background)
        self._draw_moving()
        self.canvas.blit(self.figure.bbox)
        self.frames_rendered += 1

    def _on_draw(self, event: Any) -> None:
        """After a full draw: cache the static background, then draw the moving artists."""
        if event is not None and event.canvas.is_saving():
            return  # savefig draws too, on canvases that cannot copy a region
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._background_key = self._key_of_scene()
        self._draw_moving()

    def _draw_moving(self) -> None:
        for artist in self._moving:
            self.figure.draw_artist(artist)


class _WholeFrameCanvas(Canvas):
    """ipympl's canvas, sending every frame whole and quickly encoded.

    ipympl sends "diff" frames (only the pixels that changed) that the page paints
    over its last frame. When frames arrive faster than the page decodes them, the
    page drops one, and from then on the diffs paint over a wrong picture: ghost
    markers stay behind. A whole frame can be dropped safely (the next one replaces
    everything). See :func:`encode_png` for the encoding.
    """

    _png_is_old: bool  # a traitlets Bool of ipympl's Canvas (untyped here): true after a draw

    def get_diff_image(self) -> bytes | None:
        if not self._png_is_old:
            return None
        pixels = np.asarray(self.get_renderer().buffer_rgba())
        self.set_image_mode("full")
        if self.syncing_data_url:  # no page yet: ipympl keeps the frame for its data URL
            self._last_buff = pixels.view(np.uint32).squeeze(2).copy()
        self._force_full = False
        self._png_is_old = False
        return encode_png(pixels)

    def _handle_message(self, object: Any, content: dict[str, Any], buffers: Any) -> None:
        super()._handle_message(object, content, buffers)
        if content["type"] == "initialized":
            # ipympl's page sets its own copy of ``resizable`` to true when it connects
            # (a resize handle appears in the corner); the lab sizes the figure itself.
            self.send_state("resizable")


def encode_png(pixels: np.ndarray) -> bytes:
    """Encode an RGBA image (H x W x 4, uint8) as a lossless PNG, fast.

    Pillow filters every row adaptively before compressing, which is what costs
    time on a 1200 x 675 frame (about 17 ms); the figure is mostly flat colour, so
    unfiltered rows with zlib level 1 are about twice as fast for a similar size.
    RGBA is kept even for the opaque figure: dropping the alpha channel needs a
    strided copy that costs more than the quarter less it gives zlib. The format is
    the PNG specification's minimum: signature, IHDR (8-bit RGBA), one IDAT, IEND.
    """
    height, width = pixels.shape[:2]
    rows = np.empty((height, 1 + 4 * width), np.uint8)
    rows[:, 0] = 0  # filter byte 0 ("none") per row
    rows[:, 1:] = np.ascontiguousarray(pixels).reshape(height, -1)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _png_chunk(b"IHDR", header),
            _png_chunk(b"IDAT", zlib.compress(rows.tobytes(), 1)),
            _png_chunk(b"IEND", b""),
        )
    )


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
