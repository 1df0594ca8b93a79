from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.service_state_known import ServiceStateKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceStateGetResp")


@_attrs_define
class ServiceStateGetResp:
    """Response of `kf/service_state/get`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    service_state: int | ServiceStateKnown | Unset = UNSET
    """ A `ServiceStateKnown` value, or another integer sent by a newer server. """
    servicer_userid: str | Unset = UNSET
    """ The servicer handling the session (接待人员的userid), meaningful only in state 3;
    third-party apps get open_userid.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        service_state: int | Unset
        if isinstance(self.service_state, Unset):
            service_state = UNSET
        elif isinstance(self.service_state, ServiceStateKnown):
            service_state = self.service_state.value
        else:
            service_state = self.service_state

        servicer_userid = self.servicer_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if service_state is not UNSET:
            field_dict["service_state"] = service_state
        if servicer_userid is not UNSET:
            field_dict["servicer_userid"] = servicer_userid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        def _parse_service_state(data: object) -> int | ServiceStateKnown | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_service_state_type_0 = ServiceStateKnown(data)

                return componentsschemas_service_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ServiceStateKnown | Unset, data)

        service_state = _parse_service_state(d.pop("service_state", UNSET))

        servicer_userid = d.pop("servicer_userid", UNSET)

        service_state_get_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            service_state=service_state,
            servicer_userid=servicer_userid,
        )

        service_state_get_resp.additional_properties = d
        return service_state_get_resp

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
