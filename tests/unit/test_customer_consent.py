# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

import crm_zz_customer_tools.consent as consent
import pytest


def ev(channel, state, day, seq=0):
    return consent.ConsentEvent(channel, state, datetime(2026, 1, day), seq)


def test_no_event_means_unknown_and_no_contact():
    states = consent.current_states([])
    assert states == {c: "unknown" for c in consent.CHANNELS}
    assert not consent.may_contact(states["email"])


def test_latest_event_wins_whatever_the_order_they_arrive_in():
    states = consent.current_states(
        [ev("email", "withdrawn", 5), ev("email", "given", 2), ev("sms", "given", 1)]
    )
    assert states["email"] == "withdrawn"
    assert states["sms"] == "given"
    assert consent.may_contact(states["sms"])


def test_same_moment_the_later_recorded_wins():
    states = consent.current_states([ev("sms", "given", 3, seq=2), ev("sms", "withdrawn", 3, 1)])
    assert states["sms"] == "given"


@pytest.mark.parametrize(("channel", "state"), [("fax", "given"), ("email", "maybe")])
def test_unknown_channel_or_state_is_named(channel, state):
    with pytest.raises(consent.InvalidConsent) as info:
        consent.check_event(channel, state)
    assert info.value.value in (channel, state)
