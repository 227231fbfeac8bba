# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Industries as people write them find Odoo's industries."""

import pytest
from crm_zz_customer_tools import district, industry
from crm_zz_customer_tools import import_parser as ip

ODOO = {"Manufacturing": 1, "IT/Communication": 2, "Transportation/Logistics": 3}
CHOICES = ip.build_choices(
    industry.synonym_pairs(ODOO, ip.choice_key),
    strong=[*ODOO.items(), ("制造", 1), ("IT/通信", 2), ("运输/物流", 3)],
)
COLUMN = ip.Column(
    "industry",
    "行业",
    kind="choice",
    choices=CHOICES,
    matcher=lambda text, choices: industry.close_match(text, choices, ip.choice_key),
)


@pytest.mark.parametrize(
    ("written", "industry_id"),
    [
        ("制造业", 1),
        ("制造", 1),
        ("Manufacturing", 1),
        ("信息技术", 2),
        ("it/通信", 2),
        ("物流", 3),
        ("运输物流", 3),  # close to 运输/物流
        ("机械制造业", 1),  # a synonym without 业
    ],
)
def test_industry_as_written(written, industry_id):
    assert ip.convert(COLUMN, written) == industry_id


def test_unknown_industry_is_unknown():
    with pytest.raises(ip.InvalidCell) as err:
        ip.convert(COLUMN, "航天")
    assert err.value.code == "unknown_value"


def test_park_short_names():
    assert district.park_aliases("中国（郑州）智能传感谷") == ["智能传感谷"]
    assert district.park_aliases("龙子湖智慧岛（中原龙子湖智慧岛）") == [
        "龙子湖智慧岛",
        "中原龙子湖智慧岛",
    ]
    assert district.park_aliases("云湖大数据产业园") == ["云湖大数据"]
