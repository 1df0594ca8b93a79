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


T = TypeVar("T", bound="KnowledgeModIntentReq")


@_attrs_define
class KnowledgeModIntentReq:
    """Body of `kf/knowledge/mod_intent`; each part given replaces the stored one."""

    intent_id: str
    """ Intent to change (问答ID). """
    question: KnowledgeQuestion | Unset = UNSET
    """ A question of an intent (主问题 / 相似问题). """
    similar_questions: KnowledgeSimilarQuestions | Unset = UNSET
    """ Similar questions of an intent (相似问题). """
    answers: list[KnowledgeAnswer] | Unset = UNSET
    """ Answers of an intent (回答列表); currently exactly one is supported. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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
            for componentsschemas_knowledge_answers_item_data in self.answers:
                componentsschemas_knowledge_answers_item = (
                    componentsschemas_knowledge_answers_item_data.to_dict()
                )
                answers.append(componentsschemas_knowledge_answers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "intent_id": intent_id,
            }
        )
        if question is not UNSET:
            field_dict["question"] = question
        if similar_questions is not UNSET:
            field_dict["similar_questions"] = similar_questions
        if answers is not UNSET:
            field_dict["answers"] = answers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.knowledge_answer import KnowledgeAnswer
        from ..models.knowledge_question import KnowledgeQuestion
        from ..models.knowledge_similar_questions import KnowledgeSimilarQuestions

        d = dict(src_dict)
        intent_id = d.pop("intent_id")

        _question = d.pop("question", UNSET)
        question: KnowledgeQuestion | Unset
        if isinstance(_question, Unset):
            question = UNSET
        else:
            question = KnowledgeQuestion.from_dict(_question)

        _similar_questions = d.pop("similar_questions", UNSET)
        similar_questions: KnowledgeSimilarQuestions | Unset
        if isinstance(_similar_questions, Unset):
            similar_questions = UNSET
        else:
            similar_questions = KnowledgeSimilarQuestions.from_dict(_similar_questions)

        _answers = d.pop("answers", UNSET)
        answers: list[KnowledgeAnswer] | Unset = UNSET
        if _answers is not UNSET:
            answers = []
            for componentsschemas_knowledge_answers_item_data in _answers:
                componentsschemas_knowledge_answers_item = KnowledgeAnswer.from_dict(
                    componentsschemas_knowledge_answers_item_data
                )

                answers.append(componentsschemas_knowledge_answers_item)

        knowledge_mod_intent_req = cls(
            intent_id=intent_id,
            question=question,
            similar_questions=similar_questions,
            answers=answers,
        )

        knowledge_mod_intent_req.additional_properties = d
        return knowledge_mod_intent_req

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
