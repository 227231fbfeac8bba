# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load each addon's pure-Python ``tools`` package by path, without Odoo.

Importing ``odoo.addons.crm_zz_x`` would import ``odoo``; the ``tools`` packages
import nothing of Odoo, so they are registered here as ``crm_zz_x_tools``.
"""

import importlib.util
import sys
from pathlib import Path

import pytest

ADDONS = Path(__file__).resolve().parents[2] / "addons"


def load_tools(addon):
    name = f"{addon}_tools"
    if name in sys.modules:
        return sys.modules[name]
    tools_dir = ADDONS / addon / "tools"
    spec = importlib.util.spec_from_file_location(
        name, tools_dir / "__init__.py", submodule_search_locations=[str(tools_dir)]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


for _addon in sorted(p.name for p in ADDONS.iterdir() if (p / "tools" / "__init__.py").exists()):
    load_tools(_addon)


@pytest.fixture
def customer_tools():
    return load_tools("crm_zz_customer")
