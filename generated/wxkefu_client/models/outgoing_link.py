from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutgoingLink")


@_attrs_define
class OutgoingLink:
    """Outgoing link card (图文链接). Over-long `title` / `desc` are truncated by the server."""

    title: str
    """ Title (标题); the server keeps the first 128 bytes and truncates the rest
    (超过会自动截断), so longer values are accepted.
     """
    url: str
    """ Target (点击后跳转的链接), ≤2048 bytes, starting with http:// or https://. """
    thumb_media_id: str
    """ Cover picture media id (缩略图的media_id) from `media/upload`. """
    desc: str | Unset = UNSET
    """ Description (描述); the server keeps the first 512 bytes and truncates the rest, so
    longer values are accepted.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        url = self.url

        thumb_media_id = self.thumb_media_id

        desc = self.desc

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "url": url,
                "thumb_media_id": thumb_media_id,
            }
        )
        if desc is not UNSET:
            field_dict["desc"] = desc

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title")

        url = d.pop("url")

        thumb_media_id = d.pop("thumb_media_id")

        desc = d.pop("desc", UNSET)

        outgoing_link = cls(
            title=title,
            url=url,
            thumb_media_id=thumb_media_id,
            desc=desc,
        )

        outgoing_link.additional_properties = d
        return outgoing_link

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
