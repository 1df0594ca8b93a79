"""``make demo``: a full Kf bot round-trip against a local emulator, in a few seconds.

What happens (every step over real HTTP on 127.0.0.1):

1. the emulator starts (``Emulator().serve()``) and so does our own callback endpoint
   (:func:`wxkefu_ext.callback.asgi.callback_app` under uvicorn, a free port); the emulator is
   told to push its encrypted, signed callbacks there;
2. a :class:`~wxkefu_ext.client.KfClient` gets an access_token, uploads an avatar, creates a Kf
   account, gets its contact link and adds a servicer;
3. a simulated customer enters the session: the ``kf_msg_or_event`` callback arrives and is
   verified and decrypted; the messages are pulled with the ``sync_msg`` pager and the welcome
   is sent with the event's single-use ``welcome_code``;
4. the customer writes; the bot pulls again and replies;
5. media goes up and comes back down (bytes compared);
6. the session is handed to the servicer (``service_state/trans`` → 3) and read back.

It prints a short transcript and exits 0; any failure prints the explained error and exits 1.
No secret is printed: the token is masked, the callback keys never leave the process.

Why a module (not a script): ``python -m wxkefu_ext.demo`` works from a fresh ``pip install``,
and the test suite runs exactly what ``make demo`` runs.
"""

from __future__ import annotations

import queue
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from wxkefu_client.resources.results import SyncMsgItem
    from wxkefu_ext.client import KfClient

__all__ = ["Demo", "main"]

#: How long to wait for a callback to arrive.
CALLBACK_TIMEOUT: Final = 5.0
#: The customer's first words and the bot's answers.
CUSTOMER_TEXT: Final = "你好, 我的订单什么时候发货?"
WELCOME_TEXT: Final = "欢迎光临! 我是 wxkefu 演示机器人。"
REPLY_PREFIX: Final = "收到: "
SERVICER: Final = "zhangsan"
#: The demo's last line: where a newcomer goes next.
NEXT_STEP: Final = (
    "next: `make console` — chat with the example bot as a WeChat customer in your browser "
    "(the emulator console at http://127.0.0.1:8765/_emulator/ui/)"
)


def _png(rgb: tuple[int, int, int]) -> bytes:
    """A valid 1x1 PNG (passes the upload checks by magic bytes)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" + bytes(rgb))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


class Transcript:
    """Numbered, readable steps on stdout (rich when it is a terminal, plain otherwise)."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(file=sys.stdout, soft_wrap=True, highlight=False)
        self.started = time.perf_counter()
        self.steps = 0

    def step(self, title: str, detail: str = "") -> None:
        from rich.text import Text

        self.steps += 1
        line = Text(f"{self.steps:>2}. ", style="dim") + Text(title, style="bold")
        if detail:
            line += Text(f" — {detail}")
        self.console.print(line)

    def note(self, text: str) -> None:
        from rich.text import Text

        self.console.print(Text(f"    {text}", style="dim"))

    def done(self) -> None:
        from rich.text import Text

        elapsed = time.perf_counter() - self.started
        self.console.print(
            Text(f"✓ demo finished: {self.steps} steps in {elapsed:.1f} s", style="bold green")
        )
        self.console.print(Text(NEXT_STEP, style="bold"))


class Demo:
    """The round trip, one method per step; :meth:`run` calls them in order."""

    def __init__(self, stack: ExitStack, transcript: Transcript) -> None:
        self.stack = stack
        self.t = transcript
        self.events: queue.Queue[Any] = queue.Queue()
        self.emu: Any = None
        self.kf: KfClient = None  # type: ignore[assignment]  # set by start_servers
        self.open_kfid = ""
        self.customer = ""
        self.cursors: Any = None

    # -- infrastructure --------------------------------------------------------------------

    def start_servers(self) -> None:
        from wxkefu_ext import keygen
        from wxkefu_ext.callback import CallbackCrypto
        from wxkefu_ext.callback.asgi import callback_app
        from wxkefu_ext.client import KfClient
        from wxkefu_ext.cursors import MemoryCursorStore
        from wxkefu_ext.emulator import Emulator
        from wxkefu_ext.serving import serving

        self.emu = Emulator()
        base_url = self.stack.enter_context(self.emu.serve("127.0.0.1", port=0))
        corp_id, secret = _emulator_credentials(self.emu)
        token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
        crypto = CallbackCrypto(token, key, corp_id, max_age=300)
        app = callback_app(crypto, self.events.put, path="/wecom/callback")
        callback_base = self.stack.enter_context(serving(app, "127.0.0.1", 0))
        callback_url = f"{callback_base}/wecom/callback"
        _emulator_set_callback(self.emu, callback_url, token, key)
        self.t.step("local emulator started", base_url)
        self.t.step("callback endpoint listening", f"{callback_url} (fresh Token/EncodingAESKey)")
        self.kf = self.stack.enter_context(KfClient(corp_id, secret, base_url=base_url))
        self.cursors = MemoryCursorStore()

    # -- the API round trip ----------------------------------------------------------------

    def get_token(self) -> None:
        token = self.kf.access_token()
        raw = token.reveal() if hasattr(token, "reveal") else str(token)
        self.t.step("access_token fetched", f"{raw[:4]}…{raw[-4:]} (masked, {len(raw)} chars)")

    def create_account(self) -> None:
        from wxkefu_client.types import Unset
        from wxkefu_ext import media

        avatar = media.upload(self.kf, "image", _png((7, 193, 96)), filename="avatar.png")
        account = self.kf.account.add(name="演示客服", media_id=avatar.media_id)
        self.open_kfid = account.open_kfid
        self.t.step("Kf account created", f"open_kfid={self.open_kfid} (avatar {avatar.media_id})")
        link = self.kf.add_contact_way(open_kfid=self.open_kfid, scene="demo")
        self.t.step("contact link", link.url)
        added = self.kf.servicer.add(open_kfid=self.open_kfid, userid_list=[SERVICER])
        results = [] if isinstance(added.result_list, Unset) else added.result_list
        bad = [r for r in results if r.errcode]
        if bad:  # servicer/add answers errcode 0 with per-user results
            from wxkefu_ext.errors import error_from_payload

            raise error_from_payload(bad[0].to_dict(), path="servicer/add")
        self.t.step("servicer added", SERVICER)

    def _await_callback(self) -> Any:
        from wxkefu_ext.callback import KfMsgOrEvent
        from wxkefu_ext.errors import KfTransportError

        deadline = time.monotonic() + CALLBACK_TIMEOUT
        while True:
            remaining = deadline - time.monotonic()
            try:
                event = self.events.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                raise KfTransportError(
                    f"no callback arrived within {CALLBACK_TIMEOUT:.0f} s"
                ) from None
            if isinstance(event, KfMsgOrEvent) and event.open_kfid == self.open_kfid:
                self.t.step(
                    "callback verified + decrypted",
                    f"kf_msg_or_event for {event.open_kfid} (sync token received, not shown)",
                )
                return event

    def _pull(self, event: Any) -> list[SyncMsgItem]:
        from wxkefu_ext.pagination import SyncMsgPager

        pager = SyncMsgPager(self.kf, self.open_kfid, token=event.token, cursor_store=self.cursors)
        items: list[SyncMsgItem] = []
        pager.handle(lambda page: items.extend(page.messages))  # typed models
        kinds = ", ".join(_describe(m) for m in items) or "nothing new"
        self.t.step("sync_msg pulled", f"{len(items)} item(s): {kinds}")
        return items

    def customer_enters(self) -> None:
        from wxkefu_ext import messages
        from wxkefu_ext.errors import KfResponseError

        self.customer = _emulator_enter_session(self.emu, self.open_kfid)
        self.t.step("customer entered the session", self.customer)
        from wxkefu_client.models import EnterSessionEvent, EventMessage

        codes: list[str] = []
        for m in self._pull(self._await_callback()):
            match m:  # typed dispatch: mypy narrows m and the event
                case EventMessage(event=EnterSessionEvent(welcome_code=str() as code)) if code:
                    codes.append(code)
        if not codes:
            raise KfResponseError("the enter_session event carried no welcome_code")
        msgid = messages.send_on_event(self.kf, codes[-1], messages.text(WELCOME_TEXT))
        self.t.step("welcome sent with the welcome_code", f"{WELCOME_TEXT!r} (msgid {msgid})")

    def customer_writes(self) -> None:
        from wxkefu_ext import messages
        from wxkefu_ext.errors import KfResponseError

        _emulator_customer_send(self.emu, self.open_kfid, self.customer, CUSTOMER_TEXT)
        self.t.step("customer wrote", repr(CUSTOMER_TEXT))
        from wxkefu_client.models import OriginKnown, TextMessage

        texts: list[str] = []
        for m in self._pull(self._await_callback()):
            match m:
                case TextMessage(origin=OriginKnown.ORIGIN_CUSTOMER, text=text):
                    texts.append(text.content)
        if not texts or texts[-1] != CUSTOMER_TEXT:
            raise KfResponseError("the customer's text did not come back from sync_msg")
        reply = REPLY_PREFIX + texts[-1]
        msgid = messages.send(self.kf, self.customer, self.open_kfid, messages.text(reply))
        self.t.step("reply sent", f"{reply!r} (msgid {msgid})")

    def media_round_trip(self) -> None:
        from wxkefu_ext import media, messages
        from wxkefu_ext.errors import KfResponseError

        original = _png((230, 60, 40)) + bytes(range(256)) * 64  # ~16 KB with trailing data
        up = media.upload(self.kf, "file", original, filename="report.bin")
        down = media.download(self.kf, up.media_id)
        if down != original:
            raise KfResponseError(
                f"downloaded media differs from the upload ({len(down)} vs {len(original)} bytes)"
            )
        self.t.step("media uploaded and downloaded", f"{len(original)} bytes identical")
        msgid = messages.send(self.kf, self.customer, self.open_kfid, messages.file(up.media_id))
        self.t.step("file sent to the customer", f"media_id {up.media_id} (msgid {msgid})")

    def hand_over(self) -> None:
        from wxkefu_client.models import ServiceStateTransTarget
        from wxkefu_ext.errors import KfResponseError

        self.kf.service_state.trans(
            open_kfid=self.open_kfid,
            external_userid=self.customer,
            service_state=ServiceStateTransTarget.SERVICE_STATE_TRANS_TARGET_SERVICER,
            servicer_userid=SERVICER,
        )
        state = self.kf.service_state.get(open_kfid=self.open_kfid, external_userid=self.customer)
        if state.service_state != 3 or state.servicer_userid != SERVICER:
            raise KfResponseError(f"service_state is {state.service_state}, expected 3")
        self.t.step("session handed to the servicer", f"service_state=3, servicer {SERVICER}")
        delivered = _emulator_delivered(self.emu, self.open_kfid, self.customer)
        if delivered:
            self.t.note(f"the customer received {len(delivered)} message(s): {delivered}")

    def run(self) -> None:
        for step in self.steps():
            step()
        self.t.done()

    def steps(self) -> Iterator[Callable[[], None]]:
        yield self.start_servers
        yield self.get_token
        yield self.create_account
        yield self.customer_enters
        yield self.customer_writes
        yield self.media_round_trip
        yield self.hand_over


def _describe(item: SyncMsgItem) -> str:
    from wxkefu_client.models import EventMessage

    match item:
        case EventMessage(event=event):
            return f"event {event.event_type}"
        case _:
            return str(item.msgtype)


# ---------------------------------------------------------------------------------------------
# The emulator's control surface (see wxkefu_ext.emulator)
# ---------------------------------------------------------------------------------------------


def _emulator_credentials(emu: Any) -> tuple[str, str]:
    from wxkefu_ext import emulator

    corp_id = getattr(emu, "corp_id", None) or emulator.DEFAULT_CORP_ID
    secret = getattr(emu, "corp_secret", None) or emulator.DEFAULT_CORP_SECRET
    return str(corp_id), str(secret)


def _emulator_set_callback(emu: Any, url: str, token: str, key: str) -> None:
    emu.set_callback(url, token=token, encoding_aes_key=key)


def _emulator_enter_session(emu: Any, open_kfid: str) -> str:
    result = emu.customer_enter_session(open_kfid)
    user = result[0] if isinstance(result, tuple) else result  # (external_userid, welcome_code)
    return str(user)


def _emulator_customer_send(emu: Any, open_kfid: str, customer: str, text: str) -> None:
    emu.customer_send(open_kfid, customer, text=text)


def _emulator_delivered(emu: Any, open_kfid: str, customer: str) -> list[str]:
    """msgtypes of what the emulator delivered to ``customer`` from ``open_kfid``."""
    out: list[str] = []
    for item in emu.delivered(open_kfid):
        if isinstance(item, dict) and item.get("touser", customer) == customer:
            out.append(str(item.get("msgtype", "?")))
    return out


@contextmanager
def _quiet_logs() -> Iterator[None]:
    """Library warnings would interleave with the transcript; errors are reported by main."""
    import logging

    root = logging.getLogger()
    previous = root.level
    root.setLevel(logging.ERROR)
    try:
        yield
    finally:
        root.setLevel(previous)


def main(argv: list[str] | None = None) -> int:
    """Run the demo; 0 on success, 1 with the explained error on failure."""
    from wxkefu_ext.cli._common import mask
    from wxkefu_ext.errors import KfError

    transcript = Transcript()
    transcript.console.print("wxkefu demo: a Kf bot round-trip against the local emulator\n")
    try:
        with _quiet_logs(), ExitStack() as stack:
            Demo(stack, transcript).run()
    except KfError as exc:
        print(f"✗ demo failed at step {transcript.steps + 1}: {mask(str(exc))}", file=sys.stderr)
        return 1
    except Exception as exc:
        print(
            f"✗ demo failed at step {transcript.steps + 1} ({type(exc).__name__}): "
            f"{mask(str(exc))}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
