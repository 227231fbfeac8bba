# Pure Python: no odoo import here, so that tests/unit can load it by path.
from . import district
from . import duplicate
from . import import_parser
from . import normalize
from . import lifecycle
from . import rfm
from . import pool
