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

from ..models.fail_type_known import FailTypeKnown

T = TypeVar("T", bound="MsgSendFailEvent")


@_attrs_define
class MsgSendFailEvent:
    """消息发送失败: a message sent through the API was not delivered.

    Example:
        {'event_type': 'msg_send_fail', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
            'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'fail_msgid': 'MSG_20211011_0001', 'fail_type': 10}

    """

    event_type: Literal["msg_send_fail"]
    open_kfid: str
    """ The Kf account (客服账号ID). """
    external_userid: str
    """ The customer (客户UserID). """
    fail_msgid: str
    """ msgid of the failed message (发送失败的消息msgid). """
    fail_type: FailTypeKnown | int
    """ A `FailTypeKnown` value, or another integer sent by a newer server. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        fail_msgid = self.fail_msgid

        fail_type: int
        if isinstance(self.fail_type, FailTypeKnown):
            fail_type = self.fail_type.value
        else:
            fail_type = self.fail_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "fail_msgid": fail_msgid,
                "fail_type": fail_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_type = cast(Literal["msg_send_fail"], d.pop("event_type"))
        if event_type != "msg_send_fail":
            raise ValueError(
                f"event_type must match const 'msg_send_fail', got '{event_type}'"
            )

        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        fail_msgid = d.pop("fail_msgid")

        def _parse_fail_type(data: object) -> FailTypeKnown | int:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_fail_type_type_0 = FailTypeKnown(data)

                return componentsschemas_fail_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FailTypeKnown | int, data)

        fail_type = _parse_fail_type(d.pop("fail_type"))

        msg_send_fail_event = cls(
            event_type=event_type,
            open_kfid=open_kfid,
            external_userid=external_userid,
            fail_msgid=fail_msgid,
            fail_type=fail_type,
        )

        msg_send_fail_event.additional_properties = d
        return msg_send_fail_event

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
