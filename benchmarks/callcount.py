"""Client-side instructions per call, for a loaded machine (see README, "count instructions").

Run under callgrind twice per side with different call counts and subtract, so start-up,
imports and the warm-up cancel out::

    for n in 100 300; do
      valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/callcount.py kf $n
    done   # per call = (total(300) - total(100)) / 200; the same with "raw"

The server is ``bench_client``'s, in a separate process (callgrind does not follow children),
so only the client's work is counted: ``kf.account.list`` or the raw ``httpx.Client.post``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import bench_client as bc
import httpx

from wxkefu_ext.client import KfClient


def main(which: str, n: int) -> None:
    server = bc.Server()
    try:
        raw = httpx.Client(timeout=10.0)
        kf = KfClient(bc.CORP_ID, bc.CORP_SECRET, base_url=server.base_url)
        url = server.base_url + bc.LIST_PATH

        def raw_call() -> object:
            resp = raw.post(url, params={"access_token": bc.TOKEN}, json=bc.BODY)
            resp.raise_for_status()
            data = resp.json()
            if data["errcode"] != 0:
                raise RuntimeError(f"bench server said {data}")
            return data

        def kf_call() -> object:
            return kf.account.list(offset=0, limit=100)

        raw_call()
        kf_call()  # the token, the pool, the lazy imports
        call = raw_call if which == "raw" else kf_call
        for _ in range(n):
            call()
        kf.close()
        raw.close()
    finally:
        server.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
