# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""BANT score: 0-100 with one explained line per factor, weights configurable."""

import pytest
from crm_zz_sales_tools import scoring


def test_all_high_is_100_and_empty_is_0():
    high = dict.fromkeys(scoring.FACTORS, "high")
    assert scoring.score_bant(high).score == 100
    assert scoring.score_bant({}).score == 0


def test_points_per_factor_explain_the_score():
    # default weights 25/20/25/15/15: budget high = 25, authority medium = 13.3,
    # need high = 25, timeline low = 5, intent none = 0 -> 68.3 -> 68
    result = scoring.score_bant(
        {"budget": "high", "authority": "medium", "need": "high", "timeline": "low"}
    )
    points = {f.factor: f.points for f in result.factors}
    assert points == {"budget": 25, "authority": 13.3, "need": 25, "timeline": 5, "intent": 0}
    assert result.score == 68


def test_weights_are_configurable():
    only_budget = {"budget": 1, "authority": 0, "need": 0, "timeline": 0, "intent": 0}
    assert scoring.score_bant({"budget": "medium"}, only_budget).score == 67
    assert scoring.score_bant({"need": "high"}, only_budget).score == 0


@pytest.mark.parametrize(
    "weights",
    [
        {"budget": -1},
        {"budget": 0, "authority": 0, "need": 0, "timeline": 0, "intent": 0},
        {"budget": 10, "colour": 5},
    ],
)
def test_bad_weights_are_refused(weights):
    with pytest.raises(scoring.InvalidWeight):
        scoring.score_bant({}, weights)


def test_blend_mixes_bant_and_probability():
    assert scoring.blend(80, 40) == 60
    assert scoring.blend(80, 40, bant_share=100) == 80
    assert scoring.blend(80, None, bant_share=0) == 0
