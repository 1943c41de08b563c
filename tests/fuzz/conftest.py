"""Hypothesis settings for the fuzz tests: CI-sized runs, no example database in the tree.

``TERMWISE_FUZZ_EXAMPLES`` raises the number of examples per test (``bench/fuzz.py`` runs
the same targets at 10,000 and more); hangs are caught by the per-example time limit in
``targets.run_reader``, so Hypothesis's own deadline is off (it would flag a slow first
call that only warms a cache).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "termwise-fuzz",
    max_examples=int(os.environ.get("TERMWISE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    database=None,
    derandomize=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)
settings.load_profile("termwise-fuzz")
