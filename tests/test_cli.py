"""Command line: ``python -m biomech figures`` (biomech.__main__)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import biomech.export
from biomech.__main__ import main


@pytest.fixture
def calls(monkeypatch):
    """Record export_figures' arguments instead of drawing (the export has its own tests)."""
    seen: list[tuple[str, dict]] = []

    def fake(out_dir, **kwargs):
        seen.append((str(out_dir), kwargs))
        return []

    monkeypatch.setattr(biomech.export, "export_figures", fake)
    return seen


def test_options_reach_the_export(calls, tmp_path):
    status = main(
        [
            "figures",
            "--out",
            str(tmp_path),
            "--format",
            "png,svg",
            "--format",
            "pdf",
            "--dpi",
            "200",
            "--restriction",
            "-15",
            "--cue",
            "stand_tall",
            "--tissue",
            "Rectus femoris",
            "--mechanism",
            "geometry",
            "--theme",
            "dark",
        ]
    )
    assert status == 0
    assert calls == [
        (
            str(tmp_path),
            {
                "formats": ("png", "svg", "pdf"),
                "dpi": 200.0,
                "restriction": -15.0,
                "cue": "stand_tall",
                "tissue": "Rectus femoris",
                "mechanism": "geometry",
                "theme": "dark",
                "overrides": None,
            },
        )
    ]


def test_defaults(calls, tmp_path):
    assert main(["figures", "--out", str(tmp_path)]) == 0
    options = calls[0][1]
    assert options["formats"] == ("png", "svg", "pdf") and options["dpi"] == 100.0
    assert options["theme"] == "light" and options["restriction"] == -10.0 and options["mechanism"] == "blog"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "gif"], "argument --format: 'formats' must be one of"),
        (["--format", ","], "argument --format: 'formats' must name at least one"),
        (["--dpi", "1000"], "argument --dpi: 'dpi' must be a finite number of dots per inch in [50, 600]"),
        (["--dpi", "many"], "argument --dpi: invalid float value"),
        (["--restriction", "nan"], "argument --restriction: 'hip_extension_available' must be"),
        (["--restriction", "-45"], "in [-30, 40]; got -45"),
        (["--cue", "squeeze"], "did you mean 'squeeze_glutes'"),
        (["--tissue", "rectus femoris"], "did you mean 'Rectus femoris'"),
        (["--theme", "blue"], "argument --theme: invalid choice"),
    ],
)
def test_bad_values_exit_2_with_a_clear_message(calls, tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--out", str(tmp_path / "out"), *argv])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python -m biomech figures") and message in err
    assert calls == [] and not (tmp_path / "out").exists()


def test_rotation_gain_floor_reaches_the_export_as_an_override(calls, tmp_path):
    argv = ["figures", "--out", str(tmp_path), "--mechanism", "geometry", "--rotation-gain-floor", "0"]
    assert main(argv) == 0
    assert calls[0][1]["overrides"] == {"rotation_gain_floor": 0.0}
    assert main(["figures", "--out", str(tmp_path)]) == 0
    assert calls[1][1]["overrides"] is None  # not given: the parameter table's default


def test_a_bad_rotation_gain_floor_exits_2_naming_the_parameter(calls, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--out", str(tmp_path / "out"), "--rotation-gain-floor", "1.5"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and calls == []
    assert "argument --rotation-gain-floor: 'rotation_gain_floor' must be a finite number" in err and "[0, 1]" in err


def test_out_must_be_a_folder(calls, tmp_path, capsys):
    file = tmp_path / "slides.txt"
    file.write_text("")
    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--out", str(file)])
    assert exit_info.value.code == 2 and "argument --out" in capsys.readouterr().err


def test_missing_command_or_out_exit_2(capsys):
    for argv in ([], ["figures"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_runtime_failure_exits_1(monkeypatch, tmp_path, capsys):
    def fail(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(biomech.export, "export_figures", fail)
    assert main(["figures", "--out", str(tmp_path)]) == 1
    assert "Permission denied" in capsys.readouterr().err


def test_help_explains_every_option():
    result = subprocess.run(
        [sys.executable, "-m", "biomech", "figures", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    for word in (
        "--out",
        "--format",
        "--dpi",
        "--restriction",
        "--cue",
        "--tissue",
        "--theme",
        "--rotation-gain-floor",
        "1920x1080",
        "dark",
        "side_view_severe",
        "atomically",
    ):
        assert word in result.stdout, word


def test_writes_files_and_prints_their_paths(tmp_path, capsys):
    assert main(["figures", "--out", str(tmp_path), "--format", "svg"]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == len(biomech.export.FIGURES)
    assert sorted(printed) == sorted(str(p) for p in tmp_path.iterdir())


def test_the_cli_offers_exactly_the_export_specs_options(calls, tmp_path):
    """The figures command's options are --out and one per option of ExportOptions (and they all reach it)."""
    import argparse
    import dataclasses

    from biomech.__main__ import build_parser
    from biomech.export.options import ExportOptions, option_specs, parameter_flag

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    figures = commands.choices["figures"]
    offered = {flag for action in figures._actions for flag in action.option_strings} - {"-h", "--help", "--out"}
    specs = option_specs()
    expected = {s.flag for s in specs.values() if s.flag} | {
        parameter_flag(p) for s in specs.values() for p in s.parameters
    }
    assert offered == expected
    assert main(["figures", "--out", str(tmp_path)]) == 0
    assert set(calls[0][1]) == {f.name for f in dataclasses.fields(ExportOptions)}


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--dpi", "5"], ("argument --dpi:", "'dpi'", "[50, 600]", "got 5")),
        (["--restriction", "-45"], ("argument --restriction:", "'hip_extension_available'", "[-30, 40]", "-45")),
        (["--cue", "tuck"], ("argument --cue:", "'cue'", "squeeze_glutes", "'tuck'")),
        (["--tissue", "Quads"], ("argument --tissue:", "'tissue'", "Rectus femoris", "'Quads'")),
        (["--format", "gif"], ("argument --format:", "'formats'", "png", "'gif'")),
        (["--rotation-gain-floor", "2"], ("argument --rotation-gain-floor:", "'rotation_gain_floor'", "[0, 1]", "2")),
    ],
)
def test_a_bad_value_names_the_option_the_value_and_the_valid_range(calls, tmp_path, capsys, argv, words):
    with pytest.raises(SystemExit) as exit_info:
        main(["figures", "--out", str(tmp_path / "out"), *argv])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and calls == []
    for word in words:
        assert word in err, (word, err)
