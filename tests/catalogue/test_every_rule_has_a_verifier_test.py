"""Every rule of the catalogue has a verifier test in tests/catalogue/ (Timefold's ConstraintVerifier
manner): a rule without one fails here, by name."""

from __future__ import annotations

import re
from pathlib import Path

from jiguan_core.catalogue import rule_ids

HERE = Path(__file__).resolve().parent
VERIFY = re.compile(r"""verify\(\s*["']([^"']+)["']""")


def verified_ids() -> set[str]:
    found: set[str] = set()
    for path in HERE.glob("test_*.py"):
        if path.name == Path(__file__).name:
            continue
        found |= set(VERIFY.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_catalogue_rule_is_named_by_a_verifier_test() -> None:
    """A rule id that no ``verify("ID")`` names is listed."""
    missing = sorted(set(rule_ids()) - verified_ids())
    assert missing == [], f"rules without a verifier test in tests/catalogue/: {missing}"


def test_every_verifier_test_names_a_catalogue_rule() -> None:
    """No verifier test runs a rule the catalogue does not have (a typo or a removed rule)."""
    from jiguan_core.catalogue import rule

    named = sorted(verified_ids())
    assert len(named) >= len(rule_ids())  # the scan found the verifier tests
    assert [i for i in named if rule(i).id not in rule_ids()] == []
