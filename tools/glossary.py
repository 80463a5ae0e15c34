"""The glossary generator: every Chinese term of jiguan_core with its identifier and English label.

A documentation tool of the repository, not part of the shipped package (applications read
``docs/glossary.md``, or a member's ``.zh``/``.en``). Built from the
:class:`~jiguan_core.text.TermEnum` subclasses defined anywhere in the package (every submodule is
imported, so areas added later appear without registering anything), so the glossary page cannot
drift from the code. Pure: returns text; ``tools/gen_docs.py`` writes it.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from attrs import frozen

from jiguan_core.text import TermEnum

__all__ = [
    "GlossaryEntry",
    "glossary_entries",
    "glossary_markdown",
    "skipped_modules",
    "term_enums",
]

_PACKAGE = "jiguan_core"


def _import_all_submodules() -> tuple[str, ...]:
    """Import every module of the package so that every TermEnum subclass is defined; return
    the modules that could not be imported, sorted.

    ``__main__`` modules are skipped (importing one would run it). A module that cannot be
    imported (an optional dependency missing, or a module being written) is skipped with
    everything below it, so the result depends only on which modules import, not on what
    happened to be imported before.
    """
    failed: list[str] = []
    package = importlib.import_module(_PACKAGE)
    for info in pkgutil.walk_packages(package.__path__, _PACKAGE + ".", onerror=failed.append):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue
        try:
            importlib.import_module(info.name)
        except Exception:  # any failure: the module is reported by skipped_modules()
            failed.append(info.name)
    return tuple(sorted(set(failed)))


def skipped_modules() -> tuple[str, ...]:
    """Modules of the package that the glossary could not import (and so does not cover)."""
    return _import_all_submodules()


def _covered(module: str, failed: tuple[str, ...]) -> bool:
    inside = module == _PACKAGE or module.startswith(_PACKAGE + ".")
    return inside and not any(module == f or module.startswith(f + ".") for f in failed)


def _subclasses(root: type[TermEnum]) -> list[type[TermEnum]]:
    found: list[type[TermEnum]] = []
    for child in root.__subclasses__():
        found.append(child)
        found.extend(_subclasses(child))
    return found


def term_enums() -> tuple[type[TermEnum], ...]:
    """Every TermEnum subclass of the package that has members, sorted by module and name."""
    failed = _import_all_submodules()
    unique = {
        (cls.__module__, cls.__qualname__): cls
        for cls in _subclasses(TermEnum)
        if _covered(cls.__module__, failed) and len(cls)
    }
    return tuple(unique[key] for key in sorted(unique))


@frozen(kw_only=True)
class GlossaryEntry:
    """One term: ``zh`` (the office's word), ``identifier`` (``Enum.MEMBER``), ``value`` (its
    JSON form) and ``en`` (the English label)."""

    zh: str
    identifier: str
    value: str
    en: str
    module: str


def glossary_entries() -> tuple[GlossaryEntry, ...]:
    """Every term, grouped by enum (sorted by module and name), members in declaration order."""
    return tuple(
        GlossaryEntry(
            zh=member.zh,
            identifier=f"{cls.__qualname__}.{member.name}",
            value=str(member.value),
            en=member.en,
            module=cls.__module__,
        )
        for cls in term_enums()
        for member in cls
    )


def _summary(cls: type[TermEnum]) -> str:
    doc = inspect.getdoc(cls)
    if not doc or doc == inspect.getdoc(TermEnum):
        return ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def glossary_markdown() -> str:
    """The glossary page (Markdown): one table per enum, Chinese term ↔ identifier ↔ English."""
    lines = [
        "# Glossary 术语表",
        "",
        "<!-- Generated from the code by tools/gen_docs.py; do not edit by hand. -->",
        "",
        "Every domain term of jiguan_core, as the office says it (中文), as the code names it "
        "(identifier), as JSON stores it (value) and in English. The tables are generated from "
        "the `TermEnum` classes of the package, so they always match the code.",
        "",
    ]
    enums = term_enums()
    lines.append("| Enum | Module | Terms |")
    lines.append("|---|---|---|")
    lines.extend(
        f"| [`{c.__qualname__}`](#{c.__qualname__.lower()}) | `{c.__module__}` | {len(c)} |"
        for c in enums
    )
    lines.append("")
    for cls in enums:
        lines.append(f"## {cls.__qualname__}")
        lines.append("")
        summary = _summary(cls)
        lines.append(f"`{cls.__module__}.{cls.__qualname__}`" + (f": {summary}" if summary else ""))
        lines.append("")
        lines.append("| 中文 | Identifier | Value | English |")
        lines.append("|---|---|---|---|")
        for member in cls:
            lines.append(
                f"| {_cell(member.zh)} | `{cls.__qualname__}.{member.name}` | "
                f"`{_cell(str(member.value))}` | {_cell(member.en)} |"
            )
        lines.append("")
    return "\n".join(lines)
