"""No copy of a signed-in person's pages anywhere but the server.

Every page and export is for signed-in users only and may hold another force's draft as that
user may see it; a browser's disk cache or a shared proxy must not keep it after sign-out or
for the next person at a shared computer. Responses to a signed-in user are marked
`Cache-Control: private, no-store` (with Django's never-cache headers). The application's
own page cache (peel_tracker.page_cache) is on the server, keyed by access, and unaffected."""

from django.utils.cache import add_never_cache_headers


class PrivateResponsesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response
