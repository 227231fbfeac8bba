from . import crm_zz_sales_lead_import
