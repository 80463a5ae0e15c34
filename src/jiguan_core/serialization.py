"""Conversion between domain objects and plain JSON-compatible dicts, at the edge.

One converter the library owns (cattrs), never a global one a caller could reconfigure by
accident. Reading is strict: a string is not an int, ``"yes"`` is not ``True``, a datetime needs
its UTC offset; and every problem is reported at once with its JSON path (``$.staff[3].level``)
in a :class:`~jiguan_core.errors.ConversionError`. Dangling references are found by the
:class:`~jiguan_core.organization.Organization` itself and reported the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

import attrs
import pendulum

from jiguan_core.errors import ConversionError, IntegrityError, InvalidValue, JiguanError, Problem
from jiguan_core.time import format_datetime, parse_datetime

if TYPE_CHECKING:
    # cattrs is imported on first use (the first conversion), not by ``import jiguan_core``.
    import cattrs

__all__ = [
    "MAX_JSON_DEPTH",
    "from_dict",
    "from_json",
    "make_converter",
    "parse_json",
    "structure",
    "to_dict",
    "to_json",
]

_T = TypeVar("_T")


def _type_name(cl: Any) -> str:
    return getattr(cl, "__name__", str(cl))


def _strict(expected: type | str, check: Callable[[Any], bool]) -> Callable[[Any, Any], Any]:
    name = expected if isinstance(expected, str) else expected.__name__

    def structure(value: Any, _: Any) -> Any:
        if not check(value):
            raise InvalidValue(
                f"expected {name}, got {type(value).__name__} {value!r}",
                f"应为 {name}，实际为 {type(value).__name__} {value!r}",
                field=name,
                value=value,
            )
        return value

    return structure


_SCALAR = int | float | bool | str


def _structure_datetime(value: Any, _: Any) -> pendulum.DateTime:
    if not isinstance(value, str):
        raise InvalidValue(
            f"expected an ISO 8601 datetime string with offset, got {value!r}",
            f"应为带时区的 ISO 8601 时间字符串，实际为 {value!r}",
            field="datetime",
            value=value,
        )
    return parse_datetime(value)


def _structure_date(value: Any, _: Any) -> dt.date:
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue(
        f"expected a date string YYYY-MM-DD, got {value!r}",
        f"应为 YYYY-MM-DD 格式的日期，实际为 {value!r}",
        field="date",
        value=value,
    )


_DURATION = re.compile(r"^P(?!$)(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$")


def _duration_text(value: dt.timedelta) -> str:
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    time_part = "".join(
        f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n
    )
    text = "P" + (f"{days}D" if days else "") + (f"T{time_part}" if time_part else "")
    return text if text != "P" else "PT0S"


def _parse_duration(value: Any, _: Any) -> dt.timedelta:
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None:
        raise InvalidValue(
            f"expected an ISO 8601 duration such as PT1H30M or P2D, got {value!r}",
            f"应为 ISO 8601 时长，例如 PT1H30M 或 P2D，实际为 {value!r}",
            field="duration",
            value=value,
        )
    days, hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)


def _parse_time(value: Any, _: Any) -> dt.time:
    if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValue(
        f"expected a time of day HH:MM, got {value!r}",
        f"应为 HH:MM 格式的时刻，实际为 {value!r}",
        field="time",
        value=value,
    )


def _structure_enum(value: Any, cl: type[enum.Enum]) -> enum.Enum:
    for member in cl:
        if member.value == value:
            return member
    choices = ", ".join(str(m.value) for m in cl)
    raise InvalidValue(
        f"{value!r} is not a {cl.__name__}; use one of: {choices}",
        f"{value!r} 不是有效的 {cl.__name__}；可选：{choices}",
        field=cl.__name__,
        value=value,
    )


def _is_homogeneous_collection(t: Any) -> bool:
    """``tuple[X, ...]``, ``frozenset[X]``, ``set[X]`` and their bare forms."""
    if t in (tuple, frozenset, set):
        return True
    origin = get_origin(t)
    if origin in (frozenset, set):
        return True
    args = get_args(t)
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis


def _collection_hook(
    converter: cattrs.Converter, item: Callable[[Any, Any], Any] | None = None
) -> Callable[[Any, Any], Any]:
    """Structure a list into a tuple or frozenset, item by item, reporting every bad item.

    A string or a dict is refused rather than iterated: ``"finance"`` is not the list
    ``["f", "i", ...]``, and ``{"s001": 1}`` is not ``["s001"]``.
    """

    from cattrs.errors import IterableValidationError, IterableValidationNote

    read = converter.structure if item is None else item

    def structure(value: Any, cl: Any) -> Any:
        origin = get_origin(cl) or cl
        if not isinstance(value, list | tuple):
            raise InvalidValue(
                f"expected a list, got {type(value).__name__} {value!r}",
                f"应为列表，实际为 {type(value).__name__} {value!r}",
                field="list",
                value=value,
            )
        args = get_args(cl)
        item_type = args[0] if args else Any
        items: list[Any] = []
        errors: list[Exception] = []
        for index, element in enumerate(value):
            try:
                items.append(read(element, item_type))
            except Exception as error:  # collected and re-raised as one group
                note = IterableValidationNote(f"Structuring {cl} @ index {index}", index, item_type)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
        return tuple(items) if origin is tuple else frozenset(items)

    return structure


def _attrs_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """cattrs' generated hook for an attrs class, behind a check that the input is a dict."""
    import cattrs.gen

    def factory(cl: Any) -> Callable[[Any, Any], Any]:
        generated = cattrs.gen.make_dict_structure_fn(cl, converter)

        def structure(value: Any, _: Any) -> Any:
            if not isinstance(value, Mapping):
                raise InvalidValue(
                    f"expected an object (dict) for {_type_name(cl)}, got "
                    f"{type(value).__name__} {value!r}",
                    f"{_type_name(cl)} 应为对象（字典），实际为 {type(value).__name__} {value!r}",
                    field=_type_name(cl),
                    value=value,
                )
            return generated(value, cl)

        return structure

    return factory


def make_converter() -> cattrs.Converter:
    """A new converter configured for jiguan_core's classes (for callers who extend it)."""
    import cattrs

    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, lambda v: isinstance(v, str)))
    converter.register_structure_hook(bool, _strict(bool, lambda v: isinstance(v, bool)))
    converter.register_structure_hook(
        int, _strict(int, lambda v: isinstance(v, int) and not isinstance(v, bool))
    )
    converter.register_structure_hook(
        float,
        _strict(float, lambda v: isinstance(v, int | float) and not isinstance(v, bool)),
    )
    # A rule parameter's value (``jiguan_core.rule.ParameterValue``): a JSON scalar, kept as is.
    converter.register_structure_hook_func(
        lambda t: t == _SCALAR,
        _strict("number, bool or string", lambda v: isinstance(v, bool | int | float | str)),
    )
    # The one policy carries its own JSON form: rule ids are checked against the catalogue.
    from jiguan_core.policy import Policy

    converter.register_structure_hook(Policy, lambda v, _: Policy.from_dict(v))
    converter.register_unstructure_hook(Policy, Policy.to_dict)
    # A score carries the sign its text shows (-68hard): penalties are negative in JSON too.
    from jiguan_core.rules.report import Score

    converter.register_structure_hook(Score, lambda v, _: Score.from_data(v))
    converter.register_unstructure_hook(Score, Score.to_data)
    converter.register_structure_hook(pendulum.DateTime, _structure_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, format_datetime)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda v: v.isoformat())
    # Durations as ISO 8601 (PT1H30M) and times of day as HH:MM, e.g. a request's length and
    # office hours.
    converter.register_structure_hook(dt.timedelta, _parse_duration)
    converter.register_unstructure_hook(dt.timedelta, _duration_text)
    converter.register_structure_hook(dt.time, _parse_time)
    converter.register_unstructure_hook(dt.time, lambda v: v.isoformat(timespec="minutes"))
    converter.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda v: v.value
    )

    def unstructure_set(value: frozenset[Any]) -> list[Any]:
        # Sets have no order; JSON must have one, and the same one on every run.
        items = [converter.unstructure(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))

    converter.register_unstructure_hook_func(
        lambda t: t in (frozenset, set) or getattr(t, "__origin__", None) in (frozenset, set),
        unstructure_set,
    )
    converter.register_unstructure_hook_func(
        lambda t: t is tuple or getattr(t, "__origin__", None) is tuple,
        lambda value: [converter.unstructure(v) for v in value],
    )
    converter.register_structure_hook_func(_is_homogeneous_collection, _collection_hook(converter))
    converter.register_structure_hook_factory(attrs.has, _attrs_hook_factory(converter))
    # After the general attrs hook: cattrs tries the hooks registered last first.
    converter.register_structure_hook_factory(_is_workflow, _workflow_hook_factory(converter))
    return converter


def _is_workflow(cl: Any) -> bool:
    """A workflow class: its ``history`` holds stages of the enum named by ``stage_type``."""
    return attrs.has(cl) and isinstance(getattr(cl, "stage_type", None), type)


def _workflow_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Workflows (documents, meetings) read back: each history event's ``stage`` is read as a
    member of the workflow's own stage enum (the event class only knows it is some stage)."""
    import typing

    import cattrs.gen

    def factory(cl: Any) -> Callable[[Any, Any], Any]:
        stage_type = cl.stage_type
        event_type = get_args(typing.get_type_hints(cl)["history"])[0]
        read_event = cattrs.gen.make_dict_structure_fn(
            event_type,
            converter,
            stage=cattrs.gen.override(
                struct_hook=lambda value, _: converter.structure(value, stage_type)
            ),
        )

        def structure_event(value: Any, _: Any) -> Any:
            _require_mapping(value, event_type)
            return read_event(value, event_type)

        generated = cattrs.gen.make_dict_structure_fn(
            cl,
            converter,
            history=cattrs.gen.override(
                struct_hook=_collection_hook(converter, item=structure_event)
            ),
        )

        def structure(value: Any, _: Any) -> Any:
            _require_mapping(value, cl)
            return generated(value, cl)

        return structure

    return factory


def _require_mapping(value: Any, cl: Any) -> None:
    if not isinstance(value, Mapping):
        raise InvalidValue(
            f"expected an object (dict) for {_type_name(cl)}, got {type(value).__name__} {value!r}",
            f"{_type_name(cl)} 应为对象（字典），实际为 {type(value).__name__} {value!r}",
            field=_type_name(cl),
            value=value,
        )


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def to_dict(obj: object) -> Any:
    """The JSON-compatible form of a domain object (dicts, lists, strings, numbers, booleans)."""
    return _converter().unstructure(obj)


def from_dict(cls: type[_T], data: Any) -> _T:
    """Read a domain object from its dict form.

    Raises :class:`ConversionError` listing every problem with its path: structural ones by
    position (``$.staff[3].level``), and those of an organization whose parts do not fit
    together by id (``$.staff[s017].department_id``). ``data`` is never modified.
    """
    return structure(_converter(), data, cls)


def structure(converter: cattrs.Converter, data: Any, cls: type[_T]) -> _T:
    """Read ``cls`` from ``data`` with ``converter`` (e.g. one from :func:`make_converter` that
    an application extended), turning every failure into one :class:`ConversionError` that lists
    each problem with its path."""
    from cattrs import BaseValidationError

    try:
        return converter.structure(data, cls)
    except (
        BaseValidationError,
        JiguanError,
        AttributeError,
        TypeError,
        ValueError,
        KeyError,
    ) as error:
        raise ConversionError(_problems(error, "$", _type_name(cls))) from error
    except RecursionError as error:  # data nested deeper than any class of the library
        raise _too_deep() from error


def to_json(obj: object, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent, sort_keys=False)


def parse_json(text: str) -> Any:
    """``json.loads``, but text that is not JSON raises :class:`ConversionError` with the line
    and column, like every other reading problem; so does JSON nested deeper than
    :data:`MAX_JSON_DEPTH` (no input of jiguan_core nests that deep; Python's own parser would
    raise a RecursionError long before a hostile file's end)."""
    try:
        data = json.loads(text)
    except RecursionError as error:
        raise _too_deep() from error
    except json.JSONDecodeError as error:
        raise ConversionError(
            [
                Problem(
                    f"$ (line {error.lineno}, column {error.colno})",
                    f"not JSON: {error.msg}",
                    f"不是合法的 JSON：{error.msg}",
                )
            ]
        ) from error
    _check_depth(data)
    return data


#: How deeply JSON input may nest (arrays and objects): far more than any jiguan_core input needs.
MAX_JSON_DEPTH = 64


def _too_deep(path: str = "$") -> ConversionError:
    return ConversionError(
        [
            Problem(
                path,
                f"JSON nested more than {MAX_JSON_DEPTH} levels deep; no jiguan_core input nests "
                "like this: check the file",
                f"JSON 嵌套超过 {MAX_JSON_DEPTH} 层，jiguan_core 的输入不会如此嵌套，请检查文件",
            )
        ]
    )


def _check_depth(data: Any) -> None:
    """Refuse data nested deeper than :data:`MAX_JSON_DEPTH`, without recursing."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth >= MAX_JSON_DEPTH:
            raise _too_deep()
        stack.extend((child, depth + 1) for child in children)


def from_json(cls: type[_T], text: str) -> _T:
    return from_dict(cls, parse_json(text))


def _problems(error: BaseException, path: str, type_name: str) -> list[Problem]:
    """Flatten cattrs' exception groups into one :class:`Problem` per leaf, with its path."""
    from cattrs import BaseValidationError
    from cattrs.errors import (
        AttributeValidationNote,
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
    )

    if isinstance(error, ForbiddenExtraKeysError):
        extra = ", ".join(sorted(error.extra_fields))
        return [
            Problem(
                path,
                f"unknown field(s) {extra} for {_type_name(error.cl)}; remove or rename them",
                f"{_type_name(error.cl)} 不认识的字段：{extra}",
            )
        ]
    if isinstance(error, ClassValidationError | IterableValidationError):
        found: list[Problem] = []
        excs_with_notes, others = error.group_exceptions()
        for inner, note in excs_with_notes:
            if isinstance(note, AttributeValidationNote):
                child = f"{path}.{note.name}"
            else:
                child = f"{path}[{note.index}]"
            if isinstance(inner, KeyError) and not isinstance(inner, JiguanError):
                found.append(Problem(child, "required field is missing", "缺少必填字段"))
            else:
                found.extend(_problems(inner, child, _type_name(note.type)))
        fields = attrs.fields_dict(error.cl) if attrs.has(error.cl) else {}
        for inner in others:
            # A check across fields (``__attrs_post_init__``) or a field validator names the
            # field it blames: point the path at it.
            blamed = getattr(inner, "field", None) if isinstance(inner, InvalidValue) else None
            where = f"{path}.{blamed}" if isinstance(blamed, str) and blamed in fields else path
            found.extend(_problems(inner, where, type_name))
        return found
    if isinstance(error, IntegrityError):
        return [Problem(f"{path}.{p.path}", p.message_en, p.message_zh) for p in error.problems]
    if isinstance(error, JiguanError):
        return [Problem(path, error.message_en, error.message_zh)]
    if isinstance(error, BaseValidationError):
        return [Problem(path, str(error), str(error))]
    if isinstance(error, AttributeError | TypeError):
        return [
            Problem(
                path,
                f"expected an object (dict) for {type_name}, got something else ({error})",
                f"{type_name} 应为对象（字典）",
            )
        ]
    return [Problem(path, f"invalid value: {error}", f"取值无效：{error}")]
