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

T = TypeVar("T", bound="ResetPermanentCodeCallback")


@_attrs_define
class ResetPermanentCodeCallback:
    """Decrypted `reset_permanent_code` instruction callback (代开发 apps).

    Example:
        {'SuiteId': 'dk4asffe99exxx0f4c', 'AuthCode': 'AUTHCODE', 'InfoType': 'reset_permanent_code', 'TimeStamp':
            1403610513}

    """

    suite_id: str
    """ The 代开发 template id. """
    auth_code: str
    """ Temporary auth code; `get_permanent_code` turns it into the new secret. """
    info_type: Literal["reset_permanent_code"]
    """ Always `reset_permanent_code`. """
    time_stamp: int
    """ Unix seconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        suite_id = self.suite_id

        auth_code = self.auth_code

        info_type = self.info_type

        time_stamp = self.time_stamp

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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        suite_id = d.pop("SuiteId")

        auth_code = d.pop("AuthCode")

        info_type = cast(Literal["reset_permanent_code"], d.pop("InfoType"))
        if info_type != "reset_permanent_code":
            raise ValueError(
                f"InfoType must match const 'reset_permanent_code', got '{info_type}'"
            )

        time_stamp = d.pop("TimeStamp")

        reset_permanent_code_callback = cls(
            suite_id=suite_id,
            auth_code=auth_code,
            info_type=info_type,
            time_stamp=time_stamp,
        )

        reset_permanent_code_callback.additional_properties = d
        return reset_permanent_code_callback

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
