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

from ..models.change_type_known import ChangeTypeKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionStatusChangeEvent")


@_attrs_define
class SessionStatusChangeEvent:
    """会话状态变更: a servicer took, transferred, ended or re-entered a session in the WeCom
    client. `msg_code` (change_type 1 and 3) allows one `kf/send_msg_on_event` message.

        Example:
            {'event_type': 'session_status_change', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
                'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'change_type': 1, 'new_servicer_userid': 'zhangsan', 'msg_code':
                'MSG_CODE_aaaa'}

    """

    event_type: Literal["session_status_change"]
    open_kfid: str
    """ The Kf account (客服账号ID). """
    external_userid: str
    """ The customer (客户UserID). """
    change_type: ChangeTypeKnown | int
    """ A `ChangeTypeKnown` value, or another integer sent by a newer server. """
    old_servicer_userid: str | Unset = UNSET
    """ Previous servicer (老的接待人员userid), change_type 2, 3, 4. """
    new_servicer_userid: str | Unset = UNSET
    """ New servicer (新的接待人员userid), change_type 1, 2, 4. """
    msg_code: str | Unset = UNSET
    """ Single-use code for `kf/send_msg_on_event` (用于发送事件响应消息的code), change_type 1 and 3. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        change_type: int
        if isinstance(self.change_type, ChangeTypeKnown):
            change_type = self.change_type.value
        else:
            change_type = self.change_type

        old_servicer_userid = self.old_servicer_userid

        new_servicer_userid = self.new_servicer_userid

        msg_code = self.msg_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "change_type": change_type,
            }
        )
        if old_servicer_userid is not UNSET:
            field_dict["old_servicer_userid"] = old_servicer_userid
        if new_servicer_userid is not UNSET:
            field_dict["new_servicer_userid"] = new_servicer_userid
        if msg_code is not UNSET:
            field_dict["msg_code"] = msg_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_type = cast(Literal["session_status_change"], d.pop("event_type"))
        if event_type != "session_status_change":
            raise ValueError(
                f"event_type must match const 'session_status_change', got '{event_type}'"
            )

        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        def _parse_change_type(data: object) -> ChangeTypeKnown | int:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_change_type_type_0 = ChangeTypeKnown(data)

                return componentsschemas_change_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeTypeKnown | int, data)

        change_type = _parse_change_type(d.pop("change_type"))

        old_servicer_userid = d.pop("old_servicer_userid", UNSET)

        new_servicer_userid = d.pop("new_servicer_userid", UNSET)

        msg_code = d.pop("msg_code", UNSET)

        session_status_change_event = cls(
            event_type=event_type,
            open_kfid=open_kfid,
            external_userid=external_userid,
            change_type=change_type,
            old_servicer_userid=old_servicer_userid,
            new_servicer_userid=new_servicer_userid,
            msg_code=msg_code,
        )

        session_status_change_event.additional_properties = d
        return session_status_change_event

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
