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

import asyncio
import inspect
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
class SuiteTicket:
    suite_id: str
    ticket: str = field(repr=False)
    timestamp: int
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class CreateAuth:
    suite_id: str
    auth_code: str = field(repr=False)
    timestamp: int
    state: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class ChangeAuth:
    suite_id: str
    corp_id: str
    timestamp: int
    state: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class CancelAuth:
    suite_id: str
    corp_id: str
    timestamp: int
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class ResetPermanentCode:
    suite_id: str
    auth_code: str = field(repr=False)
    timestamp: int
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class UnknownInstruction:
    """An InfoType this version does not know; every field kept in ``raw``."""

    info_type: str | None
    suite_id: str | None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False, hash=False)


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
        return SuiteTicket(_text(fields, "SuiteId"), ticket, _int(fields, "TimeStamp"), fields)
    if info_type == "create_auth":
        return CreateAuth(
            _text(fields, "SuiteId"),
            _text(fields, "AuthCode"),
            _int(fields, "TimeStamp"),
            _text(fields, "State", required=False),
            fields,
        )
    if info_type == "change_auth":
        return ChangeAuth(
            _text(fields, "SuiteId"),
            _text(fields, "AuthCorpId"),
            _int(fields, "TimeStamp"),
            _text(fields, "State", required=False),
            fields,
        )
    if info_type == "cancel_auth":
        return CancelAuth(
            _text(fields, "SuiteId"), _text(fields, "AuthCorpId"), _int(fields, "TimeStamp"), fields
        )
    if info_type == "reset_permanent_code":
        return ResetPermanentCode(
            _text(fields, "SuiteId"), _text(fields, "AuthCode"), _int(fields, "TimeStamp"), fields
        )
    suite = fields.get("SuiteId")
    return UnknownInstruction(info_type, suite if isinstance(suite, str) else None, fields)


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


class InstructionHandler:
    """Applies instruction callbacks to a :class:`Provider` (a sync endpoint handler).

    ``on_instruction(instruction)`` runs afterwards (e.g. to start syncing a new corp). An
    instruction for another suite is refused (logged), never applied.

    A create_auth that arrives before any suite_ticket (a fresh deployment; or the endpoint
    running both deliveries at once) cannot be exchanged yet: its auth_code is kept and
    exchanged as soon as the next ticket is stored, instead of being lost."""

    def __init__(
        self, provider: Provider, *, on_instruction: Callable[[Instruction], object] | None = None
    ) -> None:
        self.provider = provider
        self.on_instruction = on_instruction
        self._pending: list[str] = []
        self._pending_lock = threading.Lock()

    @property
    def pending(self) -> int:
        """Auth codes waiting for a suite_ticket."""
        return len(self._pending)

    def _install(self, auth_code: str) -> None:
        provider = self.provider
        try:
            authorization = provider.install(auth_code)
        except SuiteTicketMissingError:
            with self._pending_lock:  # a ticket stored meanwhile? (it is set before this lock)
                try:
                    provider.suite_ticket()
                except SuiteTicketMissingError:
                    if len(self._pending) >= MAX_PENDING_AUTH_CODES:
                        raise
                    self._pending.append(auth_code)
                    logger.warning("auth_code kept until the first suite_ticket arrives")
                    return
            authorization = provider.install(auth_code)
        logger.info("corp %s authorised suite %s", authorization.corp_id, provider.suite.suite_id)

    def _ticket(self, instruction: SuiteTicket) -> None:
        self.provider.set_suite_ticket(instruction.ticket, timestamp=instruction.timestamp)
        with self._pending_lock:
            codes, self._pending = self._pending, []
        for code in codes:
            self._install(code)

    def apply(self, instruction: Instruction) -> None:
        provider = self.provider
        if isinstance(instruction, UnknownInstruction):
            logger.info("instruction callback of unknown type %r ignored", instruction.info_type)
        elif instruction.suite_id != provider.suite.suite_id:
            raise ConfigurationError(
                f"instruction for suite {instruction.suite_id!r} reached the endpoint of "
                f"{provider.suite.suite_id!r}"
            )
        elif isinstance(instruction, SuiteTicket):
            self._ticket(instruction)
        elif isinstance(instruction, CreateAuth | ResetPermanentCode):
            self._install(instruction.auth_code)
        elif isinstance(instruction, ChangeAuth):
            info = provider.get_auth_info(instruction.corp_id)
            previous = provider.authorization(instruction.corp_id)
            provider.codes.save(provider.suite.suite_id, _merged(previous, info))
        elif isinstance(instruction, CancelAuth):
            provider.cancel(instruction.corp_id)
            logger.info("corp %s cancelled suite %s", instruction.corp_id, instruction.suite_id)
        if self.on_instruction is not None:
            self.on_instruction(instruction)

    def __call__(self, event: CallbackEvent) -> None:
        """What the callback endpoints call with each verified, decrypted delivery."""
        try:
            self.apply(parse_instruction_fields(event.raw))
        except Exception:
            logger.exception("instruction callback failed")
            raise


class AsyncInstructionHandler:
    """:class:`InstructionHandler` for an :class:`AsyncProvider` (an async endpoint handler)."""

    def __init__(
        self, provider: AsyncProvider, *, on_instruction: OnInstruction | None = None
    ) -> None:
        self.provider = provider
        self.on_instruction = on_instruction
        self._pending: list[str] = []
        self._pending_lock = asyncio.Lock()

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def _install(self, auth_code: str) -> None:
        provider = self.provider
        try:
            await provider.install(auth_code)
            return
        except SuiteTicketMissingError:
            async with self._pending_lock:
                try:
                    await provider.suite_ticket()
                except SuiteTicketMissingError:
                    if len(self._pending) >= MAX_PENDING_AUTH_CODES:
                        raise
                    self._pending.append(auth_code)
                    logger.warning("auth_code kept until the first suite_ticket arrives")
                    return
        await provider.install(auth_code)

    async def _ticket(self, instruction: SuiteTicket) -> None:
        await self.provider.set_suite_ticket(instruction.ticket, timestamp=instruction.timestamp)
        async with self._pending_lock:
            codes, self._pending = self._pending, []
        for code in codes:
            await self._install(code)

    async def apply(self, instruction: Instruction) -> None:
        provider = self.provider
        if isinstance(instruction, UnknownInstruction):
            logger.info("instruction callback of unknown type %r ignored", instruction.info_type)
        elif instruction.suite_id != provider.suite.suite_id:
            raise ConfigurationError(
                f"instruction for suite {instruction.suite_id!r} reached the endpoint of "
                f"{provider.suite.suite_id!r}"
            )
        elif isinstance(instruction, SuiteTicket):
            await self._ticket(instruction)
        elif isinstance(instruction, CreateAuth | ResetPermanentCode):
            await self._install(instruction.auth_code)
        elif isinstance(instruction, ChangeAuth):
            info = await provider.get_auth_info(instruction.corp_id)
            previous = await provider.authorization(instruction.corp_id)
            await provider.codes.save(provider.suite.suite_id, _merged(previous, info))
        elif isinstance(instruction, CancelAuth):
            await provider.cancel(instruction.corp_id)
        if self.on_instruction is not None:
            result = self.on_instruction(instruction)
            if inspect.isawaitable(result):
                await result

    async def __call__(self, event: CallbackEvent) -> None:
        try:
            await self.apply(parse_instruction_fields(event.raw))
        except Exception:
            logger.exception("instruction callback failed")
            raise


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
