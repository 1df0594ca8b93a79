from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnknownMessage")


@_attrs_define
class UnknownMessage:
    """Catch-all for a `msgtype` this spec does not know yet (always the LAST member of
    `SyncMsgItem`; not in its discriminator mapping). Only `msgtype` is declared, and it is
    required: the server always sends it (every documented item has it), OpenAPI 3.1.0
    requires the discriminator property in every member, and without it the `oneOf` would
    no longer be provably exclusive (redocly's no-illogical-composition-keywords). An item
    with no `msgtype` is therefore outside the spec; see SyncMsgItem for what each generator
    does with one. Every other field the server sent (`msgid`, `open_kfid`, `external_userid`, `send_time`, `origin`,
    the payload
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

    msgtype: str
    """ The unknown message type; the payload object is named after it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgtype = self.msgtype

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgtype": msgtype,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        msgtype = d.pop("msgtype")

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
