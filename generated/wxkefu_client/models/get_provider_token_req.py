from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetProviderTokenReq")


@_attrs_define
class GetProviderTokenReq:
    """Body of `service/get_provider_token`."""

    corpid: str
    """ The provider's own corpid. """
    provider_secret: str
    """ The provider secret (服务商的secret; never log it). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        corpid = self.corpid

        provider_secret = self.provider_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "corpid": corpid,
                "provider_secret": provider_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        corpid = d.pop("corpid")

        provider_secret = d.pop("provider_secret")

        get_provider_token_req = cls(
            corpid=corpid,
            provider_secret=provider_secret,
        )

        get_provider_token_req.additional_properties = d
        return get_provider_token_req

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
