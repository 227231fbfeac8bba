# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Backtest error of a revenue forecast: how far each month's forecast was from
what was won, and the mean absolute percentage error (MAPE) over the months."""

from dataclasses import dataclass


@dataclass(frozen=True)
class BacktestError:
    forecast: float
    actual: float
    # sum over the months of |forecast - actual|
    abs_error: float
    # abs_error against what was won, in %; None when nothing was won
    pct_error: float | None
    # mean over the months with revenue won of |forecast - actual| / actual, in %;
    # None when no month had revenue won (a percentage of zero is undefined)
    mape: float | None
    months: int


def backtest_error(monthly):
    """``monthly``: iterable of (forecast, actual) pairs, one per month.

    Each month's error is taken on that month's totals, never on parts of it
    (salespeople, teams), so that errors of opposite sign within a month cancel
    out as they do in the company's figures."""
    forecast = actual = abs_error = 0.0
    percentages = []
    months = 0
    for month_forecast, month_actual in monthly:
        month_forecast = month_forecast or 0.0
        month_actual = month_actual or 0.0
        months += 1
        error = abs(month_forecast - month_actual)
        forecast += month_forecast
        actual += month_actual
        abs_error += error
        if month_actual > 0:
            percentages.append(error / month_actual * 100.0)
    return BacktestError(
        forecast=forecast,
        actual=actual,
        abs_error=abs_error,
        pct_error=abs_error / actual * 100.0 if actual > 0 else None,
        mape=sum(percentages) / len(percentages) if percentages else None,
        months=months,
    )
