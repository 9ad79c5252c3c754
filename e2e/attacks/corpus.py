"""The XSS payload corpus (xss_payloads.json) and the marks that say where a payload came from.

Every payload carries the placeholder `XSSN`. Each time one is stored in a field it gets a mark
of its own (a number), so a payload that ever runs (`__xss(N)`, `alert(N)`, a request to
`/xss-beacon/N`, a title of `pwned-N`) names the field and the payload.
"""

import json
from pathlib import Path

CORPUS = Path(__file__).with_name("xss_payloads.json")


def load() -> dict[str, list[str]]:
    """The payloads by category, as written in the data file."""
    return json.loads(CORPUS.read_text(encoding="utf-8"))["payloads"]


def payloads() -> list[str]:
    return [payload for group in load().values() for payload in group]


def placeholder() -> str:
    return json.loads(CORPUS.read_text(encoding="utf-8"))["marker"]


class Marks:
    """Hands out marks: `mark(slot, index)` is the payload `index` as stored in `slot`.

    `allow`, where taken, leaves out payloads a path cannot carry at all (a form refuses a NUL).
    """

    def __init__(self, start: int = 1000):
        self.groups = load()
        self.corpus = [payload for group in self.groups.values() for payload in group]
        self.token = placeholder()
        self.slots: dict[int, tuple[str, int]] = {}
        self.next = start

    def __len__(self) -> int:
        return len(self.corpus)

    def indices(self, category: str) -> list[int]:
        """Where the payloads of one category sit in the corpus."""
        first = next(i for i, p in enumerate(self.corpus) if p == self.groups[category][0])
        return list(range(first, first + len(self.groups[category])))

    def mark(self, slot: str, index: int) -> str:
        number = self.next
        self.next += 1
        self.slots[number] = (slot, index)
        return self.corpus[index].replace(self.token, str(number))

    def chunk(self, slot: str, share: int, of: int, joiner: str = " ", allow=None) -> str:
        """Every `of`-th payload from `share` on, joined: `of` slots together hold them all."""
        indices = range(share % of, len(self.corpus), of)
        allow = allow or _anything
        return joiner.join(self.mark(slot, i) for i in indices if allow(self.corpus[i]))

    def fit(self, slot: str, start: int, limit: int, joiner: str = " ", allow=None) -> str:
        """As many payloads as fit in `limit` characters (a column's max_length), from `start`
        on round the corpus, skipping those too long for what is left."""
        parts, used, allow = [], 0, allow or _anything
        for step in range(len(self.corpus)):
            index = (start + step) % len(self.corpus)
            if not allow(self.corpus[index]):
                continue
            # Measured with a long mark: the number is only handed out once the payload fits.
            size = len(self.corpus[index].replace(self.token, "9" * 7)) + (
                len(joiner) if parts else 0
            )
            if used + size <= limit:
                parts.append(self.mark(slot, index))
                used += size
            if limit - used < 8:
                break
        return joiner.join(parts)

    def describe(self, number: int) -> str:
        slot, index = self.slots[number]
        return f"{slot}: payload #{index} {self.corpus[index]!r}"

    def as_json(self) -> dict[str, list]:
        return {str(number): [slot, index] for number, (slot, index) in self.slots.items()}


def _anything(payload: str) -> bool:
    return True
