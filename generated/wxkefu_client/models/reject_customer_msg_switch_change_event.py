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

from ..models.reject_switch_known import RejectSwitchKnown

T = TypeVar("T", bound="RejectCustomerMsgSwitchChangeEvent")


@_attrs_define
class RejectCustomerMsgSwitchChangeEvent:
    """拒收客户消息变更: a servicer switched rejecting this customer's messages on or off.

    Example:
        {'event_type': 'reject_customer_msg_switch_change', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q',
            'external_userid': 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'servicer_userid': 'zhangsan', 'reject_switch': 1}

    """

    event_type: Literal["reject_customer_msg_switch_change"]
    open_kfid: str
    """ The Kf account (客服账号ID). """
    external_userid: str
    """ The customer (客户UserID). """
    servicer_userid: str
    """ The servicer (接待人员userid). """
    reject_switch: int | RejectSwitchKnown
    """ A `RejectSwitchKnown` value, or another integer sent by a newer server. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        servicer_userid = self.servicer_userid

        reject_switch: int
        if isinstance(self.reject_switch, RejectSwitchKnown):
            reject_switch = self.reject_switch.value
        else:
            reject_switch = self.reject_switch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "servicer_userid": servicer_userid,
                "reject_switch": reject_switch,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_type = cast(
            Literal["reject_customer_msg_switch_change"], d.pop("event_type")
        )
        if event_type != "reject_customer_msg_switch_change":
            raise ValueError(
                f"event_type must match const 'reject_customer_msg_switch_change', got '{event_type}'"
            )

        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        servicer_userid = d.pop("servicer_userid")

        def _parse_reject_switch(data: object) -> int | RejectSwitchKnown:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_reject_switch_type_0 = RejectSwitchKnown(data)

                return componentsschemas_reject_switch_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | RejectSwitchKnown, data)

        reject_switch = _parse_reject_switch(d.pop("reject_switch"))

        reject_customer_msg_switch_change_event = cls(
            event_type=event_type,
            open_kfid=open_kfid,
            external_userid=external_userid,
            servicer_userid=servicer_userid,
            reject_switch=reject_switch,
        )

        reject_customer_msg_switch_change_event.additional_properties = d
        return reject_customer_msg_switch_change_event

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
