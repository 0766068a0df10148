"""biomech.apps.page_theme: the CSS that darkens the whole Voila page, and its widget."""

from __future__ import annotations

import ipywidgets as widgets

from biomech.apps.page_theme import DARK_VARIABLES, page_style, page_style_widget
from biomech.style import get_theme


def test_light_adds_nothing_and_dark_sets_the_page_variables_on_root():
    assert page_style(dark=False) == ""
    css = page_style(dark=True)
    assert css.startswith("html:root {")
    for name, value in DARK_VARIABLES.items():
        assert f"{name}: {value};" in css
    assert "color-scheme: dark" in css and "--jp-widgets-dropdown-arrow" in css


def test_the_page_is_the_dark_figure_background():
    theme = get_theme("dark")
    assert DARK_VARIABLES["--jp-layout-color0"].lower() == theme.background.lower()


def test_the_style_widget_follows_the_theme_control():
    control = widgets.ToggleButtons(options=[("Light", "light"), ("Dark", "dark")], value="light")
    style = page_style_widget(control)
    assert style.value == "" and style.layout.display == "none"
    control.value = "dark"
    assert style.value == f"<style>\n{page_style(dark=True)}</style>"
    control.value = "light"
    assert style.value == ""
