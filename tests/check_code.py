#!/usr/bin/env python3
# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Project rules pylint-odoo does not check.

- Every ``sudo()`` in the addons' code (tests aside) says why: a ``# sudo: <why>``
  comment on the same line or in the three lines above it.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUDO = re.compile(r"\.sudo\(")
WHY = re.compile(r"#\s*sudo:\s*\S")


def sudo_without_reason(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        code = line.split("#", 1)[0]
        if SUDO.search(code) and not any(WHY.search(x) for x in lines[max(0, number - 4) : number]):
            yield f"{path.relative_to(ROOT)}:{number}: sudo() without a '# sudo: <why>' comment"


def main():
    problems = []
    for path in sorted((ROOT / "addons").glob("*/**/*.py")):
        if "tests" in path.relative_to(ROOT / "addons").parts:
            continue
        problems += sudo_without_reason(path)
    print("\n".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
