"""jiguan_core.workspace: the public way to read and write a workspace, as json does, and the
one policy it carries for every area."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest

import jiguan_core.cli.interchange as interchange
from jiguan_core import workspace
from jiguan_core.cli.commands import run_assess, run_rotation
from jiguan_core.errors import CannotWrite, ConversionError
from jiguan_core.examples.workspace import sample_workspace
from jiguan_core.policy import Policy
from jiguan_core.rule import RuleArea
from tests._two_processes import two_runs
from tests.test_import_diet import _loaded_after


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


class TestFilesAndStreams:
    def test_a_path_round_trips_as_a_str_and_as_a_path(self, tmp_path: Path) -> None:
        """dump writes the file at a path (UTF-8), load reads it back equal from str or Path."""
        ws = sample_workspace()
        target = tmp_path / "office.json"
        workspace.dump(ws, target)
        assert target.read_bytes() == workspace.dumps(ws).encode("utf-8")
        assert workspace.load(target) == ws
        assert workspace.load(str(target)) == ws

    def test_a_binary_stream_round_trips(self) -> None:
        """dump writes UTF-8 bytes to a binary file object, load reads them back."""
        ws = sample_workspace()
        buffer = io.BytesIO()
        workspace.dump(ws, buffer)
        assert "机关".encode() in buffer.getvalue()  # characters as they are, not \u escapes
        buffer.seek(0)
        assert workspace.load(buffer) == ws
        assert workspace.loads(buffer.getvalue()) == ws

    def test_a_file_opened_in_binary_mode_is_written_as_bytes(self, tmp_path: Path) -> None:
        """A file object opened with "wb" takes bytes; the text is the same as dumps gives."""
        ws = sample_workspace()
        target = tmp_path / "office.json"
        with target.open("wb") as out:
            workspace.dump(ws, out)
        with target.open(encoding="utf-8") as back:
            assert workspace.load(back) == ws

    def test_a_missing_file_is_a_conversion_error_at_the_root(self, tmp_path: Path) -> None:
        """An unreadable path is reported like every other reading problem, not as OSError."""
        with pytest.raises(ConversionError) as caught:
            workspace.load(tmp_path / "nowhere.json")
        assert caught.value.problems[0].path == "$"
        assert "nowhere.json" in caught.value.problems[0].message_en

    def test_bytes_that_are_not_utf8_say_where(self) -> None:
        """A byte that is not UTF-8 is a ConversionError naming its position."""
        with pytest.raises(ConversionError, match="byte 1"):
            workspace.loads(b"{\xff}")

    def test_something_that_is_neither_a_path_nor_a_file_is_refused(self) -> None:
        """load(42) names what it takes instead of failing deep inside."""
        with pytest.raises(ConversionError, match="path or a file object"):
            workspace.load(42)  # type: ignore[arg-type]

    def test_a_directory_that_does_not_exist_cannot_be_written(self, tmp_path: Path) -> None:
        """dump to a path that cannot be written raises CannotWrite naming it."""
        with pytest.raises(CannotWrite, match="missing"):
            workspace.dump(sample_workspace(), tmp_path / "missing" / "office.json")


def _through_the_file(ws: workspace.Workspace) -> workspace.Workspace:
    """The workspace as an application stores it and the command line reads it."""
    return workspace.loads(workspace.dumps(ws))


class TestOnePolicy:
    def test_the_file_carries_the_policy_under_policy(self) -> None:
        """The policy is written under `policy`, never under its former name, and reads back."""
        policy = Policy(disabled={"A6"}, overrides={"DEV-T1": {"key_years": 5}})
        ws = attrs.evolve(sample_workspace(), policy=policy)
        data = workspace.to_dict(ws)
        assert data["policy"]["disabled"] == ["A6"]
        assert workspace.POLICY_ALIAS not in data
        assert _through_the_file(ws).policy == policy

    def test_the_former_key_scheduling_policy_is_still_read(self) -> None:
        """A file written before the one policy (key `scheduling_policy`) reads to the same
        workspace, and the old attribute name gives the same object."""
        ws = attrs.evolve(sample_workspace(), policy=Policy(disabled={"SCHED-COORD-PERSON"}))
        data = workspace.to_dict(ws)
        data[workspace.POLICY_ALIAS] = data.pop("policy")
        read = workspace.from_dict(data)
        assert read == ws
        assert read.scheduling_policy is read.policy

    def test_the_policy_and_its_former_name_together_are_refused(self) -> None:
        """Both keys at once is ambiguous: one problem at the former key says keep `policy`."""
        data = workspace.to_dict(sample_workspace())
        data[workspace.POLICY_ALIAS] = data["policy"]
        with pytest.raises(ConversionError) as caught:
            workspace.from_dict(data)
        assert [p.path for p in caught.value.problems] == ["$.scheduling_policy"]
        assert "keep `policy` only" in caught.value.problems[0].message_en

    @pytest.mark.parametrize(
        ("section", "key", "value"),
        [
            ("assessment", "annual_policy", {}),
            ("assessment", "routine_policy", {}),
            ("rotation", "policy", {"key_years": 5}),
            ("duty", "overrides", {"DUTY-Y1": {"staff_per_day": 3}}),
            ("leave", "overrides", {"LEAVE-L1": {"first_band_days": 7}}),
        ],
    )
    def test_a_section_policy_of_an_older_file_says_where_it_went(
        self, section: str, key: str, value: object
    ) -> None:
        """An area's own policy inside its section is refused with a hint to the one policy."""
        data = workspace.to_dict(sample_workspace())
        data[section] = {**(data.get(section) or {}), key: value}
        with pytest.raises(ConversionError) as caught:
            workspace.from_dict(data)
        mine = [p for p in caught.value.problems if p.path == f"$.{section}"]
        assert len(mine) == 1
        assert "workspace's `policy" in mine[0].message_en
        assert f"`{key}` is no longer" in mine[0].message_en

    def test_switching_off_an_assessment_rule_changes_jiguan_assess(self) -> None:
        """A6 off in the workspace file: s020, whose warning barred 优秀, is now excellent."""
        ws = sample_workspace()
        before = json.loads(run_assess(ws, as_json=True).text)["annual"]["outcomes"]
        changed = _through_the_file(attrs.evolve(ws, policy=Policy(disabled={"A6"})))
        after = json.loads(run_assess(changed, as_json=True).text)["annual"]["outcomes"]
        grade = {o["staff_id"]: (o["grade"], o["barred"]) for o in before}
        grade_after = {o["staff_id"]: (o["grade"], o["barred"]) for o in after}
        assert grade["s020"] == ("competent", True)
        assert grade_after["s020"] == ("excellent", False)

    def test_an_assessment_parameter_changes_the_quota(self) -> None:
        """A2's share raised to one half in the policy: more places for 优秀 than at 20%."""
        ws = sample_workspace()
        changed = _through_the_file(
            attrs.evolve(ws, policy=Policy(overrides={"A2": {"share": 0.5}}))
        )
        quota = json.loads(run_assess(ws, as_json=True).text)["annual"]["quota"]
        quota_after = json.loads(run_assess(changed, as_json=True).text)["annual"]["quota"]
        assert (quota["share"], quota_after["share"]) == (0.2, 0.5)
        assert quota_after["places"] > quota["places"]

    def test_a_development_parameter_changes_jiguan_rotation(self) -> None:
        """DEV-T1 at one year for every kind of post: far more people are due on the same day."""
        ws = sample_workspace()
        years = {"leading_years": 1, "key_years": 1, "general_years": 1}
        changed = _through_the_file(attrs.evolve(ws, policy=Policy(overrides={"DEV-T1": years})))

        def due(w: workspace.Workspace) -> int:
            checks = json.loads(run_rotation(w, as_json=True).text)["checks"]
            return sum(c["status"] == "due" for c in checks)

        assert due(changed) > due(ws)
        assert changed.rotation is not None
        assert changed.rotation.development_policy.key_years == 1

    def test_every_area_reads_its_view_of_the_same_policy(self) -> None:
        """The views are the areas' own types built from the one policy."""
        policy = Policy(
            disabled={"A6", "DEV-T5"},
            overrides={
                "A2": {"approved": True},
                "DEV-T1": {"key_years": 5},
                "DUTY-Y1": {"staff_per_day": 3},
                "LEAVE-L1": {"first_band_days": 7},
            },
        )
        ws = attrs.evolve(sample_workspace(), policy=policy)
        assert ws.annual_policy().approved is True
        assert "A6" in ws.annual_policy().disabled
        assert ws.development_policy().key_years == 5
        assert "DEV-T5" in ws.development_policy().disabled
        assert dict(ws.overrides(RuleArea.DUTY)) == {"DUTY-Y1": {"staff_per_day": 3}}
        assert dict(ws.overrides(RuleArea.LEAVE)) == {"LEAVE-L1": {"first_band_days": 7}}
        assert ws.routine_policy() == ws.annual_policy().routine

    def test_the_section_given_is_not_changed_by_the_workspace(self) -> None:
        """Binding the policy works on a copy: the caller's section keeps the default policy."""
        section = sample_workspace().assessment
        assert section is not None
        ws = attrs.evolve(sample_workspace(), policy=Policy(disabled={"A6"}), assessment=section)
        assert ws.assessment is not None
        assert ws.assessment.policy is ws.policy
        assert section.policy == Policy()


class TestTheEdge:
    def test_importing_the_library_does_not_load_the_workspace_module(self) -> None:
        """`import jiguan_core` stays free of the edge: no workspace module, no jsonschema."""
        loaded = _loaded_after("import jiguan_core")
        assert "jiguan_core.workspace" not in loaded
        assert "jsonschema" not in loaded

    def test_importing_the_workspace_module_loads_no_jsonschema(self) -> None:
        """jsonschema (the [cli] extra) is imported on the first read, not on import."""
        loaded = _loaded_after("import jiguan_core.workspace")
        assert "jsonschema" not in loaded
        assert "jiguan_core.cli" not in loaded

    def test_the_schema_reads_the_former_key_and_marks_it_deprecated(self) -> None:
        """The JSON Schema agrees with the reader: `scheduling_policy` is the same shape as
        `policy`, deprecated, and never given together with it."""
        schema = workspace.schema()
        alias = schema["properties"][workspace.POLICY_ALIAS]
        assert alias["deprecated"] is True
        assert alias["$ref"] == schema["properties"]["policy"]["$ref"]
        assert schema["not"] == {"required": ["policy", workspace.POLICY_ALIAS]}


class TestCompatibility:
    def test_the_old_module_names_the_same_objects(self) -> None:
        """jiguan_core.cli.interchange keeps working: every name it exports is this module's."""
        assert interchange.__all__
        different = [
            name
            for name in interchange.__all__
            if getattr(interchange, name) is not getattr(workspace, name)
        ]
        assert different == []

    def test_every_public_name_exists(self) -> None:
        """Every name in __all__ is there."""
        assert workspace.__all__
        assert [name for name in workspace.__all__ if not hasattr(workspace, name)] == []
