"""Root URLs: the admin, and the public site of each app."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import TemplateView

from .health import healthz

admin.site.site_header = "Ballot Desk"
admin.site.site_title = "Ballot Desk admin"
admin.site.index_title = "Newsroom"

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", TemplateView.as_view(template_name="home.html"), name="home"),
    path("cite/", include("newsroom.citations.urls")),
    path("", include("candidates.urls")),
    path("", include("results.urls")),
    path("", include("newsroom.urls")),
]
