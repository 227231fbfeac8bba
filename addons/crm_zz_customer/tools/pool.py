# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Public pool (公海) recall: when a customer goes back to the pool. Pure Python.

A salesperson keeps a customer while he talks to it and sells to it: it goes
back to the pool ``days_without_contact`` days after the last interaction, or
``days_without_deal`` days after the last deal, counting from the day he got
the customer when there was none since. A rule with 0 days does not recall.
"""

from dataclasses import dataclass
from datetime import timedelta

RECALL = "recall"
WARN = "warn"
RESET = "reset"


@dataclass(frozen=True)
class RecallRule:
    days_without_contact: int = 0
    days_without_deal: int = 0


def _since(owner_since, event):
    """The later of the day the owner got the customer and the last event."""
    if event and event > owner_since:
        return event
    return owner_since


def recall_date(rule, owner_since, last_contact=None, last_deal=None):
    """The date the customer returns to the pool, or None if the rule never recalls."""
    dates = []
    if rule.days_without_contact > 0:
        dates.append(_since(owner_since, last_contact) + timedelta(rule.days_without_contact))
    if rule.days_without_deal > 0:
        dates.append(_since(owner_since, last_deal) + timedelta(rule.days_without_deal))
    return min(dates) if dates else None


def decide(due, today, warning_days, warned):
    """What the scheduled action does today with a customer due back on ``due``.

    RECALL when due, WARN (once) within ``warning_days`` before, RESET the
    warning when the customer is no longer close to recall, else None.
    """
    if due is None:
        return RESET if warned else None
    if due <= today:
        return RECALL
    if due <= today + timedelta(warning_days):
        return None if warned else WARN
    return RESET if warned else None


def as_date(value):
    """A date from a date or a datetime (or None)."""
    if value is None or value is False:
        return None
    return value.date() if hasattr(value, "date") and callable(value.date) else value
