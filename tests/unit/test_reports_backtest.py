# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Forecast backtest: absolute and percentage error per month and the MAPE, by hand."""

import pytest
from crm_zz_reports_tools.backtest import backtest_error


def test_three_months_by_hand():
    # Jan: 100 forecast, 80 won -> 20 off, 25 %
    # Feb: 50 forecast, 100 won -> 50 off, 50 %
    # Mar: 30 forecast, nothing won -> 30 off, no percentage
    result = backtest_error([(100.0, 80.0), (50.0, 100.0), (30.0, 0.0)])
    assert result.forecast == 180.0
    assert result.actual == 180.0
    assert result.abs_error == 100.0
    assert result.pct_error == pytest.approx(100.0 / 180.0 * 100.0)
    assert result.mape == pytest.approx(37.5)
    assert result.months == 3


def test_nothing_won_has_no_percentage():
    result = backtest_error([(10.0, 0.0), (None, None)])
    assert result.abs_error == 10.0
    assert result.pct_error is None
    assert result.mape is None


def test_no_month_at_all():
    result = backtest_error([])
    assert (result.abs_error, result.pct_error, result.mape, result.months) == (0.0, None, None, 0)
