from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.servicer_result import ServicerResult


T = TypeVar("T", bound="ServicerChangeResp")


@_attrs_define
class ServicerChangeResp:
    """Response shared by `kf/servicer/add` and `kf/servicer/del`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    result_list: list[ServicerResult] | Unset = UNSET
    """ One result per userid / department sent (操作结果). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        result_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.result_list, Unset):
            result_list = []
            for result_list_item_data in self.result_list:
                result_list_item = result_list_item_data.to_dict()
                result_list.append(result_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if result_list is not UNSET:
            field_dict["result_list"] = result_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.servicer_result import ServicerResult

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _result_list = d.pop("result_list", UNSET)
        result_list: list[ServicerResult] | Unset = UNSET
        if _result_list is not UNSET:
            result_list = []
            for result_list_item_data in _result_list:
                result_list_item = ServicerResult.from_dict(result_list_item_data)

                result_list.append(result_list_item)

        servicer_change_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            result_list=result_list,
        )

        servicer_change_resp.additional_properties = d
        return servicer_change_resp

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
