"""Optional extras (pandas, openpyxl, matplotlib), imported only when used."""

from __future__ import annotations

import importlib
from types import ModuleType

from govindex.errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or explain which extra to install.

    >>> require("json", "none").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        top = module.split(".")[0]
        from govindex.catalogue.cli import Plain

        raise MissingDependencyError(Plain.MISSING_EXTRA, top=top, extra=extra) from None
