"""The publish gate: what an article must have before it goes live.

Works on plain values so the admin form (with unsaved inline data) and code that publishes
programmatically ask the same question.
"""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


@dataclass(frozen=True)
class Problem:
    field: str | None  # the form field to attach the message to; None for the whole form
    message: str


def photo_problems(image, where: str) -> list[Problem]:
    problems = []
    if not image.alt_text.strip():
        problems.append(
            Problem(None, f"{where} “{image.title}” has no alt text: add it to the photo record.")
        )
    if not image.has_credit:
        problems.append(
            Problem(
                None,
                f"{where} “{image.title}” has no credit: add the agency or photographer "
                "to the photo record.",
            )
        )
    if image.licence_expired:
        problems.append(
            Problem(
                None,
                f"{where} “{image.title}” may no longer be shown: its licence expired on "
                f"{image.licence_expiry:%-d %B %Y}. Renew it in the photo record or choose "
                "another photo.",
            )
        )
    return problems


def check_article(*, dek, article_type, parent, authors, hero_image, body) -> list[Problem]:
    from masthead.newsroom.models import SectionPage

    problems = []
    if not (dek or "").strip():
        problems.append(
            Problem("dek", "Add a dek (the one-sentence standfirst) before publishing.")
        )
    if article_type is None:
        problems.append(Problem("article_type", "Choose the article type before publishing."))
    if parent is None or not isinstance(parent.specific, SectionPage):
        problems.append(Problem(None, "Place the article in a region section before publishing."))
    if not authors:
        problems.append(Problem(None, "Add at least one author to the byline before publishing."))
    if hero_image is not None:
        problems += photo_problems(hero_image, "The top photo")
    for number, block in enumerate((b for b in body or [] if b.block_type == "image"), start=1):
        image = block.value.get("image")
        if image is not None:
            problems += photo_problems(image, f"Photo {number} in the body")
    return problems


def publishing_problems(page, *, parent=None) -> list[str]:
    """The messages that stop an article going live under `parent` (default: where it is).

    `page` is a saved article or a revision's content (`revision.as_object()`): either way its
    photos are read from their records now, so a credit cleared after an article was scheduled
    stops it at go-live time.
    """
    problems = check_article(
        dek=page.dek,
        article_type=page.article_type,
        parent=parent if parent is not None else page.get_parent(),
        authors=page.authors,
        hero_image=page.hero_image,
        body=page.body,
    )
    return [problem.message for problem in problems]


class PublishRefused(ValidationError):
    """The gate stopped an article going live. A ValidationError keyed to the whole form, so
    Wagtail's own callers (the admin API) answer it as bad input; `problems` lists the reasons."""

    def __init__(self, page, problems: list[str], *, doing: str = "published"):
        self.page_id = page.pk
        self.title = page.title
        self.problems = list(problems)
        self.summary = f"“{page.title}” cannot be {doing}: " + " ".join(self.problems)
        super().__init__({NON_FIELD_ERRORS: [self.summary]})

    def __str__(self) -> str:
        return self.summary
