"""The form that names and shares a saved view (saving one, and changing one's name or
sharing). What it offers depends on the person: "people who work for my force" only to
someone who works for a force (Force.editors), with a choice of force if they work for several."""

from django import forms
from django.contrib.auth.models import User

from inspections.models import Force
from recommendations.models import SavedView

NAME_MAX = SavedView._meta.get_field("name").max_length


def force_choices(user: User):
    """The forces a person may share a view with: those they work for. One query when read."""
    return Force.objects.filter(editors=user).order_by("name")


class SavedViewForm(forms.Form):
    name = forms.CharField(
        label="Name",
        max_length=NAME_MAX,
        help_text="For example, “Open AFIs on stop and search in the North West”.",
        error_messages={
            "required": "Enter a name for the view.",
            "max_length": f"The name must be {NAME_MAX} characters or fewer "
            "(it has %(show_value)d).",
        },
    )
    sharing = forms.ChoiceField(
        label="Who can open it",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose who can open the view.",
            "invalid_choice": "Choose who can open the view.",
        },
    )
    force = forms.ModelChoiceField(
        label="Which force",
        queryset=Force.objects.none(),
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": "Choose a force you work for."},
    )
    # The version the owner loaded (changing a view only): the stale-edit guard.
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.forces = list(force_choices(user))
        self.fields["force"].queryset = force_choices(user)
        sharing = SavedView.Sharing
        choices = [(sharing.PRIVATE, "Only me")]
        if len(self.forces) == 1:
            choices.append((sharing.FORCE, f"People who work for {self.forces[0].name}"))
        elif self.forces:
            choices.append((sharing.FORCE, "People who work for one of my forces"))
        choices.append((sharing.EVERYONE, "Everyone who can sign in"))
        self.fields["sharing"].choices = choices
        self.fields["name"].widget.attrs["maxlength"] = NAME_MAX

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("sharing") == SavedView.Sharing.FORCE:
            if len(self.forces) == 1:
                cleaned["force"] = self.forces[0]
            elif cleaned.get("force") is None and "force" not in self.errors:
                self.add_error("force", "Choose the force to share the view with.")
        else:
            cleaned["force"] = None
        return cleaned
