"""Image bombs and disguised files, uploaded through the admin as an editor would: each is refused
within two seconds with a message that says what is wrong, nothing is kept, and the pixels of a
picture too big to hold are never decoded, so the process never grows past 256 MB for them.

Every file is made here, in memory; a PNG of any size is built from one deflated block of zero
rows repeated, so even the bombs take milliseconds to make.
"""

import io
import json
import os
import random
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageFile

from masthead.images.models import CustomImage
from masthead.newsroom.tests import factories as f

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]
SECONDS = 2  # per refusal: generous, since it measures the guard, not the machine
MEGABYTES = 256  # the most a process may hold while it refuses them
TOO_MANY_PIXELS = "too many pixels"
DAMAGED = "The file is damaged or incomplete"


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_of_zeros(width: int, height: int, *, channels: int = 4, bit_depth: int = 8) -> bytes:
    """A valid PNG of `width` × `height` black pixels (RGBA by default), never held whole.

    Deflate after a full flush forgets what came before, so one block of rows compresses to the
    same bytes every time: it is compressed twice and repeated. The Adler-32 of n zero bytes is
    (n mod 65521) << 16 | 1."""
    row = bytes(1 + (width * channels * bit_depth + 7) // 8)  # filter byte, then the pixels
    per_block = max(1, (1 << 20) // len(row))
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)

    def block(rows: int) -> bytes:
        return deflate.compress(row * rows) + deflate.flush(zlib.Z_FULL_FLUSH)

    blocks, rest = divmod(height, per_block)
    body = block(per_block) if blocks else b""
    if blocks > 1:
        body += block(per_block) * (blocks - 1)
    body += (block(rest) if rest else b"") + deflate.flush()
    adler = ((len(row) * height) % 65521) << 16 | 1
    stream = b"\x78\xda" + body + struct.pack(">I", adler)
    colour_type = {1: 0, 3: 2, 4: 6}[channels]
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + _chunk(b"IHDR", header) + _chunk(b"IDAT", stream) + _chunk(b"IEND", b"")


# A GIF frame with no pixels in it: LZW minimum code size 2, then "clear" and "end" (3 bits each).
_EMPTY_FRAME_DATA = b"\x02\x01\x2c\x00"


def _frame(width: int, height: int) -> bytes:
    return b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + _EMPTY_FRAME_DATA


def gif_with_huge_second_frame(width: int = 20_000, height: int = 20_000) -> bytes:
    """A real 100 × 100 GIF, then a second frame far past its edges: Pillow grows the picture
    to hold that frame only when it reaches it, and the header says 100 × 100."""
    buffer = io.BytesIO()
    Image.new("P", (100, 100), 1).save(buffer, "GIF")
    return buffer.getvalue().removesuffix(b";") + _frame(width, height) + b";"


def gif_with_huge_first_frame(width: int = 20_000, height: int = 20_000) -> bytes:
    screen = struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    return b"GIF89a" + screen + _frame(width, height) + b";"


def truncated(image_format: str) -> bytes:
    """Two thirds of a photo-like file (noise, so every byte matters)."""
    rng = random.Random(7)
    image = Image.frombytes("RGB", (240, 160), bytes(rng.getrandbits(8) for _ in range(240 * 480)))
    if image_format == "GIF":
        image = image.convert("P")
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    data = buffer.getvalue()
    return data[: len(data) * 2 // 3]


SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" onload="alert(1)">'
    b"<script>fetch('/admin/').then(r => r.text()).then(alert)</script>"
    b'<rect width="640" height="360" fill="navy"/></svg>'
)
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

# name, file name, bytes, what the editor is told
CASES = [
    ("decompression bomb: 12,000 x 12,000 RGBA PNG", "bomb.png",
     lambda: png_of_zeros(12_000, 12_000), TOO_MANY_PIXELS),
    ("20,000 x 20,000 picture", "huge.png",
     lambda: png_of_zeros(20_000, 20_000, channels=3), TOO_MANY_PIXELS),
    ("GIF whose second frame is 20,000 x 20,000", "frames.gif",
     gif_with_huge_second_frame, TOO_MANY_PIXELS),
    ("GIF whose first frame is 20,000 x 20,000", "frame.gif",
     gif_with_huge_first_frame, TOO_MANY_PIXELS),
    ("truncated PNG", "cut.png", lambda: truncated("PNG"), DAMAGED),
    ("truncated JPEG", "cut.jpg", lambda: truncated("JPEG"), DAMAGED),
    ("truncated GIF", "cut.gif", lambda: truncated("GIF"), DAMAGED),
    ("SVG with a script", "logo.svg", lambda: SVG_WITH_SCRIPT, "Not a supported image format"),
    ("SVG with a script named .png", "logo.png", lambda: SVG_WITH_SCRIPT, "Not a valid .png image"),
    ("HTML page named .jpg", "photo.jpg", lambda: HTML_PAGE, "Not a valid .jpeg image"),
]  # fmt: skip
PIXEL_BOMBS = [case for case in CASES if case[3] == TOO_MANY_PIXELS]


@pytest.fixture
def editor(client):
    client.force_login(f.make_editor())
    client.raise_request_exception = False
    return client


def add(client, name: str, data: bytes) -> tuple[float, str]:
    """Upload through the admin's "Add an image"; the seconds it took and the file's error."""
    upload = SimpleUploadedFile(name, data)
    start = time.perf_counter()
    response = client.post(reverse("wagtailimages:add"), {"title": "Upload", "file": upload})
    seconds = time.perf_counter() - start
    assert response.status_code == 200, (name, response.status_code)
    return seconds, " ".join(response.context["form"].errors.get("file", []))


def add_multiple(client, name: str, data: bytes) -> tuple[float, str]:
    """Upload through the multiple uploader (drag and drop), which answers in JSON."""
    upload = SimpleUploadedFile(name, data)
    start = time.perf_counter()
    response = client.post(reverse("wagtailimages:add_multiple"), {"files[]": upload})
    seconds = time.perf_counter() - start
    assert response.status_code == 200, (name, response.status_code)
    answer = response.json()
    assert answer["success"] is False, name
    return seconds, answer["error_message"]


@pytest.mark.parametrize("upload", [add, add_multiple], ids=["add", "add_multiple"])
@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_each_is_refused_quickly_with_a_clear_message(editor, upload, case):
    label, name, make, message = case
    seconds, error = upload(editor, name, make())
    assert message in error, (label, error)
    assert seconds < SECONDS, f"{label}: refused after {seconds:.2f} s"
    assert not CustomImage.objects.exists()


def test_a_picture_too_big_to_hold_is_refused_before_a_pixel_is_decoded(editor):
    decoded = []
    load = ImageFile.ImageFile.load

    def recording_load(image):
        decoded.append((image.format, image.size))
        return load(image)

    with mock.patch.object(ImageFile.ImageFile, "load", recording_load):
        for label, name, make, message in PIXEL_BOMBS:
            seconds, error = add(editor, name, make())
            assert message in error, (label, error)
        assert decoded == []
        # The control: an ordinary photo is decoded (its metadata is stripped), so the spy works.
        fine = SimpleUploadedFile("fine.png", png_of_zeros(64, 48, channels=3))
        response = editor.post(reverse("wagtailimages:add"), {"title": "Fine", "file": fine})
    assert response.status_code == 302 and CustomImage.objects.get().title == "Fine"
    assert ("PNG", (64, 48)) in decoded


# The peak is read from VmHWM, this process's own high-water mark: ru_maxrss would start at the
# test runner's, since Linux carries the parent's peak over a fork and an exec into the child's.
PROBE = """
import json, os, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from masthead.images.fields import PhotoFileField

def megabytes():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) // 1024

peaks = {"started": megabytes()}
for path in sys.argv[1:]:
    with open(path, "rb") as file:
        upload = SimpleUploadedFile(os.path.basename(path), file.read())
    try:
        PhotoFileField().clean(upload)
        outcome = "accepted"
    except ValidationError as error:
        outcome = " ".join(error.messages)
    peaks[os.path.basename(path)] = [megabytes(), outcome]
print(json.dumps(peaks))
"""


def test_refusing_every_bomb_never_takes_a_process_past_256_mb(tmp_path):
    """The upload's checks, run on each bomb in a fresh process, with its peak resident memory
    read after each (the peak never goes down, so the highest is the most it ever held)."""
    paths = []
    for _label, name, make, _message in CASES:
        path = tmp_path / f"{len(paths)}-{name}"
        path.write_bytes(make())
        paths.append(path)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "masthead.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    peaks = json.loads(done.stdout.strip().splitlines()[-1])
    started = peaks.pop("started")
    highest = max(peak for peak, _outcome in peaks.values())
    assert highest < MEGABYTES, f"{highest} MB (Django and Wagtail loaded: {started} MB): {peaks}"
    for (label, _name, _make, message), path in zip(CASES, paths, strict=True):
        _peak, outcome = peaks[path.name]
        assert message in outcome, (label, outcome)
