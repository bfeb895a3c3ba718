"""Helpers shared by scripts/bench.py and scripts/eval_ranking.py (Python 3 standard library only).

Running and timing commands under GNU time, finding or building the dossier binary, describing
the machine, percentiles and plain-text tables; the exit status both scripts share, so that either
can gate a change: 0 every goal met, 1 a goal missed, 2 nothing to judge (bad arguments, a tool
that failed, a missing corpus, an unexpected exception).
"""

import datetime
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback

EXIT_GOALS_MET = 0
EXIT_GOAL_MISSED = 1
EXIT_ERROR = 2  # also what argparse exits with on bad arguments

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GNU_TIME = "/usr/bin/time"


def log(message):
    """Progress goes to stderr so that stdout holds only the report."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def die(message):
    """Stops a script that cannot measure: exit 2, never 1, which says that a goal was missed."""
    print(f"error: {message}", file=sys.stderr, flush=True)
    sys.exit(EXIT_ERROR)


def run_main(main):
    """Exits with main(argv)'s status; an unexpected exception exits 2 (Python's own 1 would read
    as a missed goal)."""
    try:
        status = main(sys.argv[1:])
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception:  # noqa: BLE001  (any failure to measure is reported the same way)
        traceback.print_exc()
        sys.exit(EXIT_ERROR)
    sys.exit(status)


def goals_status(passed):
    """The exit status for a list of goal results (True: met)."""
    return EXIT_GOALS_MET if all(passed) else EXIT_GOAL_MISSED


def default_shared(*parts):
    """../shared/... next to the repository (present in CI and on the development machine)."""
    return os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", *parts))


def ensure_dossier(path):
    """Returns the dossier binary to measure; builds the default one with scripts/build.sh."""
    if path:
        if not os.access(path, os.X_OK):
            die(f"{path} is not an executable")
        return os.path.abspath(path)
    log("building dossier (scripts/build.sh dossier)")
    subprocess.run([os.path.join(REPO_ROOT, "scripts", "build.sh"), "dossier"], check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(REPO_ROOT, "build", "bin", "dossier")


class Measured:
    """Wall/CPU seconds and peak RSS of one command, as reported by GNU time."""

    def __init__(self, wall, user, system, max_rss_kb, returncode, stdout):
        self.wall = wall
        self.user = user
        self.system = system
        self.max_rss_kb = max_rss_kb
        self.returncode = returncode
        self.stdout = stdout

    @property
    def cpu(self):
        return self.user + self.system

    def as_dict(self):
        return {"wall_s": self.wall, "user_s": self.user, "sys_s": self.system,
                "max_rss_kb": self.max_rss_kb, "returncode": self.returncode}


def run_timed(argv, ok_codes=(0,)):
    """Runs argv under `/usr/bin/time -f` and returns a Measured (stderr is shown on failure)."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
        command = [GNU_TIME, "-f", "%e %U %S %M", "-o", report.name] + list(argv)
        start = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode not in ok_codes:
            sys.stderr.write(done.stderr[-4000:])
            die(f"{' '.join(argv)} exited with {done.returncode}")
        fields = report.read().split()[-4:]
    # GNU time's %e has 10 ms resolution; the wall time measured here is finer (same process).
    user, system, rss = float(fields[1]), float(fields[2]), int(fields[3])
    return Measured(elapsed, user, system, rss, done.returncode, done.stdout)


def wall_time_of(argv, ok_codes=(0, 1)):
    """Seconds from fork to exit of argv (process start-up included), and its stdout."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok_codes:
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
        die(f"{' '.join(argv)} exited with {done.returncode}")
    return elapsed, done.stdout


def percentile(values, fraction):
    """Nearest-rank percentile (the smallest value with at least `fraction` of values <= it)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, math.ceil(fraction * len(ordered) - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def tree_size(path):
    """Bytes allocated on disk under path (st_blocks, like `du`)."""
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(folder, name)).st_blocks * 512
    return total


def remove_tree(path):
    if os.path.isdir(path):
        shutil.rmtree(path)


def first_line(argv):
    try:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    except OSError:
        return "not installed"
    lines = done.stdout.strip().splitlines()
    return lines[0] if lines else ""


def source_revision():
    """The repository's commit (short), with "+changes" when the work tree differs from it."""
    def git(*args):
        done = subprocess.run(["git", "-C", REPO_ROOT] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as meminfo:
            for line in meminfo:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return float("nan")


def machine_info():
    """One dict describing when and where the numbers were taken."""
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "ram_gib": round(ram_gib(), 1),
        "kernel": platform.release(),
        "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def machine_line(info):
    return (f"{info['date']}; {info['nproc']} CPUs ({info['cpu']}), {info['ram_gib']} GiB RAM, "
            f"Linux {info['kernel']}; load average at start {info['loadavg']}")


def format_table(header, rows):
    """A plain-text table with columns padded to their widest cell (numbers right-aligned)."""
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def render(row, is_header):
        out = []
        for i, cell in enumerate(row):
            numeric = not is_header and i > 0 and _looks_numeric(cell)
            out.append(cell.rjust(widths[i]) if numeric else cell.ljust(widths[i]))
        return "  ".join(out).rstrip()

    lines = [render(cells[0], True), "  ".join("-" * w for w in widths)]
    lines += [render(row, False) for row in cells[1:]]
    return "\n".join(lines)


def _looks_numeric(cell):
    stripped = cell
    for decoration in (" ms", " s", " MB", ",", "x", "%", "+", "~"):
        stripped = stripped.replace(decoration, "")
    try:
        float(stripped)
        return True
    except ValueError:
        return False
