"""Themes: the subjects analysts filter findings by."""

from django.db import models

from peel_tracker.concurrency import version_field


class ThemeManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> "Theme":
        return self.get(slug=slug)


class Theme(models.Model):
    """A subject analysts filter by (stop and search, use of force, vulnerability …)."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120, unique=True)
    version = version_field()

    objects = ThemeManager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
