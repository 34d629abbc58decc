from django.urls import path

from inspections import views

app_name = "inspections"

urlpatterns = [
    path("forces/<slug:slug>/", views.force_detail, name="force"),
    path("inspections/<int:pk>/", views.inspection_detail, name="detail"),
]
