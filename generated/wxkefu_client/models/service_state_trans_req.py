from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_state_trans_target import ServiceStateTransTarget
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceStateTransReq")


@_attrs_define
class ServiceStateTransReq:
    """Body of `kf/service_state/trans`; `servicer_userid` is required when `service_state` is 3."""

    open_kfid: str
    """ Kf account id (客服账号ID). """
    external_userid: str
    """ The customer (微信客户的external_userid). """
    service_state: ServiceStateTransTarget
    """ Target state of `kf/service_state/trans` (变更的目标状态): 1 bot/API, 2 pool, 3 a servicer
    (needs `servicer_userid`), 4 end the session.
     """
    servicer_userid: str | Unset = UNSET
    """ Servicer to hand the session to (接待人员的userid), required for state 3; must be
    receiving (status 0). Third-party apps pass open_userid.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        external_userid = self.external_userid

        service_state = self.service_state.value

        servicer_userid = self.servicer_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "service_state": service_state,
            }
        )
        if servicer_userid is not UNSET:
            field_dict["servicer_userid"] = servicer_userid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        service_state = ServiceStateTransTarget(d.pop("service_state"))

        servicer_userid = d.pop("servicer_userid", UNSET)

        service_state_trans_req = cls(
            open_kfid=open_kfid,
            external_userid=external_userid,
            service_state=service_state,
            servicer_userid=servicer_userid,
        )

        service_state_trans_req.additional_properties = d
        return service_state_trans_req

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
