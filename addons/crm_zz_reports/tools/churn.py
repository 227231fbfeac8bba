# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Churn risk of a customer from what the ERP knows, with its reasons.

The rule, each signal measured against the customer's own history:

- **Silence**: days since the last order against the customer's usual interval
  (the median gap between its orders). Up to 40 points: nothing until the usual
  interval has passed, 40 at three usual intervals.
- **Slowing down**: the mean of its last two gaps against the median of the
  earlier ones (needs four orders). Up to 20 points: from 1.25 times longer,
  20 at twice as long.
- **Smaller orders**: the mean of its last three orders against the mean of the
  earlier ones (needs four orders). Up to 15 points: from 20 % smaller, 15 at
  70 % smaller.
- **Overdue invoices**: 10 points when money is overdue.
- **Open complaints**: 5 points each, at most 10.
- **Falling satisfaction**: 5 points when the latest score is at least one point
  below the average of the earlier ones, 5 more when it is 2 or lower (on 1-5).

The score is the sum, at most 100. A customer with fewer than two orders has no
usual interval: it gets no score (``None``), which the screens say.

``backtest`` replays the rule on a past date with only what was known then and
checks who really stopped ordering afterwards.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import mean, median

HIGH = 60
MEDIUM = 30

SILENCE = "silence"
SLOWING = "slowing"
SMALLER = "smaller"
OVERDUE = "overdue"
COMPLAINTS = "complaints"
SATISFACTION = "satisfaction"


@dataclass(frozen=True)
class CustomerHistory:
    """What is known of one customer: its confirmed orders (date, amount), the
    overdue amount, its open complaints and its satisfaction scores (date, 1-5)."""

    orders: tuple = ()
    overdue_amount: float = 0.0
    open_complaints: int = 0
    satisfaction: tuple = ()

    def as_of(self, day):
        """The history as it was known on ``day`` (orders and scores before it)."""
        return CustomerHistory(
            orders=tuple(o for o in self.orders if o[0] < day),
            overdue_amount=0.0,
            open_complaints=0,
            satisfaction=tuple(s for s in self.satisfaction if s[0] < day),
        )


@dataclass(frozen=True)
class Reason:
    """One signal that added points; ``values`` are the figures behind it."""

    code: str
    points: int
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class ChurnScore:
    score: int
    reasons: tuple
    last_order: date
    usual_interval: float
    days_since_last: int

    @property
    def level(self):
        if self.score >= HIGH:
            return "high"
        if self.score >= MEDIUM:
            return "medium"
        return "low"


def _scale(value, start, full, points):
    """0 below ``start``, ``points`` from ``full`` on, linear between."""
    if value <= start:
        return 0
    if value >= full:
        return points
    return round(points * (value - start) / (full - start))


def score(history, today):
    """The churn score of one customer on ``today``, or None with fewer than two orders."""
    orders = sorted(history.orders)
    if len(orders) < 2:
        return None
    dates = [o[0] for o in orders]
    gaps = [(b - a).days for a, b in zip(dates, dates[1:], strict=False)]
    usual = max(median(gaps), 1)
    since = (today - dates[-1]).days
    reasons = []

    ratio = since / usual
    points = _scale(ratio, 1.0, 3.0, 40)
    if points:
        values = {"days": since, "usual": round(usual), "ratio": round(ratio, 1)}
        reasons.append(Reason(SILENCE, points, values))

    if len(gaps) >= 3:
        recent = mean(gaps[-2:])
        before = max(median(gaps[:-2]), 1)
        slowing = recent / before
        points = _scale(slowing, 1.25, 2.0, 20)
        if points:
            reasons.append(
                Reason(SLOWING, points, {"recent": round(recent), "before": round(before)})
            )

    if len(orders) >= 4:
        amounts = [float(o[1]) for o in orders]
        earlier = mean(amounts[:-3])
        if earlier > 0:
            drop = 1 - mean(amounts[-3:]) / earlier
            points = _scale(drop, 0.2, 0.7, 15)
            if points:
                reasons.append(Reason(SMALLER, points, {"drop": round(100 * drop)}))

    if history.overdue_amount > 0:
        reasons.append(Reason(OVERDUE, 10, {"amount": round(history.overdue_amount, 2)}))

    if history.open_complaints:
        reasons.append(
            Reason(
                COMPLAINTS,
                min(5 * history.open_complaints, 10),
                {"count": history.open_complaints},
            )
        )

    scores = [s[1] for s in sorted(history.satisfaction)]
    if scores:
        points = 0
        if len(scores) >= 2 and scores[-1] <= mean(scores[:-1]) - 1:
            points += 5
        if scores[-1] <= 2:
            points += 5
        if points:
            reasons.append(Reason(SATISFACTION, points, {"latest": scores[-1]}))

    total = min(sum(r.points for r in reasons), 100)
    return ChurnScore(
        score=total,
        reasons=tuple(sorted(reasons, key=lambda r: -r.points)),
        last_order=dates[-1],
        usual_interval=float(usual),
        days_since_last=since,
    )


@dataclass(frozen=True)
class Backtest:
    as_of: date
    horizon_days: int
    scored: int
    flagged: int
    churned: int
    caught: int

    @property
    def precision(self):
        """Of the customers flagged, the share that stopped ordering."""
        return 100.0 * self.caught / self.flagged if self.flagged else None

    @property
    def recall(self):
        """Of the customers that stopped ordering, the share flagged beforehand."""
        return 100.0 * self.caught / self.churned if self.churned else None


def backtest(histories, as_of, horizon_days=180, threshold=MEDIUM):
    """Score every customer on ``as_of`` with what was known then; a customer
    churned when it placed no order in the ``horizon_days`` that followed.
    Only customers scorable on ``as_of`` (two orders or more) count."""
    end = as_of + timedelta(days=horizon_days)
    scored = flagged = churned = caught = 0
    for history in histories:
        result = score(history.as_of(as_of), as_of)
        if result is None:
            continue
        scored += 1
        is_flagged = result.score >= threshold
        did_churn = not any(as_of <= o[0] < end for o in history.orders)
        flagged += is_flagged
        churned += did_churn
        caught += is_flagged and did_churn
    return Backtest(as_of, horizon_days, scored, flagged, churned, caught)
