from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentPrivilege")


@_attrs_define
class AgentPrivilege:
    """What the authorised app may see (应用对应的权限)."""

    level: int | Unset = UNSET
    """ Permission level as sent (1 contacts read, 2 write, ...). """
    allow_party: list[int] | Unset = UNSET
    """ Visible departments. """
    allow_user: list[str] | Unset = UNSET
    """ Visible members (userids; third-party apps see open_userids). """
    allow_tag: list[int] | Unset = UNSET
    """ Visible tags. """
    extra_party: list[int] | Unset = UNSET
    """ Extra departments with contact permission. """
    extra_user: list[str] | Unset = UNSET
    """ Extra members with contact permission. """
    extra_tag: list[int] | Unset = UNSET
    """ Extra tags with contact permission. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        level = self.level

        allow_party: list[int] | Unset = UNSET
        if not isinstance(self.allow_party, Unset):
            allow_party = self.allow_party

        allow_user: list[str] | Unset = UNSET
        if not isinstance(self.allow_user, Unset):
            allow_user = self.allow_user

        allow_tag: list[int] | Unset = UNSET
        if not isinstance(self.allow_tag, Unset):
            allow_tag = self.allow_tag

        extra_party: list[int] | Unset = UNSET
        if not isinstance(self.extra_party, Unset):
            extra_party = self.extra_party

        extra_user: list[str] | Unset = UNSET
        if not isinstance(self.extra_user, Unset):
            extra_user = self.extra_user

        extra_tag: list[int] | Unset = UNSET
        if not isinstance(self.extra_tag, Unset):
            extra_tag = self.extra_tag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if level is not UNSET:
            field_dict["level"] = level
        if allow_party is not UNSET:
            field_dict["allow_party"] = allow_party
        if allow_user is not UNSET:
            field_dict["allow_user"] = allow_user
        if allow_tag is not UNSET:
            field_dict["allow_tag"] = allow_tag
        if extra_party is not UNSET:
            field_dict["extra_party"] = extra_party
        if extra_user is not UNSET:
            field_dict["extra_user"] = extra_user
        if extra_tag is not UNSET:
            field_dict["extra_tag"] = extra_tag

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        level = d.pop("level", UNSET)

        allow_party = cast(list[int], d.pop("allow_party", UNSET))

        allow_user = cast(list[str], d.pop("allow_user", UNSET))

        allow_tag = cast(list[int], d.pop("allow_tag", UNSET))

        extra_party = cast(list[int], d.pop("extra_party", UNSET))

        extra_user = cast(list[str], d.pop("extra_user", UNSET))

        extra_tag = cast(list[int], d.pop("extra_tag", UNSET))

        agent_privilege = cls(
            level=level,
            allow_party=allow_party,
            allow_user=allow_user,
            allow_tag=allow_tag,
            extra_party=extra_party,
            extra_user=extra_user,
            extra_tag=extra_tag,
        )

        agent_privilege.additional_properties = d
        return agent_privilege

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
