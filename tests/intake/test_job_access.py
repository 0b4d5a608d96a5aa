"""An import job is visible to the editor who started it and to those allowed to view
import jobs (superusers), not to every editor: editors are all staff on this desk."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from intake.uploads import Upload, create_import_job

pytestmark = pytest.mark.django_db


def job_of(user):
    return create_import_job(
        uploads=[Upload("a.txt", b"Title\n\nThe port handled 5 ships."), Upload("b.txt", b"x")],
        user=user,
    )


def url(job) -> str:
    return reverse("intake:import-job", args=[job.pk])


def test_the_owner_sees_the_job(editor_client, editor):
    job = job_of(editor)
    assert editor_client.get(url(job)).status_code == 200
    fragment = editor_client.get(url(job), headers={"HX-Request": "true"})
    assert fragment.status_code == 200


def test_another_editor_does_not(client, editor, other_editor):
    other_editor.is_staff = True
    other_editor.save()
    job = job_of(editor)
    client.force_login(other_editor)
    assert client.get(url(job)).status_code == 404
    assert client.get(url(job), headers={"HX-Request": "true"}).status_code == 404
    # Nor is it listed on their upload page.
    assert url(job) not in client.get(reverse("intake:article-upload")).content.decode()


def test_a_superuser_sees_every_job(client, editor, django_user_model):
    job = job_of(editor)
    client.force_login(django_user_model.objects.create_superuser("boss", password="pw-boss"))
    assert client.get(url(job)).status_code == 200


def test_the_view_importjob_permission_sees_every_job(client, editor, other_editor):
    other_editor.user_permissions.add(
        Permission.objects.get(codename="view_importjob", content_type__app_label="sources")
    )
    job = job_of(editor)
    client.force_login(other_editor)
    assert client.get(url(job)).status_code == 200
