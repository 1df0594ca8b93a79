"""Shared fixtures: test profile, the real Redis server, private Redis servers to break, an
emulator with a client, anyio backend."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from redis_proc import PrivateRedis, private_redis

if TYPE_CHECKING:
    from emulator_api import Api

    from wxkefu_ext.client import KfClient
    from wxkefu_ext.emulator import Emulator

#: "quick" (default, `make test`) or "full" (`.ci/run`). Suites that fuzz or load
#: read their case counts from here, so both profiles are bounded by count.
PROFILE = os.environ.get("WXKEFU_PROFILE", "quick")
FULL = PROFILE == "full"
REDIS_URL = os.environ.get("WXKEFU_REDIS_URL", "redis://127.0.0.1:6379/0")

TESTS = Path(__file__).resolve().parent
#: One folder per kind of test (tests/README.md); each folder's name is also its marker, so
#: ``pytest -m unit`` or ``-m "not processes"`` selects by kind.
KINDS = ("unit", "emulator", "redis", "processes", "contract", "docs")


def scaled(quick: int, full: int) -> int:
    """Pick a case count for the active profile."""
    return full if FULL else quick


def _redis_available() -> str | None:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception as exc:  # any failure means "not usable here"
        return f"{type(exc).__name__}: {exc}"
    return None


_REDIS_PROBLEM = _redis_available()


def require_redis() -> None:
    """Skip (or fail when WXKEFU_REQUIRE_REDIS=1) if Redis is not reachable."""
    if _REDIS_PROBLEM is None:
        return
    msg = f"Redis at {REDIS_URL} is not reachable ({_REDIS_PROBLEM})"
    if os.environ.get("WXKEFU_REQUIRE_REDIS") == "1":
        pytest.fail(msg + " but WXKEFU_REQUIRE_REDIS=1", pytrace=False)
    pytest.skip(msg)


@pytest.fixture
def redis_url() -> str:
    require_redis()
    return REDIS_URL


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    """A unique key prefix; every key under it is deleted after the test."""
    import redis

    prefix = f"wxkefu-test:{uuid.uuid4().hex}:"
    yield prefix
    r = redis.Redis.from_url(redis_url)
    for key in r.scan_iter(match=prefix + "*", count=1000):
        r.delete(key)
    r.close()


@pytest.fixture
def volatile_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    """A private Redis without persistence."""
    yield from private_redis(tmp_path, persistent=False)


@pytest.fixture
def durable_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    """A private Redis with AOF (appendfsync always)."""
    yield from private_redis(tmp_path, persistent=True)


@pytest.fixture
def emu() -> Iterator[Emulator]:
    """An in-process emulator (seed 0)."""
    from wxkefu_ext.emulator import Emulator

    e = Emulator(seed=0)
    yield e
    e.close()


@pytest.fixture
def api(emu: Emulator) -> Iterator[Api]:
    """A raw JSON caller (``emulator_api.Api``) over ``emu``'s transport."""
    from emulator_api import Api

    a = Api(emu)
    yield a
    a.http.close()


@pytest.fixture
def emu_kf() -> Iterator[tuple[Emulator, KfClient]]:
    """An in-process emulator (seed 0) and a KfClient talking to it."""
    from wxkefu_ext.client import KfClient
    from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator

    emu = Emulator(seed=0)
    kf = KfClient(
        DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, base_url=emu.base_url, transport=emu.transport()
    )
    yield emu, kf
    kf.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its folder's kind, and skip ``slow`` ones in the quick profile.

    ``@pytest.mark.slow`` tests (multi-process load, fresh virtualenvs) run in the full
    profile only (``WXKEFU_PROFILE=full``, what ``.ci/run`` sets); the quick profile reports
    them as skipped with the reason, so they are never silently lost. A test file outside the
    kind folders is a usage error: it would have no kind, and a newcomer could not find it.
    """
    skip = pytest.mark.skip(reason="slow: runs in the full profile (WXKEFU_PROFILE=full)")
    for item in items:
        try:
            parts = item.path.resolve().relative_to(TESTS).parts
        except ValueError:  # not ours (e.g. a pytester run of a user's project)
            continue
        if len(parts) < 2 or parts[0] not in KINDS:
            raise pytest.UsageError(
                f"{item.nodeid}: put test files in one of tests/{{{','.join(KINDS)}}}/ "
                "(tests/README.md says which)"
            )
        item.add_marker(parts[0])
        if not FULL and item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
