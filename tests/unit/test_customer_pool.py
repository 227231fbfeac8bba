# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer goes back to the public pool after N days without contact or M without a deal."""

from datetime import date, datetime

from crm_zz_customer_tools.pool import RecallRule, as_date, decide, recall_date

RULE = RecallRule(days_without_contact=30, days_without_deal=90)
GOT = date(2026, 1, 1)


def test_counts_from_the_day_the_owner_got_it():
    assert recall_date(RULE, GOT) == date(2026, 1, 31)


def test_a_recent_contact_postpones_but_the_deal_clock_still_runs():
    assert recall_date(RULE, GOT, last_contact=date(2026, 3, 20)) == date(2026, 4, 1)
    assert recall_date(RULE, GOT, date(2026, 3, 20), date(2026, 3, 1)) == date(2026, 4, 19)


def test_events_before_the_owner_got_it_do_not_count():
    assert recall_date(RULE, GOT, last_contact=date(2025, 12, 1)) == date(2026, 1, 31)


def test_zero_days_disables_a_clock():
    assert recall_date(RecallRule(0, 90), GOT) == date(2026, 4, 1)
    assert recall_date(RecallRule(0, 0), GOT) is None


def test_decide_recall_warn_once_and_reset():
    due = date(2026, 1, 31)
    assert decide(due, date(2026, 1, 31), 7, False) == "recall"
    assert decide(due, date(2026, 1, 24), 7, False) == "warn"
    assert decide(due, date(2026, 1, 24), 7, True) is None
    assert decide(due, date(2026, 1, 10), 7, False) is None
    assert decide(due, date(2026, 1, 10), 7, True) == "reset"
    assert decide(None, date(2026, 1, 10), 7, True) == "reset"


def test_as_date():
    assert as_date(datetime(2026, 1, 2, 3, 4)) == date(2026, 1, 2)
    assert as_date(date(2026, 1, 2)) == date(2026, 1, 2)
    assert as_date(False) is None
