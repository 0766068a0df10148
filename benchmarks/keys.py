"""Arrow-key presses in a page and their latency to the renderer's next paint (shared by the browser benchmarks).

The browser drawing (``biomech/web/static/lab.js`` and ``lift.js``) bumps its root's
``data-frames`` after each paint. :func:`watch_paints` stamps a key press in the page (a
capture-phase listener) and, when the root's ``data-frames`` next changes, the first task
after the next animation frame (so the frame's style, layout and paint are included);
:func:`presses` presses the keys and reads each latency. A page drawn another way (ipympl's
canvas, an ``<img>``) installs its own watcher that fills the same ``window.__lat``.
"""

from __future__ import annotations

import time


def watch_paints(root: str) -> str:
    """A script for ``page.evaluate``: each key press's latency to the next paint of the renderer at ``root``.

    ``root`` is the CSS selector of the renderer's root element (``.hiplab-web``, ``.hl-lift``).
    The result goes to ``window.__lat.result`` (ms), as :func:`presses` reads it.
    """
    return f"""
() => {{
  const root = document.querySelector('{root}');
  window.__lat = {{pressed: null, result: null}};
  document.addEventListener('keydown', () => {{
    window.__lat.pressed = performance.now(); window.__lat.result = null;
  }}, true);
  new MutationObserver(() => {{
    const s = window.__lat;
    if (s.pressed === null) return;
    const pressed = s.pressed;
    s.pressed = null;
    requestAnimationFrame(() => setTimeout(() => {{ s.result = performance.now() - pressed; }}, 0));
  }}).observe(root, {{attributes: true, attributeFilter: ['data-frames']}});
}}
"""


def presses(
    page, focus: str, count: int, *, first: str = "ArrowLeft", settle: float = 0.15, timeout: float = 10.0
) -> list[float]:
    """Press the arrow keys ``count`` times on ``focus``; each press's latency, ms.

    ``first`` (``"ArrowLeft"`` or ``"ArrowRight"``) for 40 presses, then the other way for 40,
    and so on; ``settle`` seconds between presses (a presenter's pace: the next press starts from
    a settled frame); ``timeout`` seconds for one press's result in ``window.__lat.result``
    (set by :func:`watch_paints` or a page's own watcher).
    """
    other = {"ArrowLeft": "ArrowRight", "ArrowRight": "ArrowLeft"}[first]
    page.locator(focus).first.focus()
    out = []
    for i in range(count):
        page.keyboard.press(first if (i // 40) % 2 == 0 else other)
        page.wait_for_function("() => window.__lat.result !== null", timeout=timeout * 1000)
        out.append(page.evaluate("() => window.__lat.result"))
        time.sleep(settle)
    return out
