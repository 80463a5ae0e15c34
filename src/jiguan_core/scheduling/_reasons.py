"""Why a request stayed unplaced (private): the blockers of its times, in Chinese and English.

Computed once at the end, on the final plan: for each candidate time of the request (up to
:data:`TIMES_EXAMINED`, spread over the window) whoever is in the way -- a person away or busy, a
room taken, a trip to the same place too close, the leadership busy, not enough leadership
members free -- plus what removed times before the search (blackouts, no working day, no room
large enough). At most :data:`REASONS_SHOWN` reasons are named.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from jiguan_core.scheduling._model import JobData, Model, local_day
from jiguan_core.scheduling._score import State
from jiguan_core.text import Text

__all__ = ["reason"]

#: At most this many reasons are named for one unplaced request.
REASONS_SHOWN = 4
#: Candidate times examined per unplaced request (spread evenly over its window).
TIMES_EXAMINED = 240
_ENTRIES = 50

_Key = tuple[str, str]
_Entry = tuple[int, int, str]  # (first day, last day, ref)


def reason(
    model: Model,
    state: State,
    data: JobData,
    *,
    names: Mapping[str, str],
    room_names: Mapping[str, str],
    titles: Mapping[str, str],
    blackout_labels: Mapping[str, Text],
    extra: Iterable[Text] = (),
) -> Text:
    if data.missing_year is not None:
        year = data.missing_year
        return Text(
            f"时间窗口需要 {year} 年的放假调休安排，尚未提供；请按国务院办公厅通知补充该年安排"
            "（WorkCalendar 的 YearArrangement，或命令行 --calendar FILE）",
            f"the window needs the official working-day arrangement of {year}, which is not "
            "known yet; supply that year (a YearArrangement in the WorkCalendar, or "
            "--calendar FILE on the command line)",
        )
    found: dict[_Key, list[_Entry]] = {}
    for label in data.blackout_labels:
        found.setdefault(("blackout", label), [])
    if data.too_small:
        found.setdefault(("capacity", ""), [])
    if not data.cands and not data.blackout_labels and not data.too_small:
        found.setdefault(("no_day", ""), [])
    step = max(1, len(data.cands) // TIMES_EXAMINED)
    for c in range(0, len(data.cands), step):
        _collect(model, state, data, c, found)
    zh: list[str] = []
    en: list[str] = []
    for (kind, subject), entries in found.items():
        days = _days(entries)
        if kind == "absent":
            name = names.get(subject, subject)
            zh.append(f"{name} {_zh_days(days)} 不在岗")
            en.append(f"{name} is away {_en_days(days)}")
        elif kind == "busy":
            name = names.get(subject, subject)
            title = titles.get(entries[0][2], entries[0][2])
            zh.append(f"{name} {_zh_days(days)} 已有活动（如“{title}”）")
            en.append(f"{name} is at other activities {_en_days(days)} (e.g. '{title}')")
        elif kind == "partner":
            name = names.get(subject, subject)
            zh.append(f"{name} 的 A/B 角 {_zh_days(days)} 不在岗")
            en.append(f"the A/B partner of {name} is away {_en_days(days)}")
        elif kind == "room":
            name = room_names.get(subject, subject)
            zh.append(f"{name} {_zh_days(days)} 已被占用")
            en.append(f"room {name} is taken {_en_days(days)}")
        elif kind == "place":
            zh.append(f"{subject} {_zh_days(days)} 已有调研视察")
            en.append(f"{subject} was visited {_en_days(days)}")
        elif kind == "leadership":
            title = titles.get(subject, subject)
            zh.append(f"主席会议成员已有活动“{title}”")
            en.append(f"leadership members are at '{title}'")
        elif kind == "leaders":
            zh.append("空闲的主席会议成员不足")
            en.append("not enough leadership members free")
        elif kind == "blackout":
            text = blackout_labels.get(subject)
            zh.append(f"禁排时段：{text.zh if text else subject}")
            en.append(f"blackout period: {text.en if text else subject}")
        elif kind == "capacity":
            zh.append("所列会议室都坐不下全部参加人员")
            en.append("none of the rooms asked for seats everyone")
        elif kind == "no_day":
            zh.append("时间窗口内没有允许的工作日和时段")
            en.append("no allowed working day and hours in the window")
    for message in extra:
        zh.append(message.zh)
        en.append(message.en)
    if not zh:
        zh.append("在搜索的时间或迭代上限内未能安排")
        en.append("not placed within the search's time or iteration limit")
    more = len(zh) - REASONS_SHOWN
    zh_text = "；".join(zh[:REASONS_SHOWN]) + (f"；另有 {more} 项" if more > 0 else "")
    en_text = "; ".join(en[:REASONS_SHOWN]) + (f"; and {more} more" if more > 0 else "")
    return Text(zh_text, en_text)


def _collect(
    model: Model, state: State, data: JobData, c: int, found: dict[_Key, list[_Entry]]
) -> None:
    rules = model.rules
    start, end, first, last = data.cands[c]
    blocked = False

    def note(key: _Key, owner: int) -> None:
        entries = found.setdefault(key, [])
        entry = _entry(model, state, owner)
        if entry not in entries and len(entries) < _ENTRIES:
            entries.append(entry)

    for person in data.people:
        person_id = model.people[person]
        owners: set[int] = set()
        if rules.person:
            state.owners(person, start, end, first, last, owners)
        for owner in sorted(owners):
            absent = owner < 0 and model.refs[-1 - owner][1] == "absent"
            note(("absent" if absent else "busy", person_id), owner)
        blocked = blocked or bool(owners)
        if data.off_site and rules.ab and rules.count_off_site:
            partners: set[int] = set()
            for resource in model.away(person)[1]:
                state.owners(resource, start, end, first, last, partners)
            for owner in sorted(partners):
                note(("partner", person_id), owner)
            blocked = blocked or bool(partners)
    if data.leads and rules.lead:
        owners = set()
        state.owners(model.lead, start, end, first, last, owners)
        for owner in sorted(owners):
            found.setdefault(("leadership", _entry(model, state, owner)[2]), [])
        blocked = blocked or bool(owners)
    if data.place >= 0:
        owners = set()
        state.place_owners(data.place, start, end, owners)
        for owner in sorted(owners):
            note(("place", model.places[data.place]), owner)
        blocked = blocked or bool(owners)
    if data.rooms and rules.room:
        taken: list[tuple[int, set[int]]] = []
        for room in data.rooms:
            owners = set()
            state.owners(room, start, end, first, last, owners)
            taken.append((room, owners))
        if all(owners for _, owners in taken):
            for room, owners in taken:
                for owner in sorted(owners):
                    note(("room", model.rooms[room - model.room_base]), owner)
            blocked = True
    if not blocked and data.n_any:
        found.setdefault(("leaders", ""), [])


def _entry(model: Model, state: State, owner: int) -> _Entry:
    if owner >= 0:
        data = model.jobs[owner]
        assignment = state.assign[owner]
        if assignment is not None:
            _, _, first, last = data.cands[assignment[0]]
            return (first, last, data.job.id)
        return (0, 0, data.job.id)
    ref, _ = model.refs[-1 - owner]
    span = model.ref_spans[-1 - owner]
    return (local_day(span[0]), local_day(span[1] - 1), ref)


def _days(entries: Iterable[_Entry]) -> list[tuple[dt.date, dt.date]]:
    return sorted(
        {
            (dt.date.fromordinal(first), dt.date.fromordinal(last))
            for first, last, _ in entries
            if first > 0
        }
    )


def _zh_days(days: list[tuple[dt.date, dt.date]]) -> str:
    shown = [
        f"{a.month}月{a.day}日" if a == b else f"{a.month}月{a.day}日至{b.month}月{b.day}日"
        for a, b in days[:3]
    ]
    return "、".join(shown) + ("等" if len(days) > 3 else "")


def _en_days(days: list[tuple[dt.date, dt.date]]) -> str:
    def one(a: dt.date, b: dt.date) -> str:
        if a == b:
            return f"on {a.day} {a:%B}"
        if a.month == b.month:
            return f"{a.day}-{b.day} {a:%B}"
        return f"{a.day} {a:%B}-{b.day} {b:%B}"

    shown = [one(a, b) for a, b in days[:3]]
    return ", ".join(shown) + (" ..." if len(days) > 3 else "")
