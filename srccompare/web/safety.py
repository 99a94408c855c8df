"""Which addresses a fetch may contact. The rule (docs/ingest.md, "Which addresses are contacted"):

1. Only http and https, at every step: a URL or redirect to any other scheme (file:, ftp:, data:...)
   is refused, and so is a URL without a host.
2. A URL the user named (argument, -i file, --feed) is fetched wherever it points: naming it is the
   permission. Its origin (scheme, host, port) is "named" from then on.
3. A redirect is followed when its target is on the origin it came from (host compared without case
   and without a leading "www."; the same port, except that http on port 80 may move to https on
   443), or on an origin the user named. Any other redirect is refused: another host, another port.
4. --allow-other-hosts follows redirects to other hosts too, but only to hosts whose every address is
   public; a loopback, private, link-local or reserved address also needs --allow-private.
5. A feed's items are links the user asked for by naming the feed: an item on another host is
   fetched like a redirect under rule 4 (public addresses only, unless --allow-private).

The address check resolves the host name before the request; the request resolves it again, so a
DNS server that answers differently the second time is not caught (DNS rebinding is out of scope).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, str, int]  # scheme, host (lower case), port


class Refused(Exception):
    """A URL that must not be requested; the message says why in a few words."""


def origin(url: str) -> Origin:
    """(scheme, host, port) of an http(s) URL; Refused for any other URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise Refused(f"not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise Refused("not a URL (it needs http:// or https:// in front)")
    if scheme not in SCHEMES:
        raise Refused(f"only http and https URLs are fetched, not {scheme} URL")
    host = (parts.hostname or "").lower()
    if not host:
        raise Refused("URL without a host")
    return scheme, host, port or _DEFAULT_PORTS[scheme]


def _site(host: str) -> str:
    return host[4:] if host.startswith("www.") else host


def same_site(a: Origin, b: Origin) -> bool:
    if _site(a[1]) != _site(b[1]):
        return False
    if a[0] == b[0]:
        return a[2] == b[2]
    # http://host/ -> https://host/ is the usual upgrade, and the only change of port allowed.
    return a == (a[0], a[1], 80) and a[0] == "http" and b[0] == "https" and b[2] == 443


def is_public(host: str, port: int) -> bool:
    """True when every address the host has is a global unicast one."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    except (OSError, UnicodeError):
        return True  # it does not resolve: the request fails on its own and says so
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            return False
    return bool(addresses)


def check_redirect(source: str, target: str, named: set[Origin], allow_other_hosts: bool, allow_private: bool) -> None:
    """Refused unless the redirect from ``source`` to ``target`` is allowed by rules 1, 3 and 4."""
    to = origin(target)
    if same_site(origin(source), to) or to in named:
        return
    if not allow_other_hosts:
        raise Refused(f"redirect to another host or port refused ({_show(to)}); --allow-other-hosts follows it")
    _check_public(to, allow_private)


def check_link(feed: str, target: str, named: set[Origin], allow_private: bool) -> None:
    """Refused unless a feed item's link may be fetched (rules 1 and 5)."""
    to = origin(target)
    if same_site(origin(feed), to) or to in named:
        return
    _check_public(to, allow_private)


def _check_public(to: Origin, allow_private: bool) -> None:
    if not allow_private and not is_public(to[1], to[2]):
        raise Refused(f"{_show(to)} is a private or local address; --allow-private allows it")


def _show(o: Origin) -> str:
    host = f"[{o[1]}]" if ":" in o[1] else o[1]
    return f"{o[0]}://{host}:{o[2]}"
