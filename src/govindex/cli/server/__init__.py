"""``govindex serve``: govindex as an HTTP service (extra ``server``: Litestar and uvicorn).

The top layer, beside the command line: it may import the core, ``io``,
``render`` and the pipeline; nothing imports it. :func:`create_app` gives
the ASGI application; ``govindex serve`` runs it with uvicorn.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(settings: object = None) -> object:
    """The ASGI application (a :class:`litestar.Litestar`) with ``settings`` (:class:`~.settings.Settings`)."""
    from govindex.cli.server.app import create_app as make

    return make(settings)  # type: ignore[arg-type]
