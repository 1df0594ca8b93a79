from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpgradeServiceGroupchat")


@_attrs_define
class UpgradeServiceGroupchat:
    """The customer group to recommend (推荐的客户群), used when `type` is 2 (`chat_id` is then
    required and non-empty, see `UpgradeServiceReq`).

        Example:
            {'chat_id': 'wraaaaaaaaaaaaaaaa', 'wording': '欢迎加入你的专属服务群'}

    """

    chat_id: str | Unset = UNSET
    """ Group chat id (客户群id); must be configured in 升级服务. """
    wording: str | Unset = UNSET
    """ Recommendation text shown to the customer (推荐语). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        chat_id = self.chat_id

        wording = self.wording

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if chat_id is not UNSET:
            field_dict["chat_id"] = chat_id
        if wording is not UNSET:
            field_dict["wording"] = wording

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        chat_id = d.pop("chat_id", UNSET)

        wording = d.pop("wording", UNSET)

        upgrade_service_groupchat = cls(
            chat_id=chat_id,
            wording=wording,
        )

        upgrade_service_groupchat.additional_properties = d
        return upgrade_service_groupchat

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
