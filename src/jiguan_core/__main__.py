"""Command line: ``python -m jiguan_core COMMAND ...`` (also installed as ``jiguan``).

This module is the edge: it reads the workspace file, prints, and writes files only when
``--out`` is given. Everything else is pure (:mod:`jiguan_core.cli`). Exit statuses: 0 nothing
to act on, 1 something to act on (a hard violation for ``check``/``plan``; see docs/cli.md),
2 bad input (every problem printed with its JSON path on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from collections.abc import Collection, Sequence
from typing import IO, TYPE_CHECKING, Any

import attrs

from jiguan_core.cli.registry import COMMANDS, Command
from jiguan_core.errors import JiguanError
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.outcome import Outcome
    from jiguan_core.cli.registry import CommandModule, Edge
    from jiguan_core.errors import Problem

EXIT_BAD_INPUT = 2


class _BadInput(Exception):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(len(problems))
        self.problems = tuple(problems)


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked (the metadata import costs)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="print the version and exit / 显示版本号",
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from jiguan_core._version import version

        python = ".".join(str(part) for part in sys.version_info[:3])
        sys.stdout.write(f"jiguan {version()} (Python {python})\n")
        parser.exit()


def _parser(only: Collection[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; with ``only``, the options of just those file commands (the others are
    listed with their help but their modules are not imported: ``jiguan --version``, ``jiguan -h``
    and ``jiguan check ...`` import one command module at most)."""
    parser = argparse.ArgumentParser(
        prog="jiguan",
        description="jiguan_core: how a government office runs itself / 机关运行管理",
        epilog="exit status: 0 nothing to act on, 1 something to act on, 2 bad input / "
        "退出码：0 无需处理，1 有需处理的事项，2 输入有误。"
        "Shell completion / 命令补全: jiguan completion bash|zsh|tcsh",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = commands.add_parser(
        "demo", help="print a summary of the embedded sample office / 显示示例机关概况"
    )
    demo.add_argument(
        "--lang", choices=("zh", "en", "both"), default="both", help="language / 语言 (both)"
    )
    for command in COMMANDS.values():
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        sub.add_argument(
            "file",
            metavar="FILE",
            help="a workspace JSON file (see `jiguan schema`); - reads stdin / 工作区 JSON 文件",
        )
        sub.add_argument(
            "--lang", choices=("zh", "en"), default="zh", help="language / 输出语言 (zh)"
        )
        sub.add_argument(
            "--out",
            metavar="F",
            help="write the output to F instead of stdout (-: stdout) / 输出到文件 F",
        )
        if only is None or command.name in only:
            command.load().add_arguments(sub)
        if command.output == "json":
            sub.add_argument(
                "--json", action="store_true", help="JSON output, keys sorted / 输出 JSON"
            )
        sub.add_argument(
            "--calendar",
            metavar="FILE",
            help="working-day arrangements of years the installed calendar data lacks "
            "(JSON like the workspace's calendar section; - reads stdin) / "
            "已安装日历数据缺少的年份的放假调休安排",
        )
    schema = commands.add_parser(
        "schema", help="print the workspace JSON Schema / 显示工作区文件的 JSON Schema"
    )
    schema.add_argument("--out", metavar="F", help="write the schema to F / 输出到文件 F")
    sample = commands.add_parser(
        "sample", help="print the sample office as a workspace / 输出示例工作区文件"
    )
    sample.add_argument("--out", metavar="F", help="write the workspace to F / 输出到文件 F")
    completion = commands.add_parser(
        "completion",
        help="print a shell completion script / 输出命令补全脚本",
        description="Print a completion script for the shell, e.g. "
        "`jiguan completion bash > ~/.local/share/bash-completion/completions/jiguan` or "
        '`eval "$(jiguan completion zsh)"` / 输出 shell 命令补全脚本',
    )
    completion.add_argument("shell", choices=("bash", "zsh", "tcsh"), help="the shell / shell 类型")
    return parser


def _chosen(argv: Sequence[str]) -> str | None:
    """The file command ``argv`` runs, if any: the first word that is not an option (the
    top-level options, ``--version`` and ``-h``, take no value)."""
    for word in argv:
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _shipped_schema() -> dict[str, Any]:
    from importlib.resources import files

    from jiguan_core.cli.interchange import SCHEMA_FILE

    text = files("jiguan_core").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _read_workspace(name: str) -> Workspace:
    from jiguan_core.cli.interchange import load_workspace
    from jiguan_core.cli.streams import read_json
    from jiguan_core.errors import InvalidInput

    try:
        return load_workspace(read_json(name), schema=_shipped_schema())
    except InvalidInput as error:
        raise _BadInput(error.problems) from error


def _with_calendar(ws: Workspace, name: str | None, file_name: str) -> Workspace:
    """``ws`` with the years and closures of ``--calendar FILE`` added (the file's years win)."""
    if name is None:
        return ws
    import attrs

    from jiguan_core.cli.interchange import CalendarSection, workspace_converter
    from jiguan_core.cli.streams import read_json
    from jiguan_core.errors import ConversionError, InvalidInput, Problem
    from jiguan_core.serialization import structure

    where = "--calendar $"
    if name == "-" and file_name == "-":
        raise _BadInput(
            [
                Problem(
                    where,
                    "the workspace and --calendar cannot both be read from standard input",
                    "工作区与 --calendar 不能同时从标准输入读取",
                )
            ]
        )
    try:
        section = structure(workspace_converter(), read_json(name, what=where), CalendarSection)
    except ConversionError as error:
        raise _BadInput(
            [Problem(f"--calendar {p.path}", p.message_en, p.message_zh) for p in error.problems]
        ) from error
    except InvalidInput as error:
        raise _BadInput(error.problems) from error
    merged = section if ws.calendar is None else ws.calendar.merged(section)
    return attrs.evolve(ws, calendar=merged)


def _run(args: argparse.Namespace, command: Command) -> Outcome:
    from jiguan_core.cli.registry import Edge
    from jiguan_core.errors import InvalidInput

    ws = _with_calendar(_read_workspace(args.file), args.calendar, args.file)
    module = command.load()
    edge = Edge(read_workspace=_read_workspace, now=lambda: dt.datetime.now(dt.UTC))
    try:
        if command.progress and _is_terminal(sys.stderr):
            return _with_bar(module, ws, args, edge)
        if command.progress and args.progress:
            edge = attrs.evolve(edge, progress=_progress_line)
        return module.from_args(ws, args, edge)
    except InvalidInput as error:
        raise _BadInput(error.problems) from error


def _is_terminal(stream: IO[str] | None) -> bool:
    return stream is not None and stream.isatty()


def _progress_line(line: str) -> None:
    """A plain progress line on stderr (``--progress`` into a pipe or a log)."""
    _say(line + "\n")


def _with_bar(
    module: CommandModule, ws: Workspace, args: argparse.Namespace, edge: Edge
) -> Outcome:
    """A command that reports progress, on a terminal: a live bar on stderr (rich), gone when
    the command is done."""
    from jiguan_core._optional import require

    progress_module: Any = require("rich.progress", feature="progress bar", feature_zh="进度条")
    console_module: Any = require("rich.console", feature="progress bar", feature_zh="进度条")
    label = "安排活动" if args.lang == "zh" else "planning"
    with progress_module.Progress(
        progress_module.TextColumn(label),
        progress_module.BarColumn(),
        progress_module.MofNCompleteColumn(),
        progress_module.TimeElapsedColumn(),
        console=console_module.Console(file=sys.stderr),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def on_step(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return module.from_args(ws, args, attrs.evolve(edge, on_step=on_step))


def _terminal_width(out: str | None) -> int | None:
    """The width tables must fit in: the terminal's, when the output goes to one; else none."""
    if out is not None or sys.stdout is None or not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def _emit(text: str, out: str | None) -> None:
    from jiguan_core.cli.streams import write_text

    write_text(text, out)


def _say(text: str) -> None:
    """A message on stderr, unless stderr itself is gone (then the exit status says it)."""
    stream = sys.stderr
    if stream is None:
        return
    # A closed or broken stderr has nowhere left to report to.
    with contextlib.suppress(OSError, ValueError):
        stream.write(text)
        stream.flush()


def _emit_binary(data: bytes, out: str | None, code: int) -> int:
    if out is None:
        _say(
            "a .docx or .xlsx file is binary: give --out FILE\n"
            "Word/Excel 文件为二进制文件：请用 --out FILE 指定输出文件\n"
        )
        return EXIT_BAD_INPUT
    from jiguan_core.cli.streams import write_bytes

    write_bytes(data, out)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    from jiguan_core.cli.streams import CannotWrite

    words = list(sys.argv[1:] if argv is None else argv)
    chosen = _chosen(words)
    args = _parser(only=() if chosen is None else (chosen,)).parse_args(words)
    lang: Lang = "en" if getattr(args, "lang", "en") == "en" else "zh"
    try:
        return _main(args)
    except CannotWrite as error:
        _say((error.message_zh if lang == "zh" else error.message_en) + "\n")
        return EXIT_BAD_INPUT
    except _BadInput as error:
        from jiguan_core.cli.render import problems_text

        _say(problems_text(error.problems, lang, source=_source(args)))
        return EXIT_BAD_INPUT
    except JiguanError as error:
        # Anything else the library refuses (an extra that is not installed, say) is a message
        # and exit status 2, never a traceback: the command line promises that (docs/cli.md).
        _say((error.message_zh if lang == "zh" else error.message_en) + "\n")
        return EXIT_BAD_INPUT


def _source(args: argparse.Namespace) -> str:
    name = getattr(args, "file", "")
    return "<stdin>" if name == "-" else str(name or "")


def _main(args: argparse.Namespace) -> int:
    if args.command == "demo":
        from jiguan_core.examples.demo import demo_text

        languages: tuple[Lang, ...] = ("zh", "en") if args.lang == "both" else (args.lang,)
        _emit("\n".join(demo_text(lang) for lang in languages), None)
        return 0
    if args.command == "schema":
        from jiguan_core.cli.interchange import SCHEMA_FILE, schema_files

        _emit(schema_files()[SCHEMA_FILE], args.out)
        return 0
    if args.command == "completion":
        from jiguan_core._optional import require

        shtab: Any = require("shtab", feature="shell completion", feature_zh="命令补全")
        sys.stdout.write(shtab.complete(_parser(), shell=args.shell))
        return 0
    if args.command == "sample":
        from jiguan_core.cli.interchange import dump_workspace
        from jiguan_core.examples.workspace import sample_workspace

        _emit(dump_workspace(sample_workspace()), args.out)
        return 0
    from jiguan_core.cli.render import table_width

    with table_width(_terminal_width(args.out)):
        outcome = _run(args, COMMANDS[args.command])
    if outcome.data is not None:
        return _emit_binary(outcome.data, args.out, outcome.exit_code)
    _emit(outcome.text, args.out)
    return outcome.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
