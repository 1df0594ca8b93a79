from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.userid_open_userid import UseridOpenUserid


T = TypeVar("T", bound="UseridToOpenuseridResp")


@_attrs_define
class UseridToOpenuseridResp:
    """Response of `batch/userid_to_openuserid`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    open_userid_list: list[UseridOpenUserid] | Unset = UNSET
    """ The converted ids. """
    invalid_userid_list: list[str] | Unset = UNSET
    """ Ids that could not be converted. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        open_userid_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.open_userid_list, Unset):
            open_userid_list = []
            for open_userid_list_item_data in self.open_userid_list:
                open_userid_list_item = open_userid_list_item_data.to_dict()
                open_userid_list.append(open_userid_list_item)

        invalid_userid_list: list[str] | Unset = UNSET
        if not isinstance(self.invalid_userid_list, Unset):
            invalid_userid_list = self.invalid_userid_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if open_userid_list is not UNSET:
            field_dict["open_userid_list"] = open_userid_list
        if invalid_userid_list is not UNSET:
            field_dict["invalid_userid_list"] = invalid_userid_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.userid_open_userid import UseridOpenUserid

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _open_userid_list = d.pop("open_userid_list", UNSET)
        open_userid_list: list[UseridOpenUserid] | Unset = UNSET
        if _open_userid_list is not UNSET:
            open_userid_list = []
            for open_userid_list_item_data in _open_userid_list:
                open_userid_list_item = UseridOpenUserid.from_dict(
                    open_userid_list_item_data
                )

                open_userid_list.append(open_userid_list_item)

        invalid_userid_list = cast(list[str], d.pop("invalid_userid_list", UNSET))

        userid_to_openuserid_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            open_userid_list=open_userid_list,
            invalid_userid_list=invalid_userid_list,
        )

        userid_to_openuserid_resp.additional_properties = d
        return userid_to_openuserid_resp

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
