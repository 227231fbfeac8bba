from . import crm_zz_district
from . import crm_zz_park
from . import res_partner
