from django import template

from masthead.newsletter.forms import SignupForm
from masthead.newsletter.models import Newsletter

register = template.Library()


@register.inclusion_tag("components/newsletter_signup.html", takes_context=True)
def newsletter_signup(context):
    """The sign-up box: the default newsletter's form, or nothing when there is none."""
    newsletter = Newsletter.objects.order_by("-is_default", "pk").first()
    return {"newsletter": newsletter, "form": SignupForm(), "request": context.get("request")}
