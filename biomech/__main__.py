"""Command line: ``python -m biomech figures --out DIR`` writes the slide figures;
``python -m biomech page [--out PATH]`` writes the lab as one self-contained HTML file.

Exit status: 0 success, 1 a runtime failure (e.g. the folder is not writable),
2 a usage error (bad option or value; nothing is written).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from typing import Any

__all__ = ["build_parser", "main"]

EPILOG = """\
figures written (each as PNG, SVG and PDF unless --format says otherwise):
  table                muscle-action table with the current state's highlights
  curves               rotation, pelvic tilt and lumbar extension against the restriction
  side_view_none       side view at lockout, no restriction ({none:g} deg available)
  side_view_moderate   side view, moderate restriction ({moderate:g} deg available)
  side_view_severe     side view, severe restriction ({severe:g} deg available)
  top_down             pelvis, thighs and feet seen from above
  cues                 "stand tall" vs "squeeze glutes" side by side
  dashboard            all views in one figure

PNGs are 1920x1080 at the default --dpi 100 (16:9 slides). SVG and PDF files are
byte-identical from run to run. Files are written atomically: a failed export
leaves no partial file.

example:
  python -m biomech figures --out figures/ --theme dark --restriction -15 --cue stand_tall
"""


def _formats(text: str) -> list[str]:
    """Parse ``png,svg`` (comma-separated; also repeatable) into a list."""
    return [part.strip().lower() for part in text.split(",") if part.strip()]


def _add_export_options(fig: argparse.ArgumentParser) -> None:
    """One command-line option per field of :class:`biomech.export.options.ExportOptions` (its spec)."""
    from biomech.export.options import ExportOptions, option_specs, parameter_flag
    from biomech.parameters import PARAMETERS

    defaults = {f.name: f.default for f in dataclasses.fields(ExportOptions)}
    for name, spec in option_specs().items():
        if spec.flag is None:  # the overrides: one option per parameter offered
            for parameter in spec.parameters:
                p = PARAMETERS[parameter]
                fig.add_argument(
                    parameter_flag(parameter),
                    type=float,
                    default=None,
                    metavar=spec.metavar or "VALUE",
                    help=f"{p.meaning} {p.min:g} to {p.max:g} (default {p.default:g}, {p.source})",
                )
            continue
        default = defaults[name]
        shown = (
            ",".join(default)
            if isinstance(default, tuple)
            else f"{default:g}"
            if isinstance(default, float)
            else default
        )
        extra: dict[str, Any] = {
            "dest": name,
            "metavar": spec.metavar,
            "help": f"{spec.help}: {spec.valid} (default {shown})",
        }
        if name == "formats":  # repeatable, each a comma-separated list
            extra.update(action="extend", type=_formats, default=None)
        else:
            extra.update(type=spec.parse, default=default, choices=spec.choices)
        fig.add_argument(spec.flag, **{k: v for k, v in extra.items() if v is not None or k == "default"})


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (``figures`` and ``page`` subcommands).

    The ``figures`` options other than ``--out`` come from the export's one spec,
    :class:`biomech.export.options.ExportOptions`.
    """
    from biomech.export import SIDE_VIEW_LEVELS

    parser = argparse.ArgumentParser(
        prog="python -m biomech",
        description="Hip Compensation Lab: teaching figures of how restricted hip "
        "extension is compensated at deadlift lockout.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    fig = commands.add_parser(
        "figures",
        help="write the standard set of slide figures",
        description="Write the standard set of slide figures (16:9) to a folder.",
        epilog=EPILOG.format(**SIDE_VIEW_LEVELS),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    fig.add_argument(
        "--out", required=True, metavar="DIR", help="folder to write to (created if missing; files are replaced)"
    )
    _add_export_options(fig)
    fig.set_defaults(parser=fig)
    page = commands.add_parser(
        "page",
        help="write the lab as one self-contained HTML file",
        description="Write the lab as one HTML file that opens in any browser, offline: every tissue, cue "
        "and mechanism at the default Advanced settings, over the whole range of available extension.",
    )
    page.add_argument(
        "--out", default="figures/lab.html", metavar="PATH", help="file to write (default figures/lab.html)"
    )
    page.set_defaults(parser=page)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 failure, 2 usage error)."""
    args = build_parser().parse_args(argv)
    if args.command == "page":
        from biomech.web.page import write_page

        try:
            print(write_page(args.out))
        except OSError as error:
            print(f"python -m biomech page: error: {error}", file=sys.stderr)
            return 1
        return 0
    from biomech import export
    from biomech.export.options import check_folder, check_option, option_specs, parameter_flag

    specs = option_specs()
    values = {name: getattr(args, name) for name in specs if specs[name].flag is not None}
    if values["formats"] is None:
        values["formats"] = export.FORMATS
    given = {p: getattr(args, p) for p in specs["overrides"].parameters if getattr(args, p) is not None}
    values["overrides"] = given or None
    flags = {name: spec.flag for name, spec in specs.items()}
    for name, value in values.items():  # each option alone, so the message names the option that is wrong
        try:
            if name == "overrides":
                for parameter, v in given.items():
                    flags[name] = parameter_flag(parameter)
                    check_option(name, {parameter: v})
            else:
                values[name] = check_option(name, value, **values)  # checked: e.g. the formats as a tuple
        except ValueError as error:
            args.parser.error(f"argument {flags[name]}: {error}")  # exits with status 2
    try:
        check_folder(args.out)
    except ValueError as error:
        args.parser.error(f"argument --out: {error}")
    try:
        paths = export.export_figures(args.out, **values)
    except OSError as error:
        print(f"python -m biomech figures: error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
