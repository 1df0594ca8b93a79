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

T = TypeVar("T", bound="CancelAuthCallback")


@_attrs_define
class CancelAuthCallback:
    """Decrypted `cancel_auth` instruction callback.

    Example:
        {'SuiteId': 'ww4asffe99exxx0f4c', 'InfoType': 'cancel_auth', 'TimeStamp': 1403610513, 'AuthCorpId':
            'wxf8b4f85f3a794e77'}

    """

    suite_id: str
    """ The suite id. """
    info_type: Literal["cancel_auth"]
    """ Always `cancel_auth`. """
    time_stamp: int
    """ Unix seconds. """
    auth_corp_id: str
    """ The corp that removed the app. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        suite_id = self.suite_id

        info_type = self.info_type

        time_stamp = self.time_stamp

        auth_corp_id = self.auth_corp_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "SuiteId": suite_id,
                "InfoType": info_type,
                "TimeStamp": time_stamp,
                "AuthCorpId": auth_corp_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        suite_id = d.pop("SuiteId")

        info_type = cast(Literal["cancel_auth"], d.pop("InfoType"))
        if info_type != "cancel_auth":
            raise ValueError(
                f"InfoType must match const 'cancel_auth', got '{info_type}'"
            )

        time_stamp = d.pop("TimeStamp")

        auth_corp_id = d.pop("AuthCorpId")

        cancel_auth_callback = cls(
            suite_id=suite_id,
            info_type=info_type,
            time_stamp=time_stamp,
            auth_corp_id=auth_corp_id,
        )

        cancel_auth_callback.additional_properties = d
        return cancel_auth_callback

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
