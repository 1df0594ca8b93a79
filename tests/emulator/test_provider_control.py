"""The emulator's provider side driven over its HTTP control API (``/_emulator/provider/...``).

Everything crosses real sockets: the emulator is served by uvicorn, the provider under test
talks to it over HTTP, and its instruction callback endpoint is a second served app that the
emulator posts to — as when the provider runs in another process or language.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from wxkefu_client.models import SessionInfo, SessionInfoAuthType
from wxkefu_ext.callback import CallbackCrypto
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.errors import AuthorizationCancelledError, KfApiError
from wxkefu_ext.keygen import generate_encoding_aes_key, generate_token
from wxkefu_ext.provider import MemoryPermanentCodeStore, Provider, SuiteCredential
from wxkefu_ext.provider.callback import instruction_app
from wxkefu_ext.serving import serving
from wxkefu_ext.tokens import MemoryTokenStore

pytest.importorskip("uvicorn")

SUITE_ID, SECRET = "wwhttpsuite000001", "http-suite-secret-0000000000000000"
CORP = "wwhttpcorp0000001"


class Control:
    """The control API of a served emulator: ``ok()`` expects errcode 0, ``post()`` any."""

    def __init__(self, root: str) -> None:
        self.http = httpx.Client(base_url=f"{root}/_emulator/provider", timeout=10)

    def post(self, path: str, **body: Any) -> httpx.Response:
        return self.http.post(path, json=body)

    def ok(self, path: str, **body: Any) -> dict[str, Any]:
        r = self.post(path, **body)
        assert r.status_code == 200 and r.json()["errcode"] == 0, r.text
        return dict(r.json())

    def state(self) -> dict[str, Any]:
        return dict(self.http.get("").json())


@pytest.fixture
def served() -> Iterator[tuple[Emulator, str, Control]]:
    emu = Emulator(seed=21)
    with emu.serve("127.0.0.1", 0) as base_url:
        control = Control(base_url.removesuffix("/cgi-bin"))
        yield emu, base_url, control
        control.http.close()


def make_provider(base_url: str, emu: Emulator) -> Provider:
    return Provider(
        SuiteCredential(SUITE_ID, SECRET),
        token_store=MemoryTokenStore(),
        codes=MemoryPermanentCodeStore(),
        base_url=base_url,
        clock=emu.clock.now,
    )


def test_install_flow_over_http(served: tuple[Emulator, str, Control]) -> None:
    """Suite and corp made over HTTP; the provider's link install: pre-auth code → session
    info → install (auth_code) → permanent code; state read back; a link works once."""
    emu, base_url, control = served
    control.ok("/suites", suite_id=SUITE_ID, secret=SECRET)
    control.ok("/corps", corp_id=CORP, name="远程企业")
    kfid = control.ok("/corps/accounts", corp_id=CORP, name="客服")["open_kfid"]
    open_userid = control.ok("/corps/servicers", corp_id=CORP, open_kfid=kfid, userid="amy")[
        "open_userid"
    ]
    provider = make_provider(base_url, emu)
    ticket = control.ok("/suite_ticket", suite_id=SUITE_ID)["suite_ticket"]
    assert provider.set_suite_ticket(ticket)
    pre = provider.service.get_pre_auth_code().pre_auth_code
    provider.service.set_session_info(
        pre_auth_code=pre, session_info=SessionInfo(auth_type=SessionInfoAuthType.TEST)
    )
    installed = control.ok("/install", pre_auth_code=pre, corp_id=CORP, state="from-site")
    assert installed["suite_id"] == SUITE_ID
    authorization = provider.install(installed["auth_code"])
    assert authorization.corp_id == CORP and authorization.corp_name == "远程企业"
    kf = provider.corp(CORP)
    assert [a.open_kfid for a in kf.account.list()] == [kfid]
    assert [s.userid for s in kf.servicer.list(open_kfid=kfid).servicer_list] == [open_userid]
    state = control.state()
    (suite,) = [s for s in state["suites"] if s["suite_id"] == SUITE_ID]
    assert suite["kind"] == "third_party" and suite["valid_tickets"] == 1
    (corp,) = state["corps"]
    grant = corp["grants"][SUITE_ID]
    assert grant == {**grant, "authorized": True, "auth_type": 1, "state": "from-site"}
    assert state["stats"]["suite_tokens"] == 1
    text = control.http.get("").text
    for secret in (SECRET, ticket, authorization.permanent_code.reveal()):
        assert secret not in text  # the state never shows a secret
    again = control.post("/install", pre_auth_code=pre, corp_id=CORP)  # the link was used
    assert again.status_code == 400 and again.json()["errcode"] == 40077
    unknown = control.post("/corps/accounts", corp_id="wwnobody")
    assert unknown.status_code == 400 and "no corp" in unknown.json()["errmsg"]
    assert control.post("/suites", suite_id=SUITE_ID).status_code == 400  # no secret
    # the corp removes the app: its token is revoked at once, state says so
    control.ok("/cancel_auth", suite_id=SUITE_ID, corp_id=CORP)
    with pytest.raises(KfApiError):
        kf.account.list()
    assert control.state()["corps"][0]["grants"][SUITE_ID]["authorized"] is False
    provider.close()


def test_instruction_callbacks_pushed_over_http(served: tuple[Emulator, str, Control]) -> None:
    """The callback URL set over HTTP gets the suite_ticket at once and on the emulator clock,
    create_auth on an app-market install, change_auth and cancel_auth."""
    emu, base_url, control = served
    control.ok("/suites", suite_id=SUITE_ID, secret=SECRET)
    control.ok("/corps", corp_id=CORP)
    provider = make_provider(base_url, emu)
    token, key = generate_token(), generate_encoding_aes_key()
    app = instruction_app(provider, CallbackCrypto(token, key, SUITE_ID, max_age=3600))
    with serving(app) as endpoint:
        url = f"{endpoint}/suite/receive"
        control.ok("/suites/callback", suite_id=SUITE_ID, url=url, token=token,
                   encoding_aes_key=key)  # fmt: skip
        assert control.ok("/flush", timeout=10)["flushed"]
        _wait(lambda: _ticket(provider) is not None)  # pushed at once, stored by the endpoint
        first = _ticket(provider)
        emu.clock.advance(601)
        assert control.ok("/tick")["pushed"] == 1
        assert control.ok("/flush", timeout=10)["flushed"]
        _wait(lambda: _ticket(provider) not in (None, first))
        control.ok("/authorize", suite_id=SUITE_ID, corp_id=CORP, state="market")
        assert control.ok("/flush", timeout=10)["flushed"]
        _wait(lambda: provider.corp_ids() == [CORP])
        control.ok("/change_auth", suite_id=SUITE_ID, corp_id=CORP)
        control.ok("/cancel_auth", suite_id=SUITE_ID, corp_id=CORP)
        assert control.ok("/flush", timeout=10)["flushed"]
        _wait(lambda: provider.corp_ids() == [])
        with pytest.raises(AuthorizationCancelledError):
            provider.corp(CORP)
        log = control.state()["instructions"]
        kinds = [d["info_type"] for d in log]
        assert kinds == ["suite_ticket", "suite_ticket", "create_auth", "change_auth",
                         "cancel_auth"]  # fmt: skip
        assert all(d["status"] == 200 for d in log)
        bad = control.post("/suites/callback", suite_id=SUITE_ID, url=url)  # no token/key
        assert bad.status_code == 400
    provider.close()


def _ticket(provider: Provider) -> str | None:
    from wxkefu_ext.errors import SuiteTicketMissingError

    try:
        return provider.suite_ticket()
    except SuiteTicketMissingError:
        return None


def _wait(condition: Any, timeout: float = 10.0) -> None:
    """The endpoint answers first and applies the instruction right after."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the instruction was not applied in time"
        time.sleep(0.02)


def test_custom_app_secret_reset_over_http(served: tuple[Emulator, str, Control]) -> None:
    """代开发: install through the default template, reset the secret over HTTP: the new
    auth_code yields a new permanent code, and calls go on with a token from it."""
    from wxkefu_ext.emulator.provider import DEFAULT_CUSTOM_SUITE_ID, DEFAULT_CUSTOM_SUITE_SECRET

    emu, base_url, control = served
    control.ok("/corps", corp_id=CORP)
    control.ok("/corps/accounts", corp_id=CORP)
    provider = Provider(
        SuiteCredential(DEFAULT_CUSTOM_SUITE_ID, DEFAULT_CUSTOM_SUITE_SECRET),
        base_url=base_url, clock=emu.clock.now,
    )  # fmt: skip
    provider.set_suite_ticket(control.ok("/suite_ticket", suite_id=DEFAULT_CUSTOM_SUITE_ID)[
        "suite_ticket"
    ])  # fmt: skip
    grant = {"suite_id": DEFAULT_CUSTOM_SUITE_ID, "corp_id": CORP}
    first = provider.install(control.ok("/authorize", **grant, push=False)["auth_code"])
    assert provider.corp(CORP).account.list().items
    second = provider.install(control.ok("/reset_permanent_code", **grant)["auth_code"])
    assert second.permanent_code != first.permanent_code
    assert provider.corp(CORP).account.list().items  # a new token from the new secret
    assert control.ok("/tick")["pushed"] == 0  # no callback URL: nothing is due
    provider.close()
