#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The ZZ CRM test command (``make test``).

1. Linters: ruff and pylint-odoo on the addons, ``docker-compose config -q``.
2. Plain-Python tests (pytest, ``tests/unit``): always run, Odoo or not.
3. Odoo tests: a throwaway database, all six modules installed with demo data and
   ``--test-enable``, only the suite's own tests (TransactionCase and HttpCase).
   Any ERROR or CRITICAL line, and any WARNING line not explicitly allowed below,
   in the Odoo log fails the run.
4. Each module installs alone into a fresh database and uninstalls cleanly.
5. The test database goes through bin/zzcrm-backup and a restore (tests/check_backup.py).

Prints one closing line ``N passed, N failed, N skipped`` and exits non-zero on any
failure. Without an importable Odoo it says so loudly and runs 1 and 2 only.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
MODULES = [
    "crm_zz_customer",
    "crm_zz_sales",
    "crm_zz_marketing",
    "crm_zz_service",
    "crm_zz_reports",
    "crm_zz_privacy",
]
# Logs go beside the checkout, or where ZZCRM_TEST_LOGS says (a read-only mount in Docker).
LOG_DIR = Path(os.environ.get("ZZCRM_TEST_LOGS") or ROOT / ".test-logs")

# Odoo log lines at WARNING that say nothing about the suite.
ALLOWED_WARNINGS = [
    # CI and the developers' machines run as root; Odoo warns about it.
    re.compile(r"Running as user 'root' is a security risk"),
]
# Skipped tests that are expected (regex on the test's name and reason). Any other skip
# fails the run: a test that silently stops running proves nothing.
EXPECTED_SKIPS = []
# Odoo logs a skip at INFO: "... odoo.addons.<module>.tests.<file>: skipped <test> : <reason>"
SKIP_LINE = re.compile(r" INFO \S+ odoo\.addons\.(?P<module>\w+)\.tests\S*: skipped (?P<what>.*)$")
LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) "
)
RESULT_LINE = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests"
    r" when loading database"
)


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print(f"  PASS  {name}")
        else:
            self.failed += 1
            self.failures.append(name)
            print(f"  FAIL  {name}")
            if detail:
                print(_indent(detail))

    def skip(self, name, why):
        self.skipped += 1
        print(f"  SKIP  {name}: {why}")


def _indent(text, limit=60):
    lines = text.rstrip().splitlines()
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more lines)"]
    return "\n".join("        " + line for line in lines)


def banner(text):
    print("\n" + "=" * 78 + f"\n{text}\n" + "=" * 78, flush=True)


def run(cmd, **kwargs):
    kwargs.setdefault("cwd", ROOT)
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)


# --------------------------------------------------------------------------- linters
def lint(tally):
    banner("Linters")
    paths = [p for p in ("addons", "bench", "docs", "tests") if (ROOT / p).is_dir()]
    if shutil.which("ruff") or _has_module("ruff"):
        res = run([sys.executable, "-m", "ruff", "check", "--no-cache", *paths])
        tally.check("ruff check", res.returncode == 0, res.stdout + res.stderr)
        res = run([sys.executable, "-m", "ruff", "format", "--no-cache", "--check", *paths])
        tally.check("ruff format --check", res.returncode == 0, res.stdout + res.stderr)
    else:
        tally.check(
            "ruff check", False, "ruff is not installed: pip install -r requirements-test.txt"
        )
    if _has_module("pylint_odoo"):
        res = run(
            [sys.executable, "-m", "pylint", "--rcfile", str(ROOT / ".pylintrc")]
            + [str(ADDONS / m) for m in MODULES]
        )
        tally.check("pylint-odoo", res.returncode == 0, res.stdout + res.stderr)
    else:
        tally.check(
            "pylint-odoo",
            False,
            "pylint-odoo is not installed: pip install -r requirements-test.txt",
        )
    compose = shutil.which("docker-compose")
    if compose:
        res = run([compose, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"])
        tally.check("docker-compose config -q", res.returncode == 0, res.stdout + res.stderr)
    elif os.environ.get("CI"):
        tally.check("docker-compose config -q", False, "docker-compose is not installed")
    else:
        tally.skip(
            "docker-compose config -q",
            "docker-compose is not installed (apt install docker-compose)",
        )
    res = run([sys.executable, str(ROOT / "tests" / "check_code.py")])
    tally.check("every sudo() says why", res.returncode == 0, res.stdout + res.stderr)
    res = run([sys.executable, str(ROOT / "tests" / "check_po.py")])
    tally.check("zh_CN.po complete for every module", res.returncode == 0, res.stdout + res.stderr)


def _has_module(name):
    return run([sys.executable, "-c", f"import {name}"]).returncode == 0


# --------------------------------------------------------------------------- pytest
def unit_tests(tally):
    banner("Plain-Python tests (pytest tests/unit)")
    LOG_DIR.mkdir(exist_ok=True)
    junit = LOG_DIR / "pytest.xml"
    # a report left by an earlier run must never be counted for this one
    junit.unlink(missing_ok=True)
    res = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no:cacheprovider",
            "tests/unit",
            f"--junitxml={junit}",
        ]
    )
    print(_indent(res.stdout[-4000:] + res.stderr[-2000:], limit=80))
    if not junit.exists():
        tally.check("pytest ran", False, f"pytest exited {res.returncode} and wrote no report")
        return
    root = ET.parse(junit).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    total = int(suite.get("tests", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    tally.passed += total - failed - skipped
    tally.failed += failed
    tally.skipped += skipped
    if failed:
        tally.failures.append(f"pytest: {failed} failed")
    if total == 0:
        tally.check("pytest found tests", False, f"pytest exited {res.returncode}")
    elif res.returncode and not failed:
        # pytest's own verdict counts even where the report says nothing failed
        tally.check("pytest exited 0", False, f"exit code {res.returncode}")
    skips = [
        f"{case.get('classname')}.{case.get('name')}: {skip.get('message', '')}"
        for case in suite.iter("testcase")
        for skip in case.findall("skipped")
    ]
    _check_skips(tally, "pytest", skips)


def _check_skips(tally, runner, skips):
    """Show every skip; one that is not in EXPECTED_SKIPS fails the run."""
    for skip in skips:
        print(f"  skipped ({runner}): {skip}")
    unexpected = [s for s in skips if not any(re.search(p, s) for p in EXPECTED_SKIPS)]
    if unexpected:
        tally.check(
            f"{runner}: no unexpected skipped test",
            False,
            "\n".join(unexpected) + "\n(add it to EXPECTED_SKIPS in tests/run_tests.py with why,"
            " or make it run)",
        )


# --------------------------------------------------------------------------- odoo
def odoo_importable():
    return run([sys.executable, "-c", "import odoo"], cwd="/").returncode == 0


def ensure_postgres():
    """Start the local cluster if nothing answers, and give the current user a role."""
    if run(["pg_isready", "-q"]).returncode != 0 and shutil.which("pg_lsclusters"):
        for line in run(["pg_lsclusters", "-h"]).stdout.splitlines():
            version, cluster, *_ = line.split()
            run(["pg_ctlcluster", version, cluster, "start"])
        for _ in range(30):
            if run(["pg_isready", "-q"]).returncode == 0:
                break
            time.sleep(1)
    if run(["pg_isready", "-q"]).returncode != 0:
        return "PostgreSQL does not answer (pg_isready); start it or set PGHOST/PGPORT"
    user = os.environ.get("PGUSER") or os.environ.get("USER") or run(["id", "-un"]).stdout.strip()
    if user == "postgres":
        return "Odoo refuses the postgres role: set PGUSER to another role"
    if run(["psql", "-d", "postgres", "-tAc", "SELECT 1"]).returncode != 0 and os.geteuid() == 0:
        run(["su", "postgres", "-c", f"createuser --superuser {user}"], cwd="/")
    if run(["psql", "-d", "postgres", "-tAc", "SELECT 1"]).returncode != 0:
        return f"cannot connect to PostgreSQL as role {user!r}"
    return None


def odoo_cmd(db, *args, command="server"):
    return [
        sys.executable,
        "-m",
        "odoo",
        command,
        "-c",
        str(ROOT / "odoo.conf"),
        "-d",
        db,
        f"--addons-path={ADDONS}",
        *args,
    ]


def free_port():
    """A free TCP port on loopback, so that runs beside each other do not collide."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scan_log(text):
    """Return the ERROR/CRITICAL lines and the WARNING lines not explicitly allowed."""
    bad = []
    for line in text.splitlines():
        match = LOG_LINE.match(line)
        if not match or match["level"] in ("DEBUG", "INFO"):
            continue
        if match["level"] == "WARNING" and any(p.search(line) for p in ALLOWED_WARNINGS):
            continue
        bad.append(line)
    return bad


def dropdb(db):
    run(["dropdb", "--if-exists", "--force", db])


def odoo_tests(tally, modules, keep_db=False):
    db = f"zzcrm_test_{os.getpid()}"
    banner(f"Odoo tests: install {len(modules)} modules with demo data in {db}")
    dropdb(db)
    log = LOG_DIR / "odoo-tests.log"
    tags = ",".join(f"/{m}" for m in modules)
    started = time.time()
    res = run(
        odoo_cmd(
            db,
            "-i",
            ",".join(modules),
            "--test-enable",
            f"--test-tags={tags}",
            "--stop-after-init",
            "--log-level=test",
            # HttpCase needs the HTTP server; another Odoo may hold 8069.
            f"--http-port={free_port()}",
        )
    )
    output = res.stdout + res.stderr
    log.write_text(output)
    print(f"  (log: {log}, {time.time() - started:.0f}s)")
    results = RESULT_LINE.findall(output)
    if results:
        failed, errors, ran = (int(x) for x in results[-1])
        skips = [
            m["module"] + ": " + m["what"] for m in map(SKIP_LINE.search, output.splitlines()) if m
        ]
        tally.passed += ran - failed - errors - len(skips)
        tally.failed += failed + errors
        tally.skipped += len(skips)
        if failed + errors:
            tally.failures.append(f"odoo tests: {failed} failed, {errors} error(s)")
        print(f"  Odoo: {ran} tests, {failed} failed, {errors} error(s), {len(skips)} skipped")
        if ran == 0:
            tally.check("Odoo found the suite's tests", False)
        _check_skips(tally, "Odoo", skips)
    else:
        tally.check("Odoo test run reported its result", False, output[-6000:])
    bad = scan_log(output)
    tally.check("Odoo log free of errors and unexpected warnings", not bad, "\n".join(bad))
    tally.check("Odoo exited 0", res.returncode == 0, f"exit code {res.returncode}")
    if set(MODULES) <= set(modules):
        # the demo database, its attachments included, through a backup and a restore
        res = run([sys.executable, str(ROOT / "tests" / "check_backup.py"), db])
        print(_indent(res.stdout, limit=20))
        tally.check(
            "a backup restores the same customers, leads, tickets and attachments",
            res.returncode == 0,
            res.stdout + res.stderr,
        )
    pot_dir = LOG_DIR / "pot"
    if not export_pots(db, pot_dir, modules):
        tally.check("the .pot files hold every term of the code", False, "export failed")
        if not keep_db:
            dropdb(db)
        return
    res = run([sys.executable, str(ROOT / "tests" / "check_po.py"), "--pot-dir", str(pot_dir)])
    tally.check("the .pot files hold every term of the code", res.returncode == 0, res.stdout)
    if not keep_db:
        dropdb(db)


def export_pots(db, pot_dir, modules):
    """Export each module's terms from ``db`` into ``pot_dir/<module>.pot``."""
    shutil.rmtree(pot_dir, ignore_errors=True)
    pot_dir.mkdir(parents=True)
    script = (
        "import io\n"
        "from odoo.tools.translate import trans_export\n"
        f"for module in {modules!r}:\n"
        "    buf = io.BytesIO()\n"
        "    trans_export(False, [module], buf, 'po', env.cr)\n"
        f"    open({str(pot_dir)!r} + '/' + module + '.pot', 'wb').write(buf.getvalue())\n"
    )
    res = run(odoo_cmd(db, "--no-http", "--log-level=warn", command="shell"), input=script)
    return res.returncode == 0 and all((pot_dir / f"{m}.pot").exists() for m in modules)


def update_translations(modules):
    """Regenerate every module's .pot and merge it into zh_CN.po (``make i18n``)."""
    db = f"zzcrm_i18n_{os.getpid()}"
    dropdb(db)
    try:
        res = run(odoo_cmd(db, "-i", ",".join(modules), "--stop-after-init"))
        if res.returncode:
            print(res.stdout[-3000:] + res.stderr[-3000:])
            return 1
        export_pots(db, LOG_DIR / "pot", modules)
    finally:
        dropdb(db)
    for module in modules:
        i18n = ADDONS / module / "i18n"
        i18n.mkdir(exist_ok=True)
        pot = i18n / f"{module}.pot"
        shutil.copy(LOG_DIR / "pot" / f"{module}.pot", pot)
        po = i18n / "zh_CN.po"
        if po.exists():
            run(
                [
                    "msgmerge",
                    "--quiet",
                    "--no-fuzzy-matching",
                    "-U",
                    "--backup=none",
                    str(po),
                    str(pot),
                ]
            )
        else:
            shutil.copy(pot, po)
        print(f"{module}: {pot.relative_to(ROOT)} and {po.relative_to(ROOT)} updated")
    return 0


def install_alone(module):
    """Install one module with its dependencies only, then uninstall it."""
    db = f"zzcrm_alone_{module}_{os.getpid()}"
    dropdb(db)
    out = []
    try:
        res = run(odoo_cmd(db, "-i", module, "--stop-after-init"))
        out.append(res.stdout + res.stderr)
        if res.returncode:
            return False, f"install exited {res.returncode}\n" + "\n".join(scan_log(out[-1])[-40:])
        script = (
            f"mod = env['ir.module.module'].search([('name', '=', {module!r})])\n"
            "mod.button_immediate_uninstall()\n"
            "env.invalidate_all()\n"
            "print('ZZ-STATE', mod.state)\n"
        )
        res = run(odoo_cmd(db, "--no-http", command="shell"), input=script)
        out.append(res.stdout + res.stderr)
        state = re.search(r"ZZ-STATE (\w+)", out[-1])
        if res.returncode or not state or state[1] != "uninstalled":
            return False, "uninstall failed\n" + out[-1][-4000:]
        bad = scan_log("\n".join(out))
        if bad:
            return False, "\n".join(bad)
        return True, ""
    finally:
        (LOG_DIR / f"alone-{module}.log").write_text("\n".join(out))
        dropdb(db)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--skip-alone",
        action="store_true",
        help="skip the install-alone/uninstall check of each module",
    )
    parser.add_argument("--keep-db", action="store_true", help="keep the test database")
    parser.add_argument(
        "--i18n",
        action="store_true",
        help="only regenerate the .pot files and merge them into zh_CN.po",
    )
    parser.add_argument(
        "--modules",
        default=",".join(MODULES),
        help="comma-separated subset of the suite's modules for the Odoo steps and --i18n "
        "(a developer's quick loop; CI runs all)",
    )
    args = parser.parse_args()
    modules = [m for m in MODULES if m in args.modules.split(",")]
    LOG_DIR.mkdir(exist_ok=True)
    if args.i18n:
        problem = ensure_postgres() if odoo_importable() else "Odoo is not importable"
        if problem:
            print(problem)
            return 1
        return update_translations(modules)
    tally = Tally()
    lint(tally)
    unit_tests(tally)

    if not odoo_importable() and os.environ.get("CI"):
        banner("!!! ODOO IS NOT IMPORTABLE: CI CANNOT PASS WITHOUT THE ODOO TESTS !!!")
        tally.check(
            "Odoo importable in CI",
            False,
            "python3 -c 'import odoo' fails. Install Odoo 18.0 Community from its source:\n"
            "apt-get install libldap2-dev libsasl2-dev libpq-dev; in the source tree:\n"
            "pip install -r requirements.txt (with cbor2==5.6.5) and\n"
            "pip install -e . --config-settings editable_mode=compat\n"
            "(or run the test command inside the odoo:18.0 image, see README.md)",
        )
    elif not odoo_importable():
        banner(
            "!!! ODOO IS NOT IMPORTABLE (python3 -c 'import odoo' fails) !!!\n"
            "!!! THE ODOO TESTS DID NOT RUN: no module was installed or tested. !!!\n"
            "!!! Only the linters and the plain-Python tests ran.               !!!"
        )
        tally.skip("Odoo tests and install checks", "Odoo is not importable")
    else:
        problem = ensure_postgres()
        if problem:
            tally.check("PostgreSQL available", False, problem)
        else:
            with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
                alone = {}
                if not args.skip_alone:
                    # On another core while the main test run works.
                    alone = {m: pool.submit(install_alone, m) for m in modules}
                odoo_tests(tally, modules, keep_db=args.keep_db)
                if alone:
                    banner("Each module installs alone and uninstalls cleanly")
                for module, future in alone.items():
                    ok, detail = future.result()
                    tally.check(f"{module} installs alone and uninstalls", ok, detail)

    banner("Summary")
    for name in tally.failures:
        print(f"  failed: {name}")
    print(f"{tally.passed} passed, {tally.failed} failed, {tally.skipped} skipped")
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
