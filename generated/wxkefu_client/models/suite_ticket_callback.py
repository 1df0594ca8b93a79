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

T = TypeVar("T", bound="SuiteTicketCallback")


@_attrs_define
class SuiteTicketCallback:
    """Decrypted `suite_ticket` instruction callback.

    Example:
        {'SuiteId': 'ww4asffe99e54c0fxxxx', 'InfoType': 'suite_ticket', 'TimeStamp': 1403610513, 'SuiteTicket':
            'asdfasfdasdfasdf'}

    """

    suite_id: str
    """ The suite id (third-party app or 代开发 template). """
    info_type: Literal["suite_ticket"]
    """ Always `suite_ticket`. """
    time_stamp: int
    """ Unix seconds. """
    suite_ticket: str
    """ The ticket (≤512 bytes; a credential). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        suite_id = self.suite_id

        info_type = self.info_type

        time_stamp = self.time_stamp

        suite_ticket = self.suite_ticket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "SuiteId": suite_id,
                "InfoType": info_type,
                "TimeStamp": time_stamp,
                "SuiteTicket": suite_ticket,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        suite_id = d.pop("SuiteId")

        info_type = cast(Literal["suite_ticket"], d.pop("InfoType"))
        if info_type != "suite_ticket":
            raise ValueError(
                f"InfoType must match const 'suite_ticket', got '{info_type}'"
            )

        time_stamp = d.pop("TimeStamp")

        suite_ticket = d.pop("SuiteTicket")

        suite_ticket_callback = cls(
            suite_id=suite_id,
            info_type=info_type,
            time_stamp=time_stamp,
            suite_ticket=suite_ticket,
        )

        suite_ticket_callback.additional_properties = d
        return suite_ticket_callback

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
