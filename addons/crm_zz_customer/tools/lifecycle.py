# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Lifecycle stage of a customer from the date of its last deal.

A deal is a confirmed sale order or a posted customer invoice. Pure Python.
"""

from dataclasses import dataclass

POTENTIAL = "potential"
ACTIVE = "active"
DORMANT = "dormant"
LOST = "lost"


class InvalidThresholds(ValueError):
    """Dormant and lost thresholds that do not make sense together."""

    def __init__(self, dormant_days, lost_days):
        super().__init__(f"dormant after {dormant_days} days, lost after {lost_days} days")
        self.dormant_days = dormant_days
        self.lost_days = lost_days


@dataclass(frozen=True)
class Thresholds:
    dormant_days: int = 180
    lost_days: int = 365

    def __post_init__(self):
        if self.dormant_days <= 0 or self.lost_days <= self.dormant_days:
            raise InvalidThresholds(self.dormant_days, self.lost_days)


def stage(last_deal, today, thresholds):
    """The stage of a customer whose last deal was on ``last_deal`` (a date or None).

    ``today`` and ``last_deal`` are ``datetime.date`` values.

    Never bought: potential. Bought less than ``dormant_days`` ago: active.
    Less than ``lost_days`` ago: dormant. Otherwise: lost.
    """
    if not last_deal:
        return POTENTIAL
    days = (today - last_deal).days
    if days < thresholds.dormant_days:
        return ACTIVE
    if days < thresholds.lost_days:
        return DORMANT
    return LOST
