from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.servicer_status_known import ServicerStatusKnown
from ..models.servicer_stop_type_known import ServicerStopTypeKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="Servicer")


@_attrs_define
class Servicer:
    """One servicer of `kf/servicer/list`: a member (`userid`) or a department (`department_id`).
    `status` is returned only when the caller manages the account.

        Example:
            {'userid': 'lisi', 'status': 1, 'stop_type': 1}

    """

    userid: str | Unset = UNSET
    """ Member userid (接待人员的userid); third-party apps get open_userid. """
    status: int | ServicerStatusKnown | Unset = UNSET
    """ 0 = receiving (接待中), 1 = stopped (停止接待); other integers sent by a newer server
    are kept. Note: the servicer_status_change event numbers these 1/2.
     """
    stop_type: int | ServicerStopTypeKnown | Unset = UNSET
    """ A `ServicerStopTypeKnown` value, or another integer sent by a newer server. """
    department_id: int | Unset = UNSET
    """ Department id (接待人员部门的id) for department entries. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        userid = self.userid

        status: int | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ServicerStatusKnown):
            status = self.status.value
        else:
            status = self.status

        stop_type: int | Unset
        if isinstance(self.stop_type, Unset):
            stop_type = UNSET
        elif isinstance(self.stop_type, ServicerStopTypeKnown):
            stop_type = self.stop_type.value
        else:
            stop_type = self.stop_type

        department_id = self.department_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if userid is not UNSET:
            field_dict["userid"] = userid
        if status is not UNSET:
            field_dict["status"] = status
        if stop_type is not UNSET:
            field_dict["stop_type"] = stop_type
        if department_id is not UNSET:
            field_dict["department_id"] = department_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        userid = d.pop("userid", UNSET)

        def _parse_status(data: object) -> int | ServicerStatusKnown | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                status_type_0 = ServicerStatusKnown(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ServicerStatusKnown | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_stop_type(data: object) -> int | ServicerStopTypeKnown | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_servicer_stop_type_type_0 = ServicerStopTypeKnown(
                    data
                )

                return componentsschemas_servicer_stop_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ServicerStopTypeKnown | Unset, data)

        stop_type = _parse_stop_type(d.pop("stop_type", UNSET))

        department_id = d.pop("department_id", UNSET)

        servicer = cls(
            userid=userid,
            status=status,
            stop_type=stop_type,
            department_id=department_id,
        )

        servicer.additional_properties = d
        return servicer

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
