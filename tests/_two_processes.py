"""Determinism between independent runs: the same code in two fresh interpreters, each with its
own hash seed (set iteration order, and anything that leaks it, differs between them)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jiguan_core

ROOT = Path(__file__).resolve().parent.parent
#: Two seeds known to order small sets of strings differently.
SEEDS = ("1", "4242")


def printed_by(code: str, seed: str) -> str:
    """What ``code`` prints in a fresh interpreter with ``PYTHONHASHSEED=seed`` (the library
    under test first on the path, ``tests`` importable)."""
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = seed
    source = str(Path(jiguan_core.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([source, str(ROOT), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def two_runs(code: str) -> tuple[str, str]:
    """The output of ``code`` under each of :data:`SEEDS`."""
    first, second = (printed_by(code, seed) for seed in SEEDS)
    return first, second
