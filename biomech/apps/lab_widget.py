"""The lab's drawing in the browser: an anywidget holding one setting's 141 scenes.

:class:`LabDrawing` runs the renderer of :mod:`biomech.web` (``static/lab.js``, an ES
module, and ``static/lab.css``) in the page. The kernel sends the scenes of one
setting (cue, tissue, mechanism and the Advanced values) over the whole range of
available extension at once (:func:`biomech.web.payload.lab_payload`, one message);
the restriction slider belongs to the renderer and repaints from those scenes in the
browser, with no kernel round trip. Where the slider rests reaches the kernel as the
``value`` trait a moment after it stops (for Export and the lab's state), never per frame.
"""

from __future__ import annotations

import functools
from typing import Any

import anywidget
import traitlets

from biomech.web.page import renderer_files
from biomech.web.payload import lab_payload

__all__ = ["LabDrawing", "setting_payload"]

_ESM, _CSS = renderer_files()


def setting_payload(**setting: Any) -> dict[str, Any]:
    """The payload of one setting (keywords of :func:`biomech.scene.scene.build_scenes`).

    The last few settings are kept: going back to one (a lecturer toggling the cue or the
    mechanism) sends its scenes without computing them again. Nobody changes a payload.
    """
    return _cached(tuple(sorted(setting.items())))


@functools.lru_cache(maxsize=16)
def _cached(setting: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    return lab_payload([dict(setting)])


class LabDrawing(anywidget.AnyWidget):
    """The renderer as a widget: ``payload`` (one setting), ``value`` (available extension, deg), ``theme``.

    Examples
    --------
    >>> drawing = LabDrawing(payload=setting_payload(mechanism="blog"), value=-10.0)  # doctest: +SKIP
    """

    _esm = _ESM
    _css = _CSS
    payload = traitlets.Dict().tag(sync=True)
    value = traitlets.Float(17.0).tag(sync=True)
    theme = traitlets.Unicode("light").tag(sync=True)
    layout_mode = traitlets.Unicode("stacked").tag(sync=True)
