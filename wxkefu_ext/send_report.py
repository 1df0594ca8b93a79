"""What a failed send may have done: msgid, ``maybe_delivered`` and the attempt history.

Why: a send that raises is not necessarily undelivered. Under faults an earlier attempt can
land while a later one fails (a 504 from a gateway after the backend acted, a reply lost on the
way back), and the exception used to carry only the last status — callers re-sent *without*
the msgid and duplicated the message. :func:`reports_send_failures` wraps the send helpers of
:mod:`wxkefu_ext.messages`: it fixes the msgid before the first attempt, records every attempt
the retry layer makes (:func:`wxkefu_ext.retry.recording_attempts`), and sets on the raised
:class:`~wxkefu_ext.errors.KfError` (same class as before, so existing ``except`` clauses keep
working):

* ``exc.msgid`` — the msgid every attempt carried;
* ``exc.maybe_delivered`` — True when any attempt could have reached the server;
* ``exc.send_attempts`` — the :class:`~wxkefu_ext.retry.SendAttempt` history, in order
  (``KfTransportError.attempts`` keeps its meaning: how many attempts the retry layer made).

The documented recovery is to send again **with the same msgid**: the server rejects a msgid it
has accepted (errcode 40058 naming a duplicated msgid), which the helpers report as success —
so a re-send never duplicates.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from wxkefu_ext.errors import KfApiError, KfError, KfValidationError
from wxkefu_ext.retry import SendAttempt, recording_attempts

__all__ = ["maybe_delivered", "reports_send_failures"]

F = TypeVar("F", bound=Callable[..., Any])


def maybe_delivered(exc: KfError, attempts: Sequence[SendAttempt]) -> bool:
    """Could the message have reached the customer although ``exc`` was raised?"""
    if attempts:
        return any(a.may_have_reached for a in attempts)
    # no retry layer underneath (a custom client): only a definite errcode answer is "no"
    return not isinstance(exc, KfApiError)


def _annotate(exc: KfError, msgid: str, attempts: list[SendAttempt]) -> None:
    maybe = maybe_delivered(exc, attempts)
    exc.msgid = msgid  # type: ignore[attr-defined]
    exc.maybe_delivered = maybe  # type: ignore[attr-defined]
    exc.send_attempts = tuple(attempts)  # type: ignore[attr-defined]
    history = ", ".join(
        f"#{a.number} {a.outcome}"
        + (f" HTTP {a.status}" if a.status is not None else "")
        + (f" errcode {a.errcode}" if a.errcode is not None else "")
        for a in attempts
    )
    exc.add_note(
        f"send msgid={msgid}: {'MAY HAVE BEEN DELIVERED' if maybe else 'not delivered'}"
        f"{'; attempts: ' + history if history else ''}. Re-send with msgid={msgid!r} "
        "(never duplicates)."
    )


def reports_send_failures(new_msgid: Callable[[], str]) -> Callable[[F], F]:
    """Decorator factory for a send helper ``fn(..., *, msgid=None)`` (sync or async);
    ``new_msgid`` makes the msgid when the caller gave none (see module doc)."""

    def decorate(fn: F) -> F:
        if inspect.iscoroutinefunction(fn):

            @functools.wraps(fn)
            async def async_wrapper(*args: Any, msgid: str | None = None, **kwargs: Any) -> Any:
                chosen = new_msgid() if msgid is None else msgid
                with recording_attempts() as attempts:
                    try:
                        return await fn(*args, msgid=chosen, **kwargs)
                    except KfValidationError:
                        raise  # caught before anything was sent
                    except KfError as exc:
                        _annotate(exc, str(chosen), attempts)
                        raise

            return cast(F, async_wrapper)

        @functools.wraps(fn)
        def wrapper(*args: Any, msgid: str | None = None, **kwargs: Any) -> Any:
            chosen = new_msgid() if msgid is None else msgid
            with recording_attempts() as attempts:
                try:
                    return fn(*args, msgid=chosen, **kwargs)
                except KfValidationError:
                    raise
                except KfError as exc:
                    _annotate(exc, str(chosen), attempts)
                    raise

        return cast(F, wrapper)

    return decorate
