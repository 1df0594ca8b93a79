from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kf_account import KfAccount


T = TypeVar("T", bound="AccountListResp")


@_attrs_define
class AccountListResp:
    """Response of `kf/account/list`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    account_list: list[KfAccount] | Unset = UNSET
    """ The accounts of this page (客服账号列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        account_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.account_list, Unset):
            account_list = []
            for account_list_item_data in self.account_list:
                account_list_item = account_list_item_data.to_dict()
                account_list.append(account_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if account_list is not UNSET:
            field_dict["account_list"] = account_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kf_account import KfAccount

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _account_list = d.pop("account_list", UNSET)
        account_list: list[KfAccount] | Unset = UNSET
        if _account_list is not UNSET:
            account_list = []
            for account_list_item_data in _account_list:
                account_list_item = KfAccount.from_dict(account_list_item_data)

                account_list.append(account_list_item)

        account_list_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            account_list=account_list,
        )

        account_list_resp.additional_properties = d
        return account_list_resp

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
