"""pytest fixtures for testing your own Kf bot against the local emulator (no WeCom corp).

Enable them in ``conftest.py``::

    pytest_plugins = ["wxkefu_ext.testing"]

then::

    def test_bot_replies(kf_emulator, kf_client):
        kfid = kf_emulator.create_account("客服")
        user, _ = kf_emulator.customer_enter_session(kfid)
        kf_emulator.customer_send(kfid, user, "你好")
        my_bot.handle_pending(kf_client, kfid)          # your code, unchanged
        assert kf_emulator.delivered(kfid, touser=user)

``kf_emulator`` is a fresh in-process :class:`~wxkefu_ext.emulator.Emulator` per test;
``kf_client`` / ``async_kf_client`` are ``KfClient`` / ``AsyncKfClient`` wired to it through
in-process transports (no socket); ``kf_emulator_url`` serves it over real HTTP for code that
builds its own client from a URL (other processes, ``KfClient.from_env()``) and sets
``WXKF_BASE_URL`` / ``WXKF_CORP_ID`` / ``WXKF_APP_SECRET`` for the test.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from wxkefu_ext.emulator import Emulator

__all__ = ["async_kf_client", "kf_client", "kf_emulator", "kf_emulator_url"]


@pytest.fixture
def kf_emulator() -> Iterator[Emulator]:
    """A fresh emulator with the documented demo credentials (seed 0: reproducible ids)."""
    from wxkefu_ext.emulator import Emulator

    emu = Emulator(seed=0)
    try:
        yield emu
    finally:
        emu.close()


@pytest.fixture
def kf_emulator_url(kf_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """``kf_emulator`` served on 127.0.0.1 (a free port); the ``.../cgi-bin`` base URL.

    For the test's duration ``WXKF_BASE_URL``, ``WXKF_CORP_ID`` and ``WXKF_APP_SECRET`` point
    at it (monkeypatched, restored afterwards), so code that calls ``KfClient.from_env()`` or
    runs the ``wxkefu`` CLI in a subprocess talks to the emulator unchanged."""
    with kf_emulator.serve("127.0.0.1", 0) as base_url:
        monkeypatch.setenv("WXKF_BASE_URL", base_url)
        monkeypatch.setenv("WXKF_CORP_ID", kf_emulator.corp_id)
        monkeypatch.setenv("WXKF_APP_SECRET", kf_emulator.corp_secret)
        yield base_url


@pytest.fixture
def kf_client(kf_emulator: Emulator) -> Iterator[Any]:
    """A ``wxkefu_ext.client.KfClient`` talking to ``kf_emulator`` in-process."""
    from wxkefu_ext.client import KfClient

    client = _client_of(kf_emulator, KfClient, kf_emulator.transport())
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
async def async_kf_client(kf_emulator: Emulator) -> AsyncIterator[Any]:
    """An ``AsyncKfClient`` talking to ``kf_emulator`` in-process (needs an async test runner,
    e.g. ``@pytest.mark.anyio``)."""
    from wxkefu_ext.client import AsyncKfClient

    client = _client_of(kf_emulator, AsyncKfClient, kf_emulator.async_transport())
    try:
        yield client
    finally:
        closer = getattr(client, "aclose", None) or client.close
        await closer()


def _client_of(emu: Emulator, client_class: Any, transport: Any) -> Any:
    """A client of ``client_class`` holding ``emu``'s credentials and talking over ``transport``."""
    return client_class(emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=transport)
