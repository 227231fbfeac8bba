# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer's lifecycle stage follows the date of its last deal."""

from datetime import date

import pytest
from crm_zz_customer_tools.lifecycle import InvalidThresholds, Thresholds, stage

TODAY = date(2026, 6, 30)
LIMITS = Thresholds(dormant_days=90, lost_days=365)


@pytest.mark.parametrize(
    ("last_deal", "expected"),
    [
        (None, "potential"),
        (date(2026, 6, 30), "active"),
        (date(2026, 4, 2), "active"),  # 89 days
        (date(2026, 4, 1), "dormant"),  # 90 days
        (date(2025, 7, 1), "dormant"),  # 364 days
        (date(2025, 6, 30), "lost"),  # 365 days
    ],
)
def test_stage_from_last_deal(last_deal, expected):
    assert stage(last_deal, TODAY, LIMITS) == expected


@pytest.mark.parametrize(("dormant", "lost"), [(0, 10), (100, 100), (200, 100)])
def test_thresholds_must_grow(dormant, lost):
    with pytest.raises(InvalidThresholds) as err:
        Thresholds(dormant, lost)
    assert (err.value.dormant_days, err.value.lost_days) == (dormant, lost)
