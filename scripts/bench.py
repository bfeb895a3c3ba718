#!/usr/bin/env python3
"""Dossier performance benchmark against omindex/quest (Xapian Omega) and ripgrep.

Builds a folder of one Markdown file per record from the benchmark corpora (AnnoCTR threat
reports, then CVE records), then measures on the same files, in one run:
  * full index build and no-change rerun: wall time, CPU time, peak RSS (GNU time) for
    `dossier index` and `omindex --mime-type md:text/plain`;
  * index size on disk;
  * query latency p50/p95/p99, process start-up included, for `dossier search --json` (snippets,
    and --facets once `dossier search --help` lists it), `quest` on omindex's database and
    `rg -l -i -w -F` over the folder, warm cache;
  * the latency of `dossier serve`'s /api/search from 1 and 8 concurrent clients (bench_server.py);
  * `dossier search --batch` over 50 queries against 50 single searches (bench_batch.py);
  * the write-path ceiling: one thread adding dossier's own documents, pre-built in memory, to a
    new Xapian database (scripts/bench-tools/write_ceiling.cpp), against omindex's full build;
  * optionally (--rss-scaling N) the peak RSS of a build of the first N files, to show whether
    memory stays flat as the corpus grows;
and prints the ratios against the goals with PASS/FAIL. Exits 0 when every goal is met, 1 when one
is missed, 2 when it could not measure (see benchlib). Standard library only.
Run it through scripts/bench, which installs the tools it needs first.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402  (after the path set-up above)
import bench_batch  # noqa: E402
import bench_server  # noqa: E402
from benchlib import log  # noqa: E402

CORPUS_FORMAT = 1  # bump when the generated files change, so cached folders are rebuilt
REPORTS_FILE = "annoctr-reports.jsonl.zst"
CVE_FILE = "cve-descriptions.jsonl.zst"

# Goals from the issue (see README, "Performance and ranking").
GOAL_BUILD_RATIO = 0.5      # full build time <= 0.5 x omindex
GOAL_RERUN_RATIO = 0.7      # no-change rerun <= 0.7 x omindex
GOAL_RSS_MB = 400.0         # peak RSS of a build
GOAL_RSS_GROWTH = 1.25      # "flat": RSS of the full build <= 1.25 x RSS of the small one
GOAL_P95_MS = 50.0          # query p95, process start, snippets and exact facets included
GOAL_RG_SPEEDUP = 30.0      # ripgrep p50 / dossier p50
GOAL_SIZE_RATIO = 1.3       # index size <= 1.3 x omindex


# ---------------------------------------------------------------------------------------------
# Arguments

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="scripts/bench",
        description="Benchmark dossier against omindex/quest and ripgrep on the threat-report + CVE "
                    "corpus and check the goals (PASS/FAIL).",
        epilog="Progress goes to stderr, the report to stdout; the full results are also written "
               "as JSON (see --json). Exit status: 0 every goal met, 1 a goal missed, 2 could not "
               "measure. Example quick run: scripts/bench --limit 2000")
    parser.add_argument("--corpus", default=benchlib.default_shared("data", "corpus"),
                        help="folder with annoctr-reports.jsonl.zst and cve-descriptions.jsonl.zst "
                             "(default: ../shared/data/corpus next to the repository)")
    parser.add_argument("--work", default="/var/tmp/dossier-bench",
                        help="work folder for the generated files and the indexes "
                             "(default: %(default)s; generated files are reused)")
    parser.add_argument("--limit", type=int, default=0,
                        help="use only the first N files (reports first, then CVEs by id)")
    parser.add_argument("--rss-scaling", type=int, default=0, metavar="N",
                        help="also build the first N files (e.g. 50000) with both indexers and "
                             "compare peak RSS with the main run, to show flatness")
    parser.add_argument("--queries", default=os.path.join(os.path.dirname(__file__), "bench-queries.txt"),
                        help="query file, one query a line (default: scripts/bench-queries.txt)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timed runs of each query for dossier and quest (default: %(default)s)")
    parser.add_argument("--rg-repeat", type=int, default=2,
                        help="timed runs of each query for ripgrep (default: %(default)s)")
    parser.add_argument("--dossier", help="dossier binary to measure (default: build and use "
                                          "build/bin/dossier)")
    parser.add_argument("--server-only", action="store_true",
                        help="build only dossier's index and measure only dossier's queries: the CLI and "
                             "the server, and search --batch (no omindex, quest, ripgrep or write ceiling)")
    parser.add_argument("--reuse-index", action="store_true",
                        help="with --server-only: measure the index a previous run built for this corpus "
                             "instead of building it again (it must have been built by the same schema)")
    parser.add_argument("--json", dest="json_out",
                        help="write the results here (default: WORK/results/bench-DATE.json)")
    args = parser.parse_args(argv)
    if args.limit < 0 or args.rss_scaling < 0 or args.repeat < 1 or args.rg_repeat < 1:
        parser.error("--limit/--rss-scaling must be >= 0 and --repeat/--rg-repeat >= 1")
    return args


# ---------------------------------------------------------------------------------------------
# The corpus: one Markdown file per record

def one_line(text):
    return " ".join(str(text).split())


def report_file(record):
    """An AnnoCTR report: reports/PUBLISHER/ID.md, title as a heading, then the text."""
    path = os.path.join("reports", record["publisher"] or "unknown", record["id"] + ".md")
    body = f"# {one_line(record['title'])}\n\n{record['text'].rstrip()}\n"
    return path, body


def cve_file(record):
    """A CVE record: cve/YEAR/ID.md with id and title, description, vendors and products."""
    cve_id = record["id"]
    year = cve_id.split("-")[1] if cve_id.count("-") >= 2 else "other"
    title = one_line(record.get("title") or "")
    lines = [f"# {cve_id}: {title}" if title else f"# {cve_id}", "", record["description"].strip(), ""]
    if record.get("vendors"):
        lines.append("Vendors: " + ", ".join(record["vendors"]))
    if record.get("products"):
        lines.append("Products: " + ", ".join(record["products"]))
    return os.path.join("cve", year, cve_id + ".md"), "\n".join(lines).rstrip() + "\n"


def read_jsonl_zst(path):
    """Yields the JSON objects of a zstd-compressed JSON Lines file (through the zstd tool)."""
    with subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE) as zstd:
        for line in zstd.stdout:
            if line.strip():
                yield json.loads(line)
        if zstd.wait() != 0:
            benchlib.die(f"zstd -dc {path} failed")


def corpus_records(corpus_dir):
    """(relative path, text) of every file of the benchmark corpus, reports first."""
    for record in read_jsonl_zst(os.path.join(corpus_dir, REPORTS_FILE)):
        yield report_file(record)
    for record in read_jsonl_zst(os.path.join(corpus_dir, CVE_FILE)):
        yield cve_file(record)


def source_signature(corpus_dir):
    """What the generated folder depends on: source names, sizes and mtimes, limit, format."""
    signature = {"format": CORPUS_FORMAT, "sources": []}
    for name in (REPORTS_FILE, CVE_FILE):
        path = os.path.join(corpus_dir, name)
        if not os.path.isfile(path):
            benchlib.die(f"{path} not found (give the corpus folder with --corpus)")
        status = os.stat(path)
        signature["sources"].append([name, status.st_size, int(status.st_mtime)])
    return signature


def write_corpus(corpus_dir, target, limit):
    """Writes the files into target (a fresh folder); returns (files, bytes)."""
    files = size = 0
    made = set()
    for relative, text in corpus_records(corpus_dir):
        if limit and files >= limit:
            break
        path = os.path.join(target, relative)
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        data = text.encode("utf-8")
        with open(path, "wb") as out:
            out.write(data)
        files += 1
        size += len(data)
    return files, size


def prepare_corpus(corpus_dir, work, limit):
    """The generated folder for `limit` files (0 = all), built once and reused; returns its info."""
    name = f"corpus-first-{limit}" if limit else "corpus-all"
    folder = os.path.join(work, name)
    stamp_path = folder + ".json"
    signature = source_signature(corpus_dir)
    if os.path.isdir(folder) and os.path.isfile(stamp_path):
        with open(stamp_path, encoding="utf-8") as stamp:
            info = json.load(stamp)
        if info.get("signature") == signature:
            log(f"reusing {folder} ({info['files']} files)")
            return info
    log(f"writing {folder} from {corpus_dir}")
    benchlib.remove_tree(folder)
    partial = folder + ".partial"
    benchlib.remove_tree(partial)
    files, size = write_corpus(corpus_dir, partial, limit)
    os.rename(partial, folder)
    info = {"folder": folder, "files": files, "bytes": size, "signature": signature}
    with open(stamp_path, "w", encoding="utf-8") as stamp:
        json.dump(info, stamp)
    log(f"wrote {files} files, {size / 1e6:.1f} MB")
    return info


def warm_cache(folder):
    """Reads every file once so that every tool starts with the same (warm) page cache."""
    for parent, _, names in os.walk(folder):
        for name in names:
            with open(os.path.join(parent, name), "rb") as handle:
                while handle.read(1 << 20):
                    pass


# ---------------------------------------------------------------------------------------------
# Index builds

def index_command(tool, dossier, folder, db):
    if tool == "dossier":
        return [dossier, "index", folder, "--db", db, "--json"]
    return ["omindex", "--db", db, "--url", "/", "--mime-type", "md:text/plain", folder]


def check_dossier_report(measured, expected_files):
    """dossier index --json: complain loudly when files failed or were skipped."""
    report = json.loads(measured.stdout)
    if report.get("failed") or report.get("indexed") != expected_files:
        log(f"warning: dossier indexed {report.get('indexed')} of {expected_files} files, "
            f"failed {report.get('failed')}, skipped {report.get('skipped')}")
    return report


def omindex_doccount(db):
    """Documents in omindex's database (xapian-delve), to check it saw every file."""
    done = subprocess.run(["xapian-delve", db], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True)
    match = re.search(r"number of documents\s*=\s*(\d+)", done.stdout)
    return int(match.group(1)) if match else None


def build_both(dossier, corpus, db_root, label, rerun=True):
    """Full build (then a no-change rerun) with each indexer; returns {tool: {...}}."""
    results = {}
    for tool in ("dossier", "omindex"):
        db = os.path.join(db_root, f"{tool}-{label}")
        benchlib.remove_tree(db)
        command = index_command(tool, dossier, corpus["folder"], db)
        ok_codes = (0, 1) if tool == "dossier" else (0,)
        log(f"{tool}: full build of {corpus['files']} files")
        full = benchlib.run_timed(command, ok_codes)
        log(f"{tool}: full build {full.wall:.1f} s, peak RSS {full.max_rss_kb / 1000:.0f} MB")
        entry = {"db": db, "full": full.as_dict(), "size_bytes": benchlib.tree_size(db)}
        if rerun:
            again = benchlib.run_timed(command, ok_codes)
            log(f"{tool}: no-change rerun {again.wall:.1f} s")
            entry["rerun"] = again.as_dict()
        if tool == "dossier":
            entry["report"] = check_dossier_report(full, corpus["files"])
        else:
            entry["documents"] = omindex_doccount(db)
        results[tool] = entry
    return results


# ---------------------------------------------------------------------------------------------
# Write-path ceiling

CEILING_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench-tools", "write_ceiling.cpp")


def build_ceiling_tool(work):
    """Compiles write_ceiling.cpp into the work folder (again only when the source is newer)."""
    binary = os.path.join(work, "bench-tools", "write_ceiling")
    if not os.path.exists(binary) or os.stat(binary).st_mtime < os.stat(CEILING_SOURCE).st_mtime:
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        log("compiling scripts/bench-tools/write_ceiling.cpp")
        subprocess.run(["g++", "-O2", "-std=c++20", CEILING_SOURCE, "-o", binary, "-lxapian"], check=True)
    return binary


def measure_write_ceiling(work, builds, db_root):
    """Xapian alone writing the documents dossier built (no reading, no analysis, one thread)."""
    tool = build_ceiling_tool(work)
    target = os.path.join(db_root, "write-ceiling")
    log("write-path ceiling: adding dossier's documents, pre-built, on one thread")
    done = subprocess.run([tool, builds["dossier"]["db"], target], stdout=subprocess.PIPE, text=True,
                          check=True)
    benchlib.remove_tree(target)
    ceiling = json.loads(done.stdout)
    log(f"write-path ceiling: {ceiling['wall_s']:.1f} s")
    return ceiling


def ceiling_line(ceiling, builds):
    omindex = builds["omindex"]["full"]["wall_s"]
    dossier = builds["dossier"]["full"]["wall_s"]
    return (f"Xapian adding dossier's {ceiling['documents']} documents, pre-built in memory, one thread, "
            f"commit every {ceiling['batch']}:\n"
            f"  {secs(ceiling['wall_s'])} wall ({secs(ceiling['cpu_s'])} CPU) = "
            f"{ceiling['wall_s'] / omindex:.2f}x omindex's full build; dossier's whole build is "
            f"{dossier / ceiling['wall_s']:.2f}x this ceiling")


# ---------------------------------------------------------------------------------------------
# Queries

def read_queries(path):
    with open(path, encoding="utf-8") as handle:
        queries = [line.strip() for line in handle]
    return [q for q in queries if q and not q.startswith("#")]


def dossier_has_facets(dossier):
    done = subprocess.run([dossier, "search", "--help"], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    return "--facets" in done.stdout


def query_commands(dossier, facets, builds, folder):
    """tool -> function(query) -> argv."""
    dossier_db = builds["dossier"]["db"]
    omindex_db = builds.get("omindex", {}).get("db")
    extra = ["--facets"] if facets else []
    return {
        "dossier": lambda q: [dossier, "search", "--db", dossier_db, "--json", "-n", "10"] + extra + [q],
        "quest": lambda q: ["quest", "-d", omindex_db, "-m", "10", "-o", "and", q],
        "rg": lambda q: ["rg", "-l", "-i", "-w", "-F", "--", q.replace('"', ""), folder],
    }


def count_hits(tool, stdout):
    """Number of matching documents as the tool reports it (files for rg)."""
    text = stdout.decode("utf-8", "replace")
    if tool == "dossier":
        return json.loads(text).get("total")
    if tool == "quest":
        # quest counts exactly only when it had to; "About N" is its estimate.
        match = re.search(r"^(Exactly|About|Between) (\d+)", text, re.M)
        if not match:
            return None
        return int(match.group(2)) if match.group(1) == "Exactly" else f"~{match.group(2)}"
    return len(text.splitlines())


def time_queries(tool, make_argv, queries, repeat):
    """One untimed warm-up pass, then `repeat` timed passes; returns per-query timings and hits."""
    hits = {}
    for query in queries:
        _, stdout = benchlib.wall_time_of(make_argv(query))
        hits[query] = count_hits(tool, stdout)
    timings = {query: [] for query in queries}
    for _ in range(repeat):
        for query in queries:
            elapsed, _ = benchlib.wall_time_of(make_argv(query))
            timings[query].append(elapsed * 1000.0)
    return {"timings_ms": timings, "hits": hits}


def latency_summary(timings):
    values = [t for runs in timings.values() for t in runs]
    return {p: benchlib.percentile(values, q) for p, q in (("p50", 0.50), ("p95", 0.95), ("p99", 0.99))}


def measure_queries(dossier, builds, corpus, args, tools=("dossier", "quest", "rg")):
    queries = read_queries(args.queries)
    facets = dossier_has_facets(dossier)
    commands = query_commands(dossier, facets, builds, corpus["folder"])
    results = {"facets": facets, "queries": queries, "tools": {}}
    for tool in tools:
        make_argv = commands[tool]
        repeat = args.rg_repeat if tool == "rg" else args.repeat
        log(f"{tool}: {len(queries)} queries x (1 warm-up + {repeat})")
        measured = time_queries(tool, make_argv, queries, repeat)
        measured["latency_ms"] = latency_summary(measured["timings_ms"])
        results["tools"][tool] = measured
    return results


# ---------------------------------------------------------------------------------------------
# Report

def mb(kilobytes):
    return kilobytes * 1024 / 1e6


def secs(value):
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def goal_row(name, measured, target, passed, note=""):
    return [name, measured, target, "PASS" if passed else "FAIL", note]


def build_goals(builds, ceiling=None):
    d, o = builds["dossier"], builds["omindex"]
    build_ratio = d["full"]["wall_s"] / o["full"]["wall_s"]
    build_note = f"{secs(d['full']['wall_s'])} vs {secs(o['full']['wall_s'])}"
    if ceiling:
        build_note += f"; Xapian write alone {ceiling['wall_s'] / o['full']['wall_s']:.2f}x"
    rerun_ratio = d["rerun"]["wall_s"] / max(o["rerun"]["wall_s"], 1e-9)
    size_ratio = d["size_bytes"] / o["size_bytes"]
    rss = mb(max(d["full"]["max_rss_kb"], d["rerun"]["max_rss_kb"]))
    return [
        goal_row("full build time vs omindex", f"{build_ratio:.2f}x", f"<= {GOAL_BUILD_RATIO}x",
                 build_ratio <= GOAL_BUILD_RATIO, build_note),
        goal_row("no-change rerun vs omindex", f"{rerun_ratio:.2f}x", f"<= {GOAL_RERUN_RATIO}x",
                 rerun_ratio <= GOAL_RERUN_RATIO,
                 f"{secs(d['rerun']['wall_s'])} vs {secs(o['rerun']['wall_s'])}"),
        goal_row("peak RSS of dossier index", f"{rss:.0f} MB", f"<= {GOAL_RSS_MB:.0f} MB",
                 rss <= GOAL_RSS_MB, f"omindex {mb(o['full']['max_rss_kb']):.0f} MB"),
        goal_row("index size vs omindex", f"{size_ratio:.2f}x", f"<= {GOAL_SIZE_RATIO}x",
                 size_ratio <= GOAL_SIZE_RATIO,
                 f"{d['size_bytes'] / 1e6:.0f} MB vs {o['size_bytes'] / 1e6:.0f} MB"),
    ]


def query_goals(queries):
    tools = queries["tools"]
    d = tools["dossier"]["latency_ms"]
    rg = tools["rg"]["latency_ms"]
    speedup = rg["p50"] / d["p50"]
    note = "with --facets" if queries["facets"] else "without facets (no --facets option yet)"
    return [
        goal_row("query p95 (dossier search)", f"{d['p95']:.1f} ms", f"<= {GOAL_P95_MS:.0f} ms",
                 d["p95"] <= GOAL_P95_MS, note),
        goal_row("speed-up over ripgrep (p50)", f"{speedup:.1f}x", f">= {GOAL_RG_SPEEDUP:.0f}x",
                 speedup >= GOAL_RG_SPEEDUP, f"rg p50 {rg['p50']:.0f} ms"),
    ]


def scaling_goal(scaling, builds):
    small = scaling["builds"]["dossier"]["full"]["max_rss_kb"]
    large = builds["dossier"]["full"]["max_rss_kb"]
    growth = large / small
    passed = growth <= GOAL_RSS_GROWTH and mb(large) <= GOAL_RSS_MB
    return goal_row("peak RSS flat as corpus grows", f"{growth:.2f}x", f"<= {GOAL_RSS_GROWTH}x",
                    passed, f"{mb(small):.0f} MB at {scaling['files']} files -> "
                            f"{mb(large):.0f} MB at {builds['files']} files")


def build_table(builds):
    rows = []
    for tool in ("dossier", "omindex"):
        entry = builds[tool]
        for phase in ("full", "rerun"):
            m = entry[phase]
            rows.append([f"{tool} {'full build' if phase == 'full' else 'no-change rerun'}",
                         secs(m["wall_s"]), secs(m["user_s"] + m["sys_s"]),
                         f"{mb(m['max_rss_kb']):.0f} MB",
                         f"{entry['size_bytes'] / 1e6:.0f} MB" if phase == "full" else ""])
    return benchlib.format_table(["indexer", "wall", "CPU (user+sys)", "peak RSS", "index size"], rows)


def latency_table(queries):
    rows = []
    for tool, measured in queries["tools"].items():
        lat = measured["latency_ms"]
        runs = sum(len(v) for v in measured["timings_ms"].values())
        rows.append([tool, f"{lat['p50']:.1f} ms", f"{lat['p95']:.1f} ms", f"{lat['p99']:.1f} ms", runs])
    return benchlib.format_table(["search", "p50", "p95", "p99", "timed runs"], rows)


def per_query_table(queries):
    tools = queries["tools"]
    rows = []
    for query in queries["queries"]:
        row = [query]
        for tool in ("dossier", "quest", "rg"):
            runs = tools[tool]["timings_ms"][query]
            row += [tools[tool]["hits"][query], f"{benchlib.percentile(runs, 0.5):.1f}"]
        rows.append(row)
    header = ["query", "dossier hits", "ms", "quest hits", "ms", "rg files", "ms"]
    return benchlib.format_table(header, rows)


def scaling_table(scaling, builds):
    rows = []
    for tool in ("dossier", "omindex"):
        small = scaling["builds"][tool]["full"]
        large = builds[tool]["full"]
        rows.append([tool, f"{mb(small['max_rss_kb']):.0f} MB", secs(small["wall_s"]),
                     f"{mb(large['max_rss_kb']):.0f} MB", secs(large["wall_s"]),
                     f"{large['max_rss_kb'] / small['max_rss_kb']:.2f}x"])
    header = ["indexer", f"RSS {scaling['files']} files", "build", f"RSS {builds['files']} files",
              "build", "RSS growth"]
    return benchlib.format_table(header, rows)


def goal_rows(results):
    rows = (build_goals(results["builds"], results.get("write_ceiling")) + query_goals(results["queries"]) +
            bench_server.goals(results["server"]) + bench_batch.goals(results["batch"]))
    if results.get("scaling"):
        rows.append(scaling_goal(results["scaling"], results["builds"]))
    return rows


def print_report(results):
    corpus = results["corpus"]
    print(f"Dossier benchmark, {benchlib.machine_line(results['machine'])}")
    print(f"corpus: {corpus['files']} files, {corpus['bytes'] / 1e6:.1f} MB ({corpus['folder']})")
    for name, version in results["versions"].items():
        print(f"  {name}: {version}")
    print("\nIndexing (wall = elapsed; CPU = user + sys; peak RSS = GNU time %M)")
    print(build_table(results["builds"]))
    if results.get("scaling"):
        print("\nPeak RSS as the corpus grows (full builds)")
        print(scaling_table(results["scaling"], results["builds"]))
    if results.get("write_ceiling"):
        print("\nWrite-path ceiling (no file read, nothing analysed)")
        print(ceiling_line(results["write_ceiling"], results["builds"]))
    print("\nQuery latency, process start-up included (warm cache)")
    print(latency_table(results["queries"]))
    bench_server.print_table(results)
    bench_batch.print_table(results["batch"])
    print("\nPer query (median ms of the timed runs)")
    print(per_query_table(results["queries"]))
    rows = goal_rows(results)
    rows.append(["MAP ahead of quest (4 IR collections)", "-", "-", "n/a", "see scripts/eval-ranking"])
    print("\nGoals")
    print(benchlib.format_table(["goal", "measured", "target", "result", "detail"], rows))
    print(f"\nload average at end: {results['loadavg_end']}; results: {results['json_path']}")


# ---------------------------------------------------------------------------------------------

def run_server_only(dossier, corpus, db_root, label, args, results):
    """--server-only: dossier's index, its CLI queries, the server and the batch rows; nothing else."""
    db = os.path.join(db_root, f"dossier-{label}")
    if args.reuse_index and os.path.exists(os.path.join(db, "iamglass")):
        log(f"dossier: reusing the index {db}")
        build_time, full = "not measured (--reuse-index)", None
    else:
        benchlib.remove_tree(db)
        log(f"dossier: full build of {corpus['files']} files")
        full = benchlib.run_timed(index_command("dossier", dossier, corpus["folder"], db), (0, 1))
        check_dossier_report(full, corpus["files"])
        log(f"dossier: full build {full.wall:.1f} s")
        build_time = secs(full.wall)
    results["builds"] = {"dossier": {"db": db, "full": full.as_dict() if full else None}, "files": corpus["files"]}
    results["queries"] = measure_queries(dossier, results["builds"], corpus, args, tools=("dossier",))
    results["server"] = bench_server.measure(bench_server.build_load_tool(args.work), dossier, db, args.queries,
                                             args.repeat)
    results["batch"] = bench_batch.measure(dossier, db, args.queries, args.repeat)
    goals = bench_server.goals(results["server"]) + bench_batch.goals(results["batch"])
    bench_server.print_server_only(results, benchlib.machine_line(results["machine"]), corpus, build_time,
                                   goals, extra=lambda: bench_batch.print_table(results["batch"]))
    return benchlib.goals_status(row[3] == "PASS" for row in goals)


def tool_versions(dossier):
    built = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.stat(dossier).st_mtime))
    return {
        "dossier": f"{dossier} (built {built}; source {benchlib.source_revision()})",
        "omindex": benchlib.first_line(["omindex", "--version"]),
        "quest": benchlib.first_line(["quest", "--version"]),
        "ripgrep": benchlib.first_line(["rg", "--version"]),
    }


def run_scaling(dossier, args, db_root):
    small = prepare_corpus(args.corpus, args.work, args.rss_scaling)
    warm_cache(small["folder"])
    builds = build_both(dossier, small, db_root, f"first-{args.rss_scaling}", rerun=False)
    for tool in ("dossier", "omindex"):
        benchlib.remove_tree(builds[tool]["db"])
    return {"files": small["files"], "builds": builds}


def main(argv):
    args = parse_args(argv)
    dossier = benchlib.ensure_dossier(args.dossier)
    os.makedirs(args.work, exist_ok=True)
    results = {"machine": benchlib.machine_info(), "versions": tool_versions(dossier)}
    corpus = prepare_corpus(args.corpus, args.work, args.limit)
    results["corpus"] = {k: corpus[k] for k in ("folder", "files", "bytes")}
    db_root = os.path.join(args.work, "indexes")
    if args.rss_scaling:
        results["scaling"] = run_scaling(dossier, args, db_root)
    log("warming the page cache")
    warm_cache(corpus["folder"])
    label = f"first-{args.limit}" if args.limit else "all"
    if args.server_only:
        return run_server_only(dossier, corpus, db_root, label, args, results)
    results["builds"] = build_both(dossier, corpus, db_root, label)
    results["builds"]["files"] = corpus["files"]
    results["write_ceiling"] = measure_write_ceiling(args.work, results["builds"], db_root)
    results["queries"] = measure_queries(dossier, results["builds"], corpus, args)
    results["server"] = bench_server.measure(bench_server.build_load_tool(args.work), dossier,
                                             results["builds"]["dossier"]["db"], args.queries, args.repeat)
    results["batch"] = bench_batch.measure(dossier, results["builds"]["dossier"]["db"], args.queries, args.repeat)
    results["loadavg_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    stamp = time.strftime("%Y%m%d-%H%M%S")
    results["json_path"] = args.json_out or os.path.join(args.work, "results", f"bench-{stamp}.json")
    os.makedirs(os.path.dirname(os.path.abspath(results["json_path"])), exist_ok=True)
    with open(results["json_path"], "w", encoding="utf-8") as out:
        json.dump(results, out, indent=1)
    print_report(results)
    return benchlib.goals_status(row[3] == "PASS" for row in goal_rows(results))


if __name__ == "__main__":
    benchlib.run_main(main)
