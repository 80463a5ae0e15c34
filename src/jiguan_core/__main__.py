"""Command line: ``python -m jiguan_core COMMAND ...`` (also installed as ``jiguan``).

This module is the edge: it reads the workspace file, prints, and writes files only when
``--out`` is given. Everything else is pure (:mod:`jiguan_core.cli`). Exit statuses: 0 nothing
to act on, 1 something to act on (a hard violation for ``check``/``plan``; see docs/cli.md),
2 bad input (every problem printed with its JSON path on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from jiguan_core.errors import JiguanError
from jiguan_core.examples.demo import demo_text
from jiguan_core.text import Lang

if TYPE_CHECKING:
    from jiguan_core.cli.commands import Outcome
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.errors import Problem

EXIT_BAD_INPUT = 2

_FILE_COMMANDS = {
    "check": "the conflict report of the office's calendar (exit 1: a hard violation)",
    "plan": "place the workspace's requests (exit 1: a request left unplaced)",
    "assess": "quarterly and annual assessment results (exit 1: someone graded poor/incompetent)",
    "coverage": "A/B coverage of the key posts (exit 1: a post with nobody on a working day)",
    "rotation": "rotation status on the day (exit 1: someone due for rotation)",
    "stats": "learning and activity figures since a day (always 0)",
    "ics": "the activities as an iCalendar (.ics) file",
    "roster": "the holiday duty roster of a period (exit 1: a day that cannot be filled)",
    "leave": "annual leave due, taken and left per person in a year (exit 1: someone over)",
    "proposals": "proposal figures and late proposals on a day (exit 1: a late proposal)",
    "workplan": "progress of the year's work plan on a day (exit 1: a late milestone)",
    "list": "the activity list of a period: text, .docx, .xlsx or HTML (exit 1: changed --since)",
    "chart": "a picture (SVG): leaders' week, A/B coverage or workload",
}


#: The same in Chinese: every help text is given in both languages.
_FILE_COMMANDS_ZH = {
    "check": "机关活动日程的冲突检查（退出码 1：有硬约束违规）",
    "plan": "安排工作区中的活动申请（退出码 1：有申请未能安排）",
    "assess": "平时考核与年度考核结果（退出码 1：有人评为较差或不称职）",
    "coverage": "关键岗位 AB 角补位情况（退出码 1：某工作日岗位无人）",
    "rotation": "某日的轮岗情况（退出码 1：有人到期应轮岗）",
    "stats": "自某日以来的学习与活动统计（退出码总为 0）",
    "ics": "把活动导出为 iCalendar（.ics）文件",
    "roster": "某期间的节假日值班表（退出码 1：某日无法排班）",
    "leave": "某年每人应休、已休、未休年休假（退出码 1：有人超休）",
    "proposals": "某日的提案办理统计与逾期提案（退出码 1：有逾期提案）",
    "workplan": "某日年度工作要点的进度（退出码 1：有逾期节点）",
    "list": "某期间的活动清单：文本、.docx、.xlsx 或 HTML（退出码 1：与 --since 相比有变化）",
    "chart": "图示（SVG）：领导一周活动、AB 角补位或工作量",
}


def _both(command: str) -> str:
    """A command's help in English and Chinese."""
    en = _FILE_COMMANDS[command]
    zh = _FILE_COMMANDS_ZH.get(command)
    return en if zh is None else f"{en} / {zh}"


#: The commands that choose their output with --format (text or json) instead of --json.
_FORMAT_COMMANDS = ("roster", "leave", "proposals", "workplan")


class _BadInput(Exception):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(len(problems))
        self.problems = tuple(problems)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from error


def _aware(value: str) -> dt.datetime:
    from jiguan_core.errors import JiguanError
    from jiguan_core.time import parse_datetime

    try:
        return parse_datetime(value)
    except JiguanError as error:
        raise argparse.ArgumentTypeError(error.message_en) from error


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


def _parser() -> argparse.ArgumentParser:
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

    for name in _FILE_COMMANDS:
        sub = commands.add_parser(name, help=_both(name), description=_both(name))
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
        if name == "plan":
            sub.add_argument(
                "--progress",
                action="store_true",
                help="progress lines on stderr even when it is not a terminal (on a terminal a "
                "live bar is shown anyway) / 非终端时也在标准错误输出进度",
            )
        if name == "roster":
            sub.add_argument(
                "--from",
                dest="start",
                type=_date,
                required=True,
                metavar="DATE",
                help="first day of the period",
            )
            sub.add_argument(
                "--to",
                dest="last",
                type=_date,
                required=True,
                metavar="DATE",
                help="last day of the period (included)",
            )
            sub.add_argument(
                "--format",
                choices=("text", "json", "xlsx"),
                default="text",
                help="output format (xlsx: the office extra, with --out)",
            )
        elif name == "leave":
            sub.add_argument("--year", type=int, required=True, metavar="YEAR", help="the year")
            sub.add_argument(
                "--format", choices=("text", "json"), default="text", help="output format"
            )
        elif name == "proposals":
            sub.add_argument(
                "--as-of",
                dest="as_of",
                type=_date,
                required=True,
                metavar="DATE",
                help="the day of the report",
            )
            sub.add_argument(
                "--since", type=_date, metavar="DATE", help="first day counted (default 1 January)"
            )
            sub.add_argument(
                "--format", choices=("text", "json"), default="text", help="output format"
            )
        elif name == "workplan":
            sub.add_argument(
                "--as-of",
                dest="as_of",
                type=_date,
                required=True,
                metavar="DATE",
                help="the day of the report",
            )
            sub.add_argument(
                "--format", choices=("text", "json"), default="text", help="output format"
            )
        elif name == "list":
            from jiguan_core.cli import list_command

            list_command.add_arguments(sub, _date)
        if name == "chart":
            from jiguan_core.cli import chart_command

            chart_command.add_arguments(sub, _date)
        if name not in ("ics", "chart", *_FORMAT_COMMANDS):
            sub.add_argument(
                "--json", action="store_true", help="JSON output, keys sorted / 输出 JSON"
            )
        sub.add_argument(
            "--calendar",
            metavar="FILE",
            help="working-day arrangements of years the installed calendar data lacks "
            "(JSON like the workspace's calendar section; - reads stdin)",
        )
        if name == "stats":
            sub.add_argument(
                "--since", type=_date, required=True, metavar="DATE", help="first day counted"
            )
        if name == "ics":
            who = sub.add_mutually_exclusive_group()
            who.add_argument("--person", metavar="ID", help="activities a person attends")
            who.add_argument("--department", metavar="ID", help="activities a department organises")
            who.add_argument(
                "--leader", metavar="ID", help="activities a leadership member attends"
            )
            sub.add_argument("--week", type=_date, metavar="DATE", help="only the week of DATE")
            sub.add_argument(
                "--stamp",
                type=_aware,
                metavar="DATETIME",
                help="DTSTAMP of every event, with offset (default: now); fix it for "
                "byte-identical files",
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


def _run(args: argparse.Namespace) -> Outcome:
    from jiguan_core.cli import commands
    from jiguan_core.errors import InvalidInput

    ws = _with_calendar(_read_workspace(args.file), args.calendar, args.file)
    lang: Lang = args.lang
    progress: Callable[[str], None] | None = None
    if getattr(args, "progress", False) and not sys.stderr.isatty():

        def progress(line: str) -> None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()

    try:
        if args.command == "check":
            return commands.run_check(ws, lang=lang, as_json=args.json)
        if args.command == "plan":
            if sys.stderr.isatty():
                return _plan_with_bar(ws, lang, args.json)
            return commands.run_plan(ws, lang=lang, as_json=args.json, progress=progress)
        if args.command == "assess":
            return commands.run_assess(ws, lang=lang, as_json=args.json)
        if args.command == "coverage":
            return commands.run_coverage(ws, lang=lang, as_json=args.json)
        if args.command == "rotation":
            return commands.run_rotation(ws, lang=lang, as_json=args.json)
        if args.command == "roster":
            from jiguan_core.cli.roster import run_roster

            return run_roster(ws, start=args.start, last=args.last, lang=lang, fmt=args.format)
        if args.command == "leave":
            from jiguan_core.cli.leave import run_leave

            return run_leave(ws, year=args.year, lang=lang, fmt=args.format)
        if args.command == "proposals":
            from jiguan_core.cli.proposals import run_proposals

            return run_proposals(ws, as_of=args.as_of, since=args.since, lang=lang, fmt=args.format)
        if args.command == "workplan":
            from jiguan_core.cli.workplan import run_workplan

            return run_workplan(ws, as_of=args.as_of, lang=lang, fmt=args.format)
        if args.command == "chart":
            from jiguan_core.cli.chart_command import run_chart

            return run_chart(ws, kind=args.kind, on=args.on, leader_id=args.leader, lang=lang)
        if args.command == "list":
            from jiguan_core.calendar import Granularity
            from jiguan_core.cli.list_command import run_list

            earlier = None if args.since is None else _read_workspace(args.since)
            return run_list(
                ws,
                period=Granularity(args.period),
                on=args.on,
                leader_id=args.leader,
                department_id=args.department,
                important_only=args.important,
                fmt=args.format,
                previous=earlier,
                lang=lang,
                as_json=args.json,
            )
        if args.command == "stats":
            return commands.run_stats(ws, since=args.since, lang=lang, as_json=args.json)
        stamp = args.stamp or dt.datetime.now(dt.UTC)  # the edge may read the clock
        return commands.run_ics(
            ws,
            stamp=stamp,
            lang=lang,
            person_id=args.person,
            department_id=args.department,
            leader_id=args.leader,
            week=args.week,
        )
    except InvalidInput as error:
        raise _BadInput(error.problems) from error


def _plan_with_bar(ws: Workspace, lang: Lang, as_json: bool) -> Outcome:
    """``plan`` on a terminal: a live progress bar on stderr (rich), gone when the plan is made."""
    from jiguan_core._optional import require
    from jiguan_core.cli import commands

    progress_module: Any = require("rich.progress", feature="progress bar", feature_zh="进度条")
    console_module: Any = require("rich.console", feature="progress bar", feature_zh="进度条")
    label = "安排活动" if lang == "zh" else "planning"
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

        return commands.run_plan(ws, lang=lang, as_json=as_json, on_step=on_step)


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
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass


def _emit_binary(data: bytes, out: str | None, code: int) -> int:
    if out is None:
        sys.stderr.write(
            "a .docx or .xlsx file is binary: give --out FILE\n"
            "Word/Excel 文件为二进制文件：请用 --out FILE 指定输出文件\n"
        )
        return EXIT_BAD_INPUT
    from jiguan_core.cli.streams import write_bytes

    write_bytes(data, out)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    from jiguan_core.cli.streams import CannotWrite

    args = _parser().parse_args(argv)
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
        outcome = _run(args)
    if outcome.data is not None:
        return _emit_binary(outcome.data, args.out, outcome.exit_code)
    _emit(outcome.text, args.out)
    return outcome.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
