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
    "score": ("govindex.commands.score", Help.SCORE),
    "rubrics": ("govindex.commands.rubrics", Help.RUBRICS),
    "reproduce": ("govindex.commands.reproduce", Help.REPRODUCE),
    "validate": ("govindex.commands.validate", Help.VALIDATE),
    "schema": ("govindex.commands.schema", Help.SCHEMA),
    "explain": ("govindex.commands.explain", Help.EXPLAIN),
    "report": ("govindex.commands.report", Help.REPORT),
    "reconcile": ("govindex.commands.reconcile", Help.RECONCILE),
    "compare": ("govindex.commands.compare", Help.COMPARE),
    "publish": ("govindex.commands.publish", Help.PUBLISH),
    "template": ("govindex.commands.template", Help.TEMPLATE),
    "collect": ("govindex.commands.collect", Help.COLLECT),
    "serve": ("govindex.commands.serve", Help.SERVE),
}
