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

T = TypeVar("T", bound="ServicerRecallMsgEvent")


@_attrs_define
class ServicerRecallMsgEvent:
    """接待人员撤回消息: a servicer recalled a message from the WeCom client.

    Example:
        {'event_type': 'servicer_recall_msg', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
            'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'recall_msgid': 'from_msgid_4622416642169452490', 'servicer_userid':
            'zhangsan'}

    """

    event_type: Literal["servicer_recall_msg"]
    open_kfid: str
    """ The Kf account (客服账号ID). """
    external_userid: str
    """ The customer (客户UserID). """
    recall_msgid: str
    """ msgid of the recalled message (撤回的消息msgid). """
    servicer_userid: str
    """ The servicer who recalled it (接待人员userid). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        recall_msgid = self.recall_msgid

        servicer_userid = self.servicer_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "recall_msgid": recall_msgid,
                "servicer_userid": servicer_userid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_type = cast(Literal["servicer_recall_msg"], d.pop("event_type"))
        if event_type != "servicer_recall_msg":
            raise ValueError(
                f"event_type must match const 'servicer_recall_msg', got '{event_type}'"
            )

        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        recall_msgid = d.pop("recall_msgid")

        servicer_userid = d.pop("servicer_userid")

        servicer_recall_msg_event = cls(
            event_type=event_type,
            open_kfid=open_kfid,
            external_userid=external_userid,
            recall_msgid=recall_msgid,
            servicer_userid=servicer_userid,
        )

        servicer_recall_msg_event.additional_properties = d
        return servicer_recall_msg_event

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
