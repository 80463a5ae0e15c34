"""jiguan_core.workspace: the public way to read and write a workspace, as json does."""

from __future__ import annotations

import io
import json

import pytest

import jiguan_core.cli.interchange as interchange
from jiguan_core import workspace
from jiguan_core.errors import ConversionError
from jiguan_core.examples.workspace import sample_workspace
from tests._two_processes import two_runs


class TestReadingAndWriting:
    def test_text_round_trips_to_an_equal_workspace(self) -> None:
        """dumps then loads gives the workspace back."""
        ws = sample_workspace()
        assert workspace.loads(workspace.dumps(ws)) == ws

    def test_a_file_object_round_trips_to_an_equal_workspace(self) -> None:
        """dump writes to the caller's file, load reads from it."""
        ws = sample_workspace()
        buffer = io.StringIO()
        workspace.dump(ws, buffer)
        buffer.seek(0)
        assert workspace.load(buffer) == ws

    def test_the_dict_form_is_plain_json(self) -> None:
        """to_dict gives what json.dumps takes; from_dict reads it back."""
        ws = sample_workspace()
        data = workspace.to_dict(ws)
        assert json.loads(json.dumps(data)) == data
        assert workspace.from_dict(data) == ws

    def test_writing_is_deterministic_and_the_command_lines_format(self) -> None:
        """The same workspace gives the same text in two interpreters with different hash seeds
        and in this one, the text `jiguan sample` writes."""
        ws = sample_workspace()
        one, two = two_runs(
            "from jiguan_core import workspace\n"
            "from jiguan_core.examples.workspace import sample_workspace\n"
            "print(workspace.dumps(sample_workspace()), end='')\n"
        )
        assert one == two == workspace.dumps(ws)
        assert workspace.dumps(ws) == interchange.dump_workspace(ws)
        assert workspace.dumps(ws).endswith("}\n")

    @pytest.mark.parametrize(
        ("section", "key", "value", "path"),
        [
            ("plan", "seed", "zero", "$.plan.seed"),
            ("rotation", "under_investigation", ["s999"], "$.rotation.under_investigation"),
        ],
    )
    def test_a_problem_is_reported_with_its_path(
        self, section: str, key: str, value: object, path: str
    ) -> None:
        """A wrong value or an unknown id raises a ConversionError naming the place."""
        data = workspace.to_dict(sample_workspace())
        data[section][key] = value
        with pytest.raises(ConversionError) as caught:
            workspace.from_dict(data)
        assert any(p.path.startswith(path) for p in caught.value.problems)

    def test_text_that_is_not_json_says_where(self) -> None:
        """Broken JSON is a ConversionError too, not a JSONDecodeError."""
        with pytest.raises(ConversionError):
            workspace.loads('{"office": ')

    def test_the_schema_is_a_copy_the_caller_may_change(self) -> None:
        """schema() is the generated JSON Schema; changing it changes nothing else."""
        first = workspace.schema()
        first["title"] = "changed"
        assert workspace.schema()["title"] != "changed"
        assert first["$schema"].startswith("https://json-schema.org/draft/2020-12")


class TestCompatibility:
    def test_the_old_module_names_the_same_objects(self) -> None:
        """jiguan_core.cli.interchange keeps working: the classes are the same."""
        assert workspace.Workspace is interchange.Workspace
        assert workspace.PlanSection is interchange.PlanSection

    def test_every_public_name_exists(self) -> None:
        """Every name in __all__ is there."""
        assert workspace.__all__
        assert [name for name in workspace.__all__ if not hasattr(workspace, name)] == []
