# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from . import test_privacy_lookup
from . import test_privacy_request_export
from . import test_privacy_request_anonymise
from . import test_privacy_request_deadline
from . import test_privacy_retention
from . import test_privacy_access
