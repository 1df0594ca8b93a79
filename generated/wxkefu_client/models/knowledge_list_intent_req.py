from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeListIntentReq")


@_attrs_define
class KnowledgeListIntentReq:
    """Body of `kf/knowledge/list_intent`; every field is optional."""

    cursor: str | Unset = UNSET
    """ The `next_cursor` of the previous page (上一次调用时返回的next_cursor); omit or "" for the first page. """
    limit: int | Unset = 500
    """ Page size (每次拉取的数据量), default 500, at most 1000. 0 (some SDKs always send
    it) is tolerated and means the default.
     """
    group_id: str | Unset = UNSET
    """ Return only intents of this group (分组ID). """
    intent_id: str | Unset = UNSET
    """ Return only this intent (问答ID). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cursor = self.cursor

        limit = self.limit

        group_id = self.group_id

        intent_id = self.intent_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if limit is not UNSET:
            field_dict["limit"] = limit
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if intent_id is not UNSET:
            field_dict["intent_id"] = intent_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        cursor = d.pop("cursor", UNSET)

        limit = d.pop("limit", UNSET)

        group_id = d.pop("group_id", UNSET)

        intent_id = d.pop("intent_id", UNSET)

        knowledge_list_intent_req = cls(
            cursor=cursor,
            limit=limit,
            group_id=group_id,
            intent_id=intent_id,
        )

        knowledge_list_intent_req.additional_properties = d
        return knowledge_list_intent_req

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
