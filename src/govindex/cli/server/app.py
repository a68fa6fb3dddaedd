"""The HTTP service: a Litestar (ASGI) application over the library's stages (read, bind, score, render).

Every operation runs in a worker thread under the time limit; its inputs stay
in memory (no file is written); it shares nothing mutable with other requests
(a bundled rubric is read once and frozen). A refusal is a problem detail
(:mod:`govindex.cli.server.problems`), never a traceback.
"""

from __future__ import annotations

import hmac
import logging
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Literal, TypeVar

import anyio
import anyio.to_thread
import attrs
from litestar import Litestar, Request, Response, get, post
from litestar.connection import ASGIConnection
from litestar.di import NamedDependency, Provide
from litestar.exceptions import HTTPException, NotAuthorizedException, ValidationException
from litestar.handlers.base import BaseRouteHandler
from litestar.openapi import OpenAPIConfig, ResponseSpec
from litestar.params import FromPath, FromQuery, QueryParameter

from govindex import __version__
from govindex.catalogue.service import Service
from govindex.cli.pipeline import Inputs
from govindex.cli.server import operations
from govindex.cli.server.inputs import MEDIA_TYPES, file_of_body, inputs_of, media_type, methodology_of
from govindex.cli.server.problems import PROBLEM_JSON, Problem, Refusal, language, problem_bytes, problem_of
from govindex.cli.server.settings import Settings
from govindex.errors import GovIndexError, InputError
from govindex.io.bundled import list_rubrics, load_rubric
from govindex.io.cells import Upload
from govindex.methodology import Methodology

__all__ = ["create_app", "worker_app"]

LOG = logging.getLogger("govindex.cli.server")
T = TypeVar("T")

Lang = Literal["vi", "en"]
Values = Literal["points", "index"]
BlankRows = Literal["refuse", "not-assessed"]
ScoreFormat = Literal["table", "markdown", "csv", "json", "xlsx", "html"]
ExplainFormat = Literal["table", "markdown", "html", "docx", "json"]
PublishFormat = Literal["docx", "xlsx", "html", "markdown"]
ValidateFormat = Literal["json", "text"]
Missing = Literal["refuse", "list"]

#: The problem answers every operation may give, documented with the :class:`Problem` schema.
PROBLEMS = {
    status: ResponseSpec(data_container=Problem, media_type=PROBLEM_JSON, description=text)
    for status, text in (
        (400, "a bad option or request (bad-option, unknown-option, no-rubric, ...)"),
        (401, "the bearer token is missing or wrong (missing-token)"),
        (404, "an unknown rubric, group, agency or criterion"),
        (413, "the body is larger than --max-bytes (body-too-large)"),
        (415, "a media type that is not a score file (unknown-media-type)"),
        (422, "a score file or rubric that is refused: every problem with its file, cell, agency and criterion"),
        (503, "the request ran longer than --timeout (request-timeout)"),
    )
}


@attrs.frozen
class TableReading:
    """How score tables are read (the options of ``govindex score`` under "reading score tables")."""

    sheet: str | None = None
    ignore_columns: tuple[str, ...] = ()
    registry: str | None = None
    blank_rows: str = "refuse"


def reading_options(
    sheet: Annotated[str | None, QueryParameter(description="the worksheet of an .xlsx table")] = None,
    ignore_column: Annotated[
        list[str] | None, QueryParameter(name="ignore-column", description="a column left unread (repeatable)")
    ] = None,
    registry: Annotated[str | None, QueryParameter(description="a bundled agency directory id")] = None,
    blank_rows: Annotated[
        BlankRows, QueryParameter(name="blank-rows", description="an agency row without any score")
    ] = "refuse",
) -> TableReading:
    return TableReading(sheet, tuple(ignore_column or ()), registry, blank_rows)


#: The query parameters every operation that reads score files takes.
READING = ("sheet", "ignore-column", "registry", "blank-rows")


def _settings(request: Request[Any, Any, Any]) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _inputs(request: Request[Any, Any, Any], reading: TableReading, values: str = "points") -> Inputs:
    return inputs_of(
        _settings(request),
        values=values,
        sheet=reading.sheet,
        ignore_columns=reading.ignore_columns,
        registry=reading.registry,
        blank_rows=reading.blank_rows,
    )


def _lang(request: Request[Any, Any, Any]) -> str:
    return language(request.query_params.get("lang"), request.headers.get("accept-language"))


def _check_query(request: Request[Any, Any, Any], known: Sequence[str]) -> None:
    """An option the operation does not take is refused (a typo is never silently ignored)."""
    for name in request.query_params:
        if name not in known:
            raise Refusal(400, InputError(Service.UNKNOWN_OPTION, name=repr(name), known=sorted(known)))


async def _run(request: Request[Any, Any, Any], work: Callable[[], T]) -> T:
    """``work`` in a worker thread, refused when it runs longer than the time limit."""
    settings = _settings(request)
    try:
        with anyio.fail_after(settings.timeout):
            return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)
    except TimeoutError:
        raise Refusal(503, InputError(Service.TIMEOUT, seconds=_seconds(settings.timeout))) from None


def _seconds(value: float) -> str:  # float-ok: seconds
    return f"{value:g}"


@attrs.frozen
class Sent:
    """The files of a request: score files by field, and a rubric document if one was sent."""

    files: Mapping[str, tuple[Upload, ...]]
    rubric: Upload | None = None
    fields: Mapping[str, str] = attrs.field(factory=dict)


async def _sent(request: Request[Any, Any, Any], name: str | None) -> Sent:
    """The score files of a request: its body (one file), or the file parts of a form."""
    body = await request.body()
    content_type = request.headers.get("content-type")
    if media_type(content_type) == "multipart/form-data":
        from govindex.cli.server.multipart import parse_form

        files, fields = parse_form(content_type or "", body)
        rubrics = files.get("rubric", ())
        rubric = rubrics[0] if rubrics else None
        return Sent({key: value for key, value in files.items() if key != "rubric"}, rubric, fields)
    return Sent({"scores": (file_of_body(content_type, body, name),)})


def _files(sent: Sent, field: str) -> tuple[Upload, ...]:
    found = sent.files.get(field, ())
    if not found:
        raise Refusal(400, InputError(Service.NO_SCORES, field=repr(field)))
    return found


def _rubric_id(rubric: str | None, sent: Sent) -> str | None:
    return rubric if rubric is not None else sent.fields.get("rubric") or None


def _methodology(rubric: str | None, sent: Sent) -> Methodology:
    """The request's rubric: the query's id, else the form's ``rubric`` field, else the rubric document sent."""
    return methodology_of(_rubric_id(rubric, sent), sent.rubric)


#: What every endpoint that reads score files declares: its problems, its status and the reading options.
_READS: dict[str, Any] = {
    "responses": PROBLEMS,
    "status_code": 200,
    "dependencies": {"reading": Provide(reading_options, sync_to_thread=False)},
}


def _response(answer: operations.Answer, download: bool = False) -> Response[bytes]:
    headers = {"X-Content-Type-Options": "nosniff"}
    if download or not answer.media_type.startswith(("application/json", "text/plain")):
        headers["Content-Disposition"] = f'attachment; filename="{answer.filename}"'
    return Response(content=answer.content, media_type=answer.media_type, headers=headers)


# --- the operations ------------------------------------------------------------------------------


@get("/api/rubrics", summary="The bundled rubrics", tags=["rubrics"], responses=PROBLEMS, sync_to_thread=False)
def api_rubrics(request: Request[Any, Any, Any]) -> list[operations.RubricSummary]:
    """The bundled rubrics with their groups (``govindex rubrics``)."""
    _check_query(request, ())
    return [operations.rubric_summary(load_rubric(rubric_id)) for rubric_id in list_rubrics()]


@get("/api/rubrics/{rubric_id:str}", summary="One rubric, as its document", tags=["rubrics"], responses=PROBLEMS)
async def api_rubric(request: Request[Any, Any, Any], rubric_id: FromPath[str]) -> Response[bytes]:
    """The rubric as JSON in the documented rubric format (``govindex schema rubric`` describes it)."""
    _check_query(request, ("lang",))
    from govindex.io.rubrics import dump_rubric

    methodology = await _run(request, lambda: methodology_of(rubric_id, None))
    text = dump_rubric(methodology.rubric, "json")
    return Response(content=text.encode("utf-8"), media_type="application/json")


@post("/api/score", summary="Score, band and rank (govindex score)", tags=["scoring"], **_READS)
async def api_score(
    request: Request[Any, Any, Any],
    reading: NamedDependency[TableReading],
    rubric: FromQuery[str | None] = None,
    values: FromQuery[Values] = "points",
    format: FromQuery[ScoreFormat] = "json",
    lang: FromQuery[Lang | None] = None,
    indent: Annotated[int | None, QueryParameter(ge=0, le=16)] = None,
    excel_vn: Annotated[bool, QueryParameter(name="excel-vn")] = False,
    name: Annotated[str | None, QueryParameter(description="the file name problems give the body")] = None,
) -> Response[bytes]:
    """The JSON of ``govindex score --format json`` (or another ``format``), byte for byte."""
    _check_query(request, ("rubric", "values", "format", "lang", "indent", "excel-vn", "name", *READING))
    sent = await _sent(request, name)
    chosen = _lang(request)

    def work() -> operations.Answer:
        methodology = _methodology(rubric, sent)
        return operations.score_files(
            methodology, _files(sent, "scores"), _inputs(request, reading, values),
            fmt=format, lang=chosen, indent=indent, excel_vn=excel_vn,
        )

    return _response(await _run(request, work))


@post("/api/validate", summary="Every problem of every file (govindex validate)", tags=["scoring"], **_READS)
async def api_validate(
    request: Request[Any, Any, Any],
    reading: NamedDependency[TableReading],
    rubric: FromQuery[str | None] = None,
    together: FromQuery[bool] = False,
    format: FromQuery[ValidateFormat] = "json",
    lang: FromQuery[Lang | None] = None,
    max_problems: Annotated[int, QueryParameter(name="max-problems", ge=0, le=100_000)] = 200,
    name: FromQuery[str | None] = None,
) -> Response[bytes]:
    """Every problem of each file with its place: 200 with ``"ok": false`` when problems are found."""
    _check_query(request, ("rubric", "together", "format", "lang", "max-problems", "name", *READING))
    sent = await _sent(request, name)
    chosen = _lang(request)

    def work() -> operations.Answer:
        rubric_id = _rubric_id(rubric, sent)
        methodology = None if rubric_id is None and sent.rubric is None else methodology_of(rubric_id, sent.rubric)
        return operations.validate_files_report(
            methodology, _files(sent, "scores"), _inputs(request, reading),
            together=together, lang=chosen, fmt=format, max_problems=max_problems,
        )[0]

    return _response(await _run(request, work))


@post("/api/explain", summary="How an agency's score came to be (govindex explain)", tags=["scoring"], **_READS)
async def api_explain(
    request: Request[Any, Any, Any],
    reading: NamedDependency[TableReading],
    agency: FromQuery[str],
    node: FromQuery[str | None] = None,
    rubric: FromQuery[str | None] = None,
    values: FromQuery[Values] = "points",
    format: FromQuery[ExplainFormat] = "json",
    lang: FromQuery[Lang | None] = None,
    name: FromQuery[str | None] = None,
) -> Response[bytes]:
    """The explanation of one agency's score on one node (default: the total)."""
    _check_query(request, ("agency", "node", "rubric", "values", "format", "lang", "name", *READING))
    sent = await _sent(request, name)
    chosen = _lang(request)

    def work() -> operations.Answer:
        methodology = _methodology(rubric, sent)
        return operations.explain_files(
            methodology, _files(sent, "scores"), _inputs(request, reading, values), agency, node,
            fmt=format, lang=chosen,
        )

    return _response(await _run(request, work))


@post("/api/publish", summary="The appendix of the results decision (govindex publish)", tags=["scoring"], **_READS)
async def api_publish(
    request: Request[Any, Any, Any],
    reading: NamedDependency[TableReading],
    rubric: FromQuery[str | None] = None,
    values: FromQuery[Values] = "points",
    format: FromQuery[PublishFormat] = "html",
    lang: FromQuery[Lang | None] = None,
    title: FromQuery[str | None] = None,
    subtitle: FromQuery[str | None] = None,
    caption: FromQuery[list[str] | None] = None,
    mean_decimals: Annotated[int | None, QueryParameter(name="mean-decimals", ge=0, le=12)] = None,
    first_table: Annotated[int | None, QueryParameter(name="first-table", ge=1, le=10_000)] = None,
    missing: FromQuery[Missing] = "refuse",
    name: FromQuery[str | None] = None,
) -> Response[bytes]:
    """The same bytes as ``govindex publish ... --output FILE`` writes."""
    _check_query(request, ("rubric", "values", "format", "lang", "title", "subtitle", "caption", "mean-decimals",
                           "first-table", "missing", "name", *READING))
    sent = await _sent(request, name)
    chosen = _lang(request)
    shape = operations.Appendix(
        title=title,
        subtitle=subtitle,
        captions=caption or (),
        mean_decimals=mean_decimals,
        first_table=first_table,
        missing=missing,
    )

    def work() -> operations.Answer:
        methodology = _methodology(rubric, sent)
        return operations.publish_files(
            methodology, _files(sent, "scores"), _inputs(request, reading, values), shape,
            fmt=format, lang=chosen,
        )

    return _response(await _run(request, work), download=True)


@post("/api/result-sheet", summary="One agency's result sheet (govindex publish --each-agency)", tags=["scoring"],
      **_READS)
async def api_result_sheet(
    request: Request[Any, Any, Any],
    reading: NamedDependency[TableReading],
    agency: FromQuery[str],
    rubric: FromQuery[str | None] = None,
    values: FromQuery[Values] = "points",
    format: FromQuery[PublishFormat] = "docx",
    lang: FromQuery[Lang | None] = None,
    name: FromQuery[str | None] = None,
) -> Response[bytes]:
    """The result sheet (thông báo kết quả) of one agency of the files: the file ``govindex publish
    --each-agency`` writes for it, byte for byte."""
    _check_query(request, ("agency", "rubric", "values", "format", "lang", "name", *READING))
    sent = await _sent(request, name)
    chosen = _lang(request)

    def work() -> operations.Answer:
        methodology = _methodology(rubric, sent)
        return operations.result_sheet_files(
            methodology, _files(sent, "scores"), _inputs(request, reading, values), agency,
            fmt=format, lang=chosen,
        )

    return _response(await _run(request, work), download=True)


@post("/api/reconcile", summary="Self-assessment against appraisal (govindex reconcile)", tags=["scoring"], **_READS)
async def api_reconcile(
    request: Request[Any, Any, Any],
    reading: NamedDependency[TableReading],
    rubric: FromQuery[str | None] = None,
    values: FromQuery[Values] = "points",
    format: FromQuery[ScoreFormat] = "json",
    lang: FromQuery[Lang | None] = None,
    table: FromQuery[str | None] = None,
    excel_vn: Annotated[bool, QueryParameter(name="excel-vn")] = False,
) -> Response[bytes]:
    """The form's parts ``self`` and ``appraised`` (one or more files each) compared, agency by agency."""
    _check_query(request, ("rubric", "values", "format", "lang", "table", "excel-vn", *READING))
    if media_type(request.headers.get("content-type")) != "multipart/form-data":
        raise Refusal(400, InputError(Service.NEEDS_APPRAISED))
    sent = await _sent(request, None)
    chosen = _lang(request)

    def work() -> operations.Answer:
        methodology = _methodology(rubric, sent)
        if not sent.files.get("self") or not sent.files.get("appraised"):
            raise Refusal(400, InputError(Service.NEEDS_APPRAISED))
        return operations.reconcile_files(
            methodology, sent.files["self"], sent.files["appraised"], _inputs(request, reading, values),
            fmt=format, lang=chosen, table=table, excel_vn=excel_vn,
        )

    return _response(await _run(request, work))


@get("/api/template", summary="A form to fill in (govindex template)", tags=["forms"], responses=PROBLEMS)
async def api_template(
    request: Request[Any, Any, Any],
    rubric: FromQuery[str],
    group: FromQuery[str],
    agency: FromQuery[str | None] = None,
    registry: FromQuery[str | None] = None,
    lang: FromQuery[Lang | None] = None,
) -> Response[bytes]:
    """An agency's self-assessment form (with ``agency``), else the appraisal team's cohort sheet, as .xlsx."""
    _check_query(request, ("rubric", "group", "agency", "registry", "lang"))

    def work() -> operations.Answer:
        chosen = methodology_of(rubric, None)
        if registry is not None:
            inputs_of(_settings(request), registry=registry)  # a bundled directory only
        return operations.template_form(chosen, group, agency, registry)

    return _response(await _run(request, work), download=True)


# --- refusals as problem details -----------------------------------------------------------------


def _problem(request: Request[Any, Any, Any], error: GovIndexError, status: int,
             headers: Mapping[str, str] | None = None) -> Response[bytes]:
    problem = problem_of(error, status, _lang(request))
    return Response(content=problem_bytes(problem), status_code=status, media_type=PROBLEM_JSON,
                    headers=dict(headers or {}))


def _on_refusal(request: Request[Any, Any, Any], refusal: Refusal) -> Response[bytes]:
    return _problem(request, refusal.error, refusal.status, dict(refusal.headers))


def _on_error(request: Request[Any, Any, Any], error: GovIndexError) -> Response[bytes]:
    from govindex.cli.server.problems import status_of

    return _problem(request, error, status_of(error))


def _on_http(request: Request[Any, Any, Any], error: HTTPException) -> Response[bytes]:
    status = error.status_code
    if isinstance(error, ValidationException):
        return _problem(request, _invalid(request, error), 400)
    if status == 401:
        return _problem(request, InputError(Service.UNAUTHORIZED), 401, {"WWW-Authenticate": "Bearer"})
    if status == 413:
        limit = _settings(request).max_bytes
        return _problem(request, InputError(Service.BODY_TOO_LARGE, limit=limit), 413)
    if status == 404:
        return _problem(request, InputError(Service.NOT_FOUND, address=repr(request.url.path[:200])), 404)
    if status == 405:
        return _problem(request, InputError(Service.METHOD, address=repr(request.url.path[:200]),
                                            method=request.method), 405)
    if status < 500:
        return _problem(request, InputError(Service.BAD_FORM, reason=str(error.detail)[:200]), status)
    return _on_crash(request, error)


def _invalid(request: Request[Any, Any, Any], error: ValidationException) -> GovIndexError:
    """Litestar's refusal of parameters, as one problem per parameter, worded from what the parameter takes."""
    from govindex.errors import collected

    found: list[GovIndexError] = []
    for item in error.extra if isinstance(error.extra, list) else []:
        key = str(item.get("key", "?")) if isinstance(item, dict) else "?"
        found.append(_bad_parameter(request, key))
    if found:
        return collected(found)
    import re

    missing = re.search(r"Missing required \w+ parameter '([^']+)'", str(error.detail))
    if missing:
        return InputError(Service.MISSING_OPTION, name=repr(missing.group(1)), path=f"?{missing.group(1)}")
    return InputError(Service.BAD_OPTION, name="?", reason=str(error.detail)[:300])


def _bad_parameter(request: Request[Any, Any, Any], key: str) -> GovIndexError:
    from typing import get_args, get_origin

    query = key.replace("_", "-") if key.replace("_", "-") in request.query_params else key
    given = request.query_params.get(query)
    place = f"?{query}"
    if given is None:
        return InputError(Service.MISSING_OPTION, name=repr(query), path=place)
    value = repr(given[:100])
    parameter = request.route_handler.parsed_fn_signature.parameters.get(key.replace("-", "_"))
    kinds = _kinds(parameter.annotation if parameter is not None else None, get_args, get_origin)
    choices = [arg for kind in kinds if get_origin(kind) is Literal for arg in get_args(kind)]
    if choices:
        return InputError(Service.ONE_OF, name=repr(query), value=value, known=choices, path=place)
    if int in kinds:
        low, high = _bounds(parameter)
        return InputError(Service.NOT_INTEGER, name=repr(query), value=value, low=low, high=high, path=place)
    if bool in kinds:
        return InputError(Service.NOT_BOOLEAN, name=repr(query), value=value, path=place)
    return InputError(Service.BAD_OPTION, name=repr(query), reason=value, path=place)


def _kinds(annotation: Any, get_args: Any, get_origin: Any) -> list[Any]:
    """The types an annotation allows (``Annotated`` and unions opened)."""
    if annotation is None:
        return []
    if get_origin(annotation) is Annotated:
        return _kinds(get_args(annotation)[0], get_args, get_origin)
    args = get_args(annotation)
    if args and get_origin(annotation) is not Literal and get_origin(annotation) is not list:
        return [kind for arg in args for kind in _kinds(arg, get_args, get_origin)]
    return [annotation]


def _bounds(parameter: Any) -> tuple[int | str, int | str]:
    kwargs = getattr(parameter, "kwarg_definition", None)
    low = getattr(kwargs, "ge", None)
    high = getattr(kwargs, "le", None)
    return (low if low is not None else "-", high if high is not None else "-")


def _on_crash(request: Request[Any, Any, Any], error: Exception) -> Response[bytes]:
    ident = uuid.uuid4().hex[:12]
    LOG.error("internal error %s on %s %s", ident, request.method, request.url.path, exc_info=error)
    return _problem(request, InputError(Service.INTERNAL, ident=ident), 500)


# --- the token --------------------------------------------------------------------------------------


def _token_guard(connection: ASGIConnection[Any, Any, Any, Any], handler: BaseRouteHandler) -> None:
    """With a token set, every ``/api/`` request but the list of bundled rubrics (public, the page's first
    question) must bring it: ``Authorization: Bearer <token>``."""
    token: str | None = connection.app.state.settings.token
    path = connection.url.path
    if token is None or not path.startswith("/api/") or (path.startswith("/api/rubrics") and connection.scope.get("method") == "GET"):
        return
    given = connection.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise NotAuthorizedException()


def create_app(settings: Settings | None = None) -> Litestar:
    """The service's application with ``settings`` (default: the defaults, or those a worker was given)."""
    from govindex.cli.server.pages import PAGES

    settings = settings if settings is not None else Settings.from_environment()
    api = [api_rubrics, api_rubric, api_score, api_validate, api_explain, api_publish, api_result_sheet, api_reconcile, api_template]
    return Litestar(
        route_handlers=[*api, *PAGES],
        guards=[_token_guard],
        exception_handlers={
            Refusal: _on_refusal,
            GovIndexError: _on_error,
            HTTPException: _on_http,
            Exception: _on_crash,
        },
        request_max_body_size=settings.max_bytes,
        openapi_config=OpenAPIConfig(
            title="govindex",
            version=__version__,
            summary="Score, band and rank state agencies on Vietnamese digital-government indices, exactly.",
            path="/schema",
            render_plugins=[],
        ),
        state=_state(settings),
        debug=False,
    )


def _state(settings: Settings) -> Any:
    from litestar.datastructures import State

    return State({"settings": settings}, deep_copy=False)


def worker_app() -> Litestar:
    """The application of one worker process (``uvicorn govindex.cli.server.app:worker_app --factory``)."""
    return create_app(Settings.from_environment())


#: Media types a score file may be sent as (for the OpenAPI document).
SCORE_MEDIA_TYPES = tuple(MEDIA_TYPES)
