# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError
from odoo.models import parse_read_group_spec
from odoo.tools import SQL
from odoo.tools.misc import format_datetime
from odoo.tools.sql import create_index, create_unique_index

REFRESHED_AT_KEY = "crm_zz_reports.refreshed_at.%s"
# the granularities a summary at month grain answers exactly
SUMMARY_GRANULARITIES = ("month", "quarter", "year")


class CrmZzReportAbstract(models.AbstractModel):
    """What every analysis view of the suite shares: a SQL view built from
    ``_query()`` at install and update, and the source models written to the
    database before the view is read, so that a pivot shows what was just saved.

    Each row of an analysis stands for one source record (lead, ticket, customer,
    order, invoice) and carries the fields the source's record rules test, so that
    the analysis gets record rules mirroring the source's.

    An analysis too costly to compute when opened (``_zz_materialized``) is a
    PostgreSQL materialised view of the same query and grain instead, with a
    unique index on ``id`` so that it refreshes concurrently (readers keep the
    previous figures meanwhile): hourly by the scheduled action "CRM Analysis:
    refresh the materialised analyses" and on demand by a manager ("Refresh
    now"). ``zz_refreshed_at`` says when its figures were taken."""

    _name = "crm.zz.report.abstract"
    _description = "ZZ CRM Analysis View"
    _auto = False

    # models whose pending writes the view reads
    _zz_source_models = ()
    # indexes on the source columns the analysis groups or filters by, that the
    # source modules do not create: (index name, table, columns, where)
    _zz_source_indexes = ()
    # a materialised view refreshed by a job, not a view computed when read
    _zz_materialized = False
    # columns of the materialised view to index (filters and record rules)
    _zz_view_indexes = ()
    # many2one columns of a materialised view naming the counted record: a row
    # whose record was deleted since the refresh is not listed (its figures stay
    # in the totals until the next refresh)
    _zz_record_fields = ()
    # a materialised summary of the materialised view, one row per combination of
    # these columns (dates and datetimes truncated to the month), that
    # ``_read_group`` reads instead of the rows when the groupings, filters,
    # record rules and aggregates asked for fit in it: a pivot of a million rows
    # reads a few thousand. The record rules' fields (salesperson, team,
    # company) must be among them.
    _zz_summary_grain = ()
    # measures kept as sums (``sum``) and as sum and count of their non-empty
    # values (``avg``) in the summary
    _zz_summary_sums = ()
    _zz_summary_avgs = ()
    # datetimes are truncated to the month in this time zone: the summary answers
    # users grouping in it (the suite's companies are in Zhengzhou)
    _zz_summary_tz = "Asia/Shanghai"

    zz_refreshed_at = fields.Datetime(
        string="Data Refreshed On",
        compute="_compute_zz_refreshed_at",
        help="When the figures of this analysis were taken: the time of its last "
        "refresh for a pre-computed analysis, now for a live one.",
    )

    def _compute_zz_refreshed_at(self):
        refreshed_at = self._zz_get_refreshed_at()
        for row in self:
            row.zz_refreshed_at = refreshed_at

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
        if not self._zz_materialized:
            for model_name in self._zz_source_models:
                self.env[model_name].flush_model()
        return super()._search(domain, offset=offset, limit=limit, order=order, **kwargs)

    @api.model
    def search_fetch(self, domain, field_names, offset=0, limit=None, order=None):
        rows = super().search_fetch(domain, field_names, offset=offset, limit=limit, order=order)
        if not self._zz_materialized or not self._zz_record_fields:
            return rows
        # checked on the page read, not in the query: an existence test per row
        # of a million-row view costs seconds, a page's costs one query a field
        missing = set()
        for name in self._zz_record_fields:
            field = self._fields[name]
            referenced = set(rows[name]._ids)
            # sudo: whether the record still exists, archived or not; the rows'
            # own record rules decided what is listed
            comodel = self.env[field.comodel_name].sudo().with_context(active_test=False)
            existing = set(comodel.browse(referenced).exists().ids)
            missing.update(row.id for row in rows if row[name].id in referenced - existing)
        return rows.filtered(lambda row: row.id not in missing) if missing else rows

    # ------------------------------------------------------------------
    # Summary
    # ------------------------------------------------------------------
    @property
    def _table_sql(self):
        if self.env.context.get("zz_summary"):
            return SQL.identifier(self._zz_summary_table())
        return super()._table_sql

    def _zz_summary_table(self):
        return f"{self._table}_summary"

    @api.model
    def _zz_summary_fits(self, domain, groupby, aggregates, having):
        """Whether the summary gives exactly what the rows would: every grouping,
        filter and record rule on its grain (dates at month, quarter or year, in
        its time zone, and never filtered), every aggregate one it keeps."""
        if not self._zz_summary_grain or having or self.env.context.get("zz_summary"):
            return False
        for spec in groupby:
            fname, property_name, granularity = parse_read_group_spec(spec)
            if property_name or fname not in self._zz_summary_grain:
                return False
            field_type = self._fields[fname].type
            if field_type in ("date", "datetime") and granularity not in SUMMARY_GRANULARITIES:
                return False
            if field_type == "datetime" and self.env.context.get("tz") != self._zz_summary_tz:
                return False
        for spec in aggregates:
            if spec == "__count":
                continue
            fname, property_name, func = parse_read_group_spec(spec)
            if property_name or not (
                (func == "sum" and fname in self._zz_summary_sums)
                or (func == "avg" and fname in self._zz_summary_avgs)
            ):
                return False
        rules = self.env["ir.rule"]._compute_domain(self._name, "read") or []
        for leaf in list(domain) + list(rules):
            if not isinstance(leaf, list | tuple) or not isinstance(leaf[0], str):
                continue
            fname = leaf[0].split(".")[0]
            if fname not in self._zz_summary_grain:
                return False
            field = self._fields[fname]
            if field.type in ("date", "datetime") and not self._zz_summary_date_fits(
                field, leaf[1], leaf[2]
            ):
                return False
        return True

    def _zz_summary_date_fits(self, field, operator, value):
        """Whether a filter on a date or datetime keeps or drops whole months of
        the summary: set or not, or a bound between two months (the periods of
        the search's date filter). A lead created in the last second of a month
        counts in that month's summary, where the rows' filter (to the second)
        may leave it out."""
        if operator in ("=", "!=") and value is False:
            return True
        if operator not in ("<", ">=", "<=", ">") or not isinstance(value, str | date):
            return False
        try:
            if field.type == "date":
                day = fields.Date.to_date(value)
                if operator in ("<=", ">"):
                    day += timedelta(days=1)
                return day.day == 1
            if isinstance(value, str) and len(value) == 10:
                value = fields.Date.to_date(value)
            if isinstance(value, date) and not isinstance(value, datetime):
                value = datetime.combine(value, time.max if operator in ("<=", ">") else time.min)
            moment = fields.Datetime.to_datetime(value)
        except ValueError:
            return False
        if operator in ("<=", ">"):
            moment = moment.replace(microsecond=0) + timedelta(seconds=1)
        local = pytz.utc.localize(moment).astimezone(pytz.timezone(self._zz_summary_tz))
        return local.day == 1 and local.time() == time.min

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        if not self.env.context.get("zz_summary"):
            return super()._read_group_select(aggregate_spec, query)
        # the summary's columns: zz_count rows, a sum per measure, and a sum
        # and a count of the values of an averaged one
        if aggregate_spec == "__count":
            return SQL("SUM(%s)", SQL.identifier(self._table, "zz_count"))
        fname, __, func = parse_read_group_spec(aggregate_spec)
        if func == "avg":
            return SQL(
                "SUM(%s) / NULLIF(SUM(%s), 0)",
                SQL.identifier(self._table, f"{fname}_zz_sum"),
                SQL.identifier(self._table, f"{fname}_zz_count"),
            )
        return super()._read_group_select(aggregate_spec, query)

    def _zz_summary_query(self):
        """The summary of the view's rows at ``_zz_summary_grain``."""
        table = SQL.identifier(self._table)
        grain = []
        for fname in self._zz_summary_grain:
            column = SQL.identifier(fname)
            field_type = self._fields[fname].type
            if field_type == "date":
                column = SQL("date_trunc('month', %s)::date", column)
            elif field_type == "datetime":
                # the month in the summary's time zone, as a UTC datetime
                tz = self._zz_summary_tz
                column = SQL(
                    "timezone('UTC', timezone(%s, date_trunc('month',"
                    " timezone(%s, timezone('UTC', %s)))))",
                    tz,
                    tz,
                    column,
                )
            grain.append((fname, column))
        measures = [SQL("COUNT(*) AS zz_count")]
        measures += [
            SQL("SUM(%s) AS %s", SQL.identifier(fname), SQL.identifier(fname))
            for fname in self._zz_summary_sums
        ]
        for fname in self._zz_summary_avgs:
            measures += [
                SQL("SUM(%s) AS %s", SQL.identifier(fname), SQL.identifier(f"{fname}_zz_sum")),
                SQL("COUNT(%s) AS %s", SQL.identifier(fname), SQL.identifier(f"{fname}_zz_count")),
            ]
        return SQL(
            "SELECT ROW_NUMBER() OVER () AS id, %s, %s FROM %s GROUP BY %s",
            SQL(", ").join(SQL("%s AS %s", column, SQL.identifier(f)) for f, column in grain),
            SQL(", ").join(measures),
            table,
            SQL(", ").join(column for __, column in grain),
        )

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        if self._zz_summary_fits(domain, groupby, aggregates, having):
            rows = self.with_context(zz_summary=True)._read_group(
                domain, groupby, aggregates, having, offset=offset, limit=limit, order=order
            )
            # the groups' records in the caller's environment: whatever reads
            # an analysis from them reads its rows, not the summary
            return [
                tuple(
                    value.with_env(self.env) if isinstance(value, models.BaseModel) else value
                    for value in row
                )
                for row in rows
            ]
        return self._zz_read_group_ordered(
            domain, groupby, aggregates, having, offset=offset, limit=limit, order=order
        )

    @api.model
    def _zz_read_group_ordered(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        """Groups in their usual order, sorted once grouped: ordered in SQL, a
        many2one group (stage, salesperson, district) joins its record and what
        orders it (a user's partner for his name) to every row before grouping,
        seconds at a million rows for a dozen groups."""
        groupby = tuple(groupby)
        if (
            not groupby
            or offset
            or limit
            or order != ",".join(groupby)
            or any("." in spec for spec in groupby)
        ):
            return super()._read_group(
                domain, groupby, aggregates, having, offset=offset, limit=limit, order=order
            )
        # without an order the groups come by their raw values (ids for many2one)
        rows = super()._read_group(domain, groupby, aggregates, having)
        ranks, booleans = {}, set()
        for index, spec in enumerate(groupby):
            field = self._fields.get(spec.split(":")[0].split(".")[0])
            if field is not None and field.type == "boolean":
                booleans.add(index)
            elif field is not None and field.type == "many2one" and ":" not in spec:
                records = self.env[field.comodel_name].union(*(row[index] for row in rows))
                # sudo: the order of the groups only, their records are not read
                ordered = records.sudo().with_context(active_test=False).sorted()
                ranks[index] = {record_id: rank for rank, record_id in enumerate(ordered.ids)}

        def sort_key(row):
            key = []
            for index in range(len(groupby)):
                value = row[index]
                if index in ranks:
                    value = ranks[index].get(value.id) if value else None
                empty = value is None or (value is False and index not in booleans)
                # ascending, empty groups last: PostgreSQL's order
                key.append((True, 0) if empty else (False, value))
            return key

        return sorted(rows, key=sort_key)

    def init(self):
        if self._abstract:
            return
        cr = self.env.cr
        for name, table, columns, where in self._zz_source_indexes:
            create_index(cr, name, table, columns, where=where)
        tools.drop_view_if_exists(cr, self._table)
        table = SQL.identifier(self._table)
        if not self._zz_materialized:
            cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", table, self._query()))
            return
        refreshed_at = fields.Datetime.now()
        cr.execute(SQL("CREATE MATERIALIZED VIEW %s AS (%s)", table, self._query()))
        create_unique_index(cr, f"{self._table}_id_uniq", self._table, ["id"])
        for column in self._zz_view_indexes:
            create_index(cr, f"{self._table}_{column}_index", self._table, [column])
        # statistics for the planner at once, not at autovacuum's next round
        cr.execute(SQL("ANALYZE %s", table))
        if self._zz_summary_grain:
            summary = self._zz_summary_table()
            cr.execute(
                SQL(
                    "CREATE MATERIALIZED VIEW %s AS (%s)",
                    SQL.identifier(summary),
                    self._zz_summary_query(),
                )
            )
            create_unique_index(cr, f"{summary}_id_uniq", summary, ["id"])
            cr.execute(SQL("ANALYZE %s", SQL.identifier(summary)))
        self._zz_set_refreshed_at(refreshed_at)

    # ------------------------------------------------------------------
    # Freshness
    # ------------------------------------------------------------------
    @api.model
    def _zz_get_refreshed_at(self):
        if not self._zz_materialized:
            return fields.Datetime.now()
        # sudo: the refresh time of an analysis is no secret of its readers
        value = self.env["ir.config_parameter"].sudo().get_param(REFRESHED_AT_KEY % self._name)
        return fields.Datetime.to_datetime(value) if value else False

    @api.model
    def _zz_set_refreshed_at(self, refreshed_at):
        # sudo: written by the refresh job, whoever started it
        self.env["ir.config_parameter"].sudo().set_param(
            REFRESHED_AT_KEY % self._name, fields.Datetime.to_string(refreshed_at)
        )

    @api.model
    def _zz_refresh(self):
        """Recompute a materialised analysis from its sources, concurrently: the
        figures are those of the refresh statement's start."""
        if not self._zz_materialized:
            return False
        for model_name in self._zz_source_models:
            self.env[model_name].flush_model()
        refreshed_at = fields.Datetime.now()
        self.env.cr.execute(
            SQL("REFRESH MATERIALIZED VIEW CONCURRENTLY %s", SQL.identifier(self._table))
        )
        if self._zz_summary_grain:
            self.env.cr.execute(
                SQL(
                    "REFRESH MATERIALIZED VIEW CONCURRENTLY %s",
                    SQL.identifier(self._zz_summary_table()),
                )
            )
        self._zz_set_refreshed_at(refreshed_at)
        self.invalidate_model()
        return refreshed_at

    def action_zz_refresh(self):
        """The list's "Refresh now", shown with or without selected rows."""
        # the refresh recomputes every user's figures: managers only, whoever calls
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._("Only sales managers can recompute the analysis."))
        refreshed_at = self._zz_refresh() or fields.Datetime.now()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Data refreshed on %(date)s.", date=format_datetime(self.env, refreshed_at)
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    @api.model
    def _cron_zz_refresh(self):
        """Refresh every materialised analysis of the suite, one after the other."""
        for model_name in sorted(self.env.registry.descendants([self._name], "_inherit")):
            model = self.env[model_name]
            if not model._abstract and model._zz_materialized:
                model._zz_refresh()
