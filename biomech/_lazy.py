"""Lazy public names and deprecated aliases for a package or module (PEP 562, stdlib only).

A package's ``__init__`` lists its public names in ``_EXPORTS`` (name -> module that
defines it) and defines a module ``__getattr__`` that calls :func:`resolve`, so a name
loads its module on first use and ``import biomech.model`` stays instant. A module whose
names were renamed lists the old ones in ``_RENAMED`` (old name -> the new name's dotted
path, or the old object's path and the advice when no one name replaces it) and calls
:func:`resolve` the same way: the old name still works for one release, with a
``DeprecationWarning`` naming the new one.

Examples
--------
>>> import warnings
>>> from biomech.anatomy import action_rule
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     old = action_rule.action_of
>>> old is action_rule.action_from_moment_arm, caught[0].category.__name__
(True, 'DeprecationWarning')
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Mapping, MutableMapping
from typing import Any

__all__ = ["deprecated", "resolve"]


def _load(dotted: str) -> Any:
    """Return the object at ``package.module.name`` (the module part imported first)."""
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def deprecated(old: str, new: str, stacklevel: int = 4) -> None:
    """Warn that the dotted name ``old`` is deprecated in favour of ``new`` (both shown in full)."""
    warnings.warn(
        f"{old} is deprecated and will be removed in the next release; use {new} instead.",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def resolve(
    owner: str,
    name: str,
    namespace: MutableMapping[str, Any],
    exports: Mapping[str, str] | None = None,
    renamed: Mapping[str, str | tuple[str, str]] | None = None,
) -> Any:
    """Return ``owner.name``: a lazy public name (cached) or a deprecated alias (warns each time).

    Parameters
    ----------
    owner
        The dotted name of the package or module asking (its ``__name__``).
    name
        The attribute looked up.
    namespace
        The owner's ``globals()``: a lazy name is stored there after its first load.
    exports
        Public name -> the module defining it under the same name.
    renamed
        Old name -> the new name's full dotted path (``biomech.anatomy.action_rule.action_from_moment_arm``),
        or ``(path, advice)`` when the old object (at ``path``) has no one successor: ``advice``
        is what the warning tells the user to use instead.

    Raises
    ------
    AttributeError
        For a name in neither table (``hasattr`` and ``from x import y`` rely on it).
    """
    if exports and name in exports:
        value = getattr(importlib.import_module(exports[name]), name)
        namespace[name] = value
        return value
    if renamed and name in renamed:
        target = renamed[name]
        path, advice = target if isinstance(target, tuple) else (target, target)
        deprecated(f"{owner}.{name}", advice)
        return _load(path)
    raise AttributeError(f"module {owner!r} has no attribute {name!r}")
