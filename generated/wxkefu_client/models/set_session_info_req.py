from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.session_info import SessionInfo


T = TypeVar("T", bound="SetSessionInfoReq")


@_attrs_define
class SetSessionInfoReq:
    """Body of `service/set_session_info`."""

    pre_auth_code: str
    """ The pre-auth code being configured. """
    session_info: SessionInfo
    """ Options of one authorisation session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pre_auth_code = self.pre_auth_code

        session_info = self.session_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pre_auth_code": pre_auth_code,
                "session_info": session_info,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.session_info import SessionInfo

        d = dict(src_dict)
        pre_auth_code = d.pop("pre_auth_code")

        session_info = SessionInfo.from_dict(d.pop("session_info"))

        set_session_info_req = cls(
            pre_auth_code=pre_auth_code,
            session_info=session_info,
        )

        set_session_info_req.additional_properties = d
        return set_session_info_req

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
