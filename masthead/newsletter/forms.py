from django import forms


class SignupForm(forms.Form):
    email = forms.CharField(label="Your email address", max_length=254)
    # A field people never see; bots fill in every field they find.
    website = forms.CharField(required=False, label="Leave this empty")
    source = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)
