"""A client library for accessing WeCom 微信客服 (Kf) server API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
