from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackEnvelopeXml")


@_attrs_define
class CallbackEnvelopeXml:
    """Body of an event push, as XML (Content-Type text/xml):
    `<xml><ToUserName><![CDATA[…]]></ToUserName><AgentID><![CDATA[…]]></AgentID><Encrypt><![CDATA[…]]></Encrypt></xml>`.

    Decryption (WXBizMsgCrypt): `AESKey = Base64_Decode(EncodingAESKey + "=")` (32 bytes;
    EncodingAESKey is 43 characters of [a-zA-Z0-9], a secret). `Encrypt` is Base64 of
    AES-256-CBC ciphertext with IV = the first 16 bytes of AESKey and PKCS#7 padding to a
    multiple of 32 bytes. The plaintext is
    `random(16 bytes) ‖ msg_len (4 bytes, big-endian) ‖ msg (XML) ‖ receiveid`;
    `receiveid` must equal the corp ID (internal apps) or the suite id (third-party suite
    callbacks). `msg` is a `KfMsgOrEventCallback` or `KfAccountAuthChangeCallback`.
    (Conflict: one SDK's prose describes AES-128 and a JSON body; its code and every other
    source use AES-256-CBC and this XML envelope, which the spec follows.)

        Example:
            {'ToUserName': 'ww0123456789abcdef', 'AgentID': '1000002', 'Encrypt': 'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qc
                a6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8d
                TT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnv
                w2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNe
                lZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=='}

    """

    to_user_name: str
    """ Receiver (企业微信的CorpID, or the suite id for third-party suites). """
    encrypt: str
    """ Base64 ciphertext (消息结构体加密后的字符串), see above. """
    agent_id: str | Unset = UNSET
    """ The app's agent id (接收的应用id); may be empty for Kf pushes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to_user_name = self.to_user_name

        encrypt = self.encrypt

        agent_id = self.agent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ToUserName": to_user_name,
                "Encrypt": encrypt,
            }
        )
        if agent_id is not UNSET:
            field_dict["AgentID"] = agent_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to_user_name = d.pop("ToUserName")

        encrypt = d.pop("Encrypt")

        agent_id = d.pop("AgentID", UNSET)

        callback_envelope_xml = cls(
            to_user_name=to_user_name,
            encrypt=encrypt,
            agent_id=agent_id,
        )

        callback_envelope_xml.additional_properties = d
        return callback_envelope_xml

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
