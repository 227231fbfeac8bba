# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import os
import tempfile

import xlsxwriter
from lxml import etree

from odoo import fields, models
from odoo.tools import split_every

from ..tools.xlsx_safe import write_text

CHUNK = 5000
CHART_ROWS = 50
FORMATS = {
    "float": "#,##0.00",
    "monetary": "#,##0.00",
    "integer": "#,##0",
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
}


class ReportCrmZzAnalysisXlsx(models.AbstractModel):
    """Any analysis (or list) of the module as an .xlsx workbook: the columns of
    its list view with their headers in the user's language, the header row
    frozen, numbers and dates formatted, a totals row, and a native chart of the
    first figure. Rows are read and written 5,000 at a time through
    xlsxwriter's constant_memory mode into a temporary file, so a large export
    keeps little in memory. Text is always written as text: a value beginning
    with = + - @ is never taken for a formula (see tools/xlsx_safe.py)."""

    _name = "report.crm_zz_reports.analysis_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Analysis Export to Excel"

    def _columns(self, model):
        arch = model.get_views([(False, "list")])["views"]["list"]["arch"]
        names = [
            node.get("name")
            for node in etree.fromstring(arch).xpath("//list/field")
            if node.get("column_invisible") not in ("1", "True")
            and node.get("name") in model._fields
        ]
        described = model.fields_get(names, ["string", "type", "selection"])
        return [(name, described[name]) for name in names]

    def create_xlsx_report(self, docids, data):
        objs = self._get_objs_for_report(docids, data)
        handle, path = tempfile.mkstemp(suffix=".xlsx")
        os.close(handle)
        try:
            workbook = xlsxwriter.Workbook(
                path, {"constant_memory": True, "tmpdir": tempfile.gettempdir()}
            )
            self.generate_xlsx_report(workbook, data, objs)
            workbook.close()
            with open(path, "rb") as file:
                return file.read(), "xlsx"
        finally:
            os.unlink(path)

    def _cell_value(self, value, description, tz_record):
        kind = description["type"]
        if kind == "many2one":
            return value[1] if value else ""
        if kind == "selection":
            return dict(description.get("selection") or []).get(value, "") if value else ""
        if kind == "boolean":
            return self.env._("Yes") if value else self.env._("No")
        if kind == "datetime" and value:
            return fields.Datetime.context_timestamp(tz_record, value).replace(tzinfo=None)
        if kind in ("many2many", "one2many"):
            return len(value or [])
        return value

    def generate_xlsx_report(self, workbook, data, objs):
        model = objs.browse()
        columns = self._columns(model)
        title = self.env["ir.model"]._get(model._name).name or model._description
        sheet = workbook.add_worksheet(title[:31])
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        bold = workbook.add_format({"bold": True, "top": 1})
        formats = {kind: workbook.add_format({"num_format": fmt}) for kind, fmt in FORMATS.items()}
        totals_formats = {
            kind: workbook.add_format({"num_format": fmt, "bold": True, "top": 1})
            for kind, fmt in FORMATS.items()
        }
        for col, (_name, description) in enumerate(columns):
            write_text(sheet, 0, col, description["string"], header)
            sheet.set_column(col, col, 14 if description["type"] != "many2one" else 24)
        sheet.freeze_panes(1, 0)
        numeric = [
            col
            for col, (_name, d) in enumerate(columns)
            if d["type"] in ("float", "monetary", "integer")
        ]
        sums = {col: 0.0 for col in numeric}
        row = 0
        for ids in split_every(CHUNK, objs.ids):
            records = model.browse(ids)
            for values in records.read([name for name, _d in columns]):
                row += 1
                for col, (name, description) in enumerate(columns):
                    value = self._cell_value(values[name], description, records[:1])
                    kind = description["type"]
                    if value is False or value is None or value == "":
                        continue
                    if kind in ("float", "monetary", "integer", "many2many", "one2many"):
                        sheet.write_number(row, col, value, formats.get(kind))
                        if col in sums:
                            sums[col] += value
                    elif kind in ("date", "datetime"):
                        sheet.write_datetime(row, col, value, formats[kind])
                    else:
                        write_text(sheet, row, col, str(value))
            records.invalidate_recordset()
        last = row
        row += 1
        write_text(sheet, row, 0, self.env._("Total"), bold)
        for col in numeric:
            aggregator = model._fields[columns[col][0]].aggregator
            function = "AVERAGE" if aggregator == "avg" else "SUM"
            result = sums[col] / last if function == "AVERAGE" and last else sums[col]
            letter = xlsxwriter.utility.xl_col_to_name(col)
            sheet.write_formula(
                row,
                col,
                f"={function}({letter}2:{letter}{last + 1})",
                totals_formats.get(columns[col][1]["type"]),
                result,
            )
        if numeric and last:
            chart = workbook.add_chart({"type": "column"})
            chart.add_series(
                {
                    "name": [sheet.name, 0, numeric[0]],
                    "categories": [sheet.name, 1, 0, min(last, CHART_ROWS), 0],
                    "values": [sheet.name, 1, numeric[0], min(last, CHART_ROWS), numeric[0]],
                }
            )
            chart.set_title({"name": columns[numeric[0]][1]["string"]})
            chart.set_legend({"none": True})
            sheet.insert_chart(row + 2, 0, chart, {"x_scale": 2, "y_scale": 1.3})
