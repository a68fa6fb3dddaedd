"""Shared test settings: hypothesis profiles and small fixtures.

Helpers used by several test modules go in ``tests/helpers.py``-style modules
of their own; this file only configures.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# ci: the same examples on every run (derandomized, no example database), a bounded number of them, and
# the failing example printed so that it can be replayed; dev: random examples, as a developer runs them.
settings.register_profile(
    "ci",
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    """Test data files that ship with the tests."""
    return DATA
