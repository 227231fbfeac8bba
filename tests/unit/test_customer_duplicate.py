# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pairs of look-alike customers become one group per company to merge."""

from crm_zz_customer_tools.duplicate import connected_groups


def test_chained_pairs_make_one_group():
    assert sorted(connected_groups([(3, 1), (1, 7), (9, 8)])) == [[1, 3, 7], [8, 9]]


def test_no_pairs_no_groups():
    assert connected_groups([]) == []


def test_repeated_pairs_do_not_repeat_ids():
    assert sorted(connected_groups([(1, 2), (2, 1), (1, 2)])) == [[1, 2]]
