"""The documentation site's navigation (mkdocs.yml) lists every page, and every API reference
page names a module that exists. (`make docs` builds the site in strict mode; these checks run
in every pytest run, so whoever adds a page or moves a module learns it at once.)"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from tests._paths import REPO_ROOT

ROOT = REPO_ROOT
DOCS = ROOT / "docs"
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
NAV = CONFIG[CONFIG.index("\nnav:") :]
PAGES = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_in_the_navigation(page: str) -> None:
    """A page in docs/ that the navigation leaves out would be built but found by nobody."""
    assert re.search(rf":\s+{re.escape(page)}\s*$", NAV, re.MULTILINE), (
        f"add {page} to the nav of mkdocs.yml"
    )


def test_every_page_in_the_navigation_exists() -> None:
    """The navigation names no page that is not there."""
    named = re.findall(r":\s+(\S+\.md)\s*$", NAV, re.MULTILINE)
    assert named
    assert sorted(set(named) - set(PAGES)) == []


#: The reference pages that document a module (index.md only lists them).
REFERENCE = sorted(p for p in (DOCS / "reference").glob("*.md") if p.name != "index.md")


@pytest.mark.parametrize("page", REFERENCE, ids=lambda p: p.name)
def test_every_reference_directive_names_an_importable_module(page: Path) -> None:
    """``::: jiguan_core.x`` directives name modules that import."""
    named = re.findall(r"^::: (\S+)$", page.read_text(encoding="utf-8"), re.MULTILINE)
    assert named, f"{page.name} documents no module"
    assert [importlib.import_module(module).__name__ for module in named] == named
