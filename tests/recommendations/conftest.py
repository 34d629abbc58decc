"""Fixtures of the saved views' tests."""

import pytest

from inspections.access import OPCC_EDITOR_GROUP
from tests.factories import SavedViewFactory
from tests.recommendations.saved_view_helpers import member


@pytest.fixture
def colleague(force):
    """Another OPCC editor of the editor's force."""
    return member(OPCC_EDITOR_GROUP, force)


@pytest.fixture
def views(editor, force):
    """The editor's three views of the open findings: private, shared with their force, and
    shared with everyone."""
    mine = {"owner": editor, "query": "status=open"}
    return {
        "private": SavedViewFactory(**mine, name="Private"),
        "force": SavedViewFactory(**mine, name="Force", sharing="force", force=force),
        "everyone": SavedViewFactory(**mine, name="Everyone", shared_with_everyone=True),
    }
