"""Dark the whole Voila page, not only the lab's box (prototype).

Voila's ``--theme=dark`` (or ``?theme=dark`` in the page's URL) loads JupyterLab's dark
theme, but only when the page loads. To switch with the lab's Light/Dark control, the
kernel sends CSS instead: an :class:`ipywidgets.HTML` widget holding a ``<style>`` block
whose text changes with the control (:func:`page_style_widget`). A style element applies
to the whole page wherever it sits, even inside a hidden widget.

What :func:`page_style` sets, and why:

- **JupyterLab's theme variables on** ``:root`` (``--jp-layout-color0..4``,
  ``--jp-ui-font-color0..3``, ``--jp-content-font-color0..3``, ``--jp-border-color0..3``,
  ``--jp-content-link-color``, ``--jp-rendermime-table-row-*``, ``--jp-input-*``), with
  the values of JupyterLab's own dark theme. The Voila page (``body``, the notebook's
  markdown in ``.jp-RenderedHTMLCommon``) and every ipywidget (buttons, slider, the
  ``.widget-dropdown select``, the accordion's ``.jupyter-widget-Collapse-header``) are
  drawn with these variables, so changing them darkens all of it. They must be set on
  ``:root``, where the theme sets them: ipywidgets defines its own variables there from
  them (``--jp-widgets-input-background-color: var(--jp-layout-color1)``), and a
  variable that refers to another is resolved where it is declared, so an override on
  ``body`` would not reach the drop-down. ``html:root`` outranks the theme's ``:root``.
- ``color-scheme: dark``: Chromium then draws native parts dark as well, such as the
  list a ``<select>`` opens and the scrollbars.
- ``--jp-widgets-dropdown-arrow``: ipywidgets' drop-down arrow is a dark grey image,
  invisible on a dark field; a light one replaces it.
- ``body``, ``#main``, ``#rendered_cells``: Voila's lab template paints its shell
  (``#main``) with ``--jp-layout-color2`` and the column of cells (``#rendered_cells``)
  with ``--jp-layout-color1``; dark, those are two greys around the near-black lab, so
  all three get ``--jp-layout-color0``: one surface on the projector (``html div#main``
  outranks the template's ``div#main``).

The background is the dark figure theme's near-black (``#111111``, as in
:mod:`biomech.style`) so the page, the lab's box and the figure are one surface.

Use it under Voila only: in JupyterLab the same style would darken all of JupyterLab.

Examples
--------
>>> "--jp-layout-color0: #111111" in page_style(dark=True)
True
>>> page_style(dark=False)
''
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["DARK_VARIABLES", "page_style", "page_style_widget"]

#: JupyterLab's dark theme values (``@jupyterlab/theme-dark-extension``), except the
#: page background, which matches the dark figure's ``#111111``.
DARK_VARIABLES = {
    "--jp-layout-color0": "#111111",
    "--jp-layout-color1": "#212121",
    "--jp-layout-color2": "#424242",
    "--jp-layout-color3": "#616161",
    "--jp-layout-color4": "#757575",
    "--jp-ui-font-color0": "rgba(255, 255, 255, 1)",
    "--jp-ui-font-color1": "rgba(255, 255, 255, 0.87)",
    "--jp-ui-font-color2": "rgba(255, 255, 255, 0.54)",
    "--jp-ui-font-color3": "rgba(255, 255, 255, 0.38)",
    "--jp-content-font-color0": "rgba(255, 255, 255, 1)",
    "--jp-content-font-color1": "rgba(255, 255, 255, 1)",
    "--jp-content-font-color2": "rgba(255, 255, 255, 0.7)",
    "--jp-content-font-color3": "rgba(255, 255, 255, 0.5)",
    "--jp-border-color0": "#616161",
    "--jp-border-color1": "#616161",
    "--jp-border-color2": "#424242",
    "--jp-border-color3": "#212121",
    "--jp-content-link-color": "#64b5f6",
    "--jp-rendermime-table-row-background": "#212121",
    "--jp-rendermime-table-row-hover-background": "rgba(3, 169, 244, 0.2)",
    "--jp-input-background": "#424242",
    "--jp-input-active-background": "#111111",
    "--jp-input-hover-background": "#424242",
    "--jp-input-border-color": "#757575",
}

_LIGHT_ARROW = (
    "url(\"data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 18 18'>"
    "<path d='M5.2 5.9 9 9.7l3.8-3.8L14 7.1l-5 5-5-5z' fill='%23f2f2f2'/></svg>\")"
)


def page_style(dark: bool) -> str:
    """CSS that darkens the whole Voila page, or ``""`` for the page's own light theme."""
    if not dark:
        return ""
    variables = "".join(f"  {name}: {value};\n" for name, value in DARK_VARIABLES.items())
    return (
        "html:root {\n"
        "  color-scheme: dark;\n"
        f"{variables}"
        f"  --jp-widgets-dropdown-arrow: {_LIGHT_ARROW};\n"
        "}\n"
        "body, html div#main, html div#rendered_cells { background-color: var(--jp-layout-color0); }\n"
        "body { color: var(--jp-ui-font-color1); }\n"
    )


def page_style_widget(theme: widgets.ValueWidget) -> widgets.HTML:
    """A hidden widget holding :func:`page_style` for ``theme.value`` (``"light"`` or
    ``"dark"``), kept in step with it. Display it once, beside the lab."""
    style = widgets.HTML(layout=widgets.Layout(display="none"))
    style.add_class("biomech-page-style")

    def follow(_: object = None) -> None:
        css = page_style(theme.value == "dark")
        style.value = f"<style>\n{css}</style>" if css else ""

    follow()
    theme.observe(follow, names="value")
    return style
