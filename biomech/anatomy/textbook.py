"""Neumann's table of hip-muscle actions: load it, query it, show it.

The table sorts the muscles of the hip by the action each produces, as a *primary* or a
*secondary* mover, with every action judged from the anatomic position (the table's
footnote, :data:`FOOTNOTE`). It is read from ``biomech/data/hip_muscle_actions.csv``,
one row per (muscle, part, action, role). The rows are the table as the blog copy the
project started from prints it, its interleaved columns split again; none has been
checked against the book yet, and each row says so (``MuscleAction.confirmed``,
:data:`SEED_TEXT`). ``biomech/data/README.md`` gives the source and every place where
the data differ from the blog's text.

A muscle part is written as the blog prints it, in a label such as
``"Gluteus medius (posterior fibers)"``; whole muscles have no part (``"Iliopsoas"``).
The one empty cell, the primary internal rotators, is an explicit statement
(:data:`EMPTY_CELLS`), not a muscle.

Examples
--------
>>> muscles_for("extension", "secondary")
('Gluteus medius (middle and posterior fibers)', 'Adductor magnus (anterior head)')
>>> muscles_for("internal rotation", "primary")
()
>>> actions_of("gluteus medius (posterior fibers)")
(('external rotation', 'secondary'),)

Length: Loading, checking and querying the one table stay together (the table's rendering is
in :mod:`biomech.anatomy.textbook_render`).
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from biomech._validation import check_choice

__all__ = [
    "ACTIONS",
    "DATA_FILE",
    "EMPTY_CELLS",
    "FOOTNOTE",
    "GROUP_NAMES",
    "ROLES",
    "SEED_TEXT",
    "TITLE",
    "MuscleAction",
    "actions_of",
    "did_you_mean",
    "flexors",
    "load_actions",
    "muscles_for",
    "source_note",
    "unresolved_cells",
]

DATA_FILE = "hip_muscle_actions.csv"
#: Title and footnote of the printed table; the citation is each row's ``source``.
TITLE = "Muscles of the Hip, Organized According to Primary or Secondary Actions"
FOOTNOTE = (
    "Each action assumes a muscle is fully activated from the anatomic position. "
    "Several of these muscles may have a different action when they are activated "
    "outside of this reference position."
)
#: Actions in the table's row order, as the blog copy prints it (not confirmed against
#: the book; the data README explains this order).
ACTIONS: tuple[str, ...] = (
    "flexion",
    "extension",
    "external rotation",
    "internal rotation",
    "adduction",
    "abduction",
)
ROLES: tuple[str, ...] = ("primary", "secondary")
#: Row headings of the printed table, one per action.
GROUP_NAMES: Mapping[str, str] = {
    "flexion": "Flexors",
    "extension": "Extensors",
    "external rotation": "External rotators",
    "internal rotation": "Internal rotators",
    "adduction": "Adductors",
    "abduction": "Abductors",
}
#: Cells the textbook fills with a statement instead of muscles.
EMPTY_CELLS: Mapping[tuple[str, str], str] = {("internal rotation", "primary"): "Not applicable"}
#: The ``confirmed`` value of an entry taken from the blog copy and not yet read in the book.
SEED_TEXT = "seed text, not confirmed against the book"

_COLUMNS = ("muscle", "part", "action", "role", "order", "source", "confirmed", "unresolved")


@dataclass(frozen=True)
class MuscleAction:
    """One entry of the table: a muscle (or part) producing an action in a role.

    Attributes
    ----------
    muscle
        Muscle name as printed, e.g. ``"Gluteus medius"``.
    part
        Part as printed (``"posterior fibers"``, ``"long head"``), or ``""`` for the
        whole muscle.
    action
        One of :data:`ACTIONS`.
    role
        ``"primary"`` or ``"secondary"``.
    order
        Position (from 1) within its action-and-role cell, as printed.
    source
        Citation of the table.
    confirmed
        How far the entry is checked: :data:`SEED_TEXT` for an entry as the blog copy
        prints it and not read in the book; otherwise how it was confirmed.
    unresolved
        ``""``, or why the cell this entry is in is unresolved: where the seed's
        extraction visibly lost or shifted a row (``biomech/data/README.md``).

    Examples
    --------
    >>> MuscleAction("Biceps femoris", "long head", "extension", "primary", 2, "x", SEED_TEXT).label
    'Biceps femoris (long head)'
    """

    muscle: str
    part: str
    action: str
    role: str
    order: int
    source: str
    confirmed: str
    unresolved: str = ""

    @property
    def label(self) -> str:
        """Display label as the textbook prints it, e.g. ``"Adductor magnus (anterior head)"``."""
        return f"{self.muscle} ({self.part})" if self.part else self.muscle


@functools.cache
def load_actions() -> tuple[MuscleAction, ...]:
    """Load the table, in printed order (action rows, primary then secondary cells).

    Returns
    -------
    tuple of MuscleAction
        Every (muscle, part, action, role) entry; loaded once and cached.

    Raises
    ------
    ValueError
        If the CSV has other columns, an unknown action or role, a cell whose ``order``
        is not 1, 2, 3, ..., a repeated label in a cell, an empty source or
        ``confirmed``, or a cell that
        is empty without being declared in :data:`EMPTY_CELLS` (or the reverse). The
        message names the file and the row.
    """
    text = resources.files("biomech").joinpath("data").joinpath(DATA_FILE).read_text("utf-8")
    return _parse(text)


def _parse(text: str) -> tuple[MuscleAction, ...]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{DATA_FILE}: columns must be {_COLUMNS}; got {reader.fieldnames}.")
    rows: list[MuscleAction] = []
    for line, raw in enumerate(reader, start=2):
        where = f"{DATA_FILE}, line {line}"
        if raw["action"] not in ACTIONS or raw["role"] not in ROLES:
            raise ValueError(f"{where}: unknown action/role {raw['action']!r}/{raw['role']!r}.")
        for column in ("muscle", "source", "confirmed"):
            if not raw[column].strip():
                raise ValueError(f"{where}: {column!r} must not be empty; got {raw[column]!r}.")
        cell = [r for r in rows if (r.action, r.role) == (raw["action"], raw["role"])]
        if not raw["order"].isdigit():
            raise ValueError(f"{where}: 'order' must be a positive integer; got {raw['order']!r}.")
        item = MuscleAction(
            raw["muscle"],
            raw["part"],
            raw["action"],
            raw["role"],
            int(raw["order"]),
            raw["source"],
            raw["confirmed"],
            raw["unresolved"].strip(),
        )
        if item.order != len(cell) + 1:
            expected = len(cell) + 1
            raise ValueError(f"{where}: 'order' must be {expected} in its cell; got {item.order}.")
        if item.label in {r.label for r in cell}:
            raise ValueError(f"{where}: {item.label!r} appears twice in one cell.")
        rows.append(item)
    for action in ACTIONS:
        for role in ROLES:
            filled = any((r.action, r.role) == (action, role) for r in rows)
            if filled == ((action, role) in EMPTY_CELLS):
                state = "has rows although it is" if filled else "has no rows and is not"
                raise ValueError(f"{DATA_FILE}: cell {action}/{role} {state} in EMPTY_CELLS.")
    order = {(a, r): i for i, (a, r) in enumerate((a, r) for a in ACTIONS for r in ROLES)}
    return tuple(sorted(rows, key=lambda r: (order[(r.action, r.role)], r.order)))


def _choice(name: str, value: object, choices: tuple[str, ...]) -> str:
    """Validate a choice case-insensitively; raise the project's standard message."""
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    return check_choice(name, value, choices)  # raises


def muscles_for(action: str, role: str | None = None) -> tuple[str, ...]:
    """Return the labels of the muscles producing ``action``, in printed order.

    Parameters
    ----------
    action
        One of :data:`ACTIONS` (case-insensitive), e.g. ``"external rotation"``.
    role
        ``"primary"``, ``"secondary"``, or ``None`` for both (primary first).

    Returns
    -------
    tuple of str
        Labels such as ``"Gluteus minimus (anterior fibers)"``; empty for a cell in
        :data:`EMPTY_CELLS` (there is no primary internal rotator).

    Raises
    ------
    ValueError
        If ``action`` or ``role`` is not one of the choices (with a suggestion).

    Examples
    --------
    >>> muscles_for("flexion", "secondary")
    ('Adductor brevis', 'Gracilis', 'Gluteus minimus (anterior fibers)')
    """
    action = _choice("action", action, ACTIONS)
    roles = ROLES if role is None else (_choice("role", role, ROLES),)
    return tuple(r.label for r in load_actions() if r.action == action and r.role in roles)


def flexors() -> tuple[str, ...]:
    """Return the labels of every hip flexor, primary then secondary, in printed order.

    Examples
    --------
    >>> flexors()[:3]
    ('Iliopsoas', 'Sartorius', 'Tensor fasciae latae')
    """
    return muscles_for("flexion")


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def actions_of(muscle: str) -> tuple[tuple[str, str], ...]:
    """Return the ``(action, role)`` pairs of a muscle or muscle part, in printed order.

    Parameters
    ----------
    muscle
        Either a label with its part, ``"Gluteus medius (posterior fibers)"``, which
        matches that exact part only, or a plain muscle name, ``"Gluteus medius"``,
        which matches the whole muscle *and all its parts*. Case and extra spaces are
        ignored. A combined part matches only as printed: ``"Adductor magnus
        (posterior head)"`` does not include the adduction row of ``"Adductor magnus
        (anterior and posterior heads)"``; ask for ``"Adductor magnus"`` for all.

    Returns
    -------
    tuple of (str, str)
        Each pair once, ordered by :data:`ACTIONS`, primary before secondary.

    Raises
    ------
    ValueError
        If the name is neither a muscle nor a label of the table; the message
        suggests the closest names.

    Examples
    --------
    >>> actions_of("Adductor magnus")  # doctest: +NORMALIZE_WHITESPACE
    (('extension', 'primary'), ('extension', 'secondary'),
     ('internal rotation', 'secondary'), ('adduction', 'primary'))
    """
    rows = load_actions()
    if isinstance(muscle, str):
        key = _key(muscle)
        hits = [r for r in rows if _key(r.muscle) == key]  # a plain name: all parts
        hits = hits or [r for r in rows if _key(r.label) == key]  # a label: that part only
        if hits:
            return tuple(dict.fromkeys((r.action, r.role) for r in hits))
    names = [r.muscle for r in rows] + [r.label for r in rows]
    raise ValueError(
        f"'muscle' must be a muscle name or label of the table; got {muscle!r}"
        f"{did_you_mean(muscle, names)}. See load_actions() for every label."
    )


def did_you_mean(value: object, names: list[str]) -> str:
    """Return ``" (did you mean 'A' or 'B'?)"`` for the closest names, or ``""``."""
    if not isinstance(value, str):
        return ""
    folded = {_key(n): n for n in names}
    close = difflib.get_close_matches(_key(value), list(folded), n=3, cutoff=0.6)
    return " (did you mean " + " or ".join(repr(folded[c]) for c in close) + "?)" if close else ""


def unresolved_cells() -> dict[tuple[str, str], str]:
    """Return the cells marked unresolved, (action, role) -> why, in the table's order.

    Examples
    --------
    >>> sorted(unresolved_cells())
    [('adduction', 'secondary'), ('external rotation', 'secondary')]
    """
    out: dict[tuple[str, str], list[str]] = {}
    for r in load_actions():
        if r.unresolved:
            notes = out.setdefault((r.action, r.role), [])
            if r.unresolved not in notes:
                notes.append(r.unresolved)
    return {cell: "; ".join(notes) for cell, notes in out.items()}


def source_note() -> str:
    """Return the table's citation and how far its entries are confirmed, for renderings.

    Returns
    -------
    str
        ``"Source: <citation>. <n> of <N> entries: <confirmed value>."``, one clause per
        distinct ``confirmed`` value, e.g. ``"... 47 of 47 entries: seed text, not
        confirmed against the book."``.
    """
    rows = load_actions()
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.confirmed] = counts.get(r.confirmed, 0) + 1
    sources = "; ".join(dict.fromkeys(r.source for r in rows))
    status = " ".join(f"{n} of {len(rows)} entries: {value}." for value, n in counts.items())
    return f"Source: {sources}. {status}"
