"""The site's own error page for a server error.

Django's 403 and 404 handlers render ``403.html`` and ``404.html`` with the request's
context (the signed-in user, the navigation). A 500 may come from a broken database or
a broken context processor, so ``server_error`` renders ``500.html`` with a plain
context built from settings alone: no request context, no query.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseServerError
from django.template import loader


def server_error(request: HttpRequest) -> HttpResponseServerError:
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"NEWSROOM_NAME": settings.NEWSROOM_NAME}))
