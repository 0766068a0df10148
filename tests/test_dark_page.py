"""Real-browser test: under Voila the lab's Dark toggle darkens the whole page
(biomech.apps.page_theme), markdown, drop-downs and the Advanced panel included."""

from __future__ import annotations

import re

import pytest

from tests.voila_server import skip_without_chromium

pytestmark = pytest.mark.browser
skip_without_chromium()
playwright = pytest.importorskip("playwright.sync_api")

BACKGROUND = "(selector) => getComputedStyle(document.querySelector(selector)).backgroundColor"
COLOUR = "(selector) => getComputedStyle(document.querySelector(selector)).color"


def luminance(css_colour: str) -> float:
    """Relative luminance (0 black to 1 white) of a computed ``rgb()``/``rgba()`` colour."""
    red, green, blue = (int(v) / 255 for v in re.findall(r"[\d.]+", css_colour)[:3])
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_dark_toggle_darkens_page_markdown_dropdown_and_accordion(chromium, voila_url):
    page = chromium.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto(voila_url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_function(
            "() => Number((document.querySelector('.hiplab-web') || {dataset: {}}).dataset.frames) > 0",
            timeout=180_000,
        )
        assert luminance(page.evaluate(BACKGROUND, "body")) > 0.8  # Voila's light page

        page.get_by_role("button", name="Dark (projector)").click()
        page.wait_for_function(
            "() => getComputedStyle(document.body).backgroundColor === 'rgb(17, 17, 17)'",
            timeout=30_000,
        )
        for selector in (
            "body",
            "#rendered_cells",
            ".widget-dropdown select",
            ".jupyter-widget-Collapse-header",
            ".widget-text input",
        ):
            background = page.evaluate(BACKGROUND, selector)
            assert luminance(background) < 0.2, f"{selector}: {background}"
        page.wait_for_function("() => document.querySelector('.hiplab-web').dataset.theme === 'dark'")
        assert page.evaluate(BACKGROUND, ".hiplab-web") == "rgb(17, 17, 17)"  # the drawing too
        for selector in (".jp-RenderedHTMLCommon h1", ".jp-RenderedHTMLCommon p", ".widget-dropdown select"):
            colour = page.evaluate(COLOUR, selector)
            assert luminance(colour) > 0.6, f"{selector}: {colour}"

        page.get_by_role("button", name="Light", exact=True).click()
        page.wait_for_function(
            "() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'",
            timeout=30_000,
        )
        assert luminance(page.evaluate(BACKGROUND, ".widget-dropdown select")) > 0.8
    finally:
        page.close()
