"""Command line: ``python -m biomech figures --out DIR`` writes the slide figures;
``python -m biomech page [--out PATH]`` writes the lab as one self-contained HTML file.

Exit status: 0 success, 1 a runtime failure (e.g. the folder is not writable),
2 a usage error (bad option or value; nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (``figures`` subcommand)."""
    from biomech.export import DEFAULT_RESTRICTION, DPI, FORMATS, SIDE_VIEW_LEVELS
    from biomech.parameters import PARAMETERS

    gain = PARAMETERS["rotation_gain_floor"]

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
    fig.add_argument(
        "--format",
        dest="formats",
        action="extend",
        type=_formats,
        metavar="FMT",
        help=f"file formats, comma-separated or repeated: {', '.join(FORMATS)} (default: all three)",
    )
    fig.add_argument("--dpi", type=float, default=DPI, help=f"PNG resolution, 50 to 600 (default {DPI:g}: 1920x1080)")
    fig.add_argument(
        "--restriction",
        type=float,
        default=DEFAULT_RESTRICTION,
        metavar="DEG",
        help="hip extension available at the tight tissue, in degrees, -30 to 40 "
        "(lower = tighter; negative = flexion contracture); sets the current state "
        f"of the curves, top-down view, cue comparison and dashboard "
        f"(default {DEFAULT_RESTRICTION:g})",
    )
    fig.add_argument(
        "--cue",
        default="squeeze_glutes",
        metavar="CUE",
        help="lockout cue: stand_tall or squeeze_glutes (default squeeze_glutes)",
    )
    fig.add_argument(
        "--tissue",
        default="hip flexors (all)",
        metavar="NAME",
        help="restricting tissue: 'hip flexors (all)' (default) or a flexor of the "
        "muscle table, e.g. 'Rectus femoris' (quote names with spaces)",
    )
    fig.add_argument(
        "--mechanism",
        choices=("blog", "geometry"),
        default="blog",
        help="blog: the blog's hypothesis made explicit (default); geometry: the same "
        "question answered by the 3-D muscle geometry with the knee",
    )
    fig.add_argument(
        "--rotation-gain-floor",
        type=float,
        default=None,
        metavar="K",
        help="geometry only: the hip turns only while each degree of rotation buys at least K "
        f"degrees of hip extension, {gain.min:g} to {gain.max:g} (default {gain.default:g}, "
        "illustrative; 0: any rotation that lowers the tilt)",
    )
    fig.add_argument(
        "--theme",
        choices=("light", "dark"),
        default="light",
        help="light (default) or dark (for projectors in dark rooms)",
    )
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
    from biomech.export import FORMATS, export_figures, validate_options

    formats = FORMATS if args.formats is None else tuple(args.formats)
    model = {} if args.rotation_gain_floor is None else {"overrides": {"rotation_gain_floor": args.rotation_gain_floor}}
    checks = {  # each option alone, so the message names the option that is wrong
        "--format": {"formats": formats},
        "--dpi": {"dpi": args.dpi},
        "--restriction": {"restriction": args.restriction},
        "--cue": {"cue": args.cue},
        "--tissue": {"tissue": args.tissue, "cue": args.cue, "mechanism": args.mechanism},
        "--rotation-gain-floor": model,
        "--out": {"out_dir": args.out},
    }
    for flag, options in checks.items():
        try:
            validate_options(**options)
        except ValueError as error:
            args.parser.error(f"argument {flag}: {error}")  # exits with status 2
    try:
        paths = export_figures(
            args.out,
            formats=formats,
            dpi=args.dpi,
            restriction=args.restriction,
            cue=args.cue,
            tissue=args.tissue,
            mechanism=args.mechanism,
            theme=args.theme,
            **model,
        )
    except OSError as error:
        print(f"python -m biomech figures: error: {error}", file=sys.stderr)
        return 1
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
