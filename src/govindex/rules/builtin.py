"""The built-in methodology rules, by the name a rubric uses.

=============================== ===== ==========================================================
name                            year  what it does
=============================== ===== ==========================================================
``best_in_cohort``              2024  no subordinate units: the cohort's best score
``proportional_imputation``     2024  no online public services: points in proportion
``full_marks_if_not_applicable`` 2024 special agency: full marks outside its mandate
``exclude``                     2017  not assessed that year: out of ranks and statistics
``normalise``                   any   totals also published per 100 or on 0-1
``not_ranked``                  2023  assessed, not ranked: a special body, no public services
=============================== ===== ==========================================================
"""

from __future__ import annotations

from govindex.rules import RuleFactory
from govindex.rules.best_in_cohort import BestInCohort
from govindex.rules.exclude import Exclude
from govindex.rules.full_marks import FullMarksIfNotApplicable
from govindex.rules.normalise import Normalise
from govindex.rules.not_ranked import NotRankedByFact
from govindex.rules.proportional_imputation import ProportionalImputation, imputed_score

__all__ = [
    "BUILTIN_RULES",
    "BestInCohort",
    "Exclude",
    "FullMarksIfNotApplicable",
    "Normalise",
    "NotRankedByFact",
    "ProportionalImputation",
    "imputed_score",
]

#: Built-in rules by the name a rubric uses; each class is its own factory,
#: called as ``factory(legal_basis=..., **params)``.
BUILTIN_RULES: dict[str, RuleFactory] = {
    "best_in_cohort": BestInCohort,
    "proportional_imputation": ProportionalImputation,
    "full_marks_if_not_applicable": FullMarksIfNotApplicable,
    "exclude": Exclude,
    "normalise": Normalise,
    "not_ranked": NotRankedByFact,
}
