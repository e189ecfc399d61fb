"""Who may talk to the endpoint: requests for the names it is bound to, from its own pages
or from origins the user allows.

A page on another site can make the user's browser send requests to a server on the
user's machine, two ways: a cross-site request (a form POST, a fetch) and DNS rebinding
(the other site's name made to point at 127.0.0.1, so the browser sends that name as
``Host``). The first carries an ``Origin`` (or ``Sec-Fetch-Site: cross-site``) that is not
the endpoint's own; the second a ``Host`` that is not one of the endpoint's names. Both are
refused with 403 before anything runs. Origins the user names (``--allow-origin``) get CORS
headers, so a web application there can query the endpoint.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

__all__ = ["Guard", "host_names"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_WILDCARD = frozenset({"0.0.0.0", "::", ""})


def host_names(bound: str, extra: tuple[str, ...] = ()) -> frozenset[str]:
    """The names a request's ``Host`` may give for a server bound to ``bound``.

    >>> sorted(host_names("127.0.0.1"))
    ['127.0.0.1', '::1', 'localhost']
    """
    names = {bound.lower().strip("[]"), *(name.lower() for name in extra)}
    if names & _LOOPBACK:
        names |= _LOOPBACK
    if bound in _WILDCARD:
        names |= _LOOPBACK | {socket.gethostname().lower()}
    return frozenset(names)


def _host_of(value: str) -> str:
    """The name of a ``Host`` header or an origin's authority, without its port.

    >>> _host_of("[::1]:7878"), _host_of("Localhost:7878"), _host_of("example.org")
    ('::1', 'localhost', 'example.org')
    """
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Guard:
    """ASGI middleware refusing requests for other names and from other origins."""

    app: App
    names: frozenset[str]
    any_address: bool = False  # bound to every interface: any IP literal is one of its names
    origins: frozenset[str] = frozenset()  # origins allowed besides the endpoint's own

    def refusal(self, headers: dict[str, str]) -> str | None:
        """Why a request with these headers is refused, or None."""
        host = headers.get("host", "")
        name = _host_of(host)
        if name not in self.names and not (self.any_address and _is_ip(name)):
            return f"Host {host!r} is not a name of this endpoint"
        origin = headers.get("origin")
        if origin is not None:
            if origin.rstrip("/") in self.origins:
                return None
            parts = urlsplit(origin)
            if origin == "null" or parts.netloc.lower() != host.lower():
                return f"requests from {origin!r} are refused; allow it with --allow-origin"
        elif headers.get("sec-fetch-site") == "cross-site":
            return "cross-site requests are refused; allow the site with --allow-origin"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        why = self.refusal(headers)
        if why is not None:
            await _answer(send, 403, {"error": "request refused", "detail": why})
            return
        origin = headers.get("origin", "").rstrip("/")
        if origin not in self.origins:
            await self.app(scope, receive, send)
            return
        cors = [
            (b"access-control-allow-origin", origin.encode("latin-1")),
            (b"vary", b"Origin"),
        ]
        if scope["method"] == "OPTIONS":  # a preflight
            await _answer(
                send,
                204,
                None,
                [
                    *cors,
                    (b"access-control-allow-methods", b"GET, POST"),
                    (b"access-control-allow-headers", b"Content-Type, Accept"),
                    (b"access-control-max-age", b"600"),
                ],
            )
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *cors]
            await send(message)

        await self.app(scope, receive, send_with_cors)


async def _answer(
    send: Send, status: int, body: dict[str, str] | None, headers: list[Any] | None = None
) -> None:
    data = json.dumps(body).encode() if body is not None else b""
    head = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": head + (headers or [])})
    await send({"type": "http.response.body", "body": data})
