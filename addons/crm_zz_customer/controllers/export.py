# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Odoo's list export without formula injection.

Odoo 18 writes an .xlsx text cell with xlsxwriter's ``write()``, which turns text
starting with ``=`` into a live formula, and guards only ``=``, ``+`` and ``-`` in
CSV. Here text is always a string cell, and CSV guards ``@``, tab and carriage
return too, and text already starting with an apostrophe before one of them, so
that the suite's importer, which strips one apostrophe, reads back what was
exported (tools/export_safety.py).
"""

from odoo.addons.web.controllers.export import (
    CSVExport,
    ExcelExport,
    ExportXlsxWriter,
    GroupExportXlsxWriter,
)

from ..tools import export_safety


class _StringCells:
    def write(self, row, column, cell_value, style=None):
        if isinstance(cell_value, str):
            return self.worksheet.write_string(row, column, cell_value, style)
        return super().write(row, column, cell_value, style)


class ZzExportXlsxWriter(_StringCells, ExportXlsxWriter):
    pass


class ZzGroupExportXlsxWriter(_StringCells, GroupExportXlsxWriter):
    pass


class ZzExcelExport(ExcelExport):
    def from_group_data(self, fields, columns_headers, groups):
        with ZzGroupExportXlsxWriter(fields, columns_headers, groups.count) as xlsx_writer:
            x, y = 1, 0
            for group_name, group in groups.children.items():
                x, y = xlsx_writer.write_group(x, y, group_name, group)
        return xlsx_writer.value

    def from_data(self, fields, columns_headers, rows):
        with ZzExportXlsxWriter(fields, columns_headers, len(rows)) as xlsx_writer:
            for row_index, row in enumerate(rows):
                for cell_index, cell_value in enumerate(row):
                    xlsx_writer.write_cell(row_index + 1, cell_index, cell_value)
        return xlsx_writer.value


class ZzCSVExport(CSVExport):
    def from_data(self, fields, columns_headers, rows):
        # every text is guarded here (Odoo's own guard then finds the apostrophe
        # first and adds none), so that the suite's importer reads it back unchanged
        guarded = [
            [export_safety.csv_cell(value) if isinstance(value, str) else value for value in row]
            for row in rows
        ]
        return super().from_data(fields, columns_headers, guarded)
