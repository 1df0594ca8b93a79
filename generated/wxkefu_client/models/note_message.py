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
    from ..models.opaque_payload import OpaquePayload


T = TypeVar("T", bound="NoteMessage")


@_attrs_define
class NoteMessage:
    """A pulled note message (笔记). The note content is not returned (the `note` object may be
    absent or empty).

        Example:
            {'msgid': 'from_msgid_4622416642169452500', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
                'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'send_time': 1615478601, 'origin': 3, 'msgtype': 'note', 'note': {}}

    """

    msgid: str
    """ Message id (消息ID); unique, use it to de-duplicate. """
    open_kfid: str
    """ The Kf account the message belongs to (客服账号ID). """
    external_userid: str
    """ The customer (客户UserID); reply to it with `touser`. """
    send_time: int
    """ Send time, unix seconds (消息发送时间). """
    origin: int | OriginKnown
    """ An `OriginKnown` value, or another integer sent by a newer server. """
    msgtype: Literal["note"]
    servicer_userid: str | Unset = UNSET
    """ The servicer who sent it from the WeCom client (从企业微信给客户发消息的接待人员userid),
    present only for origin 5; third-party apps get open_userid.
     """
    note: OpaquePayload | Unset = UNSET
    """ Payload whose fields no source documents yet (meeting, schedule, note: only the names are
    in the official list). Every field the server sends is kept as is.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgid = self.msgid

        open_kfid = self.open_kfid

        external_userid = self.external_userid

        send_time = self.send_time

        origin: int
        if isinstance(self.origin, OriginKnown):
            origin = self.origin.value
        else:
            origin = self.origin

        msgtype = self.msgtype

        servicer_userid = self.servicer_userid

        note: dict[str, Any] | Unset = UNSET
        if not isinstance(self.note, Unset):
            note = self.note.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgid": msgid,
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "send_time": send_time,
                "origin": origin,
                "msgtype": msgtype,
            }
        )
        if servicer_userid is not UNSET:
            field_dict["servicer_userid"] = servicer_userid
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.opaque_payload import OpaquePayload

        d = dict(src_dict)
        msgid = d.pop("msgid")

        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

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

        msgtype = cast(Literal["note"], d.pop("msgtype"))
        if msgtype != "note":
            raise ValueError(f"msgtype must match const 'note', got '{msgtype}'")

        servicer_userid = d.pop("servicer_userid", UNSET)

        _note = d.pop("note", UNSET)
        note: OpaquePayload | Unset
        if isinstance(_note, Unset):
            note = UNSET
        else:
            note = OpaquePayload.from_dict(_note)

        note_message = cls(
            msgid=msgid,
            open_kfid=open_kfid,
            external_userid=external_userid,
            send_time=send_time,
            origin=origin,
            msgtype=msgtype,
            servicer_userid=servicer_userid,
            note=note,
        )

        note_message.additional_properties = d
        return note_message

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
