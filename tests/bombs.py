"""Documents built to exhaust a reader (zip bombs), and stand-in readers that are slow or
greedy, for the tests of the reading bounds (inspections/report_reader/limits.py and
recommendations/imports/reading.py). No Django here: the stand-in readers run in the reading
process, which imports only what the reader needs."""

from __future__ import annotations

import io
import os
import resource
import struct
import sys
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tests.report_reader.render import to_docx

MB = 1024 * 1024
SEED_TEXT = (
    "# Cumbria\n\n## Areas for improvement\n\nThe force should improve how it records crime.\n"
)


def _with_part(name: str, write: Callable[[zipfile.ZipFile], None]) -> bytes:
    """A real .docx (python-docx's template) with `name` replaced by what `write` adds."""
    base = zipfile.ZipFile(io.BytesIO(to_docx(SEED_TEXT)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            if info.filename != name:
                archive.writestr(info.filename, base.read(info.filename))
        write(archive)
    return out.getvalue()


def _spaces(archive: zipfile.ZipFile, name: str, size: int) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=size > 2**31) as part:
        chunk = b" " * MB
        for _ in range(size // MB):
            part.write(chunk)


def ratio_bomb(size: int = 300 * MB) -> bytes:
    """word/document.xml as `size` bytes of spaces: about 1000 to 1 (300 MB in 300 KB)."""
    return _with_part("word/document.xml", lambda archive: _spaces(archive, name_xml(), size))


def name_xml() -> str:
    return "word/document.xml"


def size_bomb(parts: int = 60) -> bytes:
    """`parts` extra parts of 1 MB of spaces each: none alone is worth a ratio check, together
    they expand past the total."""

    def write(archive: zipfile.ZipFile) -> None:
        archive.writestr(
            "word/document.xml", zipfile.ZipFile(io.BytesIO(to_docx(SEED_TEXT))).read(name_xml())
        )
        for number in range(parts):
            _spaces(archive, f"word/media/padding{number}.xml", MB)

    return _with_part("word/document.xml", write)


def many_parts(parts: int = 1500) -> bytes:
    def write(archive: zipfile.ZipFile) -> None:
        archive.writestr(
            "word/document.xml", zipfile.ZipFile(io.BytesIO(to_docx(SEED_TEXT))).read(name_xml())
        )
        for number in range(parts):
            archive.writestr(f"word/extra/part{number}.xml", "<a/>")

    return _with_part("word/document.xml", write)


def lying_bomb(size: int = 300 * MB, declared: int = 1000) -> bytes:
    """A ratio bomb whose headers (local and central directory) say word/document.xml expands
    to `declared` bytes only, so the central directory looks harmless."""
    data = bytearray(ratio_bomb(size))
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = archive.getinfo(name_xml())
    if info.file_size >= 2**32 - 1 or info.compress_size >= 2**32 - 1:  # pragma: no cover
        raise ValueError("keep the bomb under 4 GB: its sizes are then in the plain fields")
    # Local header: uncompressed size at offset 22.
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    # Central directory records (PK\1\2): uncompressed size at offset 24, name length at 28.
    position = archive.start_dir
    while data[position : position + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", data, position + 28)
        name = bytes(data[position + 46 : position + 46 + name_length]).decode()
        if name == info.filename:
            struct.pack_into("<I", data, position + 24, declared)
        position += 46 + name_length + extra_length + comment_length
    return bytes(data)


def pdf_bomb(size: int = 500 * MB) -> bytes:
    """A one-page PDF whose content stream inflates to `size` bytes of spaces (500 MB in
    500 KB): nothing in the file's structure says so, the reader sees it only by opening it."""
    packer = zlib.compressobj(9)
    chunk = b" " * MB
    stream = b"".join(packer.compress(chunk) for _ in range(size // MB)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@dataclass
class Cost:
    seconds: float = 0.0
    grown_mb: float = 0.0  # growth of the process's peak resident memory
    python_peak_mb: float = 0.0  # peak of Python's allocations (tracemalloc)


@contextmanager
def measured() -> Iterator[Cost]:
    """Time, growth of peak RSS and peak Python allocation of the block."""
    cost = Cost()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    tracemalloc.start()
    started = time.perf_counter()
    try:
        yield cost
    finally:
        cost.seconds = time.perf_counter() - started
        cost.python_peak_mb = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()
        cost.grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
        print(
            f"refused in {cost.seconds:.2f} s, peak RSS +{cost.grown_mb:.1f} MB, "
            f"Python peak {cost.python_peak_mb:.1f} MB"
        )


# --- stand-in readers (run in the reading process) -------------------------------------------


def slow_reader(data: bytes, filename: str):
    time.sleep(60)


def greedy_reader(data: bytes, filename: str):
    hoard = []
    while True:
        hoard.append(bytearray(64 * MB))


def django_reader(data: bytes, filename: str):
    from inspections.report_reader import ReportError

    raise ReportError(f"Django loaded in the reading process: {'django' in sys.modules}")


def broken_reader(data: bytes, filename: str):
    return {}["a bug in the reader"]


def vanishing_reader(data: bytes, filename: str):
    os._exit(3)  # as a reading process that could not start ends
