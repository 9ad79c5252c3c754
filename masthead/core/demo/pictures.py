"""Stylised scenes drawn with Pillow, so the demo's photos are made here and free to use."""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900
# The scenes draw_scene knows; a caption must describe its scene honestly.
SCENES = ["hills", "sea", "city", "night-city", "desert", "fields"]

PALETTES = [
    # sky top, sky bottom, sun, land dark, land light
    ((32, 58, 96), (236, 160, 96), (255, 214, 140), (44, 52, 48), (86, 104, 78)),
    ((70, 130, 180), (200, 225, 240), (255, 244, 200), (60, 92, 60), (120, 160, 90)),
    ((94, 60, 110), (240, 150, 120), (255, 200, 150), (58, 44, 66), (110, 80, 100)),
    ((20, 30, 60), (90, 110, 160), (240, 240, 220), (24, 28, 40), (60, 70, 96)),
    ((150, 190, 210), (250, 230, 200), (255, 250, 230), (170, 130, 80), (214, 180, 120)),
]


def _rng(seed: str) -> random.Random:
    return random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))


def _gradient(draw, top, bottom, height):
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line(
            [(0, y), (WIDTH, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom))
        )


def _ridge(draw, rng, base, amplitude, colour, waves=3):
    phase = [rng.uniform(0, math.tau) for _ in range(waves)]
    freq = [rng.uniform(0.002, 0.008) * (i + 1) for i in range(waves)]
    points = [(0, HEIGHT)]
    for x in range(0, WIDTH + 20, 20):
        y = base + sum(
            math.sin(x * f + p) * amplitude / (i + 1) for i, (f, p) in enumerate(zip(freq, phase))
        )
        points.append((x, y))
    points.append((WIDTH, HEIGHT))
    draw.polygon(points, fill=colour)


def _mix(a, b, t):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b))


def _skyline(draw, rng, horizon, colour, lit, night):
    x = 0
    while x < WIDTH:
        w = rng.randint(60, 160)
        h = rng.randint(120, 420)
        draw.rectangle([x, horizon - h, x + w, HEIGHT], fill=colour)
        if night or rng.random() < 0.5:
            for wy in range(horizon - h + 14, horizon - 10, 26):
                for wx in range(x + 10, x + w - 12, 22):
                    if rng.random() < (0.45 if night else 0.2):
                        draw.rectangle([wx, wy, wx + 9, wy + 12], fill=lit)
        x += w + rng.randint(0, 18)


def draw_scene(scene: str, seed: str) -> Image.Image:
    """Draw one of the demo scenes; the same seed always gives the same picture."""
    rng = _rng(seed)
    sky_top, sky_bottom, sun, land_dark, land_light = rng.choice(PALETTES)
    night = scene == "night-city"
    if night:
        sky_top, sky_bottom, sun = (10, 14, 36), (40, 50, 90), (235, 235, 215)
    img = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(img)
    horizon = int(HEIGHT * rng.uniform(0.55, 0.68))
    _gradient(draw, sky_top, sky_bottom, HEIGHT)
    sx, sy, sr = rng.randint(200, WIDTH - 200), rng.randint(90, horizon - 140), rng.randint(45, 95)
    draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=sun)
    if night:
        for _ in range(140):
            x, y = rng.randint(0, WIDTH), rng.randint(0, horizon)
            draw.point((x, y), fill=(220, 220, 200))
    if scene == "sea":
        draw.rectangle([0, horizon, WIDTH, HEIGHT], fill=_mix(sky_top, (20, 60, 90), 0.6))
        for y in range(horizon + 8, HEIGHT, 14):
            for _ in range(8):
                x = rng.randint(0, WIDTH)
                draw.line(
                    [(x, y), (x + rng.randint(30, 120), y)],
                    fill=_mix(sun, sky_bottom, 0.5),
                    width=2,
                )
    elif scene in ("city", "night-city"):
        _ridge(draw, rng, horizon - 40, 30, _mix(land_dark, sky_bottom, 0.55))
        lit = (255, 214, 120) if night else _mix(sky_bottom, (255, 255, 255), 0.4)
        _skyline(
            draw, rng, horizon + 80, _mix(land_dark, (0, 0, 0), 0.3 if night else 0.0), lit, night
        )
    elif scene == "desert":
        for i, t in enumerate((0.0, 0.35, 0.7)):
            _ridge(
                draw, rng, horizon + i * 90, 50, _mix((200, 150, 90), (150, 100, 60), t), waves=2
            )
    elif scene == "fields":
        _ridge(draw, rng, horizon, 15, land_dark)
        colours = [
            land_light,
            _mix(land_light, (220, 200, 110), 0.6),
            _mix(land_dark, land_light, 0.5),
        ]
        for i, y in enumerate(range(horizon + 20, HEIGHT, 46)):
            draw.polygon(
                [(0, y), (WIDTH, y - 30), (WIDTH, y + 16), (0, y + 46)],
                fill=colours[i % len(colours)],
            )
    else:  # hills
        green_light, green_dark = (
            _mix(land_light, (90, 140, 70), 0.6),
            _mix(land_dark, (40, 70, 40), 0.5),
        )
        for i, t in enumerate((0.2, 0.5, 0.85)):
            _ridge(draw, rng, horizon + i * 80, 70 - i * 15, _mix(green_light, green_dark, t))
    return img.filter(ImageFilter.GaussianBlur(0.8))


def draw_portrait(initials: str, seed: str, size: int = 480) -> Image.Image:
    """A plain disc with initials: the demo authors are invented, so are their portraits."""
    rng = _rng(seed)
    colour = rng.choice([p[0] for p in PALETTES])
    img = Image.new("RGB", (size, size), _mix(colour, (255, 255, 255), 0.75))
    draw = ImageDraw.Draw(img)
    draw.ellipse([0, 0, size, size], fill=colour)
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    return img


def to_jpeg(img: Image.Image) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()
