"""Field validators and converters shared by the domain classes (private)."""

from __future__ import annotations

import collections.abc
import datetime as dt
import enum
import functools
import inspect
import math
import types
import typing
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Annotated, Any, TypeAlias, TypeVar

import attrs

from jiguan_core.errors import InvalidValue, WrongType

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "SortedFrozenSet",
    "Year",
    "boundary",
    "check_text",
    "check_year",
    "date_value",
    "id_tuple",
    "identifier",
    "instance_of",
    "is_collection",
    "is_named_pairs",
    "keep",
    "members_of",
    "named_numbers",
    "named_pairs",
    "not_before",
    "number",
    "only_keys",
    "optional_date",
    "optional_identifier",
    "optional_text",
    "parameter",
    "result_year",
    "sort_key",
    "text",
    "unique_ids",
    "year",
]

_T = TypeVar("_T")

#: The supported range of every date, datetime and year jiguan_core accepts: from 1949 (the year
#: the CPPCC was founded) to the end of 2200. Outside it a value is an input error (a typo such as
#: 1800 or 20255, or a sentinel such as ``datetime.max``), refused with :class:`InvalidValue`
#: instead of being computed with (and overflowing) further on.
FIRST_YEAR = 1949
LAST_YEAR = 2200


def _owner(instance: object) -> str:
    return type(instance).__name__


def check_year(value: object, field: str, where: str = "") -> int:
    """``value`` if it is an int year within :data:`FIRST_YEAR`..:data:`LAST_YEAR`."""
    name = f"{where}.{field}" if where else field
    if isinstance(value, bool) or not isinstance(value, int):
        raise WrongType(
            f"{name} must be a year (an int such as 2025), got {type(value).__name__} {value!r}",
            f"{name} 应为年份（整数，如 2025），实际为 {type(value).__name__} {value!r}",
            field=field,
            value=value,
        )
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise InvalidValue(
            f"{name} = {value} is outside the supported years {FIRST_YEAR}-{LAST_YEAR}; "
            "check for a typo",
            f"{name} = {value} 超出支持的年份范围 {FIRST_YEAR}-{LAST_YEAR}，请检查是否输错",
            field=field,
            value=value,
        )
    return value


def year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A year within the supported range (see :data:`FIRST_YEAR`)."""
    check_year(value, attribute.name, _owner(instance))


class _YearBounds:
    """``Annotated`` metadata: :func:`boundary` checks the argument with :func:`check_year`."""

    def check(self, where: str, name: str, value: object) -> None:
        check_year(value, name, where)


#: An int year within the supported range; :func:`boundary` checks arguments annotated with it.
Year: TypeAlias = Annotated[int, _YearBounds()]


def check_in_range(day: dt.date, field: str, where: str = "") -> None:
    """Refuse a date (or datetime) outside the supported years (see :data:`FIRST_YEAR`)."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        name = f"{where}.{field}" if where else field
        raise InvalidValue(
            f"{name} = {day.isoformat()} is outside the supported dates "
            f"{FIRST_YEAR}-01-01 to {LAST_YEAR}-12-31; check for a typo or a sentinel such as "
            "datetime.max",
            f"{name} = {day.isoformat()} 超出支持的日期范围 {FIRST_YEAR}-01-01 至 "
            f"{LAST_YEAR}-12-31，请检查是否输错",
            field=field,
            value=day,
        )


def result_year(year: int, *, field: str, value: object, where: str) -> int:
    """``year`` if a computed date in it would lie in the supported years; else an
    :class:`InvalidValue` blaming the argument (``field`` = ``value``) that led there."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(
            f"{where}: {field} = {value!r} leads to the year {year}, outside the supported "
            f"years {FIRST_YEAR}-{LAST_YEAR}",
            f"{where}：{field} = {value!r} 将得到 {year} 年，超出支持的年份范围 "
            f"{FIRST_YEAR}-{LAST_YEAR}",
            field=field,
            value=value,
        )
    return year


def number(
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    integer: bool = False,
    rule: str = "",
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A finite number (an int when ``integer``; never a bool) within ``minimum``..``maximum``
    (the range of parameter of ``rule``, when given: the message cites the rule).

    A value of the wrong type raises :class:`WrongType` (a TypeError too), one out of range
    :class:`InvalidValue`; both name the field and say the allowed range.
    """
    bounds = f"[{'-inf' if minimum is None else minimum}, {'inf' if maximum is None else maximum}]"
    if rule:
        bounds += f" (rule {rule})"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        name = f"{_owner(instance)}.{attribute.name}"
        kind_en, kind_zh = ("an int", "整数") if integer else ("a number", "数值")
        accepted = (int,) if integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, accepted):
            raise WrongType(
                f"{name} must be {kind_en} in {bounds}, got {type(value).__name__} {value!r}",
                f"{name} 应为 {bounds} 内的{kind_zh}，实际为 {type(value).__name__} {value!r}",
                field=attribute.name,
                value=value,
            )
        if (
            not math.isfinite(value)
            or (minimum is not None and value < minimum)
            or (maximum is not None and value > maximum)
        ):
            raise InvalidValue(
                f"{name} = {value!r} is outside {bounds}",
                f"{name} = {value!r} 超出范围 {bounds}",
                field=attribute.name,
                value=value,
            )

    return check


class SortedFrozenSet(frozenset[_T]):
    """A frozenset that iterates, prints and serializes in sorted order (strings and dates by
    value, enum members by value), so that nothing built from it depends on the hash seed
    (``PYTHONHASHSEED``). Otherwise it is a frozenset: equal to one with the same items, with the
    same hash, ``in`` and set operations."""

    __slots__ = ()

    def __iter__(self) -> Iterator[_T]:
        return iter(sorted(super().__iter__(), key=_sort_value))

    def __repr__(self) -> str:
        return f"frozenset({{{', '.join(repr(v) for v in self)}}})" if self else "frozenset()"


def _sort_value(value: object) -> Any:
    return (type(value).__name__, value.value if isinstance(value, enum.Enum) else value)


def parameter(rule: Any, name: str, *, integer: bool = False) -> Any:
    """The validator of a field holding parameter ``name`` of ``rule`` (a
    :class:`~jiguan_core.rule.RuleInfo`): the parameter's documented range, cited by rule id, so
    that a class field and the catalogue never disagree."""
    found = next(p for p in rule.parameters if p.name == name)
    return number(minimum=found.minimum, maximum=found.maximum, integer=integer, rule=rule.id)


_PLAIN_COLLECTIONS = (tuple, list, frozenset, set, SortedFrozenSet)


def is_collection(value: object) -> bool:
    """A list, tuple, set or other iterable of items; not a string, bytes or a mapping."""
    if type(value) in _PLAIN_COLLECTIONS:  # the common case, without the ABC machinery
        return True
    return isinstance(value, Iterable) and not isinstance(value, str | bytes | Mapping)


def keep(value: object, converter: Callable[..., _T]) -> _T:
    """What ``converter`` returns for a value it cannot convert: the value itself (typed as the
    converter's result), so that the field's validator reports it with the class and field name,
    which a converter does not know."""
    return typing.cast(_T, value)


def named_pairs(value: object) -> list[tuple[Any, Any]] | None:
    """A mapping, or an iterable of ``(name, value)`` pairs, as a list of pairs; else None."""
    if isinstance(value, Mapping):
        return list(value.items())
    if not is_collection(value):
        return None
    items = list(typing.cast(Iterable[object], value))
    if not all(isinstance(i, tuple | list) and len(i) == 2 for i in items):
        return None
    return [(i[0], i[1]) for i in typing.cast(list[tuple[Any, Any]], items)]


def is_named_pairs(value: object) -> bool:
    """A tuple of ``(str, value)`` pairs (what a converter using :func:`named_pairs` makes)."""
    return isinstance(value, tuple) and all(
        isinstance(i, tuple) and len(i) == 2 and isinstance(i[0], str) for i in value
    )


def _not_a_collection(
    instance: object, attribute: attrs.Attribute[Any], value: object, of: str
) -> WrongType:
    name = f"{_owner(instance)}.{attribute.name}"
    return WrongType(
        f"{name} must be a list of {of}, got {type(value).__name__} {value!r}",
        f"{name} 应为由 {of} 组成的列表，实际为 {type(value).__name__} {value!r}",
        field=attribute.name,
        value=value,
    )


def a_collection(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """The field holds a collection (its items are checked elsewhere, e.g. in bulk)."""
    if not isinstance(value, tuple | frozenset | list):
        raise _not_a_collection(instance, attribute, value, "items")


def named_numbers(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A field of ``(name, value)`` pairs, as a converter using :func:`named_pairs` leaves it."""
    if not is_named_pairs(value):
        name = f"{_owner(instance)}.{attribute.name}"
        raise WrongType(
            f"{name} must be a mapping of names to numbers such as {{'a': 0.5, 'b': 0.5}}, "
            f"got {type(value).__name__} {value!r}",
            f"{name} 应为名称到数值的映射，例如 {{'a': 0.5, 'b': 0.5}}，实际为 "
            f"{type(value).__name__} {value!r}",
            field=attribute.name,
            value=value,
        )


def only_keys(
    mapping: object, allowed: Iterable[str], *, field: str, where: str
) -> Mapping[str, Any]:
    """``mapping`` if it is a mapping whose keys all lie in ``allowed`` (a misspelt key would
    otherwise be ignored silently)."""
    choices = sorted(allowed)
    if not isinstance(mapping, Mapping):
        raise WrongType(
            f"{where}: {field} must be a mapping keyed by {choices}, got "
            f"{type(mapping).__name__} {mapping!r}",
            f"{where}：{field} 应为以 {choices} 为键的映射，实际为 {type(mapping).__name__} {mapping!r}",
            field=field,
            value=mapping,
        )
    unknown = sorted((k for k in mapping if k not in choices), key=str)
    if unknown:
        raise InvalidValue(
            f"{where}: {field} takes keys {choices} only, got {unknown}; fix the spelling or "
            "remove them",
            f"{where}：{field} 只接受 {choices}，实际含 {unknown}，请更正或删除",
            field=field,
            value=unknown,
        )
    return mapping


_ALLOWED_CONTROLS = frozenset("\t\n\r")


def _text_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with a string under the one rule for every text field, or None.

    Every text field (ids, names, titles, notes) must be writable as UTF-8 and safe to show: no
    lone surrogate (half of a UTF-16 pair, which JSON, ICS and terminals cannot carry) and no
    control character other than tab, newline and carriage return.
    """
    for index, ch in enumerate(value):
        category = unicodedata.category(ch)
        if category == "Cs":
            return (
                f"a lone surrogate {ch!r} at position {index} (not valid Unicode text)",
                f"第 {index} 个字符 {ch!r} 是孤立的代理字符（不是有效的 Unicode 文本）",
            )
        if category == "Cc" and ch not in _ALLOWED_CONTROLS:
            return (
                f"a control character {ch!r} at position {index}",
                f"第 {index} 个字符 {ch!r} 是控制字符",
            )
    return None


def _visible(value: str) -> bool:
    """At least one character that shows (not white space, control or formatting)."""
    return any(unicodedata.category(ch)[0] not in "ZC" for ch in value)


def check_text(value: object, field: str, where: str = "", *, allow_empty: bool = False) -> str:
    """``value`` if it is text under the one rule for every text field (see ``_text_problem``);
    non-empty text must show at least one visible character."""
    if (
        isinstance(value, str)
        and value.isprintable()
        and (value.strip() or (allow_empty and not value))
    ):
        # The common case, at C speed: printable text has no control character, no lone
        # surrogate, and a character other than a space is visible.
        return value
    name = f"{where}.{field}" if where else field
    if not isinstance(value, str):
        raise WrongType(
            f"{name} must be text (a str), got {type(value).__name__} {value!r}",
            f"{name} 应为文本，实际为 {type(value).__name__} {value!r}",
            field=field,
            value=value,
        )
    problem = _text_problem(value)
    if problem is not None:
        raise InvalidValue(
            f"{name} = {value!r} contains {problem[0]}; remove it",
            f"{name} = {value!r} 含有{problem[1]}，请删除",
            field=field,
            value=value,
        )
    if not (allow_empty and value == "") and not _visible(value):
        raise InvalidValue(
            f"{name} must be non-empty text with a visible character, got {value!r}",
            f"{name} 应为含可见字符的非空文本，实际为 {value!r}",
            field=field,
            value=value,
        )
    return value


def identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An id: a non-empty string without surrounding white space, under the one text rule."""
    if type(value) is str and value and value.isprintable() and value == value.strip():
        return  # the common case, at C speed
    if isinstance(value, str) and value and value == value.strip():
        check_text(value, attribute.name, _owner(instance))
    if not isinstance(value, str) or not value or value != value.strip():
        owner = type(instance).__name__
        raise InvalidValue(
            f"{owner}.{attribute.name} must be a non-empty string id without surrounding "
            f"spaces, got {value!r}",
            f"{owner}.{attribute.name} 应为非空字符串编号（首尾无空格），实际为 {value!r}",
            field=attribute.name,
            value=value,
        )


def instance_of(
    expected: type,
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Like ``attrs.validators.instance_of``, but raising a bilingual :class:`WrongType` that
    lists an enum's choices. ``bool`` is exact: ``1`` is not ``True``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, expected):
            return
        owner = type(instance).__name__
        hint_en = hint_zh = ""
        if isinstance(expected, type) and issubclass(expected, enum.Enum):
            choices = ", ".join(f"{expected.__name__}.{m.name}" for m in expected)
            hint_en = f"; use one of: {choices}"
            hint_zh = f"；可选：{choices}"
        raise WrongType(
            f"{owner}.{attribute.name} must be a {expected.__name__}, got "
            f"{type(value).__name__} {value!r}{hint_en}",
            f"{owner}.{attribute.name} 应为 {expected.__name__}，实际为 "
            f"{type(value).__name__} {value!r}{hint_zh}",
            field=attribute.name,
            value=value,
        )

    return check


def members_of(
    expected: type,
) -> Callable[[object, attrs.Attribute[Any], Iterable[object]], None]:
    """Every item of a collection field is an ``expected`` (raises :class:`WrongType`)."""

    def check(instance: object, attribute: attrs.Attribute[Any], values: Iterable[object]) -> None:
        if not isinstance(values, tuple | frozenset | list):  # left by a tolerant converter
            raise _not_a_collection(instance, attribute, values, expected.__name__)
        for index, value in enumerate(values):
            if not isinstance(value, expected) or (
                expected is dt.date and isinstance(value, dt.datetime)
            ):
                owner = type(instance).__name__
                raise WrongType(
                    f"{owner}.{attribute.name} must hold {expected.__name__} items, got "
                    f"{type(value).__name__} {value!r} (item {index})",
                    f"{owner}.{attribute.name} 的元素应为 {expected.__name__}，第 {index} 项为 "
                    f"{type(value).__name__} {value!r}",
                    field=attribute.name,
                    value=value,
                )

    return check


def sort_key(attribute: str) -> Callable[[object], tuple[int, str]]:
    """A sort key by ``attribute`` that tolerates items of the wrong type (they sort last and
    are then reported by a ``members_of`` validator instead of raising a bare error here)."""

    def key(item: object) -> tuple[int, str]:
        value = getattr(item, attribute, None)
        return (0, value) if isinstance(value, str) else (1, repr(item))

    return key


def optional_identifier(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        identifier(instance, attribute, value)


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Free text: a non-empty string with a visible character (see :func:`check_text`)."""
    if not isinstance(value, str) or not value.strip():
        owner = type(instance).__name__
        raise InvalidValue(
            f"{owner}.{attribute.name} must be non-empty text, got {value!r}",
            f"{owner}.{attribute.name} 应为非空文本，实际为 {value!r}",
            field=attribute.name,
            value=value,
        )
    check_text(value, attribute.name, _owner(instance))


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Free text that may be empty (a note, a subtitle): the one text rule otherwise."""
    check_text(value, attribute.name, _owner(instance), allow_empty=True)


def date_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A calendar date (not a datetime, whose zone would make the day ambiguous), within the
    supported years (see :data:`FIRST_YEAR`)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        owner = type(instance).__name__
        raise InvalidValue(
            f"{owner}.{attribute.name} must be a date (datetime.date), got {value!r}",
            f"{owner}.{attribute.name} 应为日期，实际为 {value!r}",
            field=attribute.name,
            value=value,
        )
    check_in_range(value, attribute.name, _owner(instance))


def not_before(
    other: str, *, strict: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """A date field that may not lie before the date field ``other`` (declared earlier), or,
    when ``strict``, must lie after it (the end of a half-open period). None is not checked."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        first = getattr(instance, other, None)
        if value is None or first is None or not isinstance(value, dt.date):
            return
        if value < first or (strict and value == first):
            owner = _owner(instance)
            relation_en = "after" if strict else "on or after"
            relation_zh = "晚于" if strict else "不早于"
            raise InvalidValue(
                f"{owner}.{attribute.name} = {value} must be {relation_en} {other} = {first}; "
                "swap or fix the dates",
                f"{owner}.{attribute.name} = {value} 须{relation_zh} {other} = {first}，请更正日期",
                field=attribute.name,
                value=value,
            )

    return check


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        date_value(instance, attribute, value)


def id_tuple(values: Iterable[str]) -> tuple[str, ...]:
    """Normalise a collection of ids to a sorted tuple, so equal sets compare and print alike.

    Duplicates are kept here and reported by the validator ``unique_ids``.
    """
    if isinstance(values, str):
        # A lone string would otherwise become a tuple of its characters.
        return (values,)
    if not is_collection(values):
        return keep(values, id_tuple)  # None, a number ...: reported by ``unique_ids``
    # ``key=str`` leaves the order of strings as it is and keeps a stray non-string from
    # raising a bare TypeError here: ``unique_ids`` reports it properly.
    return tuple(sorted(values, key=str))


def unique_ids(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...] | frozenset[str]
) -> None:
    owner = type(instance).__name__
    if not isinstance(value, tuple | frozenset):  # left by a tolerant converter
        raise _not_a_collection(instance, attribute, value, "ids")
    for item in value:
        identifier(instance, attribute, item)
    if not isinstance(value, tuple):
        return  # a set holds each id once
    duplicates = sorted({v for v in value if value.count(v) > 1})
    if duplicates:
        raise InvalidValue(
            f"{owner}.{attribute.name} lists {duplicates} more than once; list each id once",
            f"{owner}.{attribute.name} 重复列出 {duplicates}",
            field=attribute.name,
            value=value,
        )


# Checking the arguments of public entry points ----------------------------------------------

_F = TypeVar("_F", bound=Callable[..., Any])
_Check = Callable[[str, str, object], None]
_COLLECTIONS = (
    collections.abc.Iterable,
    collections.abc.Sequence,
    collections.abc.Collection,
    tuple,
    list,
)


def _wrong(where: str, name: str, value: object, expected: str) -> WrongType:
    shown = repr(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return WrongType(
        f"{where}: argument {name} must be {expected}, got {type(value).__name__} {shown}",
        f"{where}：参数 {name} 应为 {expected}，实际为 {type(value).__name__} {shown}",
        field=name,
        value=value,
    )


def _accepts(tp: Any) -> Callable[[object], bool] | None:
    """A test for one value of type ``tp``, or None when ``tp`` is not checked here."""
    if tp is bool:
        return lambda v: isinstance(v, bool)
    if tp is int:
        return lambda v: isinstance(v, int) and not isinstance(v, bool)
    if tp is float:
        return lambda v: isinstance(v, int | float) and not isinstance(v, bool)
    if tp is str:
        return lambda v: isinstance(v, str)
    if tp is dt.date:
        # A datetime is not a day: its zone would make the day ambiguous.
        return lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime)
    if isinstance(tp, type) and (attrs.has(tp) or issubclass(tp, enum.Enum)):
        return lambda v: isinstance(v, tp)
    if (
        isinstance(tp, type)
        and tp.__module__.startswith("jiguan_core.")
        and not getattr(tp, "_is_protocol", False)
    ):
        # The library's own plain classes (e.g. a rotation plan's Placement) too.
        return lambda v: isinstance(v, tp)
    return None


def _check_for(tp: Any) -> _Check | None:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is Annotated:  # e.g. ``Year``: the base type's check, then the metadata's
        base = _check_for(args[0])
        extra = [m.check for m in tp.__metadata__ if hasattr(m, "check")]

        def check_annotated(where: str, arg: str, value: object) -> None:
            if base is not None:
                base(where, arg, value)
            for more in extra:
                more(where, arg, value)

        return check_annotated
    optional = False
    if origin in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            return None
        optional, tp = True, rest[0]
        origin, args = typing.get_origin(tp), typing.get_args(tp)
    name = getattr(tp, "__name__", str(tp))
    single = _accepts(tp)
    is_day = tp is dt.date
    if single is not None:

        def check_one(where: str, arg: str, value: object) -> None:
            if not (optional and value is None) and not single(value):
                raise _wrong(where, arg, value, f"a {name}" + (" or None" if optional else ""))
            if is_day and isinstance(value, dt.date):  # the supported range (see FIRST_YEAR)
                check_in_range(value, arg, where)

        return check_one
    item = _accepts(args[0]) if origin in _COLLECTIONS and args else None
    if item is None:
        return None
    item_name = getattr(args[0], "__name__", str(args[0]))

    def check_many(where: str, arg: str, value: object) -> None:
        if optional and value is None:
            return
        if isinstance(value, str | bytes) or not isinstance(value, Iterable):
            raise _wrong(where, arg, value, f"a collection of {item_name}")
        if isinstance(value, list | tuple):  # never consume an iterator the function needs
            for index, element in enumerate(value):
                if not item(element):
                    raise _wrong(where, f"{arg}[{index}]", element, f"a {item_name}")

    return check_many


def _plan(fn: Callable[..., Any]) -> list[tuple[str, _Check]]:
    signature = inspect.signature(fn)
    plan = []
    for name, parameter in signature.parameters.items():
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        annotation = parameter.annotation
        if isinstance(annotation, str):
            try:
                annotation = eval(annotation, fn.__globals__)
            except Exception:  # a name imported only for type checking: not checked
                continue
        check = _check_for(annotation)
        if check is not None:
            plan.append((name, check))
    return plan


def boundary(fn: _F) -> _F:
    """Check a public function's arguments against its annotations before it runs.

    Only what is unambiguous is checked (an Organization, a date that is not a datetime, an int
    that is not a bool, attrs and enum instances, lists and tuples of them); a wrong one raises a
    bilingual :class:`WrongType` naming the function and the argument, instead of an
    AttributeError from deep inside. The plan is made on the first call (annotations may name
    classes defined later).
    """
    signature = inspect.signature(fn)
    where = fn.__qualname__
    plan: list[tuple[str, _Check]] | None = None

    @functools.wraps(fn)
    def checked(*args: Any, **kwargs: Any) -> Any:
        nonlocal plan
        if plan is None:
            plan = _plan(fn)
        if plan:
            try:
                arguments = signature.bind(*args, **kwargs).arguments
            except TypeError as error:  # the call's shape is wrong: Python's error, with a name
                raise TypeError(f"{where}(): {error}") from None
            for name, check in plan:
                if name in arguments:
                    check(where, name, arguments[name])
        return fn(*args, **kwargs)

    return typing.cast(_F, checked)
