from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MsgMenuClick")


@_attrs_define
class MsgMenuClick:
    """回复菜单: clicking makes the customer send a `text` message whose `menu_id` equals `id`.
    Conflict: `id` is 1–128 bytes in two sources and 1–64 bytes in two others; the spec takes
    128 (what the server accepts per the newer sources).

    """

    id: str | Unset = UNSET
    """ Menu id (菜单ID), 1–128 bytes; echoed as `menu_id` of the reply. """
    content: str | Unset = UNSET
    """ Menu text (菜单显示内容), 1–128 bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        content = d.pop("content", UNSET)

        msg_menu_click = cls(
            id=id,
            content=content,
        )

        msg_menu_click.additional_properties = d
        return msg_menu_click

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
