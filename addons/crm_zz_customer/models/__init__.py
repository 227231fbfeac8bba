from . import crm_zz_district
from . import crm_zz_park
from . import res_partner
from . import res_config_settings
from . import sale_order
from . import account_move
