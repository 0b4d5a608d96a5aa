from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from sources.parsing import SUPPORTED_SUFFIXES, ArticleRejected, decode

from .services import IngestResult, Outcome, check_size
from .uploads import UPLOAD_MAX_TOTAL_BYTES, Upload, pasted_article_bytes, pasted_source_file

# The suffixes offered in the file picker; the importer accepts the same.
ACCEPT = ",".join(sorted(SUPPORTED_SUFFIXES))


def screen_file(name: str, size: int, seen: set[str]) -> str:
    """Why a chosen file cannot be imported, read from its name and size alone; "" if it can.

    Checked before the file is read, so a file over the size limit is never loaded.
    """
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
        return f"{name}: unsupported file type {suffix or '(none)'}; use {allowed}"
    if len(name) > 255:
        return f"{name[:60]}…: file name longer than 255 characters"
    if name in seen:
        return f"{name}: chosen twice; each file needs its own name"
    try:
        check_size(name, size, settings.IMPORT_MAX_BYTES)
    except ArticleRejected as error:
        return str(error)
    return ""


def screen_upload(upload: Upload) -> str:
    """Why an upload's bytes cannot be imported (empty, binary, undecodable); "" if they can.

    The importer's own checks (``check_size``, ``decode``), run before anything is stored.
    """
    try:
        check_size(upload.name, upload.size, settings.IMPORT_MAX_BYTES)
        decode(upload.data, name=upload.name)
    except ArticleRejected as error:
        return str(error)
    return ""


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: object, initial: object = None) -> list[UploadedFile[bytes]]:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ReplaceTextForm(forms.Form):
    """New text for an article (a file or pasted text) and why it replaces the old."""

    file = forms.FileField(label="New file", required=False, allow_empty_file=True)
    text = forms.CharField(label="Or paste the new text", required=False, strip=False)
    reason = forms.CharField(label="Why the text is replaced", max_length=1000, strip=True)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        upload, text = data.get("file"), data.get("text") or ""
        if self.errors:
            return data
        if upload and text.strip():
            raise forms.ValidationError("Choose a file or paste text, not both.")
        if not upload and not text.strip():
            raise forms.ValidationError("Choose a file or paste the new text.")
        if upload:
            name = Path(upload.name or "").name
            suffix = Path(name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                allowed = ", ".join(sorted(SUPPORTED_SUFFIXES))
                raise forms.ValidationError(f"{name}: unsupported file type; use {allowed}")
            check = name
        else:
            name, check = "", "pasted.txt"
        content = upload.read() if upload else text.encode()
        try:
            check_size(check, len(content), settings.IMPORT_MAX_BYTES)
            decode(content, name=check)
        except ArticleRejected as error:
            raise forms.ValidationError(str(error)) from error
        data["data"], data["source_file"] = content, name
        return data


class ArticleUploadForm(forms.Form):
    """Pasted text (with optional headline, date and URL) or one or more article files."""

    text = forms.CharField(
        label="Article text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Paste the article's text; paragraphs separated by blank lines.",
    )
    title = forms.CharField(label="Headline", required=False, max_length=300)
    published = forms.DateField(
        label="Date published",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    url = forms.URLField(
        label="Address (URL)", required=False, max_length=500, assume_scheme="https"
    )
    # The form metaclass moves declared fields into base_fields, so this does not shadow
    # BaseForm.files (the request's files) at run time; mypy sees only the class attribute.
    files = MultipleFileField(  # type: ignore[assignment]
        label="Article files",
        required=False,
        # Empty files get the importer's own message ("a.txt: empty file") below.
        allow_empty_file=True,
        widget=MultipleFileInput(attrs={"accept": ACCEPT}),
        help_text=(
            f"One or more files ({', '.join(sorted(SUPPORTED_SUFFIXES))}), "
            f"up to {settings.DATA_UPLOAD_MAX_NUMBER_FILES} at a time."
        ),
    )
    outlet = forms.CharField(
        label="Outlet",
        required=False,
        max_length=200,
        help_text="For files, overrides the outlet named in the files.",
    )

    def clean_files(self) -> list[UploadedFile[bytes]]:
        files: list[UploadedFile[bytes]] = self.cleaned_data["files"]
        # An uploaded file always has a size; the stubs allow None for files in general.
        total = sum(f.size or 0 for f in files)
        if total > UPLOAD_MAX_TOTAL_BYTES:
            # The whole upload is refused: its files are read into memory and stored.
            raise forms.ValidationError(
                f"These files add up to {total:,} bytes, over the {UPLOAD_MAX_TOTAL_BYTES:,}-byte "
                "limit for one upload; upload them in smaller batches"
            )
        return files

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        text = data.get("text") or ""
        files = data.get("files") or []
        if self.errors:
            return data
        if text.strip() and files:
            raise forms.ValidationError("Paste text or choose files, not both.")
        if not text.strip() and not files:
            raise forms.ValidationError("Paste an article's text or choose files to upload.")
        if files and (data.get("title") or data.get("published") or data.get("url")):
            raise forms.ValidationError(
                "Headline, date and address apply to pasted text only; "
                "for files they are read from the files themselves."
            )
        if not files:
            pasted = self._pasted(data)
            if problem := screen_upload(pasted):
                raise forms.ValidationError(problem)
            data["uploads"], data["refused"] = [pasted], []
            return data
        # One bad file does not block the others: each is refused with its one-line reason
        # (as import_articles does), and the good ones are imported.
        uploads: list[Upload] = []
        refused: list[IngestResult] = []
        seen: set[str] = set()
        for f in files:
            name = Path(f.name or "").name
            if problem := screen_file(name, f.size, seen):
                refused.append(IngestResult(name, Outcome.FAILED, message=problem))
            else:
                upload = Upload(name, f.read())
                if problem := screen_upload(upload):
                    refused.append(IngestResult(name, Outcome.FAILED, message=problem))
                else:
                    uploads.append(upload)
            seen.add(name)
        if not uploads:
            raise forms.ValidationError([result.message for result in refused])
        data["uploads"], data["refused"] = uploads, refused
        return data

    @staticmethod
    def _pasted(data: dict[str, Any]) -> Upload:
        content = pasted_article_bytes(
            text=data["text"],
            title=data.get("title") or "",
            outlet=data.get("outlet") or "",
            published=data.get("published"),
            url=data.get("url") or "",
        )
        return Upload(pasted_source_file(content), content)
