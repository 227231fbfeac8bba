from . import crm_zz_monthly_report
