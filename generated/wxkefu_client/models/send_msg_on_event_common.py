from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SendMsgOnEventCommon")


@_attrs_define
class SendMsgOnEventCommon:
    """Fields of every `kf/send_msg_on_event` body. `msgtype` is pinned per variant."""

    code: str
    """ Single-use event code (事件响应消息对应的code): `welcome_code` of enter_session or
    `msg_code` of session_status_change / service_state/trans.
     """
    msgid: str | Unset = UNSET
    """ Caller-chosen id (消息ID), same rules as in `kf/send_msg`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msgid = self.msgid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if msgid is not UNSET:
            field_dict["msgid"] = msgid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        msgid = d.pop("msgid", UNSET)

        send_msg_on_event_common = cls(
            code=code,
            msgid=msgid,
        )

        send_msg_on_event_common.additional_properties = d
        return send_msg_on_event_common

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
