from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UnknownEvent")


@_attrs_define
class UnknownEvent:
    """Catch-all for an `event_type` this spec does not know yet (always the LAST member of
    `KfEvent`; not in its discriminator mapping); every field the server sent is kept and
    serialised back unchanged. Only `event_type` is required.

        Example:
            {'event_type': 'customer_mood_change', 'open_kfid': 'wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q', 'external_userid':
                'wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw', 'mood': 2}

    """

    event_type: str
    """ The unknown event type. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type = self.event_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "event_type": event_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        event_type = d.pop("event_type")

        unknown_event = cls(
            event_type=event_type,
        )

        unknown_event.additional_properties = d
        return unknown_event

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
