from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

# (section, label, URL name): the service navigation, in order. Admin is added for staff.
NAVIGATION = [
    ("dashboard", "Dashboard", "dashboard"),
    ("findings", "Findings", "recommendations:list"),
    ("tracker", "56-day tracker", "tracker:list"),
    ("saved_views", "Saved views", "saved_views:list"),
    ("watching", "Watching", "watching:list"),
]


def navigation(request: HttpRequest) -> dict:
    items = []
    for section, label, url_name in NAVIGATION:
        try:
            items.append({"section": section, "label": label, "href": reverse(url_name)})
        except NoReverseMatch:
            continue  # a page this deployment does not have
    return {"nav_items": items}
