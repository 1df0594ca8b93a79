from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceivedKnowledgeMiniprogram")


@_attrs_define
class ReceivedKnowledgeMiniprogram:
    """A mini-program card (小程序). `thumb_media_id` is sent in requests; `list_intent` responses
    omit it.

        Example:
            {'title': '退货小程序', 'appid': 'wx8bd80126147dfAAA', 'pagepath': 'pages/return/index'}

    """

    title: str | Unset = UNSET
    """ Title (小程序消息标题). """
    thumb_media_id: str | Unset = UNSET
    """ Cover image as a temporary media id (封面图素材ID). """
    appid: str | Unset = UNSET
    """ Mini-program appid (小程序appid), associated with the corp. """
    pagepath: str | Unset = UNSET
    """ Page to open (点击消息卡片后进入的小程序页面路径). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        thumb_media_id = self.thumb_media_id

        appid = self.appid

        pagepath = self.pagepath

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if thumb_media_id is not UNSET:
            field_dict["thumb_media_id"] = thumb_media_id
        if appid is not UNSET:
            field_dict["appid"] = appid
        if pagepath is not UNSET:
            field_dict["pagepath"] = pagepath

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        thumb_media_id = d.pop("thumb_media_id", UNSET)

        appid = d.pop("appid", UNSET)

        pagepath = d.pop("pagepath", UNSET)

        received_knowledge_miniprogram = cls(
            title=title,
            thumb_media_id=thumb_media_id,
            appid=appid,
            pagepath=pagepath,
        )

        received_knowledge_miniprogram.additional_properties = d
        return received_knowledge_miniprogram

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
