"""The Wagtail admin as an editor drives it: sign in, upload a photo, write and publish a piece."""

import re
import time
from pathlib import Path

from playwright.sync_api import Page, expect

# The admin is heavy JavaScript on a shared machine: allow for slow responses, but not forever.
SLOW_MS = 30_000


class WagtailAdmin:
    def __init__(self, page: Page):
        self.page = page
        # Wagtail's unsaved-changes controller takes its picture of a new form two seconds after
        # the form appears, and only edits made after that picture start an autosave. Note when
        # it has been taken (its `w-unsaved:watch-edits` event), so a test can wait for it.
        page.add_init_script(
            "document.addEventListener('w-unsaved:watch-edits',"
            " () => { window.mastheadWatchingEdits = true; });"
        )

    @property
    def messages(self):
        """Wagtail's message area (success and error banners) is a status region."""
        return self.page.get_by_role("status").filter(has_not_text=re.compile(r"^\s*$")).first

    @property
    def dialog(self):
        return self.page.get_by_role("dialog")

    def log_in(self, username: str, password: str) -> None:
        self.page.goto("/admin/login/")
        self.page.get_by_label("Username").fill(username)
        self.page.get_by_label("Password").fill(password)
        self.page.get_by_role("button", name="Sign in").click()
        expect(self.page).to_have_url(re.compile(r"/admin/$"), timeout=SLOW_MS)
        expect(self.page.get_by_role("heading", level=1)).to_be_visible()

    # Images ------------------------------------------------------------------------------

    def upload_image(self, *, title: str, file: Path, alt_text: str) -> None:
        """Wagtail's single-image form; agency and photographer are left as they are (empty)."""
        self.page.goto("/admin/images/add/")
        self.page.get_by_label("Title").fill(title)
        self.page.get_by_label("File").set_input_files(file)
        self.page.get_by_label("Alt text").fill(alt_text)
        self.page.get_by_role("button", name="Upload").click()
        expect(self.messages).to_contain_text(f"Image '{title}' added", timeout=SLOW_MS)

    def edit_image(self, title: str, **fields: str) -> None:
        """Open the photo record from the image library and change labelled fields."""
        self.page.goto("/admin/images/")
        self.page.get_by_role("link", name=title).first.click()
        expect(self.page.get_by_label("Title")).to_have_value(title, timeout=SLOW_MS)
        for label, value in fields.items():
            self.page.get_by_label(label, exact=True).fill(value)
        self.page.get_by_role("button", name="Save").click()
        expect(self.messages).to_contain_text(f"Image '{title}' updated", timeout=SLOW_MS)

    # Pages -------------------------------------------------------------------------------

    def add_article_under(self, home_title: str, section_title: str) -> None:
        """Walk the page explorer down to the section and add a child page to it."""
        self.page.goto("/admin/pages/")
        self.page.get_by_role("link", name=f"Explore child pages of '{home_title}'").click()
        self.page.get_by_role("link", name=f"Explore child pages of '{section_title}'").click()
        self.page.get_by_role("link", name="Add child page", exact=True).click()
        # A section only takes articles, so Wagtail goes straight to the article form.
        expect(self.page.get_by_role("heading", name="New: Article")).to_be_visible(timeout=SLOW_MS)
        # Edits typed before Wagtail watches the form would count as the form's starting state: no
        # autosave would follow, and settle_autosave() would wait for one in vain.
        self.page.wait_for_function("window.mastheadWatchingEdits === true", timeout=SLOW_MS)

    def fill_title(self, title: str) -> None:
        self.page.get_by_role("textbox", name="Title").fill(title)

    def fill_dek(self, dek: str) -> None:
        self.page.get_by_role("textbox", name="Dek").fill(dek)

    def choose(self, button: str, item: str, *, exact: bool = True) -> None:
        """Open a chooser (snippet or image) and pick the item by its link's accessible name.

        An image choice's name is its thumbnail's alt text followed by its title: match the
        title as a substring there (exact=False).
        """
        self.page.get_by_role("button", name=button).click()
        self.dialog.get_by_role("link", name=item, exact=exact).click()
        expect(self.dialog).to_be_hidden(timeout=SLOW_MS)

    def add_author(self, name: str) -> None:
        self.page.get_by_role("button", name="Add Authors").click()
        self.choose("Choose author", name)

    def settle_autosave(self) -> None:
        """Wait until Wagtail's autosave has nothing in flight or pending.

        Wagtail 8 saves a draft on its own half a second after an edit; on a new page that first
        autosave creates the page and turns the form into the edit form. Publishing while it is in
        flight posts the create form a second time, and the slug is then taken. An editor
        clicking along at human speed never sees this; a test must wait for it like one.
        """
        indicator = self.page.locator("#w-autosave-indicator")
        if not indicator.count():  # autosave is off for this form
            return
        if "/add/" in self.page.url:
            expect(indicator).to_have_attribute(
                "data-w-autosave-state-value", "saved", timeout=SLOW_MS
            )
        quiet_since = None
        for _ in range(SLOW_MS // 100):
            if indicator.get_attribute("data-w-autosave-state-value") == "saving":
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since > 1.0:  # twice Wagtail's autosave interval
                return
            self.page.wait_for_timeout(100)
        raise AssertionError("Wagtail's autosave never settled")

    def publish(self) -> None:
        """Publish is in the dropdown of the footer action menu, under "Save draft"."""
        self.settle_autosave()
        self.page.get_by_role("button", name="More actions").click()
        with self.page.expect_navigation(timeout=SLOW_MS):
            self.page.get_by_role("button", name="Publish", exact=True).click()
