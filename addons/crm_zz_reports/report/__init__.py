from . import crm_zz_customer_report
