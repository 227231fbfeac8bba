from . import test_helpdesk_ticket_customer
