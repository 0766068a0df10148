"""The table explorers: choosing a muscle or an action shows what the table says of it."""

from __future__ import annotations


def test_muscle_explorer_shows_every_action_of_the_choice():
    from biomech.anatomy.textbook import actions_of
    from biomech.apps.table_explorers import explore_muscle

    box = explore_muscle()
    choose, shown = box.children
    for name in ("Gluteus medius", "Gluteus medius (posterior fibers)", "Adductor magnus"):
        choose.value = name
        for action, role in actions_of(name):
            assert f"{action}: {role}" in shown.value
    assert "Obturator internus" in choose.options  # not modelled in gait2392, but in the table


def test_action_explorer_shows_both_columns_and_the_empty_cell():
    from biomech.anatomy.textbook import muscles_for
    from biomech.apps.table_explorers import explore_action

    box = explore_action()
    choose, shown = box.children
    choose.value = "flexion"
    assert all(m in shown.value for m in muscles_for("flexion"))
    choose.value = "internal rotation"
    assert "Not applicable" in shown.value
    assert all(m in shown.value for m in muscles_for("internal rotation", "secondary"))
