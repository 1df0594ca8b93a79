from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenKfidConvertItem")


@_attrs_define
class OpenKfidConvertItem:
    """One converted id of `idconvert/open_kfid`.

    Example:
        {'open_kfid': 'wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw', 'new_open_kfid': 'wkAJ2GCAAANEWhHCt7IFSvLKtMPxyJTw'}

    """

    open_kfid: str | Unset = UNSET
    """ The id under the corp subject (企业主体下的微信客服ID). """
    new_open_kfid: str | Unset = UNSET
    """ The id under the service-provider subject (服务商主体下的微信客服ID). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        new_open_kfid = self.new_open_kfid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if open_kfid is not UNSET:
            field_dict["open_kfid"] = open_kfid
        if new_open_kfid is not UNSET:
            field_dict["new_open_kfid"] = new_open_kfid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid", UNSET)

        new_open_kfid = d.pop("new_open_kfid", UNSET)

        open_kfid_convert_item = cls(
            open_kfid=open_kfid,
            new_open_kfid=new_open_kfid,
        )

        open_kfid_convert_item.additional_properties = d
        return open_kfid_convert_item

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
