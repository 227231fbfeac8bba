# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Duplicate customers: normalised keys, the as-you-type warning, the search.

Keys are stored and indexed so that the warning is one indexed query and the
search over all customers is set-based SQL: exact groups by credit code and
phone, then names by trigram similarity within bounded blocks.
"""

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import create_index

from ..tools import duplicate, normalize

# pg_trgm's similarity operator, escaped for psycopg2 (SQL() takes no "%%").
TRGM_SIMILAR = SQL("%%")
# pg_trgm's own default for the % operator; the name threshold cannot go lower.
TRGM_MIN_THRESHOLD = 0.3
DEFAULT_NAME_THRESHOLD = 0.4
# A trigram shared by more customers than this does not make them candidates
# (Chinese company names share 科技, 商贸...): it bounds the pairs compared.
DEFAULT_BLOCK_SIZE = 60
# Names one character apart count as similar from this length of the name key:
# shorter keys are too often two real companies (华润 / 华联). Raising it to 5
# trades recall for fewer groups to review: see bench/customer_duplicates_bench.py.
DEFAULT_EDIT_MIN_LENGTH = 4
DUPLICATE_KEY_FIELDS = [
    "zz_credit_code",
    "zz_phone_key",
    "zz_mobile_key",
    "zz_name_key",
    "parent_id",
]
DUPLICATE_REASONS = [
    ("credit_code", "Same Credit Code"),
    ("phone", "Same Phone"),
    ("name", "Similar Name"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Keys
    zz_phone_key = fields.Char(
        string="Normalized Phone",
        compute="_compute_zz_duplicate_keys",
        store=True,
        index="btree_not_null",
        help="Phone in E.164 (+86...), used to find duplicates.",
    )
    zz_mobile_key = fields.Char(
        string="Normalized Mobile",
        compute="_compute_zz_duplicate_keys",
        store=True,
        index="btree_not_null",
        help="Mobile in E.164 (+86...), used to find duplicates.",
    )
    zz_name_key = fields.Char(
        string="Name Key",
        compute="_compute_zz_duplicate_keys",
        store=True,
        help="Name without city prefix, legal form, blanks and brackets; "
        "compared by trigram similarity (GIN index).",
    )

    # Warning on the form
    # A hint while typing, that may name a customer the user cannot open: not
    # exported (an export reads the name with the user's rights).
    zz_same_partner_id = fields.Many2one(
        "res.partner",
        string="Possible Duplicate",
        compute="_compute_zz_same_partner",
        exportable=False,
    )
    zz_same_partner_reason = fields.Selection(
        DUPLICATE_REASONS,
        string="Duplicate Reason",
        compute="_compute_zz_same_partner",
        exportable=False,
    )

    def init(self):
        res = super().init()
        # pg_trgm is a trusted extension: the database owner may create it.
        self.env.cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        # levenshtein(): one wrong character in a short Chinese name leaves
        # too few trigrams in common (汉森食品 / 汉林食品: similarity 0.25)
        self.env.cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS fuzzystrmatch"))
        # Not fields.Char(index="trigram"): Odoo creates that index only when
        # pg_trgm existed before the registry loaded, and wraps it in unaccent()
        # when unaccent is on, which the similarity queries here do not use.
        create_index(
            self.env.cr,
            "res_partner_zz_name_key_trgm_index",
            self._table,
            ["zz_name_key gin_trgm_ops"],
            method="gin",
        )
        return res

    @api.depends("name", "phone", "mobile")
    def _compute_zz_duplicate_keys(self):
        for partner in self:
            partner.zz_phone_key = self._zz_phone_key(partner.phone)
            partner.zz_mobile_key = self._zz_phone_key(partner.mobile)
            partner.zz_name_key = normalize.name_key(partner.name) or False

    @api.model
    def _zz_phone_key(self, number):
        try:
            return normalize.normalize_phone(number) or False
        except normalize.InvalidValue:
            return False

    @api.depends(
        "zz_credit_code", "zz_phone_key", "zz_mobile_key", "zz_name_key", "company_id", "parent_id"
    )
    def _compute_zz_same_partner(self):
        """Like base's same_vat_partner_id: a non-blocking hint, one query for all."""
        self.zz_same_partner_id = False
        self.zz_same_partner_reason = False
        checked = self.filtered(
            lambda p: not p.parent_id
            and (p.zz_credit_code or p.zz_phone_key or p.zz_mobile_key or p.zz_name_key)
        )
        if not checked:
            return
        rows = [
            (
                index,
                partner._origin.id or 0,
                partner.company_id.id or 0,
                self._zz_credit_code_key(partner.zz_credit_code),
                partner.zz_phone_key or None,
                partner.zz_mobile_key or None,
                partner.zz_name_key or None,
            )
            for index, partner in enumerate(checked)
        ]
        matches = dict(self._zz_find_similar(rows))
        Partner = self.with_context(active_test=False).sudo()  # sudo: name the other one
        for index, partner in enumerate(checked):
            if index in matches:
                match_id, reason = matches[index]
                partner.zz_same_partner_id = Partner.browse(match_id)
                partner.zz_same_partner_reason = reason

    @api.model
    def _zz_credit_code_key(self, code):
        """The code as stored, also while it is typed (the form has not saved it)."""
        try:
            return normalize.normalize_uscc(code) or None
        except normalize.InvalidValue:
            return None

    @api.model
    def _zz_name_threshold(self):
        param = (
            self.env["ir.config_parameter"]
            .sudo()  # sudo: read-only setting
            .get_param("crm_zz_customer.duplicate_name_similarity", DEFAULT_NAME_THRESHOLD)
        )
        try:
            return max(float(param), TRGM_MIN_THRESHOLD)
        except ValueError:
            return DEFAULT_NAME_THRESHOLD

    @api.model
    def _zz_find_similar(self, rows):
        """[(index, (partner id, reason))] for rows of
        (index, own id, company id, credit code, phone key, mobile key, name key).

        One query: each row looks up its best match through the credit code,
        phone and trigram indexes (a BitmapOr), credit code first, then phone,
        then the most similar name.
        """
        columns = list(zip(*rows, strict=True))
        self.env["res.partner"].flush_model(DUPLICATE_KEY_FIELDS + ["company_id"])
        query = SQL(
            """
            SELECT v.idx, m.id, m.reason
              FROM unnest(%(idx)s::int[], %(own)s::int[], %(company)s::int[],
                          %(code)s::varchar[], %(phone)s::varchar[],
                          %(mobile)s::varchar[], %(name)s::varchar[])
                   AS v(idx, own, company, code, phone, mobile, name_key)
        CROSS JOIN LATERAL (
                SELECT p.id,
                       CASE WHEN p.zz_credit_code = v.code THEN 'credit_code'
                            WHEN p.zz_phone_key IN (v.phone, v.mobile)
                              OR p.zz_mobile_key IN (v.phone, v.mobile) THEN 'phone'
                            ELSE 'name' END AS reason,
                       CASE WHEN p.zz_credit_code = v.code THEN 0
                            WHEN p.zz_phone_key IN (v.phone, v.mobile)
                              OR p.zz_mobile_key IN (v.phone, v.mobile) THEN 1
                            ELSE 2 END AS rank,
                       similarity(p.zz_name_key, v.name_key) AS score
                  FROM res_partner p
                 WHERE p.id != v.own
                   AND p.parent_id IS DISTINCT FROM v.own
                   AND (v.company = 0 OR p.company_id IS NULL OR p.company_id = v.company)
                   AND (p.zz_credit_code = v.code
                        OR p.zz_phone_key IN (v.phone, v.mobile)
                        OR p.zz_mobile_key IN (v.phone, v.mobile)
                        OR (p.zz_name_key %(op)s v.name_key
                            AND similarity(p.zz_name_key, v.name_key) >= %(threshold)s))
              ORDER BY rank, score DESC NULLS LAST, p.id
                 LIMIT 1
           ) m
            """,
            idx=list(columns[0]),
            own=list(columns[1]),
            company=list(columns[2]),
            code=list(columns[3]),
            phone=list(columns[4]),
            mobile=list(columns[5]),
            name=list(columns[6]),
            op=TRGM_SIMILAR,
            threshold=self._zz_name_threshold(),
        )
        rows = self.env.execute_query(query)
        return [(idx, (partner_id, reason)) for idx, partner_id, reason in rows]

    # Search over all customers

    @api.model
    def _zz_find_duplicate_groups(self, criteria=("credit_code", "phone", "name"), limit=None):
        """Groups of active customers (no parent) that look like the same one.

        Returns a list of sorted partner id lists, largest groups first. Exact
        keys group directly; names are compared by trigram similarity within
        blocks of customers sharing a rare trigram, and linked pairs are merged
        into groups (union-find).
        """
        self.flush_model(DUPLICATE_KEY_FIELDS + ["active"])
        pairs = []
        if "credit_code" in criteria:
            pairs += self._zz_exact_pairs(SQL("zz_credit_code"))
        if "phone" in criteria:
            pairs += self._zz_exact_pairs(SQL("zz_phone_key"), SQL("zz_mobile_key"))
        if "name" in criteria:
            pairs += self._zz_similar_name_pairs()
        groups = duplicate.connected_groups(pairs)
        groups.sort(key=lambda ids: (-len(ids), ids[0]))
        return groups[:limit] if limit else groups

    @api.model
    def _zz_exact_pairs(self, *columns):
        """(first id, other id) for every customer sharing a key with another."""
        keys = SQL(" UNION ALL ").join(
            SQL(
                "SELECT id, %s AS k FROM res_partner "
                "WHERE active AND parent_id IS NULL AND %s IS NOT NULL",
                column,
                column,
            )
            for column in columns
        )
        query = SQL(
            """
            SELECT ids FROM (
                SELECT array_agg(DISTINCT id ORDER BY id) AS ids FROM (%s) keys GROUP BY k
            ) g WHERE cardinality(ids) > 1
            """,
            keys,
        )
        return [(ids[0], other) for (ids,) in self.env.execute_query(query) for other in ids[1:]]

    @api.model
    def _zz_similar_name_pairs(self):
        """Pairs of customers with similar names, compared within rare-trigram blocks.

        Similar: trigram similarity over the threshold, or one character apart
        for keys of DEFAULT_EDIT_MIN_LENGTH characters or more (two from ten).
        """
        params = self.env["ir.config_parameter"].sudo()  # sudo: read-only settings
        block_size = int(
            params.get_param("crm_zz_customer.duplicate_block_size", DEFAULT_BLOCK_SIZE)
        )
        query = SQL(
            """
            WITH base AS MATERIALIZED (
                SELECT id, zz_name_key AS k FROM res_partner
                 WHERE active AND parent_id IS NULL AND zz_name_key IS NOT NULL
            ), grams AS MATERIALIZED (
                SELECT id, unnest(show_trgm(k)) AS g FROM base
            ), blocks AS MATERIALIZED (
                SELECT g, array_agg(id) AS ids FROM grams
              GROUP BY g HAVING count(*) BETWEEN 2 AND %(block_size)s
            ), candidates AS (
                SELECT DISTINCT a.id AS a, b.id AS b
                  FROM blocks, unnest(blocks.ids) a(id), unnest(blocks.ids) b(id)
                 WHERE a.id < b.id
            )
            SELECT c.a, c.b FROM candidates c
              JOIN base x ON x.id = c.a
              JOIN base y ON y.id = c.b
             WHERE similarity(x.k, y.k) >= %(threshold)s
                OR (least(length(x.k), length(y.k)) >= %(edit_min_length)s
                    AND greatest(length(x.k), length(y.k)) <= 255
                    AND levenshtein_less_equal(x.k, y.k, 2)
                        <= CASE WHEN least(length(x.k), length(y.k)) >= 10 THEN 2 ELSE 1 END)
            """,
            block_size=block_size,
            threshold=self._zz_name_threshold(),
            edit_min_length=int(
                params.get_param(
                    "crm_zz_customer.duplicate_edit_min_length", DEFAULT_EDIT_MIN_LENGTH
                )
            ),
        )
        return self.env.execute_query(query)
