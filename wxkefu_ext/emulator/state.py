"""The emulator's domain state: plain dataclasses in one resettable :class:`State`.

Everything the fake WeCom server "remembers" lives here and nowhere else (stripe-mock is
stateless; Kf behaviour is not: cursors, the 48-hour window, the 5-message allowance and
single-use codes all need memory). :meth:`State.clear` restores a fresh corp.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Account",
    "Code",
    "Customer",
    "Delivery",
    "KnowledgeGroup",
    "KnowledgeIntent",
    "Media",
    "QueuedItem",
    "Servicer",
    "Session",
    "StatEvent",
    "State",
    "TokenRecord",
]


@dataclass(slots=True)
class TokenRecord:
    corp_id: str
    expires_at: float
    revoked: bool = False


@dataclass(slots=True)
class Account:
    open_kfid: str
    name: str
    media_id: str
    created_at: float


@dataclass(slots=True)
class Servicer:
    userid: str | None = None
    department_id: int | None = None
    status: int = 0  # servicer/list numbering: 0 receiving, 1 stopped
    stop_type: int = 0  # when status == 1: 0 stopped, 1 suspended


@dataclass(slots=True)
class Customer:
    external_userid: str
    nickname: str
    gender: int = 0
    unionid: str = ""
    last_enter_at: float | None = None
    last_enter_context: dict[str, Any] = field(default_factory=dict)
    last_message_at: float | None = None
    last_welcome_at: float | None = None


@dataclass(slots=True)
class Session:
    """One customer with one Kf account."""

    open_kfid: str
    external_userid: str
    state: int = 4  # 4 = ended / not started
    servicer_userid: str = ""
    window_start: float | None = None  # time of the customer's last message
    sends_in_window: int = 0
    coded_states: set[int] = field(default_factory=set)  # states that already issued a msg_code
    upgrade: dict[str, Any] | None = None
    started_at: float | None = None


@dataclass(slots=True)
class Code:
    """A welcome_code or msg_code for send_msg_on_event."""

    kind: str  # "welcome" | "pool" | "servicer" | "end"
    open_kfid: str
    external_userid: str
    expires_at: float
    state: int | None  # the session state the code is bound to (None: welcome)
    msgtypes: frozenset[str]
    used: bool = False


@dataclass(slots=True)
class QueuedItem:
    seq: int
    open_kfid: str
    send_time: int
    item: dict[str, Any]


@dataclass(slots=True)
class Delivery:
    msgid: str
    open_kfid: str
    touser: str
    msgtype: str
    payload: dict[str, Any]
    time: float
    via: str
    recalled: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "msgid": self.msgid,
            "open_kfid": self.open_kfid,
            "touser": self.touser,
            "msgtype": self.msgtype,
            "payload": self.payload,
            self.msgtype: self.payload,
            "time": self.time,
            "via": self.via,
            "recalled": self.recalled,
        }


@dataclass(slots=True)
class Media:
    media_id: str
    type: str
    data: bytes
    filename: str
    content_type: str
    created_at: float


@dataclass(slots=True)
class KnowledgeGroup:
    group_id: str
    name: str
    is_default: int = 0


@dataclass(slots=True)
class KnowledgeIntent:
    intent_id: str
    group_id: str
    question: dict[str, Any]
    similar_questions: dict[str, Any] | None
    answers: list[dict[str, Any]]


@dataclass(slots=True)
class StatEvent:
    """One thing that happened, for get_corp_statistic / get_servicer_statistic."""

    time: float
    kind: str  # session | customer_msg | ai_reply | transfer | upgrade | servicer_session
    open_kfid: str
    external_userid: str = ""
    servicer_userid: str = ""
    detail: str = ""


@dataclass(repr=False)
class State:
    tokens: dict[str, TokenRecord] = field(default_factory=dict)
    accounts: dict[str, Account] = field(default_factory=dict)
    deleted_accounts: set[str] = field(default_factory=set)
    servicers: dict[str, list[Servicer]] = field(default_factory=dict)
    customers: dict[str, Customer] = field(default_factory=dict)
    sessions: dict[tuple[str, str], Session] = field(default_factory=dict)
    codes: dict[str, Code] = field(default_factory=dict)
    queues: dict[str, list[QueuedItem]] = field(default_factory=dict)
    sync_tokens: dict[str, tuple[str, float]] = field(default_factory=dict)
    deliveries: list[Delivery] = field(default_factory=list)
    sent_msgids: dict[str, dict[str, Delivery]] = field(default_factory=dict)
    media: dict[str, Media] = field(default_factory=dict)
    groups: dict[str, KnowledgeGroup] = field(default_factory=dict)
    intents: dict[str, KnowledgeIntent] = field(default_factory=dict)
    upgrade_members: list[str] = field(default_factory=lambda: ["emulator_specialist"])
    upgrade_departments: list[int] = field(default_factory=list)
    upgrade_chats: list[str] = field(default_factory=lambda: ["wrEmulatorGroupChat"])
    stat_events: list[StatEvent] = field(default_factory=list)
    seq: int = 0

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def __repr__(self) -> str:
        # sizes only: the full state holds issued access_tokens and sync_msg Tokens (keys of
        # ``tokens`` / ``sync_tokens``) and customers' messages, none of which may be printed
        return (
            f"State(tokens={len(self.tokens)}, accounts={len(self.accounts)}, "
            f"customers={len(self.customers)}, sessions={len(self.sessions)}, "
            f"queued={sum(len(q) for q in self.queues.values())}, "
            f"deliveries={len(self.deliveries)}, media={len(self.media)}, seq={self.seq})"
        )

    def clear(self) -> None:
        fresh = State()
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(fresh, name))
