# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""RFM value analysis: quintile scores, the eight Chinese segments, Pareto, grade.

Pure Python. The scheduled action computes scores and the Pareto flag in one
SQL statement (``rank()`` and a running sum); these functions are the
reference it is tested against, and the segment and grade tables the SQL joins.

- Recency: the more recent the last invoice, the higher the score.
- Frequency: the number of posted customer invoices.
- Monetary: invoiced revenue, refunds deducted.
A score of 3 or more (of 1–5) counts as high.

Customers are ranked on their values only, never on anything else (such as the
order they were created in): customers with equal values get equal scores, the
same segment, the same Pareto flag and the same grade.
"""

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

HIGH_SCORE = 3
PARETO_SHARE = Decimal("0.8")

# (recency high, frequency high, monetary high) → segment code
SEGMENTS = {
    (True, True, True): "important_value",  # 重要价值客户
    (True, False, True): "important_develop",  # 重要发展客户
    (False, True, True): "important_keep",  # 重要保持客户
    (False, False, True): "important_retain",  # 重要挽留客户
    (True, True, False): "general_value",  # 一般价值客户
    (True, False, False): "general_develop",  # 一般发展客户
    (False, True, False): "general_keep",  # 一般保持客户
    (False, False, False): "general_retain",  # 一般挽留客户
}


class InvalidScore(ValueError):
    """A score outside 1–5."""

    def __init__(self, field, value):
        super().__init__(f"{field}: {value!r} is not a score from 1 to 5")
        self.field = field
        self.value = value


@dataclass(frozen=True)
class Scores:
    recency: int
    frequency: int
    monetary: int

    def __post_init__(self):
        for field in ("recency", "frequency", "monetary"):
            value = getattr(self, field)
            if not isinstance(value, int) or not 1 <= value <= 5:
                raise InvalidScore(field, value)


def segment(scores):
    """The segment code of a customer with these R, F, M scores."""
    return SEGMENTS[
        (
            scores.recency >= HIGH_SCORE,
            scores.frequency >= HIGH_SCORE,
            scores.monetary >= HIGH_SCORE,
        )
    ]


def grade(segment_code, is_pareto):
    """Grade A/B/C/D.

    A: among the customers that make 80 % of revenue and an important value or
    keep customer. B: any other Pareto customer, or an important segment.
    C: general value, develop or keep. D: general retain.
    """
    important = segment_code.startswith("important_")
    if is_pareto and segment_code in ("important_value", "important_keep"):
        return "a"
    if is_pareto or important:
        return "b"
    if segment_code != "general_retain":
        return "c"
    return "d"


def segment_table():
    """Every (R, F, M, pareto) combination with its segment and grade, for SQL."""
    rows = []
    for r in range(1, 6):
        for f in range(1, 6):
            for m in range(1, 6):
                code = segment(Scores(r, f, m))
                for is_pareto in (False, True):
                    rows.append((r, f, m, is_pareto, code, grade(code, is_pareto)))
    return rows


def quintiles(values, buckets=5):
    """Score 1..buckets of each customer from its value; equal values score equally.

    ``values`` maps a customer to its value (a date, count or amount; higher is
    better). A customer's score follows the share of the *other* customers whose
    value is strictly lower (PostgreSQL's ``percent_rank()``, in integers):
    ``1 + buckets * below // (count - 1)``, at most ``buckets``. The lowest value
    scores 1, the highest scores ``buckets`` unless about a fifth of the
    customers or more share it; a lone customer scores 1. Returns {customer: score}.
    """
    count = len(values)
    ordered = sorted(values.values())
    result = {}
    for key, value in values.items():
        below = bisect_left(ordered, value)
        result[key] = min(buckets, 1 + buckets * below // (count - 1)) if count > 1 else 1
    return result


def pareto(revenue, share=PARETO_SHARE):
    """The customers that make ``share`` of revenue.

    ``revenue`` maps a customer to its revenue. A customer with positive revenue
    is in the set while the revenue of the customers that invoiced strictly more
    than it is still below the share of the total: customers with equal revenue
    are in or out together. Customers without positive revenue are never in it.
    """
    positive = {key: Decimal(value) for key, value in revenue.items() if value > 0}
    total = sum(positive.values(), Decimal(0))
    before = {}
    running = Decimal(0)
    for value, count in sorted(Counter(positive.values()).items(), reverse=True):
        before[value] = running
        running += value * count
    return {key for key, value in positive.items() if before[value] < total * share}
