from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm


class ArticlePageForm(WagtailAdminPageForm):
    """Drafts save freely; publishing or submitting for review runs the publish gate."""

    CORRECTING = "newsroom.add_articlecorrection"

    def clean(self):
        from masthead.newsroom.gate import check_article

        cleaned_data = super().clean()
        self._check_corrections()
        if self.is_deferred_validation:  # "Save draft": nothing is gated
            return cleaned_data
        authors_formset = self.formsets["article_authors"]
        authors = [
            form.cleaned_data["author"]
            for form in authors_formset.forms
            if authors_formset.is_valid()
            and form.cleaned_data.get("author")
            and not form.cleaned_data.get("DELETE")
        ]
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        for problem in check_article(
            dek=cleaned_data.get("dek"),
            article_type=cleaned_data.get("article_type"),
            parent=parent,
            authors=authors,
            hero_image=cleaned_data.get("hero_image"),
            body=cleaned_data.get("body"),
        ):
            self.add_error(problem.field, problem.message)
        return cleaned_data

    def _check_corrections(self) -> None:
        """Only an editor adds, changes or removes a correction."""
        formset = self.formsets.get("corrections")
        if formset is None or not formset.has_changed():
            return
        if self.for_user is None or not self.for_user.has_perm(self.CORRECTING):
            formset._non_form_errors = formset.error_class(
                ["Only an editor can add, change or remove a correction."]
            )
            self.add_error(None, "Only an editor can add, change or remove a correction.")

    def save(self, commit=True):
        formset = self.formsets.get("corrections")
        if formset is not None and self.for_user is not None:
            for form in formset.forms:
                if form.has_changed() and form.instance.editor_id is None:
                    form.instance.editor = self.for_user  # who made it, kept with the record
        return super().save(commit=commit)


class ArticleCopyForm(CopyForm):
    """A copy (or alias) that is to be live must pass the publish gate where it lands."""

    def clean(self):
        from masthead.newsroom.gate import publishing_problems

        cleaned_data = super().clean()
        going_live = cleaned_data.get("publish_copies") or cleaned_data.get("alias")
        if going_live and self.page.live:
            parent = cleaned_data.get("new_parent_page") or self.page.get_parent()
            problems = publishing_problems(self.page.specific, parent=parent)
            if problems:
                field = "alias" if cleaned_data.get("alias") else "publish_copies"
                self.add_error(
                    field,
                    "The copy cannot be published: "
                    + " ".join(problems)
                    + " Copy it as a draft, or complete the article first.",
                )
        return cleaned_data
