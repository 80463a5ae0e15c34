"""The generated glossary: complete, deterministic, and the same as docs/glossary.md."""

from __future__ import annotations

from tools.glossary import glossary_entries, glossary_markdown, term_enums

from jiguan_core.activity import ActivityKind
from jiguan_core.post import KeyArea
from jiguan_core.staff import Level
from jiguan_core.text import TermEnum
from tests._paths import REPO_ROOT
from tests._two_processes import two_runs

ROOT = REPO_ROOT


def test_the_glossary_page_matches_the_code() -> None:
    """docs/glossary.md is generated; if this fails, regenerate it rather than editing by hand."""
    page = ROOT / "docs" / "glossary.md"
    expected = glossary_markdown().rstrip("\n") + "\n"
    current = page.read_text(encoding="utf-8") if page.exists() else ""
    assert current == expected, (
        "docs/glossary.md is stale: run `.venv/bin/python tools/gen_docs.py` and commit the result"
    )


def test_the_glossary_includes_every_foundation_enum() -> None:
    """Enums of the foundation modules are all found by walking the package."""
    found = set(term_enums())
    assert {ActivityKind, KeyArea, Level} <= found
    assert TermEnum not in found


def test_the_glossary_maps_chinese_terms_to_identifiers_and_english() -> None:
    """An entry joins the office's word, the code's name, the JSON value and the English label."""
    entries = {e.identifier: e for e in glossary_entries()}
    research = entries["ActivityKind.RESEARCH"]
    assert (research.zh, research.value, research.en) == ("调研", "research", "research")
    assert "| 调研 | `ActivityKind.RESEARCH` | `research` | research |" in glossary_markdown()


def test_the_glossary_is_sorted_and_identical_on_every_call() -> None:
    """Enums come sorted by module and name, and the text does not change between calls."""
    enums = term_enums()
    keys = [(e.__module__, e.__qualname__) for e in enums]
    assert keys == sorted(keys)
    first, second = two_runs(
        "from tools.glossary import glossary_markdown; print(glossary_markdown())"
    )
    assert first == second == glossary_markdown() + "\n"
