"""The sub-commands of ``govindex``: one registration list, each command a module imported only when chosen.

Each module has ``register(sub)``, which adds its parser (with ``run`` as
its default) to the sub-parsers. A new command is one more line here: its
name, its module and its one-line help from the catalogue.
"""

from __future__ import annotations

from govindex.catalogue import Entry
from govindex.catalogue.help import Help

__all__ = ["COMMANDS"]

#: Command name -> (module, one-line help), in the order ``govindex --help`` lists them.
COMMANDS: dict[str, tuple[str, Entry]] = {
    "score": ("govindex.cli.commands.score", Help.SCORE),
    "rubrics": ("govindex.cli.commands.rubrics", Help.RUBRICS),
    "reproduce": ("govindex.cli.commands.reproduce", Help.REPRODUCE),
    "validate": ("govindex.cli.commands.validate", Help.VALIDATE),
    "schema": ("govindex.cli.commands.schema", Help.SCHEMA),
    "explain": ("govindex.cli.commands.explain", Help.EXPLAIN),
    "report": ("govindex.cli.commands.report", Help.REPORT),
    "reconcile": ("govindex.cli.commands.reconcile", Help.RECONCILE),
    "compare": ("govindex.cli.commands.compare", Help.COMPARE),
    "publish": ("govindex.cli.commands.publish", Help.PUBLISH),
    "template": ("govindex.cli.commands.template", Help.TEMPLATE),
    "collect": ("govindex.cli.commands.collect", Help.COLLECT),
    "serve": ("govindex.cli.commands.serve", Help.SERVE),
}
