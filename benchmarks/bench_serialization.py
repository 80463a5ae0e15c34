"""Benchmark: the sample office to plain dicts (and JSON) and back.

jiguan_core's converter (strict, validating, every problem with its path) is compared with
baselines measured in the same run on the same data:

* writing: ``attrs.asdict`` (recursive, no type handling) for dicts, plus ``json.dumps`` with
  ``default=str`` for JSON;
* reading: rebuilding every object of the same office by calling its class with its field
  values (every validator, converter and the integrity check run, as reading must do anyway;
  only the parsing of strings and the type checks of the edge are missing), plus
  ``json.loads`` for JSON.

So the ratios show what the converter's type checks and error paths cost on top. Run:
``.venv/bin/python benchmarks/bench_serialization.py`` (``--quick`` for N = 3).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import best_of, table
from jiguan_core.examples.office import sample_office
from jiguan_core.organization import Organization
from jiguan_core.serialization import from_dict, from_json, to_dict, to_json


def _rebuild(value: Any) -> Any:
    """A fresh copy made by calling each attrs class with its (rebuilt) field values."""
    if attrs.has(type(value)):
        cls = type(value)
        return cls(
            **{f.alias: _rebuild(getattr(value, f.name)) for f in attrs.fields(cls) if f.init}
        )
    if isinstance(value, tuple):
        return tuple(_rebuild(v) for v in value)
    if isinstance(value, frozenset):
        return frozenset(_rebuild(v) for v in value)
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="N = 3 instead of 15")
    args = parser.parse_args()
    n = 3 if args.quick else 15
    org = sample_office()
    plain = to_dict(org)
    text = to_json(org)

    t_asdict, _ = best_of(lambda: attrs.asdict(org), repeat=n)
    t_to_dict, _ = best_of(lambda: to_dict(org), repeat=n)
    t_dumps, _ = best_of(lambda: json.dumps(attrs.asdict(org), default=str), repeat=n)
    t_to_json, _ = best_of(lambda: to_json(org), repeat=n)
    t_direct, _ = best_of(lambda: _rebuild(org), repeat=n)
    t_from_dict, again = best_of(lambda: from_dict(Organization, plain), repeat=n)
    t_loads_direct, _ = best_of(lambda: (json.loads(text), _rebuild(org)), repeat=n)
    t_from_json, again_json = best_of(lambda: from_json(Organization, text), repeat=n)
    assert again == org
    assert again_json == org

    counts = {
        name: len(getattr(org, name))
        for name in ("staff", "posts", "assignments", "activities", "absences", "tasks")
    }
    size: dict[str, Any] = {"objects": sum(counts.values()), "json bytes": len(text.encode())}
    print(f"Sample office: {counts}; {size}")
    rows = [
        ["to_dict", t_to_dict, "attrs.asdict", t_asdict, t_to_dict / t_asdict],
        ["to_json", t_to_json, "asdict + json.dumps", t_dumps, t_to_json / t_dumps],
        ["from_dict", t_from_dict, "rebuild objects", t_direct, t_from_dict / t_direct],
        [
            "from_json",
            t_from_json,
            "json.loads + rebuild",
            t_loads_direct,
            t_from_json / t_loads_direct,
        ],
        [
            "round trip (dict)",
            t_to_dict + t_from_dict,
            "asdict + rebuild",
            t_asdict + t_direct,
            (t_to_dict + t_from_dict) / (t_asdict + t_direct),
        ],
    ]
    print(
        table(
            f"Serialization of the sample office, best of N = {n}",
            ["operation", "seconds", "baseline", "baseline s", "x baseline"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
