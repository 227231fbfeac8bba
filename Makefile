# ZZ CRM: the two commands. See README.md.
PYTHON ?= python3

.PHONY: run test test-fast i18n

# Start Odoo at http://localhost:8069 with all six modules, demo data and Chinese.
run:
	bin/zzcrm-run

# Linters, plain-Python tests, Odoo tests, install/uninstall of each module.
test:
	$(PYTHON) tests/run_tests.py

# The same without the install-alone/uninstall check of each module.
test-fast:
	$(PYTHON) tests/run_tests.py --skip-alone

# Regenerate each module's .pot and merge it into i18n/zh_CN.po.
i18n:
	$(PYTHON) tests/run_tests.py --i18n
