from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.knowledge_answer import KnowledgeAnswer
    from ..models.knowledge_question import KnowledgeQuestion
    from ..models.knowledge_similar_questions import KnowledgeSimilarQuestions


T = TypeVar("T", bound="KnowledgeAddIntentReq")


@_attrs_define
class KnowledgeAddIntentReq:
    """Body of `kf/knowledge/add_intent`."""

    group_id: str
    """ Group of the intent (分组ID). """
    question: KnowledgeQuestion
    """ A question of an intent (主问题 / 相似问题). """
    answers: list[KnowledgeAnswer]
    """ Answers of an intent (回答列表); currently exactly one is supported. """
    similar_questions: KnowledgeSimilarQuestions | Unset = UNSET
    """ Similar questions of an intent (相似问题). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        question = self.question.to_dict()

        answers = []
        for componentsschemas_knowledge_answers_item_data in self.answers:
            componentsschemas_knowledge_answers_item = (
                componentsschemas_knowledge_answers_item_data.to_dict()
            )
            answers.append(componentsschemas_knowledge_answers_item)

        similar_questions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.similar_questions, Unset):
            similar_questions = self.similar_questions.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "group_id": group_id,
                "question": question,
                "answers": answers,
            }
        )
        if similar_questions is not UNSET:
            field_dict["similar_questions"] = similar_questions

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.knowledge_answer import KnowledgeAnswer
        from ..models.knowledge_question import KnowledgeQuestion
        from ..models.knowledge_similar_questions import KnowledgeSimilarQuestions

        d = dict(src_dict)
        group_id = d.pop("group_id")

        question = KnowledgeQuestion.from_dict(d.pop("question"))

        answers = []
        _answers = d.pop("answers")
        for componentsschemas_knowledge_answers_item_data in _answers:
            componentsschemas_knowledge_answers_item = KnowledgeAnswer.from_dict(
                componentsschemas_knowledge_answers_item_data
            )

            answers.append(componentsschemas_knowledge_answers_item)

        _similar_questions = d.pop("similar_questions", UNSET)
        similar_questions: KnowledgeSimilarQuestions | Unset
        if isinstance(_similar_questions, Unset):
            similar_questions = UNSET
        else:
            similar_questions = KnowledgeSimilarQuestions.from_dict(_similar_questions)

        knowledge_add_intent_req = cls(
            group_id=group_id,
            question=question,
            answers=answers,
            similar_questions=similar_questions,
        )

        knowledge_add_intent_req.additional_properties = d
        return knowledge_add_intent_req

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
