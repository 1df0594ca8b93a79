from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MergedMsgItem")


@_attrs_define
class MergedMsgItem:
    """One message inside a chat record."""

    send_time: int | Unset = UNSET
    """ Send time, unix seconds (消息发送时间). """
    msgtype: str | Unset = UNSET
    """ Type of the inner message (消息类型), same names as `SyncMsgItem`. """
    sender_name: str | Unset = UNSET
    """ Display name of the sender (发送者名称). """
    msg_content: str | Unset = UNSET
    """ The inner message as a JSON string (消息内容, JSON 字符串), in the payload shape of its
    msgtype, e.g. `{"text":{"content":"…"}}`. Decode it with `json.loads`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        send_time = self.send_time

        msgtype = self.msgtype

        sender_name = self.sender_name

        msg_content = self.msg_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if send_time is not UNSET:
            field_dict["send_time"] = send_time
        if msgtype is not UNSET:
            field_dict["msgtype"] = msgtype
        if sender_name is not UNSET:
            field_dict["sender_name"] = sender_name
        if msg_content is not UNSET:
            field_dict["msg_content"] = msg_content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        send_time = d.pop("send_time", UNSET)

        msgtype = d.pop("msgtype", UNSET)

        sender_name = d.pop("sender_name", UNSET)

        msg_content = d.pop("msg_content", UNSET)

        merged_msg_item = cls(
            send_time=send_time,
            msgtype=msgtype,
            sender_name=sender_name,
            msg_content=msg_content,
        )

        merged_msg_item.additional_properties = d
        return merged_msg_item

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
