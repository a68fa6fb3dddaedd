"""The command line speaks the catalogue: argparse's own errors and the help in Vietnamese, English on request."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from govindex.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("argv", "vi", "en"),
    [
        (["score", "sonla-2017-it", "x.csv", "--valus", "index"], "đối số không nhận ra: --valus", "unrecognized arguments"),
        (["score", "sonla-2017-it", "x.csv", "--values", "foo"], "lựa chọn không hợp lệ: 'foo'", "invalid choice: 'foo'"),
        (["score"], "thiếu các đối số bắt buộc: RUBRIC, SCORES", "the following arguments are required"),
        (["score", "sonla-2017-it", "x.csv", "--max-bytes", "many"], "giá trị int không hợp lệ", "invalid int value"),
        (["score", "sonla-2017-it", "x.csv", "--output"], "cần một giá trị", "expected one argument"),
        (["nosuch"], "lựa chọn không hợp lệ: 'nosuch'", "invalid choice: 'nosuch'"),
    ],
)
def test_usage_errors_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str], argv: list[str], vi: str, en: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("govindex: lỗi: ") and vi in err
    status, out, err = run(capsys, *argv, "--lang", "en")
    assert (status, out) == (2, "")
    assert err.startswith("govindex: error: ") and en in err


def test_help_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "score", "--help")
    assert status == 0
    assert out.startswith("cách dùng: govindex score") and "đọc bảng điểm:" in out and "--force" in out
    status, out, _ = run(capsys, "score", "--help", "--lang", "en")
    assert status == 0
    assert out.startswith("usage: govindex score") and "reading score tables:" in out
    status, out, _ = run(capsys, "--help")
    assert status == 0 and "chấm điểm, xếp loại và xếp hạng" in out


def test_a_nul_in_a_path_is_refused_with_its_file(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "score", "sonla-2017-it", "a\x00b.csv")
    assert status == 2
    assert err == "govindex: lỗi: a\\0b.csv: không đọc được tệp: đường dẫn có ký tự NUL\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_on_a_full_disk() -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "govindex.cli", "score", "sonla-2017-it", "sonla-2017-it"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("govindex: lỗi: không ghi được ra đầu ra chuẩn")
