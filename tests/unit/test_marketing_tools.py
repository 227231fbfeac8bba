# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

import crm_zz_marketing_tools.roi as roi
import crm_zz_marketing_tools.segment as segment
import crm_zz_marketing_tools.sms_consent as sms_consent
import pytest


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("+8613800000001", True),
        ("138 0000 0001", True),
        ("86-139-1234-5678", True),
        ("+14155550100", False),
        ("0371-6788 1234", False),  # a Zhengzhou landline
        ("12800000001", False),
        ("", False),
        (None, False),
    ],
)
def test_only_mainland_mobiles(number, expected):
    assert sms_consent.is_china_mobile(number) is expected


@pytest.mark.parametrize(
    "reply", ["STOP", "stop", " T ", "TD", "R", "退订", "退订。", "请帮我退订", "拒收"]
)
def test_opt_out_replies(reply):
    assert sms_consent.is_opt_out_reply(reply)


@pytest.mark.parametrize("reply", ["好的", "Thanks", "RT", "多少钱？", "", None])
def test_other_replies_do_not_opt_out(reply):
    assert not sms_consent.is_opt_out_reply(reply)


def test_opt_out_notice_in_the_text():
    assert sms_consent.has_opt_out_notice("【宇通】新品上市。拒收请回复R")
    assert sms_consent.has_opt_out_notice("【宇通】新品上市，回T退订")
    assert not sms_consent.has_opt_out_notice("【宇通】新品上市，欢迎选购")


def test_roi_is_undefined_without_cost():
    assert roi.roi(50000, 0) is None
    assert roi.roi(50000, 10000) == 4.0
    assert roi.roi(0, 10000) == -1.0
    assert roi.ratio(1, 0) is None


def test_paid_share_of_untaxed_amount():
    assert roi.paid_untaxed(100000, 113000, 56500) == 50000
    assert roi.paid_untaxed(100000, 113000, 0) == 100000
    assert roi.paid_untaxed(-1000, -1130, 0) == -1000  # a refunded credit note
    assert roi.paid_untaxed(0, 0, 0) == 0


def test_funnel_rates_from_previous_step():
    steps = roi.funnel([("送达", 100), ("点击", 20), ("线索", 5), ("商机", 0), ("赢单", 0)])
    assert [rate for _label, _count, rate in steps] == [None, 0.2, 0.25, 0.0, None]


def test_segment_domain_combines_criteria():
    criteria = segment.SegmentCriteria(
        zone_ids=[7],
        industry_ids=[3, 1],
        grades=["a"],
        min_amount=10000,
        last_order_after=date(2026, 1, 1),
    )
    assert segment.build_domain(criteria) == [
        ("is_company", "=", True),
        ("zz_zone_id", "in", [7]),
        ("industry_id", "in", [1, 3]),
        ("zz_grade", "in", ["a"]),
        ("zz_rfm_monetary", ">=", 10000),
        ("zz_last_deal_date", ">=", "2026-01-01"),
    ]
    assert segment.build_domain(segment.SegmentCriteria(kind="all")) == []


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"min_amount": 5000, "max_amount": 1000}, "max_amount"),
        ({"min_amount": -1}, "min_amount"),
        (
            {"last_contact_after": date(2026, 5, 1), "last_contact_before": date(2026, 1, 1)},
            "last_contact_before",
        ),
        ({"kind": "robot"}, "kind"),
    ],
)
def test_inconsistent_criteria_name_the_field(values, field):
    with pytest.raises(segment.InvalidCriterion) as info:
        segment.build_domain(segment.SegmentCriteria(**values))
    assert info.value.field == field
