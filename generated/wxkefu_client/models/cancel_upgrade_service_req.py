from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CancelUpgradeServiceReq")


@_attrs_define
class CancelUpgradeServiceReq:
    """Body of `kf/customer/cancel_upgrade_service`."""

    open_kfid: str
    """ Kf account id (客服账号ID). """
    external_userid: str
    """ The customer (微信客户的external_userid). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        external_userid = self.external_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
                "external_userid": external_userid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        cancel_upgrade_service_req = cls(
            open_kfid=open_kfid,
            external_userid=external_userid,
        )

        cancel_upgrade_service_req.additional_properties = d
        return cancel_upgrade_service_req

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
