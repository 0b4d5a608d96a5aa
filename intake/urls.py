from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("upload/", views.article_upload, name="article-upload"),
    path("imports/<int:pk>/", views.import_job, name="import-job"),
    path("articles/<int:pk>/replace/", views.article_replace_text, name="article-replace-text"),
]
