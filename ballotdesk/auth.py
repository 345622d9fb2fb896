"""Login throttling with django-axes: the lockout backend and the client address it counts."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check for every login that comes with a request.

    A call without a request (the test client's `login()`, a management command) cannot be
    made by a visitor, so there is nothing to throttle and the next backend decides.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The visitor's address: behind our TLS proxy, the one the proxy appended last."""
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.rsplit(",", 1)[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
