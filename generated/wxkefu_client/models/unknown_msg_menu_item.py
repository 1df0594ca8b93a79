from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnknownMsgMenuItem")


@_attrs_define
class UnknownMsgMenuItem:
    """Catch-all for a menu item `type` this spec does not know yet (not in the discriminator
    mapping of `ReceivedMsgMenuItem`); the raw fields are kept. Only `type` is required.

        Example:
            {'type': 'future_item', 'future_item': {'content': 'a menu item type added later'}}

    """

    type_: str
    """ The item type (菜单类型); any value except the known ones. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        unknown_msg_menu_item = cls(
            type_=type_,
        )

        unknown_msg_menu_item.additional_properties = d
        return unknown_msg_menu_item

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
