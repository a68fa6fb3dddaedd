"""Checking a rubric's rule configurations against the rubric, and building its rules.

Run when a rubric is built (and so when it is loaded or validated). For each
:class:`~govindex.rubric.RuleRef`, in order:

1. the name must resolve through the rubric's
   :class:`~govindex.rules.plugins.RulePlugins`; an unknown name is refused
   with the rules available and how to add one;
2. its parameters must fit the rule's ``schema``
   (:mod:`govindex.rules.params`): no unknown or missing key, each value of its
   type and in its allowed set;
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
from typing import TYPE_CHECKING, Any

import attrs

from govindex.errors import GovIndexError, RubricError, RuleError, first_problem
from govindex.rubric import Group, Rubric, RuleRef
from govindex.rules.params import Kind, Param, ParamProblem, check_params

if TYPE_CHECKING:
    from govindex.rules import Rule
    from govindex.rules.plugins import RulePlugins

__all__ = [
    "FLAG_DEFAULTS",
    "RuleProblem",
    "UnreadFact",
    "applicable_groups",
    "resolve_rubric_rules",
    "rule_problems",
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


def tag_problem(rubric: Rubric, param: str, tag: str) -> str | None:
    """Why ``tag`` cannot drive a rule of ``rubric`` (it marks no node of a group the rule applies to), or ``None``."""
    groups = applicable_groups(rubric)
    if not groups:
        return None
    if any(tag in node.tags for group in groups for node in group.tree.walk()):
        return None
    known = tags_of(rubric)
    close = difflib.get_close_matches(tag, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    listed = f"the tags in the rubric are {', '.join(known)}" if known else "no node of the rubric has a tag"
    return (
        f"{param} {tag!r} marks no node of the groups the rule applies to "
        f"({', '.join(group.id for group in groups)}), so the rule would never act{hint}; {listed}"
    )


def _node_problem(rubric: Rubric, param: str, node_id: str) -> str | None:
    ids = {node.id for group in rubric.groups for node in group.tree.walk()}
    if node_id in ids:
        return None
    close = difflib.get_close_matches(node_id, sorted(ids), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{param} names {node_id!r}, which is not a node of any group{hint}"


def _references(rubric: Rubric, schema: Sequence[Param], params: Any) -> list[ParamProblem]:
    problems: list[ParamProblem] = []
    for param in schema:
        value = params.get(param.name)
        if not isinstance(value, str):
            continue
        if param.kind is Kind.TAG:
            why = tag_problem(rubric, param.name, value)
        elif param.kind is Kind.NODE:
            why = _node_problem(rubric, param.name, value)
        else:
            continue
        if why is not None:
            problems.append(ParamProblem(why, param.name))
    return problems


def _order(schema: Sequence[Param]) -> Any:
    """Problems in the order of the schema's parameters; unknown keys first."""
    names = [param.name for param in schema]

    def key(problem: ParamProblem) -> tuple[int, int]:
        if problem.at_key or problem.param not in names:
            return (0, 0)
        return (1, names.index(problem.param))

    return key


def _error(problem: ParamProblem, name: str, at: str, cls: type[GovIndexError] = RuleError) -> RuleProblem:
    path = f"{at}.params.{problem.param}" if problem.param is not None else f"{at}.params"
    return RuleProblem(cls(f"rule {name!r}: {problem.message}", path=path), at_key=problem.at_key)


def _placed(error: GovIndexError, path: str) -> GovIndexError:
    clone = error.with_context()
    clone.path = path
    return clone


def rule_problems(
    rubric: Rubric, refs: Iterable[RuleRef] | None = None, plugins: RulePlugins | None = None
) -> tuple[tuple[Rule, ...], list[RuleProblem]]:
    """Build the rules ``refs`` (default: the rubric's) name and check them against ``rubric``'s trees.

    Returns the rules built and **every** problem found (see the module
    docstring); the rules are complete only when there is no problem.
    """
    from govindex.rules.plugins import RulePlugins

    if plugins is None:
        plugins = rubric.rule_plugins
    if not isinstance(plugins, RulePlugins):
        raise RubricError(f"rubric {rubric.id!r}: plugins must be a RulePlugins, not {type(plugins).__name__}")
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    for index, ref in enumerate(rubric.rules if refs is None else refs):
        at = f"rules[{index}]"
        if not isinstance(ref, RuleRef):
            problems.append(RuleProblem(RubricError(f"expected a RuleRef, not {type(ref).__name__}", path=at)))
            continue
        try:
            factory = plugins.factory(ref.name)
        except GovIndexError as error:
            problems.append(RuleProblem(_placed(error, f"{at}.name")))
            continue
        schema = getattr(factory, "schema", None)
        if schema is not None:
            found = check_params(schema, ref.params)
            if found:
                wrong = {problem.param for problem in found}
                found += _references(rubric, [param for param in schema if param.name not in wrong], ref.params)
                problems.extend(_error(problem, ref.name, at) for problem in sorted(found, key=_order(schema)))
                continue
        try:
            rule = plugins.resolve(ref)
        except GovIndexError as error:
            problems.append(RuleProblem(_placed(error, f"{at}.params" if ref.params else at)))
            continue
        found = _references(rubric, schema, ref.params) if schema is not None else []
        check = getattr(rule, "check_rubric", None)
        if not found and callable(check):
            found = list(check(rubric))
        problems.extend(_error(problem, ref.name, at) for problem in found)
        rules.append(rule)
    return tuple(rules), problems


def resolve_rubric_rules(rubric: Rubric) -> tuple[Rule, ...]:
    """The rubric's rules, built and checked; the first problem is raised (saying how many more there are)."""
    if not rubric.rules:
        return ()
    rules, problems = rule_problems(rubric)
    if problems:
        first = problems[0].error
        error = first_problem([problem.error for problem in problems])
        error.path = first.path
        raise error
    return rules


#: The agency facts (flags) a rule may read, with the value an agency has when nothing is said.
FLAG_DEFAULTS: dict[str, object] = {
    "has_subordinate_units": True,
    "has_online_services": True,
    "has_procedures": True,
    "special": False,
}


@attrs.frozen
class UnreadFact:
    """An agency fact given (a flag away from its default, or an attribute) that no rule of the rubric reads."""

    fact: str
    value: str
    group: str
    agencies: tuple[str, ...]
    why: str

    def message(self, shown: int = 5) -> str:
        """One line: the fact, the agencies that give it and why no rule reads it."""
        listed = ", ".join(self.agencies[:shown])
        if len(self.agencies) > shown:
            listed += f" and {len(self.agencies) - shown} more"
        return f"{self.fact}: {self.value} (agencies {listed}, group {self.group}) is read by no rule: {self.why}"


def _reads(rule: Any, rubric: Rubric, group: Group) -> tuple[str, ...] | None:
    """The agency facts ``rule`` reads for agencies of ``group``; ``None``: the rule does not say."""
    reads_in = getattr(rule, "reads_in", None)
    if callable(reads_in):
        return tuple(reads_in(rubric, group))
    reads = getattr(rule, "reads", None)
    if reads is None:
        return None
    return tuple(reads)


def _given_facts(agency: Any) -> list[tuple[str, str]]:
    facts = [
        (name, "true" if getattr(agency, name) else "false")
        for name, default in FLAG_DEFAULTS.items()
        if getattr(agency, name) != default
    ]
    if agency.not_applicable:
        facts.append(("not_applicable", ", ".join(sorted(agency.not_applicable))))
    facts.extend((f"attributes.{key}", str(value)) for key, value in sorted(agency.attributes.items()))
    return facts


def unread_facts(
    rubric: Rubric, assessments: Iterable[Any], rules: Sequence[Any] | None = None
) -> tuple[UnreadFact, ...]:
    """The agency facts given in ``assessments`` that no rule reads (default: the rubric's rules).

    A flag such as ``has_online_services: false`` is read only when a rule
    acts on it in the agency's group: ``proportional_imputation`` reads it
    where some node is tagged ``online_services``. Nothing is reported when a
    rule does not declare what it reads (``reads`` or ``reads_in``), since it
    might read anything.
    """
    rules = rubric.resolved_rules if rules is None else rules
    by_group: dict[str, set[str] | None] = {}
    declared: dict[str, list[str]] = {}  # fact -> rules that read it somewhere
    for group in rubric.groups:
        read: set[str] | None = set()
        for rule in rules:
            facts = _reads(rule, rubric, group)
            if facts is None:
                read = None
                break
            assert read is not None
            read.update(facts)
        by_group[group.id] = read
    for rule in rules:
        for fact in getattr(rule, "reads", None) or ():
            declared.setdefault(fact, []).append(rule.name)
    found: dict[tuple[str, str, str], list[str]] = {}
    for assessment in assessments:
        agency = assessment.agency
        read = by_group.get(agency.group)
        if read is None:
            continue
        for fact, value in _given_facts(agency):
            key = fact.removeprefix("attributes.")
            if key not in read:
                found.setdefault((fact, value, agency.group), []).append(agency.id)
    out: list[UnreadFact] = []
    for (fact, value, group_id), agencies in sorted(found.items()):
        readers = declared.get(fact.removeprefix("attributes."))
        if readers:
            tags = sorted(
                {str(rule.params.get("tag")) for rule in rules if rule.name in readers and rule.params.get("tag")}
            )
            tagged = f" is tagged {', '.join(tags)}" if tags else " is one the rule acts on"
            why = f"no node of group {group_id!r}{tagged}, so {', '.join(readers)} cannot act on it"
        else:
            why = "no rule of the rubric reads it"
        out.append(UnreadFact(fact, value, group_id, tuple(sorted(agencies)), why))
    return tuple(out)
