from django import template
from django.utils.functional import SimpleLazyObject

from masthead.newsletter.forms import SignupForm
from masthead.newsletter.site import default_newsletter

register = template.Library()


@register.inclusion_tag("components/newsletter_signup.html", takes_context=True)
def newsletter_signup(context):
    """The sign-up box: the default newsletter's form, or nothing when there is none."""
    return {
        "newsletter": default_newsletter(),
        # Built only when the box renders: a kept copy of it (a fragment) needs no form.
        "form": SimpleLazyObject(SignupForm),
        "request": context.get("request"),
    }
