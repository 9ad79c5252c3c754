import unicodedata

from django import forms

from masthead.newsroom.models import ArticleType, Author
from masthead.newsroom.queries import live_sections

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label="Search for", required=False, max_length=10_000)
    region = forms.ChoiceField(label="Region", required=False)
    type = forms.ModelChoiceField(
        label="Type",
        queryset=ArticleType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All types",
    )
    author = forms.ModelChoiceField(
        label="Author",
        queryset=Author.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All authors",
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = {section.slug: section for section in live_sections()}
        self.fields["region"].choices = [("", "All regions")] + [
            (slug, section.title) for slug, section in self.sections.items()
        ]
        self.shortened = False

    def clean_q(self):
        text = "".join(
            " " if unicodedata.category(ch).startswith("C") else ch for ch in self.cleaned_data["q"]
        )
        text = " ".join(text.split())
        if len(text) > MAX_QUERY_LENGTH:
            self.shortened = True
            text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]
        return text

    def clean_region(self):
        slug = self.cleaned_data["region"]
        return self.sections.get(slug) if slug else None

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return cleaned
