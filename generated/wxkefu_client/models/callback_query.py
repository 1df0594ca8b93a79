from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackQuery")


@_attrs_define
class CallbackQuery:
    """Query parameters of every callback request (URL-decode them before use).

    * **URL verification** (when the URL is saved in the admin console):
      `GET url?msg_signature=…&timestamp=…&nonce=…&echostr=…`. Verify the signature over
      `echostr`, decrypt it and answer HTTP 200 with the plaintext only (no quotes, BOM or
      newline).
    * **Event push**: `POST url?msg_signature=…&timestamp=…&nonce=…` with a
      `CallbackEnvelopeXml` body. Answer HTTP 200 quickly (e.g. `success`): an answer
      not given within 5 s makes WeCom retry, up to 3 times (generic WeCom rule, single
      source), so de-duplicate and do the work (`kf/sync_msg`) asynchronously.

    Signature (WXBizMsgCrypt scheme):
    `msg_signature = hex(sha1(join(sort_lexicographically([token, timestamp, nonce, encrypt]))))`
    in lower case, where `encrypt` is `echostr` (verification) or the envelope's `Encrypt`,
    and `token` the callback Token configured in the admin console (≤32 ASCII letters and
    digits; a secret). Compare in constant time.

        Example:
            {'msg_signature': '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', 'timestamp': '1409659589', 'nonce': '263014780',
                'echostr': 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=='}

    """

    msg_signature: str
    """ SHA-1 signature, 40 lower-case hex digits (企业微信加密签名). """
    timestamp: str
    """ Unix seconds as a string (时间戳); reject stale values to limit replays. """
    nonce: str
    """ Random string (随机数). """
    echostr: str | Unset = UNSET
    """ URL verification only: Base64 of the encrypted random string (加密的字符串); decrypt it
    and echo the plaintext.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msg_signature = self.msg_signature

        timestamp = self.timestamp

        nonce = self.nonce

        echostr = self.echostr

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msg_signature": msg_signature,
                "timestamp": timestamp,
                "nonce": nonce,
            }
        )
        if echostr is not UNSET:
            field_dict["echostr"] = echostr

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        msg_signature = d.pop("msg_signature")

        timestamp = d.pop("timestamp")

        nonce = d.pop("nonce")

        echostr = d.pop("echostr", UNSET)

        callback_query = cls(
            msg_signature=msg_signature,
            timestamp=timestamp,
            nonce=nonce,
            echostr=echostr,
        )

        callback_query.additional_properties = d
        return callback_query

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
