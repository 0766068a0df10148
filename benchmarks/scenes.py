"""Time one setting's scenes (:func:`biomech.scene.scene.build_scenes`), with and without the standing cache.

The standing lifter and its bones (:func:`biomech.scene.standing.standing_posture`) do not
change between the states of a setting: they are posed once per standing posture and
shared. This prints, in one run, the median and 95th percentile of ``build_scenes`` for one
setting (the lab's start: "squeeze glutes", "hip flexors (all)", the blog's hypothesis)
without that cache ("before": every distinct state poses its own standing lifter, as the
scenes did before the cache; the cached function's ``__wrapped__`` stands in for it) and with
it ("after"). The curve and its band are cached
in both (:func:`build_scenes` reuses them for a setting), so the difference is the standing
posture's alone.

Run: ``.venv/bin/python benchmarks/scenes.py [--repeats 10]`` (the two alternate, run by run).
Target: "after" no slower than "before" (exits 1 if its median is more than 5 % slower).
"""

from __future__ import annotations

import argparse
import statistics
import sys

from timing import timed  # benchmarks/timing.py, beside this script

from biomech.scene import scene
from biomech.scene.scene import build_scenes
from biomech.scene.standing import standing_posture

SETTING = {"cue": "squeeze_glutes", "tissue": "hip flexors (all)", "mechanism": "blog"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    scenes = build_scenes(**SETTING)
    distinct = len({id(s.sagittal) for s in scenes})

    build_scenes(**SETTING)  # warm: the curve, its band and the standing lifter are cached
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(args.repeats):  # alternate, so both see the same load on a shared machine
        for cached in (False, True):
            scene.standing_posture = standing_posture if cached else standing_posture.__wrapped__  # type: ignore[assignment]
            try:
                times[cached].append(timed(lambda: build_scenes(**SETTING), 1)[0])
            finally:
                scene.standing_posture = standing_posture
    before, after = (statistics.median(times[c]) for c in (False, True))
    pose = timed(lambda: standing_posture.__wrapped__(10.0, 40.0), args.repeats)[0]
    print(f"build_scenes, one setting ({len(scenes)} scenes, {distinct} posed): median of {args.repeats}")
    print(f"  before (standing lifter posed per state): {before:7.1f} ms")
    print(f"  after  (posed once, shared):              {after:7.1f} ms")
    print(f"  saved: {before - after:.1f} ms ({1 - after / before:.0%}); one standing lifter: {pose:.2f} ms")
    return 1 if after > 1.05 * before else 0


if __name__ == "__main__":
    sys.exit(main())
