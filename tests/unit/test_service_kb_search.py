# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Chinese full-text search documents and queries built from character bigrams."""

import pytest
from crm_zz_service_tools import kb_search


def test_document_holds_characters_bigrams_and_latin_words():
    assert kb_search.document("空调不制冷 KFR-35") == ("空 调 不 制 冷 空调 调不 不制 制冷 kfr 35")


def test_full_width_text_is_normalised():
    assert kb_search.document("ＡＢＣ１２３") == "abc123"


def test_query_uses_bigrams_and_single_characters():
    assert kb_search.query_terms("空调 制冷，锅") == ["空调", "制冷", "锅"]
    assert kb_search.tsquery("空调制冷") == "'空调' & '调制' & '制冷'"
    assert kb_search.tsquery("空调 制冷", match_all=False) == "'空调' | '制冷'"


def test_every_query_term_is_in_the_document_of_the_same_text():
    text = "郑州市金水区客户反映设备无法开机"
    assert set(kb_search.query_terms(text)) <= set(kb_search.document(text).split())


def test_punctuation_only_is_an_empty_query():
    with pytest.raises(kb_search.EmptyQuery) as error:
        kb_search.tsquery("，。！ ' & |")
    assert error.value.value == "，。！ ' & |"
