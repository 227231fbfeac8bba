# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""RFM value analysis: quintile scores, the eight Chinese segments, Pareto, grade.

Pure Python. The scheduled action computes scores and the Pareto flag in one
SQL statement (``ntile(5)`` and a running sum); these functions are the
reference it is tested against, and the segment and grade tables the SQL joins.

- Recency: the more recent the last invoice, the higher the score.
- Frequency: the number of posted customer invoices.
- Monetary: invoiced revenue, refunds deducted.
A score of 3 or more (of 1–5) counts as high.
"""

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


def ntile(keys, buckets=5):
    """Bucket numbers 1..buckets like PostgreSQL's ``ntile`` over ``keys`` in order.

    ``keys`` is a list of hashable ids already sorted ascending by the measure;
    returns {key: bucket}. Earlier buckets get the extra rows, as in PostgreSQL.
    """
    count = len(keys)
    result = {}
    base, extra = divmod(count, buckets)
    index = 0
    for bucket in range(1, buckets + 1):
        size = base + (1 if bucket <= extra else 0)
        for key in keys[index : index + size]:
            result[key] = bucket
        index += size
    return result


def pareto(revenue, share=PARETO_SHARE):
    """The customers that make ``share`` of revenue.

    ``revenue`` maps a customer to its revenue. Customers are taken by revenue,
    largest first (ties by key); a customer is in the set while the revenue of
    those before it is still below the share of the total. Customers without
    positive revenue are never in it.
    """
    total = sum((Decimal(v) for v in revenue.values() if v > 0), Decimal(0))
    if total <= 0:
        return set()
    chosen = set()
    before = Decimal(0)
    for key, value in sorted(revenue.items(), key=lambda kv: (-kv[1], kv[0])):
        if value <= 0 or before >= total * share:
            break
        chosen.add(key)
        before += Decimal(value)
    return chosen
