"""CPU time used by a process and everything it started (Linux /proc), for the load test's
CPU per request: gunicorn's master and workers, PostgreSQL's postmaster and backends.

A process's own time (utime + stime) plus the time of the children it has waited for (cutime +
cstime), summed over it and its living descendants: a backend that exits during the run has
been waited for by the postmaster, so its time is not lost, and a living one is counted once."""

import os
from collections import defaultdict
from pathlib import Path

PROC = Path("/proc")


def _stat_fields(pid: int, proc: Path) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (which may hold spaces and
    parentheses, so the line is split after its last ")"). None if the process is gone."""
    try:
        line = (proc / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    return line[line.rindex(")") + 2 :].split()


def tree_cpu_seconds(root: int, proc: Path = PROC) -> float:
    """CPU seconds of `root` and its descendants, as described above; 0.0 if root is gone."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat_fields(int(entry.name), proc)
        if fields is None:
            continue
        # After the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = sum(int(value) for value in fields[11:15])
    if root not in ticks:
        return 0.0
    children: dict[int, list[int]] = defaultdict(list)
    for pid, ppid in parents.items():
        children[ppid].append(pid)
    tree, frontier = {root}, [root]
    while frontier:
        found = [pid for pid in children[frontier.pop()] if pid not in tree]
        tree.update(found)
        frontier.extend(found)
    return sum(ticks[pid] for pid in tree) / os.sysconf("SC_CLK_TCK")
