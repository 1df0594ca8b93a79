from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.channels_sub_type_known import ChannelsSubTypeKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChannelsPayload")


@_attrs_define
class ChannelsPayload:
    """Payload of a pulled `channels` message (视频号消息)."""

    sub_type: ChannelsSubTypeKnown | int | Unset = UNSET
    """ A `ChannelsSubTypeKnown` value, or another integer sent by a newer server. """
    nickname: str | Unset = UNSET
    """ 视频号 name (视频号名称). """
    title: str | Unset = UNSET
    """ Title of the post (视频号动态标题), only for sub_type 1. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sub_type: int | Unset
        if isinstance(self.sub_type, Unset):
            sub_type = UNSET
        elif isinstance(self.sub_type, ChannelsSubTypeKnown):
            sub_type = self.sub_type.value
        else:
            sub_type = self.sub_type

        nickname = self.nickname

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sub_type is not UNSET:
            field_dict["sub_type"] = sub_type
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_sub_type(data: object) -> ChannelsSubTypeKnown | int | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_channels_sub_type_type_0 = ChannelsSubTypeKnown(data)

                return componentsschemas_channels_sub_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChannelsSubTypeKnown | int | Unset, data)

        sub_type = _parse_sub_type(d.pop("sub_type", UNSET))

        nickname = d.pop("nickname", UNSET)

        title = d.pop("title", UNSET)

        channels_payload = cls(
            sub_type=sub_type,
            nickname=nickname,
            title=title,
        )

        channels_payload.additional_properties = d
        return channels_payload

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
