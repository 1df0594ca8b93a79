from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpgradeGroupchatRange")


@_attrs_define
class UpgradeGroupchatRange:
    """Customer groups configured for the upgrade service (客户群范围).

    Example:
        {'chat_id_list': ['wraaaaaaaaaaaaaaaa']}

    """

    chat_id_list: list[str] | Unset = UNSET
    """ Group chat ids (客户群id列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat_id_list: list[str] | Unset = UNSET
        if not isinstance(self.chat_id_list, Unset):
            chat_id_list = self.chat_id_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chat_id_list is not UNSET:
            field_dict["chat_id_list"] = chat_id_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chat_id_list = cast(list[str], d.pop("chat_id_list", UNSET))

        upgrade_groupchat_range = cls(
            chat_id_list=chat_id_list,
        )

        upgrade_groupchat_range.additional_properties = d
        return upgrade_groupchat_range

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
