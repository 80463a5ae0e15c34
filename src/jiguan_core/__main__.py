"""Command line: ``python -m jiguan_core demo [--lang zh|en]`` (also installed as ``jiguan``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from jiguan_core.demo import demo_text
from jiguan_core.text import Lang


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="jiguan", description="jiguan_core: how a government office runs itself"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser("demo", help="print a summary of the embedded sample office")
    demo.add_argument("--lang", choices=("zh", "en", "both"), default="both")
    args = parser.parse_args(argv)
    if args.command == "demo":
        languages: tuple[Lang, ...] = ("zh", "en") if args.lang == "both" else (args.lang,)
        sys.stdout.write("\n".join(demo_text(lang) for lang in languages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
