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
    from ..models.outgoing_msg_menu_text import OutgoingMsgMenuText


T = TypeVar("T", bound="OutgoingMsgMenuTextItem")


@_attrs_define
class OutgoingMsgMenuTextItem:
    """A `text` menu item (纯文本).

    Example:
        {'type': 'text', 'text': {'content': '工作时间 9:00–18:00', 'no_newline': 1}}

    """

    type_: Literal["text"]
    text: OutgoingMsgMenuText
    """ 纯文本 menu item (plain text between the items; added 2022-11). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        text = self.text.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outgoing_msg_menu_text import OutgoingMsgMenuText

        d = dict(src_dict)
        type_ = cast(Literal["text"], d.pop("type"))
        if type_ != "text":
            raise ValueError(f"type must match const 'text', got '{type_}'")

        text = OutgoingMsgMenuText.from_dict(d.pop("text"))

        outgoing_msg_menu_text_item = cls(
            type_=type_,
            text=text,
        )

        outgoing_msg_menu_text_item.additional_properties = d
        return outgoing_msg_menu_text_item

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
