# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The two calls ZZ CRM makes to Alibaba Cloud SMS, through its official SDK
(``alibabacloud_dysmsapi20170525``), with plain results and three named
failures. No Odoo import: the models adapt it.

- :class:`ProviderRefused`: the service answered and refused (``isv.*``,
  ``SignatureDoesNotMatch``...); ``code`` and ``message`` are the provider's.
  ``credentials`` is true when the AccessKey or its signature is wrong.
- :class:`ProviderTimeout`: no answer in time; the message may or may not
  have been sent, so the caller asks QuerySendDetails before sending again.
- :class:`ProviderUnreachable`: no connection; nothing was sent.

The SDK retries nothing by default (no ``retry_options``): a send is one
HTTP request.
"""

from dataclasses import dataclass

from alibabacloud_dysmsapi20170525 import models as sms_models
from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_tea_openapi import exceptions as openapi_exceptions
from alibabacloud_tea_openapi import models as openapi_models
from darabonba.exceptions import UnretryableException
from darabonba.runtime import RuntimeOptions

DEFAULT_ENDPOINT = "dysmsapi.aliyuncs.com"
PAGE_SIZE = 50
CREDENTIAL_ERRORS = {
    "SignatureDoesNotMatch",
    "InvalidAccessKeyId.NotFound",
    "InvalidAccessKeyId.Inactive",
    "IncompleteSignature",
    "MissingAuthorization",
}


class ProviderError(Exception):
    pass


class ProviderRefused(ProviderError):
    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message

    @property
    def credentials(self):
        return self.code in CREDENTIAL_ERRORS


class ProviderTimeout(ProviderError):
    pass


class ProviderUnreachable(ProviderError):
    pass


@dataclass
class SendDetail:
    out_id: str
    phone: str
    status: int
    err_code: str
    send_date: str
    receive_date: str

    def get(self, key):
        return getattr(self, key)


def split_endpoint(endpoint):
    """``http://127.0.0.1:8000`` -> ("http", "127.0.0.1:8000"); a bare host is
    reached over HTTPS."""
    endpoint = (endpoint or DEFAULT_ENDPOINT).strip().rstrip("/")
    for protocol in ("http", "https"):
        prefix = f"{protocol}://"
        if endpoint.lower().startswith(prefix):
            return protocol, endpoint[len(prefix) :]
    return "https", endpoint


class AliyunSmsGateway:
    def __init__(
        self,
        access_key_id,
        access_key_secret,
        endpoint=None,
        read_timeout_ms=10000,
        connect_timeout_ms=5000,
    ):
        protocol, host = split_endpoint(endpoint)
        config = openapi_models.Config(
            access_key_id=access_key_id,
            access_key_secret=access_key_secret,
            endpoint=host,
            protocol=protocol,
            read_timeout=read_timeout_ms,
            connect_timeout=connect_timeout_ms,
        )
        self.client = Client(config)
        self.runtime = RuntimeOptions(
            read_timeout=read_timeout_ms, connect_timeout=connect_timeout_ms, autoretry=False
        )

    def _call(self, method, request):
        try:
            response = method(request, self.runtime)
        except openapi_exceptions.AlibabaCloudException as e:
            # ClientException (4xx), ServerException (5xx), ThrottlingException
            data = e.data if isinstance(e.data, dict) else {}
            raise ProviderRefused(e.code, data.get("Message") or e.message) from e
        except UnretryableException as e:
            # no HTTP answer: requests' error is kept as the inner exception
            inner = e.inner_exception or e
            text = getattr(inner, "message", None) or str(inner)
            if "read timed out" in text.lower():
                raise ProviderTimeout(text) from e
            raise ProviderUnreachable(text) from e
        body = response.body
        if body.code != "OK":
            raise ProviderRefused(body.code, body.message)
        return body

    def send(self, phone, sign_name, template_code, template_param, out_id):
        """Send one SMS; return the provider's BizId."""
        body = self._call(
            self.client.send_sms_with_options,
            sms_models.SendSmsRequest(
                phone_numbers=phone,
                sign_name=sign_name,
                template_code=template_code,
                template_param=template_param,
                out_id=out_id,
            ),
        )
        return body.biz_id

    def query(self, phone, send_date, biz_id=None):
        """The provider's send records for ``phone`` on ``send_date``
        (``yyyyMMdd``), all pages."""
        details, page = [], 1
        while True:
            body = self._call(
                self.client.query_send_details_with_options,
                sms_models.QuerySendDetailsRequest(
                    phone_number=phone,
                    send_date=send_date,
                    biz_id=biz_id or None,
                    page_size=PAGE_SIZE,
                    current_page=page,
                ),
            )
            dtos = (
                body.sms_send_detail_dtos and body.sms_send_detail_dtos.sms_send_detail_dto
            ) or []
            details += [
                SendDetail(
                    out_id=dto.out_id or "",
                    phone=dto.phone_num or phone,
                    status=int(dto.send_status or 0),
                    err_code=dto.err_code or "",
                    send_date=dto.send_date or "",
                    receive_date=dto.receive_date or "",
                )
                for dto in dtos
            ]
            if not dtos or len(details) >= int(body.total_count or 0):
                return details
            page += 1
