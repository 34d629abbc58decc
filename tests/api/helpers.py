"""Calling the API as a user, through a personal token, and reading what it returns."""

import csv
import io

from django.test import Client

from recommendations.services import api_token_create


def token_client(user, name: str = "test") -> Client:
    """A client sending a fresh token of `user` (no session)."""
    _, key = api_token_create(user=user, name=name)
    return Client(headers={"Authorization": f"Bearer {key}"})


def all_rows(client: Client, url: str) -> list[dict]:
    """Every row of a list endpoint, following `next` to the end."""
    rows = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.content
        data = response.json()
        rows += data["results"]
        url = data["next"]
    return rows


def csv_rows(response) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
