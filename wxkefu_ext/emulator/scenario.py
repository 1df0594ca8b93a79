"""The control API: what happens *outside* the Kf API, driven from Python.

Customers open a contact link and write, the admin console creates accounts and servicers,
servicers start and stop receiving, the test injects faults or revokes tokens, and callbacks go
to the configured URL. :class:`Scenario` adds these actions to the :class:`~.world.World` they
change; :mod:`.control` serves the same actions over HTTP to other processes, and the
:class:`~.core.Emulator` facade adds transports and serving on top.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple, Unpack

from wxkefu_ext._redact import Secret
from wxkefu_ext.emulator.callback_settings import check_callback_settings
from wxkefu_ext.emulator.callbacks import CallbackDelivery, CallbackJob, CallbackPusher
from wxkefu_ext.emulator.faults import Fault, FaultOptions
from wxkefu_ext.emulator.state import Servicer
from wxkefu_ext.emulator.world import (
    SYNC_TOKEN_SECONDS,
    TOKEN_LIFETIME,
    WELCOME_CODE_SECONDS,
    WINDOW_SECONDS,
    World,
)

if TYPE_CHECKING:
    import httpx

__all__ = ["EnterResult", "Scenario"]


class EnterResult(NamedTuple):
    """What :meth:`Scenario.customer_enter_session` produced."""

    external_userid: str
    welcome_code: str | None


class Scenario(World):
    """A :class:`World` plus the actions of its customers, admins and servicers, the test's
    levers (faults, token revocation) and the callback configuration."""

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
        check_callback_settings(callback_url, callback_token, callback_aes_key)
        super().__init__(credentials=credentials, token_ttl=token_ttl, seed=seed)
        self.callback_url = callback_url
        self._callback_token = _secret(callback_token) if callback_token is not None else None
        self._callback_key = _secret(callback_aes_key) if callback_aes_key is not None else None
        self._callback_transport = callback_transport
        self._pusher = CallbackPusher(self)  # its thread starts with the first push

    # ------------------------------------------------------------------ callbacks

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
        check_callback_settings(url, token, encoding_aes_key)  # 400 / ValueError with the reason
        with self.lock:
            self.callback_url = url
            self._callback_token = _secret(token) if token is not None else None
            self._callback_key = _secret(encoding_aes_key) if encoding_aes_key is not None else None
            if transport is not None:
                self._callback_transport = transport
        self._pusher.close()  # outside the lock: its thread may be counting a delivery

    def flush_callbacks(self, timeout: float = 5.0) -> bool:
        """Wait until every queued callback was POSTed (or gave up); False on timeout."""
        return self._pusher.flush(timeout)

    @property
    def callback_log(self) -> list[CallbackDelivery]:
        """Every callback delivery attempt's outcome since the callback was (re)configured
        or the emulator closed, oldest first."""
        return self._pusher.log()

    def close(self) -> None:
        """Stop the callback thread (the emulator stays usable; it restarts on demand)."""
        self._pusher.close()

    def fire_callback(self, open_kfid: str) -> None:
        """Queue a ``kf_msg_or_event`` callback (with a fresh sync Token) when configured."""
        if self.callback_url is None or self._callback_token is None or self._callback_key is None:
            return
        sync_token = self.new_id("ENC", 40)
        self.state.sync_tokens[sync_token] = (open_kfid, self.clock.now() + SYNC_TOKEN_SECONDS)
        self._pusher.push(
            CallbackJob(
                self.callback_url,
                self._callback_token,
                self._callback_key,
                self.corp_id,
                open_kfid,
                sync_token,
                self.clock.now_int(),
                self._callback_transport,
            )
        )

    # ------------------------------------------------------------------ lifecycle and levers

    def reset(self) -> None:
        """Forget everything (state, tokens, faults, stats, clock offset); keeps credentials
        and the callback configuration."""
        self.flush_callbacks(1.0)
        super().reset()

    def invalidate_tokens(self) -> int:
        """Revoke every issued access_token early (the next call with one gets 40014)."""
        with self.lock:
            for record in self.state.tokens.values():
                record.revoked = True
            return len(self.state.tokens)

    def inject_fault(self, kind: str, **options: Unpack[FaultOptions]) -> Fault:
        """Make the next ``count`` matching ``/cgi-bin`` calls fail; see :mod:`.faults`."""
        with self.lock:
            return self.fault_plan.add(kind, **options)

    def clear_faults(self) -> None:
        with self.lock:
            self.fault_plan.clear()

    @property
    def faults(self) -> list[Fault]:
        """Faults still pending."""
        with self.lock:
            return list(self.fault_plan.faults)

    # ------------------------------------------------------------------ the admin console

    def create_account(self, name: str = "客服", *, media_id: str = "") -> str:
        """A Kf account (as ``kf/account/add`` would make it); returns its open_kfid."""
        with self.lock:
            return self.add_account(name, media_id).open_kfid

    def add_servicer(
        self, open_kfid: str, userid: str, status: int = 0, stop_type: int = 0
    ) -> None:
        """Make ``userid`` a servicer of the account (status as in servicer/list: 0/1)."""
        with self.lock:
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
        with self.lock:
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
        with self.lock:
            if userids is not None:
                self.state.upgrade_members = list(userids)
            if department_ids is not None:
                self.state.upgrade_departments = list(department_ids)
            if chat_ids is not None:
                self.state.upgrade_chats = list(chat_ids)

    # ------------------------------------------------------------------ customers

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
        with self.lock:
            self.account(open_kfid)
            customer = self.customer_for(external_userid)
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
        with self.lock:
            self.account(open_kfid)
            msgid = self.customer_message(open_kfid, self.customer_for(external_userid), kind, body)
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
        with self.lock:
            self.account(open_kfid)
            customer = self.customer_for(external_userid)
            ids = [
                self.customer_message(open_kfid, customer, "text", {"content": text.format(i=i)})
                for i in range(n)
            ]
            if callback and ids:
                self.fire_callback(open_kfid)
            return ids

    def customer_recall(self, open_kfid: str, external_userid: str, msgid: str) -> None:
        """The customer recalls one of their messages: queues ``user_recall_msg``."""
        with self.lock:
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
        with self.lock:
            return [
                d.as_dict()
                for d in self.state.deliveries
                if (open_kfid is None or d.open_kfid == open_kfid)
                and (touser is None or d.touser == touser)
            ]


def _secret(value: str | Secret) -> Secret:
    return value if isinstance(value, Secret) else Secret(value)
