from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path, reverse_lazy
from django.views.decorators.http import require_safe

from recommendations.inspection_views import dashboard

admin.site.site_header = "PEEL Tracker administration"
admin.site.site_title = "PEEL Tracker"
admin.site.index_title = "Inspection findings and statutory responses"
# One sign-in page for the whole service. Signing in at /admin/login/ lands in the admin (or on
# the `next` page asked for), as Django's own admin login does; /accounts/login/ lands on the
# dashboard (LOGIN_REDIRECT_URL). The form posts back to the page it is on, so each keeps its
# landing page.
admin.site.login = auth_views.LoginView.as_view(
    redirect_authenticated_user=False, next_page=reverse_lazy("admin:index")
)


@require_safe
def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """/favicon.ico, which browsers ask for on pages without a <link rel="icon"> (files, error
    pages): the static icon, under its hashed name in production, so not a permanent redirect."""
    return HttpResponseRedirect(static("images/favicon.ico"))


urlpatterns = [
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("api/", include("recommendations.api.urls")),
    path("", dashboard, name="dashboard"),
    path("", include("recommendations.inspection_urls")),
    path("", include("recommendations.urls")),
    path("", include("recommendations.tracker_urls")),
    path("", include("recommendations.watching_urls")),
    path("", include("recommendations.saved_view_urls")),
]
