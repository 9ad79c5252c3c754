from django import forms
from wagtail.admin.forms import WagtailAdminModelForm


class SignupForm(forms.Form):
    email = forms.CharField(label="Your email address", max_length=254)
    # A field people never see; bots fill in every field they find.
    website = forms.CharField(required=False, label="Leave this empty")
    source = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)


class IssueForm(WagtailAdminModelForm):
    """The issue's edit form: stories the clock added while it was open keep their place."""

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            from masthead.newsletter.services import keep_gathered_since_form

            shown = {form.instance.pk for form in self.formsets["items"].forms}
            keep_gathered_since_form(instance, shown - {None})
        return instance
