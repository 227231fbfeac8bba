# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""China SMS rules of crm_zz_marketing (Alibaba Cloud SMS), without Odoo."""

import json
from datetime import datetime, timezone

import pytest
from crm_zz_marketing_tools import aliyun_sms


@pytest.mark.parametrize(
    "number",
    [
        "+8613812345678",
        "+86 138 1234 5678",
        "008613812345678",
        "8613812345678",
        "13812345678",
        "199-1234-5678",
    ],
)
def test_mainland_mobiles_are_accepted_as_11_digits(number):
    assert aliyun_sms.china_mobile(number) in {"13812345678", "19912345678"}


@pytest.mark.parametrize(
    "number",
    [
        "+8612812345678",  # 12x is not a mobile prefix
        "+86 371 6555 1234",  # Zhengzhou landline
        "+85291234567",  # Hong Kong
        "+14155550123",
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "",
        None,
    ],
)
def test_other_numbers_are_refused_with_the_value(number):
    with pytest.raises(aliyun_sms.InvalidChinaMobile) as info:
        aliyun_sms.china_mobile(number)
    assert info.value.number == number


def test_one_segment_up_to_70_characters_then_parts_of_67():
    assert aliyun_sms.segment_count("") == 0
    assert aliyun_sms.segment_count("短" * 70) == 1
    assert aliyun_sms.segment_count("短" * 71) == 2
    assert aliyun_sms.segment_count("短" * 134) == 2
    assert aliyun_sms.segment_count("短" * 135) == 3
    # latin letters, digits and spaces count like Chinese characters
    assert aliyun_sms.segment_count("a 1" * 24) == 2


def test_recipient_text_counts_sign_and_opt_out_for_marketing():
    text = aliyun_sms.recipient_text("您好，新品到店", "郑州测试", marketing=True)
    assert text == "【郑州测试】您好，新品到店拒收请回复R"
    # the opt-out text is not doubled when the body already carries it
    assert (
        aliyun_sms.recipient_text("新品到店拒收请回复R", "", marketing=True)
        == "新品到店拒收请回复R"
    )
    assert aliyun_sms.recipient_text("验证码1234", "郑州测试") == "【郑州测试】验证码1234"
    # 62 characters of body + 6 of sign + 6 of opt-out: over 70, two parts
    assert (
        aliyun_sms.segment_count(aliyun_sms.recipient_text("字" * 62, "郑州测试", marketing=True))
        == 2
    )


def test_template_param_json_keeps_order_and_chinese():
    assert aliyun_sms.template_param_json([("name", "张三"), ("code", 1234), ("empty", None)]) == (
        '{"name":"张三","code":"1234","empty":""}'
    )
    assert json.loads(aliyun_sms.template_param_json([])) == {}
    with pytest.raises(aliyun_sms.InvalidParamKey) as info:
        aliyun_sms.template_param_json([("客户", "x")])
    assert info.value.key == "客户"


def test_send_date_is_the_day_in_china():
    # 17:30 UTC is 01:30 the next day in Zhengzhou
    assert aliyun_sms.send_date(datetime(2026, 12, 1, 17, 30)) == "20261202"
    assert aliyun_sms.send_date(datetime(2026, 12, 1, 15, 59, tzinfo=timezone.utc)) == "20261201"


def test_find_detail_by_out_id():
    details = [{"out_id": "a", "n": 1}, {"out_id": "b", "n": 2}]
    assert aliyun_sms.find_detail(details, "b") == {"out_id": "b", "n": 2}
    assert aliyun_sms.find_detail(details, "c") is None
