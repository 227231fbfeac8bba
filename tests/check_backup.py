#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Back a database up with bin/zzcrm-backup, restore it into a new one and find the
same customers, leads, tickets and attachments (the files of the filestore too).

A script, not an Odoo test: a test runs inside a transaction that a dump cannot see.
Usage: check_backup.py DB  (exit 0 when the restored copy holds the same data)
"""

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# what must come back, by table: the rows and a checksum of their key columns
TABLES = {
    "customers": ("res_partner", "name"),
    "leads": ("crm_lead", "name"),
    "tickets": ("helpdesk_ticket", "name"),
    "attachments": ("ir_attachment", "checksum"),
}


def check_query(table, column):
    return (
        f"SELECT count(*), md5(string_agg(id || ':' || coalesce({column}::text, ''), ','"
        f" ORDER BY id)) FROM {table}"
    )


def psql(db, query):
    res = subprocess.run(
        ["psql", "-d", db, "-tAc", query], capture_output=True, text=True, check=False
    )
    if res.returncode:
        return f"error: {res.stderr.strip()}"
    return res.stdout.strip()


def filestore(db):
    script = (
        "from odoo.tools import config\n"
        f"config.parse_config(['-c', {str(ROOT / 'odoo.conf')!r}])\n"
        f"print(config.filestore({db!r}))\n"
    )
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return Path(res.stdout.strip().splitlines()[-1])


def stored_files(db):
    names = psql(db, "SELECT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL")
    return sorted(n for n in names.splitlines() if n)


def main(db):
    problems = []
    restored = f"{db}_restored"
    subprocess.run(["dropdb", "--if-exists", "--force", restored], check=False)
    with tempfile.TemporaryDirectory() as tmp:
        backup = ROOT / "bin" / "zzcrm-backup"
        res = subprocess.run(
            [str(backup), "backup", db, tmp], capture_output=True, text=True, check=False
        )
        if res.returncode:
            print(f"backup failed:\n{res.stdout}{res.stderr}")
            return 1
        dump = sorted(Path(tmp).glob(f"{db}-*.zip"))
        if len(dump) != 1:
            print(f"backup wrote {len(dump)} files, expected 1")
            return 1
        res = subprocess.run(
            [str(backup), "restore", str(dump[0]), restored],
            capture_output=True,
            text=True,
            check=False,
        )
        if res.returncode:
            print(f"restore failed:\n{res.stdout}{res.stderr}")
            return 1
    try:
        for what, (table, column) in TABLES.items():
            query = check_query(table, column)
            before, after = psql(db, query), psql(restored, query)
            count = before.split("|")[0]
            if before != after:
                problems.append(f"{what}: {before} before, {after} after the restore")
            elif count == "0":
                problems.append(f"{what}: none in {db}, nothing proven")
            else:
                print(f"  {what}: {count} rows, the same after the restore")
        files = stored_files(restored)
        store = filestore(restored)
        missing = [f for f in files if not (store / f).is_file()]
        if missing:
            problems.append(
                f"{len(missing)} of {len(files)} attachment files missing: {missing[:5]}"
            )
        else:
            print(f"  filestore: all {len(files)} attachment files restored")
    finally:
        subprocess.run(["dropdb", "--if-exists", "--force", restored], check=False)
        subprocess.run(["rm", "-rf", str(filestore(restored))], check=False)
    for problem in problems:
        print(f"  {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
