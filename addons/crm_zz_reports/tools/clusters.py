# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer clusters: k-means on value, industry, district and order mix, each
cluster named by the traits that set it apart.

Features of a customer (``CustomerFacts``):

- recency (days since the last invoice), frequency (invoices) and monetary
  (invoiced revenue, on a log scale so that one giant does not make its own
  cluster), each standardised over all customers;
- its industry and district, one-hot, and its order mix (share of its ordered
  revenue per product category), weighted by ``CATEGORY_WEIGHT`` so that the
  value figures lead.

k-means++ seeded with a fixed number: the same customers give the same clusters.
A trait is a standardised value figure whose cluster mean is at least
``TRAIT_THRESHOLD`` from the overall mean, or an industry, district or product
category shared by at least ``SHARE_THRESHOLD`` of the cluster.
"""

import math
from dataclasses import dataclass, field

import numpy as np

CATEGORY_WEIGHT = 0.5
TRAIT_THRESHOLD = 0.5
SHARE_THRESHOLD = 0.6
SEED = 2026

# trait codes, named by the model in the user's language
RECENT, DORMANT = "recent", "dormant"
FREQUENT, RARE = "frequent", "rare"
HIGH_VALUE, LOW_VALUE = "high_value", "low_value"


@dataclass(frozen=True)
class CustomerFacts:
    key: int
    recency_days: float = 0.0
    frequency: float = 0.0
    monetary: float = 0.0
    industry: str = ""
    district: str = ""
    order_mix: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Cluster:
    keys: tuple
    traits: tuple  # (code, value): code is one of the trait codes, or industry/district/category
    size: int
    mean_monetary: float
    mean_frequency: float
    mean_recency: float


def _standardise(column):
    std = column.std()
    return (column - column.mean()) / std if std > 0 else np.zeros_like(column)


def _one_hot(values):
    labels = sorted({v for v in values if v})
    matrix = np.zeros((len(values), len(labels)))
    for row, value in enumerate(values):
        if value:
            matrix[row, labels.index(value)] = 1.0
    return matrix, labels


def features(facts):
    """The feature matrix and the labels of its categorical columns."""
    value = np.column_stack(
        [
            _standardise(np.array([f.recency_days for f in facts], dtype=float)),
            _standardise(np.array([f.frequency for f in facts], dtype=float)),
            _standardise(np.array([math.log1p(max(f.monetary, 0.0)) for f in facts])),
        ]
    )
    industry, industries = _one_hot([f.industry for f in facts])
    district, districts = _one_hot([f.district for f in facts])
    categories = sorted({c for f in facts for c in f.order_mix})
    mix = np.array(
        [[f.order_mix.get(c, 0.0) for c in categories] for f in facts], dtype=float
    ).reshape(len(facts), len(categories))
    matrix = np.hstack(
        [value, CATEGORY_WEIGHT * industry, CATEGORY_WEIGHT * district, CATEGORY_WEIGHT * mix]
    )
    return matrix, (industries, districts, categories)


def kmeans(matrix, k, iterations=100, seed=SEED):
    """Labels of the rows: k-means with k-means++ seeding."""
    n = len(matrix)
    k = max(1, min(k, n))
    rng = np.random.default_rng(seed)
    centres = [matrix[rng.integers(n)]]
    for _ in range(1, k):
        dist = np.min([((matrix - c) ** 2).sum(axis=1) for c in centres], axis=0)
        total = dist.sum()
        if total == 0:
            break
        centres.append(matrix[rng.choice(n, p=dist / total)])
    centres = np.array(centres)
    labels = np.zeros(n, dtype=int)
    for _ in range(iterations):
        dist = ((matrix[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        new_labels = dist.argmin(axis=1)
        if (new_labels == labels).all() and _ > 0:
            break
        labels = new_labels
        for c in range(len(centres)):
            members = matrix[labels == c]
            if len(members):
                centres[c] = members.mean(axis=0)
    return labels


def cluster(facts, k):
    """The clusters of ``facts``, biggest first, each with its traits."""
    if not facts:
        return []
    matrix, (industries, districts, categories) = features(facts)
    labels = kmeans(matrix, k)
    result = []
    for label in sorted(set(labels.tolist())):
        rows = np.flatnonzero(labels == label)
        members = [facts[i] for i in rows]
        traits = []
        recency, frequency, monetary = matrix[rows, :3].mean(axis=0)
        for score, high, low in (
            (monetary, HIGH_VALUE, LOW_VALUE),
            (frequency, FREQUENT, RARE),
            (-recency, RECENT, DORMANT),
        ):
            if score >= TRAIT_THRESHOLD:
                traits.append((high, ""))
            elif score <= -TRAIT_THRESHOLD:
                traits.append((low, ""))
        for kind, labels_of_kind, getter in (
            ("industry", industries, lambda f: f.industry),
            ("district", districts, lambda f: f.district),
        ):
            for value in labels_of_kind:
                if sum(getter(f) == value for f in members) / len(members) >= SHARE_THRESHOLD:
                    traits.append((kind, value))
        for category in categories:
            share = sum(f.order_mix.get(category, 0.0) for f in members) / len(members)
            if share >= SHARE_THRESHOLD:
                traits.append(("category", category))
        result.append(
            Cluster(
                keys=tuple(f.key for f in members),
                traits=tuple(traits),
                size=len(members),
                mean_monetary=sum(f.monetary for f in members) / len(members),
                mean_frequency=sum(f.frequency for f in members) / len(members),
                mean_recency=sum(f.recency_days for f in members) / len(members),
            )
        )
    return sorted(result, key=lambda c: (-c.size, c.keys))
