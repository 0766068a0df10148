"""Neumann's table of hip-muscle actions as the textbook lays it out: markdown, HTML or text.

One row per action, a *Primary* and a *Secondary* column, the title with its footnote
marker, the footnote (:data:`~biomech.anatomy.textbook.FOOTNOTE`) and the source below.

Examples
--------
>>> print(textbook_markdown().splitlines()[2])
| Muscles | Primary | Secondary |
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from biomech._lazy import resolve
from biomech._validation import check_choice
from biomech.anatomy.textbook import (
    ACTIONS,
    EMPTY_CELLS,
    FOOTNOTE,
    GROUP_NAMES,
    ROLES,
    TITLE,
    did_you_mean,
    load_actions,
    muscles_for,
    source_note,
    unresolved_cells,
)

__all__ = ["UNRESOLVED", "textbook_html", "textbook_markdown", "textbook_text", "unresolved_line"]

_RENAMED = {
    "as_table": (
        "biomech.anatomy.textbook_render._as_table",
        "biomech.anatomy.textbook_render.textbook_markdown, textbook_html or textbook_text",
    )
}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

UNRESOLVED = "Unresolved"
"""How a rendering marks a cell where the seed's extraction visibly lost or shifted a row."""

_MARK = "*"  # the footnote marker on the title and before the footnote
_FORMATS = ("markdown", "html", "text")
_CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|hsl)a?\([0-9.,% ]+\)")


def unresolved_line(action: str, role: str) -> str | None:
    """The line a rendering adds to a cell marked unresolved (``"Unresolved: ..."``), or None."""
    note = unresolved_cells().get((action, role))
    return f"{UNRESOLVED}: {note}" if note else None


def _cells() -> list[tuple[str, list[str], list[str]]]:
    """Rows of the printed table: (group name, primary lines, secondary lines); an
    unresolved cell ends with its :func:`unresolved_line`."""
    out = []
    for action in ACTIONS:
        lines = []
        for role in ROLES:
            labels = list(muscles_for(action, role)) or [EMPTY_CELLS[(action, role)]]
            note = unresolved_line(action, role)
            lines.append(labels + ([note] if note else []))
        out.append((GROUP_NAMES[action], lines[0], lines[1]))
    return out


def textbook_markdown() -> str:
    """Return the table as Markdown, cells joined with ``<br>``.

    Returns
    -------
    str
        The title with its footnote marker, the table, the footnote, and the source
        with how far the entries are confirmed (:func:`~biomech.anatomy.textbook.source_note`).
    """
    body = [f"**{TITLE}\\{_MARK}**", "", "| Muscles | Primary | Secondary |", "|---|---|---|"]
    body += [f"| {g} | {'<br>'.join(p)} | {'<br>'.join(s)} |" for g, p, s in _cells()]
    return "\n".join(body + ["", f"\\{_MARK}{FOOTNOTE}", "", source_note(), ""])


def textbook_text() -> str:
    """Return the table as fixed-width text, for a terminal (title, table, footnote, source)."""
    rows = _cells()
    w0 = max(len(x) for x in ["Muscles"] + [g for g, _, _ in rows])
    w1 = max(len(x) for x in ["Primary"] + [x for _, p, _ in rows for x in p])
    w2 = max(len(x) for x in ["Secondary"] + [x for *_, s in rows for x in s])
    lines = [TITLE + _MARK, "", f"{'Muscles':<{w0}}  {'Primary':<{w1}}  Secondary"]
    lines.append(f"{'-' * w0}  {'-' * w1}  {'-' * w2}")
    for g, p, s in rows:
        for i in range(max(len(p), len(s))):
            cols = (g if i == 0 else "", p[i] if i < len(p) else "", s[i] if i < len(s) else "")
            lines.append(f"{cols[0]:<{w0}}  {cols[1]:<{w1}}  {cols[2]}".rstrip())
        lines.append("")
    notes = textwrap.wrap(_MARK + FOOTNOTE, 88) + [""] + textwrap.wrap(source_note(), 88)
    return "\n".join(lines + notes) + "\n"


def textbook_html(*, highlight: Mapping[str, str | Sequence[str]] | None = None) -> str:
    """Return the table as self-contained HTML (inline styles; show it with ``IPython.display.HTML``).

    Parameters
    ----------
    highlight
        Label -> CSS colour (``"#D55E00"``, ``"orange"``) used as the background of that
        label wherever it appears, or a sequence of colours (a label playing several
        roles): one horizontal stripe of each, top to bottom.

    Returns
    -------
    str
        The title with its footnote marker, the table, the footnote and the source.

    Raises
    ------
    ValueError
        For a ``highlight`` label not in the table or a value that is not a plain CSS colour.
    """
    return _html(_cells(), _check_highlight(highlight or {}), source_note())


def _as_table(
    fmt: Literal["markdown", "html", "text"] = "markdown",
    *,
    highlight: Mapping[str, str | Sequence[str]] | None = None,
) -> str:
    """The deprecated ``as_table``: one of the three renderers, chosen by ``fmt``."""
    fmt = check_choice("fmt", fmt, _FORMATS)  # type: ignore[assignment]
    if highlight is not None and fmt != "html":
        raise ValueError(f"'highlight' is only used with fmt='html'; got fmt={fmt!r}.")
    if fmt == "html":
        return textbook_html(highlight=highlight)
    return textbook_markdown() if fmt == "markdown" else textbook_text()


def _check_highlight(highlight: Mapping[str, str | Sequence[str]]) -> dict[str, tuple[str, ...]]:
    labels = [r.label for r in load_actions()]
    out = {}
    for label, value in highlight.items():
        if label not in labels:
            raise ValueError(
                f"'highlight' keys must be labels of the table; got {label!r}{did_you_mean(label, labels)}."
            )
        colours = (value,) if isinstance(value, str) else tuple(value)
        if not colours or not all(isinstance(c, str) and _CSS_COLOUR.fullmatch(c.strip()) for c in colours):
            raise ValueError(
                "'highlight' values must be CSS colours like '#D55E00' (or a non-empty sequence "
                f"of them); got {value!r}."
            )
        out[label] = tuple(c.strip() for c in colours)
    return out


def _background(colours: tuple[str, ...]) -> str:
    """CSS background: one colour, or equal horizontal stripes of several."""
    if len(colours) == 1:
        return f"background-color:{colours[0]}"
    step = 100.0 / len(colours)
    stops = ",".join(f"{c} {i * step:g}% {(i + 1) * step:g}%" for i, c in enumerate(colours))
    return f"background:linear-gradient(to bottom,{stops})"


def _html(rows: list[tuple[str, list[str], list[str]]], colours: Mapping[str, tuple[str, ...]], source: str) -> str:
    cell = "border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left"

    def items(labels: list[str]) -> str:
        out = []
        for label in labels:
            text = html.escape(label)
            if label.startswith(UNRESOLVED + ":"):
                text = f"<i>{text}</i>"
            elif label in colours:
                text = f'<span style="{html.escape(_background(colours[label]))}">{text}</span>'
            out.append(f"<div>{text}</div>")
        return "".join(out)

    head = "".join(f'<th style="{cell}">{h}</th>' for h in ("Muscles", "Primary", "Secondary"))
    body = "".join(
        f'<tr><th scope="row" style="{cell}">{html.escape(g)}</th>'
        f'<td style="{cell}">{items(p)}</td><td style="{cell}">{items(s)}</td></tr>'
        for g, p, s in rows
    )
    return (
        '<div class="biomech-muscle-table" style="font-family:sans-serif;font-size:13px">'
        '<table style="border-collapse:collapse">'
        f'<caption style="font-weight:bold;text-align:left;padding-bottom:4px">'
        f"{html.escape(TITLE)}{_MARK}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        f'<p style="font-size:11px;max-width:45em">{_MARK}{html.escape(FOOTNOTE)}</p>'
        f'<p style="font-size:11px;max-width:45em;color:#555">{html.escape(source)}</p></div>'
    )


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming what replaces them."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
