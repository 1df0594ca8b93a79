from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterCodeInfo")


@_attrs_define
class RegisterCodeInfo:
    """Present when the app was installed through a promotion QR code."""

    register_code: str | Unset = UNSET
    """ Registration code. """
    template_id: str | Unset = UNSET
    """ Promotion package id. """
    state: str | Unset = UNSET
    """ State given when the registration code was made. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        register_code = self.register_code

        template_id = self.template_id

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if register_code is not UNSET:
            field_dict["register_code"] = register_code
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        register_code = d.pop("register_code", UNSET)

        template_id = d.pop("template_id", UNSET)

        state = d.pop("state", UNSET)

        register_code_info = cls(
            register_code=register_code,
            template_id=template_id,
            state=state,
        )

        register_code_info.additional_properties = d
        return register_code_info

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
