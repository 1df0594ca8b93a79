from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetSuiteTokenReq")


@_attrs_define
class GetSuiteTokenReq:
    """Body of `service/get_suite_token`."""

    suite_id: str
    """ Id of the third-party app (`ww…`/`wx…`, old `tj…` suites) or of the 代开发 template
    (`dk…`).
     """
    suite_secret: str
    """ Secret of that app or template (a secret; never log it). """
    suite_ticket: str
    """ The latest ticket pushed to the instruction callback (≤512 bytes). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        suite_id = self.suite_id

        suite_secret = self.suite_secret

        suite_ticket = self.suite_ticket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "suite_id": suite_id,
                "suite_secret": suite_secret,
                "suite_ticket": suite_ticket,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        suite_id = d.pop("suite_id")

        suite_secret = d.pop("suite_secret")

        suite_ticket = d.pop("suite_ticket")

        get_suite_token_req = cls(
            suite_id=suite_id,
            suite_secret=suite_secret,
            suite_ticket=suite_ticket,
        )

        get_suite_token_req.additional_properties = d
        return get_suite_token_req

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
