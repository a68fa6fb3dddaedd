"""The sub-commands of ``govindex``; each module registers one."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from govindex.commands import (
    compare,
    explain,
    publish,
    reconcile,
    report,
    reproduce,
    rubrics,
    schema,
    score,
    serve,
    template,
    validate,
)

__all__ = ["COMMANDS"]

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

#: Registration functions, in the order ``govindex --help`` lists them.
COMMANDS: list[Register] = [
    score.register,
    rubrics.register,
    reproduce.register,
    validate.register,
    schema.register,
    explain.register,
    report.register,
    reconcile.register,
    compare.register,
    publish.register,
    template.register,
    serve.register,
]
