"""Abstract illustrations for the demo, drawn with Pillow so the project ships no photographs.

The same seed always gives the same picture, so reloading the demo changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import random

from PIL import Image, ImageDraw, ImageFilter


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def illustration(seed: str, colours: list[str], size: tuple[int, int] = (1600, 900)) -> bytes:
    """A JPEG of soft overlapping shapes on a diagonal gradient between ``colours``."""
    # Not for security: a stable seed so each demo picture is reproducible.
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())  # noqa: S311
    palette = [_rgb(c) for c in colours] or [(58, 110, 165), (20, 33, 61)]
    start, end = palette[0], palette[-1]
    width, height = size

    gradient = Image.new("RGB", (width, 1))
    for x in range(width):
        gradient.putpixel((x, 0), _mix(start, end, x / (width - 1)))
    picture = gradient.resize((width, height))

    shapes = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    for _ in range(rng.randint(5, 9)):
        colour = _mix(rng.choice(palette), (255, 255, 255), rng.uniform(0.1, 0.6))
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*colour, 90))
    for _ in range(rng.randint(3, 6)):
        colour = _mix(rng.choice(palette), (0, 0, 0), 0.3)
        y = rng.randint(0, height)
        draw.line(
            (0, y, width, y + rng.randint(-height // 3, height // 3)), fill=(*colour, 120), width=6
        )
    shapes = shapes.filter(ImageFilter.GaussianBlur(2))
    picture.paste(shapes, (0, 0), shapes)

    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()
