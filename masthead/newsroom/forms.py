from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """Drafts save freely; publishing or submitting for review runs the publish gate."""

    def clean(self):
        from masthead.newsroom.gate import check_article

        cleaned_data = super().clean()
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
