"""Where exported figures go: the project's root and the export folder rule."""

from __future__ import annotations

import os
from pathlib import Path

import biomech

__all__ = ["project_root", "resolve_folder"]


def project_root() -> Path | None:
    """The source checkout this package runs from: the folder above ``biomech/`` holding
    ``pyproject.toml`` (where ``make figures`` writes ``figures/``); None for an installed copy."""
    root = Path(biomech.__file__).resolve().parents[1]
    return root if (root / "pyproject.toml").is_file() else None


def resolve_folder(folder: str | os.PathLike[str], *, cwd: str | os.PathLike[str] | None = None) -> Path:
    """Where a folder the user typed is, as an absolute path: the export folder rule.

    The rule: an absolute folder is used as it is; a relative one is taken from the
    project's root (:func:`project_root`) when the current directory lies inside that
    checkout (a notebook in ``notebooks/`` exporting to ``figures`` writes the
    repository's ``figures/``, the folder ``make figures`` fills), and from the current
    directory otherwise (an installed package, or a notebook copied elsewhere).

    Parameters
    ----------
    folder
        The folder as typed; ``~`` is expanded.
    cwd
        The current directory (default: :func:`os.getcwd`).

    Returns
    -------
    pathlib.Path
        An absolute path (the folder need not exist).

    Examples
    --------
    >>> resolve_folder("/tmp/slides") == Path("/tmp/slides")
    True
    >>> root = project_root()
    >>> root is None or resolve_folder("figures", cwd=root / "notebooks") == root / "figures"
    True
    """
    path = Path(folder).expanduser()
    if path.is_absolute():
        return path
    here = Path(os.getcwd() if cwd is None else cwd).resolve()
    root = project_root()
    base = root if root is not None and (here == root or root in here.parents) else here
    return base / path
