from datetime import datetime, timedelta

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm


class SignupForm(forms.Form):
    email = forms.CharField(label="Your email address", max_length=254)
    # A field people never see; bots fill in every field they find.
    website = forms.CharField(required=False, label="Leave this empty")
    source = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)


class IssueForm(WagtailAdminModelForm):
    """The issue's edit form: stories the clock added while it was open keep their place, and
    the send time says when this newsletter usually goes out."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        issue, field = self.instance, self.fields.get("scheduled_for")
        if field is None:
            return
        field.help_text = "It goes out at this time; empty, the issue stays a draft."
        if issue.week_of and issue.newsletter_id and issue.state == issue.State.DRAFT:
            usual = datetime.combine(issue.week_of, issue.newsletter.send_time)
            field.help_text += f" {issue.newsletter}'s usual time: {usual:%A %-d %B, %H:%M}."

    def clean_scheduled_for(self):
        when = self.cleaned_data.get("scheduled_for")
        late = when is not None and when < timezone.now() - timedelta(minutes=5)
        draft = self.instance.state == self.instance.State.DRAFT  # a sent one keeps its record
        if late and draft and "scheduled_for" in self.changed_data:
            raise forms.ValidationError(
                "That time has passed. Pick a later one, or send the issue now with “Send…” "
                "in the list of issues."
            )
        return when

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            from masthead.newsletter.roundup import keep_gathered_since_form

            shown = {form.instance.pk for form in self.formsets["items"].forms}
            keep_gathered_since_form(instance, shown - {None})
        return instance
