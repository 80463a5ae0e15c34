"""Write the generated documentation pages (run from anywhere: ``.venv/bin/python tools/gen_docs.py``).

Each page is a pair (path relative to the repository, function returning its text). The library
itself does no file I/O; this script at the edge of the repository does. Add a page by appending
to ``PAGES`` (e.g. the rule catalogue). ``--check`` writes nothing and exits 1 when a page is
stale, for CI.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from jiguan_core.catalogue import catalogue_markdown as full_catalogue  # noqa: E402  (path set-up)
from jiguan_core.cli import schema_files  # noqa: E402
from jiguan_core.rules import catalogue_markdown  # noqa: E402
from tools.glossary import glossary_markdown, skipped_modules  # noqa: E402


def _schema_page(name: str) -> Callable[[], str]:
    return lambda: schema_files()[name]


#: (path relative to the repository root, generator of the page's text)
PAGES: list[tuple[str, Callable[[], str]]] = [
    ("docs/glossary.md", glossary_markdown),
    ("docs/rules.md", lambda: catalogue_markdown("en")),
    ("docs/catalogue.md", full_catalogue),
    *((f"src/jiguan_core/schemas/{name}", _schema_page(name)) for name in sorted(schema_files())),
]


def render(generator: Callable[[], str]) -> str:
    """A page's text, ending in exactly one newline."""
    return generator().rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="report stale pages, write nothing")
    args = parser.parse_args(argv)
    skipped = skipped_modules()
    if skipped:
        print(
            "warning: modules that do not import are left out: " + ", ".join(skipped),
            file=sys.stderr,
        )
    stale = []
    for relative, generator in PAGES:
        path = ROOT / relative
        text = render(generator)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(relative)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {relative}")
    if args.check and stale:
        print("stale: " + ", ".join(stale) + "; run .venv/bin/python tools/gen_docs.py")
        return 1
    if not stale:
        print("all generated pages are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
