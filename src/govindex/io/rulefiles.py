"""Rules files: a province's own rule classes, in a Python file, run only when asked.

A rules file is a Python module that defines its rules in a mapping ``RULES``
from the name a rubric uses to the rule's factory (usually the rule class)::

    RULES = {"late_penalty": LatePenalty}

**A rules file is code and is run as such**, with the rights of whoever runs
govindex. Reading a rubric never runs one: a rubric's ``rule_files`` are
recorded as data. A rules file runs only through an explicit call:

- :func:`rule_plugins` (``--rules FILE`` on the command line): the files
  given, whatever the rubric says;
- :func:`govindex.io.load_methodology` with ``trust_rules=True``
  (``--trust-rules``): the files the rubric's ``rule_files`` names, relative
  to the rubric's folder and inside it.

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

from govindex.catalogue.rules import RuleFiles
from govindex.errors import FileFormatError, GovIndexError, RuleError
from govindex.plugins import Plugins
from govindex.rules import RuleFactory

__all__ = ["load_rule_file", "rule_plugins"]


def _line_of(error: BaseException, path: Path) -> int | None:
    if isinstance(error, SyntaxError) and error.lineno is not None:
        return error.lineno
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if Path(frame.filename) == path:
            line = frame.lineno
    return line


def _resolved(path: str | Path, where: str) -> Path:
    try:
        resolved = Path(path).resolve()
        found = resolved.is_file()
    except (OSError, ValueError):  # a NUL in the name, a path the system refuses
        found = False
    if not found:  # a NUL in the name shown as ``\0``, as every reader shows it
        raise FileFormatError(RuleFiles.MISSING, file=where.replace("\x00", "\\0"))
    if resolved.suffix != ".py":
        raise FileFormatError(RuleFiles.NOT_PYTHON, file=where)
    return resolved


def _checked(rules: object, where: str) -> Mapping[str, RuleFactory]:
    if not isinstance(rules, Mapping) or not rules:
        raise RuleError(RuleFiles.NO_RULES, example="{'late_penalty': LatePenalty}", file=where)
    for name, factory in rules.items():
        if not isinstance(name, str) or not name.strip():
            raise RuleError(RuleFiles.BAD_NAME, name=repr(name), file=where)
        if not callable(factory):
            shown = repr(factory)
            raise RuleError(RuleFiles.NOT_CALLABLE, name=repr(name), factory=shown[:60], file=where)
    return dict(rules)


def load_rule_file(path: str | Path, *, shown: str | None = None) -> Mapping[str, RuleFactory]:
    """**Run** the rules file ``path`` and return the rules it defines (``RULES``).

    ``shown`` is how the file is named in errors (default: ``path``).
    """
    where = str(path) if shown is None else shown
    resolved = _resolved(path, where)
    digest = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:16]
    module_name = f"govindex_rules_file_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, resolved)
    if spec is None or spec.loader is None:  # pragma: no cover - a .py file always has a spec
        raise FileFormatError(RuleFiles.CANNOT_LOAD, file=where)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:  # the file's own code failed: report it, never a traceback
        del sys.modules[module_name]
        detail = error.msg if isinstance(error, SyntaxError) else str(error)
        raise RuleError(
            RuleFiles.FAILED, error=f"{type(error).__name__}: {detail}", file=where, line=_line_of(error, resolved)
        ) from None
    return _checked(getattr(module, "RULES", None), where)


def rule_plugins(paths: Iterable[str | Path], base: Plugins | None = None) -> Plugins:
    """**Run** the rules files ``paths`` and return ``base`` (default: the installed rules) with their rules.

    A file named twice (by the same path once resolved) is run once. A name
    that an installed rule or another rules file already gives is refused,
    naming the file.

    >>> plugins = rule_plugins(["examples/rules/late_report.py"])
    >>> plugins.rules.origin("late_penalty"), plugins.rule_files
    ('rules file examples/rules/late_report.py', ('examples/rules/late_report.py',))
    """
    plugins = Plugins.installed() if base is None else base
    seen: set[Path] = set()
    for path in paths:
        where = str(path)
        resolved = _resolved(path, where)
        if resolved in seen:
            continue
        seen.add(resolved)
        rules = load_rule_file(resolved, shown=where)
        try:
            plugins = plugins.with_rule_file(where, rules)
        except GovIndexError as error:
            raise error.with_context(file=where) from None
    return plugins
