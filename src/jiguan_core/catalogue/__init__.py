"""The one catalogue: every rule of every area, the regulations as data, and the one lookup.

One module per area holds that area's rules (:mod:`.scheduling`, :mod:`.assessment`,
:mod:`.development`, :mod:`.work`, :mod:`.leave`, :mod:`.duty`, :mod:`.proposals`,
:mod:`.workplan`); each rule is a :class:`~jiguan_core.rule.Rule` citing the
REGULATIONS ids it comes from (``docs/regulations.md``). :func:`rule` finds any rule by its id (or
a former id), with ``computed_by`` bound to the function that decides it when it is not a
declarative pattern; :func:`all_rules` lists them in reading order, and ``docs/catalogue.md`` is
generated from them, so a reader who knows the regulations but not Python can audit every rule in
one place.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any

import attrs

from jiguan_core.errors import UnknownEntity
from jiguan_core.rule import Rule, RuleArea
from jiguan_core.sources import SOURCES
from jiguan_core.text import Lang

__all__ = [
    "RuleArea",
    "all_rules",
    "catalogue_markdown",
    "declared",
    "find_rule",
    "rule",
    "rule_ids",
]


def _area_rules() -> Iterable[
    tuple[Iterable[Rule], Callable[[], Mapping[str, Callable[..., Any]]]]
]:
    # The areas' data modules are imported here, not at the top: ``import jiguan_core`` needs
    # none of them, and their ``computations`` import the modules that compute the rules.
    from jiguan_core.catalogue import (
        assessment,
        development,
        duty,
        leave,
        proposals,
        scheduling,
        work,
        workplan,
    )

    return (
        (scheduling.RULES, dict),
        (assessment.ASSESSMENT_CATALOGUE.values(), assessment.computations),
        (development.CATALOGUE, development.computations),
        (work.WORK_RULES.values(), work.computations),
        (leave.LEAVE_RULES.values(), leave.computations),
        (duty.DUTY_RULES.values(), duty.computations),
        (proposals.PROPOSAL_RULES.values(), proposals.computations),
        (workplan.PLAN_RULES.values(), workplan.computations),
    )


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, areas in reading order and rules in each area's own order, with
    ``computed_by`` bound where a function decides the rule."""
    found: list[Rule] = []
    for rules, computations in _area_rules():
        bound = computations()
        for candidate in rules:
            function = bound.get(candidate.id)
            found.append(
                candidate if function is None else attrs.evolve(candidate, computed_by=function)
            )
    return tuple(found)


@cache
def _index() -> Mapping[str, Rule]:
    index: dict[str, Rule] = {}
    for candidate in all_rules():
        for key in (candidate.id, *candidate.aliases):
            if key in index:  # pragma: no cover - a catalogue bug, caught by the catalogue tests
                raise AssertionError(f"rule id {key} is used twice")
            index[key] = candidate
    return index


@cache
def _declared_index() -> Mapping[str, Rule]:
    # The rules as their area modules declare them, without binding ``computed_by``: binding
    # imports every module that computes a rule (the scheduler among them), which a Policy that
    # only checks ids, levels and parameters does not need (bench_development's first call
    # spent 0.38 s there).
    return {
        key: candidate
        for rules, _ in _area_rules()
        for candidate in rules
        for key in (candidate.id, *candidate.aliases)
    }


def declared(rule_id: str) -> Rule:
    """The rule ``rule_id`` as its area declares it: id, statement, sources, level, parameters
    and patterns, with ``computed_by`` not bound (a former id finds it too). Loads only the
    catalogue's data modules; use :func:`rule` for the function that computes it.

    An unknown id raises :class:`~jiguan_core.errors.UnknownEntity`, as :func:`rule` does.
    """
    found = _declared_index().get(rule_id) if isinstance(rule_id, str) else None
    return rule(rule_id) if found is None else found


def rule_ids() -> tuple[str, ...]:
    """Every rule's id, in catalogue order (former ids are not listed)."""
    return tuple(r.id for r in all_rules())


def rule(rule_id: str) -> Rule:
    """The rule ``rule_id`` of any area (a former id finds it too).

    An unknown id raises :class:`~jiguan_core.errors.UnknownEntity` naming the closest ids.
    """
    found = _index().get(rule_id) if isinstance(rule_id, str) else None
    if found is None:
        index = _index()
        close = [
            key if index[key].id == key else f"{key} ({index[key].id})"
            for key in difflib.get_close_matches(str(rule_id), list(index), n=3)
        ]
        hint = f"did you mean {', '.join(close)}? " if close else ""
        raise UnknownEntity(
            "rule",
            rule_id,
            hint=f"{hint}every rule id is listed in docs/catalogue.md",
            hint_zh=f"{'是否指 ' + '、'.join(close) + '？' if close else ''}全部规则编号见 docs/catalogue.md",
        )
    return found


#: The former name of :func:`rule`.
find_rule = rule


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
    by_area: dict[RuleArea, list[Rule]] = {}
    for info in all_rules():
        by_area.setdefault(info.area, []).append(info)
    for area, infos in by_area.items():
        lines += [
            "",
            f"## {area.zh} — {area.en} ({len(infos)} rules)",
            "",
            "| id | level | rule (中文 / English) | sources | parameters (default) |",
            "|---|---|---|---|---|",
        ]
        for info in infos:
            former = f"<br>(formerly {', '.join(info.aliases)})" if info.aliases else ""
            sources = "; ".join(
                f"[{s}](regulations.md#{s}) ({SOURCES[s].reference}, {SOURCES[s].mark})"
                for s in info.sources
            )
            parameters = "<br>".join(
                f"`{p.name}` = {p.default!r} — {p.description.zh} / {p.description.en}"
                for p in info.parameters
            )
            lines.append(
                f"| {info.id}{former} | {info.level.zh} {info.level.en} "
                f"| {_cell(info.statement.zh)}<br>{_cell(info.statement.en)} "
                f"| {_cell(sources)} | {_cell(parameters) or '—'} |"
            )
    return "\n".join(lines + _declarative_lines(by_area)) + "\n"


#: The fact tables of the declarative rules outside scheduling (``docs/rules.md`` lists those of
#: scheduling): where each comes from and what one fact is.
_TABLES: Mapping[str, str] = {
    "person_year": "one per person and year of the annual history (`assessment.person_year_facts`)",
    "post_tenure": "one per person in scope with a main post on the day: staff_id, post_id, kind "
    "(leading, key, general), years in the post, probation and investigated 0/1, "
    "years_since_rotation when rotated before (`development.tenure.tenure_fact`)",
    "incoming_document": "one per document started: incoming, urgent, important, "
    "has_reply_deadline, has_chaser 0/1 (`work.documents.start_document`)",
    "work_item": "one per document or meeting stage under way, or task, on the day: kind, open "
    "0/1, days_past_due (`work.deadlines.work_item_fact`)",
}


def _declarative_lines(by_area: Mapping[RuleArea, list[Rule]]) -> list[str]:
    """Which rules are declarative, per area, and the single-fact patterns of those outside
    scheduling, with their tables."""
    from jiguan_core.patterns import SingleFact

    lines = [
        "",
        "## 声明式规则 — declarative rules",
        "",
        "A declarative rule is decided by its patterns over flat facts, on either engine "
        '(`engine="python"` or `"durable"`, with the same results, checked by a property test); '
        "the other rules are computed by the function the catalogue names (ranking, planning, "
        "pairs across many facts, dates). The scheduling rules' patterns are in "
        "[rules.md](rules.md).",
        "",
        "| area | declarative | computed |",
        "|---|---|---|",
    ]
    for area, infos in by_area.items():
        declarative = [i.id for i in infos if i.declarative]
        lines.append(
            f"| {area.zh} {area.en} | {len(declarative)} of {len(infos)} "
            f"| {', '.join(i.id for i in infos if not i.declarative) or '—'} |"
        )
    tables: list[str] = []
    lines += ["", "Single-fact patterns outside scheduling (a rule fires when any matches):", ""]
    for area, infos in by_area.items():
        if area is RuleArea.SCHEDULING:
            continue
        for info in infos:
            for pattern in info.patterns:
                if not isinstance(pattern, SingleFact):
                    continue
                if pattern.table not in tables:
                    tables.append(pattern.table)
                condition = " and ".join(c.render() for c in pattern.conditions)
                described = f" — {pattern.description.en}" if pattern.description else ""
                lines.append(f"- `{pattern.id}` `{pattern.table}`: {condition}{described}")
    lines += ["", "Their fact tables:", ""]
    lines += [f"- `{t}`: {_TABLES.get(t, '')}" for t in tables]
    return lines
