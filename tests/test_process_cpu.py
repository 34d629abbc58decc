"""The load test's CPU per request (benchmarks/process_cpu.py): a process tree's CPU time."""

import os
import subprocess
import sys
import time

from benchmarks.process_cpu import tree_cpu_seconds


def write_stat(proc, pid: int, ppid: int, name: str, ticks: tuple[int, int, int, int]) -> None:
    (proc / str(pid)).mkdir()
    # pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt
    # utime stime cutime cstime ...
    fields = ["S", ppid, 0, 0, 0, 0, 0, 0, 0, 0, 0, *ticks, 20, 0, 1]
    (proc / str(pid) / "stat").write_text(f"{pid} ({name}) " + " ".join(map(str, fields)))


def test_a_tree_sums_itself_its_descendants_and_their_waited_children(tmp_path):
    hz = os.sysconf("SC_CLK_TCK")
    write_stat(tmp_path, 10, 1, "gunicorn: master", (1, 1, 5, 0))
    write_stat(tmp_path, 11, 10, "gunicorn: worker", (100, 20, 0, 0))
    write_stat(tmp_path, 12, 11, "odd) name (", (3, 0, 0, 0))
    write_stat(tmp_path, 13, 1, "someone else", (1000, 0, 0, 0))
    (tmp_path / "self").mkdir()
    assert tree_cpu_seconds(10, proc=tmp_path) == (7 + 120 + 3) / hz
    assert tree_cpu_seconds(11, proc=tmp_path) == 123 / hz
    assert tree_cpu_seconds(99, proc=tmp_path) == 0.0


def test_a_busy_child_is_counted_in_its_parents_tree():
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    child = subprocess.Popen([sys.executable, "-c", busy + "\ntime.sleep(30)"])
    try:
        deadline = time.monotonic() + 20
        while tree_cpu_seconds(child.pid) < 0.3 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert tree_cpu_seconds(child.pid) >= 0.3
        assert tree_cpu_seconds(os.getpid()) - time.process_time() >= 0.25
    finally:
        child.kill()
        child.wait()
