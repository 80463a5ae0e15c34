"""Holiday duty rosters (节假日值班、领导带班), REGULATIONS Y1: see :mod:`jiguan_core.duty.roster`."""

from __future__ import annotations

from jiguan_core.catalogue.duty import DUTY_COVER, DUTY_FAIR, DUTY_REST, DUTY_RULES
from jiguan_core.duty.roster import (
    DutyDay,
    DutyGroup,
    DutyRoster,
    RosterIssue,
    duty_days,
    duty_roster,
    spring_festival_days,
)

__all__ = [
    "DUTY_COVER",
    "DUTY_FAIR",
    "DUTY_REST",
    "DUTY_RULES",
    "DutyDay",
    "DutyGroup",
    "DutyRoster",
    "RosterIssue",
    "duty_days",
    "duty_roster",
    "spring_festival_days",
]
