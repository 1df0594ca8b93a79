"""Per-call overhead of ``kf.account.list(...)`` (the generated resource API) vs a raw
``httpx.Client.post``.

Both clients call the same local server for ``POST /cgi-bin/kf/account/list`` with the same
JSON body and get the same small JSON reply. The raw baseline does what a user without the
toolkit minimally does: ``client.post(url, params={"access_token": ...}, json=...)`` then
``.json()``. ``kf.account.list(offset=0, limit=100)`` adds what the toolkit promises: the
request model built from keyword arguments, the token from the token store, the auth flow, the
retry transport, the errcode check and the typed reply (attrs models, success fields checked).
Target: ≤ 1.15x. ``KfClient.request`` (the untyped escape hatch) is reported beside it.

Why a server in another process: a server thread in the measuring process would compete
for the GIL with the client and add noise of its own. The server is a minimal asyncio
HTTP/1.1 responder (keep-alive, fixed replies, a few µs per request), so the figure is
dominated by client-side work — the part we control. Rounds are interleaved (raw, ours,
ours, raw, ...) and each round times a batch of calls; the figure is the median per-call
time over rounds, so drift of the shared machine hits both sides alike.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

QUICK = os.environ.get("WXKEFU_BENCH_QUICK") == "1"
ROUNDS = 9 if QUICK else 31
BATCH = 50 if QUICK else 100
WARMUP = 100
TARGET = 1.15

TOKEN = "bench-access-token-" + "x" * 100
CORP_ID = "wwbench0000000000"
CORP_SECRET = "bench-corp-secret"  # a dummy: the local server checks nothing but shape
BODY = {"offset": 0, "limit": 100}
ACCOUNTS = {
    "errcode": 0,
    "errmsg": "ok",
    "account_list": [
        {
            "open_kfid": f"wkBENCH{i:010d}",
            "name": f"客服 {i}",
            "avatar": f"https://wework.qpic.cn/wwhead/bench{i}/0",
            "manage_privilege": True,
        }
        for i in range(3)
    ],
}


# ----------------------------------------------------------------------------- server


def _reply(status: str, payload: dict[str, Any]) -> bytes:
    body = json.dumps(payload, ensure_ascii=False).encode()
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


TOKEN_REPLY = _reply(
    "200 OK", {"errcode": 0, "errmsg": "ok", "access_token": TOKEN, "expires_in": 7200}
)
ACCOUNTS_REPLY = _reply("200 OK", ACCOUNTS)
NO_TOKEN_REPLY = _reply("200 OK", {"errcode": 41001, "errmsg": "access_token missing"})
NOT_FOUND_REPLY = _reply("404 Not Found", {"errcode": 404, "errmsg": "no such path"})


def _paths() -> tuple[bytes, bytes, str]:
    from wxkefu_client._operations import ACCOUNT_LIST, GET_TOKEN

    prefix = "/cgi-bin"
    return (
        (prefix + GET_TOKEN.path).encode(),
        (prefix + ACCOUNT_LIST.path).encode(),
        ACCOUNT_LIST.path,
    )


TOKEN_TARGET, LIST_TARGET, LIST_PATH = _paths()


def route(method: bytes, target: bytes) -> bytes:
    """The reply for one request (fixed bytes: the server must cost next to nothing)."""
    path, _, query = target.partition(b"?")
    if path == TOKEN_TARGET:
        return TOKEN_REPLY
    if path == LIST_TARGET and method == b"POST":
        if b"access_token=" + TOKEN.encode() not in query:
            return NO_TOKEN_REPLY
        return ACCOUNTS_REPLY
    return NOT_FOUND_REPLY


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            method, target, _ = lines[0].split(b" ", 2)
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length:
                await reader.readexactly(length)
            writer.write(route(method, target))
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def _serve() -> None:
    server = await asyncio.start_server(_handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    async with server:
        # Stop when the parent closes our stdin (or dies): never outlive the benchmark.
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, sys.stdin.read)
        os._exit(0)  # open keep-alive connections need no goodbye


class Server:
    """The responder in a child process, on 127.0.0.1 and an ephemeral port."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.strip().isdigit():
            self.close()
            raise RuntimeError(f"bench server did not start (got {line!r})")
        self.base_url = f"http://127.0.0.1:{int(line)}/cgi-bin"

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# ----------------------------------------------------------------------------- timing


def per_call_us(call: Callable[[], object], n: int) -> float:
    t0 = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - t0) / n * 1e6


def interleaved(
    baseline: Callable[[], object], ours: Callable[[], object], rounds: int, batch: int
) -> tuple[float, float]:
    """Median per-call µs of (baseline, ours); order alternates every round (ABBA)."""
    for _ in range(WARMUP):
        baseline()
        ours()
    base: list[float] = []
    mine: list[float] = []
    for i in range(rounds):
        if i % 2 == 0:
            base.append(per_call_us(baseline, batch))
            mine.append(per_call_us(ours, batch))
        else:
            mine.append(per_call_us(ours, batch))
            base.append(per_call_us(baseline, batch))
    return statistics.median(base), statistics.median(mine)


def _row(
    name: str, ours: float | None, base: float | None, target: float | None, note: str
) -> dict[str, Any]:
    ratio = None if ours is None or base is None else ours / base
    return {
        "name": name,
        "value": None if ours is None else round(ours, 1),
        "unit": "µs/call",
        "baseline": None if base is None else round(base, 1),
        "ratio": None if ratio is None else round(ratio, 3),
        "target": None if target is None else f"<= {target}x",
        "ok": None if ratio is None or target is None else ratio <= target,
        "note": note,
    }


def run() -> list[dict[str, Any]]:
    import httpx

    server = Server()
    try:
        url = server.base_url + LIST_PATH
        raw = httpx.Client(timeout=10.0)

        def raw_call() -> object:
            resp = raw.post(url, params={"access_token": TOKEN}, json=BODY)
            resp.raise_for_status()
            data = resp.json()
            if data["errcode"] != 0:
                raise RuntimeError(f"bench server said {data}")
            return data

        raw_call()  # sanity: the server answers the baseline
        name = "client: kf.account.list(...) vs raw httpx.Client.post (POST kf/account/list)"
        how = f"median of {ROUNDS} interleaved rounds × {BATCH} calls, keep-alive, local server"
        try:
            from wxkefu_ext.client import KfClient
        except ImportError as exc:
            base = statistics.median(per_call_us(raw_call, BATCH) for _ in range(ROUNDS))
            return [
                _row(name, None, base, TARGET, f"wxkefu_ext.client.KfClient not available: {exc}")
            ]

        rows = []
        with KfClient(CORP_ID, CORP_SECRET, base_url=server.base_url) as kf:

            def kf_call() -> object:
                return kf.account.list(offset=0, limit=100)

            result = kf.account.list(offset=0, limit=100)  # fetches the token once
            if [a.to_dict() for a in result.items] != ACCOUNTS["account_list"]:
                raise RuntimeError(f"kf.account.list returned {result!r}")
            base, ours = interleaved(raw_call, kf_call, ROUNDS, BATCH)
            rows.append(_row(name, ours, base, TARGET, f"{how}; +{ours - base:.0f} µs per call"))
            rows.extend(_informational(TYPED_NAME, _typed_rows, kf, raw_call))
        rows.extend(_informational(ASYNC_NAME, _async_rows, server.base_url))
        raw.close()
        return rows
    finally:
        server.close()


TYPED_NAME = "client: KfClient.request (untyped escape hatch) vs raw httpx"
ASYNC_NAME = "client: await akf.account.list(...) vs raw httpx.AsyncClient.post"


def _informational(
    name: str, fn: Callable[..., list[dict[str, Any]]], *args: Any
) -> list[dict[str, Any]]:
    """Run an optional figure; a failure becomes a row with the reason, not a crash."""
    try:
        return fn(*args)
    except Exception as exc:
        return [_row(name, None, None, None, f"failed: {type(exc).__name__}: {exc}")]


def _typed_rows(kf: Any, raw_call: Callable[[], object]) -> list[dict[str, Any]]:
    """Informational: the untyped ``KfClient.request`` (a dict back, no models)."""
    name = TYPED_NAME

    def dict_call() -> object:
        return kf.request("POST", LIST_PATH, json=BODY)

    if not isinstance(dict_call(), dict):
        return [_row(name, None, None, None, "KfClient.request did not return a dict")]
    base, ours = interleaved(raw_call, dict_call, ROUNDS, BATCH)
    return [_row(name, ours, base, None, "no models; informational")]


def _async_rows(base_url: str) -> list[dict[str, Any]]:
    """Informational: AsyncKfClient.request vs httpx.AsyncClient.post on one event loop."""
    import httpx

    name = ASYNC_NAME
    try:
        from wxkefu_ext.client import AsyncKfClient
    except ImportError as exc:
        return [_row(name, None, None, None, f"AsyncKfClient not available: {exc}")]

    async def main() -> tuple[float, float]:
        url = base_url + LIST_PATH
        async with (
            httpx.AsyncClient(timeout=10.0) as raw,
            AsyncKfClient(CORP_ID, CORP_SECRET, base_url=base_url) as kf,
        ):

            async def raw_batch(n: int) -> float:
                t0 = time.perf_counter()
                for _ in range(n):
                    resp = await raw.post(url, params={"access_token": TOKEN}, json=BODY)
                    resp.json()
                return (time.perf_counter() - t0) / n * 1e6

            async def kf_batch(n: int) -> float:
                t0 = time.perf_counter()
                for _ in range(n):
                    await kf.account.list(offset=0, limit=100)
                return (time.perf_counter() - t0) / n * 1e6

            await raw_batch(WARMUP)
            await kf_batch(WARMUP)
            base: list[float] = []
            mine: list[float] = []
            for i in range(ROUNDS):
                pair = (raw_batch, kf_batch) if i % 2 == 0 else (kf_batch, raw_batch)
                for fn in pair:
                    (base if fn is raw_batch else mine).append(await fn(BATCH))
            return statistics.median(base), statistics.median(mine)

    base, ours = asyncio.run(main())
    return [_row(name, ours, base, None, f"+{ours - base:.0f} µs per call; informational")]


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        asyncio.run(_serve())
    else:
        for r in run():
            print(r)
