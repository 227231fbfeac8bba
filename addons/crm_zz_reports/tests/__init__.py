from . import test_crm_zz_customer_report
from . import test_full_read
