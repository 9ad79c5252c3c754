from masthead.newsletter.models import Newsletter


def make_newsletter(**fields) -> Newsletter:
    values = {
        "name": "The weekly round-up",
        "slug": "weekly",
        "sender_name": "The Test Review",
        "sender_email": "newsletter@news.example",
        "reply_to": "letters@news.example",
        "postal_address": "1 Example Street, Exampletown",
        "is_default": True,
    }
    values.update(fields)
    return Newsletter.objects.create(**values)
