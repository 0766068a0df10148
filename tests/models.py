"""The model and the scenes with the blog's mechanism, named once for the tests that hold it.

Many tests check the blog's hypothesis (a linear rotation benefit, ``mechanism="blog"``),
some of them with the range cap lifted (:data:`UNCAPPED`: the tilt and the lumbar
extension free, as the model was before the cap; ``tests/model/test_range.py`` tests the
cap itself). They import these instead of each making its own ``functools.partial``.
"""

from __future__ import annotations

from functools import partial

from biomech.model.lockout import compensate, tissue_choices
from biomech.scene.scene import build_scene

UNCAPPED: dict[str, float] = {"max_pelvic_tilt": 90.0, "max_lumbar_extension": 90.0}
"""The range cap lifted: voluntary pelvic tilt and lumbar extension limits far past any answer."""

blog = partial(compensate, mechanism="blog")
""":func:`~biomech.model.lockout.compensate` with the blog's mechanism."""
blog_uncapped = partial(compensate, mechanism="blog", **UNCAPPED)
"""The blog's mechanism without the range cap."""
uncapped = partial(compensate, **UNCAPPED)
"""Either mechanism (the default, the geometry, unless ``mechanism`` is given) without the range cap."""
blog_tissues = partial(tissue_choices, "blog")
"""The tissues the blog's mechanism accepts."""
blog_scene = partial(build_scene, mechanism="blog")
""":func:`~biomech.scene.scene.build_scene` with the blog's mechanism (the lab's drawn states)."""
