from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CallbackEnvelopeJson")


@_attrs_define
class CallbackEnvelopeJson:
    """JSON form of the encrypted envelope, `{"encrypt": "…"}` (some WeCom callback
    configurations and SDK docs use `Encrypt`). Same cipher text and decryption as
    `CallbackEnvelopeXml`. Accept either key; exactly one is expected.

        Example:
            {'encrypt':
                'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvu'}

    """

    encrypt: str | Unset = UNSET
    """ Base64 ciphertext (lower-case key). """
    Encrypt: str | Unset = UNSET
    """ Base64 ciphertext (capitalised key). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encrypt = self.encrypt

        Encrypt = self.Encrypt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if encrypt is not UNSET:
            field_dict["encrypt"] = encrypt
        if Encrypt is not UNSET:
            field_dict["Encrypt"] = Encrypt

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        encrypt = d.pop("encrypt", UNSET)

        Encrypt = d.pop("Encrypt", UNSET)

        callback_envelope_json = cls(
            encrypt=encrypt,
            Encrypt=Encrypt,
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
