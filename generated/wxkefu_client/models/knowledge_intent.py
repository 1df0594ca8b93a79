from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.received_knowledge_answer import ReceivedKnowledgeAnswer
    from ..models.received_knowledge_question import ReceivedKnowledgeQuestion
    from ..models.received_knowledge_similar_questions import (
        ReceivedKnowledgeSimilarQuestions,
    )


T = TypeVar("T", bound="KnowledgeIntent")


@_attrs_define
class KnowledgeIntent:
    """One intent of `kf/knowledge/list_intent`.

    Example:
        {'group_id': 'GROUP_ID_1', 'intent_id': 'INTENT_ID_1', 'question': {'text': {'content': '如何退货？'}}}

    """

    group_id: str | Unset = UNSET
    """ Group of the intent (分组ID). """
    intent_id: str | Unset = UNSET
    """ Intent id (问答ID). """
    question: ReceivedKnowledgeQuestion | Unset = UNSET
    """ A question of an intent (主问题 / 相似问题). """
    similar_questions: ReceivedKnowledgeSimilarQuestions | Unset = UNSET
    """ Similar questions of an intent (相似问题). """
    answers: list[ReceivedKnowledgeAnswer] | Unset = UNSET
    """ Answers (回答列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        intent_id = self.intent_id

        question: dict[str, Any] | Unset = UNSET
        if not isinstance(self.question, Unset):
            question = self.question.to_dict()

        similar_questions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.similar_questions, Unset):
            similar_questions = self.similar_questions.to_dict()

        answers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = []
            for answers_item_data in self.answers:
                answers_item = answers_item_data.to_dict()
                answers.append(answers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if intent_id is not UNSET:
            field_dict["intent_id"] = intent_id
        if question is not UNSET:
            field_dict["question"] = question
        if similar_questions is not UNSET:
            field_dict["similar_questions"] = similar_questions
        if answers is not UNSET:
            field_dict["answers"] = answers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.received_knowledge_answer import ReceivedKnowledgeAnswer
        from ..models.received_knowledge_question import ReceivedKnowledgeQuestion
        from ..models.received_knowledge_similar_questions import (
            ReceivedKnowledgeSimilarQuestions,
        )

        d = dict(src_dict)
        group_id = d.pop("group_id", UNSET)

        intent_id = d.pop("intent_id", UNSET)

        _question = d.pop("question", UNSET)
        question: ReceivedKnowledgeQuestion | Unset
        if isinstance(_question, Unset):
            question = UNSET
        else:
            question = ReceivedKnowledgeQuestion.from_dict(_question)

        _similar_questions = d.pop("similar_questions", UNSET)
        similar_questions: ReceivedKnowledgeSimilarQuestions | Unset
        if isinstance(_similar_questions, Unset):
            similar_questions = UNSET
        else:
            similar_questions = ReceivedKnowledgeSimilarQuestions.from_dict(
                _similar_questions
            )

        _answers = d.pop("answers", UNSET)
        answers: list[ReceivedKnowledgeAnswer] | Unset = UNSET
        if _answers is not UNSET:
            answers = []
            for answers_item_data in _answers:
                answers_item = ReceivedKnowledgeAnswer.from_dict(answers_item_data)

                answers.append(answers_item)

        knowledge_intent = cls(
            group_id=group_id,
            intent_id=intent_id,
            question=question,
            similar_questions=similar_questions,
            answers=answers,
        )

        knowledge_intent.additional_properties = d
        return knowledge_intent

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
