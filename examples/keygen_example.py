"""Generate the callback Token and EncodingAESKey (mirrors examples/keygen_example.rs).

Offline: paste both values into 微信客服 → API → 回调配置 and into your secret store
(the CLI equivalent is ``wxkefu keygen``).
"""

from __future__ import annotations

import base64

from wxkefu_ext import keygen


def main() -> None:
    token = keygen.generate_token()
    key = keygen.generate_encoding_aes_key()
    assert keygen.verify_token(token)
    assert keygen.verify_encoding_aes_key(key, strict=True)
    print(f"TOKEN={token}")
    print(f"ENCODING_AES_KEY={key}")
    print(f"key decodes to {len(base64.b64decode(key + '='))} bytes (AES-256)")
    # A typical copy-paste mistake, explained without echoing the key:
    print("check of a pasted key with '=':", keygen.explain_encoding_aes_key_problem(key + "="))


if __name__ == "__main__":
    main()
