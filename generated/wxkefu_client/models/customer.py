from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.gender_known import GenderKnown
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enter_session_context import EnterSessionContext


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """One customer of `kf/customer/batchget`.

    Example:
        {'external_userid': 'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'nickname': '张三', 'gender': 0}

    """

    external_userid: str | Unset = UNSET
    """ The customer (微信客户的external_userid). """
    nickname: str | Unset = UNSET
    """ WeChat nickname (微信昵称). """
    avatar: str | Unset = UNSET
    """ Avatar URL (微信头像); not returned to third-party and 代开发 apps. """
    gender: GenderKnown | int | Unset = UNSET
    """ A `GenderKnown` value, or another integer sent by a newer server. """
    unionid: str | Unset = UNSET
    """ unionid (unionid) when a WeChat open-platform account is bound; not returned to
    third-party apps.
     """
    enter_session_context: EnterSessionContext | Unset = UNSET
    """ Context of the customer's last session entry within 48 h (48小时内最后一次进入会话的上下文信息). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_userid = self.external_userid

        nickname = self.nickname

        avatar = self.avatar

        gender: int | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        elif isinstance(self.gender, GenderKnown):
            gender = self.gender.value
        else:
            gender = self.gender

        unionid = self.unionid

        enter_session_context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.enter_session_context, Unset):
            enter_session_context = self.enter_session_context.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external_userid is not UNSET:
            field_dict["external_userid"] = external_userid
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if gender is not UNSET:
            field_dict["gender"] = gender
        if unionid is not UNSET:
            field_dict["unionid"] = unionid
        if enter_session_context is not UNSET:
            field_dict["enter_session_context"] = enter_session_context

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enter_session_context import EnterSessionContext

        d = dict(src_dict)
        external_userid = d.pop("external_userid", UNSET)

        nickname = d.pop("nickname", UNSET)

        avatar = d.pop("avatar", UNSET)

        def _parse_gender(data: object) -> GenderKnown | int | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                gender_type_0 = GenderKnown(data)

                return gender_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderKnown | int | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

        unionid = d.pop("unionid", UNSET)

        _enter_session_context = d.pop("enter_session_context", UNSET)
        enter_session_context: EnterSessionContext | Unset
        if isinstance(_enter_session_context, Unset):
            enter_session_context = UNSET
        else:
            enter_session_context = EnterSessionContext.from_dict(
                _enter_session_context
            )

        customer = cls(
            external_userid=external_userid,
            nickname=nickname,
            avatar=avatar,
            gender=gender,
            unionid=unionid,
            enter_session_context=enter_session_context,
        )

        customer.additional_properties = d
        return customer

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
