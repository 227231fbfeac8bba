#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Time and memory of the import's workbook reader on the hostile-file corpus.

Usage (no database, no Odoo):

    python3 bench/import_corpus_bench.py [--rows 100000] [--only zip]

Reads every file of ``tests/unit/test_customer_import_corpus.py``'s CORPUS, and
a plain workbook and CSV of ``--rows`` customers for comparison, each in a
forked child, and prints per file: the answer (``rows`` and how many, or the
refusal's code), seconds, the peak of Python allocations (tracemalloc: not
lxml's own memory) and how far the child's peak resident memory rose above what
it held before reading (Linux VmHWM, reset once the file is built).
"""

import argparse
import gc
import importlib.util
import io
import json
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parents[1]
UNIT = ROOT / "tests" / "unit"


def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


load(UNIT / "conftest.py", "zz_unit_conftest")  # registers crm_zz_customer_tools
corpus = load(UNIT / "test_customer_import_corpus.py", "zz_import_corpus")
wr = sys.modules["crm_zz_customer_tools.workbook_reader"]
HEADERS = ["客户名称", "统一社会信用代码", "电话", "手机", "所属区县", "地址"]


def customers(rows):
    rng = random.Random(7)
    for n in range(1, rows + 1):
        yield [
            f"郑州{n}科技有限公司",
            f"91410100{n:010d}",
            f"0371-{rng.randint(1_000_000, 9_999_999)}",
            13_800_000_000 + n,
            rng.choice(["金水区", "中原区", "二七区", "郑东新区"]),
            f"金水路{rng.randint(1, 999)}号",
        ]


def plain_xlsx(rows):
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True, "constant_memory": True})
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, HEADERS)
    for index, values in enumerate(customers(rows), start=1):
        sheet.write_row(index, 0, values)
    workbook.close()
    return output.getvalue()


def plain_csv(rows):
    lines = [",".join(HEADERS)] + [",".join(map(str, values)) for values in customers(rows)]
    return "\r\n".join(lines).encode("gb18030")


def status(key):
    """A memory figure of /proc/self/status, in KB."""
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(key))


def reset_peak_rss():
    """Forget the peak RSS so far (Linux); the current RSS, in KB."""
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
    except OSError:
        pass
    return status("VmRSS:")


def peak_rss():
    try:
        return status("VmHWM:")
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def read(content, filename, limits=None):
    """The answer to a file, its rows counted, not kept."""
    try:
        sheet = wr.read_sheet(content, corpus.COLUMNS, filename=filename, limits=limits)
        return f"rows: {sum(1 for _row in sheet.rows)}"
    except wr.ImportFileError as err:
        return f"{err.code} {err.params}"


def in_child(function):
    """function()'s JSON result, computed in a forked child."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        with os.fdopen(write_end, "w") as pipe:
            json.dump(function(), pipe)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        result = json.load(pipe)
    os.waitpid(pid, 0)
    return result


def measure(build, filename):
    """(answer, seconds, RSS growth MB, tracemalloc peak MB, size KB) of one file.

    Time and RSS in one child, Python allocations in another (tracemalloc slows
    Python down several times: that run has no time budget).
    """

    def timed():
        content = build()
        gc.collect()
        baseline = reset_peak_rss()
        started = time.perf_counter()
        text = read(content, filename)
        seconds = time.perf_counter() - started
        return text, seconds, (peak_rss() - baseline) / 1024, len(content) / 1024

    def traced():
        content = build()
        tracemalloc.start()
        read(content, filename, wr.Limits(max_seconds=float("inf")))
        return tracemalloc.get_traced_memory()[1] / 1024 / 1024

    text, seconds, rss, size = in_child(timed)
    return text, seconds, rss, in_child(traced), size


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000, help="rows of the plain files")
    parser.add_argument("--only", default="", help="only the files whose name contains this")
    args = parser.parse_args()
    files = dict(corpus.CORPUS)
    files[f"plain workbook, {args.rows} rows"] = (lambda: plain_xlsx(args.rows), "客户.xlsx", "")
    files[f"plain GB18030 CSV, {args.rows} rows"] = (lambda: plain_csv(args.rows), "客户.csv", "")
    print(f"{'file':<40} {'KB':>8} {'seconds':>8} {'py MB':>7} {'+RSS MB':>7}  answer")
    for name, (build, filename, _expected) in files.items():
        if args.only not in name:
            continue
        text, seconds, rss, peak, size = measure(build, filename)
        print(f"{name:<40} {size:>8.0f} {seconds:>8.2f} {peak:>7.1f} {rss:>7.0f}  {text[:70]}")


if __name__ == "__main__":
    main()
