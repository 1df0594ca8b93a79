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
    from ..models.outgoing_msg_menu_miniprogram import OutgoingMsgMenuMiniprogram


T = TypeVar("T", bound="OutgoingMsgMenuMiniprogramItem")


@_attrs_define
class OutgoingMsgMenuMiniprogramItem:
    """A `miniprogram` menu item (小程序菜单).

    Example:
        {'type': 'miniprogram', 'miniprogram': {'appid': 'wx8bd80126147dfAAA', 'pagepath': 'pages/index/index',
            'content': '在小程序中查看'}}

    """

    type_: Literal["miniprogram"]
    miniprogram: OutgoingMsgMenuMiniprogram
    """ 小程序菜单: opens a mini program page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        miniprogram = self.miniprogram.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "miniprogram": miniprogram,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outgoing_msg_menu_miniprogram import OutgoingMsgMenuMiniprogram

        d = dict(src_dict)
        type_ = cast(Literal["miniprogram"], d.pop("type"))
        if type_ != "miniprogram":
            raise ValueError(f"type must match const 'miniprogram', got '{type_}'")

        miniprogram = OutgoingMsgMenuMiniprogram.from_dict(d.pop("miniprogram"))

        outgoing_msg_menu_miniprogram_item = cls(
            type_=type_,
            miniprogram=miniprogram,
        )

        outgoing_msg_menu_miniprogram_item.additional_properties = d
        return outgoing_msg_menu_miniprogram_item

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
