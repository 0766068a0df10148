"""The lab as one self-contained HTML file: every tissue x cue x mechanism, no Python needed to open it.

``python -m biomech page [--out PATH]`` (``make page``) writes it, by default to
``figures/lab.html``. The file holds the renderer (``static/lab.js``), its style sheet
and the scenes (:func:`biomech.web.payload.lab_payload`) for every restricting tissue,
cue and mechanism at the default Advanced settings, over the whole range of available
extension: it opens from ``file://`` with the network off and asks for nothing.

The scenes are JSON, gzip-compressed and base64-encoded inside the page (about a sixth
of their size as text) and unpacked by the browser (``DecompressionStream``, in every
current browser). The file is written atomically (a temporary file in the same folder,
renamed over the target when complete), as :mod:`biomech.export` writes figures.
"""

from __future__ import annotations

import base64
import gzip
import html
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from biomech._files import write_atomically
from biomech.formatting import format_degrees
from biomech.model.compensation import MECHANISMS
from biomech.model.lockout import MODEL_PARAMETERS, tissue_choices
from biomech.parameters import PARAMETERS
from biomech.scene.scene import POSTURE_PARAMETERS
from biomech.web.payload import lab_payload, to_json

__all__ = ["CUES", "DEFAULT_PAGE", "NOTE", "POLICY", "build_html", "page_settings", "renderer_files", "write_page"]

DEFAULT_PAGE = Path("figures") / "lab.html"
"""Where ``python -m biomech page`` writes without ``--out`` (from the current directory)."""
CUES: tuple[str, ...] = ("squeeze_glutes", "stand_tall")
POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"
"""The page's content security policy: its own inline script and style only, no request of any kind."""
NOTE = "Advanced settings fixed at their defaults. The full lab (notebook 01) adds them, slide export and the lessons."
"""The line under the title: what the page fixes and what the full lab adds (the values under it)."""
"""The cues of the page, the first shown first."""


def renderer_files() -> tuple[str, str]:
    """The renderer's ES module and style sheet, as text (package data of :mod:`biomech.web`)."""
    static = resources.files("biomech.web").joinpath("static")
    return static.joinpath("lab.js").read_text("utf-8"), static.joinpath("lab.css").read_text("utf-8")


def page_settings() -> list[dict[str, str]]:
    """Every mechanism x cue x tissue (the tissues each mechanism offers), at the default Advanced settings.

    The first is the lab's start: the blog's hypothesis, "squeeze glutes", all the hip flexors.

    Examples
    --------
    >>> s = page_settings()
    >>> s[0], len(s)
    ({'mechanism': 'blog', 'cue': 'squeeze_glutes', 'tissue': 'hip flexors (all)'}, 34)
    """
    return [{"mechanism": m, "cue": c, "tissue": t} for m in MECHANISMS for c in CUES for t in tissue_choices(m)]


def _fixed_line() -> str:
    """Which settings the page fixes, and what the full lab adds."""
    shown = ", ".join(
        f"{name.replace('_', ' ')} {format_degrees(PARAMETERS[name].default)} {PARAMETERS[name].unit}"
        for name in MODEL_PARAMETERS + POSTURE_PARAMETERS
        if PARAMETERS[name].unit == "deg"
    )
    return (
        f"This page fixes the Advanced settings at their defaults ({shown}; and the rest of the parameter "
        "table). The full lab (notebook 01, <code>make lab</code> or <code>make present</code>) adds the "
        "Advanced settings, figure export for slides and the lessons."
    )


def build_html(payload: Mapping[str, Any], *, title: str = "Hip Compensation Lab") -> str:
    """The page's HTML text: renderer, style sheet and compressed scenes inline.

    Parameters
    ----------
    payload
        From :func:`biomech.web.payload.lab_payload`.
    title
        The page's title and heading.
    """
    script, style = renderer_files()
    packed = base64.b64encode(gzip.compress(to_json(payload).encode("utf-8"), 9, mtime=0)).decode("ascii")
    boot = """
const packed = document.getElementById("hiplab-data").textContent.trim();
const binary = atob(packed), bytes = new Uint8Array(binary.length); // a plain loop: Uint8Array.from's callback is slow
for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
const root = document.getElementById("hiplab");
const header = document.getElementById("hiplab-header");
const lab = mountPage(root, JSON.parse(text));
lab.root.querySelector(".hl-controls").prepend(header);
header.hidden = false;
"""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<title>{html.escape(title)}</title>
<style>
html, body {{ margin: 0; padding: 0; }}
html[data-theme="dark"], html[data-theme="dark"] body {{ background: #111111; color-scheme: dark; }}
{style}
</style>
</head>
<body>
<div id="hiplab-header" class="hl-header" hidden>
<h1 class="hl-title">{html.escape(title)}</h1>
<p class="hl-page-note">{NOTE}</p>
<details class="hl-page-note"><summary>The fixed settings</summary>{_fixed_line()}</details>
</div>
<main id="hiplab" class="hiplab-web"><p>Loading the lab&hellip; (this page needs JavaScript)</p></main>
<script id="hiplab-data" type="application/gzip;base64">{packed}</script>
<script type="module">
{script}
{boot}
</script>
</body>
</html>
"""


def write_page(
    path: str | os.PathLike[str] | None = None, *, settings: Iterable[Mapping[str, Any]] | None = None
) -> Path:
    """Write the one-file lab atomically; return its absolute path.

    Parameters
    ----------
    path
        The HTML file to write (its folder is created if needed); :data:`DEFAULT_PAGE` by default.
    settings
        The settings to include (:func:`page_settings` by default: every mechanism, cue and tissue).

    Notes
    -----
    The settings are computed in up to four processes side by side (one per core).
    """
    target = Path(DEFAULT_PAGE if path is None else path).resolve()
    workers = max(1, min(4, os.cpu_count() or 1))
    text = build_html(lab_payload(page_settings() if settings is None else settings, workers=workers))
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(target, lambda fh: fh.write(text.encode("utf-8")))
