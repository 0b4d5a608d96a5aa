"""Adding articles in the browser: paste or upload, the import job page, and replacing
an article's text (an editor's recorded action with a reason)."""

from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from factcheck.pages import article_page_context
from factcheck.views.facts import ARTICLE_PAGE
from newsroom.htmx import wants_fragment
from newsroom.requests import SignedInRequest
from sources.models import Article, ImportJob
from sources.parsing import ArticleRejected

from .forms import ArticleUploadForm, ReplaceTextForm
from .services import IngestResult, Outcome, replace_article_text
from .uploads import Upload, ingest_upload, runs_in_background, start_import_job


def _require_add_article(request: HttpRequest) -> None:
    if not request.user.has_perm("sources.add_article"):
        raise PermissionDenied


def _go_to(request: HttpRequest, url: str) -> HttpResponse:
    # An htmx form post must make the browser load the new page, not swap it in.
    if wants_fragment(request):
        return HttpResponseClientRedirect(url)
    return redirect(url)


def _imported_message(result: IngestResult) -> str:
    article = result.article
    # ingest_article stores an article or raises; only batch imports record failures.
    assert article is not None
    if result.outcome == Outcome.UNCHANGED:
        if article.source_file != result.source_file:
            return f"Already imported as {article.source_file}: “{article.title}”."
        return f"Already imported: “{article.title}”; nothing changed."
    verb = "Updated" if result.outcome == Outcome.UPDATED else "Imported"
    claims = article.claims.count()
    return f"{verb} “{article.title}”: {claims} claim{'s' if claims != 1 else ''} found."


def _rejection(error: ArticleRejected, upload: Upload, pasted: bool) -> str:
    message = str(error)
    if pasted and message.startswith(f"{upload.name}:"):
        return "Pasted text:" + message[len(upload.name) + 1 :]
    return message


@require_http_methods(["GET", "POST"])
@login_required
@vary_on_headers("HX-Request")
def article_upload(request: SignedInRequest) -> HttpResponse:
    _require_add_article(request)
    form = ArticleUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads, refused = form.cleaned_data["uploads"], form.cleaned_data["refused"]
        outlet = form.cleaned_data["outlet"]
        if runs_in_background(uploads, refused):
            job = start_import_job(
                uploads=uploads, user=request.user, outlet_name=outlet, refused=refused
            )
            # get_absolute_url comes from settings.ABSOLUTE_URL_OVERRIDES, unseen by mypy.
            return _go_to(request, job.get_absolute_url())  # type: ignore[attr-defined]
        try:
            result = ingest_upload(uploads[0], outlet_name=outlet)
        except ArticleRejected as error:
            form.add_error(None, _rejection(error, uploads[0], not form.cleaned_data["files"]))
        else:
            messages.success(request, _imported_message(result))
            article = result.article
            assert article is not None
            return _go_to(request, article.get_absolute_url())  # type: ignore[attr-defined]
    recent_jobs = ImportJob.objects.filter(created_by=request.user)[:5]
    template = "intake/article_upload.html"
    if wants_fragment(request):
        template += "#upload-form"
    # A refused upload clears the file picker: the page names what was chosen.
    chosen = [(f.name, f.size) for f in request.FILES.getlist("files")]
    return render(request, template, {"form": form, "recent_jobs": recent_jobs, "chosen": chosen})


def _limit_message(error: Exception) -> str:
    if isinstance(error, TooManyFilesSent):
        return (
            f"Too many files for one upload: at most {settings.DATA_UPLOAD_MAX_NUMBER_FILES:,} "
            "at a time (DATA_UPLOAD_MAX_NUMBER_FILES). Upload them in smaller batches, or "
            "import a folder with manage.py import_articles."
        )
    if isinstance(error, TooManyFieldsSent):
        return (
            f"Too many form fields: at most {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} "
            "(DATA_UPLOAD_MAX_NUMBER_FIELDS)."
        )
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return (
        f"The pasted text is over the {limit:,}-byte ({limit / 1024 / 1024:.1f} MB) limit for "
        "one form (DATA_UPLOAD_MAX_MEMORY_SIZE). Save it as a .txt file and upload the file "
        "instead."
    )


def upload_over_limit(request: HttpRequest, error: Exception) -> HttpResponse:
    """The upload page with an error naming the limit (called by ``UploadLimitsMiddleware``).

    Only for those who may add articles; anyone else gets Django's plain 400.
    """
    if not request.user.is_authenticated or not request.user.has_perm("sources.add_article"):
        raise error
    template = "intake/article_upload.html"
    context = {"form": ArticleUploadForm(), "limit_error": _limit_message(error)}
    if wants_fragment(request):
        # htmx swaps only successful answers: the fragment comes back with a 200.
        return render(request, template + "#upload-form", context)
    context["recent_jobs"] = ImportJob.objects.filter(created_by=request.user)[:5]
    return render(request, template, context, status=413)


@require_GET
@login_required
@vary_on_headers("HX-Request")
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    _require_add_article(request)
    # Another editor's job is "not found", not "forbidden": its existence is not shown.
    jobs = ImportJob.objects.visible_to(request.user).select_related("created_by")
    job = get_object_or_404(jobs, pk=pk)
    ids = [r["article_id"] for r in job.results if r.get("article_id")]
    articles = Article.objects.only("pk", "title").in_bulk(ids)
    rows = [{**r, "article": articles.get(r.get("article_id"))} for r in job.results]
    template = "intake/import_job.html"
    if wants_fragment(request):
        template += "#job-status"
    return render(request, template, {"job": job, "rows": rows})


def may_replace_text(user: User | AnonymousUser) -> bool:
    """Who may replace an article's text: those who may change articles, and editors."""
    return user.has_perm("sources.change_article") or user.has_perm("factcheck.record_verdict")


@require_POST
@login_required
def article_replace_text(request: SignedInRequest, pk: int) -> HttpResponse:
    if not may_replace_text(request.user):
        raise PermissionDenied
    article = get_object_or_404(Article, pk=pk)
    form = ReplaceTextForm(request.POST, request.FILES)
    if form.is_valid():
        # Pasted text is plain text, whatever the article's original file was.
        name = form.cleaned_data["source_file"] or Path(article.source_file).stem + ".txt"
        try:
            result = replace_article_text(
                article=article,
                data=form.cleaned_data["data"],
                user=request.user,
                reason=form.cleaned_data["reason"],
                source_file=name,
            )
        except ArticleRejected as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{result.source_file}: {result.message or 'text unchanged'}")
            return redirect(article.get_absolute_url())  # type: ignore[attr-defined]
    article = get_object_or_404(Article.objects.with_outlet(), pk=pk)
    context = {**article_page_context(article), "replace_form": form}
    return render(request, ARTICLE_PAGE, context, status=400)
