from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UseridOpenUserid")


@_attrs_define
class UseridOpenUserid:
    """One converted member id."""

    userid: str
    """ The corp-subject userid given. """
    open_userid: str
    """ The provider-subject open_userid. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        userid = self.userid

        open_userid = self.open_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userid": userid,
                "open_userid": open_userid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        userid = d.pop("userid")

        open_userid = d.pop("open_userid")

        userid_open_userid = cls(
            userid=userid,
            open_userid=open_userid,
        )

        userid_open_userid.additional_properties = d
        return userid_open_userid

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
