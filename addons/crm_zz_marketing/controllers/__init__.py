from . import crm_zz_marketing
