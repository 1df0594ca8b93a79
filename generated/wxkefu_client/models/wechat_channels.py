from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wechat_channels_scene_known import WechatChannelsSceneKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="WechatChannels")


@_attrs_define
class WechatChannels:
    """视频号 (WeChat Channels) context of a session entry; present only when the customer entered
    from 视频号. `nickname` is returned for scenes 1–3, `shop_nickname` for scenes 4–5.

        Example:
            {'nickname': '某某视频号', 'scene': 1}

    """

    nickname: str | Unset = UNSET
    """ Nickname of the 视频号 (视频号名称), scenes 1–3. """
    shop_nickname: str | Unset = UNSET
    """ Nickname of the 视频号小店 (shop), scenes 4–5. """
    scene: int | Unset | WechatChannelsSceneKnown = UNSET
    """ A `WechatChannelsSceneKnown` value, or another integer sent by a newer server. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nickname = self.nickname

        shop_nickname = self.shop_nickname

        scene: int | Unset
        if isinstance(self.scene, Unset):
            scene = UNSET
        elif isinstance(self.scene, WechatChannelsSceneKnown):
            scene = self.scene.value
        else:
            scene = self.scene

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if shop_nickname is not UNSET:
            field_dict["shop_nickname"] = shop_nickname
        if scene is not UNSET:
            field_dict["scene"] = scene

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nickname = d.pop("nickname", UNSET)

        shop_nickname = d.pop("shop_nickname", UNSET)

        def _parse_scene(data: object) -> int | Unset | WechatChannelsSceneKnown:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_wechat_channels_scene_type_0 = (
                    WechatChannelsSceneKnown(data)
                )

                return componentsschemas_wechat_channels_scene_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | Unset | WechatChannelsSceneKnown, data)

        scene = _parse_scene(d.pop("scene", UNSET))

        wechat_channels = cls(
            nickname=nickname,
            shop_nickname=shop_nickname,
            scene=scene,
        )

        wechat_channels.additional_properties = d
        return wechat_channels

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
