"""docs/regulations.md explains every source a rule can cite, and every link to it opens."""

from __future__ import annotations

import re
from collections import Counter

from jiguan_core.catalogue import all_rules
from jiguan_core.sources import SOURCES
from tests._paths import REPO_ROOT

DOCS = REPO_ROOT / "docs"
PAGE = DOCS / "regulations.md"
ANCHOR = re.compile(r'<a id="([^"]+)"></a>')
LINK = re.compile(r"regulations\.md#([A-Za-z0-9_.-]+)")


def _anchors() -> list[str]:
    return ANCHOR.findall(PAGE.read_text(encoding="utf-8"))


def test_every_source_id_has_an_entry_on_the_regulations_page() -> None:
    """A source in SOURCES without an anchor on docs/regulations.md is a citation nobody can open."""
    missing = sorted(set(SOURCES) - set(_anchors()))
    assert not missing, f"add these ids to docs/regulations.md: {missing}"


def test_every_source_the_catalogue_cites_has_an_entry() -> None:
    """Each id a rule cites, in any area, opens on the regulations page."""
    cited = {source for info in all_rules() for source in info.sources}
    assert cited
    assert cited <= set(_anchors())


def test_each_id_has_exactly_one_entry() -> None:
    """No id is explained twice, so a link lands on the one entry."""
    twice = sorted(anchor for anchor, n in Counter(_anchors()).items() if n > 1)
    assert not twice


def test_every_link_to_the_regulations_page_lands_on_an_entry() -> None:
    """Links like ``regulations.md#A6`` in the docs (the generated catalogue too) resolve."""
    anchors = set(_anchors())
    links = {
        (page.name, target)
        for page in DOCS.glob("*.md")
        for target in LINK.findall(page.read_text(encoding="utf-8"))
    }
    assert any(name == "catalogue.md" for name, _ in links), "the catalogue links its sources"
    assert not sorted(link for link in links if link[1] not in anchors)
