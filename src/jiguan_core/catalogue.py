"""Every rule of the library in one catalogue: scheduling, assessment, staff development, work.

Each area keeps its own rules next to the code that runs them; this module only gathers their
metadata (:class:`~jiguan_core.rule.RuleInfo`), so that a reader who knows the regulations but
not Python can audit all of them in one place (``docs/catalogue.md`` is generated from it), and
so that an explanation can look any rule up by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from jiguan_core.errors import UnknownEntity
from jiguan_core.rule import RuleInfo
from jiguan_core.sources import SOURCES
from jiguan_core.text import Lang, TermEnum

__all__ = ["RuleArea", "all_rules", "catalogue_markdown", "find_rule"]


class RuleArea(TermEnum):
    """The areas whose rules the catalogue gathers."""

    SCHEDULING = "scheduling", "活动排程"
    ASSESSMENT = "assessment", "考核"
    DEVELOPMENT = "development", "干部培养"
    WORK = "work", "工作管理"


def _infos(collection: Mapping[str, object] | Iterable[object]) -> list[RuleInfo]:
    values = collection.values() if isinstance(collection, Mapping) else collection
    found = []
    for value in values:
        info = value if isinstance(value, RuleInfo) else getattr(value, "info", None)
        if not isinstance(info, RuleInfo):  # pragma: no cover - a catalogue of another shape
            raise TypeError(f"not a rule: {value!r}")
        found.append(info)
    return found


@cache
def all_rules() -> tuple[tuple[RuleArea, RuleInfo], ...]:
    """Every rule with its area, areas in reading order and rules in each area's own order."""
    # Imported here: the catalogue needs every area, a plain ``import jiguan_core`` none.
    from jiguan_core.assessment import ASSESSMENT_CATALOGUE
    from jiguan_core.development import CATALOGUE as DEVELOPMENT_CATALOGUE
    from jiguan_core.rules import CATALOGUE as SCHEDULING_CATALOGUE
    from jiguan_core.work import WORK_RULES

    areas = (
        (RuleArea.SCHEDULING, SCHEDULING_CATALOGUE),
        (RuleArea.ASSESSMENT, ASSESSMENT_CATALOGUE),
        (RuleArea.DEVELOPMENT, DEVELOPMENT_CATALOGUE),
        (RuleArea.WORK, WORK_RULES),
    )
    return tuple((area, info) for area, rules in areas for info in _infos(rules))


def find_rule(rule_id: str) -> RuleInfo:
    """The rule ``rule_id`` of any area; an unknown id raises :class:`UnknownEntity`."""
    for _, info in all_rules():
        if info.id == rule_id:
            return info
    raise UnknownEntity("rule", rule_id, hint="see docs/catalogue.md for every rule id")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def catalogue_markdown(lang: Lang = "en") -> str:
    """The whole catalogue as a markdown page: per area, one row per rule (id, level, statement
    in Chinese and English, sources, parameters with their defaults)."""
    zh = lang == "zh"
    lines = [
        "# 规则目录 — the rule catalogue" if not zh else "# 规则目录",
        "",
        "Generated from the rules' own metadata by `jiguan_core.catalogue.catalogue_markdown`"
        " (`tools/gen_docs.py`); do not edit by hand. Sources are the ids of"
        " [the regulations page](regulations.md), each linked to its entry (V = wording seen,"
        " P = paraphrased, N = common practice, configurable). Every number is a parameter with"
        " the default shown; pass overrides per call.",
    ]
    by_area: dict[RuleArea, list[RuleInfo]] = {}
    for area, info in all_rules():
        by_area.setdefault(area, []).append(info)
    for area, infos in by_area.items():
        lines += [
            "",
            f"## {area.zh} — {area.en} ({len(infos)} rules)",
            "",
            "| id | level | rule (中文 / English) | sources | parameters (default) |",
            "|---|---|---|---|---|",
        ]
        for info in infos:
            sources = "; ".join(
                f"[{s}](regulations.md#{s}) ({SOURCES[s].reference}, {SOURCES[s].mark})"
                for s in info.sources
            )
            parameters = "<br>".join(
                f"`{p.name}` = {p.default!r} — {p.description.zh} / {p.description.en}"
                for p in info.parameters
            )
            lines.append(
                f"| {info.id} | {info.level.zh} {info.level.en} "
                f"| {_cell(info.statement.zh)}<br>{_cell(info.statement.en)} "
                f"| {_cell(sources)} | {_cell(parameters) or '—'} |"
            )
    return "\n".join(lines) + "\n"
