# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Full-text search for Chinese without a Chinese word segmenter.

PostgreSQL's parsers do not segment Chinese (no zhparser here): a whole sentence
would become one "word". We index overlapping character bigrams instead (plus
single characters, so one-character queries still match) and Latin words and
numbers as they are; the document is a space-separated string that the built-in
``simple`` text search configuration turns into a ``tsvector`` under a GIN index.
A query is split the same way: every bigram must match (AND) for a search, any may
match (OR, ranked) for suggestions. Standard library only.
"""

import re
import unicodedata

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]+|[0-9a-z]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


class EmptyQuery(ValueError):
    """The query holds nothing searchable (only punctuation or spaces)."""

    def __init__(self, value):
        super().__init__(f"nothing to search in {value!r}")
        self.value = value


def _runs(text):
    text = unicodedata.normalize("NFKC", text or "").lower()
    return _TOKEN.findall(text)


def _bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)] or [run]


def document(*texts):
    """The indexable document of some texts: unigrams and bigrams of Chinese runs,
    Latin words and numbers as they are, separated by spaces."""
    tokens = []
    for text in texts:
        for run in _runs(text):
            if _IS_CJK.match(run):
                tokens.extend(run)
                if len(run) > 1:
                    tokens.extend(_bigrams(run))
            else:
                tokens.append(run)
    return " ".join(tokens)


def query_terms(text):
    """The distinct terms a query must (or may) match, in order of appearance."""
    terms = []
    for run in _runs(text):
        for term in _bigrams(run) if _IS_CJK.match(run) else [run]:
            if term not in terms:
                terms.append(term)
    return terms


def tsquery(text, match_all=True):
    """A ``to_tsquery('simple', ...)`` argument. Terms only hold letters and digits,
    so quoting them is safe; the result is still passed as a query parameter."""
    terms = query_terms(text)
    if not terms:
        raise EmptyQuery(text)
    return (" & " if match_all else " | ").join(f"'{term}'" for term in terms)
