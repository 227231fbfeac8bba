# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Forecast monthly won revenue from history: linear trend, optional seasonality.

The trend is an ordinary least-squares line through the monthly totals. With at
least 24 months of history, a multiplicative seasonal index per calendar month
(mean of actual / trend for that month, normalised to average 1) is applied. The
backtest refits the model without the last six months and reports the mean
absolute percentage error (MAPE) of its forecast for those months, so a manager
knows how far to trust the figure.
"""

from dataclasses import dataclass

SEASONAL_MIN_MONTHS = 24
BACKTEST_MONTHS = 6
MIN_MONTHS = 3


class NotEnoughHistory(ValueError):
    """Fewer months of history than the method needs."""

    def __init__(self, field, value):
        super().__init__(f"not enough history for {field}: {value} months")
        self.field = field
        self.value = value


@dataclass(frozen=True)
class Model:
    intercept: float
    slope: float
    seasonal: tuple  # 12 indices by position in the cycle, or () without seasonality
    start_month: int  # calendar month (1-12) of the first value

    def predict(self, index):
        """Value at position ``index`` (0 = the first month of the history)."""
        value = self.intercept + self.slope * index
        if self.seasonal:
            value *= self.seasonal[(self.start_month - 1 + index) % 12]
        return max(0.0, value)


@dataclass(frozen=True)
class Forecast:
    values: tuple  # the next ``horizon`` months
    mape: float | None  # percent, None when the backtest cannot run
    seasonal: bool
    model: Model


def fit_trend(values):
    """Least-squares intercept and slope of ``values`` against 0..n-1."""
    n = len(values)
    if n < 2:
        raise NotEnoughHistory("trend", n)
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    sxx = sum((x - mean_x) ** 2 for x in range(n))
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    slope = sxy / sxx
    return mean_y - slope * mean_x, slope


def fit(values, start_month=1):
    """Fit the trend, and seasonality when there are 24 months or more."""
    if len(values) < MIN_MONTHS:
        raise NotEnoughHistory("forecast", len(values))
    intercept, slope = fit_trend(values)
    seasonal = ()
    if len(values) >= SEASONAL_MIN_MONTHS:
        ratios = [[] for _m in range(12)]
        for index, actual in enumerate(values):
            trend = intercept + slope * index
            if trend > 0:
                ratios[(start_month - 1 + index) % 12].append(actual / trend)
        raw = [sum(r) / len(r) if r else 1.0 for r in ratios]
        mean = sum(raw) / 12
        seasonal = tuple(r / mean for r in raw) if mean else ()
    return Model(intercept, slope, seasonal, start_month)


def mape(actuals, predictions):
    """Mean absolute percentage error in percent, skipping months with no actual."""
    pairs = [(a, p) for a, p in zip(actuals, predictions, strict=True) if a]
    if not pairs:
        return None
    return sum(abs(a - p) / abs(a) for a, p in pairs) / len(pairs) * 100


def backtest(values, start_month=1, months=BACKTEST_MONTHS):
    """MAPE of a model fitted without the last ``months`` values, on those values."""
    if len(values) < months + MIN_MONTHS:
        return None
    train = values[:-months]
    model = fit(train, start_month)
    predictions = [model.predict(len(train) + i) for i in range(months)]
    return mape(values[-months:], predictions)


def forecast(values, start_month=1, horizon=3):
    """Forecast the ``horizon`` months after ``values`` with its backtest MAPE."""
    values = [float(v) for v in values]
    model = fit(values, start_month)
    future = tuple(model.predict(len(values) + i) for i in range(horizon))
    return Forecast(future, backtest(values, start_month), bool(model.seasonal), model)
