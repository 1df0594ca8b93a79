"""The emulated corp: its state, the Kf business limits, and the rules the handlers share.

Why a module of its own: the Kf API handlers (:mod:`.handlers`), the dispatcher
(:mod:`.dispatch`) and the control API (:mod:`.scenario`, :mod:`.control`) all act on the same
state under the same rules. Keeping those here, below every shell, lets each of them import
downward only — before this split they imported limits back from the :class:`Emulator` facade
lazily and reached into its private lock.

Thread safety: every mutation runs under :attr:`World.lock` (re-entrant). The handlers run under
it as a whole (see :func:`.handlers.process`), so each API request is atomic; the helpers below
assume the caller holds it.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from wxkefu_ext._redact import Secret
from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.clock import Clock
from wxkefu_ext.emulator.faults import FaultPlan, Firing
from wxkefu_ext.emulator.state import (
    Account,
    Code,
    Customer,
    Delivery,
    KnowledgeGroup,
    QueuedItem,
    Servicer,
    Session,
    State,
    StatEvent,
    TokenRecord,
)

__all__ = [
    "DEFAULT_CORP_ID",
    "DEFAULT_CORP_SECRET",
    "HISTORY_SECONDS",
    "MAX_ACCOUNTS",
    "MEDIA_SECONDS",
    "RECALL_SECONDS",
    "SENDS_PER_CUSTOMER_MESSAGE",
    "SYNC_TOKEN_SECONDS",
    "TOKEN_LIFETIME",
    "WELCOME_CODE_SECONDS",
    "WINDOW_SECONDS",
    "EmulatorStats",
    "World",
    "clip",
]

#: Documented demo credentials (they open nothing but this emulator).
DEFAULT_CORP_ID: Final = "wwemulator0000001"
DEFAULT_CORP_SECRET: Final = "emulator-corp-secret-0000000000000000000000"  # noqa: S105 - a fake

# The Kf business limits (ENDPOINTS.md); the handlers and the control API enforce them.
DAY: Final = 86_400
TOKEN_LIFETIME: Final = 7200
WINDOW_SECONDS: Final = 48 * 3600
SENDS_PER_CUSTOMER_MESSAGE: Final = 5
RECALL_SECONDS: Final = 120
SYNC_TOKEN_SECONDS: Final = 600
WELCOME_CODE_SECONDS: Final = 20
MEDIA_SECONDS: Final = 3 * DAY
HISTORY_SECONDS: Final = 3 * DAY
MAX_ACCOUNTS: Final = 5000
_ALNUM: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


@dataclass
class EmulatorStats:
    """Counters of what the emulator saw (reset by :meth:`Emulator.reset`)."""

    gettoken_calls: int = 0
    requests: int = 0
    requests_by_op: Counter[str] = None  # type: ignore[assignment]
    deliveries: int = 0
    callbacks_sent: int = 0
    callbacks_failed: int = 0
    faults_fired: int = 0

    def __post_init__(self) -> None:
        if self.requests_by_op is None:
            self.requests_by_op = Counter()

    def as_dict(self) -> dict[str, Any]:
        return {
            "gettoken_calls": self.gettoken_calls,
            "requests": self.requests,
            "requests_by_op": dict(self.requests_by_op),
            "deliveries": self.deliveries,
            "callbacks_sent": self.callbacks_sent,
            "callbacks_failed": self.callbacks_failed,
            "faults_fired": self.faults_fired,
        }


class World:
    """The corp's state plus the helpers every rule is written with.

    ``credentials`` maps corp ids to secrets (only those are accepted by ``gettoken``);
    ``token_ttl`` is the access_token lifetime in seconds; ``seed`` makes ids, msgids and the
    ``random`` fault kind reproducible.
    """

    def __init__(
        self,
        *,
        credentials: Mapping[str, str] | None = None,
        token_ttl: int = TOKEN_LIFETIME,
        seed: int = 0,
    ) -> None:
        creds = (
            dict(credentials) if credentials is not None else {DEFAULT_CORP_ID: DEFAULT_CORP_SECRET}
        )
        if not creds:
            raise ValueError("credentials must hold at least one corp_id: secret pair")
        for corp_id, secret in creds.items():
            if (
                not isinstance(corp_id, str)
                or not corp_id
                or not isinstance(secret, str)
                or not secret
            ):
                raise ValueError(
                    "credentials must map non-empty corp_id strings to non-empty secrets"
                )
        if not isinstance(token_ttl, int) or token_ttl <= 0:
            raise ValueError(f"token_ttl must be a positive int (seconds), got {token_ttl!r}")
        self.credentials: Final = {k: Secret(v) for k, v in creds.items()}
        self.token_ttl = token_ttl
        self.seed = seed
        self.clock = Clock()
        self.state = State()
        self.stats = EmulatorStats()
        self.rng = random.Random(seed)
        self.fault_plan = FaultPlan(random.Random(seed + 1))
        self.lock = threading.RLock()
        self.request_seq = 0
        self.init_corp()

    @property
    def corp_id(self) -> str:
        """The first configured corp id (the demo one by default)."""
        return next(iter(self.credentials))

    @property
    def corp_secret(self) -> str:
        """The secret of :attr:`corp_id` (a fake, emulator-only value)."""
        return self.credentials[self.corp_id].reveal()

    def reset(self) -> None:
        """Forget everything (state, tokens, faults, stats, clock offset); keeps credentials."""
        with self.lock:
            self.state.clear()
            self.stats = EmulatorStats()
            self.rng = random.Random(self.seed)
            self.fault_plan = FaultPlan(random.Random(self.seed + 1))
            self.clock.reset()
            self.request_seq = 0
            self.init_corp()

    def init_corp(self) -> None:
        """What a fresh corp has: the default knowledge group."""
        default = KnowledgeGroup(self.new_id("gr", 22), "默认分组", is_default=1)
        self.state.groups[default.group_id] = default

    def issue_token(self, corp_id: str | None = None) -> str:
        """An access_token as ``gettoken`` would return it (for tests and contract runs)."""
        with self.lock:
            return self._issue_token(corp_id or self.corp_id)[0]

    def add_account(self, name: str, media_id: str) -> Account:
        """A new account (caller holds the lock): 95005 beyond :data:`MAX_ACCOUNTS`."""
        if len(self.state.accounts) >= MAX_ACCOUNTS:
            raise ApiError(95005, f"kf account count exceeds the limit of {MAX_ACCOUNTS}")
        account = Account(self.new_id("wk", 30), name, media_id, self.clock.now())
        self.state.accounts[account.open_kfid] = account
        self.state.servicers[account.open_kfid] = []
        self.state.queues[account.open_kfid] = []
        self.state.sent_msgids[account.open_kfid] = {}
        return account

    # ------------------------------------------------------------------ helpers for handlers

    def new_id(self, prefix: str, length: int) -> str:
        rng = self.rng
        return prefix + "".join(rng.choice(_ALNUM) for _ in range(length))

    def account(self, open_kfid: str) -> Account:
        """The account or the official error: 95000 malformed, 95004 unknown/deleted."""
        found = self.state.accounts.get(open_kfid)
        if found is not None:
            return found
        if not open_kfid.startswith("wk") or not 8 <= len(open_kfid) <= 64:
            raise ApiError(95000, f"invalid open_kfid {clip(open_kfid)!r}")
        raise ApiError(95004, f"open_kfid {clip(open_kfid)!r} does not exist")

    def servicer(self, open_kfid: str, userid: str) -> Servicer | None:
        for s in self.state.servicers.get(open_kfid, ()):
            if s.userid == userid:
                return s
        return None

    def customer(self, external_userid: str) -> Customer:
        found = self.state.customers.get(external_userid)
        if found is None:
            raise ApiError(40096, f"invalid external_userid {clip(external_userid)!r}")
        return found

    def customer_for(self, external_userid: str | None) -> Customer:
        """That customer, created on first sight (a new id when None)."""
        if external_userid is not None and external_userid in self.state.customers:
            return self.state.customers[external_userid]
        userid = external_userid or self.new_id("wm", 30)
        n = len(self.state.customers) + 1
        customer = Customer(userid, nickname=f"客户{n}", gender=n % 3, unionid="")
        self.state.customers[userid] = customer
        return customer

    def session(self, open_kfid: str, external_userid: str, *, create: bool = False) -> Session:
        key = (open_kfid, external_userid)
        found = self.state.sessions.get(key)
        if found is None:
            if not create:
                self.customer(external_userid)
                raise ApiError(95013, "session has already ended / was never started")
            found = Session(open_kfid, external_userid)
            self.state.sessions[key] = found
        return found

    def customer_message(
        self, open_kfid: str, customer: Customer, msgtype: str, payload: dict[str, Any]
    ) -> str:
        """The customer writes: queue the message, reopen an ended session, open a new
        48 h / 5-message allowance. Returns the msgid."""
        now = self.clock.now()
        customer.last_message_at = now
        session = self.session(open_kfid, customer.external_userid, create=True)
        if session.state == 4:
            session.state = 0
            session.servicer_userid = ""
            session.coded_states = set()
            session.started_at = now
            self.record("session", open_kfid, customer.external_userid)
        session.window_start = now
        session.sends_in_window = 0
        self.record("customer_msg", open_kfid, customer.external_userid, session.servicer_userid)
        msgid = self.new_msgid()
        item: dict[str, Any] = {
            "msgid": msgid,
            "open_kfid": open_kfid,
            "external_userid": customer.external_userid,
            "send_time": int(now),
            "origin": 3,
            "msgtype": msgtype,
            msgtype: payload,
        }
        self.enqueue_item(open_kfid, item)
        return msgid

    def new_msgid(self) -> str:
        return f"{self.rng.getrandbits(64):016x}{self.state.seq + 1:08x}"

    def enqueue_item(self, open_kfid: str, item: dict[str, Any]) -> None:
        """Queue one ``sync_msg`` item as given (the caller holds :attr:`lock`)."""
        seq = self.state.next_seq()
        self.state.queues.setdefault(open_kfid, []).append(
            QueuedItem(seq, open_kfid, int(item["send_time"]), item)
        )

    def enqueue_event(self, open_kfid: str, event: dict[str, Any]) -> str:
        msgid = self.new_msgid()
        self.enqueue_item(
            open_kfid,
            {
                "msgid": msgid,
                "send_time": self.clock.now_int(),
                "origin": 4,
                "msgtype": "event",
                "event": event,
            },
        )
        return msgid

    def new_code(
        self,
        kind: str,
        open_kfid: str,
        external_userid: str,
        lifetime: float,
        state: int | None,
        msgtypes: tuple[str, ...],
    ) -> str:
        code = self.new_id("", 43)
        self.state.codes[code] = Code(
            kind,
            open_kfid,
            external_userid,
            self.clock.now() + lifetime,
            state,
            frozenset(msgtypes),
        )
        return code

    def record(
        self,
        kind: str,
        open_kfid: str,
        external_userid: str = "",
        servicer_userid: str = "",
        detail: str = "",
    ) -> None:
        self.state.stat_events.append(
            StatEvent(self.clock.now(), kind, open_kfid, external_userid, servicer_userid, detail)
        )

    def deliver(self, delivery: Delivery) -> None:
        self.state.deliveries.append(delivery)
        self.state.sent_msgids.setdefault(delivery.open_kfid, {})[delivery.msgid] = delivery
        self.stats.deliveries += 1

    def count_callback(self, ok: bool) -> None:
        """Count one finished callback delivery (called from the pusher's thread)."""
        with self.lock:
            if ok:
                self.stats.callbacks_sent += 1
            else:
                self.stats.callbacks_failed += 1

    # ------------------------------------------------------------------ tokens

    def _issue_token(self, corp_id: str) -> tuple[str, int]:
        now = self.clock.now()
        for token, record in self.state.tokens.items():
            if record.corp_id == corp_id and not record.revoked and record.expires_at > now:
                return token, max(1, round(record.expires_at - now))
        token = self.new_id("", 64) + self.new_id("", 64)
        self.state.tokens[token] = TokenRecord(corp_id, now + self.token_ttl)
        return token, self.token_ttl

    def check_credentials(self, corp_id: str, secret: str) -> tuple[str, int]:
        known = self.credentials.get(corp_id)
        if known is None:
            raise ApiError(40013, "invalid corpid")
        if known != Secret(secret):
            raise ApiError(40001, "invalid credential: corpsecret does not match corpid")
        return self._issue_token(corp_id)

    def check_token(self, token: str | None) -> str:
        if not token:
            raise ApiError(41001, "access_token missing", kind="auth")
        record = self.state.tokens.get(token)
        if record is None or record.revoked:
            raise ApiError(40014, "invalid access_token", kind="auth")
        if record.expires_at <= self.clock.now():
            raise ApiError(42001, "access_token expired", kind="auth")
        return record.corp_id

    # ------------------------------------------------------------------ per request

    def next_request_id(self) -> str:
        """Count a request and name it (the ``hint: [...]`` id of errmsg, ``x-request-id``)."""
        with self.lock:
            self.request_seq += 1
            self.stats.requests += 1
            return f"{self.clock.now_int()}_{self.request_seq}_{self.rng.getrandbits(48):012x}"

    def take_fault(self, path: str) -> Firing | None:
        """The injected fault this ``/cgi-bin`` path triggers now, if any (counted)."""
        with self.lock:
            firing = self.fault_plan.pick(path)
            if firing is not None:
                self.stats.faults_fired += 1
            return firing


def clip(text: str, limit: int = 80) -> str:
    """``text`` cut to ``limit`` characters for an errmsg (client input can be huge)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
