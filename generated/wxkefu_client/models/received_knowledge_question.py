from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.received_knowledge_question_text import ReceivedKnowledgeQuestionText


T = TypeVar("T", bound="ReceivedKnowledgeQuestion")


@_attrs_define
class ReceivedKnowledgeQuestion:
    """A question of an intent (主问题 / 相似问题).

    Example:
        {'text': {'content': '如何退货？'}}

    """

    text: ReceivedKnowledgeQuestionText
    """ Text of a question (问题文本). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        text = self.text.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.received_knowledge_question_text import (
            ReceivedKnowledgeQuestionText,
        )

        d = dict(src_dict)
        text = ReceivedKnowledgeQuestionText.from_dict(d.pop("text"))

        received_knowledge_question = cls(
            text=text,
        )

        received_knowledge_question.additional_properties = d
        return received_knowledge_question

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
