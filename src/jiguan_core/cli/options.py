"""Option types and options that several commands share (argparse), so that a day, an instant
or ``--as-of`` reads and fails the same way in every command. Cheap to import: the entry point
builds its parser from these before it knows which command runs."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence

__all__ = ["add_as_of", "add_format", "date_value", "datetime_value"]


def date_value(value: str) -> dt.date:
    """A ``YYYY-MM-DD`` option value."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from error


def datetime_value(value: str) -> dt.datetime:
    """A datetime option value with its UTC offset (a naive time is refused)."""
    from jiguan_core.errors import JiguanError
    from jiguan_core.time import parse_datetime

    try:
        return parse_datetime(value)
    except JiguanError as error:
        raise argparse.ArgumentTypeError(error.message_en) from error


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """``--as-of DATE`` (required): the day a report is made on."""
    parser.add_argument(
        "--as-of",
        dest="as_of",
        type=date_value,
        required=True,
        metavar="DATE",
        help="the day of the report / 报告日",
    )


def add_format(
    parser: argparse.ArgumentParser, choices: Sequence[str] = ("text", "json"), note: str = ""
) -> None:
    """``--format``: text (the default) or the other ``choices``."""
    parser.add_argument(
        "--format",
        choices=tuple(choices),
        default="text",
        help=f"output format{note} / 输出格式 (text)",
    )
