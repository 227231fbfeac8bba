# Pure Python: no odoo import here, so that tests/unit can load it by path.
from . import backtest
from . import churn
from . import clusters
from . import xlsx_safe
