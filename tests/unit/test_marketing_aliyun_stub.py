# Copyright 2026 ZZ CRM contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The loopback stand-in of Alibaba Cloud SMS used by crm_zz_marketing's Odoo
tests really checks signatures: a request signed by the official SDK passes,
the same request changed after signing, replayed, or signed with another
secret is refused with the service's codes. Also the gateway's endpoint rule.
"""

import importlib.util
import sys
from pathlib import Path

import pytest
import requests
from alibabacloud_tea_openapi.utils import Utils
from crm_zz_marketing_tools import aliyun_sms_gateway as gateway_module

STUB_PATH = Path(__file__).resolve().parents[2] / "addons/crm_zz_marketing/tests/aliyun_stub.py"


def _load_stub():
    spec = importlib.util.spec_from_file_location("crm_zz_marketing_aliyun_stub", STUB_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def stub():
    server = _load_stub().AliyunSmsStub("AKID", "SECRET", ["郑州测试"], {"SMS_1": ["name"]}).start()
    yield server
    server.stop()


class _Request:
    """What ``Utils.get_authorization`` reads of a request."""

    def __init__(self, host, query):
        self.method = "POST"
        self.pathname = "/"
        self.query = dict(query)
        self.headers = {
            "host": host,
            "x-acs-version": "2017-05-25",
            "x-acs-action": "SendSms",
            "x-acs-date": Utils.get_timestamp(),
            "x-acs-signature-nonce": Utils.get_nonce(),
            "x-acs-content-sha256": Utils.hash(b"", "ACS3-HMAC-SHA256").hex(),
        }


def _signed(stub, secret="SECRET", **query):
    request = _Request(stub.endpoint.split("//")[1], query)
    request.headers["Authorization"] = Utils.get_authorization(
        request, "ACS3-HMAC-SHA256", request.headers["x-acs-content-sha256"], "AKID", secret
    )
    return request


def _post(stub, request, **change):
    query = {**request.query, **change}
    return requests.post(stub.endpoint + "/", params=query, headers=request.headers, timeout=5)


SEND = {"PhoneNumbers": "13812345678", "SignName": "郑州测试", "TemplateCode": "SMS_1"}


def test_sdk_signed_request_passes(stub):
    answer = _post(stub, _signed(stub, TemplateParam='{"name":"张三"}', OutId="a", **SEND))
    assert answer.json()["Code"] == "OK"


def test_request_changed_after_signing_is_refused(stub):
    request = _signed(stub, TemplateParam='{"name":"张三"}', OutId="b", **SEND)
    answer = _post(stub, request, PhoneNumbers="13900000000")
    assert answer.status_code == 400
    assert answer.json()["Code"] == "SignatureDoesNotMatch"


def test_replayed_nonce_is_refused(stub):
    request = _signed(stub, TemplateParam='{"name":"张三"}', OutId="c", **SEND)
    assert _post(stub, request).json()["Code"] == "OK"
    assert _post(stub, request).json()["Code"] == "SignatureNonceUsed"


def test_other_secret_or_body_is_refused(stub):
    assert _post(stub, _signed(stub, "OTHER", OutId="d", **SEND)).json()["Code"] == (
        "SignatureDoesNotMatch"
    )
    request = _signed(stub, OutId="e", **SEND)
    answer = requests.post(
        stub.endpoint + "/", params=request.query, headers=request.headers, data=b"x", timeout=5
    )
    assert answer.json()["Code"] == "ContentSHA256NotMatched"


def test_gateway_reports_provider_codes(stub):
    gateway = gateway_module.AliyunSmsGateway("AKID", "SECRET", stub.endpoint)
    with pytest.raises(gateway_module.ProviderRefused) as info:
        gateway.send("13812345678", "郑州测试", "SMS_404", "{}", "f")
    assert info.value.code == "isv.SMS_TEMPLATE_ILLEGAL"
    assert not info.value.credentials


@pytest.mark.parametrize(
    ("endpoint", "expected"),
    [
        (None, ("https", "dysmsapi.aliyuncs.com")),
        ("dysmsapi.aliyuncs.com", ("https", "dysmsapi.aliyuncs.com")),
        ("http://127.0.0.1:8123/", ("http", "127.0.0.1:8123")),
        ("HTTPS://dysmsapi.aliyuncs.com", ("https", "dysmsapi.aliyuncs.com")),
    ],
)
def test_endpoint_rule(endpoint, expected):
    assert gateway_module.split_endpoint(endpoint) == expected
