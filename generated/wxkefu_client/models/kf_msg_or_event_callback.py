from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KfMsgOrEventCallback")


@_attrs_define
class KfMsgOrEventCallback:
    """Decrypted `kf_msg_or_event` push (XML, root `<xml>`): new messages or events are waiting.
    It carries no message content — call `kf/sync_msg` with `token` = `Token` (valid 10
    minutes) and `open_kfid` = `OpenKfId`.
    `OpenKfId` was added later (absent in the older revision of the doc and in the
    stand-alone Kf doc), so it is optional here.

        Example:
            {'ToUserName': 'ww0123456789abcdef', 'CreateTime': 1348831860, 'MsgType': 'event', 'Event': 'kf_msg_or_event',
                'Token': 'ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR', 'OpenKfId': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q'}

    """

    to_user_name: str
    """ Corp ID (企业微信CorpID); older stand-alone doc 微信客服组件ID. """
    create_time: int
    """ Unix seconds (消息创建时间). """
    msg_type: Literal["event"]
    """ Always `event`. """
    event: Literal["kf_msg_or_event"]
    """ Always `kf_msg_or_event`. """
    token: str
    """ Short-lived token for `kf/sync_msg` (调用拉取消息接口时需要传此token), 10 minutes. """
    open_kf_id: str | Unset = UNSET
    """ The Kf account with new messages (有新消息的客服账号). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to_user_name = self.to_user_name

        create_time = self.create_time

        msg_type = self.msg_type

        event = self.event

        token = self.token

        open_kf_id = self.open_kf_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ToUserName": to_user_name,
                "CreateTime": create_time,
                "MsgType": msg_type,
                "Event": event,
                "Token": token,
            }
        )
        if open_kf_id is not UNSET:
            field_dict["OpenKfId"] = open_kf_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to_user_name = d.pop("ToUserName")

        create_time = d.pop("CreateTime")

        msg_type = cast(Literal["event"], d.pop("MsgType"))
        if msg_type != "event":
            raise ValueError(f"MsgType must match const 'event', got '{msg_type}'")

        event = cast(Literal["kf_msg_or_event"], d.pop("Event"))
        if event != "kf_msg_or_event":
            raise ValueError(f"Event must match const 'kf_msg_or_event', got '{event}'")

        token = d.pop("Token")

        open_kf_id = d.pop("OpenKfId", UNSET)

        kf_msg_or_event_callback = cls(
            to_user_name=to_user_name,
            create_time=create_time,
            msg_type=msg_type,
            event=event,
            token=token,
            open_kf_id=open_kf_id,
        )

        kf_msg_or_event_callback.additional_properties = d
        return kf_msg_or_event_callback

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
