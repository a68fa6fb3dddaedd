"""The pages of the service: the agencies' page at ``/``, ``/openapi.json`` and its human-readable page ``/docs``.

Everything is served by the application itself (inline CSS and script, no
external resource): the pages work on a network without internet.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Any

from litestar import Request, Response, get

from govindex.cli.server.inputs import MEDIA_TYPES

__all__ = ["PAGES", "openapi_document"]

#: What the request body of each operation that reads score files may be.
_BODY_TEXT = (
    "One score file as the body, told by its media type; or multipart/form-data with file parts 'scores' "
    "(repeatable), an optional file part 'rubric' (a rubric document: read as data, no rules file runs) "
    "and an optional text part 'rubric' (a bundled rubric id)."
)
_FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "scores": {"type": "array", "items": {"type": "string", "contentMediaType": "application/octet-stream"}},
        "rubric": {"type": "string", "description": "a bundled rubric id, or a rubric file"},
    },
}
_RECONCILE_SCHEMA = {
    "type": "object",
    "properties": {
        "self": {"type": "array", "items": {"type": "string", "contentMediaType": "application/octet-stream"}},
        "appraised": {"type": "array", "items": {"type": "string", "contentMediaType": "application/octet-stream"}},
        "rubric": {"type": "string", "description": "a bundled rubric id, or a rubric file"},
    },
    "required": ["self", "appraised"],
}


def _body(path: str) -> dict[str, Any]:
    if path == "/api/reconcile":
        return {
            "required": True,
            "description": "multipart/form-data: file parts 'self' and 'appraised' (one or more each).",
            "content": {"multipart/form-data": {"schema": _RECONCILE_SCHEMA}},
        }
    content: dict[str, Any] = {kind: {"schema": {"type": "string"}} for kind in MEDIA_TYPES}
    content[next(k for k in MEDIA_TYPES if k.endswith("sheet"))] = {
        "schema": {"type": "string", "contentMediaType": "application/octet-stream"}
    }
    content["multipart/form-data"] = {"schema": _FORM_SCHEMA}
    return {"required": True, "description": _BODY_TEXT, "content": content}


def _answers(operation: dict[str, Any]) -> None:
    """The success answer of an operation: its bytes, in the media type of the format asked for."""
    ok = operation.setdefault("responses", {}).setdefault("200", {"description": "the answer"})
    ok["content"] = {
        "application/json": {"schema": {}},
        "text/plain": {"schema": {"type": "string"}},
        "application/octet-stream": {"schema": {"type": "string", "contentMediaType": "application/octet-stream"}},
    }


def openapi_document(app: Any) -> dict[str, Any]:
    """The OpenAPI 3.1 document: Litestar's, from the handlers and the attrs types, with the request bodies
    of the score operations (files of several media types) written in."""
    import json

    from litestar.serialization import encode_json

    document: dict[str, Any] = json.loads(encode_json(app.openapi_schema.to_schema()))
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method == "post":
                operation["requestBody"] = _body(path)
            if method in {"post", "get"} and path != "/api/rubrics":
                _answers(operation)
    document["info"]["description"] = (
        "govindex as a service: every operation of the command line that reads and scores. Refusals are "
        "application/problem+json (RFC 9457) with the reason code and every problem's place. Words in the "
        "language of Accept-Language or lang (Vietnamese by default)."
    )
    return document


@get("/openapi.json", include_in_schema=False, sync_to_thread=False)
def openapi_json(request: Request[Any, Any, Any]) -> Response[bytes]:
    import json

    text = json.dumps(openapi_document(request.app), ensure_ascii=False, indent=1, sort_keys=True)
    return Response(content=text.encode("utf-8"), media_type="application/json")


def _docs_page(document: dict[str, Any]) -> str:
    """The OpenAPI document as a plain page: each operation, its parameters and its answers."""
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(document['info']['title'])} API</title><style>{_CSS}</style></head><body><main>",
        f"<h1>{html.escape(document['info']['title'])} {html.escape(document['info']['version'])}: HTTP API</h1>",
        f"<p>{html.escape(document['info'].get('description', ''))}</p>",
        '<p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>',
    ]
    for path, item in sorted(document.get("paths", {}).items()):
        for method, operation in item.items():
            out.append(f"<section><h2><code>{method.upper()} {html.escape(path)}</code></h2>")
            out.append(f"<p>{html.escape(operation.get('summary', ''))}</p>")
            out.append(f"<p>{html.escape(operation.get('description', ''))}</p>")
            parameters = operation.get("parameters", [])
            if parameters:
                out.append("<table><caption>Parameters</caption><tr><th scope=col>name</th><th scope=col>in</th>"
                           "<th scope=col>values</th><th scope=col>description</th></tr>")
                for parameter in parameters:
                    schema = parameter.get("schema", {})
                    values = schema.get("enum") or [s.get("const") for s in schema.get("oneOf", []) if "const" in s]
                    shown = ", ".join(map(str, values)) if values else str(schema.get("type", ""))
                    out.append(
                        f"<tr><td><code>{html.escape(parameter['name'])}</code>"
                        f"{' (required)' if parameter.get('required') else ''}</td>"
                        f"<td>{html.escape(parameter.get('in', ''))}</td><td>{html.escape(shown)}</td>"
                        f"<td>{html.escape(parameter.get('description', ''))}</td></tr>"
                    )
                out.append("</table>")
            if "requestBody" in operation:
                kinds = ", ".join(operation["requestBody"]["content"])
                out.append(f"<p>Body: {html.escape(operation['requestBody']['description'])} ({html.escape(kinds)})</p>")
            statuses = ", ".join(
                f"{code} {answer.get('description', '')}" for code, answer in operation.get("responses", {}).items()
            )
            out.append(f"<p>Answers: {html.escape(statuses)}</p></section>")
    out.append("</main></body></html>")
    return "".join(out)


@get("/docs", include_in_schema=False, sync_to_thread=False)
def docs_page(request: Request[Any, Any, Any]) -> Response[bytes]:
    text = _docs_page(openapi_document(request.app))
    return Response(content=text.encode("utf-8"), media_type="text/html; charset=utf-8",
                    headers=_PAGE_HEADERS)


@cache
def _page() -> bytes:
    return resources.files("govindex.cli.server").joinpath("static", "page.html").read_bytes()


#: A page allows nothing from elsewhere: its own script and style only.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'unsafe-inline' 'self'; "
    "style-src 'unsafe-inline' 'self'; img-src 'self' data:; connect-src 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@get("/", include_in_schema=False, sync_to_thread=False)
def home(request: Request[Any, Any, Any]) -> Response[bytes]:
    """The page where an agency checks its own form."""
    return Response(content=_page(), media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}"
    "main{max-width:60rem;margin:auto;padding:1rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}"
    "th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}"
    "code{background:#f0f0f0;padding:0 .2rem}a{color:#0b4f9c}"
)

#: The routes of the pages.
PAGES = [home, openapi_json, docs_page]
