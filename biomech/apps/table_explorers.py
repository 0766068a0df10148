"""Explorers of Neumann's muscle-action table: pick a muscle or an action from a drop-down.

App layer (imports ipywidgets). :func:`explore_muscle` and :func:`explore_action` answer
"what does this muscle do?" and "which muscles do this?", straight from
:mod:`biomech.anatomy.textbook`; the answer is HTML under the drop-down.

References
----------
ipywidgets documentation, "Widget Events" (``observe``) and "Widget List" (``Dropdown``).
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from biomech.anatomy.textbook import ACTIONS, EMPTY_CELLS, ROLES, actions_of, load_actions, muscles_for

__all__ = ["explore_action", "explore_muscle"]


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "".join(f"<li>{html.escape(i)}</li>" for i in items)


def explore_muscle(muscle: str = "Piriformis") -> widgets.VBox:
    """Return a drop-down of the table's muscles and parts, showing each one's actions.

    A plain name (``"Gluteus medius"``) lists the actions of every part; a label with
    its part (``"Gluteus medius (posterior fibers)"``) only that part's, as
    :func:`biomech.anatomy.textbook.actions_of` does. The result is ``.children[1]`` (HTML).
    """
    rows = load_actions()
    names = sorted({r.muscle for r in rows} | {r.label for r in rows})
    choose = widgets.Dropdown(options=names, value=muscle, description="Muscle", layout=widgets.Layout(width="32em"))
    shown = widgets.HTML()

    def show(_: object = None) -> None:
        pairs = actions_of(choose.value)
        shown.value = (
            f"<b>{html.escape(choose.value)}</b><ul>" + _list([f"{action}: {role}" for action, role in pairs]) + "</ul>"
        )

    choose.observe(show, names="value")
    show()
    return widgets.VBox([choose, shown])


def explore_action(action: str = "external rotation") -> widgets.VBox:
    """Return a drop-down of the six actions, showing their primary and secondary muscles.

    The result is ``.children[1]`` (HTML); an empty cell shows the table's statement
    (there is no primary internal rotator: "Not applicable").
    """
    choose = widgets.Dropdown(options=list(ACTIONS), value=action, description="Action")
    shown = widgets.HTML()

    def show(_: object = None) -> None:
        parts = []
        for role in ROLES:
            names = muscles_for(choose.value, role) or (EMPTY_CELLS[(choose.value, role)],)
            parts.append(f"<b>{role.capitalize()}</b><ul>{_list(names)}</ul>")
        shown.value = "".join(parts)

    choose.observe(show, names="value")
    show()
    return widgets.VBox([choose, shown])
