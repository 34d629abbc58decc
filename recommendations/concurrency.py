"""What the status form says when someone else recorded a status after the editor opened it
(the general lost-update guards are in peel_tracker.concurrency)."""

from peel_tracker.text import sentences


def statuses_recorded_since(finding_status, loaded_version: int | None) -> str:
    """What others recorded after the editor opened the page (each change raises the version
    by one and appends one history entry)."""
    missed = max(finding_status.version - (loaded_version or 0), 1)
    entries = finding_status.history.select_related("recorded_by")[:missed]
    # Each entry is a sentence of its own: a note usually ends with its own full stop.
    described = sentences(
        f"{e.recorded_by.get_username() if e.recorded_by else 'Someone'} recorded "
        f"“{e.get_status_display()}” (took effect {e.effective_on:%-d %B %Y})"
        + (f": {e.note}" if e.note else "")
        for e in entries
        if e.effective_on
    )
    return sentences(
        [
            f"Since you opened this page: {described or 'another status was recorded.'}",
            "Your status was not recorded: check the history below, then record it again if it "
            "still applies.",
        ]
    )
