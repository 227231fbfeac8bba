# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PIPL rules shared by data-subject requests and the retention schedule.

Which fields anonymising blanks and which it keeps, the name an anonymised record
gets, when a request is due (Arts. 44-47: 15 working days) and when a record has
outlived its retention period. Dates in, dates out; the working calendar is the
caller's (a predicate saying whether a day is a working day).
"""

import json
from datetime import date, datetime, timedelta
from decimal import Decimal

# PIPL Art. 50 and the national standard GB/T 35273 ask for an answer within 15
# working days of a data-subject request.
RESPONSE_WORKING_DAYS = 15
# An anonymised record's name: the same in every language, so that reports and
# exports say the same thing whoever runs them.
ANONYMISED_NAME = "已匿名化 #{id}"
# Fields blanked per model. Whatever is not listed survives: dates, amounts,
# stage, team, salesperson, district, zone, park and industry, so that the
# analyses still count the record.
BLANKED_FIELDS = {
    "res.partner": (
        "email",
        "phone",
        "mobile",
        "street",
        "street2",
        "city",
        "zip",
        "vat",
        "zz_resident_id_encrypted",
        "zz_resident_id_hash",
        "comment",
        "website",
        "function",
        "image_1920",
    ),
    "crm.lead": (
        "contact_name",
        "partner_name",
        "email_from",
        "phone",
        "mobile",
        "street",
        "street2",
        "city",
        "zip",
        "website",
        "function",
        "description",
        "zz_decision_maker",
    ),
    "helpdesk.ticket": ("partner_name", "partner_email"),
    "survey.user_input": ("email", "nickname"),
    "crm.zz.consent": ("address", "proof"),
}
# Required fields that take the anonymised name instead of nothing.
RENAMED_FIELDS = {
    "res.partner": ("name",),
    "crm.lead": ("name",),
    "helpdesk.ticket": ("name", "description"),
}
# What the General Settings say survives anonymisation (shown to the officer).
SURVIVING_FIELDS = ("dates", "amounts", "stage", "team", "salesperson", "district", "industry")
RETENTION_BATCH = 500


def anonymised_name(record_id):
    """The name an anonymised record carries: ``已匿名化 #42``."""
    return ANONYMISED_NAME.format(id=record_id)


def blank_values(model, present_fields):
    """The values that anonymise a record of ``model``: every blanked field the
    model has (``present_fields``), set to False."""
    return {name: False for name in BLANKED_FIELDS.get(model, ()) if name in present_fields}


def renamed_values(model, record_id):
    """The required fields of an anonymised record, set to its anonymised name."""
    name = anonymised_name(record_id)
    return {field: name for field in RENAMED_FIELDS.get(model, ())}


def proof_placeholder(event_id):
    """What stays of a consent event's proof: that there was one, not whose it was."""
    return f"[已匿名化] #{event_id}"


def counting_start(received):
    """The first day counted towards the deadline: the day after receipt. The
    working days themselves come from the company's calendar (``plan_days``)."""
    if isinstance(received, datetime):
        received = received.date()
    return received + timedelta(days=1)


def retention_cutoff(today, days):
    """Records last touched before this date have outlived ``days`` of retention;
    None when the period is not set (0: keep for ever)."""
    if not days or days < 0:
        return None
    return today - timedelta(days=days)


def keep_reason(is_company, has_posted_moves):
    """Why a partner must not be anonymised, or None.

    Accounting Law Art. 23 and the Accounting Archives Measures keep posted
    invoices and their counterparty for 30 years, which PIPL Art. 47 accepts as a
    legal retention period. A person named on posted documents is kept as well."""
    if has_posted_moves:
        return "company_posted" if is_company else "person_posted"
    return None


def jsonable(value):
    """A value of an exported record as JSON: dates in ISO 8601, amounts as text,
    binary left out."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return None
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def dump_json(data):
    """The export as UTF-8 JSON, Chinese kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=jsonable).encode("utf-8")


def chunks(ids, size=RETENTION_BATCH):
    """``ids`` in lists of ``size``."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]
