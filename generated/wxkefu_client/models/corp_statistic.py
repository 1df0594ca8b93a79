from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorpStatistic")


@_attrs_define
class CorpStatistic:
    """Corp-level figures of one day (一天的统计数据).

    Example:
        {'session_cnt': 2, 'customer_cnt': 1, 'customer_msg_cnt': 6, 'ai_transfer_rate': 1.0}

    """

    session_cnt: int | Unset = UNSET
    """ Sessions (咨询会话数). """
    customer_cnt: int | Unset = UNSET
    """ Customers who consulted (咨询客户数). """
    customer_msg_cnt: int | Unset = UNSET
    """ Messages sent by customers (咨询消息总数). """
    upgrade_service_customer_cnt: int | Unset = UNSET
    """ Customers recommended to the upgrade service (升级服务客户数); data only after 2022-03-10. """
    ai_session_reply_cnt: int | Unset = UNSET
    """ Sessions the bot (智能回复) answered (智能回复会话数). """
    ai_transfer_rate: float | Unset = UNSET
    """ Share of bot sessions transferred to a servicer (转人工率). """
    ai_knowledge_hit_rate: float | Unset = UNSET
    """ Knowledge-base hit rate (知识命中率); omitted when it cannot be computed or when the API
    manages session assignment.
     """
    msg_rejected_customer_cnt: int | Unset = UNSET
    """ Customers who rejected the account's messages (被拒收消息的客户数). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_cnt = self.session_cnt

        customer_cnt = self.customer_cnt

        customer_msg_cnt = self.customer_msg_cnt

        upgrade_service_customer_cnt = self.upgrade_service_customer_cnt

        ai_session_reply_cnt = self.ai_session_reply_cnt

        ai_transfer_rate = self.ai_transfer_rate

        ai_knowledge_hit_rate = self.ai_knowledge_hit_rate

        msg_rejected_customer_cnt = self.msg_rejected_customer_cnt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_cnt is not UNSET:
            field_dict["session_cnt"] = session_cnt
        if customer_cnt is not UNSET:
            field_dict["customer_cnt"] = customer_cnt
        if customer_msg_cnt is not UNSET:
            field_dict["customer_msg_cnt"] = customer_msg_cnt
        if upgrade_service_customer_cnt is not UNSET:
            field_dict["upgrade_service_customer_cnt"] = upgrade_service_customer_cnt
        if ai_session_reply_cnt is not UNSET:
            field_dict["ai_session_reply_cnt"] = ai_session_reply_cnt
        if ai_transfer_rate is not UNSET:
            field_dict["ai_transfer_rate"] = ai_transfer_rate
        if ai_knowledge_hit_rate is not UNSET:
            field_dict["ai_knowledge_hit_rate"] = ai_knowledge_hit_rate
        if msg_rejected_customer_cnt is not UNSET:
            field_dict["msg_rejected_customer_cnt"] = msg_rejected_customer_cnt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_cnt = d.pop("session_cnt", UNSET)

        customer_cnt = d.pop("customer_cnt", UNSET)

        customer_msg_cnt = d.pop("customer_msg_cnt", UNSET)

        upgrade_service_customer_cnt = d.pop("upgrade_service_customer_cnt", UNSET)

        ai_session_reply_cnt = d.pop("ai_session_reply_cnt", UNSET)

        ai_transfer_rate = d.pop("ai_transfer_rate", UNSET)

        ai_knowledge_hit_rate = d.pop("ai_knowledge_hit_rate", UNSET)

        msg_rejected_customer_cnt = d.pop("msg_rejected_customer_cnt", UNSET)

        corp_statistic = cls(
            session_cnt=session_cnt,
            customer_cnt=customer_cnt,
            customer_msg_cnt=customer_msg_cnt,
            upgrade_service_customer_cnt=upgrade_service_customer_cnt,
            ai_session_reply_cnt=ai_session_reply_cnt,
            ai_transfer_rate=ai_transfer_rate,
            ai_knowledge_hit_rate=ai_knowledge_hit_rate,
            msg_rejected_customer_cnt=msg_rejected_customer_cnt,
        )

        corp_statistic.additional_properties = d
        return corp_statistic

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
