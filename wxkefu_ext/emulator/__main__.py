"""``python -m wxkefu_ext.emulator --host 127.0.0.1 --port 0``: serve until Ctrl-C.

Prints the base URL (first line, alone, so scripts can read it), then on stderr the same
banner as ``wxkefu emulator`` (export lines, console URL); see :mod:`.launcher`.
``--bot examples/bot.py`` runs that script as the callback receiver (``make console``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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
    parser.add_argument(
        "--bot",
        type=Path,
        default=None,
        help="a callback server script to run against the emulator (e.g. examples/bot.py)",
    )
    args = parser.parse_args(argv)
    if args.callback_url and not (args.callback_token and args.callback_aes_key):
        parser.error("--callback-url needs --callback-token and --callback-aes-key")
    if args.callback_url and args.bot:
        parser.error("--callback-url and --bot both set where callbacks go; give one")
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
    from wxkefu_ext.emulator.launcher import run

    return run(emu, args.host, args.port, bot=args.bot)


if __name__ == "__main__":
    sys.exit(main())
