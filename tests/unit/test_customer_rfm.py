# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""RFM scores give the eight Chinese segments, a Pareto set and a grade."""

from datetime import date
from decimal import Decimal

import pytest
from crm_zz_customer_tools.rfm import (
    InvalidScore,
    Scores,
    grade,
    pareto,
    quintiles,
    segment,
    segment_table,
)


@pytest.mark.parametrize(
    ("r", "f", "m", "expected"),
    [
        (5, 5, 5, "important_value"),  # 重要价值客户
        (4, 1, 3, "important_develop"),  # 重要发展客户
        (2, 3, 5, "important_keep"),  # 重要保持客户
        (1, 2, 4, "important_retain"),  # 重要挽留客户
        (3, 3, 2, "general_value"),  # 一般价值客户
        (5, 1, 1, "general_develop"),  # 一般发展客户
        (1, 5, 2, "general_keep"),  # 一般保持客户
        (2, 2, 2, "general_retain"),  # 一般挽留客户
    ],
)
def test_each_of_the_eight_segments(r, f, m, expected):
    assert segment(Scores(r, f, m)) == expected


def test_three_is_already_high():
    assert segment(Scores(3, 3, 3)) == "important_value"
    assert segment(Scores(2, 2, 3)) == "important_retain"


@pytest.mark.parametrize("bad", [0, 6, "5", None])
def test_scores_outside_one_to_five_are_refused(bad):
    with pytest.raises(InvalidScore) as err:
        Scores(bad, 3, 3)
    assert err.value.field == "recency"
    assert err.value.value == bad


def test_quintiles_of_distinct_values_are_fifths():
    # twenty customers, all different: four per score
    scores = quintiles({f"c{i:02}": i for i in range(20)})
    assert [scores[f"c{i:02}"] for i in range(20)] == [1] * 4 + [2] * 4 + [3] * 4 + [4] * 4 + [
        5
    ] * 4


def test_equal_values_get_equal_scores_whatever_the_key():
    # issue 9: four customers with identical invoices must not get four scores
    values = {"a": 10, "z": 10, "m": 10, "b": 10, "low": 1, "high": 99}
    scores = quintiles(values)
    assert {scores[key] for key in "azmb"} == {2}
    assert scores["low"] == 1
    assert scores["high"] == 5
    assert set(quintiles({key: 7 for key in "abcd"}).values()) == {1}


def test_quintiles_rank_dates_and_amounts():
    scores = quintiles({"old": date(2025, 1, 1), "new": date(2026, 6, 1), "same": date(2026, 6, 1)})
    assert scores == {"old": 1, "new": 3, "same": 3}
    assert quintiles({"x": Decimal("5")}) == {"x": 1}
    assert quintiles({}) == {}


def test_pareto_takes_the_biggest_customers_up_to_eighty_percent():
    # total 1000: 500 (before 0), 300 (before 500), 100 (before 800: stop)
    revenue = {"a": 500, "b": 300, "c": 100, "d": 60, "e": 40}
    assert pareto(revenue) == {"a", "b"}


def test_pareto_includes_the_customer_that_crosses_the_line():
    # total 100: 50 (before 0), 25 (before 50), 25 (before 75 < 80: in)
    assert pareto({"a": 50, "b": 25, "c": 25}) == {"a", "b", "c"}


def test_pareto_keeps_equal_customers_together():
    # total 100: a (before 0); b, c, d each have 70 invoiced by bigger customers,
    # below 80: all three are in, whichever comes first by key
    assert pareto({"a": 70, "d": 10, "b": 10, "c": 10}) == {"a", "b", "c", "d"}
    # total 100: 50 (before 0); 20 and 20 (before 50); 10 (before 90: out)
    assert pareto({"a": 50, "y": 20, "x": 20, "b": 10}) == {"a", "x", "y"}


def test_pareto_ignores_refunds_and_handles_nothing():
    assert pareto({"a": Decimal("10"), "b": Decimal("-5")}) == {"a"}
    assert pareto({}) == set()
    assert pareto({"a": 0}) == set()


def test_grade_from_segment_and_pareto():
    assert grade("important_value", True) == "a"
    assert grade("important_keep", True) == "a"
    assert grade("general_develop", True) == "b"
    assert grade("important_retain", False) == "b"
    assert grade("general_value", False) == "c"
    assert grade("general_retain", False) == "d"


def test_segment_table_covers_every_combination():
    table = segment_table()
    assert len(table) == 5 * 5 * 5 * 2
    assert (5, 5, 5, True, "important_value", "a") in table
    assert (1, 1, 1, False, "general_retain", "d") in table
