"""Benchmark: how long ``import jiguan_core`` takes in a fresh interpreter.

Target: under 0.1 s over a bare ``python -c pass`` on a quiet machine. Each figure is the best of
N fresh subprocesses, reported both as a ratio to ``python -c pass`` measured in the same run
(the interpreter's own start-up), so a noisy machine does not make the number meaningless, and
as the absolute difference (the import's own cost), which is what the target bounds. The areas
(rules, assessment, development, work) are measured the same way, and the top modules of
``python -X importtime`` show where the time goes. Run:
``.venv/bin/python benchmarks/bench_import.py`` (``--quick`` for N = 5).
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import table

ROOT = Path(__file__).resolve().parent.parent
#: The most ``import jiguan_core`` may add to the bare interpreter's start-up, in seconds.
TARGET_OVER_BARE = 0.1


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(code: str, *, repeat: int) -> tuple[float, float]:
    """The fastest wall time and the fastest CPU time (user + system, less sensitive to a
    loaded machine) of ``repeat`` fresh ``python -c code`` runs, in seconds."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        cpu = _child_cpu()
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code],
            check=True,
            cwd=ROOT,
            env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
        )
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu = min(best_cpu, _child_cpu() - cpu)
    return best_wall, best_cpu


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
    baseline, baseline_cpu = run("pass", repeat=n)
    rows: list[list[object]] = [["python -c pass (baseline)", baseline, 1.0, 0.0, 0.0]]
    for label, code in [
        ("import jiguan_core", "import jiguan_core"),
        ("import jiguan_core.rules", "import jiguan_core.rules"),
        ("import jiguan_core.assessment", "import jiguan_core.assessment"),
        ("import jiguan_core.development", "import jiguan_core.development"),
        ("import jiguan_core.work", "import jiguan_core.work"),
        ("import jiguan_core + sample_office()", "import jiguan_core; jiguan_core.sample_office()"),
        (
            "import jiguan_core + to_dict(sample)",
            "import jiguan_core as j; j.to_dict(j.sample_office())",
        ),
    ]:
        seconds, cpu = run(code, repeat=n)
        rows.append([label, seconds, seconds / baseline, seconds - baseline, cpu - baseline_cpu])
    print(
        table(
            f"Import time, best of N = {n} fresh subprocesses ({sys.executable})",
            ["what", "seconds", "x baseline", "own seconds", "own CPU seconds"],
            rows,
        )
    )
    import_seconds = rows[1][1]
    assert isinstance(import_seconds, float)
    own = import_seconds - baseline
    verdict = "meets" if own < TARGET_OVER_BARE else "MISSES"
    print(
        f"\nimport jiguan_core: {import_seconds:.3f} s absolute, {import_seconds / baseline:.2f} x "
        f"the bare interpreter, {own:.3f} s over it; {verdict} the {TARGET_OVER_BARE} s target "
        "(on a quiet machine)"
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
