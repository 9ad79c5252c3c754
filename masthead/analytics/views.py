"""The counting endpoint through Django, for a server that does not run `masthead.wsgi` (its
WSGI front answers the same hits first, see ingest.py)."""

from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt

from masthead.analytics import ingest


@csrf_exempt
def hit(request):
    status, headers, body = ingest.respond(request.META)
    response = HttpResponse(body, status=int(status.split()[0]))
    for name, value in headers:
        if name != "Content-Length":
            response[name] = value
    return response
