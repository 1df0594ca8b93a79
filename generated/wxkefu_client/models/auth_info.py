from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_agent import AuthAgent


T = TypeVar("T", bound="AuthInfo")


@_attrs_define
class AuthInfo:
    """The authorisation (授权信息); new single-app suites have exactly one agent."""

    agent: list[AuthAgent] | Unset = UNSET
    """ The authorised apps. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.agent, Unset):
            agent = []
            for agent_item_data in self.agent:
                agent_item = agent_item_data.to_dict()
                agent.append(agent_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if agent is not UNSET:
            field_dict["agent"] = agent

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.auth_agent import AuthAgent

        d = dict(src_dict)
        _agent = d.pop("agent", UNSET)
        agent: list[AuthAgent] | Unset = UNSET
        if _agent is not UNSET:
            agent = []
            for agent_item_data in _agent:
                agent_item = AuthAgent.from_dict(agent_item_data)

                agent.append(agent_item)

        auth_info = cls(
            agent=agent,
        )

        auth_info.additional_properties = d
        return auth_info

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
