"""The read-only API (/api/v1/, docs/api.md): Django REST framework views over the same reads
as the pages (recommendations.selectors, inspections.selectors) and the pages' own filters, so
a query string gives the API exactly the rows it gives the page. A module each: authentication
(personal tokens), permissions, throttling, pagination (a keyset cursor over the page's order),
filtering (the page's FilterSet), renderers (CSV), serializers, views, urls."""
