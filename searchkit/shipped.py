"""The data files shipped in ``searchkit/data``, read as plain files.

Not through ``importlib.resources``, whose import (tempfile, shutil, zipfile)
costs a cold ``searchkit query`` 3 ms: the package is installed as files.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read_text(name: str) -> str:
    """The text of the shipped file ``name`` (UTF-8)."""
    return (DATA / name).read_text("utf-8")


def read_bytes(name: str) -> bytes:
    """The bytes of the shipped file ``name``."""
    return (DATA / name).read_bytes()
