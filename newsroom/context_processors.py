from django.conf import settings
from django.http import HttpRequest


def newsroom(request: HttpRequest) -> dict[str, str]:
    return {"NEWSROOM_NAME": settings.NEWSROOM_NAME}
