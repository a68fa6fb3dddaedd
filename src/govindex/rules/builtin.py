"""The built-in methodology rules."""

from __future__ import annotations

from govindex.rules import RuleFactory

__all__ = ["BUILTIN_RULES"]

#: Built-in rules by the name a rubric uses.
BUILTIN_RULES: dict[str, RuleFactory] = {}
