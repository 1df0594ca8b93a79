"""``python -m wxkefu_ext.emulator --host 127.0.0.1 --port 0``: serve until Ctrl-C.

Prints the base URL (first line, alone, so scripts can read it), then the demo credentials.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading

from wxkefu_ext.emulator.core import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m wxkefu_ext.emulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765, help="0 = any free port")
    parser.add_argument(
        "--corp-id", default=os.environ.get("WXKF_EMULATOR_CORP_ID", DEFAULT_CORP_ID)
    )
    parser.add_argument(
        "--corp-secret",
        default=os.environ.get("WXKF_EMULATOR_CORP_SECRET", DEFAULT_CORP_SECRET),
        help="accepted secret (default: the documented demo secret; env WXKF_EMULATOR_CORP_SECRET)",
    )
    parser.add_argument("--callback-url", default=None)
    parser.add_argument("--callback-token", default=os.environ.get("WXKF_CALLBACK_TOKEN"))
    parser.add_argument("--callback-aes-key", default=os.environ.get("WXKF_ENCODING_AES_KEY"))
    parser.add_argument("--token-ttl", type=int, default=7200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.callback_url and not (args.callback_token and args.callback_aes_key):
        parser.error("--callback-url needs --callback-token and --callback-aes-key")
    try:
        emu = Emulator(
            credentials={args.corp_id: args.corp_secret},
            callback_url=args.callback_url,
            callback_token=args.callback_token,
            callback_aes_key=args.callback_aes_key,
            token_ttl=args.token_ttl,
            seed=args.seed,
        )
    except ValueError as exc:  # KfValidationError: the reason, never the secret itself
        parser.error(str(exc))
    with emu.serve(args.host, args.port) as base_url:
        print(base_url, flush=True)
        print(f"corp id: {emu.corp_id}", file=sys.stderr)
        if args.corp_secret == DEFAULT_CORP_SECRET:
            print(f"corp secret (emulator demo value): {DEFAULT_CORP_SECRET}", file=sys.stderr)
        print(
            "control API: " + base_url.removesuffix("/cgi-bin") + "/_emulator/...; Ctrl-C to stop",
            file=sys.stderr,
        )
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
