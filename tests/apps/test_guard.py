"""The apps' one callback guard: an error is shown as one line in the error area, the latest only."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from biomech.apps.guard import guarded


def test_an_error_is_shown_as_its_type_and_message_and_not_raised(capsys):
    errors = widgets.Output()
    errors.outputs = ({"output_type": "stream", "name": "stdout", "text": "an older error\n"},)

    def fail() -> None:
        raise ValueError("'tissue' must be one of ...")

    guarded(errors, fail)  # does not raise
    assert errors.outputs == ()  # the older error is gone
    assert "ValueError: 'tissue' must be one of ..." in capsys.readouterr().out  # outside a kernel: stdout


def test_a_callback_that_works_runs_once_and_shows_nothing(capsys):
    errors, calls = widgets.Output(), []
    guarded(errors, lambda: calls.append(1))
    assert calls == [1] and errors.outputs == () and capsys.readouterr().out == ""


def test_a_keyboard_interrupt_is_not_swallowed():
    def interrupt() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        guarded(widgets.Output(), interrupt)
