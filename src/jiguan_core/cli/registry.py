"""The commands that read a workspace file: each one's name, help (English and Chinese), how it
chooses JSON, and the module that holds it (``jiguan_core.cli.<module>``).

Every command module has the same two entry points besides its pure ``run_<name>`` function:
``add_arguments(parser)`` adds the options only it has, and ``from_args(ws, args, edge)`` runs it
from parsed options. The entry point (:mod:`jiguan_core.__main__`) adds what all of them share
(``FILE``, ``--lang``, ``--out``, ``--calendar`` and, where :attr:`Command.output` is ``"json"``,
``--json``), imports only the module of the command that runs, and lends it an :class:`Edge`
for what a pure command must not do itself. This module imports nothing heavy, so that
``jiguan --version`` and ``jiguan -h`` stay quick.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal, Protocol, cast

from attrs import frozen

if TYPE_CHECKING:
    from jiguan_core.cli.interchange import Workspace
    from jiguan_core.cli.outcome import Outcome

__all__ = ["COMMANDS", "Command", "CommandModule", "Edge"]


@frozen(kw_only=True)
class Edge:
    """What the entry point lends a command: reading another workspace file (``list --since``),
    the clock (``ics`` without ``--stamp``) and progress reports (``plan``)."""

    read_workspace: Callable[[str], Workspace]
    now: Callable[[], dt.datetime]
    progress: Callable[[str], None] | None = None
    on_step: Callable[[int, int], None] | None = None


class CommandModule(Protocol):
    """The two functions every command module defines."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def from_args(self, ws: Workspace, args: argparse.Namespace, edge: Edge) -> Outcome: ...


@frozen(kw_only=True)
class Command:
    """One command of ``jiguan`` that reads a workspace file."""

    name: str
    #: The module under ``jiguan_core.cli`` (the command's name, except where that is a builtin).
    module: str
    en: str
    zh: str
    #: ``"json"``: a ``--json`` flag; ``"format"``: the command's own ``--format``; ``"file"``:
    #: the output is a file format (iCalendar, SVG), nothing to choose.
    output: Literal["json", "format", "file"]
    #: Whether the command reports progress (a live bar on a terminal, ``--progress`` lines).
    progress: bool = False

    @property
    def help(self) -> str:
        """The help in English and Chinese."""
        return f"{self.en} / {self.zh}"

    def load(self) -> CommandModule:
        """The command's module (imported now, not before)."""
        return cast(CommandModule, importlib.import_module(f"jiguan_core.cli.{self.module}"))


_ALL = (
    Command(
        name="check",
        module="check",
        en="the conflict report of the office's calendar (exit 1: a hard violation)",
        zh="机关活动日程的冲突检查（退出码 1：有硬约束违规）",
        output="json",
    ),
    Command(
        name="plan",
        module="plan",
        en="place the workspace's requests (exit 1: a request left unplaced)",
        zh="安排工作区中的活动申请（退出码 1：有申请未能安排）",
        output="json",
        progress=True,
    ),
    Command(
        name="assess",
        module="assess",
        en="quarterly and annual assessment results (exit 1: someone graded poor/incompetent)",
        zh="平时考核与年度考核结果（退出码 1：有人评为较差或不称职）",
        output="json",
    ),
    Command(
        name="coverage",
        module="coverage",
        en="A/B coverage of the key posts (exit 1: a post with nobody on a working day)",
        zh="关键岗位 AB 角补位情况（退出码 1：某工作日岗位无人）",
        output="json",
    ),
    Command(
        name="rotation",
        module="rotation",
        en="rotation status on the day (exit 1: someone due for rotation)",
        zh="某日的轮岗情况（退出码 1：有人到期应轮岗）",
        output="json",
    ),
    Command(
        name="stats",
        module="stats",
        en="learning and activity figures since a day (always 0)",
        zh="自某日以来的学习与活动统计（退出码总为 0）",
        output="json",
    ),
    Command(
        name="ics",
        module="ics",
        en="the activities as an iCalendar (.ics) file",
        zh="把活动导出为 iCalendar（.ics）文件",
        output="file",
    ),
    Command(
        name="roster",
        module="roster",
        en="the holiday duty roster of a period (exit 1: a day that cannot be filled)",
        zh="某期间的节假日值班表（退出码 1：某日无法排班）",
        output="format",
    ),
    Command(
        name="leave",
        module="leave",
        en="annual leave due, taken and left per person in a year (exit 1: someone over)",
        zh="某年每人应休、已休、未休年休假（退出码 1：有人超休）",
        output="format",
    ),
    Command(
        name="proposals",
        module="proposals",
        en="proposal figures and late proposals on a day (exit 1: a late proposal)",
        zh="某日的提案办理统计与逾期提案（退出码 1：有逾期提案）",
        output="format",
    ),
    Command(
        name="workplan",
        module="workplan",
        en="progress of the year's work plan on a day (exit 1: a late milestone)",
        zh="某日年度工作要点的进度（退出码 1：有逾期节点）",
        output="format",
    ),
    Command(
        name="list",
        module="listing",
        en="the activity list of a period: text, .docx, .xlsx or HTML (exit 1: changed --since)",
        zh="某期间的活动清单：文本、.docx、.xlsx 或 HTML（退出码 1：与 --since 相比有变化）",
        output="json",
    ),
    Command(
        name="chart",
        module="chart",
        en="a picture (SVG): leaders' week, A/B coverage or workload",
        zh="图示（SVG）：领导一周活动、AB 角补位或工作量",
        output="file",
    ),
)

#: Every command that reads a workspace file, by name, in the order ``jiguan -h`` lists them.
COMMANDS: Mapping[str, Command] = {command.name: command for command in _ALL}
