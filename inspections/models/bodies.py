"""Local policing bodies (who was in office when) and national bodies."""

from datetime import date

from django.db import models
from django.db.models import F, Q

from inspections.models.forces import Force
from peel_tracker.concurrency import version_field


class PolicingBodyQuerySet(models.QuerySet):
    def in_office_on(self, day: date) -> "PolicingBodyQuerySet":
        """The bodies whose term covers `day` (an open start or end covers every day)."""
        return self.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=day),
            Q(ends_on__isnull=True) | Q(ends_on__gte=day),
        )


class PolicingBodyManager(models.Manager.from_queryset(PolicingBodyQuerySet)):
    def get_by_natural_key(self, force_slug: str, name: str) -> "PolicingBody":
        return self.get(force__slug=force_slug, name=name)


class PolicingBody(models.Model):
    """One term of a force's local policing body: police authority, PCC, PFCC, mayor, MOPAC or
    the Common Council. A force's bodies form a dated series; the one in office on a report's
    publication day owes the response (s.55)."""

    class Kind(models.TextChoices):
        POLICE_AUTHORITY = "police_authority", "Police authority"
        PCC = "pcc", "Police and Crime Commissioner"
        PFCC = "pfcc", "Police, Fire and Crime Commissioner"
        MAYOR = "mayor", "Elected mayor"
        MOPAC = "mopac", "Mayor's Office for Policing and Crime"
        COMMON_COUNCIL = "common_council", "Common Council (Police Authority Board)"

    force = models.ForeignKey(Force, on_delete=models.CASCADE, related_name="policing_bodies")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    starts_on = models.DateField(null=True, blank=True, help_text="Empty: before the record.")
    ends_on = models.DateField(null=True, blank=True, help_text="Empty: still in office.")
    source_url = models.URLField(max_length=500, blank=True)
    source_note = models.TextField(blank=True, help_text="What the source says, in short.")
    version = version_field()

    objects = PolicingBodyManager()

    class Meta:
        verbose_name = "local policing body"
        verbose_name_plural = "local policing bodies"
        ordering = ["force__name", F("starts_on").asc(nulls_first=True)]
        constraints = [
            models.UniqueConstraint(
                fields=["force", "name"], name="inspections_policingbody_unique_name"
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="inspections_policingbody_ends_after_start",
                violation_error_message="A body's term cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=Q(
                    kind__in=["police_authority", "pcc", "pfcc", "mayor", "mopac", "common_council"]
                ),
                name="inspections_policingbody_kind_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str, str]:
        return (self.force.slug, self.name)

    natural_key.dependencies = ["inspections.force"]

    def term_display(self) -> str:
        start = f"{self.starts_on:%-d %B %Y}" if self.starts_on else "…"
        end = f"{self.ends_on:%-d %B %Y}" if self.ends_on else "now"
        return f"{start} – {end}"


def owing_body(force_id: int | None, published_on: date | None) -> PolicingBody | None:
    """The local policing body that owes comments on a report about `force_id` published on
    `published_on`: the one in office that day (DOMAIN.md, "Who is who"). None when the date
    or the record of bodies does not say. Queries."""
    if force_id is None or published_on is None:
        return None
    return PolicingBody.objects.filter(force_id=force_id).in_office_on(published_on).first()


class NationalBodyManager(models.Manager):
    def get_by_natural_key(self, slug: str) -> "NationalBody":
        return self.get(slug=slug)


class NationalBody(models.Model):
    """A body other than a force or its local policing body that a recommendation can be
    addressed to (Home Office, NPCC, College of Policing …). Its obligations are its own:
    they are tracked against it, never fanned out to forces."""

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200, unique=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text='Other ways reports name it, lower case, e.g. ["npcc", "national police '
        "chiefs' council\"].",
    )
    source_url = models.URLField(max_length=500, blank=True)
    version = version_field()

    objects = NationalBodyManager()

    class Meta:
        verbose_name = "national body"
        verbose_name_plural = "national bodies"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)
