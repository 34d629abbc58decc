"""Shared by the saved views' tests: people in a role, signed in, and the address that saves
a page's filters (the fixtures are in this folder's conftest.py)."""

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory


def member(group: str, *forces, **kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group))
    for force in forces:
        force.editors.add(user)
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def new_url(page: str, query: str = "") -> str:
    return reverse("saved_views:new", args=[page]) + (f"?{query}" if query else "")
