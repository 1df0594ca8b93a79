from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OutgoingMsgMenuClick")


@_attrs_define
class OutgoingMsgMenuClick:
    """回复菜单: clicking makes the customer send a `text` message whose `menu_id` equals `id`.
    Conflict: `id` is 1–128 bytes in two sources and 1–64 bytes in two others; the spec takes
    128 (what the server accepts per the newer sources).

    """

    content: str
    """ Menu text (菜单显示内容), 1–128 bytes. """
    id: str | Unset = UNSET
    """ Menu id (菜单ID), 1–128 bytes; echoed as `menu_id` of the reply. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content = d.pop("content")

        id = d.pop("id", UNSET)

        outgoing_msg_menu_click = cls(
            content=content,
            id=id,
        )

        outgoing_msg_menu_click.additional_properties = d
        return outgoing_msg_menu_click

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
