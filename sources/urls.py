from django.urls import path

from . import views

app_name = "sources"

urlpatterns = [
    path("", views.article_list, name="article-list"),
    path("<int:pk>/", views.article_detail, name="article-detail"),
    path("upload/", views.article_upload, name="article-upload"),
    path("imports/<int:pk>/", views.import_job, name="import-job"),
]
