"""Share links for an article: built on the server, plain links, no third-party script.

``mailto:`` opens the reader's own mail program, so the outlet never sends mail for an
anonymous visitor (a server-side "email this" form becomes a spam relay). Mastodon has no
central site, so its link goes to a small page that asks for the reader's instance and
redirects only to ``https://<valid host name>/share``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _

from masthead.news.reader_articles import ReaderArticle

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


@dataclass(frozen=True)
class ShareLink:
    service: str
    label: str
    url: str


def byline(article: ReaderArticle) -> str:
    names = [author.name for author in article.authors]
    if not names:
        return ""
    if len(names) == 1:
        joined = names[0]
    else:
        joined = _("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}
    return _("By %(authors)s") % {"authors": joined}


def mailto_link(article: ReaderArticle) -> str:
    """``mailto:`` with the headline as subject and standfirst, byline and link in the body."""
    body = "\n\n".join(
        part for part in (article.standfirst, byline(article), article.full_url) if part
    )
    # RFC 6068: percent-encode everything (quote with no safe characters), CRLF line breaks.
    return "mailto:?subject={}&body={}".format(
        quote(article.headline, safe=""), quote(body.replace("\n", "\r\n"), safe="")
    )


def share_text(article: ReaderArticle) -> str:
    return f"{article.headline} {article.full_url}"


def share_links(article: ReaderArticle, mastodon_url: str) -> list[ShareLink]:
    url, headline = article.full_url, article.headline
    text = share_text(article)
    return [
        ShareLink(
            "bluesky", "Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": text})
        ),
        ShareLink("mastodon", "Mastodon", mastodon_url),
        ShareLink(
            "x", "X", "https://x.com/intent/post?" + urlencode({"text": headline, "url": url})
        ),
        ShareLink(
            "facebook",
            "Facebook",
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        ShareLink(
            "linkedin",
            "LinkedIn",
            "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
        ),
        ShareLink(
            "telegram",
            "Telegram",
            "https://t.me/share/url?" + urlencode({"url": url, "text": headline}),
        ),
        ShareLink("whatsapp", "WhatsApp", "https://wa.me/?" + urlencode({"text": text})),
    ]


def mastodon_instance(raw: str) -> str | None:
    """The host name a reader typed for their Mastodon instance, or None if it isn't one.

    Accepts ``mastodon.social``, ``https://mastodon.social/``, ``@me@mastodon.social``; refuses
    anything with a port, a path, credentials, an IP address or characters a host can't have,
    so the redirect can only go to ``https://<host>/share``.
    """
    value = (raw or "").strip()
    if len(value) > 300:
        return None
    value = re.sub(r"^https://", "", value, flags=re.IGNORECASE).rstrip("/")
    if re.fullmatch(r"@?[A-Za-z0-9_]+@[^@/\s]+", value):
        value = value.rsplit("@", 1)[1]  # a handle: @name@instance
    try:
        host = value.encode("idna").decode("ascii").casefold()
    except UnicodeError:
        return None
    labels = host.split(".")
    if len(host) > 253 or len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    if labels[-1].isdigit():  # an IPv4 address, not a host name
        return None
    return host


def mastodon_share_url(host: str, article: ReaderArticle) -> str:
    return f"https://{host}/share?" + urlencode({"text": share_text(article)})
