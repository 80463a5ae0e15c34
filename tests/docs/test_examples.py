"""Every ```python example in README.md and docs/*.md runs, so the docs cannot drift.

The blocks of one page run in order in one namespace (a page reads as one session). A block
that is deliberately not runnable is fenced as ```text instead.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests._paths import REPO_ROOT

ROOT = REPO_ROOT
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def _blocks(page: Path) -> list[str]:
    return _BLOCK.findall(page.read_text(encoding="utf-8"))


#: The pages with Python examples (a page without one has nothing to run).
PAGES = [
    page
    for page in sorted([ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])
    if _blocks(page)
]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_the_python_examples_of_the_page_run(page: Path) -> None:
    """Each example block of the page runs without error."""
    # weak-tests: the examples assert their own results; running them without error is the test
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for number, block in enumerate(_blocks(page), start=1):
        code = compile(block, f"{page.name} (example {number})", "exec")
        exec(code, namespace)  # running the documentation is the point
