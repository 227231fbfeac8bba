# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL, html2plaintext

from ..tools import kb_search


class CrmZzServiceArticle(models.Model):
    """A knowledge-base article (FAQ, service process, product knowledge), searchable
    in Chinese and suggested on tickets."""

    _name = "crm.zz.service.article"
    _description = "Knowledge Article"
    _inherit = ["mail.thread"]
    _order = "useful_count desc, id desc"

    name = fields.Char(string="Title", required=True, tracking=True)
    kind = fields.Selection(
        [("faq", "FAQ"), ("process", "Service Process"), ("product", "Product Knowledge")],
        required=True,
        default="faq",
    )
    category_id = fields.Many2one("crm.zz.service.article.category")
    tag_ids = fields.Many2many("crm.zz.service.article.tag", string="Tags")
    ticket_category_ids = fields.Many2many(
        "helpdesk.ticket.category",
        string="Ticket Categories",
        help="Suggested on tickets of these categories.",
    )
    body = fields.Html(string="Content", sanitize_style=True)
    user_id = fields.Many2one(
        "res.users", string="Author", default=lambda self: self.env.user, index=True
    )
    is_published = fields.Boolean(
        string="Published", tracking=True, help="Published articles are visible to all agents."
    )
    useful_count = fields.Integer(string="Found Useful", readonly=True, copy=False)
    ticket_ids = fields.Many2many(
        "helpdesk.ticket",
        "crm_zz_service_article_ticket_rel",
        "article_id",
        "ticket_id",
        string="Linked Tickets",
    )
    ticket_count = fields.Integer(string="Linked Ticket Count", compute="_compute_ticket_count")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)
    # Bigram document for the Chinese full-text index (tools/kb_search.py).
    search_document = fields.Text(compute="_compute_search_document", store=True)
    search_text = fields.Char(
        string="Full Text",
        compute="_compute_search_text",
        search="_search_search_text",
        help="Search title, content and tags, Chinese included.",
    )

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE INDEX IF NOT EXISTS crm_zz_service_article_search_idx ON %s "
                "USING gin (to_tsvector('simple', COALESCE(search_document, '')))",
                SQL.identifier(self._table),
            )
        )

    def _compute_ticket_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("zz_article_ids", "in", self.ids)], ["zz_article_ids"], ["__count"]
            )
        )
        for article in self:
            article.ticket_count = counts.get(article, 0)

    @api.depends("name", "body", "tag_ids.name", "category_id.name")
    def _compute_search_document(self):
        for article in self:
            article.search_document = kb_search.document(
                article.name,
                html2plaintext(article.body or ""),
                " ".join(article.tag_ids.mapped("name")),
                article.category_id.name or "",
            )

    def _compute_search_text(self):
        self.search_text = False

    def _search_search_text(self, operator, value):
        if operator not in ("ilike", "=", "like") or not isinstance(value, str):
            return [("name", operator, value)]
        return [("id", "in", self._zz_search_ids(value))]

    @api.model
    def _zz_search_ids(self, text, match_all=True, limit=None):
        """Ids of articles matching ``text``, best ranked first."""
        try:
            query = kb_search.tsquery(text, match_all=match_all)
        except kb_search.EmptyQuery:
            return []
        self.env.cr.execute(
            SQL(
                """
                SELECT id FROM %(table)s
                 WHERE to_tsvector('simple', COALESCE(search_document, ''))
                       @@ to_tsquery('simple', %(query)s)
              ORDER BY ts_rank(to_tsvector('simple', COALESCE(search_document, '')),
                               to_tsquery('simple', %(query)s)) DESC, id DESC
                 LIMIT %(limit)s
                """,
                table=SQL.identifier(self._table),
                query=query,
                limit=limit,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _zz_suggest_batch(self, tickets, limit=5):
        """``{ticket: articles}``: published articles for each ticket, text matches
        on its title first (any bigram, ranked), then articles filed under its
        category, those already linked left out. Three queries for any number of
        tickets."""
        queries = {}
        for ticket in tickets:
            try:
                queries[ticket] = kb_search.tsquery(ticket.name or "", match_all=False)
            except kb_search.EmptyQuery:
                continue
        ranked = {ticket: [] for ticket in tickets}
        if queries:
            # the 50 best articles of each title, in one statement
            self.env.cr.execute(
                SQL(
                    """
                    SELECT q.ticket_id, a.id
                      FROM (VALUES %(values)s) AS q(ticket_id, query)
                     CROSS JOIN LATERAL (
                           SELECT id FROM %(table)s
                            WHERE to_tsvector('simple', COALESCE(search_document, ''))
                                  @@ to_tsquery('simple', q.query)
                         ORDER BY ts_rank(to_tsvector('simple', COALESCE(search_document, '')),
                                          to_tsquery('simple', q.query)) DESC, id DESC
                            LIMIT 50) AS a
                    """,
                    values=SQL(", ").join(
                        SQL("(%s, %s)", index, query)
                        for index, query in enumerate(queries.values())
                    ),
                    table=SQL.identifier(self._table),
                )
            )
            # by position: tickets being edited have no id yet
            by_index = list(queries)
            for index, article_id in self.env.cr.fetchall():
                ranked[by_index[index]].append(article_id)
        found = {a for ids in ranked.values() for a in ids}
        published = [("is_published", "=", True)]
        visible = self.search(published + [("id", "in", list(found))]) if found else self.browse()
        visible_by_id = set(visible.ids)
        categories = tickets.category_id
        by_category = (
            self.search(published + [("ticket_category_ids", "in", categories.ids)])
            if categories
            else self.browse()
        )
        result = {}
        for ticket in tickets:
            linked = ticket.zz_article_ids
            articles = self.browse(
                [a for a in ranked[ticket] if a in visible_by_id and a not in linked.ids]
            )
            if ticket.category_id:
                articles |= by_category.filtered(
                    lambda a, c=ticket.category_id, x=linked: c in a.ticket_category_ids
                    and a not in x
                )
            result[ticket] = articles[:limit]
        return result

    def action_mark_useful(self):
        """Count one more agent who found the article useful (safe when clicked at once)."""
        self.check_access("read")
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET useful_count = COALESCE(useful_count, 0) + 1 WHERE id IN %s",
                SQL.identifier(self._table),
                tuple(self.ids),
            )
        )
        # an SQL write: drop the cached value and tell whatever depends on it
        self.invalidate_recordset(["useful_count"])
        self.modified(["useful_count"])
        return True

    def action_link_to_ticket(self):
        """Link the article to the ticket given in the context (from its suggestions)."""
        ticket = self.env["helpdesk.ticket"].browse(self.env.context.get("zz_ticket_id"))
        if ticket:
            ticket.write({"zz_article_ids": [fields.Command.link(a.id) for a in self]})
        return True

    def action_view_tickets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [("zz_article_ids", "in", self.ids)]
        action["context"] = {}
        return action
