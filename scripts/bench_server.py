"""The server row of scripts/bench: latency of `dossier serve`'s /api/search (exact facets,
snippets and the timeline, 10 hits) from 1 and from 8 concurrent clients, each keeping one
connection, measured by scripts/bench-tools/http_load.cpp (cpp-httplib's client).

Two servers are measured: one with its result cache off (`--cache 0`: every request is matched
again: this is the figure the goals are checked against), and one as it is installed, whose cache
answers the timed passes after the untimed first one (what an analyst sees when a search is asked
again: the back button, a facet toggled off, a colleague's query).
"""

import json
import os
import re
import select
import subprocess

import benchlib
from benchlib import log

LOAD_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-tools", "http_load.cpp")
GOAL_SERVER_P95_MS = {1: 10.0, 8: 30.0}  # /api/search p95 from 1 and from 8 clients
CLIENTS = (1, 8)


def build_load_tool(work):
    """Compiles http_load.cpp into the work folder (again only when the source is newer)."""
    binary = os.path.join(work, "bench-tools", "http_load")
    if not os.path.exists(binary) or os.stat(binary).st_mtime < os.stat(LOAD_SOURCE).st_mtime:
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        log("compiling scripts/bench-tools/http_load.cpp")
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "cpp-httplib"], stdout=subprocess.PIPE,
                               text=True, check=True).stdout.split()
        subprocess.run(["g++", "-O2", "-std=c++20", LOAD_SOURCE, "-o", binary, "-pthread"] + flags, check=True)
    return binary


def start_server(dossier, db, cache_mb):
    """`dossier serve` on a free port without a token; returns (process, port)."""
    server = subprocess.Popen([dossier, "serve", "--db", db, "--port", "0", "--no-token", "--cache", str(cache_mb)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    ready, _, _ = select.select([server.stdout], [], [], 120)
    line = server.stdout.readline().decode() if ready else ""
    match = re.match(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        raise SystemExit(f"error: dossier serve did not start (printed {line!r})")
    return server, int(match.group(1))


def measure(tool, dossier, db, queries_file, repeat):
    """{"cold": {clients: result}, "warm": {clients: result}}: http_load's JSON for each server."""
    results = {}
    for label, cache_mb in (("cold", 0), ("warm", 64)):
        server, port = start_server(dossier, db, cache_mb)
        try:
            results[label] = {}
            for clients in CLIENTS:
                log(f"server ({'cache off' if cache_mb == 0 else 'cache on'}): {clients} client(s), "
                    f"1 warm-up + {repeat} passes")
                done = subprocess.run([tool, "--port", str(port), "--clients", str(clients), "--repeat", str(repeat),
                                       queries_file], stdout=subprocess.PIPE, text=True)
                measured = json.loads(done.stdout)
                if measured["errors"]:
                    log(f"warning: {measured['errors']} failed requests ({measured['statuses']})")
                results[label][clients] = measured
        finally:
            server.terminate()
            server.wait(60)
    return results


def table(server, cli_latency):
    """Rows beside the CLI's: p50/p95/p99 of each server and client count."""
    rows = [["dossier search (CLI, process start)", f"{cli_latency['p50']:.1f} ms", f"{cli_latency['p95']:.1f} ms",
             f"{cli_latency['p99']:.1f} ms", "-"]]
    for label, name in (("cold", "cache off"), ("warm", "cache on, repeated")):
        for clients, m in server[label].items():
            rows.append([f"dossier serve /api/search, {name}, {clients} client{'s' if clients > 1 else ''}",
                         f"{m['p50_ms']:.1f} ms", f"{m['p95_ms']:.1f} ms", f"{m['p99_ms']:.1f} ms", m["requests"]])
    return benchlib.format_table(["search", "p50", "p95", "p99", "requests"], rows)


def goals(server):
    """Goal rows, checked on the server without its cache."""
    rows = []
    for clients, target in GOAL_SERVER_P95_MS.items():
        cold = server["cold"][clients]["p95_ms"]
        warm = server["warm"][clients]["p95_ms"]
        rows.append([f"/api/search p95, {clients} client{'s' if clients > 1 else ''}", f"{cold:.1f} ms",
                     f"<= {target:.0f} ms", "PASS" if cold <= target else "FAIL",
                     f"exact facets and snippets, cache off; repeated (cache on) {warm:.1f} ms"])
    return rows


def print_table(results):
    print("\nServer latency (HTTP on loopback, index open, 10 hits with snippets, exact facets, timeline)")
    print(table(results["server"], results["queries"]["tools"]["dossier"]["latency_ms"]))


def print_server_only(results, machine, corpus, build_time, goal_rows, extra=None):
    """The report of `scripts/bench --server-only`: the server's table, what `extra()` prints (the
    batch row), then `goal_rows`."""
    print(f"Dossier benchmark (server only), {machine}")
    print(f"corpus: {corpus['files']} files, {corpus['bytes'] / 1e6:.1f} MB; dossier full build {build_time}")
    print_table(results)
    if extra:
        extra()
    print("\nGoals")
    print(benchlib.format_table(["goal", "measured", "target", "result", "detail"], goal_rows))
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
