from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceivedMiniprogram")


@_attrs_define
class ReceivedMiniprogram:
    """Payload of a pulled `miniprogram` message (小程序)."""

    title: str | Unset = UNSET
    """ Title (标题). """
    appid: str | Unset = UNSET
    """ Mini program appid (小程序appid). """
    pagepath: str | Unset = UNSET
    """ Page path (点击消息卡片后进入的小程序页面路径). """
    thumb_media_id: str | Unset = UNSET
    """ Cover picture media id (小程序消息封面的mediaid), download with `media/get`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        appid = self.appid

        pagepath = self.pagepath

        thumb_media_id = self.thumb_media_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if appid is not UNSET:
            field_dict["appid"] = appid
        if pagepath is not UNSET:
            field_dict["pagepath"] = pagepath
        if thumb_media_id is not UNSET:
            field_dict["thumb_media_id"] = thumb_media_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        appid = d.pop("appid", UNSET)

        pagepath = d.pop("pagepath", UNSET)

        thumb_media_id = d.pop("thumb_media_id", UNSET)

        received_miniprogram = cls(
            title=title,
            appid=appid,
            pagepath=pagepath,
            thumb_media_id=thumb_media_id,
        )

        received_miniprogram.additional_properties = d
        return received_miniprogram

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
