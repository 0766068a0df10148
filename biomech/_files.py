"""Writing a file atomically: nothing half-written is ever left on disk (standard library only)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write ``path`` through ``write(fh)``: a temporary file in the same folder, then a rename.

    On any error (or an interrupt) the temporary file is removed and ``path`` keeps its old
    content; the finished file is readable by everyone (mode 644).
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
