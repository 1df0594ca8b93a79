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

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outgoing_msg_menu import OutgoingMsgMenu


T = TypeVar("T", bound="SendMsgmenuMsgOnEventReq")


@_attrs_define
class SendMsgmenuMsgOnEventReq:
    """An event-response menu (welcome or closing words only).

    Example:
        {'code': 'CODE_bbbbbb', 'msgid': 'CLOSING_0001', 'msgtype': 'msgmenu', 'msgmenu': {'head_content':
            '您对本次服务是否满意呢?', 'list': [{'type': 'click', 'click': {'id': '201', 'content': '满意'}}, {'type': 'click', 'click':
            {'id': '202', 'content': '不满意'}}]}}

    """

    code: str
    """ Single-use event code (事件响应消息对应的code): `welcome_code` of enter_session or
    `msg_code` of session_status_change / service_state/trans.
     """
    msgtype: Literal["msgmenu"]
    msgmenu: OutgoingMsgMenu
    """ Outgoing menu (菜单消息); at most 10 items (else errcode 95008). """
    msgid: str | Unset = UNSET
    """ Caller-chosen id (消息ID), same rules as in `kf/send_msg`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        msgtype = self.msgtype

        msgmenu = self.msgmenu.to_dict()

        msgid = self.msgid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "msgtype": msgtype,
                "msgmenu": msgmenu,
            }
        )
        if msgid is not UNSET:
            field_dict["msgid"] = msgid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outgoing_msg_menu import OutgoingMsgMenu

        d = dict(src_dict)
        code = d.pop("code")

        msgtype = cast(Literal["msgmenu"], d.pop("msgtype"))
        if msgtype != "msgmenu":
            raise ValueError(f"msgtype must match const 'msgmenu', got '{msgtype}'")

        msgmenu = OutgoingMsgMenu.from_dict(d.pop("msgmenu"))

        msgid = d.pop("msgid", UNSET)

        send_msgmenu_msg_on_event_req = cls(
            code=code,
            msgtype=msgtype,
            msgmenu=msgmenu,
            msgid=msgid,
        )

        send_msgmenu_msg_on_event_req.additional_properties = d
        return send_msgmenu_msg_on_event_req

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
