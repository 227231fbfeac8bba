# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class MailFollowers(models.Model):
    """Followers are read only with the document they follow.

    Odoo 18 lets every employee read every ``mail.followers`` row (no record rule),
    so a salesperson could list who follows a colleague's customer, opportunity or
    order, and learn that they exist, by searching followers on ``res_model`` and
    ``res_id``. Here, as Odoo does for messages and activities, a follower row is
    readable only by a user who may read the followed document.
    """

    _inherit = "mail.followers"

    def _zz_forbidden_followers(self, rows):
        """Ids among ``rows`` (id, res_model, res_id) whose document the user may not read."""
        ids_by_model = defaultdict(set)
        for _id, res_model, res_id in rows:
            ids_by_model[res_model].add(res_id)
        allowed = {}
        for res_model, res_ids in ids_by_model.items():
            if res_model not in self.env:
                allowed[res_model] = set()
                continue
            documents = self.env[res_model].browse(res_ids)
            allowed[res_model] = set(documents._filtered_access("read")._ids)
        return {
            follower_id
            for follower_id, res_model, res_id in rows
            if res_id not in allowed[res_model]
        }

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if operation != "read" or not self or self.env.su:
            return result
        followers = self - result[0] if result else self
        # sudo: the followed documents are checked below, with the user's rights
        rows = [(f.id, f.res_model, f.res_id) for f in followers.sudo()]
        forbidden_ids = self._zz_forbidden_followers(rows)
        if not forbidden_ids:
            return result
        forbidden = self.browse(sorted(forbidden_ids))
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        query = super()._search(domain, offset, limit, order)
        if self.env.su or query.is_empty():
            return query
        rows = self.env.execute_query(
            query.select(
                *[self._field_to_sql(self._table, fname) for fname in ("id", "res_model", "res_id")]
            )
        )
        forbidden_ids = self._zz_forbidden_followers(rows)
        if not forbidden_ids:
            return query
        followers = self.browse(row[0] for row in rows if row[0] not in forbidden_ids)
        # the rows come in the order asked for
        return followers._as_query(ordered=True)
