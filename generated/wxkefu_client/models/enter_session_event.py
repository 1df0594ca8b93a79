from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wechat_channels import WechatChannels


T = TypeVar("T", bound="EnterSessionEvent")


@_attrs_define
class EnterSessionEvent:
    """用户进入会话: the customer opened the chat (from a link, a QR code, 视频号 ...). Answer
    within 20 s with `kf/send_msg_on_event` using `welcome_code`, when present.

        Example:
            {'event_type': 'enter_session', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
                'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'scene': '123', 'scene_param': 'abc', 'welcome_code': 'aaaaaa',
                'wechat_channels': {'nickname': '某某视频号', 'scene': 1}}

    """

    event_type: Literal["enter_session"]
    open_kfid: str
    """ The Kf account (客服账号ID). """
    external_userid: str
    """ The customer (客户UserID). """
    scene: str | Unset = UNSET
    """ The `scene` of the `add_contact_way` link used (进入会话的场景值). """
    scene_param: str | Unset = UNSET
    """ The `scene_param` appended to the link (进入会话的自定义参数), URL-decoded. """
    welcome_code: str | Unset = UNSET
    """ Single-use code for a welcome message (欢迎语code), valid 20 s; present only when a
    welcome message may be sent.
     """
    wechat_channels: WechatChannels | Unset = UNSET
    """ 视频号 (WeChat Channels) context of a session entry; present only when the customer entered
    from 视频号. `nickname` is returned for scenes 1–3, `shop_nickname` for scenes 4–5.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        scene = self.scene

        scene_param = self.scene_param

        welcome_code = self.welcome_code

        wechat_channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wechat_channels, Unset):
            wechat_channels = self.wechat_channels.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
            }
        )
        if scene is not UNSET:
            field_dict["scene"] = scene
        if scene_param is not UNSET:
            field_dict["scene_param"] = scene_param
        if welcome_code is not UNSET:
            field_dict["welcome_code"] = welcome_code
        if wechat_channels is not UNSET:
            field_dict["wechat_channels"] = wechat_channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wechat_channels import WechatChannels

        d = dict(src_dict)
        event_type = cast(Literal["enter_session"], d.pop("event_type"))
        if event_type != "enter_session":
            raise ValueError(
                f"event_type must match const 'enter_session', got '{event_type}'"
            )

        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        scene = d.pop("scene", UNSET)

        scene_param = d.pop("scene_param", UNSET)

        welcome_code = d.pop("welcome_code", UNSET)

        _wechat_channels = d.pop("wechat_channels", UNSET)
        wechat_channels: WechatChannels | Unset
        if isinstance(_wechat_channels, Unset):
            wechat_channels = UNSET
        else:
            wechat_channels = WechatChannels.from_dict(_wechat_channels)

        enter_session_event = cls(
            event_type=event_type,
            open_kfid=open_kfid,
            external_userid=external_userid,
            scene=scene,
            scene_param=scene_param,
            welcome_code=welcome_code,
            wechat_channels=wechat_channels,
        )

        enter_session_event.additional_properties = d
        return enter_session_event

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
