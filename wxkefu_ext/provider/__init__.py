"""Service providers (服务商): third-party apps and 代开发 apps serving many corps.

Quick use::

    from wxkefu_ext.provider import Provider, SuiteCredential
    from wxkefu_ext.provider.stores import RedisPermanentCodeStore
    from wxkefu_ext.tokens import RedisTokenStore

    provider = Provider(
        SuiteCredential(suite_id, suite_secret),          # "dk..." ids are 代开发 templates
        token_store=RedisTokenStore(redis_url),           # suite_ticket + every token, shared
        codes=RedisPermanentCodeStore(redis_url),         # or your database (PermanentCodeStore)
    )
    app = instruction_app(provider, CallbackCrypto(token, aes_key, suite_id))   # 指令回调 URL
    kf = provider.corp("wwcorp...")                       # a KfClient for that corp
    kf.account.list()
    provider.service.get_pre_auth_code()                  # the service/* resource API

See :mod:`.client` (tokens, pool sharing, cancellation), :mod:`.stores` (permanent codes) and
:mod:`.callback` (instruction and per-corp data callbacks), :mod:`.flows` (how sync and async
share one implementation).
"""

from __future__ import annotations

from wxkefu_ext.provider.client import (
    SUITE_TICKET_SECONDS,
    AsyncProvider,
    Provider,
    ProviderOptions,
)
from wxkefu_ext.provider.credentials import ProviderCredential, SuiteCredential, SuiteKind
from wxkefu_ext.provider.stores import (
    AsyncPermanentCodeStore,
    AsyncRedisPermanentCodeStore,
    Authorization,
    MemoryPermanentCodeStore,
    PermanentCodeStore,
    RedisPermanentCodeStore,
)

__all__ = [
    "SUITE_TICKET_SECONDS",
    "AsyncPermanentCodeStore",
    "AsyncProvider",
    "AsyncRedisPermanentCodeStore",
    "Authorization",
    "MemoryPermanentCodeStore",
    "PermanentCodeStore",
    "Provider",
    "ProviderCredential",
    "ProviderOptions",
    "RedisPermanentCodeStore",
    "SuiteCredential",
    "SuiteKind",
]
