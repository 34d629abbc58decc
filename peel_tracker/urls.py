from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "PEEL Tracker"
admin.site.site_title = "PEEL Tracker"
admin.site.index_title = "Inspection findings and statutory responses"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Until the analyst pages exist, the admin is the application's front door.
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
