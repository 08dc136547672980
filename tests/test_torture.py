"""A short torture run: builds killed at random moments while readers search, some holding one index open."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT


def test_killed_builds_never_break_readers_or_lose_documents(tmp_path: Path) -> None:
    out = tmp_path / "torture.json"
    subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "torture.py"), "--attempts", "4", "--json", str(out)],
        check=False,
        capture_output=True,
        cwd=PROJECT,
    )
    result = json.loads(out.read_text("utf-8"))
    assert result["attempts"] == 4
    assert result["reads_reopening"] > 0
    assert result["reads_holding"] > 0  # a reader kept one index open across the rebuilds
    assert result["failed_reads"] == 0, result["errors"]
    assert result["usable_after_attempts"] == 4
    assert result["documents_lost"] == 0
