from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnknownMessage")


@_attrs_define
class UnknownMessage:
    """Catch-all for a `msgtype` this spec does not know yet, or for an item with no `msgtype`
    at all (always the LAST member of `SyncMsgItem`; not in its discriminator mapping). Only
    `msgtype` is declared, and it is NOT required: the server is expected to send it, but an
    item without it must not fail the page (OpenAPI 3.1.0 asks for the discriminator property
    to be present; 3.2 adds `defaultMapping` for exactly this case, which no generator here
    reads yet). Every other field the server sent (`msgid`, `open_kfid`, `external_userid`, `send_time`, `origin`, the
    payload
    object named after the msgtype ...) is kept as is (generated Python clients:
    `additional_properties`, e.g. `item["msgid"]`; Go `AdditionalProperties`; Java
    `getAdditionalProperty`; pydantic `model_extra`; TypeScript: the object itself) and
    serialised back unchanged. Declaring nothing else also keeps this variant from ever
    failing on an odd common field.

        Example:
            {'msgid': 'from_msgid_4622416642169452501', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
                'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'send_time': 1615478602, 'origin': 3, 'msgtype': 'hologram', 'hologram':
                {'media_id': '2iSLeVyqzk4eX0IB5kTi9Ljfa2rt9dwfq5WKRQ4Nvvg2', 'duration': 12}}

    """

    msgtype: str | Unset = UNSET
    """ The unknown message type; the payload object is named after it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgtype = self.msgtype

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if msgtype is not UNSET:
            field_dict["msgtype"] = msgtype

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        msgtype = d.pop("msgtype", UNSET)

        unknown_message = cls(
            msgtype=msgtype,
        )

        unknown_message.additional_properties = d
        return unknown_message

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
