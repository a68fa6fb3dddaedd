"""How a ``govindex serve`` process is set up: address, limits, token (one frozen value, shared by nothing else)."""

from __future__ import annotations

import json
import os
from typing import Any

import attrs

from govindex.catalogue.service import Service
from govindex.errors import InputError
from govindex.io.cells import DEFAULT_MAX_CELLS

__all__ = ["DEFAULT_MAX_BODY", "DEFAULT_TIMEOUT", "SETTINGS_VARIABLE", "Settings"]

#: The largest request body taken by default, in bytes (``--max-bytes``): a large filled workbook is < 1 MB.
DEFAULT_MAX_BODY = 10_000_000
#: The most seconds one request may run by default (``--timeout``).
DEFAULT_TIMEOUT = 30.0
#: The environment variable that hands the settings to each worker process.
SETTINGS_VARIABLE = "GOVINDEX_SERVE_SETTINGS"


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:  # float-ok: a limit, not points
    if value <= 0:
        raise InputError(Service.BAD_OPTION, name=f"--{attribute.name.replace('_', '-')}", reason=str(value))


@attrs.frozen
class Settings:
    """The limits of every request and the optional bearer token (``None``: no token asked)."""

    max_bytes: int = attrs.field(default=DEFAULT_MAX_BODY, validator=_positive)
    max_cells: int = attrs.field(default=DEFAULT_MAX_CELLS, validator=_positive)
    timeout: float = attrs.field(default=DEFAULT_TIMEOUT, validator=_positive)  # float-ok: seconds
    token: str | None = attrs.field(default=None, repr=False)

    def to_environment(self) -> str:
        """The settings as the text of :data:`SETTINGS_VARIABLE` (read back by :meth:`from_environment`)."""
        return json.dumps(attrs.asdict(self))

    @classmethod
    def from_environment(cls) -> Settings:
        """The settings a worker process was started with (the defaults when the variable is not set)."""
        text = os.environ.get(SETTINGS_VARIABLE)
        if not text:
            return cls(token=os.environ.get("GOVINDEX_TOKEN") or None)
        return cls(**json.loads(text))
