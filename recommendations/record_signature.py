"""A record file (export_record) carries a signature beside it, PATH.sig: the file's SHA-256,
signed with the installation's secret key. import_record refuses a file whose contents do not
match it, or whose signature this installation did not make, so a status note edited inside a
backup is not restored as if it were the record (issue 19, point 6). Someone who has checked a
file and trusts it can restore it anyway by saying so (--trust-unsigned)."""

import hashlib
from pathlib import Path

from django.core import signing

SALT = "peel_tracker.record_file"
TRUST_HINT = "Nothing was written. If you trust this file, pass --trust-unsigned to restore it."


class RecordNotTrusted(Exception):
    """The record file is not as export_record wrote it (or cannot be shown to be)."""


def signature_path(path: str | Path) -> Path:
    return Path(f"{path}.sig")


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def sign_record(path: str | Path) -> Path:
    """Write PATH.sig for the record file just written; returns its path."""
    path = Path(path)
    token = signing.dumps({"file": path.name, "sha256": _digest(path)}, salt=SALT)
    signature = signature_path(path)
    signature.write_text(token + "\n", encoding="ascii")
    return signature


def check_record(path: str | Path) -> None:
    """Raise RecordNotTrusted, saying why, unless PATH.sig is this installation's signature of
    exactly these bytes."""
    path = Path(path)
    signature = signature_path(path)
    try:
        token = signature.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        raise RecordNotTrusted(
            f"{signature} is missing: export_record writes it beside each record file to show "
            f"the file is as it was exported. {TRUST_HINT}"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RecordNotTrusted(f"Could not read {signature}: {error}. {TRUST_HINT}") from error
    try:
        signed = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        raise RecordNotTrusted(
            f"{signature} was not made by this installation (another secret key) or was "
            f"altered, so {path.name} cannot be shown to be as it was exported. {TRUST_HINT}"
        ) from None
    if not isinstance(signed, dict) or signed.get("sha256") != _digest(path):
        raise RecordNotTrusted(
            f"{path.name} was changed after it was exported: its contents no longer match the "
            f"signature written with it ({signature.name}). {TRUST_HINT}"
        )
