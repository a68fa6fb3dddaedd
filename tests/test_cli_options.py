"""Every command that reads scores takes the same input and output options: each command run with each option."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from govindex.cli import main

SHEET = "examples/2017/tham-dinh-so-nganh.xlsx"
SELF = "examples/2017/tu-danh-gia.yaml"
NOTED = "examples/2017/bang-diem-so-nganh.csv"  # has a column "Ghi chú" to leave unread
RULES = "examples/rules/late_report.py"

COMMANDS = ("score", "validate", "explain", "report", "publish", "reconcile", "compare")


def argv(command: str, sources: list[str], tmp: Path, rubric: str = "sonla-2017-it") -> list[str]:
    """The command run on ``sources`` (the appraisal cohort sheet unless told)."""
    if command == "validate":
        return ["validate", "--rubric", rubric, *sources]
    if command == "explain":
        return ["explain", rubric, *sources, "so-noi-vu"]
    if command == "publish":
        return ["publish", rubric, *sources, "--output", str(tmp / "appendix.md")]
    if command == "reconcile":
        return ["reconcile", "--rubric", rubric, SELF, "--appraised", *sources]
    if command == "compare":
        return ["compare", f"2016={rubric}:{sources[0]}", f"2017={rubric}:{sources[-1]}"]
    return [command, rubric, *sources]


def run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    status = main(args)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def output_of(out: str, tmp: Path, command: str) -> str:
    """What the command wrote: standard output, or the appendix file of ``publish``."""
    return (tmp / "appendix.md").read_text(encoding="utf-8") if command == "publish" else out


Check = Callable[[str, pytest.CaptureFixture[str], Path], None]


def _rules(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    status, _, err = run(capsys, [*argv(command, [SHEET], tmp), "--rules", RULES])
    assert status == 0, err


def _trust_rules(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    # The rubric names a rules file: refused without leave, run with --trust-rules.
    rubric = "examples/rules/rubric.yaml"
    scores = "examples/rules/scores.yaml"
    base = argv(command, [scores], tmp, rubric)
    if command == "explain":
        base = ["explain", rubric, scores, "so-xay-dung"]
    if command == "reconcile":
        base = ["reconcile", "--rubric", rubric, scores, "--appraised", scores]
    refused, _, err = run(capsys, base)
    assert refused == 2
    assert "--trust-rules" in err
    status, _, err = run(capsys, [*base, "--trust-rules"])
    assert status == 0, err


def _values(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    values = "examples/dti-index-values.csv"
    base = argv(command, [values], tmp, "vn-dti-2022-province")
    if command == "explain":
        base = ["explain", "vn-dti-2022-province", values, "tinh-a"]
    if command == "reconcile":
        base = ["reconcile", "--rubric", "vn-dti-2022-province", values, "--appraised", values]
    status, out, err = run(capsys, [*base, "--values", "points"])
    assert status == 2  # 0.9 points where the criteria have maxima of 50 and more: too many decimals
    status, out, err = run(capsys, [*base, "--values", "index"])
    assert status == 0, err
    if command in ("score", "publish"):
        assert "0,9000" in output_of(out, tmp, command)


def _registry(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    status, _, err = run(capsys, [*argv(command, [SHEET], tmp), "--registry", "sonla"])
    assert status == 0, err
    status, _, err = run(capsys, [*argv(command, [SHEET], tmp), "--registry", str(tmp / "none.csv")])
    assert status == 2
    assert "none.csv" in err


def _sheet(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    book = [*argv(command, [NOTED.replace(".csv", ".xlsx")], tmp), "--ignore-column", "Ghi chú", "--force"]
    status, _, err = run(capsys, [*book, "--sheet", "Bảng điểm"])
    assert status == 0, err
    status, out, err = run(capsys, [*book, "--sheet", "Không có"])
    assert status == 2
    assert "'Không có'" in err + out


def _ignore_column(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    status, out, err = run(capsys, argv(command, [NOTED], tmp))
    assert status == 2
    assert "Ghi chú" in err + out
    status, _, err = run(capsys, [*argv(command, [NOTED], tmp), "--ignore-column", "Ghi chú"])
    assert status == 0, err


def _blank_rows(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    lines = Path(NOTED).read_text(encoding="utf-8-sig").splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("STT;"))
    blank = lines[header + 1].split(";")
    blank[3:10] = [""] * 7
    lines[header + 1] = ";".join(blank)
    path = tmp / "blank.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    base = [*argv(command, [str(path)], tmp), "--ignore-column", "Ghi chú"]
    if command == "explain":
        base = ["explain", "sonla-2017-it", str(path), "so-noi-vu", "--ignore-column", "Ghi chú"]
    refused, _, _ = run(capsys, base)
    assert refused == 2
    status, _, err = run(capsys, [*base, "--blank-rows", "not-assessed"])
    assert status == 0, err


def _max_bytes(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    status, out, err = run(capsys, [*argv(command, [SHEET], tmp), "--max-bytes", "100"])
    assert status == 2
    assert (SELF if command == "reconcile" else SHEET) in err + out


def _max_cells(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    status, out, err = run(capsys, [*argv(command, [SHEET], tmp), "--max-cells", "10"])
    assert status == 2
    assert SHEET in err + out


def _format(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    fmt = {"publish": "html", "explain": "markdown"}.get(command, "json")
    status, out, err = run(capsys, [*argv(command, [SHEET], tmp), "--format", fmt])
    assert status == 0, err
    written = output_of(out, tmp, command)
    if fmt == "json":
        json.loads(written)
    else:
        assert written.lstrip().startswith("<!DOCTYPE html>" if fmt == "html" else "#")


def _output(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    target = tmp / ("other.html" if command == "publish" else "out.md")
    status, out, err = run(capsys, [*argv(command, [SHEET], tmp), "--output", str(target)])
    assert status == 0, err
    assert target.stat().st_size > 0
    assert out == ""


def _force(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    target = tmp / ("appendix.md" if command == "publish" else "out.md")
    target.write_text("kept", encoding="utf-8")
    args = argv(command, [SHEET], tmp)
    if command != "publish":
        args += ["--output", str(target)]
    status, _, err = run(capsys, args)
    assert status == 2
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "kept"
    status, _, err = run(capsys, [*args, "--force"])
    assert status == 0, err
    assert target.read_text(encoding="utf-8") != "kept"


def _lang(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    status, out, err = run(capsys, [*argv(command, [SHEET], tmp), "--lang", "en"])
    assert status == 0, err
    vi_status, vi_out, _ = run(capsys, [*argv(command, [SHEET], tmp), "--force"])
    assert vi_status == 0
    if command != "publish":
        assert out != vi_out


def _excel_vn(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    csv_ok = command not in ("publish", "explain")
    args = [*argv(command, [SHEET], tmp), "--excel-vn"] + (["--format", "csv"] if csv_ok else [])
    status, out, err = run(capsys, args)
    assert status == 0, err
    if csv_ok:
        assert out.startswith("\ufeff")
        assert ";" in out.splitlines()[0]


def _indent(command: str, capsys: pytest.CaptureFixture[str], tmp: Path) -> None:
    if command == "publish":  # the appendix is a document, never JSON: the option is accepted and changes nothing
        status, _, err = run(capsys, [*argv(command, [SHEET], tmp), "--indent", "2"])
        assert status == 0, err
        return
    status, out, err = run(capsys, [*argv(command, [SHEET], tmp), "--format", "json", "--indent", "2"])
    assert status == 0, err
    assert out.startswith("{\n  ") or (command == "validate" and out == "[]\n")


OPTIONS: dict[str, Callable[[str, pytest.CaptureFixture[str], Path], None]] = {
    "--rules": _rules,
    "--trust-rules": _trust_rules,
    "--values": _values,
    "--registry": _registry,
    "--sheet": _sheet,
    "--ignore-column": _ignore_column,
    "--blank-rows": _blank_rows,
    "--max-bytes": _max_bytes,
    "--max-cells": _max_cells,
    "--format": _format,
    "--output": _output,
    "--force": _force,
    "--lang": _lang,
    "--excel-vn": _excel_vn,
    "--indent": _indent,
}


@pytest.mark.parametrize("option", list(OPTIONS))
@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_takes_each_option(
    command: str, option: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    OPTIONS[option](command, capsys, tmp_path)
