"""A friendly answer, not a bare 400 page, when an upload is over Django's request limits.

Django refuses a request body past ``DATA_UPLOAD_MAX_NUMBER_FILES`` files or, for
the form fields (pasted text), ``DATA_UPLOAD_MAX_MEMORY_SIZE`` bytes, raising as
the body is first read. The CSRF middleware reads it before any view runs, so
the upload view cannot catch it: this middleware reads the upload page's body
first and, when it is over a limit, answers with the upload page and a form
error naming the limit. Nothing is imported or changed, so no CSRF check is
needed for that answer; every other request passes through untouched.
Placed after the authentication, CSP and htmx middleware, which its page needs.
"""

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from .views import upload_over_limit


class UploadLimitsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and request.path == reverse("intake:article-upload"):
            try:
                # Reading the body is what trips the limits; the view reads it again, parsed.
                request.POST  # noqa: B018
                request.FILES  # noqa: B018
            except (RequestDataTooBig, TooManyFilesSent, TooManyFieldsSent) as error:
                return upload_over_limit(request, error)
        return self.get_response(request)
