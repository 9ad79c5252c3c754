"""Ghost's members as subscribers, each with its consent to emails: from the export's own
`members` table, when the JSON has one, or from the members CSV Ghost exports separately."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from masthead.importers.exportfiles import csv_rows
from masthead.importers.ghost.tables import GhostExport, flag, ident, moment, rows
from masthead.importers.records import SourceSubscriber

MEMBER_COLUMNS = ("email", "subscribed_to_emails")
CONSENT_SOURCE = "ghost import"


def read_json_members(export: GhostExport, data: dict, label: str) -> None:
    """The members in the export's tables, if it has any, added to `export.subscribers`."""
    if isinstance(data.get("members"), list) and data["members"]:
        _subscribers(export, _json_members(export, data), label)


def read_csv_members(export: GhostExport, content: bytes, label: str) -> None:
    """The members in Ghost's members CSV, added to `export.subscribers`."""
    _subscribers(export, _csv_members(content, label), label)


def _json_members(export: GhostExport, data: dict) -> list[dict]:
    receiving = {ident(row.get("member_id")) for row in rows(data, "members_newsletters")}
    unknown = 0
    members = []
    for number, row in enumerate(rows(data, "members"), start=1):
        subscribed = flag(row.get("subscribed_to_emails", row.get("subscribed")))
        if subscribed is None and "members_newsletters" in data:
            subscribed = ident(row.get("id")) in receiving
        unknown += subscribed is None
        members.append({**row, "subscribed_to_emails": subscribed, "_where": f"member {number}"})
    if unknown:
        export.problems.append(
            f"{unknown} members' consent to emails is not in the export; they are imported as "
            "unsubscribed"
        )
    return members


def _csv_members(content: bytes, label: str) -> list[dict]:
    lacking = "{label} is not a Ghost members CSV: its first line lacks the column(s) {columns}"
    rows = csv_rows(content, label, MEMBER_COLUMNS, lacking=lacking)
    return [{**row, "_where": f"line {line}"} for line, row in rows]


def _subscribers(export: GhostExport, members: list[dict], label: str) -> None:
    seen = {subscriber.email.casefold() for subscriber in export.subscribers}
    for member in members:
        email, reason = str(member.get("email") or "").strip(), ""
        try:
            validate_email(email)
        except ValidationError:
            reason = "a member without a valid email address"
        if not reason and member.get("deleted_at"):
            reason = "a member deleted in Ghost"
        elif not reason and email.casefold() in seen:
            reason = "a member whose email address repeats an earlier one's; the first is kept"
        if reason:
            export.skipped[reason] += 1
            if reason != "a member deleted in Ghost":
                export.problems.append(f"{label}, {member['_where']}: {reason} ({email!r})")
            continue
        seen.add(email.casefold())
        problems: list[str] = []
        subscribed_at = moment(member.get("created_at"), "its sign-up date", problems)
        if flag(member.get("email_disabled")):
            state = "bounced"  # Ghost stops emailing an address that bounced or complained
        else:
            state = "active" if flag(member.get("subscribed_to_emails")) else "unsubscribed"
        export.problems.extend(f"{label}, {member['_where']}: {p}" for p in problems)
        export.subscribers.append(
            SourceSubscriber(
                email=email,
                state=state,
                subscribed_at=subscribed_at,
                consent_source=CONSENT_SOURCE,
                name=str(member.get("name") or "").strip(),
            )
        )
