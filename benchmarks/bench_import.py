"""Benchmark: how long ``import jiguan_core`` takes in a fresh interpreter (target: under 0.3 s).

Each figure is the best of N fresh subprocesses, and is reported as a ratio to
``python -c pass`` measured in the same run (the interpreter's own start-up), so a noisy machine
does not make the number meaningless. The import's own cost is the difference. The top modules
of ``python -X importtime`` show where the time goes. Run:
``.venv/bin/python benchmarks/bench_import.py`` (``--quick`` for N = 5).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import table

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 0.3


def run(code: str, *, repeat: int) -> float:
    """The fastest wall time of ``repeat`` fresh ``python -c code`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        )
        best = min(best, time.perf_counter() - start)
    return best


def top_imports(module: str, count: int = 8) -> list[tuple[str, float]]:
    """The ``count`` slowest imports (cumulative microseconds) under ``-X importtime``."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        capture_output=True,
        text=True,
    )
    rows = []
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative_us, name = line.split("|")
        # Nesting is shown by indentation after one space; keep the directly imported modules
        # and those jiguan_core imports (one level down).
        depth = (len(name) - len(name.lstrip(" ")) - 1) // 2
        if depth <= 1:
            rows.append((name.strip(), int(cumulative_us) / 1e6))
    return sorted(rows, key=lambda r: -r[1])[:count]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="N = 5 instead of 20")
    args = parser.parse_args()
    n = 5 if args.quick else 20
    baseline = run("pass", repeat=n)
    rows: list[list[object]] = [["python -c pass (baseline)", baseline, 1.0, 0.0]]
    for label, code in [
        ("import jiguan_core", "import jiguan_core"),
        ("import jiguan_core + sample_office()", "import jiguan_core; jiguan_core.sample_office()"),
        (
            "import jiguan_core + to_dict(sample)",
            "import jiguan_core as j; j.to_dict(j.sample_office())",
        ),
    ]:
        seconds = run(code, repeat=n)
        rows.append([label, seconds, seconds / baseline, seconds - baseline])
    print(
        table(
            f"Import time, best of N = {n} fresh subprocesses ({sys.executable})",
            ["what", "seconds", "x baseline", "own seconds"],
            rows,
        )
    )
    import_seconds = rows[1][1]
    assert isinstance(import_seconds, float)
    verdict = "meets" if import_seconds < TARGET_SECONDS else "MISSES"
    print(
        f"\nimport jiguan_core: {import_seconds:.3f} s absolute ({import_seconds - baseline:.3f} s "
        f"over the bare interpreter); {verdict} the {TARGET_SECONDS} s target"
    )
    print()
    print(
        table(
            "Slowest top-level imports under -X importtime (one run, cumulative)",
            ["module", "seconds"],
            [list(row) for row in top_imports("jiguan_core")],
        )
    )


if __name__ == "__main__":
    main()
