from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.servicer import Servicer


T = TypeVar("T", bound="ServicerListResp")


@_attrs_define
class ServicerListResp:
    """Response of `kf/servicer/list`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    servicer_list: list[Servicer] | Unset = UNSET
    """ The servicers (接待人员列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        servicer_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.servicer_list, Unset):
            servicer_list = []
            for servicer_list_item_data in self.servicer_list:
                servicer_list_item = servicer_list_item_data.to_dict()
                servicer_list.append(servicer_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if servicer_list is not UNSET:
            field_dict["servicer_list"] = servicer_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.servicer import Servicer

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _servicer_list = d.pop("servicer_list", UNSET)
        servicer_list: list[Servicer] | Unset = UNSET
        if _servicer_list is not UNSET:
            servicer_list = []
            for servicer_list_item_data in _servicer_list:
                servicer_list_item = Servicer.from_dict(servicer_list_item_data)

                servicer_list.append(servicer_list_item)

        servicer_list_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            servicer_list=servicer_list,
        )

        servicer_list_resp.additional_properties = d
        return servicer_list_resp

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
