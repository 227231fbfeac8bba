# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Consent to marketing (PIPL Arts. 13-15): the current state from its history.

A partner's consent per channel is never edited: every grant and every withdrawal is
an event, and the state is that of the latest event (by date, then by the order in
which the events were recorded). No event at all means "unknown", which counts as
no consent: only "given" lets marketing reach the partner.
"""

from dataclasses import dataclass
from datetime import datetime

CHANNELS = ("email", "sms", "phone", "wechat")
GIVEN = "given"
WITHDRAWN = "withdrawn"
UNKNOWN = "unknown"


class InvalidConsent(ValueError):
    """A consent event that cannot be recorded; carries the field and the value."""

    def __init__(self, field, value):
        super().__init__(f"{field}: {value!r}")
        self.field = field
        self.value = value


@dataclass(frozen=True)
class ConsentEvent:
    channel: str
    state: str
    date: datetime
    sequence: int = 0


def check_event(channel, state):
    """Raise InvalidConsent unless the channel and state are known."""
    if channel not in CHANNELS:
        raise InvalidConsent("channel", channel)
    if state not in (GIVEN, WITHDRAWN):
        raise InvalidConsent("state", state)


def current_states(events):
    """Return {channel: state} for every channel, from an iterable of ConsentEvent."""
    latest = {}
    for event in events:
        key = (event.date, event.sequence)
        if event.channel not in latest or key >= latest[event.channel][0]:
            latest[event.channel] = (key, event.state)
    return {channel: latest[channel][1] if channel in latest else UNKNOWN for channel in CHANNELS}


def may_contact(state):
    """Marketing may reach a partner on a channel only with consent given."""
    return state == GIVEN
