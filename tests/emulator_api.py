"""``Api``: a thin JSON caller over an emulator's in-process transport, independent of KfClient
(the ``api`` fixture in conftest.py), for tests that check what the server answers to exactly
the request they write."""

from __future__ import annotations

from typing import Any

import httpx

from wxkefu_ext.emulator import Emulator


class Api:
    """A thin JSON caller over the in-process transport (independent of KfClient)."""

    def __init__(self, emu: Emulator) -> None:
        self.emu = emu
        self.http = httpx.Client(base_url=emu.base_url, transport=emu.transport())
        self.token = emu.issue_token()

    def post(self, path: str, body: Any = None, **params: str) -> dict[str, Any]:
        r = self.http.post(path, params={"access_token": self.token, **params}, json=body)
        assert r.status_code == 200, r.text
        return dict(r.json())

    def get(self, path: str, **params: str) -> httpx.Response:
        return self.http.get(path, params={"access_token": self.token, **params})

    def upload(self, kind: str, data: bytes, name: str = "f.bin") -> str:
        r = self.http.post(
            "/media/upload",
            params={"access_token": self.token, "type": kind},
            files={"media": (name, data, "application/octet-stream")},
        )
        body = r.json()
        assert body["errcode"] == 0, body
        return str(body["media_id"])
