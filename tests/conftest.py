"""Hypothesis profiles: a quick default for CI, and ``deep`` for soak runs.

Select with ``HYPOTHESIS_PROFILE=deep make test`` (at least 10,000 examples per property).
No deadline anywhere: tests must not depend on the wall clock of a noisy machine.
"""

import os

from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# tools/mutate.py (``make mutation``): the same examples on every run, no example database
# (a mutant's failures must not be replayed against the next mutant), no shrinking (a failure
# kills the mutant; the smallest example does not matter), 15 examples (most mutants die on the
# first few; each survivor runs every example of every property covering it).
settings.register_profile(
    "mutation",
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
