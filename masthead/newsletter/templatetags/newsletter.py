from django import template

from masthead.newsletter.forms import SignupForm
from masthead.newsletter.services import default_newsletter

register = template.Library()


@register.inclusion_tag("components/newsletter_signup.html", takes_context=True)
def newsletter_signup(context):
    """The sign-up box: the default newsletter's form, or nothing when there is none."""
    return {
        "newsletter": default_newsletter(),
        "form": SignupForm(),
        "request": context.get("request"),
    }
