from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RecallMsgReq")


@_attrs_define
class RecallMsgReq:
    """Body of `kf/recall_msg`."""

    open_kfid: str
    """ The Kf account that sent the message (客服账号ID). """
    msgid: str
    """ msgid returned by `kf/send_msg` / `kf/send_msg_on_event` (要撤回的消息ID). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        msgid = self.msgid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
                "msgid": msgid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        msgid = d.pop("msgid")

        recall_msg_req = cls(
            open_kfid=open_kfid,
            msgid=msgid,
        )

        recall_msg_req.additional_properties = d
        return recall_msg_req

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
