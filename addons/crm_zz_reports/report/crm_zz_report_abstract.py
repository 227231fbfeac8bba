# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models, tools
from odoo.tools import SQL
from odoo.tools.sql import create_index


class CrmZzReportAbstract(models.AbstractModel):
    """What every analysis view of the suite shares: a SQL view built from
    ``_query()`` at install and update, and the source models written to the
    database before the view is read, so that a pivot shows what was just saved.

    Each row of an analysis stands for one source record (lead, ticket, customer,
    order, invoice) and carries the fields the source's record rules test, so that
    the analysis gets record rules mirroring the source's."""

    _name = "crm.zz.report.abstract"
    _description = "ZZ CRM Analysis View"
    _auto = False

    # models whose pending writes the view reads
    _zz_source_models = ()
    # indexes on the source columns the analysis groups or filters by, that the
    # source modules do not create: (index name, table, columns, where)
    _zz_source_indexes = ()

    def _query(self):
        raise NotImplementedError

    def _compute_display_name(self):
        # A row is named after its source record (lead, ticket, customer, stage).
        # Whoever may read the row may see that name, as the row's many2one columns
        # show it (Odoo reads their names as superuser); a report viewer, who reads
        # the analyses but not the leads and tickets behind them, names the rows he
        # opens and exports.
        field = self._fields.get(self._rec_name)
        if not field or field.type != "many2one":
            return super()._compute_display_name()
        # sudo: the source's name only, for rows the user may read (see above)
        for row in self:
            row.display_name = row.sudo()[self._rec_name].display_name or ""

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None, **kwargs):
        for model_name in self._zz_source_models:
            self.env[model_name].flush_model()
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    def init(self):
        if self._abstract:
            return
        for name, table, columns, where in self._zz_source_indexes:
            create_index(self.env.cr, name, table, columns, where=where)
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
