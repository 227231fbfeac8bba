# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer clusters: two obvious groups found and named, the same every time."""

from crm_zz_reports_tools import clusters

BIG = [
    clusters.CustomerFacts(i, 10 + i, 20 + i, 900000 + i, "制造业", "金水区", {"机床": 1.0})
    for i in range(3)
]
SMALL = [
    clusters.CustomerFacts(10 + i, 300 + i, 1 + i % 2, 5000 + i, "零售", "中原区", {"耗材": 1.0})
    for i in range(3)
]


def test_two_groups_found_and_named():
    result = clusters.cluster(BIG + SMALL, 2)
    groups = {frozenset(c.keys): c for c in result}
    assert set(groups) == {frozenset({0, 1, 2}), frozenset({10, 11, 12})}
    big = groups[frozenset({0, 1, 2})]
    small = groups[frozenset({10, 11, 12})]
    assert {clusters.HIGH_VALUE, clusters.FREQUENT, clusters.RECENT} <= {t for t, _ in big.traits}
    assert ("industry", "制造业") in big.traits
    assert ("category", "机床") in big.traits
    assert {clusters.LOW_VALUE, clusters.RARE, clusters.DORMANT} <= {t for t, _ in small.traits}
    assert ("district", "中原区") in small.traits


def test_deterministic_and_bounded():
    facts = BIG + SMALL
    first = clusters.cluster(facts, 3)
    assert first == clusters.cluster(facts, 3)
    assert len(clusters.cluster(facts[:2], 5)) <= 2
    assert clusters.cluster([], 3) == []
