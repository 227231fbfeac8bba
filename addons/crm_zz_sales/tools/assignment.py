# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pick the salesperson for a lead: rule matching, then the least loaded.

A member's rule lists districts, parks, industries and product categories; an
empty list accepts anything. Among the members whose every non-empty list
contains the lead's value, the most specific (most non-empty lists) are
preferred, so a member without rules only takes what no specialist can; among
those, the one with the fewest open leads wins, ties going to the member listed
first. A member at its cap (open leads >= cap, 0 = no cap) gets no more.
"""

from dataclasses import dataclass, field

RULE_KEYS = ("district", "park", "industry", "product")


@dataclass(frozen=True)
class LeadFacts:
    # a lead may lie in a district and a functional zone: give both as a set
    district: int | frozenset | None = None
    park: int | None = None
    industry: int | None = None
    products: frozenset = frozenset()


@dataclass
class Member:
    key: int
    rules: dict = field(default_factory=dict)  # RULE_KEYS -> set of ids
    load: int = 0
    cap: int = 0

    @property
    def specificity(self):
        return sum(1 for key in RULE_KEYS if self.rules.get(key))

    @property
    def full(self):
        return bool(self.cap) and self.load >= self.cap


def matches(member, lead):
    """Whether ``lead`` satisfies every non-empty rule of ``member``."""
    for key in RULE_KEYS:
        allowed = member.rules.get(key)
        if not allowed:
            continue
        value = lead.products if key == "product" else getattr(lead, key)
        if isinstance(value, set | frozenset):
            if not value & set(allowed):
                return False
        elif value not in allowed:
            return False
    return True


def pick(members, lead):
    """The most specific matching member with the lowest load under its cap, or None."""
    candidates = [m for m in members if not m.full and matches(m, lead)]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (-m.specificity, m.load))


def distribute(members, leads):
    """Assign ``leads`` (key -> LeadFacts) in order; return {lead key: member key}.

    Each assignment adds one to the chosen member's load, so the batch is spread.
    """
    result = {}
    for key, facts in leads.items():
        member = pick(members, facts)
        if member is None:
            continue
        member.load += 1
        result[key] = member.key
    return result
