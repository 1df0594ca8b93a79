"""The :class:`Emulator`: state, Python control API, and the sans-IO request dispatcher."""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from wxkefu_ext._redact import Secret
from wxkefu_ext.emulator._http import (
    REJECT_HEADER,
    ApiError,
    Request,
    Response,
    json_response,
)
from wxkefu_ext.emulator.clock import Clock
from wxkefu_ext.emulator.faults import Fault, FaultPlan, Firing
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
)

if TYPE_CHECKING:
    import httpx

    from wxkefu_ext.emulator.callbacks import CallbackDelivery, CallbackPusher
    from wxkefu_ext.emulator.provider import ProviderEmulator

__all__ = [
    "BASE_URL",
    "DEFAULT_CORP_ID",
    "DEFAULT_CORP_SECRET",
    "Emulator",
    "EmulatorStats",
    "EnterResult",
]

#: Documented demo credentials (they open nothing but this emulator).
DEFAULT_CORP_ID: Final = "wwemulator0000001"
DEFAULT_CORP_SECRET: Final = "emulator-corp-secret-0000000000000000000000"  # noqa: S105 - a fake
#: Base URL for in-process use (the host is never resolved).
BASE_URL: Final = "http://kf-emulator.local/cgi-bin"

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


class EnterResult(NamedTuple):
    """What :meth:`Emulator.customer_enter_session` produced."""

    external_userid: str
    welcome_code: str | None


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


class Emulator:
    """A stateful local WeCom Kf server; see the package docstring for the whole API."""

    def __init__(
        self,
        *,
        credentials: Mapping[str, str] | None = None,
        callback_url: str | None = None,
        callback_token: str | Secret | None = None,
        callback_aes_key: str | Secret | None = None,
        callback_transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
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
        self._credentials = {k: Secret(v) for k, v in creds.items()}
        self.token_ttl = token_ttl
        self.seed = seed
        self.clock = Clock()
        self.state = State()
        self.stats = EmulatorStats()
        self._rng = random.Random(seed)
        self._faults = FaultPlan(random.Random(seed + 1))
        self._lock = threading.RLock()
        self._callback_url = callback_url
        self._callback_token = _secret(callback_token) if callback_token is not None else None
        self._callback_key = _secret(callback_aes_key) if callback_aes_key is not None else None
        self._callback_transport = callback_transport
        self._pusher: CallbackPusher | None = None
        self._app: Any = None
        self._request_seq = 0
        self._provider: ProviderEmulator | None = None
        self._init_corp()

    @property
    def provider(self) -> ProviderEmulator:
        """The service-provider side (suites, authorised corps): :mod:`.provider`."""
        if self._provider is None:
            from wxkefu_ext.emulator.provider import ProviderEmulator

            self._provider = ProviderEmulator(self)
        return self._provider

    # ------------------------------------------------------------------ identity / wiring

    @property
    def corp_id(self) -> str:
        """The first configured corp id (the demo one by default)."""
        return next(iter(self._credentials))

    @property
    def corp_secret(self) -> str:
        """The secret of :attr:`corp_id` (a fake, emulator-only value)."""
        return self._credentials[self.corp_id].reveal()

    @property
    def base_url(self) -> str:
        """``http://kf-emulator.local/cgi-bin`` — pair it with :meth:`transport`."""
        return BASE_URL

    @property
    def app(self) -> Any:
        """The Starlette ASGI app serving ``/cgi-bin/...`` and ``/_emulator/...``."""
        if self._app is None:
            from wxkefu_ext.emulator.app import build_app

            self._app = build_app(self)
        return self._app

    def transport(self) -> httpx.BaseTransport:
        """A sync httpx transport that runs requests through the emulator in-process."""
        from wxkefu_ext.emulator.transport import EmulatorTransport

        return EmulatorTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An async httpx transport over :attr:`app` (``httpx.ASGITransport``)."""
        from wxkefu_ext.emulator.transport import EmulatorAsyncTransport

        return EmulatorAsyncTransport(self)

    @contextmanager
    def serve(self, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
        """Serve over real HTTP (uvicorn in a background thread); yields the base URL."""
        from wxkefu_ext.emulator.server import serve

        with serve(self, host, port) as base_url:
            yield base_url

    def set_callback(
        self,
        url: str | None,
        *,
        token: str | Secret | None = None,
        encoding_aes_key: str | Secret | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """Where (and with which Token/EncodingAESKey) ``kf_msg_or_event`` callbacks go;
        ``url=None`` turns callbacks off."""
        if url is not None and (token is None or encoding_aes_key is None):
            raise ValueError("a callback url needs token= and encoding_aes_key=")
        if encoding_aes_key is not None:
            from wxkefu_ext.crypto import encrypt_message

            encrypt_message(encoding_aes_key, b"probe", self.corp_id)  # fails early on a bad key
        with self._lock:
            self._callback_url = url
            self._callback_token = _secret(token) if token is not None else None
            self._callback_key = _secret(encoding_aes_key) if encoding_aes_key is not None else None
            if transport is not None:
                self._callback_transport = transport
            if self._pusher is not None:
                self._pusher.close()
                self._pusher = None

    def flush_callbacks(self, timeout: float = 5.0) -> bool:
        """Wait until every queued callback was POSTed (or gave up); False on timeout."""
        pusher = self._pusher
        return True if pusher is None else pusher.flush(timeout)

    @property
    def callback_log(self) -> list[CallbackDelivery]:
        """Every callback delivery attempt's outcome, oldest first."""
        pusher = self._pusher
        return [] if pusher is None else pusher.log()

    def close(self) -> None:
        """Stop the callback thread (the emulator stays usable; it restarts on demand)."""
        with self._lock:
            pusher, self._pusher = self._pusher, None
        if pusher is not None:
            pusher.close()
        if self._provider is not None:
            self._provider.close()

    def __enter__(self) -> Emulator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return (
            f"Emulator(corp_id={self.corp_id!r}, accounts={len(self.state.accounts)}, "
            f"callback_url={self._callback_url!r})"
        )

    # ------------------------------------------------------------------ control: lifecycle

    def reset(self) -> None:
        """Forget everything (state, tokens, faults, stats, clock offset); keeps credentials
        and the callback configuration."""
        self.flush_callbacks(1.0)
        provider, self._provider = self._provider, None  # the provider side starts afresh too
        if provider is not None:
            provider.close()
        with self._lock:
            self.state.clear()
            self.stats = EmulatorStats()
            self._rng = random.Random(self.seed)
            self._faults = FaultPlan(random.Random(self.seed + 1))
            self.clock.reset()
            self._request_seq = 0
            self._init_corp()

    def _init_corp(self) -> None:
        default = KnowledgeGroup(self.new_id("gr", 22), "默认分组", is_default=1)
        self.state.groups[default.group_id] = default

    def invalidate_tokens(self) -> int:
        """Revoke every issued access_token early (the next call with one gets 40014)."""
        with self._lock:
            for record in self.state.tokens.values():
                record.revoked = True
            return len(self.state.tokens)

    def issue_token(self, corp_id: str | None = None) -> str:
        """An access_token as ``gettoken`` would return it (for tests and contract runs)."""
        with self._lock:
            return self._issue_token(corp_id or self.corp_id)[0]

    def inject_fault(
        self,
        kind: str,
        *,
        count: int | None = 1,
        path: str | None = None,
        errcode: int | None = None,
        delay: float | None = None,
        probability: float | None = None,
        status: int = 503,
        processed: bool = False,
    ) -> Fault:
        """Make the next ``count`` matching ``/cgi-bin`` calls fail; see :mod:`.faults`."""
        with self._lock:
            return self._faults.add(
                kind,
                count=count,
                path=path,
                errcode=errcode,
                delay=delay,
                probability=probability,
                status=status,
                processed=processed,
            )

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def faults(self) -> list[Fault]:
        """Faults still pending."""
        with self._lock:
            return list(self._faults.faults)

    # ------------------------------------------------------------------ control: corp

    def create_account(self, name: str = "客服", *, media_id: str = "") -> str:
        """A Kf account (as ``kf/account/add`` would make it); returns its open_kfid."""
        with self._lock:
            return self._add_account(name, media_id).open_kfid

    def _add_account(self, name: str, media_id: str) -> Account:
        if len(self.state.accounts) >= MAX_ACCOUNTS:
            raise ApiError(95005, f"kf account count exceeds the limit of {MAX_ACCOUNTS}")
        account = Account(self.new_id("wk", 30), name, media_id, self.clock.now())
        self.state.accounts[account.open_kfid] = account
        self.state.servicers[account.open_kfid] = []
        self.state.queues[account.open_kfid] = []
        self.state.sent_msgids[account.open_kfid] = {}
        return account

    def add_servicer(
        self, open_kfid: str, userid: str, status: int = 0, stop_type: int = 0
    ) -> None:
        """Make ``userid`` a servicer of the account (status as in servicer/list: 0/1)."""
        with self._lock:
            self.account(open_kfid)
            servicers = self.state.servicers[open_kfid]
            for s in servicers:
                if s.userid == userid:
                    s.status, s.stop_type = status, stop_type
                    return
            servicers.append(Servicer(userid=userid, status=status, stop_type=stop_type))

    def set_servicer_status(
        self, open_kfid: str, userid: str, status: int, stop_type: int = 0
    ) -> None:
        """A servicer starts (0) or stops (1) receiving in the WeCom client; queues a
        ``servicer_status_change`` event (numbered 1/2 there) and fires the callback."""
        with self._lock:
            servicer = self.servicer(open_kfid, userid)
            if servicer is None:
                raise ValueError(f"{userid!r} is not a servicer of {open_kfid!r}")
            servicer.status, servicer.stop_type = status, stop_type
            event: dict[str, Any] = {
                "event_type": "servicer_status_change",
                "servicer_userid": userid,
                "status": 1 if status == 0 else 2,
                "open_kfid": open_kfid,
            }
            if status != 0:
                event["stop_type"] = stop_type
            self.enqueue_event(open_kfid, event)
            self.fire_callback(open_kfid)

    def configure_upgrade_service(
        self,
        *,
        userids: list[str] | None = None,
        department_ids: list[int] | None = None,
        chat_ids: list[str] | None = None,
    ) -> None:
        """What ``customer/get_upgrade_service_config`` reports (the admin-console setting)."""
        with self._lock:
            if userids is not None:
                self.state.upgrade_members = list(userids)
            if department_ids is not None:
                self.state.upgrade_departments = list(department_ids)
            if chat_ids is not None:
                self.state.upgrade_chats = list(chat_ids)

    # ------------------------------------------------------------------ control: customers

    def customer_enter_session(
        self,
        open_kfid: str,
        external_userid: str | None = None,
        *,
        scene: str = "",
        scene_param: str = "",
        wechat_channels: Mapping[str, Any] | None = None,
    ) -> EnterResult:
        """A WeChat user opens the account's contact link: queues an ``enter_session`` event
        (with a single-use ``welcome_code`` valid 20 s when a welcome may be sent) and fires
        the callback. A new customer is created when ``external_userid`` is None."""
        with self._lock:
            self.account(open_kfid)
            customer = self._customer_for(external_userid)
            now = self.clock.now()
            customer.last_enter_at = now
            context: dict[str, Any] = {"scene": scene, "scene_param": scene_param}
            if wechat_channels:
                context["wechat_channels"] = dict(wechat_channels)
            customer.last_enter_context = context
            self.session(open_kfid, customer.external_userid, create=True)
            event: dict[str, Any] = {
                "event_type": "enter_session",
                "open_kfid": open_kfid,
                "external_userid": customer.external_userid,
                "scene": scene,
                "scene_param": scene_param,
            }
            if wechat_channels:
                event["wechat_channels"] = dict(wechat_channels)
            welcome: str | None = None
            recently_welcomed = (
                customer.last_welcome_at is not None
                and now - customer.last_welcome_at < WINDOW_SECONDS
            )
            wrote_recently = (
                customer.last_message_at is not None
                and now - customer.last_message_at < WINDOW_SECONDS
            )
            if not recently_welcomed and not wrote_recently:
                welcome = self.new_code(
                    "welcome",
                    open_kfid,
                    customer.external_userid,
                    WELCOME_CODE_SECONDS,
                    None,
                    ("text", "msgmenu"),
                )
                event["welcome_code"] = welcome
            self.enqueue_event(open_kfid, event)
            self.fire_callback(open_kfid)
            return EnterResult(customer.external_userid, welcome)

    def customer_send(
        self,
        open_kfid: str,
        external_userid: str,
        text: str | None = None,
        *,
        msgtype: str | None = None,
        payload: Mapping[str, Any] | None = None,
        callback: bool = True,
    ) -> str:
        """The customer writes: ``text``, or any ``msgtype`` with its ``payload`` object.
        Queued for sync_msg, opens a new 48 h / 5-message allowance, moves an ended session
        to state 0, fires the callback. Returns the new msgid."""
        if text is not None and (msgtype not in (None, "text") or payload is not None):
            raise ValueError("give either text= or msgtype=/payload=, not both")
        if text is None and (msgtype is None or payload is None):
            raise ValueError("customer_send needs text= or msgtype= with payload=")
        kind = "text" if text is not None else str(msgtype)
        body = {"content": text} if text is not None else dict(payload or {})
        with self._lock:
            self.account(open_kfid)
            msgid = self._customer_message(
                open_kfid, self._customer_for(external_userid), kind, body
            )
            if callback:
                self.fire_callback(open_kfid)
            return msgid

    def customer_send_many(
        self,
        open_kfid: str,
        n: int,
        *,
        external_userid: str | None = None,
        callback: bool = False,
        text: str = "message {i}",
    ) -> list[str]:
        """``n`` text messages from one customer (new when None), in order; fast (bulk)."""
        if not isinstance(n, int) or n < 0:
            raise ValueError(f"n must be a non-negative int, got {n!r}")
        with self._lock:
            self.account(open_kfid)
            customer = self._customer_for(external_userid)
            ids = [
                self._customer_message(open_kfid, customer, "text", {"content": text.format(i=i)})
                for i in range(n)
            ]
            if callback and ids:
                self.fire_callback(open_kfid)
            return ids

    def customer_recall(self, open_kfid: str, external_userid: str, msgid: str) -> None:
        """The customer recalls one of their messages: queues ``user_recall_msg``."""
        with self._lock:
            self.enqueue_event(
                open_kfid,
                {
                    "event_type": "user_recall_msg",
                    "open_kfid": open_kfid,
                    "external_userid": external_userid,
                    "recall_msgid": msgid,
                },
            )
            self.fire_callback(open_kfid)

    def delivered(
        self, open_kfid: str | None = None, *, touser: str | None = None
    ) -> list[dict[str, Any]]:
        """Every message accepted by send_msg / send_msg_on_event, oldest first: ``msgid``,
        ``open_kfid``, ``touser``, ``msgtype``, ``payload`` (also under the msgtype's name),
        ``time``, ``via``, ``recalled``."""
        with self._lock:
            return [
                d.as_dict()
                for d in self.state.deliveries
                if (open_kfid is None or d.open_kfid == open_kfid)
                and (touser is None or d.touser == touser)
            ]

    # ------------------------------------------------------------------ helpers for handlers

    def new_id(self, prefix: str, length: int) -> str:
        rng = self._rng
        return prefix + "".join(rng.choice(_ALNUM) for _ in range(length))

    def account(self, open_kfid: str) -> Account:
        """The account or the official error: 95000 malformed, 95004 unknown/deleted."""
        found = self.state.accounts.get(open_kfid)
        if found is not None:
            return found
        if not open_kfid.startswith("wk") or not 8 <= len(open_kfid) <= 64:
            raise ApiError(95000, f"invalid open_kfid {_clip(open_kfid)!r}")
        raise ApiError(95004, f"open_kfid {_clip(open_kfid)!r} does not exist")

    def servicer(self, open_kfid: str, userid: str) -> Servicer | None:
        for s in self.state.servicers.get(open_kfid, ()):
            if s.userid == userid:
                return s
        return None

    def customer(self, external_userid: str) -> Customer:
        found = self.state.customers.get(external_userid)
        if found is None:
            raise ApiError(40096, f"invalid external_userid {_clip(external_userid)!r}")
        return found

    def _customer_for(self, external_userid: str | None) -> Customer:
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

    def _customer_message(
        self, open_kfid: str, customer: Customer, msgtype: str, payload: dict[str, Any]
    ) -> str:
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
        self._enqueue(open_kfid, item)
        return msgid

    def new_msgid(self) -> str:
        return f"{self._rng.getrandbits(64):016x}{self.state.seq + 1:08x}"

    def _enqueue(self, open_kfid: str, item: dict[str, Any]) -> None:
        seq = self.state.next_seq()
        self.state.queues.setdefault(open_kfid, []).append(
            QueuedItem(seq, open_kfid, int(item["send_time"]), item)
        )

    def enqueue_event(self, open_kfid: str, event: dict[str, Any]) -> str:
        msgid = self.new_msgid()
        self._enqueue(
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

    def fire_callback(self, open_kfid: str) -> None:
        """Queue a ``kf_msg_or_event`` callback (with a fresh sync Token) when configured."""
        if self._callback_url is None or self._callback_token is None or self._callback_key is None:
            return
        sync_token = self.new_id("ENC", 40)
        self.state.sync_tokens[sync_token] = (open_kfid, self.clock.now() + SYNC_TOKEN_SECONDS)
        if self._pusher is None:
            from wxkefu_ext.emulator.callbacks import CallbackPusher

            self._pusher = CallbackPusher(self, self._callback_transport)
        self._pusher.push(
            self._callback_url,
            self._callback_token,
            self._callback_key,
            self.corp_id,
            open_kfid,
            sync_token,
            self.clock.now_int(),
        )

    def _issue_token(self, corp_id: str) -> tuple[str, int]:
        now = self.clock.now()
        for token, record in self.state.tokens.items():
            if record.corp_id == corp_id and not record.revoked and record.expires_at > now:
                return token, max(1, round(record.expires_at - now))
        token = self.new_id("", 64) + self.new_id("", 64)
        from wxkefu_ext.emulator.state import TokenRecord

        self.state.tokens[token] = TokenRecord(corp_id, now + self.token_ttl)
        return token, self.token_ttl

    def check_credentials(self, corp_id: str, secret: str) -> tuple[str, int]:
        known = self._credentials.get(corp_id)
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

    # ------------------------------------------------------------------ dispatch

    def handle(self, request: Request) -> Response:
        """Answer one HTTP request (sans-IO; the ASGI app and transports call this)."""
        if request.path.startswith("/_emulator"):
            from wxkefu_ext.emulator.control import handle_control

            return handle_control(self, request)
        if self._provider is not None and (routed := self._provider.route(request)) is not None:
            return routed  # a call made for a provider-authorised corp: its own Kf state
        with self._lock:
            self._request_seq += 1
            self.stats.requests += 1
            rid = f"{self.clock.now_int()}_{self._request_seq}_{self._rng.getrandbits(48):012x}"
        if not request.path.startswith("/cgi-bin/"):
            return self._error(
                ApiError(
                    48002,
                    f"api not found: {request.method} {_clip(request.path)}",
                    kind="route",
                    status=404,
                ),
                rid,
                request,
            )
        from wxkefu_ext.emulator import validation

        api_path = request.path[len("/cgi-bin") :]
        method = request.method.upper()
        op = validation.route(method, api_path)
        if op is None and method == "GET" and api_path == "/kf/account/list":
            op = validation.route("POST", api_path)  # older SDKs call it with GET
        if op is None:
            allowed = validation.methods_for(api_path)
            if allowed:
                error = ApiError(
                    48002,
                    f"method {method} not allowed for {api_path}; use {', '.join(allowed)}",
                    kind="route",
                    status=405,
                )
                response = self._error(error, rid, request)
                response.headers["allow"] = ", ".join(allowed)
                return response
            return self._error(
                ApiError(
                    48002,
                    f"api not found: {method} {_clip(request.path)} (not in the Kf spec)",
                    kind="route",
                    status=404,
                ),
                rid,
                request,
            )
        with self._lock:
            firing = self._faults.pick(request.path)
            if firing is not None:
                self.stats.faults_fired += 1
        if firing is not None and not firing.processed and firing.kind != "delay":
            return self._fault_response(firing, rid, request)
        from wxkefu_ext.emulator.handlers import process

        try:
            response = process(self, op, request)
        except ApiError as error:
            response = self._error(error, rid, request)
        response.headers.setdefault("x-request-id", rid)
        response.firing = firing
        return response

    def _fault_response(self, firing: Firing, rid: str, request: Request) -> Response:
        if firing.kind == "http_5xx":
            body = (
                f"<html><body><h1>{firing.status} Service Unavailable</h1>"
                "wxkefu emulator fault</body></html>"
            )
            return Response(
                firing.status,
                {
                    "content-type": "text/html; charset=utf-8",
                    REJECT_HEADER: "fault",
                    "x-request-id": rid,
                },
                body.encode(),
            )
        if firing.kind == "errcode":
            messages = {
                -1: "system busy",
                45009: "api freq out of limit",
                40014: "invalid access_token",
                42001: "access_token expired",
            }
            error = ApiError(
                firing.errcode, messages.get(firing.errcode, "injected fault"), kind="fault"
            )
            return self._error(error, rid, request)
        return Response(200, {REJECT_HEADER: "fault", "x-request-id": rid}, b"", firing)

    def _error(self, error: ApiError, rid: str, request: Request) -> Response:
        errmsg = (
            f"{error.message}, hint: [{rid}], from ip: {request.client}, "
            f"more info at https://open.work.weixin.qq.com/devtool/query?e={error.errcode}"
        )
        return json_response(
            {"errcode": error.errcode, "errmsg": errmsg},
            status=error.status,
            headers={REJECT_HEADER: error.kind, "x-request-id": rid},
        )


def _secret(value: str | Secret) -> Secret:
    return value if isinstance(value, Secret) else Secret(value)


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
