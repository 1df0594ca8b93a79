from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.origin_known import OriginKnown
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enter_session_event import EnterSessionEvent
    from ..models.msg_send_fail_event import MsgSendFailEvent
    from ..models.reject_customer_msg_switch_change_event import (
        RejectCustomerMsgSwitchChangeEvent,
    )
    from ..models.servicer_recall_msg_event import ServicerRecallMsgEvent
    from ..models.servicer_status_change_event import ServicerStatusChangeEvent
    from ..models.session_status_change_event import SessionStatusChangeEvent
    from ..models.unknown_event import UnknownEvent
    from ..models.user_recall_msg_event import UserRecallMsgEvent


T = TypeVar("T", bound="EventMessage")


@_attrs_define
class EventMessage:
    """A pulled event (事件消息, origin 4): the event itself is in `event` (see `KfEvent`).
    Conflict: the doc text says event items carry no top-level `open_kfid`, `external_userid`
    or `servicer_userid` (read them from `event`), while copies of the doc examples repeat
    them; they are accepted but optional here.

        Example:
            {'msgid': '7qB5RzDHJp3JX1Sy6QAmcXcV6e2TkmQvmvTnZ83i', 'send_time': 1615478610, 'origin': 4, 'msgtype': 'event',
                'event': {'event_type': 'msg_send_fail', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
                'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'fail_msgid': 'MSG_20211011_0001', 'fail_type': 4}}

    """

    msgid: str
    """ Message id (消息ID). """
    send_time: int
    """ Event time, unix seconds (消息发送时间). """
    origin: int | OriginKnown
    """ An `OriginKnown` value, or another integer sent by a newer server. """
    msgtype: Literal["event"]
    event: (
        EnterSessionEvent
        | MsgSendFailEvent
        | RejectCustomerMsgSwitchChangeEvent
        | ServicerRecallMsgEvent
        | ServicerStatusChangeEvent
        | SessionStatusChangeEvent
        | UnknownEvent
        | UserRecallMsgEvent
    )
    """ The `event` object of an event item, chosen by `event_type`; `UnknownEvent` (last) takes
    any event type this spec does not know, keeping the raw fields.
     """
    open_kfid: str | Unset = UNSET
    """ Usually absent; use `event.open_kfid`. """
    external_userid: str | Unset = UNSET
    """ Usually absent; use `event.external_userid`. """
    servicer_userid: str | Unset = UNSET
    """ Usually absent. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enter_session_event import EnterSessionEvent
        from ..models.msg_send_fail_event import MsgSendFailEvent
        from ..models.reject_customer_msg_switch_change_event import (
            RejectCustomerMsgSwitchChangeEvent,
        )
        from ..models.servicer_recall_msg_event import ServicerRecallMsgEvent
        from ..models.servicer_status_change_event import ServicerStatusChangeEvent
        from ..models.session_status_change_event import SessionStatusChangeEvent
        from ..models.user_recall_msg_event import UserRecallMsgEvent

        msgid = self.msgid

        send_time = self.send_time

        origin: int
        if isinstance(self.origin, OriginKnown):
            origin = self.origin.value
        else:
            origin = self.origin

        msgtype = self.msgtype

        event: dict[str, Any]
        if (
            isinstance(self.event, EnterSessionEvent)
            or isinstance(self.event, MsgSendFailEvent)
            or isinstance(self.event, ServicerStatusChangeEvent)
            or isinstance(self.event, SessionStatusChangeEvent)
            or isinstance(self.event, UserRecallMsgEvent)
            or isinstance(self.event, ServicerRecallMsgEvent)
            or isinstance(self.event, RejectCustomerMsgSwitchChangeEvent)
        ):
            event = self.event.to_dict()
        else:
            event = self.event.to_dict()

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        servicer_userid = self.servicer_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgid": msgid,
                "send_time": send_time,
                "origin": origin,
                "msgtype": msgtype,
                "event": event,
            }
        )
        if open_kfid is not UNSET:
            field_dict["open_kfid"] = open_kfid
        if external_userid is not UNSET:
            field_dict["external_userid"] = external_userid
        if servicer_userid is not UNSET:
            field_dict["servicer_userid"] = servicer_userid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enter_session_event import EnterSessionEvent
        from ..models.msg_send_fail_event import MsgSendFailEvent
        from ..models.reject_customer_msg_switch_change_event import (
            RejectCustomerMsgSwitchChangeEvent,
        )
        from ..models.servicer_recall_msg_event import ServicerRecallMsgEvent
        from ..models.servicer_status_change_event import ServicerStatusChangeEvent
        from ..models.session_status_change_event import SessionStatusChangeEvent
        from ..models.unknown_event import UnknownEvent
        from ..models.user_recall_msg_event import UserRecallMsgEvent

        d = dict(src_dict)
        msgid = d.pop("msgid")

        send_time = d.pop("send_time")

        def _parse_origin(data: object) -> int | OriginKnown:
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_origin_type_0 = OriginKnown(data)

                return componentsschemas_origin_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | OriginKnown, data)

        origin = _parse_origin(d.pop("origin"))

        msgtype = cast(Literal["event"], d.pop("msgtype"))
        if msgtype != "event":
            raise ValueError(f"msgtype must match const 'event', got '{msgtype}'")

        def _parse_event(
            data: object,
        ) -> (
            EnterSessionEvent
            | MsgSendFailEvent
            | RejectCustomerMsgSwitchChangeEvent
            | ServicerRecallMsgEvent
            | ServicerStatusChangeEvent
            | SessionStatusChangeEvent
            | UnknownEvent
            | UserRecallMsgEvent
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_0 = EnterSessionEvent.from_dict(data)

                return componentsschemas_kf_event_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_1 = MsgSendFailEvent.from_dict(data)

                return componentsschemas_kf_event_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_2 = ServicerStatusChangeEvent.from_dict(
                    data
                )

                return componentsschemas_kf_event_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_3 = SessionStatusChangeEvent.from_dict(
                    data
                )

                return componentsschemas_kf_event_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_4 = UserRecallMsgEvent.from_dict(data)

                return componentsschemas_kf_event_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_5 = ServicerRecallMsgEvent.from_dict(
                    data
                )

                return componentsschemas_kf_event_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_kf_event_type_6 = (
                    RejectCustomerMsgSwitchChangeEvent.from_dict(data)
                )

                return componentsschemas_kf_event_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_kf_event_type_7 = UnknownEvent.from_dict(data)

            return componentsschemas_kf_event_type_7

        event = _parse_event(d.pop("event"))

        open_kfid = d.pop("open_kfid", UNSET)

        external_userid = d.pop("external_userid", UNSET)

        servicer_userid = d.pop("servicer_userid", UNSET)

        event_message = cls(
            msgid=msgid,
            send_time=send_time,
            origin=origin,
            msgtype=msgtype,
            event=event,
            open_kfid=open_kfid,
            external_userid=external_userid,
            servicer_userid=servicer_userid,
        )

        event_message.additional_properties = d
        return event_message

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
