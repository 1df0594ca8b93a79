from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_info_auth_type import SessionInfoAuthType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionInfo")


@_attrs_define
class SessionInfo:
    """Options of one authorisation session."""

    appid: list[int] | Unset = UNSET
    """ Apps of an old multi-app suite that may be authorised (new apps omit it). """
    auth_type: SessionInfoAuthType | Unset = UNSET
    """ 0 formal authorisation, 1 test authorisation (unreleased app); the server assumes 0
    when it is absent.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appid: list[int] | Unset = UNSET
        if not isinstance(self.appid, Unset):
            appid = self.appid

        auth_type: int | Unset = UNSET
        if not isinstance(self.auth_type, Unset):
            auth_type = self.auth_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if appid is not UNSET:
            field_dict["appid"] = appid
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appid = cast(list[int], d.pop("appid", UNSET))

        _auth_type = d.pop("auth_type", UNSET)
        auth_type: SessionInfoAuthType | Unset
        if isinstance(_auth_type, Unset):
            auth_type = UNSET
        else:
            auth_type = SessionInfoAuthType(_auth_type)

        session_info = cls(
            appid=appid,
            auth_type=auth_type,
        )

        session_info.additional_properties = d
        return session_info

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
