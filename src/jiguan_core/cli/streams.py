"""Reading the command line's input files and writing its output, with every failure turned
into a clear bilingual message (the edge: the only module of :mod:`jiguan_core.cli` that touches
files and the standard streams).

- ``-`` names standard input wherever a file is read (the workspace, ``--calendar``), and standard
  output wherever one is written (``--out -``);
- input is UTF-8 JSON; text that is not, that nests deeper than :data:`MAX_DEPTH` levels or that
  holds a string no file can carry (a lone surrogate such as ``"\\ud800"``) is refused with the
  JSON path of each place, before anything else reads it;
- output goes out as UTF-8 whatever the locale; a closed standard output, a full disk
  (``> /dev/full``) or a closed pipe is reported as "cannot write to standard output: <reason>"
  (exit status 2), never as a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jiguan_core.errors import CannotWrite, InvalidInput, Problem

__all__ = [
    "MAX_DEPTH",
    "STDIN",
    "CannotWrite",
    "read_json",
    "read_text",
    "text_problems",
    "write_bytes",
    "write_text",
]

#: The name that means standard input (for reading) or standard output (for ``--out``).
STDIN = "-"
#: How deep a workspace may nest; real ones need about ten levels (office, list, item, span ...).
MAX_DEPTH = 64


def _where(name: str) -> tuple[str, str]:
    return ("standard input", "标准输入") if name == STDIN else (name, name)


def read_text(name: str, *, what: str = "$") -> str:
    """The UTF-8 text of the file ``name`` (``-``: standard input); raises :class:`InvalidInput`
    with one problem at ``what`` saying why it cannot be read."""
    en, zh = _where(name)
    try:
        if name == STDIN:
            stream = sys.stdin
            if stream is None:
                raise OSError("standard input is closed")
            data = stream.buffer.read()
        else:
            data = Path(name).read_bytes()
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        reason_en = f"not UTF-8 text (byte {error.start})"
        reason_zh = f"不是 UTF-8 文本（第 {error.start} 字节）"
    except OSError as error:
        reason_en = reason_zh = error.strerror or str(error)
    raise InvalidInput(
        [Problem(what, f"cannot read {en}: {reason_en}", f"无法读取{zh}：{reason_zh}")]
    )


def _walk(data: Any, path: str = "$") -> Iterator[tuple[str, Any, int]]:
    """Every value with its JSON path and depth, iteratively (no recursion on deep input)."""
    stack: list[tuple[str, Any, int]] = [(path, data, 1)]
    while stack:
        where, value, depth = stack.pop()
        yield where, value, depth
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, dict):
            for key, item in reversed(value.items()):
                stack.append((f"{where}.{key}", item, depth + 1))
        elif isinstance(value, list):
            for index in range(len(value) - 1, -1, -1):
                stack.append((f"{where}[{index}]", value[index], depth + 1))


def _not_text(value: str) -> str | None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"\\u{ord(value[error.start]):04x} at character {error.start}"
    return None


def text_problems(data: Any, path: str = "$") -> list[Problem]:
    """The places where parsed JSON nests too deep or holds a string that is not text (a lone
    surrogate, which ``json`` accepts as ``"\\ud800"`` but no UTF-8 file or terminal can carry)."""
    found: list[Problem] = []
    for where, value, depth in _walk(data, path):
        if depth > MAX_DEPTH:
            found.append(
                Problem(
                    where,
                    f"nested more than {MAX_DEPTH} levels deep; a workspace needs about ten",
                    f"嵌套超过 {MAX_DEPTH} 层；工作区一般只需约十层",
                )
            )
            break
        strings = [value] if isinstance(value, str) else []
        if isinstance(value, dict):
            strings = [key for key in value if isinstance(key, str)]
        for text in strings:
            bad = _not_text(text)
            if bad is not None:
                found.append(
                    Problem(
                        where,
                        f"{text!r} is not text: a lone surrogate {bad}; remove or replace it",
                        f"{text!r} 含有无效字符（孤立代理项 {bad}）；请删除或替换",
                    )
                )
    return found


def read_json(name: str, *, what: str = "$") -> Any:
    """The JSON value of the file ``name`` (``-``: standard input): every problem of the text
    itself (not JSON with line and column, nesting, lone surrogates) as :class:`InvalidInput`."""
    from jiguan_core.errors import JiguanError
    from jiguan_core.serialization import parse_json

    text = read_text(name, what=what)
    try:
        data = parse_json(text)
    except RecursionError:
        data = None
        problems = [
            Problem(
                what,
                f"not JSON this library reads: nested more than {MAX_DEPTH} levels deep; a "
                "workspace needs about ten",
                f"JSON 嵌套过深（超过 {MAX_DEPTH} 层）；工作区一般只需约十层",
            )
        ]
    except JiguanError as error:
        raise InvalidInput(_problems_of(error, what)) from error
    else:
        problems = text_problems(data, what)
    if problems:
        raise InvalidInput(problems)
    return data


def _problems_of(error: Exception, what: str) -> list[Problem]:
    found = getattr(error, "problems", None)
    if found is None:
        return [Problem(what, str(error), str(error))]
    return [
        p if what == "$" else Problem(p.path.replace("$", what, 1), p.message_en, p.message_zh)
        for p in found
    ]


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that the interpreter's own flush at exit does
    not fail again (and print its own traceback) after the error has been reported."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def write_text(text: str, out: str | None) -> None:
    """``text`` (UTF-8) to the file ``out``, or to standard output when ``out`` is ``None`` or
    ``-``; raises :class:`CannotWrite` saying where and why it failed."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        bad = f"\\u{ord(text[error.start]):04x}"
        raise CannotWrite(
            f"cannot write the output: it holds {bad}, a lone surrogate that is not text",
            f"无法输出：内容含有孤立代理项 {bad}，不是有效文本",
        ) from error
    if out is not None and out != STDIN:
        try:
            Path(out).write_bytes(data)
        except OSError as error:
            reason = error.strerror or str(error)
            raise CannotWrite(
                f"cannot write {out}: {reason}", f"无法写入 {out}：{reason}"
            ) from error
        return
    stream = sys.stdout
    try:
        if stream is None:
            raise OSError("standard output is closed")
        stream.flush()
        stream.buffer.write(data)
        stream.buffer.flush()
    except (OSError, ValueError) as error:  # ValueError: a closed stream object
        _silence_stdout()
        reason = getattr(error, "strerror", None) or str(error)
        raise CannotWrite(
            f"cannot write to standard output: {reason}", f"无法写入标准输出：{reason}"
        ) from error


def write_bytes(data: bytes, out: str) -> None:
    """A binary file (a .docx or .xlsx) to ``out``; raises :class:`CannotWrite` saying why."""
    try:
        Path(out).write_bytes(data)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CannotWrite(f"cannot write {out}: {reason}", f"无法写入 {out}：{reason}") from error
