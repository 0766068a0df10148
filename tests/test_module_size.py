"""No module of the package is over 400 lines: a module that grows past it holds several jobs.

``docs/architecture.md`` names each module's job; a module that outgrows the limit is split
by job (as the lab into its controls, layout and actions) rather than the limit raised.
"""

from __future__ import annotations

from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "biomech"
MAX_LINES = 400


def long_modules(package: Path, limit: int = MAX_LINES) -> dict[str, int]:
    """Modules of ``package`` over ``limit`` lines, path (relative to it) -> lines."""
    sizes = {
        str(p.relative_to(package)): len(p.read_text(encoding="utf-8").splitlines()) for p in package.rglob("*.py")
    }
    return {name: n for name, n in sorted(sizes.items()) if n > limit}


def test_no_module_is_over_the_limit():
    assert long_modules(PACKAGE) == {}


def test_the_check_sees_a_long_module(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "long.py").write_text("x = 1\n" * (MAX_LINES + 1), encoding="utf-8")
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES, encoding="utf-8")
    assert long_modules(tmp_path) == {str(Path("sub") / "long.py"): MAX_LINES + 1}


@pytest.mark.parametrize("limit", [MAX_LINES])
def test_the_limit_is_the_one_the_architecture_states(limit):
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert f"{limit} lines" in text
