"""The side view's tilt label: the pelvis in the room, and its two parts adding up as printed."""

from __future__ import annotations

import pytest

from biomech.formatting import format_degrees
from biomech.scene.labels import tilt_label
from biomech.scene.scene import build_scene


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace("°", ""))


@pytest.mark.parametrize(
    ("available", "cue", "mechanism"),
    [
        (17.0, "squeeze_glutes", "blog"),
        (-10.0, "squeeze_glutes", "blog"),
        (-5.0, "stand_tall", "geometry"),
        (-30.0, "squeeze_glutes", "geometry"),
        (17.0, "stand_tall", "blog"),
    ],
)
def test_tilt_label_is_the_pelvis_in_the_room_and_its_parts_add_up(available, cue, mechanism):
    scene = build_scene(available, cue=cue, mechanism=mechanism)
    s = scene.state
    name, room, on_trunk, lean = tilt_label(scene).splitlines()
    drawn, change, equals = room.split(" ")
    assert name == "pelvis in room" and equals == "="
    assert drawn == format_degrees(scene.standing_pelvic_tilt + float(s.pelvic_tilt_in_room), display=True)
    assert _number(change.strip("()")) == pytest.approx(_number(format_degrees(float(s.pelvic_tilt_in_room))))
    assert on_trunk == f"{format_degrees(float(s.pelvic_tilt), signed=True, display=True)} on trunk"
    sign, amount, way = lean.split(" ")
    shown_lean = _number(amount) * (1 if way == "back" else -1)
    assert (sign == "−") == (way == "back")  # one sign: a lean back is subtracted
    assert _number(on_trunk.split()[0]) - shown_lean == pytest.approx(_number(change.strip("()")), abs=1e-9)
    assert shown_lean == pytest.approx(float(s.trunk_lean), abs=0.1 + 1e-9)  # within the rounding of two numbers
