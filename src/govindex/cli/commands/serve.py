"""``govindex serve``: the HTTP API and the agencies' page (extra ``server``: Litestar and uvicorn)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
from pathlib import Path

from govindex.catalogue.help import Help
from govindex.catalogue.service import Service
from govindex.cli.commands._options import add_lang, say
from govindex.errors import InputError, MissingDependencyError

#: The environment variable that hands the settings to each worker process (read by the server).
SETTINGS_VARIABLE = "GOVINDEX_SERVE_SETTINGS"

#: The defaults, repeated here so that ``govindex --help`` needs nothing of the extra.
DEFAULT_MAX_BODY = 10_000_000
DEFAULT_TIMEOUT = 30.0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("serve", help=say(Help.SERVE), description=say(Help.SERVE_DESCRIPTION))
    parser.add_argument("--host", default="127.0.0.1", help=say(Help.SERVE_HOST))
    parser.add_argument("--port", type=int, default=8000, help=say(Help.SERVE_PORT))
    parser.add_argument("--workers", type=int, default=1, metavar="N", help=say(Help.SERVE_WORKERS))
    parser.add_argument("--token-file", metavar="FILE", help=say(Help.SERVE_TOKEN))
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BODY,
        metavar="N",
        help=say(Help.SERVE_MAX_BYTES, default=DEFAULT_MAX_BODY),
    )
    parser.add_argument("--max-cells", type=int, default=None, metavar="N", help=say(Help.SERVE_MAX_CELLS))
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="S",
        help=say(Help.SERVE_TIMEOUT, default=DEFAULT_TIMEOUT),
    )
    add_lang(parser)
    parser.set_defaults(run=run)


def _require() -> None:
    for package in ("litestar", "uvicorn"):
        if importlib.util.find_spec(package) is None:
            from govindex._optional import requirements_of
            from govindex.catalogue.cli import Plain

            raise MissingDependencyError(
                Plain.MISSING_EXTRA, top=package, extra="server", requirements=requirements_of("server", package)
            )


def run(args: argparse.Namespace) -> int:
    _require()
    import uvicorn

    values: dict[str, object] = {"max_bytes": args.max_bytes, "timeout": args.timeout}
    if args.max_cells is not None:
        values["max_cells"] = args.max_cells
    for name, value in values.items():
        if not isinstance(value, (int, float)) or value <= 0:
            raise InputError(Service.BAD_OPTION, name=f"--{name.replace('_', '-')}", reason=str(value))
    values["token"] = read_token(args.token_file)
    # each worker process reads its settings here (govindex.cli.server.settings.Settings.from_environment)
    os.environ[SETTINGS_VARIABLE] = json.dumps(values)
    uvicorn.run(
        "govindex.cli.server.app:worker_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    return 0


def read_token(token_file: str | None) -> str | None:
    """The bearer token: the first line of ``token_file``, else ``GOVINDEX_TOKEN``, else ``None`` (no token)."""
    if token_file is None:
        text = os.environ.get("GOVINDEX_TOKEN")
        if not text:
            return None
    else:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise InputError(Service.BAD_TOKEN_FILE, reason=reason, file=token_file) from None
    lines = text.strip().splitlines()
    token = lines[0].strip() if lines else ""
    if not token:
        raise InputError(Service.EMPTY_TOKEN, file=token_file)
    return token
