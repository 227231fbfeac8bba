# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Match what people write for a place in Zhengzhou to a district record.

Imported files say "金水区", "金水", "410105" or "郑州市金水区"; all of them mean
the same county-level division. Pure Python, used by the import engine.
"""

import re
from dataclasses import dataclass

CITY_PREFIXES = ("河南省", "郑州市", "郑州")


@dataclass(frozen=True)
class Place:
    """A district or zone as the matcher sees it."""

    key: int
    name: str
    short_name: str = ""
    code: str = ""
    stat_code: str = ""


class UnknownPlace(ValueError):
    """Raised when a value names no known district or zone."""

    def __init__(self, value):
        super().__init__(value)
        self.value = value


def normalize(value):
    """Strip blanks, full-width spaces and the province/city prefix."""
    text = str(value or "").replace("\u3000", "").replace(" ", "").strip()
    for prefix in CITY_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    return text


def build_index(places):
    """Map every way of writing a place (name, short name, codes) to its key."""
    index = {}
    for place in places:
        for alias in (place.name, place.short_name, place.code, place.stat_code):
            alias = normalize(alias)
            if alias:
                index.setdefault(alias, place.key)
    return index


def match_place(value, index):
    """Return the key of the place ``value`` names, None for an empty value.

    Raises UnknownPlace when the value is not empty and names nothing known.
    """
    text = normalize(value)
    if not text:
        return None
    if text in index:
        return index[text]
    raise UnknownPlace(value)


PARK_PREFIXES = ("中国(郑州)", "河南省", "河南", "郑州市", "郑州")
PARK_SUFFIXES = ("产业园区", "产业园", "园区")


def park_aliases(name):
    """The short ways people write a park's name: without 中国（郑州）/郑州 in
    front and 产业园区/园区 behind ("中国（郑州）智能传感谷" → "智能传感谷")."""
    raw = str(name or "").replace("\u3000", "").replace(" ", "").strip()
    text = raw.replace("（", "(").replace("）", ")")
    aliases = []
    bracket = re.fullmatch(r"(.+?)\((.+)\)", text)
    if bracket:  # 龙子湖智慧岛（中原龙子湖智慧岛）: both names
        text = bracket[1]
        aliases += [bracket[1], bracket[2]]
    for prefix in PARK_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix) :]
            aliases.append(text)
            break
    for suffix in PARK_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            aliases.append(text[: -len(suffix)])
            break
    return [alias for alias in dict.fromkeys(aliases) if alias != raw]
