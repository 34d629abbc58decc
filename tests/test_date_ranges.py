"""peel_tracker.date_ranges: the one rule for a pair of dates bounding a range."""

import datetime

from django import forms

from peel_tracker.date_ranges import DateRangeForm


class RangeForm(DateRangeForm):
    starts = forms.DateField(label="From", required=False)
    ends = forms.DateField(label="To", required=False)
    date_ranges = (("starts", "ends"),)


def test_an_end_before_the_start_is_refused_naming_both_fields():
    form = RangeForm({"starts": "2020-05-02", "ends": "2020-05-01"})
    assert not form.is_valid()
    assert form.errors == {"ends": ["“To” must be the same as or later than “From”."]}


def test_the_same_day_or_one_date_alone_is_a_range():
    for data in ({"starts": "2020-05-02", "ends": "2020-05-02"}, {"starts": "2020-05-02"}, {}):
        form = RangeForm(data)
        assert form.is_valid(), data
    form = RangeForm({"ends": "2020-05-01"})
    assert form.is_valid()
    assert form.cleaned_data["ends"] == datetime.date(2020, 5, 1)
