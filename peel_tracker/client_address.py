"""The address a request came from, for sign-in throttling (django-axes).

Behind reverse proxies the TCP peer (REMOTE_ADDR) is the nearest proxy, so every client would
share one address and anyone could lock any account out. Each proxy appends the address it was
connected from to X-Forwarded-For, so with N trusted proxies in front of the application the
client is the N-th entry from the right: anything further left was sent by the client itself and
may be forged. With no trusted proxies the header is ignored altogether."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if len(forwarded) < proxies:
        return remote  # it did not come through every trusted proxy: trust nothing it says
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
