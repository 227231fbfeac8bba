# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Churn risk: two customers scored by hand, the single-order rule, the backtest."""

from datetime import date, timedelta

import pytest
from crm_zz_reports_tools import churn

TODAY = date(2026, 12, 1)


def monthly(start, count, amount=10000, gap=30):
    return tuple((start + timedelta(days=gap * i), amount) for i in range(count))


def test_steady_customer_scores_zero():
    # ordered every 30 days, last order 10 days ago
    orders = monthly(TODAY - timedelta(days=10 + 30 * 5), 6)
    result = churn.score(churn.CustomerHistory(orders=orders), TODAY)
    assert result.score == 0
    assert result.reasons == ()
    assert result.usual_interval == 30
    assert result.level == "low"


def test_leaving_customer_by_hand():
    # gaps 30, 30, 30, 45, 75 (median 30); last order 90 days ago;
    # amounts 10000 x3 then 5000, 4000, 3000.
    start = TODAY - timedelta(days=90 + 75 + 45 + 90)
    dates = [start + timedelta(days=d) for d in (0, 30, 60, 90, 135, 210)]
    amounts = [10000, 10000, 10000, 5000, 4000, 3000]
    history = churn.CustomerHistory(
        orders=tuple(zip(dates, amounts, strict=True)),
        overdue_amount=1200.0,
        open_complaints=1,
        satisfaction=((date(2026, 3, 1), 5), (date(2026, 6, 1), 4), (date(2026, 10, 1), 2)),
    )
    result = churn.score(history, TODAY)
    # silence: 90 / 30 = 3.0 usual intervals -> full 40
    # slowing: last two gaps mean (45 + 75) / 2 = 60 against median(30, 30, 30) = 30:
    #          2.0 times -> full 20
    # smaller: last three mean 4000 against 10000: 60 % smaller -> 15 * (0.6 - 0.2) / 0.5 = 12
    # overdue 10, one complaint 5, satisfaction 2 <= 4.5 - 1 and <= 2 -> 10
    points = {r.code: r.points for r in result.reasons}
    assert points == {
        churn.SILENCE: 40,
        churn.SLOWING: 20,
        churn.SMALLER: 12,
        churn.OVERDUE: 10,
        churn.COMPLAINTS: 5,
        churn.SATISFACTION: 10,
    }
    assert result.score == 97
    assert result.level == "high"
    assert result.reasons[0].code == churn.SILENCE
    assert result.days_since_last == 90


def test_single_order_has_no_score():
    history = churn.CustomerHistory(orders=((date(2026, 1, 1), 5000),), overdue_amount=99)
    assert churn.score(history, TODAY) is None
    assert churn.score(churn.CustomerHistory(), TODAY) is None


def test_score_is_capped():
    orders = ((date(2020, 1, 1), 1), (date(2020, 1, 2), 1))
    history = churn.CustomerHistory(orders=orders, overdue_amount=1, open_complaints=9)
    result = churn.score(history, TODAY)
    assert result.score == 40 + 10 + 10


def test_backtest_precision_and_recall():
    as_of = date(2026, 6, 1)
    # A: steady until as_of and goes on ordering -> not flagged, not churned
    steady = churn.CustomerHistory(orders=monthly(date(2025, 12, 15), 12))
    # B: silent for 100 days before as_of and never comes back -> flagged, churned
    gone = churn.CustomerHistory(orders=monthly(date(2025, 10, 1), 3))
    # C: silent too, but orders again in July -> flagged, not churned
    back = churn.CustomerHistory(orders=monthly(date(2025, 10, 1), 3) + ((date(2026, 7, 1), 1),))
    # D: steady until as_of, then stops -> not flagged, churned
    stops = churn.CustomerHistory(orders=monthly(date(2026, 1, 10), 5))
    # E: one order only -> not scored
    single = churn.CustomerHistory(orders=((date(2026, 1, 1), 1),))
    result = churn.backtest([steady, gone, back, stops, single], as_of, horizon_days=120)
    assert (result.scored, result.flagged, result.churned, result.caught) == (4, 2, 2, 1)
    assert result.precision == pytest.approx(50.0)
    assert result.recall == pytest.approx(50.0)


def test_backtest_without_flags():
    result = churn.backtest([], date(2026, 1, 1))
    assert result.precision is None and result.recall is None
