from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MsgMenuMiniprogram")


@_attrs_define
class MsgMenuMiniprogram:
    """小程序菜单: opens a mini program page."""

    appid: str | Unset = UNSET
    """ Mini program appid (小程序appid), 1–32 bytes. """
    pagepath: str | Unset = UNSET
    """ Page path (点击后进入的小程序页面), 1–1024 bytes. """
    content: str | Unset = UNSET
    """ Menu text (菜单显示内容), 1–1024 bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appid = self.appid

        pagepath = self.pagepath

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if appid is not UNSET:
            field_dict["appid"] = appid
        if pagepath is not UNSET:
            field_dict["pagepath"] = pagepath
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appid = d.pop("appid", UNSET)

        pagepath = d.pop("pagepath", UNSET)

        content = d.pop("content", UNSET)

        msg_menu_miniprogram = cls(
            appid=appid,
            pagepath=pagepath,
            content=content,
        )

        msg_menu_miniprogram.additional_properties = d
        return msg_menu_miniprogram

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
