"""Words in one catalogue: the modules that word what a user reads take every word from ``govindex.catalogue``.

A Vietnamese letter in a string literal of a module (docstrings and comments
aside) is a word kept outside the catalogue. The modules whose words were
moved must hold none; no other module may start holding some.
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest

import govindex

SRC = Path(govindex.__file__).parent

#: Modules whose words were moved into the catalogue: they hold no Vietnamese text literal.
MOVED = (
    "cli/commands/reproduce.py",
    "agreement.py",
    "measures.py",
    "io/_directory_csv.py",
    "_lineage.py",
    "reproduction.py",
    "bands.py",
    "formlayout.py",
    "io/appraisal.py",
    "io/cells.py",
    "io/formparts.py",
    "io/forms.py",
    "io/header.py",
    "io/table.py",
    "render/appraisal.py",
    "render/forms.py",
    "rules/best_in_cohort.py",
    "rules/full_marks.py",
    "rules/proportional_imputation.py",
)

#: Modules that still hold Vietnamese literals, and why; a module leaves this list once its words are moved.
STILL_HOLDING = {
    "_names.py": "the letter đ folded to d, not a word",
    "agency.py": "the letter đ folded to d, not a word",
}


def _vietnamese(text: str) -> bool:
    """Whether ``text`` holds a letter beyond ASCII (ă, đ, ế …): Vietnamese, never in an English word here."""
    return any(ord(char) > 127 and "LATIN" in unicodedata.name(char, "") for char in text)


def _literals(source: str) -> list[tuple[int, str]]:
    """Every string literal of ``source`` that is not a docstring (f-strings' text parts included)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _words_outside(path: Path) -> list[str]:
    return [f"line {line}: {text!r}" for line, text in _literals(path.read_text("utf-8")) if _vietnamese(text)]


def test_the_scan_finds_a_word_and_leaves_docstrings_and_comments_alone() -> None:
    source = '''"""Mô-đun."""
def f() -> str:
    """Hàm."""
    # chú thích
    return f"{1} điểm" + "points"
'''
    assert [text for _line, text in _literals(source) if _vietnamese(text)] == [" điểm"]
    assert not _vietnamese("≠ ≈ × ± → ≥ – …") and _vietnamese("đ") and _vietnamese("Ế")


@pytest.mark.parametrize("module", MOVED)
def test_a_module_whose_words_were_moved_holds_none(module: str) -> None:
    assert _words_outside(SRC / module) == [], f"{module} words text itself: move it to govindex/catalogue"


def test_no_other_module_words_text_itself() -> None:
    holding = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if "catalogue" not in path.relative_to(SRC).parts and _words_outside(path)
    }
    new = sorted(holding - set(STILL_HOLDING))
    assert not new, f"Vietnamese words outside govindex/catalogue in {new}: move them into a catalogue module"
    assert not holding & set(MOVED)


def test_the_words_read_name_columns_and_levels_there_are() -> None:
    from govindex._lineage import Level
    from govindex._names import fold_name
    from govindex.catalogue.vocabulary import DIRECTORY_HEADERS, LEVEL_NAMES, DirectoryColumn
    from govindex.io._directory_csv import COLUMNS

    assert [column.text("en") for column in DirectoryColumn] == list(DIRECTORY_HEADERS) == list(COLUMNS)
    for column in DirectoryColumn:  # a header written in Vietnamese is one the reader takes
        assert fold_name(column.text("vi")) in {fold_name(header) for header in DIRECTORY_HEADERS[column.text("en")]}
    for level, names in LEVEL_NAMES.items():
        assert all(Level.parse(name) is Level(level) for name in names)


def test_reproduce_words_every_figure_and_every_status() -> None:
    from govindex.cli.commands.reproduce import _FIGURES, _STATUSES
    from govindex.published import FIGURES
    from govindex.reproduction import CheckStatus

    assert set(_FIGURES) == set(FIGURES)
    assert set(_STATUSES) == {status.value for status in CheckStatus}


def test_the_words_of_a_score_table_and_a_form_are_the_ones_read() -> None:
    from govindex.catalogue.measures_words import AnswerText
    from govindex.catalogue.vocabulary import AGENCY_NAME_WORDS, SCORE_COLUMN_HEADERS, SOURCE_NAMES
    from govindex.formlayout import FLAG_LABELS, NO, YES
    from govindex.io.cells import AGENCY_NAME_HEADERS, COLUMN_NAMES, header_key, split_maximum
    from govindex.io.formparts import flag
    from govindex.io.header import AGENCY_LIST
    from govindex.io.table import flag_of, source_of

    for column, headers in SCORE_COLUMN_HEADERS.items():
        assert all(COLUMN_NAMES[header_key(header)] == column for header in headers)
    assert all(word[:1].upper() + word[1:] in AGENCY_LIST for word in AGENCY_NAME_WORDS)  # a refusal names them all
    assert AGENCY_LIST.startswith("agency, Tên cơ quan") and set(AGENCY_NAME_WORDS) == AGENCY_NAME_HEADERS
    # a form's yes and no, and its flags, are read back by both readers
    assert (AnswerText.YES.text("vi"), AnswerText.NO.text("vi")) == (YES, NO)
    assert [flag(YES), flag(NO), flag_of(YES.upper()), flag_of(NO)] == [True, False, True, False]
    assert set(FLAG_LABELS) <= set(COLUMN_NAMES.values())
    assert all(source_of(name) is not None and source_of(name).value == value for name, value in SOURCE_NAMES.items())
    assert split_maximum("hạ tầng (tối đa 10 điểm)") == ("hạ tầng", 10) == split_maximum("hạ tầng (10đ)")
