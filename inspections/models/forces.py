"""Territorial police forces."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from inspections.access import ForceScopedQuerySet
from peel_tracker.concurrency import version_field


class ForceQuerySet(ForceScopedQuerySet):
    force_field = "pk"


class ForceManager(models.Manager.from_queryset(ForceQuerySet)):
    def get_by_natural_key(self, slug: str) -> "Force":
        return self.get(slug=slug)


class Force(models.Model):
    """A territorial police force of England and Wales and its local policing body."""

    class BodyKind(models.TextChoices):
        PCC = "pcc", "Police and Crime Commissioner"
        PFCC = "pfcc", "Police, Fire and Crime Commissioner"
        MAYOR = "mayor", "Elected mayor"
        MOPAC = "mopac", "Mayor's Office for Policing and Crime"
        COMMON_COUNCIL = "common_council", "Common Council (Police Authority Board)"

    slug = models.SlugField(max_length=60, unique=True, help_text="As in HMICFRS's URLs.")
    name = models.CharField(max_length=120, unique=True)
    local_policing_body = models.CharField(max_length=200)
    body_kind = models.CharField(max_length=20, choices=BodyKind.choices)
    region = models.CharField(max_length=60)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="edited_forces",
        blank=True,
        help_text="OPCC staff who may update this force's statuses and responses.",
    )
    version = version_field()

    objects = ForceManager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(body_kind__in=["pcc", "pfcc", "mayor", "mopac", "common_council"]),
                name="inspections_force_body_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
