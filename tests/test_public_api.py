"""The public API: every name resolves, heavy parts load only when used."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import govindex


@pytest.mark.parametrize("name", govindex.__all__)
def test_every_public_name_resolves_to_the_object_not_a_module(name: str) -> None:
    value = getattr(govindex, name)
    assert not isinstance(value, types.ModuleType), name


def test_dir_lists_the_lazy_names() -> None:
    assert set(govindex.__all__) <= set(dir(govindex))


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        _ = govindex.nonexistent  # type: ignore[attr-defined]


def test_import_govindex_stays_light() -> None:
    heavy = ["numpy", "pandas", "openpyxl", "docx", "matplotlib", "yaml", "cattrs", "importlib.metadata", "govindex.io"]
    code = f"import sys, govindex\nprint(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""


def test_a_lazy_name_is_imported_on_first_use() -> None:
    code = "import sys, govindex\nassert 'govindex.io.bundled' not in sys.modules\ngovindex.load_rubric\nprint('govindex.io.bundled' in sys.modules)\n"
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "True"
    )


def test_the_mappings_of_frozen_values_cannot_be_changed_in_place() -> None:
    import copy
    import pickle

    from govindex import Agency, Assessment, RuleRef

    assessment = Assessment(Agency("so-y-te", "Sở Y tế", "provincial", attributes={"note": "x"}), {"security": "8"})
    ref = RuleRef("exclude", {"agencies": ["a"]})
    for mapping in (assessment.scores, assessment.evidence, assessment.agency.attributes, ref.params):
        with pytest.raises(TypeError, match="read-only"):
            mapping["security"] = -5  # type: ignore[index]
        with pytest.raises(TypeError, match="read-only"):
            mapping.update({"x": 1})  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(assessment)) == assessment
    assert copy.deepcopy(assessment) == assessment
    assert assessment.scores == {"security": 8}
