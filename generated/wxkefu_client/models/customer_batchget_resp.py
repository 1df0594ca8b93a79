from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer import Customer


T = TypeVar("T", bound="CustomerBatchgetResp")


@_attrs_define
class CustomerBatchgetResp:
    """Response of `kf/customer/batchget`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    customer_list: list[Customer] | Unset = UNSET
    """ The customers found (返回的客户列表). """
    invalid_external_userid: list[str] | Unset = UNSET
    """ Ids that are invalid or not visible to the caller (无效的微信客户ID). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        customer_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.customer_list, Unset):
            customer_list = []
            for customer_list_item_data in self.customer_list:
                customer_list_item = customer_list_item_data.to_dict()
                customer_list.append(customer_list_item)

        invalid_external_userid: list[str] | Unset = UNSET
        if not isinstance(self.invalid_external_userid, Unset):
            invalid_external_userid = self.invalid_external_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if customer_list is not UNSET:
            field_dict["customer_list"] = customer_list
        if invalid_external_userid is not UNSET:
            field_dict["invalid_external_userid"] = invalid_external_userid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.customer import Customer

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _customer_list = d.pop("customer_list", UNSET)
        customer_list: list[Customer] | Unset = UNSET
        if _customer_list is not UNSET:
            customer_list = []
            for customer_list_item_data in _customer_list:
                customer_list_item = Customer.from_dict(customer_list_item_data)

                customer_list.append(customer_list_item)

        invalid_external_userid = cast(
            list[str], d.pop("invalid_external_userid", UNSET)
        )

        customer_batchget_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            customer_list=customer_list,
            invalid_external_userid=invalid_external_userid,
        )

        customer_batchget_resp.additional_properties = d
        return customer_batchget_resp

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
