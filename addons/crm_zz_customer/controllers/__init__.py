from . import export
from . import totp
