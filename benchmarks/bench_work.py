"""Benchmark: period statistics over 5 years of records for 3,000 staff (~1 million records).

Compares :func:`jiguan_core.work.statistics.statistics` (records flattened once into integer
keys, then two binary searches and C-level counting per period) with
:func:`~jiguan_core.work.statistics.reference_statistics` (a plain loop over every record),
both measured in the same run on the same data, and checks they agree. Reports:

- book: building the :class:`RecordBook` (sort by date, check every person and department,
  and, in the same pass, the date-ordered columns the statistics read) — paid once on load;
- statistics: one period query on the built book;
- reference: the plain loop over the same book's records (also on the loaded book).

Run: ``.venv/bin/python benchmarks/bench_work.py`` (``--quick`` for a smoke run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._harness import best_of, table
from jiguan_core.work.records import Record, RecordBook, RecordKind, Tier
from jiguan_core.work.statistics import reference_statistics, statistics

FIRST, LAST = dt.date(2021, 1, 1), dt.date(2026, 1, 1)

#: Records per year for 3,000 staff, and how many people each names.
MIX: tuple[tuple[RecordKind, int, tuple[int, int]], ...] = (
    (RecordKind.BOOK_LOAN, 140_000, (1, 1)),
    (RecordKind.ESSAY, 30_000, (1, 1)),
    (RecordKind.PUBLICATION, 10_000, (1, 2)),
    (RecordKind.TRAINING, 8_000, (5, 40)),
    (RecordKind.STUDY_SESSION, 5_000, (10, 60)),
    (RecordKind.RESEARCH, 3_000, (3, 8)),
    (RecordKind.INSPECTION, 2_000, (3, 8)),
    (RecordKind.STUDY_VISIT, 2_000, (4, 4)),
    (RecordKind.HONOUR, 500, (0, 1)),
)


def make_records(
    staff_count: int, scale: float, seed: int = 7
) -> tuple[list[Record], list[str], list[str]]:
    rng = random.Random(seed)
    staff = [f"s{i:05d}" for i in range(staff_count)]
    departments = [f"d{i:02d}" for i in range(max(staff_count // 60, 1))]
    records: list[Record] = []
    with attrs.validators.disabled():  # generated data: skip per-field checks, keep the book's
        for year in range(FIRST.year, LAST.year):
            start = dt.date(year, 1, 1)
            days = (dt.date(year + 1, 1, 1) - start).days
            for kind, per_year, (low, high) in MIX:
                for _ in range(max(int(per_year * scale), 1)):
                    size = rng.randint(low, high)
                    level = None
                    if kind in (RecordKind.PUBLICATION, RecordKind.HONOUR):
                        level = rng.choice((Tier.CENTRAL, Tier.PROVINCIAL, Tier.MUNICIPAL))
                    records.append(
                        Record(
                            id=f"r{len(records):07d}",
                            kind=kind,
                            on=start + dt.timedelta(days=rng.randrange(days)),
                            title="记录",
                            department_id=rng.choice(departments),
                            participants=rng.sample(staff, size),
                            level=level,
                        )
                    )
    return records, staff, departments


def make_book(staff_count: int, scale: float, seed: int = 7) -> RecordBook:
    records, staff, departments = make_records(staff_count, scale, seed)
    return RecordBook(records=records, staff_ids=staff, department_ids=departments)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="about 50,000 records, 300 staff")
    args = parser.parse_args()
    staff_count, scale = (300, 0.05) if args.quick else (3_000, 1.0)
    started = time.perf_counter()
    records, staff, departments = make_records(staff_count, scale)
    generated = time.perf_counter() - started
    t_book, book = best_of(
        lambda: RecordBook(records=records, staff_ids=staff, department_ids=departments),
        repeat=1,
    )
    participations = sum(len(r.participants) for r in book.records)
    since, until = dt.date(2024, 1, 1), LAST
    print(
        f"N = {len(book.records):,} records, {participations:,} participations, "
        f"{staff_count:,} staff, {len(book.department_ids)} departments, "
        f"{FIRST} to {LAST} (generated in {generated:.1f} s, not counted)"
    )
    t_ref, ref = best_of(lambda: reference_statistics(book.records, FIRST, LAST), repeat=1)
    t_fast, fast = best_of(lambda: statistics(book, FIRST, LAST), repeat=3)
    t_ref_since, ref_since = best_of(
        lambda: reference_statistics(book.records, since, until), repeat=1
    )
    t_fast_since, fast_since = best_of(lambda: statistics(book, since, until), repeat=3)
    assert fast == ref, "fast statistics disagree with the reference"
    assert fast_since == ref_since, "fast statistics disagree with the reference (since 2024)"
    rows = [
        ("reference loop, 5 years", t_ref, 1.0),
        ("statistics, 5 years", t_fast, t_ref / t_fast),
        ("reference loop, since 2024", t_ref_since, 1.0),
        ("statistics, since 2024", t_fast_since, t_ref_since / t_fast_since),
        ("(load) RecordBook: sort + check + columns", t_book, t_ref / t_book),
    ]
    print(
        table(
            "period statistics on a loaded book (best of runs; ratio = reference s / s)",
            ("case", "seconds", "ratio vs reference"),
            rows,
        )
    )
    target = 2.0
    verdict = "met" if t_fast < target else "NOT met"
    print(f"target: 5-year statistics under {target} s on this machine: {verdict}")
    print(
        f"load + one 5-year query: {t_book + t_fast:.2f} s; the load (sort, reference checks, "
        "columns) is paid once per book and is not part of the target"
    )


if __name__ == "__main__":
    main()
