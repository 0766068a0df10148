"""Slide style and colour palette for the views (matplotlib rcParams, no pyplot).

Use :func:`use_theme` around building and saving a figure::

    with use_theme("dark"):
        fig = Figure()
        ...
        fig.savefig("out.png")

Nothing here changes matplotlib's settings at import time.
"""

from biomech.style.palette import (
    OKABE_ITO,
    THEMES,
    Theme,
    get_theme,
    style_params,
    use_theme,
)

__all__ = ["OKABE_ITO", "THEMES", "Theme", "get_theme", "style_params", "use_theme"]
