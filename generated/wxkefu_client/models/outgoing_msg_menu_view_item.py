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
    from ..models.outgoing_msg_menu_view import OutgoingMsgMenuView


T = TypeVar("T", bound="OutgoingMsgMenuViewItem")


@_attrs_define
class OutgoingMsgMenuViewItem:
    """A `view` menu item (超链接菜单).

    Example:
        {'type': 'view', 'view': {'url': 'https://work.weixin.qq.com', 'content': '帮助中心'}}

    """

    type_: Literal["view"]
    view: OutgoingMsgMenuView
    """ 超链接菜单: opens a URL. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        view = self.view.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "view": view,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outgoing_msg_menu_view import OutgoingMsgMenuView

        d = dict(src_dict)
        type_ = cast(Literal["view"], d.pop("type"))
        if type_ != "view":
            raise ValueError(f"type must match const 'view', got '{type_}'")

        view = OutgoingMsgMenuView.from_dict(d.pop("view"))

        outgoing_msg_menu_view_item = cls(
            type_=type_,
            view=view,
        )

        outgoing_msg_menu_view_item.additional_properties = d
        return outgoing_msg_menu_view_item

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
