"""The one extension point through which the apps above ``news`` join the reader's pages.

``news`` imports none of the apps that build on it (translation, newsletter, comments,
membership, republishing, ...). They plug in here, from their own ``wagtail_hooks.py``, in
three ways, each a Wagtail hook under a name this module owns:

**Page fragments.** ``news`` templates render named slots with ``{% page_fragments "slot" %}``;
an app adds HTML to a slot::

    from masthead.news import extensions

    @extensions.fragment("article_end", order=20)
    def comments(context: extensions.FragmentContext) -> str:
        return render_to_string("community/includes/comments.html", {...})

The slots, in the order a page shows them:

=================  ====================================================================
``head``           inside ``<head>``: alternate links, meta tags, licence links
``header``         the site header's tools, after search: language switcher, sign-in
``banner``         under the site header on every page: site-wide notices (a running campaign)
``article_top``    under an article's byline: machine-translation notice, share control
``article_end``    after an article's footer: comments, republishing, membership prompts
``footer``         the site footer: newsletter sign-up
``account``        a signed-in reader's account page: comment history
=================  ====================================================================

A fragment returns HTML it has escaped (``render_to_string`` or ``format_html``) or ``""``.
What several fragments of one page need (a site's settings, the article's policy) they read
through :func:`once_per_request`, so a page asks the database once, not once per fragment;
whether every reader may read the article, ``news`` works out once and passes as
``context.article_readable``.
Readers' pages are cached and served to every anonymous reader alike, so a fragment renders
the same for all of them: no CSRF token, no name, nothing personal (a form that needs a
token fetches it when used). The one exception is ``account``: the account page is never
cached, and its fragments show ``context.request.user`` their own things.

**Reader accounts.** ``READER_ACCOUNTS_HOOK`` registers a :class:`ReaderAccountSource` (the
membership app's): who a signed-in Django user is as a reader (name, confirmed address) and
where to sign in. Apps that act for readers (comments) ask :func:`reader_account` instead of
importing the app that keeps accounts; Django's ``request.user`` is the shared key. A user who
is no reader (staff, or nobody signed in) has no account. ``ACCOUNT_DATA_HOOK`` registers
``fn(user) -> {name: JSON-able data}``, each app's part of a reader's "download my data";
:func:`account_data` gathers them. When an account is deleted, its Django user is deleted:
apps clean up their part on ``pre_delete`` of the user model.

**Article versions.** ``ARTICLE_VERSIONS_HOOK`` registers an :class:`ArticleVersionSource`
(the translation app's): it gives the texts of listed articles in another language, and
narrows a query to the articles it has in a language (for feeds in that language). Articles
it has no version for are shown in the original, linked to the original; an article page
asked for in a language nobody has is a 404.

**Texts in the reader's language.** ``TEXT_VERSIONS_HOOK`` registers a
:class:`TextVersionSource` (the translation app's) that gives the publication's other words in
a language: region, theme and report names and descriptions, author bios, section
introductions, the tagline, the disclaimer, the republishing policy and the note under every
article. ``news`` templates pass such texts through the ``reader_text`` (plain text) and
``reader_rich_text`` (rich-text HTML, before ``|richtext``) filters of ``news_tags``, which
call :func:`text_in_language`; a text nobody has in that language stays as it is. Names of
people and of the publication never go through them.

**Teaser notes.** ``TEASER_NOTES_HOOK`` registers ``fn(articles, language) -> {article id:
html}``: a short note an app adds to the teasers of listed articles (the community app's comment
count). A listing asks once for all its teasers (the ``teaser_notes`` template tag), so each
source costs a fixed number of queries per page however many articles it lists. Notes are part
of cached listing pages: an app whose note changes purges the article's pages
(``masthead.server.purging.purge_article``), which reaches every listing that shows it.

**Readable articles.** ``READABLE_ARTICLES_HOOK``: ``fn(queryset) -> queryset`` narrows what
any reader may see everywhere (e.g. membership takes members-only articles out of listings,
feeds and search). :func:`masthead.news.selectors.readable_articles` applies it.

**Paywalled parts.** ``PAYWALLED_PART_HOOK``: ``fn(article, request) -> PaywalledPart | None``
says that part of an article is not free to read (membership's members-only articles). ``news``
then marks it as Google documents for paywalled news, for every reader alike (members too):
the JSON-LD says ``isAccessibleForFree: false`` with a ``hasPart`` ``WebPageElement`` whose
``cssSelector`` is the part's class, and the article body carries that class. A page an app
serves instead (a teaser) puts the class on the element that stands for the part.

**Article rights.** ``ARTICLE_RIGHTS_HOOK`` registers an :class:`ArticleRightsSource` (the
syndication app's): how others may reuse each article (a licence or a republishing policy,
with its URL) and whether feeds may carry its full text. ``news`` puts it in the JSON-LD
(``license``) and the feeds (Atom ``<rights>`` and ``<link rel="license">``, RSS
``<creativeCommons:license>``) through :func:`article_rights`. Without a source, articles
carry no licence and feeds carry full text.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

if TYPE_CHECKING:
    from wagtail.models import Page

    from .models import ArticlePage
    from .reader_articles import ReaderArticle

SLOTS = ("head", "header", "banner", "article_top", "article_end", "footer", "account")
# Slots whose fragments get the article on article pages (``head``: for licence links).
ARTICLE_SLOTS = ("head", "article_top", "article_end")
ARTICLE_VERSIONS_HOOK = "masthead_article_versions"
TEXT_VERSIONS_HOOK = "masthead_text_versions"
READABLE_ARTICLES_HOOK = "masthead_readable_articles"
ARTICLE_RIGHTS_HOOK = "masthead_article_rights"
PAYWALLED_PART_HOOK = "masthead_paywalled_part"
TEASER_NOTES_HOOK = "masthead_teaser_notes"
READER_ACCOUNTS_HOOK = "masthead_reader_accounts"
ACCOUNT_DATA_HOOK = "masthead_account_data"


@dataclass(frozen=True)
class ArticleVersion:
    """An article's words in another language, as an app above ``news`` provides them."""

    headline: str
    standfirst: str
    # The body's StreamField data in that language (same blocks, same images); None when the
    # caller asked for teasers only.
    body_data: list[dict[str, Any]] | None = None
    image_caption: str = ""
    image_alt: str = ""
    machine_translated: bool = True
    reviewed: bool = False
    # The language a machine translation passed through on its way (a pivot), or "".
    via_language: str = ""


class ArticleVersionSource(Protocol):
    """Where articles' words in other languages come from."""

    def versions(
        self, articles: list[ArticlePage], language: str, with_body: bool
    ) -> dict[int, ArticleVersion]:
        """``{article id: version}`` for those of ``articles`` it has in ``language``, in one
        query; without the body unless ``with_body``."""
        ...

    def available(self, articles: QuerySet[ArticlePage], language: str) -> QuerySet[ArticlePage]:
        """``articles`` narrowed to those it has in ``language``."""
        ...


class TextVersionSource(Protocol):
    """Where the publication's texts (names, descriptions, bios, notes) in other languages come
    from."""

    def text(self, text: str, language: str, *, rich: bool) -> str | None:
        """``text`` (plain text, or rich-text HTML when ``rich``) in ``language``, or None."""
        ...


def text_in_language(text: str, language: str, *, rich: bool = False) -> str:
    """``text`` as readers of ``language`` get it: a registered source's version, or itself."""
    if not text or language == settings.LANGUAGE_CODE:
        return text
    for source in hooks.get_hooks(TEXT_VERSIONS_HOOK):
        found = source.text(text, language, rich=rich)
        if found:
            return found
    return text


@dataclass(frozen=True)
class ArticleRights:
    """How others may reuse an article, as an app above ``news`` decides it."""

    # One line for feed readers, e.g. "Licensed under CC BY-ND 4.0." (Atom <rights>).
    statement: str
    # The licence's deed, or the page that states the policy; absolute.
    url: str
    # False: feeds carry the standfirst and a link only.
    full_text_in_feeds: bool = True


class ArticleRightsSource(Protocol):
    """Where articles' licences and republishing policies come from."""

    def rights(
        self, articles: list[ArticlePage], request: HttpRequest | None
    ) -> dict[int, ArticleRights]:
        """``{article id: rights}`` for ``articles``, in a fixed number of queries."""
        ...


def article_rights(
    articles: list[ArticlePage], request: HttpRequest | None = None
) -> dict[int, ArticleRights]:
    """Every registered source's rights for ``articles`` (an empty dict when none is)."""
    found: dict[int, ArticleRights] = {}
    for source in hooks.get_hooks(ARTICLE_RIGHTS_HOOK):
        found.update(source.rights(articles, request))
    return found


@dataclass(frozen=True)
class PaywalledPart:
    """The part of an article that is not free to read, as an app above ``news`` says."""

    # A CSS class name (no dot): on the element holding the part, and in the JSON-LD.
    css_class: str

    @property
    def css_selector(self) -> str:
        return f".{self.css_class}"


def paywalled_part(
    article: ArticlePage, request: HttpRequest | None = None
) -> PaywalledPart | None:
    """The first registered source's paywalled part of ``article``, or None (free to read);
    with the ``request`` a source may reuse what it read for it while serving the page."""
    for source in hooks.get_hooks(PAYWALLED_PART_HOOK):
        found = source(article, request)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class ReaderAccount:
    """A signed-in reader, as the app that keeps accounts knows them."""

    user_id: int
    name: str  # "" until the reader gives one
    email: str  # normalised, and confirmed by signing in
    account_url: str  # their account page, where the name is set


class ReaderAccountSource(Protocol):
    """Where reader accounts come from."""

    def account(self, user: Any) -> ReaderAccount | None:
        """``user``'s reader account, or None (anonymous, staff, or no account)."""
        ...

    def sign_in_url(self, next_url: str) -> str:
        """The sign-in page, coming back to ``next_url`` afterwards."""
        ...


def reader_account(user: Any) -> ReaderAccount | None:
    """The reader account of a signed-in ``user`` (``request.user``), from the registered
    source; None for anyone else."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    for source in hooks.get_hooks(READER_ACCOUNTS_HOOK):
        found = source.account(user)
        if found is not None:
            return found
    return None


def sign_in_url(next_url: str) -> str | None:
    """Where a reader signs in (and comes back to ``next_url``), or None without accounts."""
    for source in hooks.get_hooks(READER_ACCOUNTS_HOOK):
        return source.sign_in_url(next_url)
    return None


def account_data(user: Any) -> dict[str, Any]:
    """Every app's part of a reader's data export."""
    found: dict[str, Any] = {}
    for source in hooks.get_hooks(ACCOUNT_DATA_HOOK):
        found.update(source(user))
    return found


TeaserNotes = Callable[[Sequence["ReaderArticle"], str], Mapping[int, str]]


def teaser_notes(articles: Sequence[ReaderArticle], language: str) -> dict[int, SafeString]:
    """Every registered source's notes for the teasers of ``articles``, joined per article."""
    found: dict[int, list[str]] = {}
    if not articles:
        return {}
    for source in hooks.get_hooks(TEASER_NOTES_HOOK):
        for article_id, html in source(articles, language).items():
            found.setdefault(article_id, []).append(conditional_escape(html))
    return {
        article_id: mark_safe(" · ".join(parts))  # noqa: S308 - each part escaped or safe
        for article_id, parts in found.items()
    }


@dataclass(frozen=True)
class FragmentContext:
    """What a fragment may know about the page it joins."""

    request: HttpRequest | None
    language: str
    # The page being shown (None on pages outside the page tree, such as search).
    page: Page | None = None
    # The article as this reader sees it, on article pages (in the head and article slots).
    article: ReaderArticle | None = None
    # Whether every reader may read ``article`` (it is among ``readable_articles()``): False
    # for a private or members-only one, whose comments and republishing appear nowhere.
    article_readable: bool = False


Fragment = Callable[[FragmentContext], str]
T = TypeVar("T")
# Where once_per_request keeps its answers: one attribute, as Django keeps ``_cached_user``.
_REQUEST_MEMO = "_masthead_once"


def once_per_request(request: HttpRequest | None, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()`` the first time ``request`` asks for ``key``, and the same answer after
    (every time when there is no request). For reads several fragments of one page share."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault(_REQUEST_MEMO, {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def fragment(slot: str, *, order: int = 0) -> Callable[[Fragment], Fragment]:
    """Register a function that adds HTML to ``slot`` on every page that shows the slot."""
    if slot not in SLOTS:
        raise ValueError(f"Unknown page slot {slot!r}; the slots are {', '.join(SLOTS)}.")

    def register(function: Fragment) -> Fragment:
        hooks.register(_hook_name(slot), function, order=order)
        return function

    return register


def render_fragments(slot: str, context: FragmentContext) -> SafeString:
    """Every registered fragment for ``slot``, in order, joined."""
    if slot not in SLOTS:
        raise ValueError(f"Unknown page slot {slot!r}; the slots are {', '.join(SLOTS)}.")
    parts = [
        conditional_escape(function(context)) for function in hooks.get_hooks(_hook_name(slot))
    ]
    return mark_safe("".join(parts))  # noqa: S308 - each part escaped or already safe


def _hook_name(slot: str) -> str:
    return f"masthead_fragment_{slot}"
