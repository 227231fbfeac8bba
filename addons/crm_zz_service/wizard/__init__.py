from . import crm_zz_service_holiday_import
