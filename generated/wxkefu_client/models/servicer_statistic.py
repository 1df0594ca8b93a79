from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServicerStatistic")


@_attrs_define
class ServicerStatistic:
    """Per-servicer figures of one day (一天的统计数据). Rates are omitted when not computable.

    Example:
        {'session_cnt': 1, 'reply_rate': 1.0}

    """

    session_cnt: int | Unset = UNSET
    """ Sessions handled (接入人工会话数). """
    customer_cnt: int | Unset = UNSET
    """ Customers served (咨询客户数). """
    customer_msg_cnt: int | Unset = UNSET
    """ Messages from customers (咨询消息总数). """
    reply_rate: float | Unset = UNSET
    """ Share of sessions replied to (人工回复率). """
    first_reply_average_sec: float | Unset = UNSET
    """ Average time to the first reply, in seconds (平均首次响应时长). """
    satisfaction_investgate_cnt: int | Unset = UNSET
    """ Satisfaction surveys sent (满意度评价发送数); the spelling "investgate" is the API's. """
    satisfaction_participation_rate: float | Unset = UNSET
    """ Share of surveys answered (满意度参评率). """
    satisfied_rate: float | Unset = UNSET
    """ Share of "satisfied" answers (“满意”评价占比). """
    middling_rate: float | Unset = UNSET
    """ Share of "so-so" answers (“一般”评价占比). """
    dissatisfied_rate: float | Unset = UNSET
    """ Share of "dissatisfied" answers (“不满意”评价占比). """
    upgrade_service_customer_cnt: int | Unset = UNSET
    """ Customers recommended to the upgrade service (升级服务客户数). """
    upgrade_service_member_invite_cnt: int | Unset = UNSET
    """ Specialist recommendations sent (专员服务邀请数). """
    upgrade_service_member_customer_cnt: int | Unset = UNSET
    """ Customers who added the specialist (添加专员的客户数). """
    upgrade_service_groupchat_invite_cnt: int | Unset = UNSET
    """ Customer-group recommendations sent (客户群服务邀请数). """
    upgrade_service_groupchat_customer_cnt: int | Unset = UNSET
    """ Customers who joined the group (加入客户群的客户数). """
    msg_rejected_customer_cnt: int | Unset = UNSET
    """ Customers who rejected the servicer's messages (被拒收消息的客户数). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_cnt = self.session_cnt

        customer_cnt = self.customer_cnt

        customer_msg_cnt = self.customer_msg_cnt

        reply_rate = self.reply_rate

        first_reply_average_sec = self.first_reply_average_sec

        satisfaction_investgate_cnt = self.satisfaction_investgate_cnt

        satisfaction_participation_rate = self.satisfaction_participation_rate

        satisfied_rate = self.satisfied_rate

        middling_rate = self.middling_rate

        dissatisfied_rate = self.dissatisfied_rate

        upgrade_service_customer_cnt = self.upgrade_service_customer_cnt

        upgrade_service_member_invite_cnt = self.upgrade_service_member_invite_cnt

        upgrade_service_member_customer_cnt = self.upgrade_service_member_customer_cnt

        upgrade_service_groupchat_invite_cnt = self.upgrade_service_groupchat_invite_cnt

        upgrade_service_groupchat_customer_cnt = (
            self.upgrade_service_groupchat_customer_cnt
        )

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
        if reply_rate is not UNSET:
            field_dict["reply_rate"] = reply_rate
        if first_reply_average_sec is not UNSET:
            field_dict["first_reply_average_sec"] = first_reply_average_sec
        if satisfaction_investgate_cnt is not UNSET:
            field_dict["satisfaction_investgate_cnt"] = satisfaction_investgate_cnt
        if satisfaction_participation_rate is not UNSET:
            field_dict["satisfaction_participation_rate"] = (
                satisfaction_participation_rate
            )
        if satisfied_rate is not UNSET:
            field_dict["satisfied_rate"] = satisfied_rate
        if middling_rate is not UNSET:
            field_dict["middling_rate"] = middling_rate
        if dissatisfied_rate is not UNSET:
            field_dict["dissatisfied_rate"] = dissatisfied_rate
        if upgrade_service_customer_cnt is not UNSET:
            field_dict["upgrade_service_customer_cnt"] = upgrade_service_customer_cnt
        if upgrade_service_member_invite_cnt is not UNSET:
            field_dict["upgrade_service_member_invite_cnt"] = (
                upgrade_service_member_invite_cnt
            )
        if upgrade_service_member_customer_cnt is not UNSET:
            field_dict["upgrade_service_member_customer_cnt"] = (
                upgrade_service_member_customer_cnt
            )
        if upgrade_service_groupchat_invite_cnt is not UNSET:
            field_dict["upgrade_service_groupchat_invite_cnt"] = (
                upgrade_service_groupchat_invite_cnt
            )
        if upgrade_service_groupchat_customer_cnt is not UNSET:
            field_dict["upgrade_service_groupchat_customer_cnt"] = (
                upgrade_service_groupchat_customer_cnt
            )
        if msg_rejected_customer_cnt is not UNSET:
            field_dict["msg_rejected_customer_cnt"] = msg_rejected_customer_cnt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        session_cnt = d.pop("session_cnt", UNSET)

        customer_cnt = d.pop("customer_cnt", UNSET)

        customer_msg_cnt = d.pop("customer_msg_cnt", UNSET)

        reply_rate = d.pop("reply_rate", UNSET)

        first_reply_average_sec = d.pop("first_reply_average_sec", UNSET)

        satisfaction_investgate_cnt = d.pop("satisfaction_investgate_cnt", UNSET)

        satisfaction_participation_rate = d.pop(
            "satisfaction_participation_rate", UNSET
        )

        satisfied_rate = d.pop("satisfied_rate", UNSET)

        middling_rate = d.pop("middling_rate", UNSET)

        dissatisfied_rate = d.pop("dissatisfied_rate", UNSET)

        upgrade_service_customer_cnt = d.pop("upgrade_service_customer_cnt", UNSET)

        upgrade_service_member_invite_cnt = d.pop(
            "upgrade_service_member_invite_cnt", UNSET
        )

        upgrade_service_member_customer_cnt = d.pop(
            "upgrade_service_member_customer_cnt", UNSET
        )

        upgrade_service_groupchat_invite_cnt = d.pop(
            "upgrade_service_groupchat_invite_cnt", UNSET
        )

        upgrade_service_groupchat_customer_cnt = d.pop(
            "upgrade_service_groupchat_customer_cnt", UNSET
        )

        msg_rejected_customer_cnt = d.pop("msg_rejected_customer_cnt", UNSET)

        servicer_statistic = cls(
            session_cnt=session_cnt,
            customer_cnt=customer_cnt,
            customer_msg_cnt=customer_msg_cnt,
            reply_rate=reply_rate,
            first_reply_average_sec=first_reply_average_sec,
            satisfaction_investgate_cnt=satisfaction_investgate_cnt,
            satisfaction_participation_rate=satisfaction_participation_rate,
            satisfied_rate=satisfied_rate,
            middling_rate=middling_rate,
            dissatisfied_rate=dissatisfied_rate,
            upgrade_service_customer_cnt=upgrade_service_customer_cnt,
            upgrade_service_member_invite_cnt=upgrade_service_member_invite_cnt,
            upgrade_service_member_customer_cnt=upgrade_service_member_customer_cnt,
            upgrade_service_groupchat_invite_cnt=upgrade_service_groupchat_invite_cnt,
            upgrade_service_groupchat_customer_cnt=upgrade_service_groupchat_customer_cnt,
            msg_rejected_customer_cnt=msg_rejected_customer_cnt,
        )

        servicer_statistic.additional_properties = d
        return servicer_statistic

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
