# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Assignment: rule matching, then the least-loaded member under its cap."""

from crm_zz_sales_tools import assignment as a


def test_rules_filter_and_the_specialist_wins_over_the_generalist():
    jinshui = a.Member(1, {"district": {41}}, load=3)
    anyone = a.Member(2, {}, load=1)
    erqi = a.Member(3, {"district": {42}}, load=0)
    assert a.pick([jinshui, anyone, erqi], a.LeadFacts(district=41)).key == 1
    assert a.pick([jinshui, anyone, erqi], a.LeadFacts(district=99)).key == 2
    assert a.pick([jinshui, erqi], a.LeadFacts(district=99)) is None


def test_least_loaded_among_equally_specific_members():
    busy = a.Member(1, {"district": {41}}, load=5)
    free = a.Member(2, {"district": {41, 42}}, load=2)
    assert a.pick([busy, free], a.LeadFacts(district=41)).key == 2
    both = a.Member(3, {"district": {41}, "industry": {7}}, load=9)
    assert a.pick([busy, free, both], a.LeadFacts(district=41, industry=7)).key == 3


def test_products_match_on_any_common_category():
    member = a.Member(1, {"product": {7, 8}})
    assert a.matches(member, a.LeadFacts(products=frozenset({8, 9})))
    assert not a.matches(member, a.LeadFacts(products=frozenset({9})))


def test_full_specialist_overflows_to_the_generalist():
    specialist = a.Member(1, {"district": {41}}, load=2, cap=2)
    anyone = a.Member(2, {}, load=10)
    assert a.pick([specialist, anyone], a.LeadFacts(district=41)).key == 2


def test_cap_stops_assignment_and_batch_is_balanced():
    one = a.Member(1, {}, load=0, cap=2)
    two = a.Member(2, {}, load=0)
    leads = {n: a.LeadFacts() for n in range(5)}
    result = a.distribute([one, two], leads)
    assert sorted(result.values()).count(1) == 2
    assert sorted(result.values()).count(2) == 3
    capped = a.Member(3, {}, load=2, cap=2)
    assert a.distribute([capped], {1: a.LeadFacts()}) == {}


def test_district_rule_accepts_the_lead_zone_too():
    zone_member = a.Member(1, {"district": {71}})
    lead = a.LeadFacts(district=frozenset({41, 71}))
    assert a.matches(zone_member, lead)
    assert not a.matches(zone_member, a.LeadFacts(district=frozenset({41})))
