from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    # Uploads and import jobs (/articles/upload/, /articles/imports/<id>/); the article
    # list and pages (/articles/, /articles/<id>/) are factcheck's.
    path("articles/", include("intake.urls")),
    path("", include("factcheck.urls")),
]

# 403.html and 404.html are Django's handlers with our templates; the 500 page is rendered
# without the request's context (see newsroom/views.py).
handler500 = "newsroom.views.server_error"
