from . import test_crm_zz_customer_report
