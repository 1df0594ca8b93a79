from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merged_msg_item import MergedMsgItem


T = TypeVar("T", bound="MergedMsg")


@_attrs_define
class MergedMsg:
    """Payload of a pulled `merged_msg` message (聊天记录, a forwarded chat history)."""

    title: str | Unset = UNSET
    """ Title of the record (聊天记录标题). """
    item: list[MergedMsgItem] | Unset = UNSET
    """ The forwarded messages (消息记录内容). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        item: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.item, Unset):
            item = []
            for item_item_data in self.item:
                item_item = item_item_data.to_dict()
                item.append(item_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if item is not UNSET:
            field_dict["item"] = item

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.merged_msg_item import MergedMsgItem

        d = dict(src_dict)
        title = d.pop("title", UNSET)

        _item = d.pop("item", UNSET)
        item: list[MergedMsgItem] | Unset = UNSET
        if _item is not UNSET:
            item = []
            for item_item_data in _item:
                item_item = MergedMsgItem.from_dict(item_item_data)

                item.append(item_item)

        merged_msg = cls(
            title=title,
            item=item,
        )

        merged_msg.additional_properties = d
        return merged_msg

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
