"""Root URLs: the admin, and the public site of each app."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from intake.views import intake_view
from newsroom.editorial.dashboard import dashboard
from newsroom.provenance_views import provenance_report_view
from search.views import SearchView

from .health import healthz

admin.site.site_header = "Ballot Desk"
admin.site.site_title = "Ballot Desk admin"
admin.site.index_title = "Newsroom"

# A paste too large for Django to read is answered by the intake form itself.
handler400 = "intake.views.bad_request_view"

urlpatterns = [
    path(
        f"{settings.ADMIN_URL}dashboard/",
        admin.site.admin_view(dashboard),
        name="editorial_dashboard",
    ),
    path(
        f"{settings.ADMIN_URL}provenance/",
        admin.site.admin_view(provenance_report_view),
        name="provenance_report",
    ),
    path(
        f"{settings.ADMIN_URL}intake/",
        admin.site.admin_view(intake_view),
        name="article_intake",
    ),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("frontpage.urls")),
    path("search/", SearchView.as_view(), name="search"),
    path("cite/", include("newsroom.citations.urls")),
    path("versions/", include("newsroom.history_views")),
    path("api/v1/", include("api.urls")),
    path("desk/results/import/", include("results.importing.urls")),
    path("", include("candidates.urls")),
    path("", include("results.urls")),
    path("", include("newsroom.urls")),
]
