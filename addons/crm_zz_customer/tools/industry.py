# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Match what people write for an industry to Odoo's industries.

Files say 制造业, 信息技术 or 物流 where Odoo names its industries
Manufacturing (制造), IT/Communication (IT/通信), Transportation/Logistics
(运输/物流). A synonym names the English name of Odoo's industry (the same in
every language); failing that, a close match (difflib) on the names known.
Pure Python, used by the import engine.
"""

import difflib

# common words -> the English name of an industry of base's data
SYNONYMS = {
    "Manufacturing": ("制造业", "制造", "工业", "加工", "加工制造", "生产制造", "机械制造"),
    "IT/Communication": (
        "信息技术",
        "信息技术服务",
        "信息传输",
        "软件",
        "软件和信息技术服务业",
        "软件开发",
        "互联网",
        "通信",
        "通讯",
        "电子信息",
        "it",
        "ict",
    ),
    "Transportation/Logistics": ("物流", "运输", "交通运输", "仓储", "快递", "货运", "供应链"),
    "Construction": ("建筑", "建筑业", "施工", "工程", "建筑施工", "建材"),
    "Real Estate": ("房地产", "房地产业", "地产", "物业"),
    "Finance/Insurance": ("金融", "金融业", "保险", "银行", "证券", "投资"),
    "Education": ("教育", "培训", "教育培训", "学校"),
    "Health/Social": ("医疗", "卫生", "医疗卫生", "医院", "健康", "养老", "社会工作"),
    "Food/Hospitality": ("餐饮", "酒店", "住宿", "住宿和餐饮业", "食品", "旅游"),
    "Wholesale/Retail": ("批发", "零售", "批发和零售业", "商贸", "贸易", "电商", "商业"),
    "Agriculture": ("农业", "农林牧渔", "农林牧渔业", "林业", "渔业", "畜牧", "养殖"),
    "Mining": ("采矿", "采矿业", "矿业", "煤炭"),
    "Energy supply": ("能源", "电力", "燃气", "新能源", "热力"),
    "Water supply": ("供水", "水务", "环保", "污水处理"),
    "Public Administration": ("政府", "机关", "事业单位", "公共管理", "政府机关"),
    "Scientific": ("科研", "科学研究", "研究院", "检测", "技术服务"),
    "Entertainment": ("文化", "娱乐", "传媒", "文化传媒", "体育", "广告"),
    "Administrative/Utilities": ("租赁", "商务服务", "人力资源", "咨询"),
    "Other Services": ("服务", "服务业", "其他服务", "居民服务"),
}
CLOSE_MATCH_CUTOFF = 0.75


def synonym_pairs(names_by_english, key):
    """[(synonym, industry)] for the industries present, from their English
    names ({English name: industry}); ``key`` normalises a text."""
    pairs = []
    for english, words in SYNONYMS.items():
        if english in names_by_english:
            pairs.extend((word, names_by_english[english]) for word in words)
    return pairs


def close_match(text, choices, key, cutoff=CLOSE_MATCH_CUTOFF):
    """The value of the key of ``choices`` closest to ``text`` (difflib), when
    one value is clearly the closest; raises KeyError otherwise. A text
    ending in 业 (制造业) is also tried without it."""
    wanted = key(text)
    candidates = [wanted]
    if wanted.endswith("业") and len(wanted) > 2:
        candidates.append(wanted[:-1])
    keys = [k for k in choices if isinstance(k, str)]
    for candidate in candidates:
        if candidate in choices:
            return choices[candidate]
        matches = difflib.get_close_matches(candidate, keys, n=3, cutoff=cutoff)
        if not matches:
            continue
        values = []
        for match in matches:
            ratio = difflib.SequenceMatcher(None, candidate, match).ratio()
            values.append((ratio, match))
        best_ratio = values[0][0]
        best = {repr(choices[m]) for r, m in values if r == best_ratio}
        if len(best) == 1:
            return choices[values[0][1]]
    raise KeyError(text)
