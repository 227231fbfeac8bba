#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every module ships i18n/<module>.pot and a complete i18n/zh_CN.po.

Complete: every msgid of the .pot is in zh_CN.po with a non-empty, non-fuzzy
translation that keeps the same placeholders. With ``--pot-dir DIR`` the .pot
files freshly exported from a database are compared too: a term the code has and
the committed .pot lacks means the translations did not keep up.
"""

import argparse
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
MODULES = [
    "crm_zz_customer",
    "crm_zz_sales",
    "crm_zz_marketing",
    "crm_zz_service",
    "crm_zz_reports",
    "crm_zz_privacy",
]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdr]|%[sdr]|\{[a-z_0-9]*\}")


def check_module(module, fresh_pot=None):
    problems = []
    i18n = ROOT / "addons" / module / "i18n"
    pot_path, po_path = i18n / f"{module}.pot", i18n / "zh_CN.po"
    if not pot_path.exists() or not po_path.exists():
        return [f"{module}: missing {pot_path.name} or zh_CN.po"]
    pot, po = polib.pofile(str(pot_path)), polib.pofile(str(po_path))
    translated = {(e.msgctxt, e.msgid): e for e in po if not e.obsolete}
    for entry in pot:
        tr = translated.get((entry.msgctxt, entry.msgid))
        where = f"{module}: {entry.msgid[:60]!r}"
        if tr is None or not tr.msgstr:
            problems.append(f"{where} is not translated")
        elif "fuzzy" in tr.flags:
            problems.append(f"{where} is fuzzy")
        elif sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(tr.msgstr)):
            problems.append(f"{where}: placeholders differ in {tr.msgstr!r}")
    if fresh_pot:
        committed = {e.msgid for e in pot}
        for entry in polib.pofile(str(fresh_pot)):
            if entry.msgid not in committed:
                problems.append(
                    f"{module}: {entry.msgid[:60]!r} is in the code but not in the .pot"
                )
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pot-dir", help="folder with freshly exported <module>.pot files")
    args = parser.parse_args()
    problems = []
    for module in MODULES:
        fresh = Path(args.pot_dir) / f"{module}.pot" if args.pot_dir else None
        problems += check_module(module, fresh if fresh and fresh.exists() else None)
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
