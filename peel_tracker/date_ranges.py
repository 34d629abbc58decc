"""One rule for two dates that bound a range ("Published on or after", "Published on or
before"): the end may not come before the start. Every form with such a pair uses it."""

from django import forms


def check_date_range(form: forms.Form, *, start: str, end: str) -> None:
    """After the form's fields are cleaned: when both dates are given and `end` is before
    `start`, an error on `end` naming both fields by their labels."""
    first, last = form.cleaned_data.get(start), form.cleaned_data.get(end)
    if first and last and first > last:
        form.add_error(
            end,
            f"“{form.fields[end].label}” must be the same as or later than "
            f"“{form.fields[start].label}”.",
        )


class DateRangeForm(forms.Form):
    """A form (a FilterSet's, for one) whose `date_ranges`, pairs of (start, end) field names,
    are checked by check_date_range."""

    date_ranges: tuple[tuple[str, str], ...] = ()

    def clean(self) -> dict:
        cleaned = super().clean()
        for start, end in self.date_ranges:
            check_date_range(self, start=start, end=end)
        return cleaned
