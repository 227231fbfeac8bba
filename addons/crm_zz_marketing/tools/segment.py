# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer segment as a res.partner domain.

Criteria left empty do not filter. Several values of one criterion are alternatives
(district 金水区 or 二七区); different criteria must all hold (district and grade).
The domain holds only plain values (ids, strings, ISO dates) so that it can be stored
as a mailing's ``mailing_domain`` and evaluated again when the mailing is sent.
"""

from dataclasses import dataclass, field
from datetime import date

KINDS = ("company", "person", "all")


class InvalidCriterion(ValueError):
    def __init__(self, field_name, value):
        super().__init__(f"{field_name}: {value!r}")
        self.field = field_name
        self.value = value


@dataclass
class SegmentCriteria:
    district_ids: list = field(default_factory=list)
    zone_ids: list = field(default_factory=list)
    park_ids: list = field(default_factory=list)
    industry_ids: list = field(default_factory=list)
    tag_ids: list = field(default_factory=list)
    salesperson_ids: list = field(default_factory=list)
    grades: list = field(default_factory=list)
    rfm_segments: list = field(default_factory=list)
    lifecycles: list = field(default_factory=list)
    kind: str = "company"
    min_amount: float = 0.0
    max_amount: float = 0.0
    last_order_after: date | None = None
    last_order_before: date | None = None
    last_contact_after: date | None = None
    last_contact_before: date | None = None


def _check(criteria):
    if criteria.kind not in KINDS:
        raise InvalidCriterion("kind", criteria.kind)
    if criteria.min_amount < 0:
        raise InvalidCriterion("min_amount", criteria.min_amount)
    if criteria.max_amount < 0:
        raise InvalidCriterion("max_amount", criteria.max_amount)
    if criteria.max_amount and criteria.min_amount > criteria.max_amount:
        raise InvalidCriterion("max_amount", criteria.max_amount)
    for low, high in (
        ("last_order_after", "last_order_before"),
        ("last_contact_after", "last_contact_before"),
    ):
        after, before = getattr(criteria, low), getattr(criteria, high)
        if after and before and after > before:
            raise InvalidCriterion(high, before.isoformat())


def build_domain(criteria):
    """Return the res.partner domain (a list) selecting the segment's customers."""
    _check(criteria)
    domain = []
    if criteria.kind == "company":
        domain.append(("is_company", "=", True))
    elif criteria.kind == "person":
        domain.append(("is_company", "=", False))
    for fname, values in (
        ("zz_district_id", criteria.district_ids),
        ("zz_zone_id", criteria.zone_ids),
        ("zz_park_id", criteria.park_ids),
        ("industry_id", criteria.industry_ids),
        ("category_id", criteria.tag_ids),
        ("user_id", criteria.salesperson_ids),
        ("zz_grade", criteria.grades),
        ("zz_rfm_segment", criteria.rfm_segments),
        ("zz_lifecycle", criteria.lifecycles),
    ):
        if values:
            domain.append((fname, "in", sorted(values)))
    if criteria.min_amount:
        domain.append(("zz_rfm_monetary", ">=", criteria.min_amount))
    if criteria.max_amount:
        domain.append(("zz_rfm_monetary", "<=", criteria.max_amount))
    if criteria.last_order_after:
        domain.append(("zz_last_deal_date", ">=", criteria.last_order_after.isoformat()))
    if criteria.last_order_before:
        domain.append(("zz_last_deal_date", "<=", criteria.last_order_before.isoformat()))
    if criteria.last_contact_after:
        domain.append(
            ("zz_last_contact_date", ">=", f"{criteria.last_contact_after.isoformat()} 00:00:00")
        )
    if criteria.last_contact_before:
        domain.append(
            ("zz_last_contact_date", "<=", f"{criteria.last_contact_before.isoformat()} 23:59:59")
        )
    return domain
