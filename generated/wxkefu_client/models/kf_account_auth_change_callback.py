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

T = TypeVar("T", bound="KfAccountAuthChangeCallback")


@_attrs_define
class KfAccountAuthChangeCallback:
    """Decrypted `kf_account_auth_change` push (XML, root `<xml>`), for apps that had Kf
    accounts authorised or de-authorised (component / third-party scenario). In XML the
    `AuthAddOpenKfId` / `AuthDelOpenKfId` elements repeat once per account (no wrapper
    element); a parser collects them into the arrays below (an absent element = empty).

        Example:
            {'ToUserName': 'ww0123456789abcdef', 'FromUserName': 'sys', 'CreateTime': 1348831860, 'MsgType': 'event',
                'Event': 'kf_account_auth_change', 'AuthAddOpenKfId': ['wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q',
                'wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw'], 'AuthDelOpenKfId': ['wkAJ2GCAAAkzFsJvJ1zOA0mVjAd1AbcDw']}

    """

    to_user_name: str
    """ Receiver (接收者). """
    create_time: int
    """ Unix seconds (消息创建时间). """
    msg_type: Literal["event"]
    """ Always `event`. """
    event: Literal["kf_account_auth_change"]
    """ Always `kf_account_auth_change`. """
    from_user_name: str | Unset = UNSET
    """ Always `sys`. """
    auth_add_open_kf_id: list[str] | Unset = UNSET
    """ Newly authorised Kf accounts (新授权的客服账号). """
    auth_del_open_kf_id: list[str] | Unset = UNSET
    """ De-authorised Kf accounts (取消授权的客服账号). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to_user_name = self.to_user_name

        create_time = self.create_time

        msg_type = self.msg_type

        event = self.event

        from_user_name = self.from_user_name

        auth_add_open_kf_id: list[str] | Unset = UNSET
        if not isinstance(self.auth_add_open_kf_id, Unset):
            auth_add_open_kf_id = self.auth_add_open_kf_id

        auth_del_open_kf_id: list[str] | Unset = UNSET
        if not isinstance(self.auth_del_open_kf_id, Unset):
            auth_del_open_kf_id = self.auth_del_open_kf_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ToUserName": to_user_name,
                "CreateTime": create_time,
                "MsgType": msg_type,
                "Event": event,
            }
        )
        if from_user_name is not UNSET:
            field_dict["FromUserName"] = from_user_name
        if auth_add_open_kf_id is not UNSET:
            field_dict["AuthAddOpenKfId"] = auth_add_open_kf_id
        if auth_del_open_kf_id is not UNSET:
            field_dict["AuthDelOpenKfId"] = auth_del_open_kf_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to_user_name = d.pop("ToUserName")

        create_time = d.pop("CreateTime")

        msg_type = cast(Literal["event"], d.pop("MsgType"))
        if msg_type != "event":
            raise ValueError(f"MsgType must match const 'event', got '{msg_type}'")

        event = cast(Literal["kf_account_auth_change"], d.pop("Event"))
        if event != "kf_account_auth_change":
            raise ValueError(
                f"Event must match const 'kf_account_auth_change', got '{event}'"
            )

        from_user_name = d.pop("FromUserName", UNSET)

        auth_add_open_kf_id = cast(list[str], d.pop("AuthAddOpenKfId", UNSET))

        auth_del_open_kf_id = cast(list[str], d.pop("AuthDelOpenKfId", UNSET))

        kf_account_auth_change_callback = cls(
            to_user_name=to_user_name,
            create_time=create_time,
            msg_type=msg_type,
            event=event,
            from_user_name=from_user_name,
            auth_add_open_kf_id=auth_add_open_kf_id,
            auth_del_open_kf_id=auth_del_open_kf_id,
        )

        kf_account_auth_change_callback.additional_properties = d
        return kf_account_auth_change_callback

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
