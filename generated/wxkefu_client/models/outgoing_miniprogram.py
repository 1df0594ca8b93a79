from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutgoingMiniprogram")


@_attrs_define
class OutgoingMiniprogram:
    """Outgoing mini-program card (小程序); the appid must be associated with the corp."""

    appid: str
    """ Mini program appid (小程序appid). """
    thumb_media_id: str
    """ Cover media id (封面图media_id), 520×416 recommended. """
    pagepath: str
    """ Page path (点击消息卡片后进入的小程序页面路径). """
    title: str | Unset = UNSET
    """ Title (小程序消息标题); the server keeps the first 64 bytes and truncates the rest, so
    longer values are accepted.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appid = self.appid

        thumb_media_id = self.thumb_media_id

        pagepath = self.pagepath

        title = self.title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appid": appid,
                "thumb_media_id": thumb_media_id,
                "pagepath": pagepath,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appid = d.pop("appid")

        thumb_media_id = d.pop("thumb_media_id")

        pagepath = d.pop("pagepath")

        title = d.pop("title", UNSET)

        outgoing_miniprogram = cls(
            appid=appid,
            thumb_media_id=thumb_media_id,
            pagepath=pagepath,
            title=title,
        )

        outgoing_miniprogram.additional_properties = d
        return outgoing_miniprogram

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
