from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceivedText")


@_attrs_define
class ReceivedText:
    """Payload of a pulled `text` message."""

    content: str
    """ The text (文本内容). """
    menu_id: str | Unset = UNSET
    """ Present when the text is the reply produced by clicking a msgmenu `click` item
    (客户点击菜单消息触发的回复消息中附带的菜单ID): equals that item's `id`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        menu_id = self.menu_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if menu_id is not UNSET:
            field_dict["menu_id"] = menu_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content = d.pop("content")

        menu_id = d.pop("menu_id", UNSET)

        received_text = cls(
            content=content,
            menu_id=menu_id,
        )

        received_text.additional_properties = d
        return received_text

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
