"""A stateful local emulator of the WeCom 微信客服 (Kf) API — for tests, demos and development.

It serves every operation of ``openapi/wxkefu.yaml`` under ``/cgi-bin/...`` with real state
(tokens, accounts, servicers, customers, sessions, messages, media, knowledge base, statistics),
validates every request against the spec (invalid JSON → 47001 "Warning: wrong json format.",
schema violations → 40058 naming the field, never a 500), enforces the Kf business rules with
their official errcodes, pushes encrypted and signed ``kf_msg_or_event`` callbacks, and lets tests
inject faults. Only the credentials configured here are accepted — never real ones.

Python API::

    from wxkefu_ext.emulator import Emulator, DEFAULT_CORP_ID, DEFAULT_CORP_SECRET

    emu = Emulator()                      # credentials={DEFAULT_CORP_ID: DEFAULT_CORP_SECRET}
    kf = KfClient(DEFAULT_CORP_ID, DEFAULT_CORP_SECRET,
                  base_url=emu.base_url, transport=emu.transport())   # in-process, no socket
    kfid = emu.create_account("客服")
    emu.add_servicer(kfid, "zhangsan")
    user, welcome_code = emu.customer_enter_session(kfid)   # enter_session event + callback
    emu.customer_send(kfid, user, "你好")                    # queued for sync_msg + callback
    emu.customer_send_many(kfid, 10_000)                   # bulk, no callback by default
    emu.delivered(kfid)                                     # what send_msg* accepted
    emu.clock.advance(48 * 3600)                            # tokens, windows, codes expire
    emu.inject_fault("errcode", errcode=45009, count=2, path="/kf/send_msg")
    emu.inject_fault("random", probability=0.2, count=None)  # seeded 20 % failure rate
    emu.invalidate_tokens(); emu.stats; emu.reset()
    with emu.serve("127.0.0.1", port=0) as base_url: ...    # real HTTP (uvicorn thread)

Callbacks: ``Emulator(callback_url=..., callback_token=..., callback_aes_key=...)`` or
:meth:`Emulator.set_callback`; ``callback_transport=`` (sync or async httpx transport) delivers
without a socket; :meth:`Emulator.flush_callbacks` waits for pending ones.

Fault kinds (:mod:`wxkefu_ext.emulator.faults`): ``http_5xx``, ``drop`` (connection dropped:
in-process transports raise ``httpx.RemoteProtocolError``; ``processed=True`` loses only the
answer), ``delay``, ``errcode`` and ``random`` (with ``probability``).

Rules and errcodes: gettoken 40013 unknown corpid / 40001 wrong secret / 41002, 41004 missing;
41001 no token, 40014 invalid or revoked, 42001 expired (emulator clock); 95000 malformed and
95004 unknown open_kfid; 40096 unknown external_userid; send_msg: 40058 "invalid msgid:
duplicated msgid" (checked first), 95018 session state not 0/1, 95002 48 h window, 95001 5
messages per customer message, 40007 unknown/expired (3 days) media; send_msg_on_event:
41050 unknown/used code, 42003 expired code (welcome_code 20 s); recall: 95028 not an API
message, 95029 after 2 minutes; sync_msg: 95007 wrong/expired (10 min) Token, 50100 foreign
cursor; service_state/trans: 95016 transition outside §2.11, 95014 not a servicer, 95019
servicer stopped; upgrade_service 95021; media/get Range → 206 / 416, bad media_id → HTTP 200
JSON 40007. Every error answer carries ``x-wxkefu-emulator-rejected: schema | json | auth |
business | fault | route`` (why), and every answer an ``x-request-id``.

HTTP control API (same process state, for other processes; see :mod:`.control` for bodies):
``POST /_emulator/accounts``, ``/_emulator/servicers``, ``/_emulator/servicers/status``,
``/_emulator/customer/enter_session``, ``/_emulator/customer/send``,
``/_emulator/customer/send_many``, ``/_emulator/clock/advance`` (``GET /_emulator/clock``),
``GET|POST|DELETE /_emulator/faults``, ``POST /_emulator/tokens/invalidate``,
``GET /_emulator/delivered``, ``GET /_emulator/stats``, ``POST /_emulator/callback``,
``POST /_emulator/callbacks/flush``, ``POST /_emulator/reset``.

Browser console: ``/_emulator/ui/`` (:mod:`.console`, :mod:`.console_api`) — chat with your
bot as WeChat customers; ``make console`` starts it with ``examples/bot.py`` on the callback.

Command line: ``python -m wxkefu_ext.emulator --host 127.0.0.1 --port 0`` prints the base URL
(same banner as ``wxkefu emulator``; ``--bot SCRIPT``: see :mod:`.launcher`).
"""

from __future__ import annotations

from wxkefu_ext.emulator import _requires  # noqa: F401 - first: names the extra if one is missing
from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.clock import Clock
from wxkefu_ext.emulator.core import (
    BASE_URL,
    DEFAULT_CORP_ID,
    DEFAULT_CORP_SECRET,
    Emulator,
    EmulatorStats,
    EnterResult,
)
from wxkefu_ext.emulator.faults import Fault

__all__ = [
    "BASE_URL",
    "DEFAULT_CORP_ID",
    "DEFAULT_CORP_SECRET",
    "ApiError",
    "Clock",
    "Emulator",
    "EmulatorStats",
    "EnterResult",
    "Fault",
]
