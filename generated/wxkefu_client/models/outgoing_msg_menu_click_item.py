from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.outgoing_msg_menu_click import OutgoingMsgMenuClick


T = TypeVar("T", bound="OutgoingMsgMenuClickItem")


@_attrs_define
class OutgoingMsgMenuClickItem:
    """A `click` menu item (回复菜单).

    Example:
        {'type': 'click', 'click': {'id': '101', 'content': '满意'}}

    """

    type_: Literal["click"]
    click: OutgoingMsgMenuClick
    """ 回复菜单: clicking makes the customer send a `text` message whose `menu_id` equals `id`.
    Conflict: `id` is 1–128 bytes in two sources and 1–64 bytes in two others; the spec takes
    128 (what the server accepts per the newer sources).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        click = self.click.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "click": click,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outgoing_msg_menu_click import OutgoingMsgMenuClick

        d = dict(src_dict)
        type_ = cast(Literal["click"], d.pop("type"))
        if type_ != "click":
            raise ValueError(f"type must match const 'click', got '{type_}'")

        click = OutgoingMsgMenuClick.from_dict(d.pop("click"))

        outgoing_msg_menu_click_item = cls(
            type_=type_,
            click=click,
        )

        outgoing_msg_menu_click_item.additional_properties = d
        return outgoing_msg_menu_click_item

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
