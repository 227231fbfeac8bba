from . import crm_lead_lost
from . import crm_zz_sales_lead_import
from . import crm_zz_partner_transfer
