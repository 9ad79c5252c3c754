"""Photo credits: who took a picture and for which agency, from a credit field or a caption.

One set of rules for every importer: a WordPress credit field (`_media_credit`), a
`[media-credit]` shortcode, a caption's last words ("… REUTERS/Jane Doe", "(Photo: Name/AFP)"),
a saved page's declared credit. A credit guessed from a caption is marked for an editor to check
by the caller.
"""

import re

AGENCIES = {
    "AP", "AFP", "EPA", "EPA-EFE", "REUTERS", "GETTY IMAGES", "GETTY", "SHUTTERSTOCK", "ALAMY",
    "ANADOLU", "XINHUA", "TASS", "RIA NOVOSTI", "DPA", "PA", "EFE", "ANSA", "UNSPLASH",
}  # fmt: skip

_LABEL = r"(?:photo(?:graph)?s?|pictures?|images?|credits?|photo credit|foto)"
_CREDIT_PATTERNS = [
    re.compile(r"\s*\(\s*" + _LABEL + r"\s*(?::|by\b)\s*(?P<credit>[^()]+?)\s*\)\s*$", re.I),
    re.compile(
        r"(?:^|(?<=[\s.;,|—–-]))" + _LABEL + r"\s*(?::|by\b)\s*(?P<credit>[^:]+?)\s*$", re.I
    ),
    re.compile(
        r"(?:^|(?<=[\s.;,|(]))(?P<credit>[A-Z][A-Z0-9&.\-]*(?: [A-Z][A-Z0-9&.\-]*)*(?: Photo)?"
        r"\s*/\s*[^\W\d_][^/()]{0,80}?)\s*\)?\s*$"
    ),
]
_WIRE_CREDIT = _CREDIT_PATTERNS[2]  # "AGENCY/Name" with no label: only when a name follows
_PHOTO_SUFFIX = re.compile(r"\s+photos?$", re.I)  # "AP Photo/Name", "Staff Photos/Name"


def _is_agency(text: str) -> bool:
    return text.upper() in AGENCIES or (text.isupper() and len(text) > 1)


def _agency_like(part: str) -> bool:
    return bool(_PHOTO_SUFFIX.search(part)) or _is_agency(part)


def split_credit(credit: str, organisation: str = "") -> tuple[str, str]:
    """(agency, photographer) from a credit: "AGENCY/Name", "Name/AGENCY", "Name / Org",
    "Name via AGENCY", an agency alone or a name alone. A separate `organisation` (as the
    Navis media credit plugin keeps one) is the agency and the credit the photographer."""
    if organisation.strip():
        return organisation.strip(), credit.strip()
    credit = credit.strip(" .;,")
    if " via " in credit:
        name, agency = credit.split(" via ", 1)
        return agency.strip(), name.strip()
    if "/" not in credit:
        return (credit, "") if _is_agency(credit) else ("", credit)
    left, right = (part.strip() for part in credit.split("/", 1))
    # House style is AGENCY/Photographer; read it the other way only when the right-hand side
    # is the one that looks like an agency ("Jane Doe/AFP"), or the slash is spaced as credit
    # plugins write "Name / Organisation".
    spaced = bool(re.search(r"\s/\s", credit))
    if (_agency_like(right) or spaced) and not _agency_like(left):
        return _PHOTO_SUFFIX.sub("", right), left
    return _PHOTO_SUFFIX.sub("", left), right


def parse_credit(caption: str) -> tuple[str, str, str] | None:
    """(agency, photographer, the caption without the credit) when the caption ends with one:
    "… REUTERS/Jane Doe", "… (Photo: Name/AGENCY)", "… Photo: Name", "Credit: …", "Image: …"."""
    caption = caption.strip()
    for pattern in _CREDIT_PATTERNS:
        match = pattern.search(caption)
        if match is None:
            continue
        credit = match.group("credit").strip()
        if not credit or len(credit.split()) > 8:
            continue
        agency, photographer = split_credit(credit)
        if photographer and not photographer[0].isupper() and pattern is _WIRE_CREDIT:
            continue
        rest = caption[: match.start()].rstrip(" |—–-(").strip()
        return agency, photographer, rest
    return None


def declared_credit(credit: str) -> tuple[str, str]:
    """A credit a page declares as one, as (agency, photographer): "AGENCY/Name" or a label
    ("Photo: Name") is read; anything else is the photographer's name, whole."""
    parsed = parse_credit(credit)
    if parsed and not parsed[2]:
        return parsed[0], parsed[1]
    return "", credit
