"""Looking up the title of a republisher's page, in the background, never from a private
address.

The URL comes from a ``Referer`` header anyone can forge, so it is treated as hostile: only
http(s) on default or common ports, every address the host name resolves to must be public
(no loopback, private, link-local, cloud-metadata or reserved ranges), redirects are followed
by hand and checked again, and at most 64 KB is read within a short timeout. (A host whose DNS
answer changes between the check and the connection could still reach a private address;
running the worker without access to internal networks closes that gap.)
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import requests
from bs4 import BeautifulSoup

TIMEOUT_SECONDS = 5
MAX_BYTES = 64 * 1024
MAX_REDIRECTS = 3
USER_AGENT = "Masthead (republished-article title lookup)"


def is_public_host(host: str, port: int) -> bool:
    """True when every address ``host`` resolves to is a public one."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    addresses = {info[4][0] for info in infos}
    return bool(addresses) and all(
        ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses
    )


def fetch_page_title(url: str, *, allow_private: bool = False) -> str:
    """The page's ``<title>``, whitespace collapsed; ``""`` when it can't or mustn't be read.

    ``allow_private`` is for tests against a server on this machine only.
    """
    for _hop in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            return ""
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if not allow_private and not is_public_host(parts.hostname, port):
            return ""
        try:
            response = requests.get(
                url,
                timeout=TIMEOUT_SECONDS,
                stream=True,
                allow_redirects=False,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html"},
            )
        except requests.RequestException:
            return ""
        with response:
            if response.is_redirect and "Location" in response.headers:
                url = urljoin(url, response.headers["Location"])
                continue
            if response.status_code != 200 or "html" not in response.headers.get(
                "Content-Type", ""
            ):
                return ""
            try:
                body = response.raw.read(MAX_BYTES, decode_content=True)
            except (requests.RequestException, OSError):
                return ""
        title = BeautifulSoup(body, "html.parser").title
        return " ".join(title.get_text().split())[:300] if title else ""
    return ""
