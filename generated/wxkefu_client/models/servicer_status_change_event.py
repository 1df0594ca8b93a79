from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.servicer_event_status_known import ServicerEventStatusKnown
from ..models.servicer_stop_type_known import ServicerStopTypeKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServicerStatusChangeEvent")


@_attrs_define
class ServicerStatusChangeEvent:
    """接待人员接待状态变更: a servicer started or stopped receiving.

    Example:
        {'event_type': 'servicer_status_change', 'servicer_userid': 'zhangsan', 'status': 2, 'stop_type': 1,
            'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q'}

    """

    event_type: Literal["servicer_status_change"]
    servicer_userid: str
    """ The servicer (接待人员userid); third-party apps get open_userid. """
    status: int | ServicerEventStatusKnown
    """ A `ServicerEventStatusKnown` value, or another integer sent by a newer server. """
    stop_type: int | ServicerStopTypeKnown | Unset = UNSET
    """ A `ServicerStopTypeKnown` value, or another integer sent by a newer server. """
    open_kfid: str | Unset = UNSET
    """ The Kf account (客服账号ID). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        servicer_userid = self.servicer_userid

        status: int
        if isinstance(self.status, ServicerEventStatusKnown):
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

        open_kfid = self.open_kfid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
                "servicer_userid": servicer_userid,
                "status": status,
            }
        )
        if stop_type is not UNSET:
            field_dict["stop_type"] = stop_type
        if open_kfid is not UNSET:
            field_dict["open_kfid"] = open_kfid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_type = cast(Literal["servicer_status_change"], d.pop("event_type"))
        if event_type != "servicer_status_change":
            raise ValueError(
                f"event_type must match const 'servicer_status_change', got '{event_type}'"
            )

        servicer_userid = d.pop("servicer_userid")

        def _parse_status(data: object) -> int | ServicerEventStatusKnown:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_servicer_event_status_type_0 = (
                    ServicerEventStatusKnown(data)
                )

                return componentsschemas_servicer_event_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | ServicerEventStatusKnown, data)

        status = _parse_status(d.pop("status"))

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

        open_kfid = d.pop("open_kfid", UNSET)

        servicer_status_change_event = cls(
            event_type=event_type,
            servicer_userid=servicer_userid,
            status=status,
            stop_type=stop_type,
            open_kfid=open_kfid,
        )

        servicer_status_change_event.additional_properties = d
        return servicer_status_change_event

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
