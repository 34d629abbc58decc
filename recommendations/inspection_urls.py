from django.urls import path

from recommendations import inspection_views as views

app_name = "inspections"

urlpatterns = [
    path("forces/<slug:slug>/", views.force_detail, name="force"),
    path("inspections/<int:pk>/", views.inspection_detail, name="detail"),
]
