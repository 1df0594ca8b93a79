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

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateAuthCallback")


@_attrs_define
class CreateAuthCallback:
    """Decrypted `create_auth` instruction callback.

    Example:
        {'SuiteId': 'ww4asffe9xxx4c0f4c', 'AuthCode': 'AUTHCODE', 'InfoType': 'create_auth', 'TimeStamp': 1403610513,
            'State': '123'}

    """

    suite_id: str
    """ The suite id. """
    auth_code: str
    """ Temporary auth code for `get_permanent_code` (≤512 bytes, valid 10 min). """
    info_type: Literal["create_auth"]
    """ Always `create_auth`. """
    time_stamp: int
    """ Unix seconds. """
    state: str | Unset = UNSET
    """ The `state` of the authorisation link. """
    extra_info: str | Unset = UNSET
    """ Extra information in some scenes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        suite_id = self.suite_id

        auth_code = self.auth_code

        info_type = self.info_type

        time_stamp = self.time_stamp

        state = self.state

        extra_info = self.extra_info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "SuiteId": suite_id,
                "AuthCode": auth_code,
                "InfoType": info_type,
                "TimeStamp": time_stamp,
            }
        )
        if state is not UNSET:
            field_dict["State"] = state
        if extra_info is not UNSET:
            field_dict["ExtraInfo"] = extra_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        suite_id = d.pop("SuiteId")

        auth_code = d.pop("AuthCode")

        info_type = cast(Literal["create_auth"], d.pop("InfoType"))
        if info_type != "create_auth":
            raise ValueError(
                f"InfoType must match const 'create_auth', got '{info_type}'"
            )

        time_stamp = d.pop("TimeStamp")

        state = d.pop("State", UNSET)

        extra_info = d.pop("ExtraInfo", UNSET)

        create_auth_callback = cls(
            suite_id=suite_id,
            auth_code=auth_code,
            info_type=info_type,
            time_stamp=time_stamp,
            state=state,
            extra_info=extra_info,
        )

        create_auth_callback.additional_properties = d
        return create_auth_callback

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
