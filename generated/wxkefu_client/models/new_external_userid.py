from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NewExternalUserid")


@_attrs_define
class NewExternalUserid:
    """One converted customer id."""

    external_userid: str
    """ The id given. """
    new_external_userid: str
    """ The provider-subject id. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_userid = self.external_userid

        new_external_userid = self.new_external_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_userid": external_userid,
                "new_external_userid": new_external_userid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_userid = d.pop("external_userid")

        new_external_userid = d.pop("new_external_userid")

        new_external_userid = cls(
            external_userid=external_userid,
            new_external_userid=new_external_userid,
        )

        new_external_userid.additional_properties = d
        return new_external_userid

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
