"""The service-provider side of the emulator: suites, authorising corps, tickets and tokens.

``emu.provider`` (created on first use) adds to an :class:`~wxkefu_ext.emulator.Emulator`:

* **suites** — a third-party app (:data:`DEFAULT_SUITE_ID`) and a 代开发 template
  (:data:`DEFAULT_CUSTOM_SUITE_ID`) by default, more with :meth:`ProviderEmulator.add_suite`; the
  provider credential :data:`DEFAULT_PROVIDER_CORP_ID` / :data:`DEFAULT_PROVIDER_SECRET`;
* **corps** — :meth:`ProviderEmulator.add_corp` makes a corp with its *own* Kf state (a child
  :class:`Emulator` sharing this emulator's clock): its accounts, customers, sessions,
  deliveries. Drive it like any emulator (``provider.corp(corp_id).customer_send(...)``);
* the **authorisation flow** — pre-auth codes (1200 s), :meth:`~ProviderEmulator.authorize`
  (an admin installs: a single-use auth_code valid 10 minutes, pushed as ``create_auth``),
  ``get_permanent_code``, ``get_auth_info``, ``get_corp_token`` (third-party) and ``gettoken``
  with the permanent code (代开发), :meth:`~ProviderEmulator.change_auth`,
  :meth:`~ProviderEmulator.cancel_auth` (revokes the corp's tokens and permanent code: 40014 /
  40084 afterwards) and :meth:`~ProviderEmulator.reset_permanent_code` (代开发);
* **suite_ticket pushes on the emulator clock** — one every 10 minutes per suite with an
  instruction callback (:meth:`~ProviderEmulator.tick`, also run before every provider request),
  each valid 30 minutes; ``get_suite_token`` with an older ticket answers 40085;
* the **Kf API per corp with the third-party id rules** — a Kf call with a corp token goes to that
  corp's own state; servicers are seen as open_userids (:meth:`~ProviderEmulator.open_userid`),
  customer/batchget returns no unionid or avatar and gender 0, the knowledge base answers 48002
  (self-built apps only), and ``batch/userid_to_openuserid`` /
  ``externalcontact/get_new_external_userid`` convert ids.

Token endpoints answer without ``errcode`` on success, as WeCom's do. :attr:`ProviderEmulator.stats`
counts token issues per corp and every call made with a cancelled corp's credentials.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Literal, Protocol, TypeVar

from wxkefu_ext._redact import Secret, redact_text
from wxkefu_ext.emulator._http import REJECT_HEADER, ApiError, Request, Response, json_response
from wxkefu_ext.emulator.clock import Clock
from wxkefu_ext.emulator.pusher import PostFor, Pusher, post_signed

if TYPE_CHECKING:
    import httpx

    from wxkefu_ext.emulator.world import World

__all__ = [
    "DEFAULT_CUSTOM_SUITE_ID",
    "DEFAULT_CUSTOM_SUITE_SECRET",
    "DEFAULT_PROVIDER_CORP_ID",
    "DEFAULT_PROVIDER_SECRET",
    "DEFAULT_SUITE_ID",
    "DEFAULT_SUITE_SECRET",
    "InstructionDelivery",
    "ProviderEmulator",
    "ProviderStats",
    "provider_corp",
]

_log = logging.getLogger("wxkefu_ext.emulator")

DEFAULT_SUITE_ID: Final = "wwemulatorsuite0001"
DEFAULT_SUITE_SECRET: Final = "emulator-suite-secret-00000000000000000000"  # noqa: S105 - a fake
DEFAULT_CUSTOM_SUITE_ID: Final = "dkemulatortemplate01"
DEFAULT_CUSTOM_SUITE_SECRET: Final = "emulator-template-secret-000000000000000000"  # noqa: S105
DEFAULT_PROVIDER_CORP_ID: Final = "wwemulatorprovider01"
DEFAULT_PROVIDER_SECRET: Final = "emulator-provider-secret-000000000000000000"  # noqa: S105

TICKET_INTERVAL: Final = 600
_NO_KNOWLEDGE: Final = "api forbidden: the knowledge base is for self-built apps"
TICKET_SECONDS: Final = 1800
PRE_AUTH_SECONDS: Final = 1200
AUTH_CODE_SECONDS: Final = 600

SuiteKind = Literal["third_party", "custom"]
V = TypeVar("V")
TokenKind = Literal["suite", "provider", "corp"]

#: emulator → its provider side (this module sits below the Emulator facade, which reaches it
#: through these functions, so the layers keep importing downward only)
_PROVIDERS: weakref.WeakKeyDictionary[World, ProviderEmulator] = weakref.WeakKeyDictionary()
#: child corp emulator → (its provider, corp id); read by the handlers of the id conversions
_CORPS: weakref.WeakKeyDictionary[World, tuple[ProviderEmulator, str]] = weakref.WeakKeyDictionary()


class CorpEmulator(Protocol):
    """What the provider side needs of a corp's emulator (an ``Emulator``)."""

    clock: Clock

    def handle(self, request: Request) -> Response: ...
    def issue_token(self, corp_id: str | None = None) -> str: ...
    def add_servicer(
        self, open_kfid: str, userid: str, status: int = 0, stop_type: int = 0
    ) -> None: ...
    def close(self) -> None: ...


def provider_of(world: World, corp_factory: Callable[..., Any]) -> ProviderEmulator:
    """The provider side of ``world`` (created on first use); corps are ``corp_factory(...)``."""
    with world.lock:
        found = _PROVIDERS.get(world)
        if found is None:
            found = _PROVIDERS[world] = ProviderEmulator(world, corp_factory)
        return found


def existing_provider(world: World) -> ProviderEmulator | None:
    return _PROVIDERS.get(world)


def provider_for(world: World) -> ProviderEmulator:
    """The provider side of ``world``: the one its Emulator made, or one made now with the
    emulator's own class for the corps (a handler or control route reached it first)."""
    found = existing_provider(world)
    return found if found is not None else provider_of(world, type(world))


def drop_provider(world: World, *, close_only: bool = False) -> None:
    """Stop the provider side's threads; unless ``close_only``, forget it (reset)."""
    found = _PROVIDERS.get(world) if close_only else _PROVIDERS.pop(world, None)
    if found is not None:
        found.close()


def provider_corp(world: World) -> tuple[ProviderEmulator, str] | None:
    """``(provider, corp_id)`` when ``world`` is the Kf state of a provider-authorised corp."""
    return _CORPS.get(world)


@dataclass
class _Suite:
    suite_id: str
    secret: Secret
    kind: SuiteKind
    tickets: dict[str, float] = field(default_factory=dict)  # ticket -> issued at
    last_push: float | None = None
    callback: tuple[str, Secret, Secret] | None = None
    transport: Any = None


@dataclass
class _Grant:
    """One corp's authorisation of one suite."""

    suite_id: str
    corp_id: str
    permanent_code: str
    agent_id: int
    cancelled: bool = False
    auth_type: int = 0
    state: str = ""


@dataclass
class _Token:
    kind: TokenKind
    owner: str  # suite id or provider corp id
    corp_id: str
    expires_at: float
    revoked: bool = False


@dataclass
class ProviderStats:
    """What the provider side saw. ``corp_tokens[(suite_id, corp_id)]`` counts corp tokens
    issued (get_corp_token, gettoken with a permanent code, get_permanent_code);
    ``after_cancel[corp_id]`` every call made with a cancelled corp's token or code."""

    suite_tokens: int = 0
    provider_tokens: int = 0
    corp_tokens: Counter[tuple[str, str]] = field(default_factory=Counter)
    corp_token_calls: Counter[tuple[str, str]] = field(default_factory=Counter)
    kf_requests: Counter[str] = field(default_factory=Counter)
    after_cancel: Counter[str] = field(default_factory=Counter)
    tickets_pushed: int = 0
    instructions_sent: int = 0
    instructions_failed: int = 0

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the per-(suite, corp) counters as ``{suite_id: {corp_id: n}}``."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, Counter):
                nested: dict[str, Any] = {}
                for key, n in value.items():
                    if isinstance(key, tuple):
                        nested.setdefault(key[0], {})[key[1]] = n
                    else:
                        nested[key] = n
                value = nested
            out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class InstructionDelivery:
    info_type: str
    suite_id: str
    status: int | None
    attempts: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def _xml(fields: dict[str, str | int]) -> str:
    from xml.sax.saxutils import escape

    parts = []
    for name, value in fields.items():
        if isinstance(value, int):
            parts.append(f"<{name}>{value}</{name}>")
        else:
            parts.append(f"<{name}><![CDATA[{escape(value)}]]></{name}>")
    return "<xml>" + "".join(parts) + "</xml>"


@dataclass(frozen=True, slots=True)
class _Instruction:
    """One queued instruction callback: the suite's callback and transport when it was queued."""

    suite_id: str
    callback: tuple[str, Secret, Secret]  # url, token, EncodingAESKey
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None
    info_type: str
    message: str


class _Pusher(Pusher[_Instruction, InstructionDelivery]):
    """Delivers instruction callbacks on the shared pusher thread (a receiver calls back into
    the emulator while handling them), 3 attempts each, like WeCom."""

    def __init__(self, provider: ProviderEmulator) -> None:
        super().__init__("wxkefu-emulator-suite")
        self._provider = provider

    def _deliver(self, job: _Instruction, post_for: PostFor) -> InstructionDelivery:
        url, token, key = job.callback
        done = post_signed(post_for(job.transport), url, token, key, job.suite_id, job.message)
        return InstructionDelivery(job.info_type, job.suite_id, done.status, done.count, done.error)

    def _broken(self, job: _Instruction, exc: Exception) -> InstructionDelivery:
        _, token, key = job.callback
        error = redact_text(f"{type(exc).__name__}: {exc}", token, key)
        return InstructionDelivery(job.info_type, job.suite_id, None, 0, error)

    def _settled(self, outcome: InstructionDelivery) -> None:
        stats = self._provider.stats
        with self._provider.emu.lock:
            if outcome.ok:
                stats.instructions_sent += 1
            else:
                stats.instructions_failed += 1
        if not outcome.ok:
            _log.warning(
                "instruction %s for %s failed after %d attempts: %s", outcome.info_type,
                outcome.suite_id, outcome.attempts, outcome.error or outcome.status,
            )  # fmt: skip


class ProviderEmulator:
    """The provider side of one :class:`Emulator` (see the module docstring)."""

    def __init__(self, emu: World, corp_factory: Callable[..., Any]) -> None:
        self.emu = emu
        self._corp_factory = corp_factory
        self.provider_corp_id = DEFAULT_PROVIDER_CORP_ID
        self._provider_secret = Secret(DEFAULT_PROVIDER_SECRET)
        self._suites: dict[str, _Suite] = {}
        self._corps: dict[str, Any] = {}  # corp id -> its Emulator (a CorpEmulator)
        self._corp_names: dict[str, str] = {}
        self._grants: dict[tuple[str, str], _Grant] = {}
        self._pre_auth: dict[str, tuple[str, float, int]] = {}  # code -> suite, expiry, type
        self._auth_codes: dict[str, tuple[str, str, float]] = {}
        self._tokens: dict[str, _Token] = {}
        self._pusher = _Pusher(self)  # its thread starts with the first push
        self._agent_seq = 1000000
        self.stats = ProviderStats()
        self.add_suite(DEFAULT_SUITE_ID, DEFAULT_SUITE_SECRET, kind="third_party")
        self.add_suite(DEFAULT_CUSTOM_SUITE_ID, DEFAULT_CUSTOM_SUITE_SECRET, kind="custom")

    # ------------------------------------------------------------------ configuration

    def add_suite(self, suite_id: str, secret: str, *, kind: SuiteKind | None = None) -> None:
        """A third-party app (or, ``kind="custom"`` / a ``dk`` id, a 代开发 template)."""
        if not suite_id or not secret:
            raise ValueError("suite_id and secret must be non-empty")
        resolved: SuiteKind = kind or ("custom" if suite_id.startswith("dk") else "third_party")
        with self.emu.lock:
            self._suites[suite_id] = _Suite(suite_id, Secret(secret), resolved)

    def set_instruction_callback(
        self,
        suite_id: str,
        url: str | None,
        *,
        token: str | Secret | None = None,
        encoding_aes_key: str | Secret | None = None,
        transport: httpx.BaseTransport | httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """Where the suite's instruction callbacks go (``url=None``: nowhere). The first
        suite_ticket is pushed at once, as when a provider saves the URL."""
        suite = self._suite(suite_id)
        if url is not None:
            if token is None or encoding_aes_key is None:
                raise ValueError("an instruction callback url needs token= and encoding_aes_key=")
            from wxkefu_ext.crypto import encrypt_message

            encrypt_message(encoding_aes_key, b"probe", suite_id)  # a bad key fails here
            with self.emu.lock:
                suite.callback = (url, Secret(token), Secret(encoding_aes_key))
                suite.transport = transport
            self.push_suite_ticket(suite_id)
        else:
            with self.emu.lock:
                suite.callback = None

    def add_corp(self, corp_id: str, name: str = "") -> Any:
        """A corp that can install the provider's apps; returns its own Kf emulator."""
        with self.emu.lock:
            if corp_id in self._corps:
                return self._corps[corp_id]
            child = self._corp_factory(
                credentials={corp_id: "internal-" + hashlib.sha256(corp_id.encode()).hexdigest()},
                seed=self.emu.seed + 1 + len(self._corps),
            )
            child.clock = self.emu.clock
            self._corps[corp_id] = child
            self._corp_names[corp_id] = name or f"企业{len(self._corps)}"
            _CORPS[child] = (self, corp_id)
            return child

    def corp(self, corp_id: str) -> Any:
        """The Kf state of ``corp_id`` (a child emulator sharing this one's clock)."""
        return _known(self._corps, corp_id, f"no corp {corp_id!r}; add it with add_corp()")

    def open_userid(self, corp_id: str, userid: str) -> str:
        """The open_userid a third-party app of this provider sees for ``userid``."""
        digest = hashlib.sha256(f"{self.provider_corp_id}\x00{corp_id}\x00{userid}".encode())
        return "wo" + digest.hexdigest()[:30]

    def add_servicer(self, corp_id: str, open_kfid: str, userid: str, status: int = 0) -> str:
        """Make the member ``userid`` a servicer; third-party calls see its open_userid."""
        open_userid = self.open_userid(corp_id, userid)
        self.corp(corp_id).add_servicer(open_kfid, open_userid, status)
        return open_userid

    # ------------------------------------------------------------------ the flow (admin side)

    def authorize(
        self, suite_id: str, corp_id: str, *, state: str = "", push: bool = True, auth_type: int = 0
    ) -> str:
        """The corp's admin installs ``suite_id``: returns the auth_code (valid 10 minutes)
        and, with ``push``, sends it as a ``create_auth`` instruction callback."""
        suite = self._suite(suite_id)
        self.corp(corp_id)
        with self.emu.lock:
            grant = self._grants.get((suite_id, corp_id))
            if grant is None or grant.cancelled:
                self._agent_seq += 1
                grant = _Grant(suite_id, corp_id, self._new("PC", 43), self._agent_seq)
                self._grants[(suite_id, corp_id)] = grant
            grant.state, grant.auth_type = state, auth_type
            code = self._auth_code(suite_id, corp_id)
            if push:
                self._instruct(suite, "create_auth", AuthCode=code, State=state)
            return code

    def install(self, pre_auth_code: str, corp_id: str, *, state: str = "") -> tuple[str, str]:
        """An admin follows the provider's installation link (``pre_auth_code``): the corp
        authorises that code's suite (test authorisation when ``set_session_info`` said
        ``auth_type`` 1). Returns ``(suite_id, auth_code)``: the redirect's auth_code; no
        create_auth is pushed for a link install, as WeCom does."""
        with self.emu.lock:
            found = self._pre_auth.get(pre_auth_code)
            if found is None:
                raise ApiError(40077, "invalid pre_auth_code")
            if found[1] <= self.emu.clock.now():
                raise ApiError(42007, "pre_auth_code expired")
            del self._pre_auth[pre_auth_code]  # one installation per link
        suite_id, _expires, auth_type = found
        code = self.authorize(suite_id, corp_id, state=state, push=False, auth_type=auth_type)
        return suite_id, code

    def change_auth(self, suite_id: str, corp_id: str) -> None:
        """The corp changed the app's authorisation: pushes ``change_auth``."""
        suite = self._suite(suite_id)
        with self.emu.lock:
            self._grant(suite_id, corp_id)
            self._instruct(suite, "change_auth", AuthCorpId=corp_id)

    def cancel_auth(self, suite_id: str, corp_id: str) -> None:
        """The corp removes the app: its tokens are revoked (40014), its permanent code stops
        working (40084), and ``cancel_auth`` is pushed."""
        suite = self._suite(suite_id)
        with self.emu.lock:
            self._grant(suite_id, corp_id).cancelled = True
            self._revoke_corp_tokens(suite_id, corp_id)
            self._instruct(suite, "cancel_auth", AuthCorpId=corp_id)

    def reset_permanent_code(self, suite_id: str, corp_id: str) -> str:
        """代开发: the admin regenerates the app secret. The old permanent code and tokens stop
        working; the returned auth_code (also pushed) yields the new one."""
        suite = self._suite(suite_id)
        with self.emu.lock:
            self._grant(suite_id, corp_id).permanent_code = self._new("PC", 43)
            self._revoke_corp_tokens(suite_id, corp_id)
            code = self._auth_code(suite_id, corp_id)
            self._instruct(suite, "reset_permanent_code", AuthCode=code)
            return code

    def _auth_code(self, suite_id: str, corp_id: str) -> str:
        code = self._new("AC", 64)
        self._auth_codes[code] = (suite_id, corp_id, self.emu.clock.now() + AUTH_CODE_SECONDS)
        return code

    def _revoke_corp_tokens(self, suite_id: str, corp_id: str) -> None:
        for record in self._tokens.values():
            if record.kind == "corp" and record.owner == suite_id and record.corp_id == corp_id:
                record.revoked = True

    def _instruct(self, suite: _Suite, info_type: str, **fields: str | int) -> None:
        """Push one instruction callback (when the suite has a callback URL)."""
        if suite.callback is None:
            return
        message: dict[str, str | int] = {
            "SuiteId": suite.suite_id,
            "InfoType": info_type,
            "TimeStamp": self.emu.clock.now_int(),
            **fields,
        }
        self._push(suite, info_type, _xml(message))

    def push_suite_ticket(self, suite_id: str) -> str:
        """Issue a new suite_ticket now (valid 30 minutes) and push it when a callback is set."""
        suite = self._suite(suite_id)
        with self.emu.lock:
            now = self.emu.clock.now()
            ticket = self._new("ST", 64)
            suite.tickets = {t: at for t, at in suite.tickets.items() if at + TICKET_SECONDS > now}
            suite.tickets[ticket] = now
            suite.last_push = now
            if suite.callback is not None:
                self.stats.tickets_pushed += 1
                self._instruct(suite, "suite_ticket", SuiteTicket=ticket)
            return ticket

    def tick(self) -> int:
        """Push the suite_tickets that are due on the emulator clock (every 10 minutes per
        suite with an instruction callback); returns how many were pushed."""
        pushed = 0
        with self.emu.lock:
            now = self.emu.clock.now()
            due = [
                s.suite_id
                for s in self._suites.values()
                if s.callback is not None
                and (s.last_push is None or now - s.last_push >= TICKET_INTERVAL)
            ]
            for suite_id in due:
                self.push_suite_ticket(suite_id)
                pushed += 1
        return pushed

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued instruction callback was delivered (or gave up)."""
        return self._pusher.flush(timeout)

    @property
    def instruction_log(self) -> list[InstructionDelivery]:
        """Every instruction delivery's outcome, oldest first."""
        return self._pusher.log()

    def close(self) -> None:
        self._pusher.close()
        for child in self._corps.values():
            child.close()

    def snapshot(self) -> dict[str, Any]:
        """The provider side as JSON for the control API — never a secret (no suite secret,
        ticket, permanent code or token)."""
        with self.emu.lock:
            now = self.emu.clock.now()
            suites = [
                {
                    "suite_id": s.suite_id,
                    "kind": s.kind,
                    "callback_url": None if s.callback is None else s.callback[0],
                    "valid_tickets": sum(at + TICKET_SECONDS > now for at in s.tickets.values()),
                    "last_push": s.last_push,
                }
                for s in self._suites.values()
            ]
            corps = [
                {
                    "corp_id": corp_id,
                    "name": self._corp_names[corp_id],
                    "grants": {
                        g.suite_id: {
                            "authorized": not g.cancelled,
                            "agent_id": g.agent_id,
                            "auth_type": g.auth_type,
                            "state": g.state,
                        }
                        for (_, c), g in self._grants.items()
                        if c == corp_id
                    },
                }
                for corp_id in self._corps
            ]
            stats = self.stats.as_dict()
        log = [dataclasses.asdict(d) for d in self.instruction_log]
        return {
            "provider_corp_id": self.provider_corp_id,
            "suites": suites,
            "corps": corps,
            "stats": stats,
            "instructions": log,
        }

    def grants(self, corp_id: str) -> dict[str, bool]:
        """``{suite_id: authorised}`` for ``corp_id`` (False once cancelled)."""
        return {s: not g.cancelled for (s, c), g in self._grants.items() if c == corp_id}

    # ------------------------------------------------------------------ tokens (handlers)

    def issue_suite_token(self, suite_id: str = DEFAULT_SUITE_ID) -> str:
        """A suite_access_token as get_suite_token would return it (tests, contract runs)."""
        with self.emu.lock:
            return self._issue("suite", suite_id, "")[0]

    def _issue(self, kind: TokenKind, owner: str, corp_id: str) -> tuple[str, int]:
        now = self.emu.clock.now()
        for token, record in self._tokens.items():
            if (
                (record.kind, record.owner, record.corp_id) == (kind, owner, corp_id)
                and not record.revoked
                and record.expires_at > now
            ):
                return token, max(1, round(record.expires_at - now))
        token = self._new("", 96)
        self._tokens[token] = _Token(kind, owner, corp_id, now + self.emu.token_ttl)
        return token, self.emu.token_ttl

    def check_suite_token(self, token: str | None) -> _Suite:
        if not token:
            raise ApiError(41022, "suite_access_token missing", kind="auth")
        record = self._tokens.get(token)
        if record is None or record.kind != "suite" or record.revoked:
            raise ApiError(40082, "invalid suite_access_token", kind="auth")
        if record.expires_at <= self.emu.clock.now():
            raise ApiError(42009, "suite_access_token expired", kind="auth")
        return self._suites[record.owner]

    def suite_token(self, body: dict[str, Any]) -> Response:
        suite = self._suites.get(body["suite_id"])
        if suite is None:
            raise ApiError(40083, "invalid suite_id")
        if suite.secret != Secret(body["suite_secret"]):
            raise ApiError(40080, "invalid suite_secret")
        issued = suite.tickets.get(body["suite_ticket"])
        if issued is None or issued + TICKET_SECONDS <= self.emu.clock.now():
            raise ApiError(40085, "invalid suite_ticket (unknown or older than 30 minutes)")
        token, expires_in = self._issue("suite", suite.suite_id, "")
        self.stats.suite_tokens += 1
        return json_response({"suite_access_token": token, "expires_in": expires_in})

    def provider_token(self, body: dict[str, Any]) -> Response:
        if body["corpid"] != self.provider_corp_id:
            raise ApiError(40013, "invalid corpid")
        if self._provider_secret != Secret(body["provider_secret"]):
            raise ApiError(40001, "invalid provider_secret")
        token, expires_in = self._issue("provider", self.provider_corp_id, "")
        self.stats.provider_tokens += 1
        return json_response({"provider_access_token": token, "expires_in": expires_in})

    def pre_auth_code(self, suite: _Suite) -> dict[str, Any]:
        code = self._new("PA", 64)
        self._pre_auth[code] = (suite.suite_id, self.emu.clock.now() + PRE_AUTH_SECONDS, 0)
        return {"pre_auth_code": code, "expires_in": PRE_AUTH_SECONDS}

    def session_info(self, suite: _Suite, body: dict[str, Any]) -> dict[str, Any]:
        found = self._pre_auth.get(body["pre_auth_code"])
        if found is None or found[0] != suite.suite_id:
            raise ApiError(40077, "invalid pre_auth_code")
        if found[1] <= self.emu.clock.now():
            raise ApiError(42007, "pre_auth_code expired")
        auth_type = body.get("session_info", {}).get("auth_type", 0)
        self._pre_auth[body["pre_auth_code"]] = (found[0], found[1], int(auth_type))
        return {}

    def permanent_code(
        self, suite: _Suite, body: dict[str, Any], *, v2: bool = False
    ) -> dict[str, Any]:
        """``get_permanent_code``; ``v2``: only the code, the corp's id and name, the admin and
        ``state`` (no first corp token, no auth_info), as documented for the v2 endpoint."""
        found = self._auth_codes.pop(body["auth_code"], None)
        if found is None or found[0] != suite.suite_id or found[2] <= self.emu.clock.now():
            raise ApiError(40078, "invalid auth_code (unknown, used or expired)")
        grant = self._grant(suite.suite_id, found[1])
        info = self._auth_info(grant)
        if v2:
            corp = info["auth_corp_info"]
            info = {"auth_corp_info": {"corpid": corp["corpid"], "corp_name": corp["corp_name"]}}
        reply: dict[str, Any] = {
            "permanent_code": grant.permanent_code,
            **info,
            "auth_user_info": {"open_userid": self.open_userid(grant.corp_id, "admin")},
            "state": grant.state,
        }
        if suite.kind == "third_party" and not v2:
            token, expires_in = self._issue("corp", suite.suite_id, grant.corp_id)
            self.stats.corp_tokens[(suite.suite_id, grant.corp_id)] += 1
            reply.update(access_token=token, expires_in=expires_in)
        return reply

    def auth_info(self, suite: _Suite, body: dict[str, Any], *, v2: bool = False) -> dict[str, Any]:
        """``get_auth_info``; ``v2`` adds ``auth_corp_info.corp_ex_name``."""
        info = self._auth_info(self._valid_grant(suite, body))
        if v2:
            info["auth_corp_info"]["corp_ex_name"] = {"name_list": ""}
        return info

    def corp_token(self, suite: _Suite, body: dict[str, Any]) -> Response:
        grant = self._valid_grant(suite, body)
        if suite.kind != "third_party":
            raise ApiError(48002, "api forbidden: 代开发 apps get corp tokens from gettoken")
        self.stats.corp_token_calls[(suite.suite_id, grant.corp_id)] += 1
        token, expires_in = self._issue("corp", suite.suite_id, grant.corp_id)
        self.stats.corp_tokens[(suite.suite_id, grant.corp_id)] += 1
        return json_response({"access_token": token, "expires_in": expires_in})

    def _valid_grant(self, suite: _Suite, body: dict[str, Any]) -> _Grant:
        grant = self._grants.get((suite.suite_id, body["auth_corpid"]))
        if grant is not None and grant.cancelled:
            self.stats.after_cancel[grant.corp_id] += 1
        if grant is None or grant.cancelled or grant.permanent_code != body["permanent_code"]:
            raise ApiError(40084, "invalid permanent_code")
        return grant

    def _auth_info(self, grant: _Grant) -> dict[str, Any]:
        suite = self._suites[grant.suite_id]
        return {
            "auth_corp_info": {
                "corpid": grant.corp_id,
                "corp_name": self._corp_names[grant.corp_id],
                "corp_type": "verified",
                "corp_user_max": 200,
                "subject_type": 1,
            },
            "auth_info": {
                "agent": [
                    {
                        "agentid": grant.agent_id,
                        "name": f"emulator {suite.kind} app",
                        "auth_mode": 0,
                        "is_customized_app": suite.kind == "custom",
                        "privilege": {"level": 1, "allow_party": [1], "allow_user": []},
                    }
                ]
            },
        }

    # ------------------------------------------------------------------ routing (core hook)

    def route(self, request: Request) -> Response | None:
        """Answer the requests that belong to an authorised corp (None: not ours). Called by
        :meth:`Emulator.handle` before its own dispatch."""
        if not request.path.startswith("/cgi-bin/"):
            return None
        self.tick()
        api = request.path[len("/cgi-bin") :]
        if api == "/gettoken" and request.query.get("corpid") in self._corps:
            return self._custom_gettoken(request)
        token = request.query.get("access_token")
        record = self._tokens.get(token) if token else None
        if record is None or record.kind != "corp":
            return None
        with self.emu.lock:
            self.stats.kf_requests[record.corp_id] += 1
            grant = self._grants.get((record.owner, record.corp_id))
            if grant is not None and grant.cancelled:
                self.stats.after_cancel[record.corp_id] += 1
            if record.revoked:
                return _error(40014, "invalid access_token", "auth")
            if record.expires_at <= self.emu.clock.now():
                return _error(42001, "access_token expired", "auth")
            child: CorpEmulator = self._corps[record.corp_id]
        if api.startswith("/kf/knowledge/"):
            return _error(48002, _NO_KNOWLEDGE, "business")
        query = {**request.query, "access_token": child.issue_token(record.corp_id)}
        forwarded = Request(
            request.method, request.path, query, request.headers, request.body, request.client
        )
        response = child.handle(forwarded)
        if api == "/kf/customer/batchget":
            response = _third_party_customers(response)
        return response

    def _custom_gettoken(self, request: Request) -> Response:
        corp_id = request.query.get("corpid", "")
        secret = request.query.get("corpsecret", "")
        with self.emu.lock:
            for grant in self._grants.values():
                if grant.corp_id != corp_id or self._suites[grant.suite_id].kind != "custom":
                    continue
                if grant.permanent_code == secret:
                    if grant.cancelled:
                        self.stats.after_cancel[corp_id] += 1
                        break
                    token, expires_in = self._issue("corp", grant.suite_id, corp_id)
                    self.stats.corp_tokens[(grant.suite_id, corp_id)] += 1
                    reply = {"access_token": token, "expires_in": expires_in}
                    return json_response({"errcode": 0, "errmsg": "ok", **reply})
        if not secret:
            return _error(41004, "corpsecret missing", "schema")
        return _error(40001, "invalid credential: corpsecret does not match corpid", "business")

    # ------------------------------------------------------------------ helpers

    def _suite(self, suite_id: str) -> _Suite:
        return _known(self._suites, suite_id, f"no suite {suite_id!r}; add it with add_suite()")

    def _grant(self, suite_id: str, corp_id: str) -> _Grant:
        missing = f"corp {corp_id!r} never authorised suite {suite_id!r}"
        return _known(self._grants, (suite_id, corp_id), missing)

    def _new(self, prefix: str, length: int) -> str:
        return self.emu.new_id(prefix, length - len(prefix))

    def _push(self, suite: _Suite, info_type: str, message: str) -> None:
        assert suite.callback is not None
        self._pusher.push(
            _Instruction(suite.suite_id, suite.callback, suite.transport, info_type, message)
        )

    def __repr__(self) -> str:
        return (
            f"ProviderEmulator(suites={sorted(self._suites)}, corps={len(self._corps)}, "
            f"grants={sum(not g.cancelled for g in self._grants.values())})"
        )


def _known(table: dict[Any, V], key: Any, missing: str) -> V:
    """``table[key]``, or ValueError(``missing``) — a control call naming what is not there."""
    found = table.get(key)
    if found is None:
        raise ValueError(missing)
    return found


def _error(errcode: int, message: str, kind: str) -> Response:
    errmsg = f"{message}, more info at https://open.work.weixin.qq.com/devtool/query?e={errcode}"
    return json_response({"errcode": errcode, "errmsg": errmsg}, headers={REJECT_HEADER: kind})


def _third_party_customers(response: Response) -> Response:
    """customer/batchget as a third-party / 代开发 app sees it: no unionid, no avatar, gender 0."""
    if not response.headers.get("content-type", "").startswith("application/json"):
        return response
    payload = json.loads(response.body)
    if payload.get("errcode") != 0:
        return response
    for customer in payload.get("customer_list", []):
        customer.pop("unionid", None)
        customer.pop("avatar", None)
        customer["gender"] = 0
    body = json.dumps(payload, ensure_ascii=False).encode()
    return Response(response.status, {**response.headers}, body, response.firing)
