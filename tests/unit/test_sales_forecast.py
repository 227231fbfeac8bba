# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Monthly won revenue forecast: trend, seasonality and the six-month backtest."""

import pytest
from crm_zz_sales_tools import forecast

# A known series: 10, 12, ..., 30 rising by 2 a month, then 36 instead of 32.
SERIES = [10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 36]


def test_backtest_mape_by_hand():
    # Hand computation of the backtest:
    # training = first 6 months 10..20: an exact line, intercept 10, slope 2;
    # it predicts months 7..12 as 22, 24, 26, 28, 30, 32;
    # actuals are 22, 24, 26, 28, 30, 36: errors 0, 0, 0, 0, 0 and 4/36 = 11.111 %;
    # MAPE = 11.111 % / 6 = 1.85185 %.
    assert forecast.backtest(SERIES) == pytest.approx(100 * (4 / 36) / 6)
    assert forecast.backtest(SERIES) == pytest.approx(1.85185, abs=1e-5)


def test_forecast_next_month_by_hand():
    # Hand computation of the fit on all 12 months (x = 0..11):
    # mean x = 5.5, sum y = 256, mean y = 64/3;
    # Sxx = 2 * (0.25 + 2.25 + 6.25 + 12.25 + 20.25 + 30.25) = 143;
    # the series is 10 + 2x plus 4 at x = 11, so Sxy = 2 * 143 + 4 * (11 - 5.5) = 308;
    # slope = 308 / 143 = 28/13, intercept = 64/3 - 28/13 * 5.5 = 370/39;
    # month 13 (x = 12): 370/39 + 12 * 28/13 = 1378/39 = 35.333...
    result = forecast.forecast(SERIES, horizon=2)
    assert result.values[0] == pytest.approx(1378 / 39)
    assert result.values[1] == pytest.approx(370 / 39 + 13 * 28 / 13)
    assert result.mape == pytest.approx(1.85185, abs=1e-5)
    assert not result.seasonal  # 12 months: trend only


def test_seasonality_needs_two_years():
    pattern = [80, 70, 90, 100, 100, 110, 100, 90, 100, 110, 120, 130]
    two_years = forecast.forecast(pattern + pattern, start_month=1, horizon=12)
    assert two_years.seasonal  # no trend, December peak
    assert two_years.values[11] > 1.6 * two_years.values[1]
    # the backtest of two years fits 18 months, too few for seasonality: poor
    assert two_years.mape > 5
    # with three years the backtest is seasonal too and the repeated pattern is found
    three_years = forecast.forecast(pattern * 3, start_month=1, horizon=12)
    assert three_years.mape < 5 < two_years.mape


def test_too_short_history_is_refused():
    with pytest.raises(forecast.NotEnoughHistory) as error:
        forecast.forecast([5, 6])
    assert error.value.value == 2
    assert forecast.backtest([1, 2, 3, 4, 5, 6, 7, 8]) is None


def test_zero_months_are_left_out_of_mape():
    assert forecast.mape([0, 10], [5, 5]) == pytest.approx(50)
    assert forecast.mape([0, 0], [1, 1]) is None


def test_forecast_never_negative():
    result = forecast.forecast([30, 20, 10, 0], horizon=3)
    assert all(value >= 0 for value in result.values)
