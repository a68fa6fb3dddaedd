"""Every shell command of docs/walkthrough.md runs as written on the files shipped under examples/."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

pytest.importorskip("openpyxl")

from govindex.cli import main

ROOT = Path(__file__).resolve().parents[1]
WALKTHROUGH = ROOT / "docs" / "walkthrough.md"


def _commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", WALKTHROUGH.read_text(encoding="utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_the_walkthrough_shows_commands() -> None:
    commands = _commands()
    assert len(commands) >= 8
    assert all(command.startswith("govindex ") for command in commands)


@pytest.mark.parametrize("command", _commands())
def test_each_command_runs_as_written(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    assert main(shlex.split(command)[1:]) == 0, capsys.readouterr().err


def test_the_appraisal_example_gives_the_published_results(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["score", "sonla-2017-it", str(ROOT / "examples" / "2017" / "tham-dinh-so-nganh.xlsx"), "--format", "csv"])
        == 0
    )
    out = capsys.readouterr().out
    assert "so-thong-tin-va-truyen-thong,Sở Thông tin và Truyền thông,83.8" in out
