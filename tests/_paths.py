"""Where the checkout is, for tests that read its files (docs, pyproject, tools)."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
