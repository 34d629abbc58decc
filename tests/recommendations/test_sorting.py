"""recommendations.sorting on its own: which sort each heading links to, and aria-sort."""

from recommendations.sorting import SortColumn, SortHeading, sort_headings

COLUMNS = {"date": SortColumn(("-date", "date")), "name": SortColumn(("name",))}
DIRECTIONS = {"-date": "descending", "date": "ascending", "name": "ascending"}
LABELS = {"-date": "Newest first", "date": "Oldest first", "name": "Name (A to Z)"}


def headings(current: str, params=()) -> dict[str, SortHeading]:
    return sort_headings(
        COLUMNS, current=current, directions=DIRECTIONS, labels=LABELS, params=list(params)
    )


def test_the_current_column_is_marked_and_reverses_where_it_has_both_directions():
    assert headings("-date") == {
        "date": SortHeading("?sort=date", "descending", "Oldest first"),
        "name": SortHeading("?sort=name", None, "Name (A to Z)"),
    }
    assert headings("date")["date"] == SortHeading("?sort=-date", "ascending", "Newest first")
    # One direction only: a second click keeps it.
    assert headings("name")["name"] == SortHeading("?sort=name", "ascending", "Name (A to Z)")
    assert headings("name")["date"] == SortHeading("?sort=-date", None, "Newest first")


def test_the_links_keep_the_other_parameters_in_order_and_encoded():
    params = [("force", "avon"), ("force", "kent"), ("q", '"stop & search"')]
    assert headings("name", params)["date"].url == (
        "?force=avon&force=kent&q=%22stop+%26+search%22&sort=-date"
    )
