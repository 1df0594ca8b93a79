from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackEnvelopeJson")


@_attrs_define
class CallbackEnvelopeJson:
    """JSON form of the encrypted envelope, `{"encrypt": "…"}`. Same cipher text and decryption
    as `CallbackEnvelopeXml`. Some WeCom callback configurations and SDK docs spell the key
    `Encrypt`: a receiver should accept either key (exactly one is expected). Only the
    lower-case key is declared as a property, because two properties differing only in case
    give duplicate fields in case-insensitive generated code (Java, Go); the capitalised key
    is an additional property of this object.

        Example:
            {'encrypt':
                'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvu'}

    """

    encrypt: str | Unset = UNSET
    """ Base64 ciphertext (or the value of `Encrypt`, see above). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encrypt = self.encrypt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if encrypt is not UNSET:
            field_dict["encrypt"] = encrypt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        encrypt = d.pop("encrypt", UNSET)

        callback_envelope_json = cls(
            encrypt=encrypt,
        )

        callback_envelope_json.additional_properties = d
        return callback_envelope_json

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
