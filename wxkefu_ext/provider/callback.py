"""Instruction callbacks (指令回调) of a suite, and data callbacks routed per corp.

The **instruction callback** URL of a suite receives ``suite_ticket`` (every 10 minutes),
``create_auth``, ``change_auth``, ``cancel_auth`` and, for 代开发 templates,
``reset_permanent_code``; each is encrypted and signed like any WeCom callback with receiver id
= the suite_id. :class:`InstructionHandler` applies them to a :class:`~.client.Provider`:

* ``suite_ticket`` → :meth:`Provider.set_suite_ticket` (into the token store, which every
  process sees);
* ``create_auth`` / ``reset_permanent_code`` → :meth:`Provider.install` (auth_code → permanent
  code, stored);
* ``change_auth`` → :meth:`Provider.get_auth_info`, and the stored name/agent refreshed;
* ``cancel_auth`` → :meth:`Provider.cancel` (tombstone, tokens dropped, no more calls).

It plugs into the existing endpoints (:func:`~wxkefu_ext.callback.asgi.callback_app`,
:func:`~wxkefu_ext.callback.wsgi.wsgi_callback_app`): they verify, decrypt, answer ``success`` at
once (WeCom wants an answer within 1000 ms) and run the handler afterwards; a handler failure
is logged with its traceback on ``wxkefu_ext.provider``. :func:`instruction_app` and
:func:`instruction_wsgi_app` wire it up.

**Data callbacks** (``kf_msg_or_event`` …) of a third-party app come to one URL for all corps,
with ToUserName = the corp id. :func:`corp_router` wraps the handler you use today
(``handler(event)``) so it only sees events of corps that currently authorise the suite; use
``provider.corp(event.to_user_name)`` inside it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from wxkefu_ext.callback._xml import (
    DEFAULT_MAX_BYTES,
    as_bytes,
    looks_like_json,
    parse_json_object,
    parse_xml_dict,
)
from wxkefu_ext.callback.core import CallbackCrypto
from wxkefu_ext.callback.errors import ParseError
from wxkefu_ext.callback.parse import CallbackEvent
from wxkefu_ext.errors import (
    ConfigurationError,
    CorpNotAuthorizedError,
    SuiteTicketMissingError,
)
from wxkefu_ext.provider.client import AsyncProvider, Provider
from wxkefu_ext.provider.flows import Flow, arun, run
from wxkefu_ext.provider.stores import Authorization

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from wxkefu_client.resources.results import GetAuthInfoRespOk, GetAuthInfoV2RespOk
    from wxkefu_ext.callback.wsgi import WsgiCallbackApp

__all__ = [
    "AsyncInstructionHandler",
    "CancelAuth",
    "ChangeAuth",
    "CreateAuth",
    "Instruction",
    "InstructionHandler",
    "ResetPermanentCode",
    "SuiteTicket",
    "UnknownInstruction",
    "corp_router",
    "instruction_app",
    "instruction_wsgi_app",
    "parse_instruction",
    "parse_instruction_fields",
]

logger = logging.getLogger("wxkefu_ext.provider")


@dataclass(frozen=True, slots=True)
class _Instruction:
    #: every field of the decrypted message, as received (keyword-only, after the others)
    raw: Mapping[str, Any] = field(
        default_factory=dict, repr=False, compare=False, hash=False, kw_only=True
    )


@dataclass(frozen=True, slots=True)
class SuiteTicket(_Instruction):
    """The suite_ticket push (every 10 minutes; the ticket is a credential, never shown)."""

    suite_id: str
    ticket: str = field(repr=False)
    timestamp: int


@dataclass(frozen=True, slots=True)
class _WithAuthCode(_Instruction):
    suite_id: str
    auth_code: str = field(repr=False)
    timestamp: int


@dataclass(frozen=True, slots=True)
class CreateAuth(_WithAuthCode):
    """A corp installed the app (app market): exchange ``auth_code``."""

    state: str = ""


@dataclass(frozen=True, slots=True)
class ResetPermanentCode(_WithAuthCode):
    """代开发: the corp regenerated the app secret; ``auth_code`` yields the new code."""


@dataclass(frozen=True, slots=True)
class _ForCorp(_Instruction):
    suite_id: str
    corp_id: str
    timestamp: int


@dataclass(frozen=True, slots=True)
class ChangeAuth(_ForCorp):
    """The corp changed the authorisation (read get_auth_info again)."""

    state: str = ""


@dataclass(frozen=True, slots=True)
class CancelAuth(_ForCorp):
    """The corp removed the app: stop calling for it."""


@dataclass(frozen=True, slots=True)
class UnknownInstruction(_Instruction):
    """An InfoType this version does not know; every field kept in ``raw``."""

    info_type: str | None
    suite_id: str | None


Instruction: TypeAlias = (
    SuiteTicket | CreateAuth | ChangeAuth | CancelAuth | ResetPermanentCode | UnknownInstruction
)


def _text(fields: Mapping[str, Any], name: str, *, required: bool = True) -> str:
    value = fields.get(name)
    if value is None or value == "":
        if required:
            raise ParseError(f"the instruction callback has no {name}")
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ParseError(f"the instruction field {name} must be text")
    return str(value).strip()


def _int(fields: Mapping[str, Any], name: str) -> int:
    text = _text(fields, name)
    if not (text.isascii() and text.isdigit() and len(text) <= 18):
        raise ParseError(f"the instruction field {name} is not an integer")
    return int(text)


def parse_instruction_fields(fields: Mapping[str, Any]) -> Instruction:
    """The typed instruction for already-parsed fields (``SuiteId``, ``InfoType``, …)."""
    info = fields.get("InfoType")
    info_type = info.strip() if isinstance(info, str) else None
    if info_type == "suite_ticket":
        ticket = _text(fields, "SuiteTicket")
        return SuiteTicket(_text(fields, "SuiteId"), ticket, _int(fields, "TimeStamp"), raw=fields)
    if info_type in ("create_auth", "reset_permanent_code"):
        code = (_text(fields, "SuiteId"), _text(fields, "AuthCode"), _int(fields, "TimeStamp"))
        if info_type == "reset_permanent_code":
            return ResetPermanentCode(*code, raw=fields)
        return CreateAuth(*code, _text(fields, "State", required=False), raw=fields)
    if info_type in ("change_auth", "cancel_auth"):
        corp = (_text(fields, "SuiteId"), _text(fields, "AuthCorpId"), _int(fields, "TimeStamp"))
        if info_type == "cancel_auth":
            return CancelAuth(*corp, raw=fields)
        return ChangeAuth(*corp, _text(fields, "State", required=False), raw=fields)
    suite = fields.get("SuiteId")
    return UnknownInstruction(info_type, suite if isinstance(suite, str) else None, raw=fields)


def parse_instruction(message: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Instruction:
    """Parse a decrypted instruction message (XML, or JSON); :class:`ParseError` if malformed."""
    raw = as_bytes(message, "the instruction message", max_bytes)
    if looks_like_json(raw):
        return parse_instruction_fields(parse_json_object(raw, "the instruction message"))
    return parse_instruction_fields(parse_xml_dict(raw, "the instruction message"))


def _merged(
    previous: Authorization, info: GetAuthInfoRespOk | GetAuthInfoV2RespOk
) -> Authorization:
    """The stored authorisation with what ``get_auth_info`` says now (name, agent)."""
    name = info.auth_corp_info.corp_name
    agents = info.auth_info.agent
    agent_id = agents[0].agentid if isinstance(agents, list) and agents else previous.agent_id
    return Authorization(
        previous.corp_id,
        previous.permanent_code,
        corp_name=name if isinstance(name, str) and name else previous.corp_name,
        agent_id=agent_id,
    )


OnInstruction: TypeAlias = Callable[[Instruction], Awaitable[None] | None]


#: Auth codes kept while no suite_ticket is stored yet (they expire after 10 minutes anyway).
MAX_PENDING_AUTH_CODES = 1000


class _Instructions:
    """What an instruction does to the provider, written once as flows (:mod:`.flows`) that
    the sync and the async handler run.

    A create_auth that arrives before any suite_ticket (a fresh deployment; or the endpoint
    running both deliveries at once) cannot be exchanged yet: its auth_code is kept and
    exchanged as soon as the next ticket is stored, instead of being lost. The list is only
    touched under a plain lock, never across I/O: a code is appended *before* the ticket is
    checked again, and the ticket is stored *before* the list is taken, so one of the two
    sides always sees the other."""

    def __init__(self, provider: Any, on_instruction: Callable[[Instruction], Any] | None) -> None:
        self.provider = provider
        self.on_instruction = on_instruction
        self._pending: list[str] = []
        self._pending_lock = threading.Lock()

    @property
    def pending(self) -> int:
        """Auth codes waiting for a suite_ticket."""
        return len(self._pending)

    def _install_flow(self, auth_code: str) -> Flow[None]:
        try:
            authorization = yield lambda p: p.install(auth_code)
        except SuiteTicketMissingError:
            with self._pending_lock:
                if len(self._pending) >= MAX_PENDING_AUTH_CODES:
                    raise
                self._pending.append(auth_code)
            try:
                yield lambda p: p.suite_ticket()  # stored meanwhile? then the code is ours
            except SuiteTicketMissingError:
                logger.warning("auth_code kept until the first suite_ticket arrives")
                return
            with self._pending_lock:
                if auth_code not in self._pending:
                    return  # the ticket's handler took it and installs it
                self._pending.remove(auth_code)
            authorization = yield lambda p: p.install(auth_code)
        suite_id = self.provider.suite.suite_id
        logger.info("corp %s authorised suite %s", authorization.corp_id, suite_id)

    def _ticket_flow(self, instruction: SuiteTicket) -> Flow[None]:
        yield lambda p: p.set_suite_ticket(instruction.ticket, timestamp=instruction.timestamp)
        with self._pending_lock:
            codes, self._pending = self._pending, []
        for code in codes:
            yield from self._install_flow(code)

    def _apply_flow(self, instruction: Instruction) -> Flow[None]:
        suite_id = self.provider.suite.suite_id
        if isinstance(instruction, UnknownInstruction):
            logger.info("instruction callback of unknown type %r ignored", instruction.info_type)
        elif instruction.suite_id != suite_id:
            raise ConfigurationError(
                f"instruction for suite {instruction.suite_id!r} reached the endpoint of "
                f"{suite_id!r}"
            )
        elif isinstance(instruction, SuiteTicket):
            yield from self._ticket_flow(instruction)
        elif isinstance(instruction, CreateAuth | ResetPermanentCode):
            yield from self._install_flow(instruction.auth_code)
        elif isinstance(instruction, ChangeAuth):
            corp_id = instruction.corp_id
            info = yield lambda p: p.get_auth_info(corp_id)
            previous = yield lambda p: p.authorization(corp_id)
            yield lambda p: p.codes.save(suite_id, _merged(previous, info))
        elif isinstance(instruction, CancelAuth):
            yield lambda p: p.cancel(instruction.corp_id)
            logger.info("corp %s cancelled suite %s", instruction.corp_id, suite_id)
        hook = self.on_instruction
        if hook is not None:
            yield lambda p: hook(instruction)

    def _event_flow(self, event: CallbackEvent) -> Flow[None]:
        try:
            yield from self._apply_flow(parse_instruction_fields(event.raw))
        except Exception:
            logger.exception("instruction callback failed")
            raise


#: the ``on_instruction`` hook each handler takes (the async one awaits what it returns)
_Hook: TypeAlias = Callable[[Instruction], object]
_AsyncHook: TypeAlias = OnInstruction


class AsyncInstructionHandler(_Instructions):
    """Applies instruction callbacks to its provider (:class:`AsyncProvider`), as an endpoint
    handler of the same flavour.

    ``on_instruction(instruction)`` runs afterwards (e.g. to start syncing a new corp; the
    asyncio handler awaits a coroutine it returns). An instruction for another suite is refused
    (logged), never applied."""

    def __init__(
        self, provider: AsyncProvider, *, on_instruction: _AsyncHook | None = None
    ) -> None:
        super().__init__(provider, on_instruction)

    async def apply(self, instruction: Instruction) -> None:
        await arun(self.provider, self._apply_flow(instruction))

    async def __call__(self, event: CallbackEvent) -> None:
        """What the callback endpoints call with each verified, decrypted delivery."""
        await arun(self.provider, self._event_flow(event))


# ---- sync twin of AsyncInstructionHandler, generated by `make gen`: edit that ----
class InstructionHandler(_Instructions):
    """Applies instruction callbacks to its provider (:class:`Provider`), as an endpoint
    handler of the same flavour.

    ``on_instruction(instruction)`` runs afterwards (e.g. to start syncing a new corp; the
    asyncio handler awaits a coroutine it returns). An instruction for another suite is refused
    (logged), never applied."""

    def __init__(self, provider: Provider, *, on_instruction: _Hook | None = None) -> None:
        super().__init__(provider, on_instruction)

    def apply(self, instruction: Instruction) -> None:
        run(self.provider, self._apply_flow(instruction))

    def __call__(self, event: CallbackEvent) -> None:
        """What the callback endpoints call with each verified, decrypted delivery."""
        run(self.provider, self._event_flow(event))


# ---- end of generated code ----


def _check_crypto(crypto: CallbackCrypto, suite_id: str) -> None:
    if crypto.receiver_id != suite_id:
        raise ConfigurationError(
            "the instruction callback is encrypted for the suite: build its CallbackCrypto with "
            f"receiver_id={suite_id!r}"
        )


def instruction_app(
    provider: AsyncProvider | Provider,
    crypto: CallbackCrypto,
    *,
    path: str = "/suite/receive",
    on_instruction: OnInstruction | None = None,
    dedupe: Any = "memory",
) -> Starlette:
    """A Starlette app serving the suite's instruction callback on ``path``."""
    from wxkefu_ext.callback.asgi import callback_app

    _check_crypto(crypto, provider.suite.suite_id)
    handler: Any
    if isinstance(provider, AsyncProvider):
        handler = AsyncInstructionHandler(provider, on_instruction=on_instruction)
    else:  # a sync provider: the endpoint runs the handler in a worker thread
        handler = InstructionHandler(provider, on_instruction=on_instruction)
    return callback_app(crypto, handler, path=path, dedupe=dedupe)


def instruction_wsgi_app(
    provider: Provider,
    crypto: CallbackCrypto,
    *,
    on_instruction: Callable[[Instruction], object] | None = None,
    dedupe: Any = "memory",
    max_pending: int = 1000,
) -> WsgiCallbackApp:
    """A WSGI app (any path) serving the suite's instruction callback."""
    from wxkefu_ext.callback.wsgi import wsgi_callback_app

    _check_crypto(crypto, provider.suite.suite_id)
    handler = InstructionHandler(provider, on_instruction=on_instruction)
    return wsgi_callback_app(crypto, handler, dedupe=dedupe, max_pending=max_pending)


def corp_router(
    provider: Provider, handler: Callable[[CallbackEvent], object]
) -> Callable[[CallbackEvent], None]:
    """Wrap today's data-callback ``handler(event)`` for a multi-corp URL: events of corps that
    do not (or no longer) authorise the suite are logged and not handed on."""

    def routed(event: CallbackEvent) -> None:
        corp_id = event.to_user_name or ""
        try:
            provider.authorization(corp_id)
        except CorpNotAuthorizedError as exc:
            logger.warning("data callback for corp %r not handled: %s", corp_id, exc)
            return
        handler(event)

    return routed
