# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""BANT lead scoring: budget, authority, need, timeline and purchase intent.

Each factor is rated on a four-level scale (``none``, ``low``, ``medium``,
``high``); its share of the score is its weight. The score is 0-100 and comes
with one line per factor, so a salesperson sees why a lead scores what it does.
"""

from dataclasses import dataclass

FACTORS = ("budget", "authority", "need", "timeline", "intent")
LEVELS = {"none": 0.0, "low": 1 / 3, "medium": 2 / 3, "high": 1.0}
DEFAULT_WEIGHTS = {"budget": 25, "authority": 20, "need": 25, "timeline": 15, "intent": 15}


class InvalidWeight(ValueError):
    """A weight is negative, unknown, or all weights are zero."""

    def __init__(self, field, value):
        super().__init__(f"invalid weight for {field}: {value!r}")
        self.field = field
        self.value = value


@dataclass(frozen=True)
class FactorScore:
    factor: str
    level: str
    weight: int
    points: float  # share of the 0-100 score this factor earned


@dataclass(frozen=True)
class BantResult:
    score: int
    factors: tuple  # of FactorScore, in FACTORS order


def check_weights(weights):
    """Return the weights as ints for every factor, or raise InvalidWeight."""
    clean = {}
    for factor in FACTORS:
        value = weights.get(factor, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidWeight(factor, value)
        clean[factor] = value
    unknown = set(weights) - set(FACTORS)
    if unknown:
        name = sorted(unknown)[0]
        raise InvalidWeight(name, weights[name])
    if not sum(clean.values()):
        raise InvalidWeight("total", 0)
    return clean


def score_bant(levels, weights=None):
    """Score a lead from its BANT levels (missing or empty level = ``none``).

    ``points`` of a factor = weight / total weight * 100 * level ratio; the
    score is the rounded sum of the points (half up), always within 0-100.
    """
    weights = check_weights(DEFAULT_WEIGHTS if weights is None else weights)
    total = sum(weights.values())
    factors = []
    for factor in FACTORS:
        level = levels.get(factor) or "none"
        if level not in LEVELS:
            raise ValueError(f"unknown level for {factor}: {level!r}")
        points = weights[factor] * 100 / total * LEVELS[level]
        factors.append(FactorScore(factor, level, weights[factor], round(points, 1)))
    raw = sum(weights[f.factor] * 100 / total * LEVELS[f.level] for f in factors)
    score = int(raw + 0.5 + 1e-9)
    return BantResult(min(100, max(0, score)), tuple(factors))


def blend(bant_score, probability, bant_share=50):
    """Blend the BANT score with Odoo's predictive probability (both 0-100)."""
    share = min(100, max(0, bant_share)) / 100
    return round(share * bant_score + (1 - share) * (probability or 0.0), 2)
