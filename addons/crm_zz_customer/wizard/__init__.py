from . import base_partner_merge_automatic_wizard
from . import crm_zz_partner_transfer
from . import crm_zz_partner_import
from . import crm_zz_import_column
