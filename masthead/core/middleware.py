import functools

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.dispatch import receiver
from django.test.signals import setting_changed


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
