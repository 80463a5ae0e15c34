"""Packaging: the licence, the version, and the edges behind extras that fail with a clear error."""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import jiguan_core
from jiguan_core import MissingExtra, sample_office
from jiguan_core.__main__ import main
from jiguan_core._optional import EXTRAS, require
from jiguan_core._version import FALLBACK, version
from tests._paths import REPO_ROOT

ROOT = REPO_ROOT
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
OPTIONAL = PYPROJECT["project"]["optional-dependencies"]


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!;\[ ]", r, maxsplit=1)[0].lower() for r in requirements}


class TestLicenceAndMetadata:
    def test_the_licence_file_is_mit_for_the_developers(self) -> None:
        """LICENSE is the MIT text with the project's copyright line, and the wheel ships it."""
        text = (ROOT / "LICENSE").read_text(encoding="utf-8")
        assert text.startswith("MIT License")
        assert "Copyright (c) 2026 jiguan_core developers" in text
        assert PYPROJECT["project"]["license"] == "MIT"
        assert PYPROJECT["project"]["license-files"] == ["LICENSE"]

    def test_the_classifiers_state_the_development_status(self) -> None:
        """An index page shows how mature the library is."""
        classifiers = PYPROJECT["project"]["classifiers"]
        assert any(c.startswith("Development Status ::") for c in classifiers)


class TestVersion:
    def test_the_version_is_the_installed_distributions(self) -> None:
        """``jiguan_core.__version__`` reads the package metadata."""
        assert jiguan_core.__version__ == importlib.metadata.version("jiguan-core")

    def test_an_uninstalled_tree_reports_the_fallback(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without metadata the version is a PEP 440 local version, not an exception."""

        def missing(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", missing)
        version.cache_clear()
        try:
            assert version() == FALLBACK
        finally:
            version.cache_clear()

    def test_an_unknown_attribute_is_still_an_attribute_error(self) -> None:
        """The lazy ``__version__`` hook answers nothing else."""
        with pytest.raises(AttributeError, match="no_such_thing"):
            jiguan_core.no_such_thing  # noqa: B018

    def test_the_command_prints_its_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """``jiguan --version`` prints the version on stdout and exits 0."""
        with pytest.raises(SystemExit) as stop:
            main(["--version"])
        assert stop.value.code == 0
        assert capsys.readouterr().out.startswith(f"jiguan {jiguan_core.__version__} (Python 3.")

    def test_importing_the_core_reads_no_metadata_and_no_edge_package(self) -> None:
        """``import jiguan_core`` stays cheap: no importlib.metadata, no edge packages."""
        code = (
            "import sys, jiguan_core; "
            "print(sorted(m for m in ('importlib.metadata', 'jsonschema', 'icalendar', "
            "'hypothesis', 'dask') if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout
        assert out.strip() == "[]"


class TestExtras:
    def test_the_core_depends_on_no_edge_package(self) -> None:
        """jsonschema and icalendar are extras; the core's dependencies are the six it imports."""
        core = _names(PYPROJECT["project"]["dependencies"])
        assert core == {
            "attrs",
            "cattrs",
            "pendulum",
            "chinesecalendar",
            "python-dateutil",
            "networkx",
        }

    @pytest.mark.parametrize(("module", "extra_and_package"), sorted(EXTRAS.items()))
    def test_every_optional_module_is_installed_by_the_extra_it_names(
        self, module: str, extra_and_package: tuple[str, str]
    ) -> None:
        """The extra a MissingExtra names exists and lists the package."""
        extra, package = extra_and_package
        assert package in _names(OPTIONAL[extra])

    def test_the_makefile_installs_every_extra_the_suite_needs(self) -> None:
        """`make test` alone sets up a fresh machine: its install line names every extra."""
        makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
        line = re.search(r"^EXTRAS\s*=\s*(\S+)", makefile, re.MULTILINE)
        assert line is not None
        needed = {extra for extra, _ in EXTRAS.values()} | {"dev"}
        assert needed <= set(line.group(1).split(","))

    def test_a_missing_package_names_its_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A bare ModuleNotFoundError becomes a bilingual MissingExtra that says what to install."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(MissingExtra) as caught:
            require("icalendar", feature="iCalendar export", feature_zh="iCalendar 导出")
        assert caught.value.extra == "ics"
        assert 'pip install "jiguan-core[ics]"' in str(caught.value)
        assert "iCalendar 导出" in caught.value.render("zh")
        assert isinstance(caught.value, ImportError)

    def test_ics_export_without_icalendar_names_the_ics_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The public entry point raises the error, not an import deep inside."""
        from jiguan_core.ics import activities_to_ics

        monkeypatch.setitem(sys.modules, "icalendar", None)
        stamp = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
        with pytest.raises(MissingExtra, match=r"jiguan-core\[ics\]"):
            activities_to_ics(sample_office().activities[:1], as_of=stamp)

    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_the_command_line_without_its_extra_says_what_to_install_and_exits_2(
        self,
        lang: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """A wheel installed without [cli] gives `jiguan check` a message and exit 2, no traceback."""
        workspace = tmp_path / "office.json"
        assert main(["sample", "--out", str(workspace)]) == 0
        monkeypatch.setitem(sys.modules, "jsonschema", None)
        assert main(["check", str(workspace), "--lang", lang]) == 2
        said = capsys.readouterr().err
        assert 'pip install "jiguan-core[cli]"' in said
        assert "jsonschema" in said
        assert "Traceback" not in said
        assert ("尚未安装" in said) == (lang == "zh")

    def test_schema_validation_without_jsonschema_names_the_cli_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Checking a workspace against its schema needs the [cli] extra."""
        from jiguan_core.cli.interchange import schema_problems, workspace_schema

        monkeypatch.setitem(sys.modules, "jsonschema", None)
        with pytest.raises(MissingExtra, match=r"jiguan-core\[cli\]"):
            schema_problems({}, workspace_schema())

    def test_the_testing_module_without_hypothesis_names_the_testing_extra(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``import jiguan_core.testing`` says to install [testing]."""
        monkeypatch.setitem(sys.modules, "hypothesis", None)
        monkeypatch.delitem(sys.modules, "jiguan_core.testing", raising=False)
        with pytest.raises(MissingExtra, match=r"jiguan-core\[testing\]"):
            importlib.import_module("jiguan_core.testing")

    def test_a_failure_inside_an_installed_extra_is_not_disguised(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Only the missing package itself is explained; a broken dependency of it propagates."""

        def broken(name: str) -> object:
            raise ModuleNotFoundError("No module named 'something_else'", name="something_else")

        monkeypatch.setattr(importlib, "import_module", broken)
        with pytest.raises(ModuleNotFoundError) as caught:
            require("icalendar", feature="x", feature_zh="x")
        assert not isinstance(caught.value, MissingExtra)
