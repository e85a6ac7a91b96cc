"""Who may read, and what every response tells the browser.

Reading is open by default (a server bound to 127.0.0.1 is one person's). For a shared
server, `sholu serve --auth …` or $SHOLU_AUTH closes everything, the dashboard, the API,
/docs and /openapi.json, behind one of:

    token:SECRET          Authorization: Bearer SECRET (browsers: any user name, SECRET as password)
    basic:USER:PASSWORD   HTTP basic authentication, as browsers ask for it

The write token ($SHOLU_API_TOKEN) also lets its holder read. Secrets are compared in
constant time. Every response carries a Content-Security-Policy (scripts only from the
server itself), X-Frame-Options, X-Content-Type-Options and Referrer-Policy headers.
"""
from __future__ import annotations

import base64
import binascii
import hmac
import os
from dataclasses import dataclass

AUTH_VARIABLE = "SHOLU_AUTH"
# the person page's theme picker submits its form from an inline handler: allowed by hash
FORM_SUBMIT_HASH = "'sha256-osjxnKEPL/pQJbFk1dKsF7PYFmTyMWGmVSiL9inhxJY='"
POLICY = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
          f"script-src 'self' 'unsafe-hashes' {FORM_SUBMIT_HASH}; object-src 'none'; "
          "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# FastAPI's /docs and /redoc pages load their scripts from a CDN and start them inline
DOCS_POLICY = ("default-src 'self'; img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
               "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
               "font-src 'self' https://fonts.gstatic.com; worker-src 'self' blob:; "
               "script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; object-src 'none'; "
               "base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
           (b"referrer-policy", b"no-referrer")]


class AuthError(ValueError):
    """An --auth value that is neither token:SECRET nor basic:USER:PASSWORD."""


@dataclass(frozen=True)
class ReadAuth:
    secret: str
    user: str | None = None       # None: a token (any user name in basic form)

    @classmethod
    def parse(cls, value: str | None) -> ReadAuth | None:
        value = value if value is not None else os.environ.get(AUTH_VARIABLE)
        if not value:
            return None
        kind, _, rest = value.partition(":")
        if kind == "token" and rest:
            return cls(rest)
        user, _, password = rest.partition(":")
        if kind == "basic" and user and password:
            return cls(password, user)
        raise AuthError("--auth takes token:SECRET or basic:USER:PASSWORD")

    def allows(self, header: str | None, write_token: str | None) -> bool:
        scheme, _, credentials = (header or "").partition(" ")
        if scheme.lower() == "bearer":
            return (same(credentials, self.secret) and self.user is None) or \
                   (write_token is not None and same(credentials, write_token))
        if scheme.lower() == "basic":
            user, password = basic_credentials(credentials)
            return same(password, self.secret) and (self.user is None or same(user, self.user))
        return False


def same(given: str, secret: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8", "replace"), secret.encode("utf-8"))


def basic_credentials(encoded: str) -> tuple[str, str]:
    try:
        user, _, password = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    return user, password


class Guard:
    """ASGI middleware: the read check (when an auth is set) and the headers."""

    def __init__(self, app, auth: ReadAuth | None = None, write_token: str | None = None):
        self.app, self.auth, self.write_token = app, auth, write_token

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = DOCS_POLICY if scope["path"].startswith(DOCS_PATHS) else POLICY

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS,
                                      (b"content-security-policy", policy.encode())]
            await send(message)

        if self.auth and not self.auth.allows(header_of(scope, b"authorization"), self.write_token):
            return await refuse(send_with_headers)
        return await self.app(scope, receive, send_with_headers)


def header_of(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


async def refuse(send) -> None:
    body = b'{"detail":"authentication required"}'
    await send({"type": "http.response.start", "status": 401, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", b'Basic realm="Sholu", charset="UTF-8"')]})
    await send({"type": "http.response.body", "body": body})
