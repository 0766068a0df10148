"""Start the lab's Voila server on a free local port, for browser tests and benchmarks.

The server runs in the repository root, so Voila reads the same ``voila.json`` there as
``make present`` does (Voila looks for ``voila.json`` in its working directory): one
place for the server settings both share, such as kernel culling.

Browser tests get the server and Chromium from the fixtures of ``tests/conftest.py``
(``voila_url``, ``chromium``) and open the lab with :func:`open_lab` (its matplotlib figure:
the readout, the figure's size, its frames) or a browser drawing with :func:`open_drawing` (the
renderer's ``data-frames``); both wait on conditions, never for a fixed time.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks" / "01_hip_compensation_lab.ipynb"
LESSON_03 = ROOT / "notebooks" / "03_deadlift_lockout.ipynb"
"""The deadlift lesson, whose lift lab (``bm.LiftLab``) the lift's browser tests and benchmark drive."""
VOILA_CONFIG = ROOT / "voila.json"  # read by Voila from its working directory, ROOT
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


CANVAS = ".jupyter-matplotlib-canvas-div canvas"
"""The lab figure's visible canvas (ipympl)."""

FRAME_COUNTER = f"""
(() => {{
  // Count the frames ipympl paints on the visible figure canvas: each drawImage onto it,
  // with the canvas width it was painted at and when.
  window.__hiplabFrames = {{count: 0, width: 0, at: 0}};
  const draw = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {{
    const canvas = this.canvas;
    if (canvas && canvas.isConnected && canvas.matches('{CANVAS}')) {{
      const f = window.__hiplabFrames;
      f.count += 1; f.width = canvas.width; f.at = performance.now();
    }}
    return draw.apply(this, args);
  }};
}})();
"""
"""Init script for a page (``page.add_init_script``): ``window.__hiplabFrames`` counts painted frames."""

FRAMES_SETTLED_MS = 500
"""A figure is settled when no frame has been painted for this long (and it has its size)."""


def frames(page) -> dict:
    """The page's frame counter: ``{"count", "width", "at"}`` (see :data:`FRAME_COUNTER`)."""
    return page.evaluate("() => window.__hiplabFrames")


def wait_for_figure(page, timeout: float = 120.0) -> None:
    """Wait until the lab's figure has the size the page asked for and its frames have stopped.

    The page reports its room to the kernel (the hidden box ``.hiplab-size``); the lab
    resizes the figure to :func:`biomech.apps.lab.figure_width` of it. This returns once the
    canvas has that width, a frame has been painted at that width, and no frame has come
    for :data:`FRAMES_SETTLED_MS` (the resize's full redraw and its blit have arrived).
    Needs :data:`FRAME_COUNTER` installed before the page loaded (:func:`open_lab` does).
    """
    from biomech.apps.lab import RENDER_SCALE, figure_width

    deadline = time.monotonic() + timeout
    while True:
        page.wait_for_function(
            f"() => {{ const c = document.querySelector('{CANVAS}');"
            " const room = document.querySelector('.hiplab-size input');"
            " return c && c.width > 100 && room && room.value !== ''; }",
            timeout=max(1.0, deadline - time.monotonic()) * 1000,
        )
        room = page.evaluate("() => document.querySelector('.hiplab-size input').value")
        expected = round(figure_width(room) * RENDER_SCALE)
        try:
            page.wait_for_function(
                f"""([room, expected, quiet]) => {{
                  const c = document.querySelector('{CANVAS}');
                  const f = window.__hiplabFrames;
                  const box = document.querySelector('.hiplab-size input');
                  if (box.value !== room) return true;  // the room changed: look again
                  return Math.round(c.width / window.devicePixelRatio) === expected && f.width === c.width
                         && performance.now() - f.at > quiet;
                }}""",
                arg=[room, expected, FRAMES_SETTLED_MS],
                timeout=max(1.0, deadline - time.monotonic()) * 1000,
            )
        except Exception as error:  # playwright's TimeoutError: say what was awaited
            raise TimeoutError(
                f"the lab's figure did not settle at {expected} px for the room {room!r}: {frames(page)}"
            ) from error
        if page.evaluate("() => document.querySelector('.hiplab-size input').value") == room:
            return


def open_lab(browser, url: str, width: int, height: int):
    """A fresh page of the lab at a window size, once its figure has been sized and drawn.

    ``browser`` is a Playwright browser (the ``chromium`` fixture), ``url`` the server's
    (the ``voila_url`` fixture). The page counts its figure's frames (:data:`FRAME_COUNTER`).
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    page.add_init_script(FRAME_COUNTER)
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    page.wait_for_selector(".hiplab-readout", timeout=180_000)
    wait_for_figure(page)
    return page


def painted_frames(root: str) -> str:
    """A JavaScript expression: how many frames the browser renderer at ``root`` has painted.

    ``root`` is the CSS selector of the renderer's root element (``.hiplab-web`` for the lab,
    ``.hl-lift`` for the lift lab); the renderer counts its paints in its ``data-frames``
    (0 before the element exists).
    """
    return f"Number((document.querySelector('{root}') || {{dataset: {{}}}}).dataset.frames || 0)"


def open_drawing(browser, url: str, root: str, width: int = 1920, height: int = 1080, timeout: float = 180.0):
    """A fresh page of a Voila URL at a window size, once the browser renderer at ``root`` has painted.

    ``browser`` is a Playwright browser (the ``chromium`` fixture), ``url`` the server's (the
    ``voila_url`` or ``voila_lift_url`` fixture); this waits (up to ``timeout`` s) until
    :func:`painted_frames` of ``root`` is above 0. The page keeps every websocket frame it sends
    to the kernel in ``page.sent`` and every uncaught error in ``page.errors``. The caller closes it.
    """
    page = browser.new_page(viewport={"width": width, "height": height})
    page.sent = []  # every websocket frame the page sends to the kernel
    page.errors = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: page.sent.append(payload)))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_function(f"() => {painted_frames(root)} > 0", timeout=timeout * 1000)
    except Exception:
        page.close()
        raise
    return page


def quiet(page, seconds: float = 2.0) -> None:
    """Wait until a page of :func:`open_drawing` has sent nothing for ``seconds`` (widgets report their
    values once after loading)."""
    count, still = len(page.sent), 0
    for _ in range(600):
        page.wait_for_timeout(100)
        still = still + 1 if len(page.sent) == count else 0
        count = len(page.sent)
        if still >= seconds * 10:
            return
    raise AssertionError("the page never stopped talking to the kernel")


def _texts(page, since: int) -> list[str]:
    """The frames the page sent after its first ``since``, as text (Jupyter's binary frames carry
    their JSON after a binary header)."""
    return [f if isinstance(f, str) else f.decode("utf-8", errors="replace") for f in page.sent[since:]]


def values_sent(page, since: int) -> list[float]:
    """The slider values the page sent the kernel after its first ``since`` frames (``page.sent`` of
    :func:`open_drawing`), in order: the ``"state":{"value": ...}`` of each widget update."""
    return [float(v) for f in _texts(page, since) for v in re.findall(r'"state":\{"value":(-?[0-9.eE+-]+)\}', f)]


def heard(page, words: str, since: int, seconds: float = 10.0) -> bool:
    """Whether a frame the page sent after its first ``since`` frames contains ``words``, waiting up
    to ``seconds`` for one.

    ``since`` is a count of ``page.sent`` taken before the action whose message is awaited: a
    message that left while the caller was checking other things is still found.
    """
    for _ in range(int(seconds * 10) + 1):
        if any(words in f for f in _texts(page, since)):
            return True
        page.wait_for_timeout(100)
    return False


def skip_without_chromium() -> None:
    """Skip the calling test module when Chromium is missing; under CI (``CI=true``) fail."""
    if not os.path.exists(CHROMIUM):
        import pytest

        if os.environ.get("CI"):
            raise RuntimeError(f"CI needs Chromium at {CHROMIUM} for the browser tests")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_voila(
    notebook: Path = NOTEBOOK, timeout: float = 120.0, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Serve ``notebook`` with Voila on 127.0.0.1; yield its URL; always shut it down.

    ``env`` adds environment variables for the server and its kernels, e.g.
    ``{"BIOMECH_LAB_DRAWING": "matplotlib"}`` for the lab's ipympl figure.
    """
    if not VOILA_CONFIG.is_file():
        raise FileNotFoundError(f"{VOILA_CONFIG} (the server settings shared with make present)")
    port = free_port()
    voila = Path(sys.executable).with_name("voila")
    command = [
        str(voila),
        str(notebook),
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--VoilaConfiguration.show_tracebacks=True",
    ]
    log = open(ROOT / ".voila-test.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"Voila exited with {process.returncode}; see .voila-test.log")
            try:
                with urllib.request.urlopen(url + "voila/static/", timeout=2):
                    pass
            except urllib.error.HTTPError:
                break  # the server answers (404 for the folder): it is up
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"Voila did not start on port {port}") from None
                time.sleep(0.5)
                continue
            break
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
