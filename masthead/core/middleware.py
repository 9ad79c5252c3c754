import functools
import ipaddress

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.dispatch import receiver
from django.http import HttpResponseNotAllowed
from django.test.signals import setting_changed

# What readers' browsers and our forms send to public URLs; the admin's scripts add PUT, PATCH
# and DELETE. Anything else (TRACE, TRACK, CONNECT, made-up verbs) has no business reaching a
# view: Wagtail's page serving and feeds would answer it as a GET.
PUBLIC_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
ADMIN_METHODS = (*PUBLIC_METHODS, "PUT", "PATCH", "DELETE")
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class AllowedMethodsMiddleware:
    """405, with the Allow header, for a method no view here is meant to answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        allowed = ADMIN_METHODS if request.path_info.startswith(ADMIN_PREFIXES) else PUBLIC_METHODS
        if request.method not in allowed:
            return HttpResponseNotAllowed(allowed)
        return self.get_response(request)


class TrustedProxyMiddleware:
    """REMOTE_ADDR becomes the reader's address when the request came through a proxy of ours.

    Behind Varnish every request comes from Varnish's address, and the reader's is the last one
    it appended to X-Forwarded-For; anything to the left of that came from the client and may
    be made up. So the header is read only from an address in TRUSTED_PROXIES, right to left,
    skipping our own proxies. Search and sign-up limits and login throttling all read
    REMOTE_ADDR, and a reader cannot pick another address by sending the header.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.proxies = [ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES]

    def __call__(self, request):
        if self.proxies and self.is_proxy(_ip(request.META.get("REMOTE_ADDR", ""))):
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
            for part in reversed(forwarded.split(",")):
                ip = _ip(part.strip())
                if not self.is_proxy(ip):
                    if ip is not None:
                        request.META["REMOTE_ADDR"] = str(ip)
                    break
        return self.get_response(request)

    def is_proxy(self, ip) -> bool:
        return ip is not None and any(ip in network for network in self.proxies)


def _ip(value: str):
    """The address in `value`, or None when it is not one."""
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's, with the site's own policy built once per process.

    Without a nonce or a view's own change to the policy, every response gets the same two
    headers; django-csp builds them afresh each time, which cost a twentieth of an uncached
    page. Anything else is left to django-csp.
    """

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, name) for name in _VIEW_POLICY
        ):
            return super().process_response(request, response)
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for header, setting, exempt in _HEADERS:
            value = _site_policy(header)
            if value and header not in response and not getattr(response, exempt, False):
                prefixes = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES")
                if not request.path_info.startswith(tuple(prefixes or ())):
                    response[header] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response


_VIEW_POLICY = [f"_csp_{p}{ro}" for p in ("config", "update", "replace") for ro in ("", "_ro")]
_HEADERS = [
    (HEADER, "CONTENT_SECURITY_POLICY", "_csp_exempt"),
    (HEADER_REPORT_ONLY, "CONTENT_SECURITY_POLICY_REPORT_ONLY", "_csp_exempt_ro"),
]


@functools.cache
def _site_policy(header: str) -> str:
    return build_policy(report_only=header == HEADER_REPORT_ONLY)


@receiver(setting_changed)
def _forget_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _site_policy.cache_clear()
