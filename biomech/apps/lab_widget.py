"""The lab's drawing in the browser: an anywidget holding one setting's 141 scenes.

:class:`LabDrawing` runs the renderer of :mod:`biomech.web` (``static/lab.js``, an ES
module, and ``static/lab.css``) in the page. The kernel sends the scenes of one
setting (cue, tissue, mechanism and the Advanced values) over the whole range of
available extension at once (:func:`biomech.web.payload.lab_payload`, one message);
the restriction slider belongs to the renderer and repaints from those scenes in the
browser, with no kernel round trip. Where the slider rests reaches the kernel as the
``value`` trait a moment after it stops (for Export and the lab's state), never per frame.

Once the page has painted a setting, it says so (a ``{"event": "painted"}`` message) and
the kernel has the settings one click away (:func:`neighbours`) computed in a helper
process (:func:`prefetch`), so that the next tissue, cue or mechanism is usually ready
before it is asked for.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import anywidget
import traitlets

from biomech.model.lockout import tissue_choices
from biomech.web.page import renderer_files
from biomech.web.payload import lab_payload

__all__ = [
    "CACHED_SETTINGS",
    "LabDrawing",
    "fetching",
    "neighbours",
    "prefetch",
    "scene_setting",
    "setting_key",
    "setting_payload",
]

_ESM, _CSS = renderer_files()

CACHED_SETTINGS = 24
"""Settings whose payloads the kernel keeps (the last ones shown and the ones fetched ahead)."""

Key = tuple[tuple[str, Any], ...]
_cache: OrderedDict[Key, dict[str, Any]] = OrderedDict()
_queue: list[tuple[Key, dict[str, Any]]] = []  # to fetch ahead, the likeliest first
_running: dict[Key, Future[dict[str, Any]]] = {}  # at most one, in the helper process
_lock = threading.RLock()
_pool: ProcessPoolExecutor | None = None


def _lower_priority() -> None:
    """The helper process yields the CPU to the kernel and the browser (a nicer process, where the system has one)."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # pragma: no cover - Windows: the same priority
        pass


def _helper() -> ProcessPoolExecutor:
    """One helper process, started on first use ("spawn": the kernel's threads are not copied)."""
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(
            max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
        )
    return _pool


def scene_setting(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The lab's control values that choose its scenes: all but the restriction and the theme."""
    return {k: v for k, v in inputs.items() if k not in ("hip_extension_available", "theme")}


def setting_key(setting: Mapping[str, Any]) -> Key:
    """The setting, floats to 9 decimals: a slider's page sends 29.599999999999994 for 29.6."""
    return tuple(sorted((k, round(v, 9) if isinstance(v, float) else v) for k, v in setting.items()))


def _keep(key: Key, payload: dict[str, Any]) -> None:
    with _lock:
        _cache[key] = payload
        _cache.move_to_end(key)
        while len(_cache) > CACHED_SETTINGS:
            _cache.popitem(last=False)


def setting_payload(**setting: Any) -> dict[str, Any]:
    """The payload of one setting (keywords of :func:`biomech.scene.scene.build_scenes`).

    The last :data:`CACHED_SETTINGS` settings are kept: going back to one (a lecturer
    toggling the cue or the mechanism) or to one fetched ahead (:func:`prefetch`) sends
    its scenes without computing them again. The setting being fetched ahead is waited
    for; the ones queued behind it are dropped (the page moved on). Nobody changes a payload.
    """
    key = setting_key(setting)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
        _queue.clear()
        running = _running.get(key)
    if running is not None:
        try:
            return running.result()
        except Exception:  # noqa: BLE001 - the helper failed (or was stopped): compute it here, as if never asked
            pass
    payload = lab_payload([dict(setting)])
    _keep(key, payload)
    return payload


def _next() -> None:
    """Start the next queued setting in the helper process, if none is running (call with the lock held)."""
    global _pool
    while _queue and not _running:
        key, setting = _queue.pop(0)
        if key in _cache:
            continue
        try:
            future = _helper().submit(lab_payload, [setting])
        except RuntimeError:  # the helper broke or was shut down: a new one next time
            _pool = None
            _queue.clear()
            return
        _running[key] = future
        future.add_done_callback(functools.partial(_done, key))


def _done(key: Key, future: Future[dict[str, Any]]) -> None:
    global _pool
    with _lock:
        _running.pop(key, None)
        if future.cancelled():
            return
        if future.exception() is None:
            _keep(key, future.result())
        elif isinstance(future.exception(), BrokenProcessPool):
            _pool = None
        _next()


def prefetch(settings: Sequence[Mapping[str, Any]]) -> None:
    """Compute these settings' payloads ahead, one after another, in a helper process, and keep them.

    Settings already kept or on their way are skipped. The kernel stays free for the
    page; a setting asked for (:func:`setting_payload`) drops those still queued.
    """
    with _lock:
        queued = {key for key, _ in _queue}
        for setting in settings:
            key = setting_key(setting)
            if key not in _cache and key not in _running and key not in queued:
                _queue.append((key, dict(setting)))
                queued.add(key)
        _next()


def fetching() -> bool:
    """Whether settings are being fetched ahead (running or queued)."""
    with _lock:
        return bool(_running or _queue)


def neighbours(setting: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The settings one click away from ``setting``, the likeliest first.

    The other cue, the other mechanism (the same tissue if it offers it, else its first,
    as the lab's tissue list does), then the tissues after and before in the list.

    Examples
    --------
    >>> [(s["cue"], s["mechanism"], s["tissue"]) for s in neighbours(
    ...     {"cue": "squeeze_glutes", "mechanism": "blog", "tissue": "Iliopsoas"})]  # doctest: +NORMALIZE_WHITESPACE
    [('stand_tall', 'blog', 'Iliopsoas'), ('squeeze_glutes', 'geometry', 'Iliopsoas'),
     ('squeeze_glutes', 'blog', 'Sartorius'), ('squeeze_glutes', 'blog', 'hip flexors (all)')]
    """
    s = dict(setting)
    cue, mechanism, tissue = s["cue"], s["mechanism"], s["tissue"]
    other_mechanism = "geometry" if mechanism == "blog" else "blog"
    offered = tissue_choices(other_mechanism)
    out = [
        {**s, "cue": "stand_tall" if cue == "squeeze_glutes" else "squeeze_glutes"},
        {**s, "mechanism": other_mechanism, "tissue": tissue if tissue in offered else offered[0]},
    ]
    listed = list(tissue_choices(mechanism))
    if tissue in listed:
        i = listed.index(tissue)
        out += [{**s, "tissue": listed[j]} for j in (i + 1, i - 1) if 0 <= j < len(listed) and j != i]
    return out


class LabDrawing(anywidget.AnyWidget):
    """The renderer as a widget: ``payload`` (one setting), ``value`` (available extension, deg), ``theme``.

    ``fetch_ahead`` (not synced; default True): after the page paints a setting, have its
    :func:`neighbours` computed ahead (:func:`prefetch`).

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
    fetch_ahead = traitlets.Bool(True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(self._on_page_message)

    def _on_page_message(self, _: Any, content: Any, buffers: Any) -> None:
        if not (self.fetch_ahead and isinstance(content, dict) and content.get("event") == "painted"):
            return
        shown = self.payload.get("settings") or []
        if len(shown) == 1:
            s = shown[0]
            prefetch(
                neighbours({"cue": s["cue"], "tissue": s["tissue"], "mechanism": s["mechanism"], **s["overrides"]})
            )
