"""``govindex serve``: every endpoint answers what the command line prints or writes, byte for byte; every
refusal is a problem detail (RFC 9457) with every problem's place, in the language asked for; never a 500."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from litestar.testing import TestClient

from govindex.cli import main
from govindex.cli.server.app import create_app
from govindex.cli.server.inputs import XLSX
from govindex.cli.server.settings import Settings
from govindex.io import dump_assessments
from govindex.io.bundled import list_rubrics
from govindex.io.published import load_dataset

ROOT = Path(__file__).resolve().parents[1]
FORM = ROOT / "examples" / "2017" / "so-noi-vu-tu-danh-gia.xlsx"
FORM_2 = ROOT / "examples" / "2017" / "so-y-te-tu-danh-gia.xlsx"
SHEET = ROOT / "examples" / "2017" / "tham-dinh-so-nganh.xlsx"
SELF = ROOT / "examples" / "2017" / "tu-danh-gia.yaml"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:  # type: ignore[type-arg]
    with TestClient(app=create_app(Settings())) as test_client:
        yield test_client


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    main(list(argv))
    return capsys.readouterr().out


def cohort_2017(folder: Path) -> Path:
    """The 2017 dataset (31 agencies: 30 ranked, one kept out by the rubric) as an assessment file."""
    text = dump_assessments(load_dataset("sonla-2017-it").assessments(), year=2017, rubric="sonla-2017-it")
    path = folder / "ca-nam-2017.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def broken_form(folder: Path) -> Path:
    """The filled 2017 form with two cells wrong: a score above its maximum (F16) and a word (F18)."""
    book = openpyxl.load_workbook(FORM)
    sheet = book["Phiếu tự đánh giá"]
    sheet["F16"] = 12
    sheet["F18"] = "hai mươi"
    path = folder / "so-noi-vu-loi.xlsx"
    book.save(path)
    return path


# --- the operations against the command line ---------------------------------------------------------


def test_score_json_is_the_command_line_json(client: TestClient, capsys: pytest.CaptureFixture[str],  # type: ignore[type-arg]
                                             tmp_path: Path) -> None:
    cohort = cohort_2017(tmp_path)
    for path, kind in ((FORM, XLSX), (cohort, "application/yaml")):
        expected = cli(capsys, "score", "sonla-2017-it", str(path), "--format", "json")
        answer = client.post("/api/score?rubric=sonla-2017-it", content=path.read_bytes(),
                             headers={"content-type": kind})
        assert answer.status_code == 200, answer.text
        assert answer.headers["content-type"] == "application/json"
        assert answer.content == expected.encode("utf-8")
    assert len(json.loads(answer.content)["results"]) == 30


@pytest.mark.parametrize(
    ("fmt", "lang", "extra"),
    [("table", "vi", ()), ("csv", "en", ("--excel-vn",)), ("markdown", "vi", ()), ("html", "en", ()),
     ("json", "vi", ("--indent", "2"))],
)
def test_score_in_every_text_format(client: TestClient, capsys: pytest.CaptureFixture[str],  # type: ignore[type-arg]
                                    fmt: str, lang: str, extra: tuple[str, ...]) -> None:
    csv = ROOT / "examples" / "2017" / "bang-diem-so-nganh.csv"
    expected = cli(capsys, "score", "sonla-2017-it", str(csv), "--format", fmt, "--lang", lang,
                   "--ignore-column", "Ghi chú", *extra)
    query = {"rubric": "sonla-2017-it", "format": fmt, "lang": lang, "ignore-column": "Ghi chú"}
    if extra == ("--excel-vn",):
        query["excel-vn"] = "true"
    if extra[:1] == ("--indent",):
        query["indent"] = "2"
    answer = client.post("/api/score", params=query, content=csv.read_bytes(), headers={"content-type": "text/csv"})
    assert answer.status_code == 200, answer.text
    assert answer.content == expected.encode("utf-8")


def test_several_files_as_a_form_are_one_cohort(client: TestClient, capsys: pytest.CaptureFixture[str],  # type: ignore[type-arg]
                                                tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.xlsx"
    assert main(["score", "sonla-2017-it", str(FORM), str(FORM_2), "--output", str(out)]) == 0
    files = [("scores", (path.name, path.read_bytes(), XLSX)) for path in (FORM, FORM_2)]
    answer = client.post("/api/score", params={"rubric": "sonla-2017-it", "format": "xlsx"}, files=files)
    assert answer.status_code == 200, answer.text
    assert answer.content == out.read_bytes()
    assert 'filename="ket-qua.xlsx"' in answer.headers["content-disposition"]


def test_a_rubric_sent_in_the_request_is_read_as_data(client: TestClient, capsys: pytest.CaptureFixture[str],  # type: ignore[type-arg]
                                                      tmp_path: Path) -> None:
    rubric = tmp_path / "bo-tieu-chi.yaml"
    text = (ROOT / "rubrics" / "sonla-2017-it.yaml").read_text(encoding="utf-8")
    rubric.write_text(text, encoding="utf-8")
    expected = cli(capsys, "score", str(rubric), str(FORM), "--format", "json")
    files = [("rubric", ("bo-tieu-chi.yaml", text.encode("utf-8"), "application/yaml")),
             ("scores", (FORM.name, FORM.read_bytes(), XLSX))]
    answer = client.post("/api/score", files=files)
    assert answer.content == expected.encode("utf-8")
    # a rubric that names a rules file: the file is never run, and the refusal says where
    hostile = text + "rule_files: [evil.py]\n"
    files[0] = ("rubric", ("bo-tieu-chi.yaml", hostile.encode("utf-8"), "application/yaml"))
    marker = tmp_path / "ran"
    (tmp_path / "evil.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    answer = client.post("/api/score", files=files)
    assert answer.status_code == 200 and answer.content == expected.encode("utf-8")
    assert not marker.exists()  # the rules file the rubric names was never run


def test_validate_lists_every_problem_with_its_cell(client: TestClient, capsys: pytest.CaptureFixture[str],  # type: ignore[type-arg]
                                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    broken = broken_form(tmp_path).name
    shutil.copy(FORM_2, tmp_path / FORM_2.name)
    capsys.readouterr()
    assert main(["validate", "--rubric", "sonla-2017-it", broken, FORM_2.name]) == 2
    expected = capsys.readouterr().out
    files = [("scores", (name, (tmp_path / name).read_bytes(), XLSX)) for name in (broken, FORM_2.name)]
    text = client.post("/api/validate", params={"rubric": "sonla-2017-it", "format": "text"}, files=files)
    assert text.status_code == 200
    assert text.content == expected.encode("utf-8")
    report = client.post("/api/validate", params={"rubric": "sonla-2017-it"}, files=files).json()
    assert report["ok"] is False and report["total"] == 2
    cells = {problem["location"]["cell"] for problem in report["files"][0]["problems"]}
    assert cells == {"Phiếu tự đánh giá!F16", "Phiếu tự đánh giá!F18"}
    assert all(p["location"]["agency"] == "so-noi-vu" for p in report["files"][0]["problems"])
    assert report["files"][1]["ok"] is True


def test_explain_as_the_command_line(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    for fmt, node in (("json", None), ("table", "security"), ("html", "public_services")):
        argv = ["explain", "sonla-2017-it", str(SHEET), "so-noi-vu", *([node] if node else []), "--format", fmt]
        if fmt == "html":
            out = Path(os.environ.get("TMPDIR", "/tmp")) / f"giai-thich-{os.getpid()}.html"
            out.unlink(missing_ok=True)
            main([*argv, "--output", str(out)])
            expected = out.read_bytes()
            out.unlink()
        else:
            expected = cli(capsys, *argv).encode("utf-8")
        query = {"rubric": "sonla-2017-it", "agency": "so-noi-vu", "format": fmt, **({"node": node} if node else {})}
        answer = client.post("/api/explain", params=query, content=SHEET.read_bytes(), headers={"content-type": XLSX})
        assert answer.status_code == 200, answer.text
        assert answer.content == expected


@pytest.mark.parametrize("fmt", ["html", "xlsx", "docx", "markdown"])
def test_publish_writes_the_bytes_the_command_line_writes(client: TestClient, tmp_path: Path, fmt: str) -> None:  # type: ignore[type-arg]
    cohort = cohort_2017(tmp_path)
    out = tmp_path / f"phu-luc.{'md' if fmt == 'markdown' else fmt}"
    assert main(["publish", "sonla-2017-it", str(cohort), "--output", str(out), "--caption",
                 "provincial.total=Bảng 1"]) == 0
    answer = client.post("/api/publish", params={"rubric": "sonla-2017-it", "format": fmt,
                                                 "caption": "provincial.total=Bảng 1"},
                         content=cohort.read_bytes(), headers={"content-type": "application/yaml"})
    assert answer.status_code == 200, answer.text
    assert answer.content == out.read_bytes()


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_result_sheet_is_the_file_publish_each_agency_writes(client: TestClient, tmp_path: Path, fmt: str) -> None:  # type: ignore[type-arg]
    cohort = cohort_2017(tmp_path)
    folder = tmp_path / "thong-bao"
    assert main(["publish", "sonla-2017-it", str(cohort), "--each-agency", "--format", fmt, "--output",
                 str(folder), "--missing", "list"]) == 0
    answer = client.post("/api/result-sheet", params={"rubric": "sonla-2017-it", "agency": "Sở Nội vụ", "format": fmt},
                         content=cohort.read_bytes(), headers={"content-type": "application/yaml"})
    assert answer.status_code == 200, answer.text
    assert answer.content == (folder / f"so-noi-vu.{fmt}").read_bytes()
    assert f'filename="so-noi-vu.{fmt}"' in answer.headers["content-disposition"]
    unknown = client.post("/api/result-sheet", params={"rubric": "sonla-2017-it", "agency": "Sở Không Có"},
                          content=cohort.read_bytes(), headers={"content-type": "application/yaml"})
    assert unknown.status_code == 404 and "Sở Không Có" in unknown.json()["detail"]


def test_reconcile_as_the_command_line(client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[type-arg]
    expected = cli(capsys, "reconcile", str(SELF), str(SHEET), "--rubric", "sonla-2017-it", "--format", "json")
    files = [("self", (SELF.name, SELF.read_bytes(), "application/yaml")),
             ("appraised", (SHEET.name, SHEET.read_bytes(), XLSX))]
    answer = client.post("/api/reconcile", params={"rubric": "sonla-2017-it"}, files=files)
    assert answer.status_code == 200, answer.text
    assert answer.content == expected.encode("utf-8")
    one = client.post("/api/reconcile", params={"rubric": "sonla-2017-it"}, files=files[:1])
    assert one.status_code == 400 and one.json()["code"] == "needs-appraised"


def test_template_as_the_command_line(client: TestClient, tmp_path: Path) -> None:  # type: ignore[type-arg]
    for agency in ("Sở Nội vụ", None):
        out = tmp_path / f"phieu-{agency is None}.xlsx"
        main(["template", "sonla-2017-it", "--group", "provincial", "--output", str(out),
              *(["--agency", agency] if agency else [])])
        query = {"rubric": "sonla-2017-it", "group": "provincial", **({"agency": agency} if agency else {})}
        answer = client.get("/api/template", params=query)
        assert answer.status_code == 200, answer.text
        assert answer.content == out.read_bytes()
        assert answer.headers["content-type"] == XLSX


def test_rubrics(client: TestClient) -> None:  # type: ignore[type-arg]
    listed = client.get("/api/rubrics").json()
    assert [item["id"] for item in listed] == list(list_rubrics())
    sonla = next(item for item in listed if item["id"] == "sonla-2017-it")
    assert [c["max_points"] for c in sonla["groups"][0]["criteria"]] == ["10", "25", "35", "10", "10", "10"]
    from govindex.io import dump_rubric, load_rubric

    one = client.get("/api/rubrics/sonla-2017-it")
    assert one.content == dump_rubric(load_rubric("sonla-2017-it"), "json").encode("utf-8")


# --- refusals ------------------------------------------------------------------------------------------


def problem(answer: object, status: int, code: str) -> dict[str, object]:
    assert answer.status_code == status, answer.text  # type: ignore[attr-defined]
    assert answer.headers["content-type"] == PROBLEM  # type: ignore[attr-defined]
    body: dict[str, object] = answer.json()  # type: ignore[attr-defined]
    assert body["code"] == code and body["status"] == status
    assert body["type"] == f"urn:govindex:problem:{code}"
    assert "Traceback" not in answer.text  # type: ignore[attr-defined]
    return body


def test_a_bad_file_gives_every_problem_with_its_cell_in_the_language_asked(client: TestClient,  # type: ignore[type-arg]
                                                                          tmp_path: Path) -> None:
    data = broken_form(tmp_path).read_bytes()
    answer = client.post("/api/score?rubric=sonla-2017-it&name=phieu.xlsx", content=data,
                         headers={"content-type": XLSX})
    body = problem(answer, 422, "score-above-maximum")
    items = body["problems"]
    assert isinstance(items, list) and len(items) == 2
    assert [item["location"]["cell"] for item in items] == ["Phiếu tự đánh giá!F16", "Phiếu tự đánh giá!F18"]
    assert items[0]["location"]["file"] == "phieu.xlsx" and items[0]["location"]["criterion"] == "infrastructure"
    assert "vượt điểm tối đa" in items[0]["message"] and body["title"] == "Dữ liệu không hợp lệ"
    english = client.post("/api/score?rubric=sonla-2017-it", content=data,
                          headers={"content-type": XLSX, "accept-language": "en-GB,en;q=0.9,vi;q=0.5"})
    assert "above the maximum" in english.json()["problems"][0]["message"]
    assert english.json()["lang"] == "en"


def test_unknown_rubric_and_names(client: TestClient) -> None:  # type: ignore[type-arg]
    problem(client.get("/api/rubrics/khong-co"), 404, "rubric-unknown-bundled")
    problem(client.post("/api/score?rubric=khong-co", content=b"x", headers={"content-type": "text/csv"}),
            404, "rubric-unknown-bundled")
    problem(client.post("/api/score?rubric=../../etc/passwd.yaml", content=b"x",
                        headers={"content-type": "text/csv"}), 404, "rubric-unknown-bundled")
    problem(client.get("/api/khong-co"), 404, "not-found")
    problem(client.delete("/api/score"), 405, "method-not-allowed")
    problem(client.post("/api/score", content=b"x", headers={"content-type": "text/csv"}), 400, "no-rubric")


def test_bad_options(client: TestClient) -> None:  # type: ignore[type-arg]
    body = problem(client.post("/api/score?rubric=sonla-2017-it&format=pdf&indent=x", content=b"x",
                               headers={"content-type": "text/csv"}), 400, "bad-option-choice")
    items = body["problems"]
    assert isinstance(items, list)
    assert [item["location"]["parameter"] for item in items] == ["format", "indent"]
    assert "table, markdown, csv, json, xlsx, html" in items[0]["message"]
    problem(client.post("/api/score?rubric=sonla-2017-it&fromat=json", content=b"x",
                        headers={"content-type": "text/csv"}), 400, "unknown-option")
    problem(client.post("/api/explain?rubric=sonla-2017-it", content=b"x",
                        headers={"content-type": "text/csv"}), 400, "missing-option")
    problem(client.post("/api/score?rubric=sonla-2017-it", content=b"x",
                        headers={"content-type": "application/pdf"}), 415, "unknown-media-type")
    problem(client.post("/api/score?rubric=sonla-2017-it&registry=/etc/passwd", content=b"x",
                        headers={"content-type": "text/csv"}), 422, "registry-not-bundled")
    problem(client.post("/api/score?rubric=sonla-2017-it", content=b"--x\r\n",
                        headers={"content-type": "multipart/form-data; boundary=x"}), 400, "bad-form-data")
    problem(client.post("/api/score?rubric=sonla-2017-it", files=[("other", ("a.csv", b"x", "text/csv"))]),
            400, "no-scores")


def test_limits_and_token() -> None:
    small = Settings(max_bytes=1000, timeout=1e-6, token="bi-mat")
    with TestClient(app=create_app(small)) as client:
        headers = {"content-type": XLSX, "authorization": "Bearer bi-mat"}
        problem(client.post("/api/score?rubric=sonla-2017-it", content=FORM.read_bytes(),
                            headers={"content-type": XLSX}), 401, "missing-token")
        wrong = client.post("/api/score?rubric=sonla-2017-it", content=b"x",
                            headers={"content-type": "text/csv", "authorization": "Bearer sai"})
        assert problem(wrong, 401, "missing-token") and wrong.headers["www-authenticate"] == "Bearer"
        problem(client.post("/api/score?rubric=sonla-2017-it", content=FORM.read_bytes(), headers=headers),
                413, "body-too-large")
        problem(client.post("/api/score?rubric=sonla-2017-it", content=b"agency\nx\n",
                            headers={**headers, "content-type": "text/csv"}), 503, "request-timeout")
        assert client.get("/api/rubrics").status_code == 200  # public: the page's first question
        assert client.get("/").status_code == 200


def test_settings_and_token_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govindex.cli.commands.serve import SETTINGS_VARIABLE, read_token
    from govindex.cli.server.settings import SETTINGS_VARIABLE as READ_BY_THE_SERVER
    from govindex.errors import InputError

    assert SETTINGS_VARIABLE == READ_BY_THE_SERVER

    token = tmp_path / "token"
    token.write_text("abc123\n", encoding="utf-8")
    assert read_token(str(token)) == "abc123"
    monkeypatch.delenv("GOVINDEX_TOKEN", raising=False)
    assert read_token(None) is None
    token.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_token(str(token))
    assert refused.value.code == "empty-token" and refused.value.file == str(token)
    with pytest.raises(InputError) as bad:
        Settings(max_bytes=0)
    assert bad.value.code == "bad-option"


# --- the OpenAPI document and the pages --------------------------------------------------------------


def test_the_openapi_document_validates(client: TestClient) -> None:  # type: ignore[type-arg]
    from openapi_spec_validator import validate

    document = client.get("/openapi.json").json()
    validate(document)
    assert document["openapi"].startswith("3.1")
    paths = document["paths"]
    for path in ("/api/score", "/api/validate", "/api/explain", "/api/publish", "/api/reconcile"):
        assert "multipart/form-data" in paths[path]["post"]["requestBody"]["content"]
        assert paths[path]["post"]["responses"]["422"]["content"][PROBLEM]
    assert {"text/csv", XLSX, "application/json", "application/yaml"} <= set(paths["/api/score"]["post"]
                                                                              ["requestBody"]["content"])
    assert {"Problem", "ProblemItem", "Location", "RubricSummary"} <= set(document["components"]["schemas"])
    formats = next(p for p in paths["/api/score"]["post"]["parameters"] if p["name"] == "format")
    assert "xlsx" in json.dumps(formats)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/score" in docs.text and "<script" not in docs.text


def test_the_page_loads_nothing_from_elsewhere(client: TestClient) -> None:  # type: ignore[type-arg]
    page = client.get("/")
    assert page.status_code == 200
    text = page.text
    assert '<html lang="vi">' in text
    assert "http://" not in text and "https://" not in text and "src=" not in text
    assert "default-src 'self'" in page.headers["content-security-policy"]


# --- never a 500 -------------------------------------------------------------------------------------

PATHS = ["/api/score", "/api/validate", "/api/explain", "/api/publish", "/api/reconcile"]
TYPES = ["text/csv", "application/json", "application/yaml", XLSX, "multipart/form-data; boundary=b",
         "multipart/form-data", "text/plain", "", "application/x-yaml; charset=latin-1"]


@settings(max_examples=150)
@given(
    path=st.sampled_from(PATHS),
    kind=st.sampled_from(TYPES),
    body=st.one_of(st.binary(max_size=400), st.text(max_size=300).map(lambda t: t.encode("utf-8", "replace")),
                   st.sampled_from([b"agency,group,infrastructure\nx,provincial,5\n", b"{}", b"[]", b"a: [",
                                    b"--b\r\nContent-Disposition: form-data; name=\"scores\"; filename=\"a.csv\"\r\n"
                                    b"\r\nagency\r\n--b--\r\n"])),
    query=st.dictionaries(st.sampled_from(["rubric", "format", "lang", "values", "agency", "indent", "sheet"]),
                          st.text(max_size=20), max_size=4),
    language=st.text(max_size=30),
)
def test_fuzzed_requests_never_give_a_500(path: str, kind: str, body: bytes, query: dict[str, str],
                                          language: str) -> None:
    with TestClient(app=create_app(Settings(timeout=20))) as client:
        headers = {"content-type": kind, "accept-language": language.encode("ascii", "replace").decode()}
        answer = client.post(path, params=query, content=body, headers=headers)
    assert answer.status_code != 500, answer.text
    if answer.status_code >= 400:
        assert answer.headers["content-type"] == PROBLEM
        assert answer.json()["problems"]


# --- a real process ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_govindex_serve_as_a_process(tmp_path: Path) -> None:
    port = free_port()
    token = tmp_path / "token"
    token.write_text("khoa-thu\n", encoding="utf-8")
    env = {**os.environ, "GOVINDEX_TOKEN": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "govindex", "serve", "--port", str(port), "--token-file", str(token), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up to a minute for two workers to start
            try:
                with urllib.request.urlopen(f"{base}/api/rubrics", timeout=5) as answer:
                    assert answer.status == 200
                    break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        request = urllib.request.Request(f"{base}/api/score?rubric=sonla-2017-it", data=FORM.read_bytes(),
                                         headers={"content-type": XLSX}, method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 401
        request.add_header("authorization", "Bearer khoa-thu")
        with urllib.request.urlopen(request, timeout=30) as answer:
            scored = answer.read()
        expected = subprocess.run([sys.executable, "-m", "govindex", "score", "sonla-2017-it", str(FORM),
                                   "--format", "json"], capture_output=True, check=True).stdout
        assert scored == expected
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_without_the_extra_says_how_to_install_it(capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "litestar" else real(name, *a))
    assert main(["serve"]) == 2
    assert "pip install 'litestar>=2.25' 'uvicorn>=0.30'" in capsys.readouterr().err


def test_nothing_imports_the_server_and_the_server_imports_no_command() -> None:
    import ast

    source = ROOT / "src" / "govindex"
    for path in source.rglob("*.py"):
        inside = path.is_relative_to(source / "cli" / "server")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                if not inside:
                    assert not name.startswith("govindex.cli.server"), path
                else:
                    assert not name.startswith("govindex.cli.commands") and name != "govindex.cli", path
