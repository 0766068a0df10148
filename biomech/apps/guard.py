"""One guard for the apps' callbacks: an error is shown to the user, under the figure, never lost.

A widget callback that raises inside a Jupyter kernel is easily lost (ipywidgets logs it
to the browser's console). :func:`guarded` runs the callback and, if it raises, writes
``"<error type>: <message>"`` into the app's error area (a ``widgets.Output``).

Kept behaviour: the apps had two versions of this helper. One printed the error's type and
message into the output and carried on (the lab, the posture explorer); the other cleared the
output and re-raised inside it, so the kernel printed a full traceback there (the lift lab).
This one prints the type and message, because a student or a teacher reads one line better
than a traceback and the app stays usable; and it clears the output first, as the lift lab
did, so the area shows the latest error only, not a growing list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as widgets

__all__ = ["guarded"]


def guarded(errors: widgets.Output, action: Callable[[], Any]) -> None:
    """Run ``action()``; if it raises, show ``"<type>: <message>"`` in ``errors`` (the latest error only).

    Parameters
    ----------
    errors
        The app's error area.
    action
        The callback, without arguments.
    """
    try:
        action()
    except Exception as error:  # noqa: BLE001 - shown to the user, never swallowed
        errors.outputs = ()  # the widget's own state: clears in and out of a kernel
        with errors:
            print(f"{type(error).__name__}: {error}")
