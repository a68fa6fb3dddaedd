"""Checking a rubric's rule configurations against the rubric, and building its rules.

Run by :func:`govindex.bind` (once per load). For each
:class:`~govindex.rubric.RuleRef`, in order:

1. the name must resolve through the :class:`~govindex.plugins.Plugins`
   given; an unknown name is refused with the rules available and how to add
   one, or, when the rubric names rules files (``rule_files``) that were not
   allowed to run, with the file and how to allow it (``--trust-rules``, or
   ``--rules FILE``);
2. its parameters must fit the rule's ``schema``
   (:mod:`govindex.rules.params`): no unknown or missing key, each value of its
   type and in its allowed set; a rule without a schema, the signature of its
   factory;
3. the rule is built (its own checks run);
4. each ``tag`` parameter must mark a node of a group the rule applies to,
   and each ``node`` parameter must name a node: a misspelt tag would
   otherwise turn the rule off without a word;
5. a rule's own ``check_rubric(rubric)``, when it has one, adds what only it
   knows (``proportional_imputation``: its ``within`` in every group it acts
   on, the tagged sub-criteria inside that scope).

Each problem is a :class:`~govindex.errors.RuleError` (or
:class:`~govindex.errors.UnknownNameError`) whose ``path`` is the place in a
rubric file: ``rules[1].params.tag``.

*The groups a rule applies to* are the groups whose tree is broken into
criteria. A group scored on its total alone (a tree that is a single leaf,
as in the bundled ``sonla-2024-dti``, whose sub-criteria are not public) has
nothing to tag: a rule that acts on tagged sub-criteria is then kept as the
methodology's record, cannot apply, and says so (scoring reports it, and the
agency facts it would read are reported as read by no rule).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import attrs

from govindex._registry import signature_problem
from govindex.catalogue.results import Warnings
from govindex.catalogue.rules import Binding, Params, Phrase
from govindex.errors import GovIndexError, RuleError
from govindex.rubric import Group, Rubric, RuleRef
from govindex.rules import Rule, RuleFactory
from govindex.rules.params import Kind, Param, ParamProblem, check_params

if TYPE_CHECKING:
    from govindex.plugins import Plugins

__all__ = [
    "FLAG_DEFAULTS",
    "RuleProblem",
    "UnreadFact",
    "applicable_groups",
    "rule_problems",
    "stated_facts",
    "tag_problem",
    "tags_of",
    "unread_facts",
]


@attrs.frozen
class RuleProblem:
    """A rule configuration refused: the error (its ``path`` inside the rubric) and whether a key is at fault."""

    error: GovIndexError
    at_key: bool = False


def applicable_groups(rubric: Rubric) -> tuple[Group, ...]:
    """The groups whose tree is broken into criteria: those a rule on sub-criteria can act on."""
    return tuple(group for group in rubric.groups if not group.tree.is_leaf)


def tags_of(rubric: Rubric) -> tuple[str, ...]:
    """Every tag used in the rubric's trees, sorted."""
    return tuple(sorted({tag for group in rubric.groups for node in group.tree.walk() for tag in node.tags}))


def tag_problem(rubric: Rubric, param: str, tag: str) -> ParamProblem | None:
    """Why ``tag`` cannot drive a rule of ``rubric`` (it marks no node of a group the rule applies to), or ``None``."""
    groups = applicable_groups(rubric)
    if not groups:
        return None
    if any(tag in node.tags for group in groups for node in group.tree.walk()):
        return None
    known = tags_of(rubric)
    values: dict[str, Any] = {
        "key": param,
        "tag": repr(tag),
        "groups": [group.id for group in groups],
        "known": list(known) or Params.NO_TAGS,
    }
    close = difflib.get_close_matches(tag, known, n=1)
    if close:
        return ParamProblem(Params.TAG_UNUSED_CLOSE, param, values={**values, "close": repr(close[0])})
    return ParamProblem(Params.TAG_UNUSED, param, values=values)


def _node_problem(rubric: Rubric, param: str, node_id: str) -> ParamProblem | None:
    ids = {node.id for group in rubric.groups for node in group.tree.walk()}
    if node_id in ids:
        return None
    close = difflib.get_close_matches(node_id, sorted(ids), n=1)
    values = {"key": param, "node_id": repr(node_id)}
    if close:
        return ParamProblem(Params.NODE_UNKNOWN_CLOSE, param, values={**values, "close": repr(close[0])})
    return ParamProblem(Params.NODE_UNKNOWN, param, values=values)


def _references(rubric: Rubric, schema: Sequence[Param], params: Any) -> list[ParamProblem]:
    """The tags and node ids the parameters give that mark or name nothing in the rubric."""
    problems: list[ParamProblem] = []
    for param in schema:
        value = params.get(param.name)
        if not isinstance(value, str):
            continue
        found = None
        if param.kind is Kind.TAG:
            found = tag_problem(rubric, param.name, value)
        elif param.kind is Kind.NODE:
            found = _node_problem(rubric, param.name, value)
        if found is not None:
            problems.append(found)
    return problems


def _order(schema: Sequence[Param]) -> Any:
    """Problems in the order of the schema's parameters; unknown keys first."""
    names = [param.name for param in schema]

    def key(problem: ParamProblem) -> tuple[int, int]:
        if problem.at_key or problem.param not in names:
            return (0, 0)
        return (1, names.index(problem.param))

    return key


def _placed(problem: ParamProblem, name: str, at: str) -> RuleProblem:
    path = f"{at}.params.{problem.param}" if problem.param is not None else f"{at}.params"
    return RuleProblem(problem.error(name, path=path), at_key=problem.at_key)


def _moved(error: GovIndexError, path: str) -> GovIndexError:
    clone = error.with_context()
    clone.path = path
    return clone


def _signature_problems(factory: RuleFactory, ref: RuleRef) -> list[ParamProblem]:
    """A rule without a schema: the keys its factory's signature does not take, or misses."""
    wrong = signature_problem(factory, ref.params, skip=("legal_basis",))
    if wrong is None:
        return []
    unknown, missing, allowed = wrong
    out: list[ParamProblem] = []
    for key in unknown:
        if allowed:
            out.append(ParamProblem(Params.UNKNOWN, key, True, {"key": repr(key), "known": allowed}))
        else:
            out.append(ParamProblem(Params.NONE_TAKEN, key, True, {"key": repr(key)}))
    out += [ParamProblem(Params.MISSING, None, values={"key": repr(key)}) for key in missing]
    return out


def _not_allowed(rubric: Rubric, plugins: Plugins) -> list[str]:
    """The rubric's rules files that were not run into ``plugins`` (named as the rubric names them)."""
    loaded = [PurePosixPath(path.replace("\\", "/")).parts for path in plugins.rule_files]
    out = []
    for entry in rubric.rule_files:
        parts = PurePosixPath(entry).parts
        if not any(ran[-len(parts) :] == parts for ran in loaded):
            out.append(entry)
    return out


def _factory(rubric: Rubric, ref: RuleRef, plugins: Plugins, at: str) -> RuleFactory | RuleProblem:
    """The factory ``ref`` names, or the problem of its name (placed at ``rules[i].name``)."""
    try:
        return plugins.rules.get(ref.name)
    except GovIndexError as error:
        refusal = error
    pending = _not_allowed(rubric, plugins)
    if pending and ref.name not in plugins.rules:
        refusal = RuleError(Binding.RULE_FILE_NOT_ALLOWED, rule=repr(ref.name), files=pending)
    return RuleProblem(_moved(refusal, f"{at}.name"))


def _build(factory: RuleFactory, ref: RuleRef) -> Rule:
    """Call a rule's factory with the rubric's parameters and legal basis; its refusals as errors of the rule."""
    params: dict[str, Any] = dict(ref.params)
    try:
        rule = factory(legal_basis=ref.legal_basis, **params)
    except GovIndexError:
        raise
    except TypeError as error:
        raise RuleError(Binding.REFUSED, rule=repr(ref.name), params=repr(params), error=str(error)) from None
    if not isinstance(rule, Rule):
        shown = repr(rule)
        raise RuleError(
            Binding.NOT_A_RULE, rule=repr(ref.name), value=shown if len(shown) <= 60 else shown[:57] + "..."
        )
    return rule


def _check_ref(rubric: Rubric, ref: RuleRef, factory: RuleFactory, at: str) -> tuple[Rule | None, list[RuleProblem]]:
    """Check one rule's configuration and build it; the rule is ``None`` when it cannot be built."""
    schema: Sequence[Param] | None = getattr(factory, "schema", None)
    found = check_params(schema, ref.params) if schema is not None else _signature_problems(factory, ref)
    if found:
        wrong = {problem.param for problem in found}
        if schema is not None:
            found += _references(rubric, [param for param in schema if param.name not in wrong], ref.params)
            found.sort(key=_order(schema))
        return None, [_placed(problem, ref.name, at) for problem in found]
    try:
        rule = _build(factory, ref)
    except GovIndexError as error:
        return None, [RuleProblem(_moved(error, f"{at}.params" if ref.params else at))]
    found = _references(rubric, schema, ref.params) if schema is not None else []
    check = getattr(rule, "check_rubric", None)
    if not found and callable(check):
        found = list(check(rubric))
    return rule, [_placed(problem, ref.name, at) for problem in found]


def rule_problems(rubric: Rubric, plugins: Plugins) -> tuple[tuple[Rule, ...], list[RuleProblem]]:
    """Build the rules the rubric names, against ``plugins``, and check them against its trees.

    Returns the rules built and **every** problem found (see the module
    docstring); the rules are complete only when there is no problem.
    """
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    for index, ref in enumerate(rubric.rules):
        at = f"rules[{index}]"
        factory = _factory(rubric, ref, plugins, at)
        if isinstance(factory, RuleProblem):
            problems.append(factory)
            continue
        rule, found = _check_ref(rubric, ref, factory, at)
        problems += found
        if rule is not None:
            rules.append(rule)
    return tuple(rules), problems


def rule_files_not_run(rubric: Rubric, plugins: Plugins) -> tuple[str, ...]:
    """The rubric's rules files that were not run into ``plugins`` (for a warning: the rubric still binds)."""
    return tuple(_not_allowed(rubric, plugins))


#: The agency facts (flags) a rule may read, with the value an agency has when nothing is said.
FLAG_DEFAULTS: dict[str, object] = {
    "has_subordinate_units": True,
    "has_online_services": True,
    "has_procedures": True,
    "special": False,
}


def stated_facts(agency: Any) -> list[tuple[str, str]]:
    """The facts an agency states: each flag away from its default, ``not_applicable``, each attribute.

    As ``(fact, value)`` pairs; an attribute's fact is ``attributes.<name>``.
    """
    facts = [
        (name, "true" if getattr(agency, name) else "false")
        for name, default in FLAG_DEFAULTS.items()
        if getattr(agency, name) != default
    ]
    if agency.not_applicable:
        facts.append(("not_applicable", ", ".join(sorted(agency.not_applicable))))
    facts.extend((f"attributes.{key}", str(value)) for key, value in sorted(agency.attributes.items()))
    return facts


def reads_of(rule: Any, rubric: Rubric, group: Group) -> tuple[str, ...] | None:
    """The agency facts ``rule`` reads for agencies of ``group``; ``None``: the rule does not say."""
    reads_in = getattr(rule, "reads_in", None)
    if callable(reads_in):
        return tuple(reads_in(rubric, group))
    reads = getattr(rule, "reads", None)
    if reads is None:
        return None
    return tuple(reads)


@attrs.frozen
class UnreadFact:
    """An agency fact given (a flag away from its default, or an attribute) that no rule of the rubric reads."""

    fact: str
    value: str
    group: str
    agencies: tuple[str, ...]
    #: the rules that read the fact in some other group (empty: no rule of the rubric reads it)
    readers: tuple[str, ...] = ()
    #: the tags those rules act on
    tags: tuple[str, ...] = ()

    def message_in(self, lang: str, shown: int = 5) -> str:
        """One line: the fact, the agencies that give it and why no rule reads it."""
        listed: list[Any] = list(self.agencies[:shown])
        if len(self.agencies) > shown:
            listed.append(Phrase(Warnings.MORE, {"count": len(self.agencies) - shown}))
        values = {"fact": self.fact, "value": self.value, "agencies": listed, "group_id": self.group}
        if not self.readers:
            return Warnings.UNREAD_NO_RULE.text(lang, **values)
        if self.tags:
            return Warnings.UNREAD_UNTAGGED.text(lang, **values, tags=list(self.tags), rules=list(self.readers))
        return Warnings.UNREAD_NOT_ACTED.text(lang, **values, rules=list(self.readers))

    def message(self, shown: int = 5) -> str:
        """:meth:`message_in` in English."""
        return self.message_in("en", shown)


def _read_by_group(rubric: Rubric, rules: Sequence[Any]) -> dict[str, set[str] | None]:
    """Per group, the facts the rules read there (``None``: some rule does not say what it reads)."""
    out: dict[str, set[str] | None] = {}
    for group in rubric.groups:
        read: set[str] | None = set()
        for rule in rules:
            facts = reads_of(rule, rubric, group)
            if facts is None or read is None:
                read = None
                break
            read.update(facts)
        out[group.id] = read
    return out


def _unread(rubric: Rubric, assessments: Iterable[Any], rules: Sequence[Any]) -> dict[tuple[str, str, str], list[str]]:
    """(fact, value, group) -> the agencies that state a fact no rule reads in their group."""
    by_group = _read_by_group(rubric, rules)
    found: dict[tuple[str, str, str], list[str]] = {}
    for assessment in assessments:
        agency = assessment.agency
        read = by_group.get(agency.group)
        if read is None:
            continue
        for fact, value in stated_facts(agency):
            if fact.removeprefix("attributes.") not in read:
                found.setdefault((fact, value, agency.group), []).append(agency.id)
    return found


def unread_facts(rubric: Rubric, assessments: Iterable[Any], rules: Sequence[Any]) -> tuple[UnreadFact, ...]:
    """The agency facts given in ``assessments`` that none of ``rules`` reads.

    A flag such as ``has_online_services: false`` is read only when a rule
    acts on it in the agency's group: ``proportional_imputation`` reads it
    where some node is tagged ``online_services``. Nothing is reported when a
    rule does not declare what it reads (``reads`` or ``reads_in``), since it
    might read anything.
    """
    declared: dict[str, list[Any]] = {}  # fact -> rules that read it somewhere
    for rule in rules:
        for fact in getattr(rule, "reads", None) or ():
            declared.setdefault(fact, []).append(rule)
    out: list[UnreadFact] = []
    for (fact, value, group_id), agencies in sorted(_unread(rubric, assessments, rules).items()):
        readers = declared.get(fact.removeprefix("attributes."), [])
        tags = sorted({str(rule.params.get("tag")) for rule in readers if rule.params.get("tag")})
        names = tuple(rule.name for rule in readers)
        out.append(UnreadFact(fact, value, group_id, tuple(sorted(agencies)), names, tuple(tags)))
    return tuple(out)
