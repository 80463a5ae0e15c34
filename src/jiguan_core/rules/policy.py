"""The scheduling view of the one :class:`~jiguan_core.policy.Policy`.

``SchedulingPolicy`` is the former name of the policy every area now shares: it still switches
scheduling rules off, changes their parameters and levels and declares blackouts, and the same
object now also carries the other areas' settings.
"""

from jiguan_core.policy import Blackout, Policy

#: The former name of :class:`~jiguan_core.policy.Policy`.
SchedulingPolicy = Policy

__all__ = ["Blackout", "SchedulingPolicy"]
