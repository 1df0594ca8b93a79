from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SendMsgOnEventResp")


@_attrs_define
class SendMsgOnEventResp:
    """Response of `kf/send_msg_on_event`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    msgid: str | Unset = UNSET
    """ The message id (消息ID). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        msgid = self.msgid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if msgid is not UNSET:
            field_dict["msgid"] = msgid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        msgid = d.pop("msgid", UNSET)

        send_msg_on_event_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            msgid=msgid,
        )

        send_msg_on_event_resp.additional_properties = d
        return send_msg_on_event_resp

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
