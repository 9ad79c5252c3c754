"""A safe reader of PHP's `serialize()` output, as WordPress stores meta values.

Only data comes out: strings, ints, floats, bools, None, lists and dicts. A serialized object
(`O:8:"stdClass":…`) is never built: it is refused, or with `objects="data"` read as a
`PhpObject` holding its class name and properties. References (`r:`, `R:`), custom-serialized
objects (`C:`) and enums (`E:`) are refused. Malformed input raises `ValueError` naming the
byte offset.
"""

from dataclasses import dataclass, field
from typing import Literal

MAX_DEPTH = 64


@dataclass(frozen=True)
class PhpObject:
    """A serialized PHP object read as plain data; nothing of the class is ever run."""

    class_name: str
    properties: dict = field(default_factory=dict)


class _Reader:
    def __init__(self, data: bytes, objects: str) -> None:
        self.data = data
        self.pos = 0
        self.objects = objects

    def fail(self, what: str, at: int | None = None) -> ValueError:
        return ValueError(f"PHP serialized data, offset {self.pos if at is None else at}: {what}")

    def expect(self, token: bytes) -> None:
        if self.data[self.pos : self.pos + len(token)] != token:
            found = self.data[self.pos : self.pos + len(token)].decode("utf-8", "replace")
            raise self.fail(f"expected {token.decode()!r}, found {found!r}")
        self.pos += len(token)

    def until(self, stop: bytes) -> bytes:
        end = self.data.find(stop, self.pos)
        if end < 0:
            raise self.fail(f"{stop.decode()!r} missing: the data ends too soon")
        chunk = self.data[self.pos : end]
        self.pos = end + len(stop)
        return chunk

    def integer(self, stop: bytes) -> int:
        start = self.pos
        chunk = self.until(stop)
        digits = chunk[1:] if chunk[:1] in (b"-", b"+") else chunk
        if not digits.isdigit():
            raise self.fail(f"{chunk.decode('utf-8', 'replace')!r} is not a whole number", start)
        return int(chunk)

    def string(self) -> str:
        start = self.pos
        length = self.integer(b":")
        if length < 0:
            raise self.fail("a string cannot have a negative length", start)
        self.expect(b'"')
        end = self.pos + length
        if end + 1 > len(self.data) or self.data[end : end + 1] != b'"':
            raise self.fail(
                f"the string says it is {length} bytes long but its closing quote is not there "
                "(was the database edited with a plain search-and-replace?)",
                start,
            )
        raw = self.data[self.pos : end]
        self.pos = end + 1
        return raw.decode("utf-8", "replace")

    def value(self, depth: int = 0):
        if depth > MAX_DEPTH:
            raise self.fail(f"nested more than {MAX_DEPTH} levels deep")
        start = self.pos
        kind = self.data[self.pos : self.pos + 2]
        if kind == b"N;":
            self.pos += 2
            return None
        self.pos += 2
        if kind == b"b:":
            flag = self.until(b";")
            if flag not in (b"0", b"1"):
                raise self.fail("a boolean is 0 or 1", start)
            return flag == b"1"
        if kind == b"i:":
            return self.integer(b";")
        if kind == b"d:":
            text = self.until(b";").decode("ascii", "replace")
            try:
                return float(text)
            except ValueError:
                raise self.fail(f"{text!r} is not a number", start) from None
        if kind == b"s:":
            text = self.string()
            self.expect(b";")
            return text
        if kind == b"a:":
            return self.array(depth)
        if kind == b"O:":
            return self.object(depth, start)
        if kind in (b"r:", b"R:"):
            raise self.fail("references (r:/R:) are refused", start)
        if kind in (b"C:", b"E:"):
            raise self.fail("custom-serialized objects and enums (C:/E:) are refused", start)
        self.pos = start
        shown = kind.decode("utf-8", "replace") or "the end of the data"
        raise self.fail(f"unknown type {shown!r}")

    def members(self, depth: int) -> dict:
        count = self.integer(b":")
        self.expect(b"{")
        items: dict = {}
        for index in range(count):
            key_at = self.pos
            if self.data[key_at : key_at + 1] in (b"}", b""):
                raise self.fail(f"the array says it holds {count} entries but has {index}")
            key = self.value(depth + 1)
            if not isinstance(key, int | str) or isinstance(key, bool):
                raise self.fail("an array key must be a whole number or a string", key_at)
            items[key] = self.value(depth + 1)
        self.expect(b"}")
        return items

    def array(self, depth: int) -> list | dict:
        items = self.members(depth)
        if list(items) == list(range(len(items))):
            return list(items.values())
        return items

    def object(self, depth: int, start: int) -> PhpObject:
        class_name = self.string()
        if self.objects != "data":
            raise self.fail(f"a serialized PHP object ({class_name}) is refused", start)
        self.expect(b":")
        return PhpObject(class_name, self.members(depth))


def loads(data: bytes | str, *, objects: Literal["refuse", "data"] = "refuse"):
    """The value `data` holds. Objects are refused, or with objects="data" read as PhpObject."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    reader = _Reader(raw, objects)
    result = reader.value()
    if reader.pos != len(raw):
        raise reader.fail("unexpected data after the value")
    return result


def is_serialized(text: str) -> bool:
    """Whether `text` looks like serialize() output (as WordPress's is_serialized() decides)."""
    text = text.strip()
    if text == "N;":
        return True
    if len(text) < 4 or text[1] != ":" or text[-1] not in ";}":
        return False
    return text[0] in "sabidO"
