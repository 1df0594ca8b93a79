from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.need_enter_session_context import NeedEnterSessionContext
from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerBatchgetReq")


@_attrs_define
class CustomerBatchgetReq:
    """Body of `kf/customer/batchget`."""

    external_userid_list: list[str]
    """ Customers to look up (external_userid列表), 1–100; split larger sets. """
    need_enter_session_context: NeedEnterSessionContext | Unset = UNSET
    """ Whether to return the context of the customer's last session entry within 48 h
    (是否需要返回客户48小时内最后一次进入会话的上下文信息): 0 no (default), 1 yes.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_userid_list = self.external_userid_list

        need_enter_session_context: int | Unset = UNSET
        if not isinstance(self.need_enter_session_context, Unset):
            need_enter_session_context = self.need_enter_session_context.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_userid_list": external_userid_list,
            }
        )
        if need_enter_session_context is not UNSET:
            field_dict["need_enter_session_context"] = need_enter_session_context

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_userid_list = cast(list[str], d.pop("external_userid_list"))

        _need_enter_session_context = d.pop("need_enter_session_context", UNSET)
        need_enter_session_context: NeedEnterSessionContext | Unset
        if isinstance(_need_enter_session_context, Unset):
            need_enter_session_context = UNSET
        else:
            need_enter_session_context = NeedEnterSessionContext(
                _need_enter_session_context
            )

        customer_batchget_req = cls(
            external_userid_list=external_userid_list,
            need_enter_session_context=need_enter_session_context,
        )

        customer_batchget_req.additional_properties = d
        return customer_batchget_req

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
