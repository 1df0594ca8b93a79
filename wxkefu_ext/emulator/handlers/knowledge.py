"""Knowledge base (机器人知识库): groups (a default one, at most 100, unique names) and intents
(at most 200 per group, questions unique across groups), with cursor-paged lists."""

from __future__ import annotations

import base64
import copy
from typing import TYPE_CHECKING, Any, Final

from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.handlers.accounts import live_media
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.state import KnowledgeGroup, KnowledgeIntent

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.world import World

MAX_GROUPS: Final = 100
MAX_INTENTS_PER_GROUP: Final = 200


def _group(emu: World, group_id: str) -> KnowledgeGroup:
    found = emu.state.groups.get(group_id)
    if found is None:
        raise ApiError(40058, f"invalid group_id {group_id[:64]!r}: no such knowledge group")
    return found


def _intent(emu: World, intent_id: str) -> KnowledgeIntent:
    found = emu.state.intents.get(intent_id)
    if found is None:
        raise ApiError(40058, f"invalid intent_id {intent_id[:64]!r}: no such intent")
    return found


def _unique_name(emu: World, name: str, *, except_id: str = "") -> None:
    if any(g.name == name and g.group_id != except_id for g in emu.state.groups.values()):
        raise ApiError(40058, f"invalid name: a knowledge group named {name!r} already exists")


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o{offset}".encode()).decode().rstrip("=")


def _offset(cursor: str) -> int:
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if text.startswith("o") and text[1:].isdigit():
            return int(text[1:])
    except ValueError:
        pass
    raise ApiError(50100, "invalid cursor: not a next_cursor of this list")


def _page(items: list[dict[str, Any]], body: dict[str, Any], key: str) -> dict[str, Any]:
    offset = _offset(str(body.get("cursor", "")))
    limit = int(body.get("limit") or 500)  # 0 = the default, as peer SDKs send it
    page = items[offset : offset + limit]
    more = offset + limit < len(items)
    out: dict[str, Any] = {"has_more": 1 if more else 0, key: page}
    out["next_cursor"] = _cursor(offset + len(page))
    return out


@handles("knowledgeAddGroup")
def add_group(emu: World, call: Call) -> dict[str, Any]:
    name = call.body["name"]
    _unique_name(emu, name)
    if len(emu.state.groups) >= MAX_GROUPS:
        raise ApiError(40058, f"knowledge group limit reached ({MAX_GROUPS})")
    group = KnowledgeGroup(emu.new_id("gr", 22), name)
    emu.state.groups[group.group_id] = group
    return {"group_id": group.group_id}


@handles("knowledgeDelGroup")
def del_group(emu: World, call: Call) -> dict[str, Any]:
    group = _group(emu, call.body["group_id"])
    if group.is_default:
        raise ApiError(40058, "the default knowledge group cannot be deleted")
    del emu.state.groups[group.group_id]
    for intent_id in [
        i.intent_id for i in emu.state.intents.values() if i.group_id == group.group_id
    ]:
        del emu.state.intents[intent_id]
    return {}


@handles("knowledgeModGroup")
def mod_group(emu: World, call: Call) -> dict[str, Any]:
    group = _group(emu, call.body["group_id"])
    if group.is_default:
        raise ApiError(40058, "the default knowledge group cannot be modified")
    _unique_name(emu, call.body["name"], except_id=group.group_id)
    group.name = call.body["name"]
    return {}


@handles("knowledgeListGroup")
def list_group(emu: World, call: Call) -> dict[str, Any]:
    groups = list(emu.state.groups.values())
    if call.body.get("group_id"):
        groups = [g for g in groups if g.group_id == call.body["group_id"]]
    items = [{"group_id": g.group_id, "name": g.name, "is_default": g.is_default} for g in groups]
    return _page(items, call.body, "group_list")


def _questions(body: dict[str, Any]) -> list[str]:
    out = [body["question"]["text"]["content"]] if "question" in body else []
    for item in (body.get("similar_questions") or {}).get("items", []):
        out.append(item["text"]["content"])
    return out


def _check_intent(emu: World, body: dict[str, Any], *, except_id: str = "") -> None:
    mine = _questions(body)
    if len(set(mine)) != len(mine):
        raise ApiError(40058, "invalid question: the same question appears twice")
    for other in emu.state.intents.values():
        if other.intent_id == except_id:
            continue
        theirs = set(
            _questions({"question": other.question, "similar_questions": other.similar_questions})
        )
        clash = theirs.intersection(mine)
        if clash:
            raise ApiError(
                40058, f"invalid question: {sorted(clash)[0]!r} already belongs to another intent"
            )
    for answer in body.get("answers", ()):
        for att in answer.get("attachments", ()):
            ref = att.get(att["msgtype"], {})
            for name in ("media_id", "thumb_media_id"):
                if ref.get(name):
                    live_media(emu, ref[name], field=f"attachments.{att['msgtype']}.{name}")


@handles("knowledgeAddIntent")
def add_intent(emu: World, call: Call) -> dict[str, Any]:
    group = _group(emu, call.body["group_id"])
    if (
        sum(1 for i in emu.state.intents.values() if i.group_id == group.group_id)
        >= MAX_INTENTS_PER_GROUP
    ):
        raise ApiError(40058, f"intent limit reached ({MAX_INTENTS_PER_GROUP} per group)")
    _check_intent(emu, call.body)
    intent = KnowledgeIntent(
        emu.new_id("in", 22),
        group.group_id,
        copy.deepcopy(call.body["question"]),
        copy.deepcopy(call.body.get("similar_questions")),
        copy.deepcopy(call.body["answers"]),
    )
    emu.state.intents[intent.intent_id] = intent
    return {"intent_id": intent.intent_id}


@handles("knowledgeDelIntent")
def del_intent(emu: World, call: Call) -> dict[str, Any]:
    del emu.state.intents[_intent(emu, call.body["intent_id"]).intent_id]
    return {}


@handles("knowledgeModIntent")
def mod_intent(emu: World, call: Call) -> dict[str, Any]:
    intent = _intent(emu, call.body["intent_id"])
    merged = {
        "question": call.body.get("question", intent.question),
        "similar_questions": call.body.get("similar_questions", intent.similar_questions),
        "answers": call.body.get("answers", intent.answers),
    }
    _check_intent(emu, merged, except_id=intent.intent_id)
    intent.question = copy.deepcopy(merged["question"])
    intent.similar_questions = copy.deepcopy(merged["similar_questions"])
    intent.answers = copy.deepcopy(merged["answers"])
    return {}


def _listed_answer(answer: dict[str, Any], emu: World) -> dict[str, Any]:
    out = copy.deepcopy(answer)
    for att in out.get("attachments", ()):
        ref = att.get(att["msgtype"], {})
        if att["msgtype"] in ("image", "video") and "media_id" in ref:
            media = emu.state.media.get(ref.pop("media_id"))
            ref["name"] = media.filename if media else "attachment"
        ref.pop("thumb_media_id", None)
    return out


@handles("knowledgeListIntent")
def list_intent(emu: World, call: Call) -> dict[str, Any]:
    intents = list(emu.state.intents.values())
    if call.body.get("group_id"):
        intents = [i for i in intents if i.group_id == call.body["group_id"]]
    if call.body.get("intent_id"):
        intents = [i for i in intents if i.intent_id == call.body["intent_id"]]
    items = []
    for i in intents:
        entry: dict[str, Any] = {
            "group_id": i.group_id,
            "intent_id": i.intent_id,
            "question": i.question,
            "answers": [_listed_answer(a, emu) for a in i.answers],
        }
        if i.similar_questions is not None:
            entry["similar_questions"] = i.similar_questions
        items.append(entry)
    return _page(items, call.body, "intent_list")
