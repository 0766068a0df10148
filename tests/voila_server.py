"""Start the lab's Voila server on a free local port, for browser tests and benchmarks.

The server runs in the repository root, so Voila reads the same ``voila.json`` there as
``make present`` does (Voila looks for ``voila.json`` in its working directory): one
place for the server settings both share, such as kernel culling.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).parents[1]
NOTEBOOK = ROOT / "notebooks" / "01_hip_compensation_lab.ipynb"
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
