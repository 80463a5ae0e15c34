"""Workspace files for the command-line tests: the sample office exported to JSON, and
deliberately broken variants of it (each breaks one thing)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from jiguan_core.cli import dump_workspace, sample_workspace, workspace_to_dict


def export_sample_workspace(directory: Path, name: str = "office.json") -> Path:
    """Write the sample workspace (sample office + every section) to ``directory/name``."""
    path = directory / name
    path.write_text(dump_workspace(sample_workspace()), encoding="utf-8")
    return path


def sample_data() -> dict[str, Any]:
    """A fresh copy of the sample workspace's dict form (callers may change it)."""
    return copy.deepcopy(_SAMPLE_DATA)


def write_data(directory: Path, name: str, data: Any) -> Path:
    path = directory / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


_SAMPLE_DATA: dict[str, Any] = workspace_to_dict(sample_workspace())
