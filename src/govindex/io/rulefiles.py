"""Rules files: a province's own rule classes, loaded from a Python file next to its rubric.

A rules file is a Python module that defines its rules in a mapping ``RULES``
from the name a rubric uses to the rule's factory (usually the rule class)::

    RULES = {"late_penalty": LatePenalty}

It is loaded through the rubric key ``rule_files: [my_rules.py]`` (a path
relative to the rubric file, which must stay inside the rubric's folder) or
with ``--rules FILE`` on the command line. **A rules file is code and is run
as such**, with the rights of whoever runs govindex: load only files you
would run yourself. A bundled rubric (loaded by its id) never runs a file.

Refused, with the file (and line where there is one), never a traceback: a
file that does not exist, cannot be run, or defines no rule; a name that is
not text or a factory that is not callable; a name that an installed rule
(built-in, registered or an entry point) or another rules file already uses.
"""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import traceback
from collections.abc import Iterable, Mapping
from pathlib import Path

from govindex.errors import FileFormatError, RuleError
from govindex.rules.plugins import RuleFile, RulePlugins, is_installed

__all__ = ["load_rule_file", "plugins_with"]


def _line_of(error: BaseException, path: Path) -> int | None:
    if isinstance(error, SyntaxError) and error.lineno is not None:
        return error.lineno
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename) == path:
            line = frame.lineno
    return line


def load_rule_file(path: str | Path, *, shown: str | None = None) -> RuleFile:
    """Run the rules file ``path`` and return the rules it defines (see the module docstring).

    ``shown`` is how the file is named in errors and listings (default: ``path``).
    """
    where = str(path) if shown is None else shown
    resolved = Path(path).resolve()
    if not resolved.is_file():
        raise FileFormatError("the rules file does not exist", file=where)
    if resolved.suffix != ".py":
        raise FileFormatError("a rules file is a Python file (.py)", file=where)
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:16]
    module_name = f"govindex_rules_file_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, resolved)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has a spec
        raise FileFormatError("the rules file cannot be loaded as Python", file=where)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # the file's own code failed: report it, never a traceback
        del sys.modules[module_name]
        detail = error.msg if isinstance(error, SyntaxError) else str(error)
        raise RuleError(
            f"the rules file cannot be run: {type(error).__name__}: {detail}",
            file=where,
            line=_line_of(error, resolved),
        ) from None
    rules = getattr(module, "RULES", None)
    if not isinstance(rules, Mapping) or not rules:
        raise RuleError(
            "the rules file defines no rule: it must define RULES, a mapping from the name a rubric uses to the "
            "rule class, e.g. RULES = {'late_penalty': LatePenalty}",
            file=where,
        )
    for name, factory in rules.items():
        if not isinstance(name, str) or not name.strip():
            raise RuleError(f"RULES: a rule name must be non-empty text, not {name!r}", file=where)
        if not callable(factory):
            raise RuleError(f"RULES: rule {name!r}: {factory!r} is not a rule class or factory", file=where)
    return RuleFile(where, dict(rules))


def plugins_with(files: Iterable[RuleFile], base: RulePlugins | None = None) -> RulePlugins:
    """``base`` (default: the installed rules) with the rules of ``files``; a name used twice is refused."""
    base = RulePlugins() if base is None else base
    taken = {name: rule_file.path for rule_file in base.files for name in rule_file.rules}
    added = list(base.files)
    for rule_file in files:
        for name in rule_file.rules:
            if is_installed(name):
                where = base.available().get(name) or RulePlugins().available().get(name, "installed")
                raise RuleError(
                    f"the rules file defines {name!r}, a name already taken by an installed rule ({where}); "
                    "give the rule another name",
                    file=rule_file.path,
                )
            if name in taken:
                raise RuleError(
                    f"the rules file defines {name!r}, a name already defined by the rules file {taken[name]}",
                    file=rule_file.path,
                )
            taken[name] = rule_file.path
        added.append(rule_file)
    return RulePlugins(added)
