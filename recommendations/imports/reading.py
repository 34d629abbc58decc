"""Reading an uploaded report without letting the document take the worker down: the one
function the admin's import page and `manage.py import_report` call.

The reader (inspections.report_reader) is pure Python and refuses what limits.py bounds (a
.docx that would expand too far, a PDF with too many pages or too much text). Those checks
cannot foresee everything a parser may do with a crafted file, so the reading itself runs in a
child process that may use at most READ_MEMORY_BYTES of address space and READ_SECONDS of
time; past either it is stopped and the person importing is told which bound it reached.

The child is started with "spawn", not "fork": a forked copy of a web worker would share its
database connections and threads and start as large as the worker. A spawned child imports
only the reader (this module imports no Django), so a report is read the same way from the
admin, the command and the tests.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import resource
import threading
import traceback

from inspections.report_reader import ParsedReport, ReportError, parse_text, read_report
from inspections.report_reader.extract import check_document
from inspections.report_reader.limits import (
    MB,
    READ_MEMORY_BYTES,
    READ_SECONDS,
    check_text_length,
)

# What the child runs: the reader, or in tests a stand-in (a slow or greedy one) that must be
# importable without Django, like the reader.
READER = read_report


def report_read(*, data: bytes, filename: str) -> ParsedReport:
    """Read a report file in a child process bounded in time and memory. Raises ReportError
    with a message for the person importing when the file is refused, by the reader or by a
    bound; a bug in the reader is raised as RuntimeError with the child's traceback."""
    check_document(data)  # size and a .docx's central directory: a bomb is refused at once
    return _bounded(READER, data, filename, label=filename)


def report_parse_text(*, text: str) -> ParsedReport:
    """Parse pasted text in the same bounded child process (the admin's text box)."""
    check_text_length(text)
    return _bounded(parse_text, text, label="pasted text")


def _bounded(reader, *args, label: str) -> ParsedReport:
    seconds, memory_bytes = READ_SECONDS, READ_MEMORY_BYTES
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(
        target=_read_in_child, args=(theirs, memory_bytes), name="report-reader", daemon=True
    )
    process.start()
    theirs.close()
    # The document goes over the pipe, not in the Process arguments: multiprocessing writes
    # those while holding the pipe's other end, so a child that died while starting would
    # leave start() blocked for ever on a document larger than the pipe's buffer. A send that
    # blocks here is ended by killing the child, which closes its end.
    sending = threading.Thread(target=_send, args=(ours, (reader, args)), daemon=True)
    sending.start()
    try:
        if not ours.poll(seconds):
            raise ReportError(
                f"Reading this document took more than {seconds:g} seconds (a real report is "
                "read in a few), so it was stopped and nothing was read. Check that this is "
                "the right file, or import the report's text alone."
            )
        try:
            outcome, value = ours.recv()
        except (EOFError, OSError):  # it ended without an answer
            outcome, value = "ended", None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        sending.join()
        ours.close()
    if outcome == "report":
        return value
    if outcome == "refused":
        raise ReportError(value)
    if outcome == "crashed":
        raise RuntimeError(f"The report reader failed on {label}:\n{value}")
    if outcome == "ended" and process.exitcode is not None and process.exitcode >= 0:
        # Not killed by a signal: it could not start (its error is on stderr), a deployment fault.
        raise RuntimeError(
            f"The reading process for {label} ended without an answer "
            f"(exit code {process.exitcode}); its error is in the server's log."
        )
    detail = "" if outcome == "memory" else f" (the reading process ended with {process.exitcode})"
    raise ReportError(
        f"Reading this document needed more than {memory_bytes // MB:,} MB of memory (a real "
        f"report needs a few hundred), so it was stopped and nothing was read{detail}. Check "
        "that this is the right file, or import the report's text alone."
    )


def _send(connection, message) -> None:
    with contextlib.suppress(OSError):  # the child has gone: what it says (or not) is the answer
        connection.send(message)


def _read_in_child(connection, memory_bytes: int) -> None:
    """Runs in the child: bound the address space, take the document, read it, send back what
    happened."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    try:
        reader, args = connection.recv()
        outcome = ("report", reader(*args))
    except ReportError as error:
        outcome = ("refused", str(error))
    except MemoryError:
        outcome = ("memory", None)
    except Exception:
        outcome = ("crashed", traceback.format_exc())
    try:
        connection.send(outcome)
    except MemoryError:
        connection.send(("memory", None))
    connection.close()
