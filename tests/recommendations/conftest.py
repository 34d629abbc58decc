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
    return {
        "private": SavedViewFactory(owner=editor, name="Private"),
        "force": SavedViewFactory(owner=editor, name="Force", sharing="force", force=force),
        "everyone": SavedViewFactory(owner=editor, name="Everyone", shared_with_everyone=True),
    }
