"""Images for imported posts: found in a local copy of the uploads, or fetched over HTTP.

Each image is imported once: looked up first by its source URL (an earlier run, even an
interrupted one, recorded it) and then by its content, so the same picture under two URLs is
one library image. Each is committed on its own, before the post that uses it, so a run that
stops half-way downloads nothing twice when it is run again. A missing or broken image is
reported, never fatal.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import requests
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from masthead.news.models import CreditedImage

from .models import ImportedItem
from .records import SourceMedia

# Where each platform keeps uploads under its site root (WordPress, Ghost).
UPLOADS_MARKERS = ("/wp-content/uploads/", "/content/images/")
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


class MediaMissing(Exception):
    """Why an image could not be had (said in the summary's list of missing images)."""


@dataclass(frozen=True)
class MediaOptions:
    uploads_dir: Path | None = None
    fetch: bool = False
    timeout: float = 20.0
    max_bytes: int = 20_000_000


def _from_uploads(url: str, uploads_dir: Path) -> bytes:
    path = unquote(urlsplit(url).path)
    marker = next((m for m in UPLOADS_MARKERS if m in path), None)
    relative = path.split(marker, 1)[1] if marker else PurePosixPath(path).name
    root = uploads_dir.resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root):  # "../" in a hostile export
        raise MediaMissing("its path leads outside the uploads folder")
    if not candidate.is_file():
        raise MediaMissing(f"not in the uploads folder ({relative})")
    return candidate.read_bytes()


def fetch_bytes(url: str, *, timeout: float, max_bytes: int) -> bytes:
    """The body at ``url``, or :class:`MediaMissing` saying why not (status, time-out, size)."""
    if urlsplit(url).scheme not in {"http", "https"}:
        raise MediaMissing("not an http(s) address")
    try:
        with requests.get(url, timeout=(min(10.0, timeout), timeout), stream=True) as response:
            response.raise_for_status()
            declared = int(response.headers.get("Content-Length") or 0)
            if declared > max_bytes:
                raise MediaMissing(f"{declared:,} bytes, over the {max_bytes:,}-byte limit")
            body = bytearray()
            for chunk in response.iter_content(64 * 1024):
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise MediaMissing(f"over the {max_bytes:,}-byte limit")
            return bytes(body)
    except requests.Timeout:
        raise MediaMissing(f"no answer within {timeout:g} s") from None
    except requests.HTTPError as error:
        raise MediaMissing(f"HTTP {error.response.status_code}") from None
    except requests.RequestException as error:
        raise MediaMissing(f"could not be fetched ({error.__class__.__name__})") from None


def _checked_image(data: bytes) -> str:
    """The image's format, or :class:`MediaMissing` when the bytes are no image we accept."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            picture.verify()
            image_format = picture.format or ""
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise MediaMissing("the file is not an image") from None
    if image_format not in ALLOWED_FORMATS:
        raise MediaMissing(f"{image_format} images are not accepted")
    return image_format


def image_key(url: str) -> str:
    """The import-record key for an image URL (long URLs are hashed to fit)."""
    return url if len(url) <= 500 else "sha256:" + hashlib.sha256(url.encode()).hexdigest()


def import_image(source: str, media: SourceMedia, options: MediaOptions) -> CreditedImage:
    """The library image for ``media``, imported now if no earlier run did; raises
    :class:`MediaMissing`."""
    key = image_key(media.url)
    record = (
        ImportedItem.objects.filter(source=source, kind=ImportedItem.Kind.IMAGE, source_id=key)
        .select_related("image")
        .first()
    )
    if record is not None and record.image is not None:
        return record.image
    if options.uploads_dir is not None:
        try:
            data = _from_uploads(media.url, options.uploads_dir)
        except MediaMissing:
            if not options.fetch:
                raise
            data = fetch_bytes(media.url, timeout=options.timeout, max_bytes=options.max_bytes)
    elif options.fetch:
        data = fetch_bytes(media.url, timeout=options.timeout, max_bytes=options.max_bytes)
    else:
        raise MediaMissing("neither --uploads nor --fetch-media was given")
    _checked_image(data)
    file_hash = hashlib.sha1(data).hexdigest()  # noqa: S324 - Wagtail's own duplicate check hash
    with transaction.atomic():
        image = CreditedImage.objects.filter(file_hash=file_hash).first()
        if image is None:
            name = PurePosixPath(unquote(urlsplit(media.url).path)).name or "image"
            image = CreditedImage(
                title=(media.title or name)[:255],
                credit=media.credit[:255],
                file=ImageFile(io.BytesIO(data), name=name[-100:]),
            )
            image.file_hash = file_hash
            image.save()
        ImportedItem.objects.update_or_create(
            source=source,
            kind=ImportedItem.Kind.IMAGE,
            source_id=key,
            defaults={"image": image},
        )
    return image
