"""Cursor stores: same behaviour for memory, file and Redis (sync + async)."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wxkefu_ext.cursors import (
    ANY,
    AsyncCursorStore,
    AsyncRedisCursorStore,
    CursorConflictError,
    CursorStore,
    FileCursorStore,
    MemoryCursorStore,
    RedisCursorStore,
)
from wxkefu_ext.errors import KfError, KfValidationError


@pytest.fixture(params=["memory", "file", "redis"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CursorStore]:
    if request.param == "memory":
        yield MemoryCursorStore()
    elif request.param == "file":
        yield FileCursorStore(tmp_path / "sub" / "cursors.json")
    else:
        import redis

        prefix = request.getfixturevalue("redis_prefix")
        r = redis.Redis.from_url(request.getfixturevalue("redis_url"))
        yield RedisCursorStore(r, prefix=prefix + "cursor:")
        r.close()


def test_protocol(store: CursorStore) -> None:
    assert isinstance(store, CursorStore)


def test_get_commit_roundtrip(store: CursorStore) -> None:
    assert store.get("kf1") is None
    store.commit("kf1", "c1")
    store.commit("kf2", "x")
    assert store.get("kf1") == "c1"
    store.commit("kf1", "c2")
    assert store.get("kf1") == "c2"
    assert store.get("kf2") == "x"


def test_compare_and_set(store: CursorStore) -> None:
    store.commit("kf", "c1", expected=None)  # nothing stored yet: OK
    with pytest.raises(CursorConflictError) as ei:
        store.commit("kf", "c9", expected=None)  # a cursor exists now
    assert ei.value.open_kfid == "kf"
    store.commit("kf", "c2", expected="c1")
    # a stale worker that started from c1 cannot move the cursor back / clobber c2
    with pytest.raises(CursorConflictError):
        store.commit("kf", "c1b", expected="c1")
    assert store.get("kf") == "c2"
    store.commit("kf", "c3", expected=ANY)
    assert store.get("kf") == "c3"


@pytest.mark.parametrize("bad", ["", "x" * 65])
def test_bad_cursor_rejected(store: CursorStore, bad: str) -> None:
    with pytest.raises(KfValidationError) as ei:
        store.commit("kf", bad)
    assert ei.value.field == "cursor"
    assert store.get("kf") is None


def test_bad_key_rejected(store: CursorStore) -> None:
    with pytest.raises(KfValidationError, match="open_kfid"):
        store.get("")


def test_conflict_error_pickles() -> None:
    err = pickle.loads(pickle.dumps(CursorConflictError("kf")))
    assert isinstance(err, CursorConflictError) and err.open_kfid == "kf"
    assert pickle.loads(pickle.dumps(ANY)) is ANY


def test_file_store_is_atomic_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.json"
    s = FileCursorStore(path)
    s.commit("kf", "c1")
    assert json.loads(path.read_text()) == {"kf": "c1"}

    def boom(*a: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        s.commit("kf", "c2")
    monkeypatch.undo()
    # old content intact, no temp files left behind
    assert json.loads(path.read_text()) == {"kf": "c1"}
    assert [p.name for p in tmp_path.iterdir()] == ["c.json"]
    # a second store on the same file sees the data (persisted, not cached)
    assert FileCursorStore(path).get("kf") == "c1"


def test_file_store_corrupt_file(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text("{not json")
    with pytest.raises(KfError, match="not valid JSON"):
        FileCursorStore(path).get("kf")
    path.write_text('{"kf": 1}')
    with pytest.raises(KfError, match="object of strings"):
        FileCursorStore(path).get("kf")


def test_redis_ttl_and_prefix(redis_url: str, redis_prefix: str) -> None:
    import redis

    r = redis.Redis.from_url(redis_url)
    s = RedisCursorStore(r, prefix=redis_prefix, ttl=100)
    s.commit("kf", "c1")
    assert r.get(redis_prefix + "kf") == b"c1"
    assert 0 < r.pttl(redis_prefix + "kf") <= 100_000
    r.close()


@pytest.mark.anyio
async def test_async_redis_store(redis_url: str, redis_prefix: str) -> None:
    import redis.asyncio as aredis

    r = aredis.Redis.from_url(redis_url)
    s = AsyncRedisCursorStore(r, prefix=redis_prefix)
    assert isinstance(s, AsyncCursorStore)
    assert await s.get("kf") is None
    await s.commit("kf", "c1", expected=None)
    with pytest.raises(CursorConflictError):
        await s.commit("kf", "c2", expected="zzz")
    assert await s.get("kf") == "c1"
    await r.aclose()


@pytest.mark.anyio
async def test_async_adapters(tmp_path: Path) -> None:
    for sync in (MemoryCursorStore(), FileCursorStore(tmp_path / "a.json")):
        s = sync.as_async()
        await s.commit("kf", "c1")
        assert await s.get("kf") == "c1"
        assert sync.get("kf") == "c1"
