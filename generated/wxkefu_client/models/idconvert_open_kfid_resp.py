from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_kfid_convert_item import OpenKfidConvertItem


T = TypeVar("T", bound="IdconvertOpenKfidResp")


@_attrs_define
class IdconvertOpenKfidResp:
    """Response of `idconvert/open_kfid`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    items: list[OpenKfidConvertItem] | Unset = UNSET
    """ The converted ids (转换结果). """
    invalid_open_kfid_list: list[str] | Unset = UNSET
    """ Ids that could not be converted (无效的微信客服ID列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        invalid_open_kfid_list: list[str] | Unset = UNSET
        if not isinstance(self.invalid_open_kfid_list, Unset):
            invalid_open_kfid_list = self.invalid_open_kfid_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if items is not UNSET:
            field_dict["items"] = items
        if invalid_open_kfid_list is not UNSET:
            field_dict["invalid_open_kfid_list"] = invalid_open_kfid_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.open_kfid_convert_item import OpenKfidConvertItem

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _items = d.pop("items", UNSET)
        items: list[OpenKfidConvertItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = OpenKfidConvertItem.from_dict(items_item_data)

                items.append(items_item)

        invalid_open_kfid_list = cast(list[str], d.pop("invalid_open_kfid_list", UNSET))

        idconvert_open_kfid_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            items=items,
            invalid_open_kfid_list=invalid_open_kfid_list,
        )

        idconvert_open_kfid_resp.additional_properties = d
        return idconvert_open_kfid_resp

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
