"""Masthead's app with the counting endpoint answering at once and counting nothing: run by
bench/analytics.py beside the real one, it shows what answering the beacon's requests costs
readers whatever is done with them (the floor under the counting endpoint's cost)."""

from masthead.wsgi import application as masthead


def application(environ, start_response):
    if environ.get("PATH_INFO") != "/a/hit":
        return masthead(environ, start_response)
    stream, length = environ["wsgi.input"], int(environ.get("CONTENT_LENGTH") or 0)
    if length:
        stream.read(length)  # the request read whole, as the counting endpoint reads it
    start_response("204 No Content", [("Cache-Control", "no-store")])
    return [b""]
