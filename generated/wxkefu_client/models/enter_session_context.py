from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wechat_channels import WechatChannels


T = TypeVar("T", bound="EnterSessionContext")


@_attrs_define
class EnterSessionContext:
    """Context of the customer's last session entry within 48 h (48小时内最后一次进入会话的上下文信息).

    Example:
        {'scene': '123', 'scene_param': 'abc'}

    """

    scene: str | Unset = UNSET
    """ The `scene` of the link the customer entered through (进入会话的场景值). """
    scene_param: str | Unset = UNSET
    """ The `scene_param` appended to that link (进入会话的自定义参数). """
    wechat_channels: WechatChannels | Unset = UNSET
    """ 视频号 (WeChat Channels) context of a session entry; present only when the customer entered
    from 视频号. `nickname` is returned for scenes 1–3, `shop_nickname` for scenes 4–5.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scene = self.scene

        scene_param = self.scene_param

        wechat_channels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.wechat_channels, Unset):
            wechat_channels = self.wechat_channels.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if scene is not UNSET:
            field_dict["scene"] = scene
        if scene_param is not UNSET:
            field_dict["scene_param"] = scene_param
        if wechat_channels is not UNSET:
            field_dict["wechat_channels"] = wechat_channels

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.wechat_channels import WechatChannels

        d = dict(src_dict)
        scene = d.pop("scene", UNSET)

        scene_param = d.pop("scene_param", UNSET)

        _wechat_channels = d.pop("wechat_channels", UNSET)
        wechat_channels: WechatChannels | Unset
        if isinstance(_wechat_channels, Unset):
            wechat_channels = UNSET
        else:
            wechat_channels = WechatChannels.from_dict(_wechat_channels)

        enter_session_context = cls(
            scene=scene,
            scene_param=scene_param,
            wechat_channels=wechat_channels,
        )

        enter_session_context.additional_properties = d
        return enter_session_context

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
