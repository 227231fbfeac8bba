# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The privacy module's pure rules: deadline, retention cut-off, blanked fields."""

import json
from datetime import date, datetime
from decimal import Decimal

import crm_zz_privacy_tools.privacy as privacy


def test_deadline_counts_from_the_day_after_receipt():
    # received Wed 30 Sep 2026: the first day counted is Thu 1 Oct (if it is a working day)
    assert privacy.counting_start(date(2026, 9, 30)) == date(2026, 10, 1)
    assert privacy.counting_start(datetime(2026, 9, 30, 23, 0)) == date(2026, 10, 1)
    assert privacy.RESPONSE_WORKING_DAYS == 15


def test_retention_cutoff():
    assert privacy.retention_cutoff(date(2026, 12, 2), 365) == date(2025, 12, 2)
    assert privacy.retention_cutoff(date(2026, 12, 2), 0) is None


def test_blank_values_keep_analysis_fields():
    values = privacy.blank_values("crm.lead", {"email_from", "expected_revenue", "contact_name"})
    assert values == {"email_from": False, "contact_name": False}
    for model in privacy.BLANKED_FIELDS:
        for kept in ("expected_revenue", "date_closed", "zz_district_id", "zz_industry_id"):
            assert kept not in privacy.BLANKED_FIELDS[model]
    assert privacy.blank_values("unknown.model", {"name"}) == {}


def test_names_and_keep_reason():
    assert privacy.anonymised_name(42) == "已匿名化 #42"
    assert privacy.proof_placeholder(7) == "[已匿名化] #7"
    assert privacy.keep_reason(True, True) == "company_posted"
    assert privacy.keep_reason(False, True) == "person_posted"
    assert privacy.keep_reason(True, False) is None


def test_json_and_chunks():
    data = {
        "日期": date(2026, 9, 30),
        "金额": Decimal("12.50"),
        "图": b"x",
        "l": [date(2026, 1, 1)],
    }
    loaded = json.loads(privacy.dump_json(data).decode("utf-8"))
    assert loaded == {"日期": "2026-09-30", "金额": "12.50", "图": None, "l": ["2026-01-01"]}
    assert list(privacy.chunks(list(range(5)), 2)) == [[0, 1], [2, 3], [4]]


def test_required_fields_take_the_anonymised_name():
    assert privacy.renamed_values("helpdesk.ticket", 3) == {
        "name": "已匿名化 #3",
        "description": "已匿名化 #3",
    }
    assert privacy.renamed_values("survey.user_input", 3) == {}
    for model, names in privacy.RENAMED_FIELDS.items():
        assert not set(names) & set(privacy.BLANKED_FIELDS.get(model, ()))
