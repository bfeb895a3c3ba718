#!/usr/bin/env python3
"""Ranking quality of dossier against quest (Xapian Omega) on CACM, Cranfield, CISI and Medline.

For each collection: parse the SMART files, write one document per file (title on the first line,
then the text), index the folder with `dossier index` and with `omindex`, run every judged query
with `dossier search --any --json -n 1000` and with `quest -m 1000` (OR semantics) on omindex's
database, map the hits back to document ids by file name and compute MAP, nDCG@10 and P@10 with
trec_eval semantics. Prints one table; exits 0 when dossier's MAP leads quest's on every collection
evaluated, 1 when it does not, 2 when it could not evaluate (see benchlib). Standard library only;
run it through scripts/eval-ranking, which installs the tools it needs first.

Choices, so that the numbers can be compared with other runs:
  * documents: .T (title) and .W (abstract) only; authors, dates and cross-references are left out;
  * queries: the .W text only, cleaned the same way for both engines (see clean_query);
  * relevant = grade > 0; Cranfield grades are gain = 5 - code for codes 1..4 and -1 is
    non-relevant; the other collections are binary (gain 1);
  * MAP is averaged over the judged queries (those with at least one relevant document), a query
    with no hits counting 0 (trec_eval -c); nDCG@10 uses linear gains and log2(rank + 1) as
    trec_eval's ndcg_cut.10; rankings are taken in the engine's order.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402  (after the path set-up above)
from benchlib import log  # noqa: E402

DOCS_FORMAT = 1  # bump when the generated files change, so cached folders and indexes are rebuilt

# name -> (documents, queries, qrels, qrels columns (query, document, grade or None), grading)
COLLECTIONS = {
    "cacm": ("cacm/cacm.all", "cacm/query.text", "cacm/qrels.text", (0, 1, None), "binary"),
    "cranfield": ("cranfield/cran.all.1400", "cranfield/cran.qry", "cranfield/cranqrel", (0, 1, 2),
                  "cranfield"),
    "cisi": ("cisi/CISI.ALL", "cisi/CISI.QRY", "cisi/CISI.REL", (0, 1, None), "binary"),
    "medline": ("medline/MED.ALL", "medline/MED.QRY", "medline/MED.REL", (0, 2, 3), "binary"),
}

# Published or issue figures quoted next to the table (MAP).
REFERENCES = {"cacm": "issue: quest 0.3376; Anserini BM25 0.3123 (Anserini's HTML variant of CACM)"}


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="scripts/eval-ranking",
        description="MAP, nDCG@10 and P@10 of dossier and of quest (on omindex's index) on the "
                    "CACM, Cranfield, CISI and Medline test collections.",
        epilog="Indexes are cached in the work folder, keyed by the binaries' modification times. "
               "Per-query scores and TREC-format runs and qrels are written there too. Exit status: "
               "0 MAP ahead of quest on every collection evaluated (or a --drop-stopwords run), "
               "1 behind on one, 2 could not evaluate.")
    parser.add_argument("--ir", default=benchlib.default_shared("eval", "ir"),
                        help="folder holding cacm/ cranfield/ cisi/ medline/ "
                             "(default: ../shared/eval/ir next to the repository)")
    parser.add_argument("--work", default="/var/tmp/dossier-eval",
                        help="work folder for documents, indexes and runs (default: %(default)s)")
    parser.add_argument("--collections", default=",".join(COLLECTIONS),
                        help="comma-separated subset of %(default)s")
    parser.add_argument("--depth", type=int, default=1000,
                        help="hits retrieved per query (default: %(default)s)")
    parser.add_argument("--dossier", help="dossier binary to evaluate (default: build and use "
                                          "build/bin/dossier)")
    parser.add_argument("--json", dest="json_out", help="also write the results as JSON here")
    parser.add_argument("--drop-stopwords", action="store_true",
                        help="diagnostic, not the goal's setting: remove quest's 33 stopwords from "
                             "both engines' queries (quest drops them anyway), to see what "
                             "query-side stopping would do for dossier")
    args = parser.parse_args(argv)
    args.collections = [c.strip() for c in args.collections.split(",") if c.strip()]
    unknown = [c for c in args.collections if c not in COLLECTIONS]
    if unknown:
        parser.error(f"unknown collection(s): {', '.join(unknown)}")
    return args


# ---------------------------------------------------------------------------------------------
# SMART files

MARKER = re.compile(r"^\.([A-Z])(?:[ \t]+(.*?))?[ \t]*$")


def read_lines(path):
    """Lines without terminators; CRLF (CISI, Cranfield queries, Medline) and LF alike."""
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        return handle.read().replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_smart(path):
    """[(id, {field letter: [lines]})] in file order. `.I n` starts a record; `.X` etc. a field."""
    records = []
    fields = None
    current = None
    for line in read_lines(path):
        match = MARKER.match(line)
        if match and match.group(1) == "I":
            fields = {}
            records.append(((match.group(2) or "").strip(), fields))
            current = None
        elif match and fields is not None:
            current = fields.setdefault(match.group(1), [])
            if match.group(2):
                current.append(match.group(2))
        elif current is not None:
            current.append(line)
    return records


def joined(lines, separator=" "):
    return separator.join(line.strip() for line in lines if line.strip())


def normalise_id(text):
    """'001' and '1' are the same id."""
    return str(int(text))


def load_documents(path):
    """{doc id: (title, text)}: .T is the title, .W the text."""
    documents = {}
    for doc_id, fields in parse_smart(path):
        documents[normalise_id(doc_id)] = (joined(fields.get("T", [])), joined(fields.get("W", []), "\n"))
    return documents


def load_queries(path, sequential):
    """[(query id, text)] from the .W fields. Cranfield's qrels number the queries 1..n in file
    order, not with the ids of cran.qry (sequential=True). Records without text (CACM's trailing
    `.I 0` stub) are dropped."""
    queries = []
    for position, (query_id, fields) in enumerate(parse_smart(path), start=1):
        text = joined(fields.get("W", []))
        if text:
            queries.append((str(position) if sequential else normalise_id(query_id), text))
    return queries


def grade_of(value, grading):
    """Gain of one judgment: binary collections 1; Cranfield 5 - code for codes 1..4, else 0."""
    if grading == "binary":
        return 1
    code = int(value)
    return 5 - code if 1 <= code <= 4 else 0


def load_qrels(path, columns, grading):
    """{query id: {doc id: gain}}, gain 0 meaning judged non-relevant."""
    query_col, doc_col, grade_col = columns
    qrels = {}
    for line in read_lines(path):
        parts = line.split()
        if len(parts) <= max(c for c in columns if c is not None):
            continue
        gain = grade_of(parts[grade_col] if grade_col is not None else "1", grading)
        qrels.setdefault(normalise_id(parts[query_col]), {})[normalise_id(parts[doc_col])] = gain
    return qrels


# ---------------------------------------------------------------------------------------------
# Queries: one cleaning for both engines

QUERY_SYNTAX = re.compile(r"[\"\u201c\u201d()]")

# The stop list quest (xapian-tools 1.4) applies to its queries; used only with --drop-stopwords.
QUEST_STOPWORDS = frozenset(
    "a about an and are as at be by en for from how i in is it of on or that the this to was what "
    "when where which who why will with".split())


def clean_query(text):
    """Lower-cases the text, so that AND/OR/NOT are ordinary words to both parsers (and quest,
    which does not stem capitalised words, stems every word as Dossier does); replaces the
    characters that are syntax in either language (double and typographic quotes, parentheses)
    with spaces; strips a leading '-' or '+' (exclusion / requirement) from every word."""
    words = QUERY_SYNTAX.sub(" ", text.lower()).split()
    return " ".join(w.lstrip("-+") for w in words if w.lstrip("-+"))


def drop_stopwords(query):
    """The query without quest's stopwords (a word is compared without trailing punctuation)."""
    return " ".join(w for w in query.split() if w.rstrip(".,;:?!") not in QUEST_STOPWORDS)


def doc_id_of(path):
    """Document id from a hit's path or URL: the file name without .txt."""
    return os.path.splitext(os.path.basename(path))[0]


def run_dossier(dossier, db, query, depth):
    argv = [dossier, "search", "--db", db, "--json", "--any", "-n", str(depth), query]
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        log(f"warning: dossier failed on {query!r}: {done.stderr.strip()}")
        return []
    return [doc_id_of(hit["path"]) for hit in json.loads(done.stdout)["hits"]]


QUEST_HIT = re.compile(r"^\d+: \[[^\]]*\]$")


def run_quest(db, query, depth):
    """quest prints `DOCID: [WEIGHT]` then the document data, whose `url=` line names the file."""
    argv = ["quest", "-d", db, "-m", str(depth), query]
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        log(f"warning: quest failed on {query!r}: {done.stderr.strip()}")
        return []
    hits = []
    expect_url = False
    for line in done.stdout.splitlines():
        if QUEST_HIT.match(line):
            expect_url = True
        elif expect_url and line.startswith("url="):
            hits.append(doc_id_of(line[4:]))
            expect_url = False
    return hits


# ---------------------------------------------------------------------------------------------
# Metrics (trec_eval semantics)

def unique_known(ranking, known):
    """The ranking without repeats and without ids that are not documents of the collection."""
    seen = set()
    out = []
    for doc_id in ranking:
        if doc_id in known and doc_id not in seen:
            seen.add(doc_id)
            out.append(doc_id)
    return out


def average_precision(ranking, judgments):
    relevant = {d for d, gain in judgments.items() if gain > 0}
    found = 0
    total = 0.0
    for rank, doc_id in enumerate(ranking, start=1):
        if doc_id in relevant:
            found += 1
            total += found / rank
    return total / len(relevant)


def ndcg_at(ranking, judgments, k):
    dcg = sum(max(judgments.get(d, 0), 0) / math.log2(r + 1) for r, d in enumerate(ranking[:k], 1))
    ideal = sorted((g for g in judgments.values() if g > 0), reverse=True)[:k]
    idcg = sum(gain / math.log2(r + 1) for r, gain in enumerate(ideal, start=1))
    return dcg / idcg if idcg else 0.0


def precision_at(ranking, judgments, k):
    return sum(1 for d in ranking[:k] if judgments.get(d, 0) > 0) / k


def score_run(run, qrels, known):
    """Mean MAP, nDCG@10, P@10 over the judged queries, and the per-query values."""
    per_query = {}
    for query_id, judgments in qrels.items():
        ranking = unique_known(run.get(query_id, []), known)
        per_query[query_id] = {"ap": average_precision(ranking, judgments),
                               "ndcg10": ndcg_at(ranking, judgments, 10),
                               "p10": precision_at(ranking, judgments, 10)}
    means = {m: sum(v[m] for v in per_query.values()) / len(per_query) for m in ("ap", "ndcg10", "p10")}
    return {"map": means["ap"], "ndcg10": means["ndcg10"], "p10": means["p10"], "per_query": per_query}


# ---------------------------------------------------------------------------------------------
# Files and cached indexes

def signature_of(paths):
    return {"format": DOCS_FORMAT,
            "sources": [[os.path.basename(p), os.stat(p).st_size, int(os.stat(p).st_mtime)] for p in paths]}


def write_documents(folder, documents, signature):
    """One `ID.txt` per document (title, newline, text); reused while the sources are unchanged."""
    stamp_path = folder + ".json"
    if os.path.isdir(folder) and os.path.isfile(stamp_path):
        with open(stamp_path, encoding="utf-8") as stamp:
            if json.load(stamp) == signature:
                return False
    benchlib.remove_tree(folder)
    os.makedirs(folder)
    for doc_id, (title, text) in documents.items():
        with open(os.path.join(folder, doc_id + ".txt"), "w", encoding="utf-8") as out:
            out.write(f"{title}\n{text}\n")
    with open(stamp_path, "w", encoding="utf-8") as stamp:
        json.dump(signature, stamp)
    return True


def prune_old_indexes(root, name, key):
    """Removes NAME-MTIME indexes (and their .done markers) other than `key`."""
    pattern = re.compile(re.escape(name) + r"-\d+(\.done)?$")
    for entry in os.listdir(root):
        path = os.path.join(root, entry)
        if pattern.match(entry) and entry not in (key, key + ".done"):
            if os.path.isdir(path):
                benchlib.remove_tree(path)
            else:
                os.remove(path)


def cached_index(root, name, binary, docs_changed, build):
    """root/NAME-MTIME_NS, built by build(db) unless already built from the same documents."""
    key = f"{name}-{os.stat(binary).st_mtime_ns}"
    db = os.path.join(root, key)
    done_marker = db + ".done"
    prune_old_indexes(root, name, key)
    if docs_changed or not os.path.isfile(done_marker):
        benchlib.remove_tree(db)
        build(db)
        with open(done_marker, "w", encoding="utf-8") as marker:
            marker.write(time.strftime("%Y-%m-%d %H:%M:%S\n"))
    return db


def build_indexes(root, docs, dossier, docs_changed):
    def dossier_build(db):
        log(f"dossier index {docs}")
        benchlib.run_timed([dossier, "index", docs, "--db", db, "--json"])

    def omindex_build(db):
        log(f"omindex {docs}")
        benchlib.run_timed(["omindex", "--db", db, "--url", "/", docs])

    return (cached_index(root, "dossier", dossier, docs_changed, dossier_build),
            cached_index(root, "omindex", shutil.which("omindex") or "/usr/bin/omindex", docs_changed,
                         omindex_build))


def write_trec_files(root, qrels, runs, tag):
    """qrels and runs in TREC format, so that trec_eval can check these numbers."""
    with open(os.path.join(root, "qrels.trec"), "w", encoding="utf-8") as out:
        for query_id, judgments in qrels.items():
            for doc_id, gain in judgments.items():
                out.write(f"{query_id} 0 {doc_id} {gain}\n")
    for engine, run in runs.items():
        with open(os.path.join(root, f"{engine}{tag}.run"), "w", encoding="utf-8") as out:
            for query_id, ranking in run.items():
                for rank, doc_id in enumerate(ranking, start=1):
                    out.write(f"{query_id} Q0 {doc_id} {rank} {1000.0 / rank:.6f} {engine}\n")


def write_per_query(root, queries, scores, tag):
    text_of = dict(queries)
    with open(os.path.join(root, f"per-query{tag}.tsv"), "w", encoding="utf-8") as out:
        out.write("query\tdossier_ap\tquest_ap\tdossier_ndcg10\tquest_ndcg10\ttext\n")
        for query_id, dossier in scores["dossier"]["per_query"].items():
            quest = scores["quest"]["per_query"][query_id]
            out.write(f"{query_id}\t{dossier['ap']:.4f}\t{quest['ap']:.4f}\t{dossier['ndcg10']:.4f}\t"
                      f"{quest['ndcg10']:.4f}\t{text_of.get(query_id, '')}\n")


# ---------------------------------------------------------------------------------------------

def evaluate(name, args, dossier):
    docs_path, queries_path, qrels_path, columns, grading = COLLECTIONS[name]
    sources = [os.path.join(args.ir, p) for p in (docs_path, queries_path, qrels_path)]
    documents = load_documents(sources[0])
    queries = load_queries(sources[1], sequential=(name == "cranfield"))
    qrels = {q: j for q, j in load_qrels(sources[2], columns, grading).items()
             if any(g > 0 for g in j.values())}
    root = os.path.join(args.work, name)
    os.makedirs(root, exist_ok=True)
    docs_changed = write_documents(os.path.join(root, "docs"), documents, signature_of(sources))
    dossier_db, omindex_db = build_indexes(root, os.path.join(root, "docs"), dossier, docs_changed)
    judged = [(q, clean_query(text)) for q, text in queries if q in qrels]
    if args.drop_stopwords:
        judged = [(q, drop_stopwords(text)) for q, text in judged]
    log(f"{name}: {len(documents)} documents, {len(queries)} queries, {len(judged)} judged")
    runs = {"dossier": {q: run_dossier(dossier, dossier_db, text, args.depth) for q, text in judged},
            "quest": {q: run_quest(omindex_db, text, args.depth) for q, text in judged}}
    scores = {engine: score_run(run, qrels, set(documents)) for engine, run in runs.items()}
    tag = "-drop-stopwords" if args.drop_stopwords else ""
    write_trec_files(root, qrels, runs, tag)
    write_per_query(root, queries, scores, tag)
    missing = sorted(set(qrels) - {q for q, _ in judged}, key=int)
    return {"documents": len(documents), "queries": len(queries), "judged": len(qrels),
            "judged_without_text": missing, "scores": scores}


def results_table(results):
    rows = []
    for name, result in results.items():
        d = result["scores"]["dossier"]
        q = result["scores"]["quest"]
        delta = d["map"] - q["map"]
        rows.append([name, result["documents"], result["judged"],
                     f"{d['map']:.4f}", f"{d['ndcg10']:.4f}", f"{d['p10']:.4f}",
                     f"{q['map']:.4f}", f"{q['ndcg10']:.4f}", f"{q['p10']:.4f}",
                     f"{delta:+.4f}", "yes" if delta > 0 else "NO"])
    header = ["collection", "docs", "judged q", "dossier MAP", "nDCG@10", "P@10",
              "quest MAP", "nDCG@10", "P@10", "MAP delta", "dossier leads"]
    return benchlib.format_table(header, rows)


def goal_met(results):
    return all(r["scores"]["dossier"]["map"] > r["scores"]["quest"]["map"] for r in results.values())


def print_report(results, machine, dossier, args):
    print(f"Ranking evaluation, {benchlib.machine_line(machine)}")
    print(f"  dossier: {dossier} (source {benchlib.source_revision()}); "
          f"{benchlib.first_line(['omindex', '--version'])}; "
          f"{benchlib.first_line(['quest', '--version'])}")
    print("  dossier search --any --json -n 1000 vs quest -m 1000 (OR) on omindex's index; "
          "queries lower-cased, \"()“” removed, leading -/+ stripped")
    if args.drop_stopwords:
        print("  DIAGNOSTIC: quest's stopwords removed from both engines' queries (--drop-stopwords)")
    print()
    print(results_table(results))
    if args.drop_stopwords:
        print("\nGoal: not judged (--drop-stopwords is not the goal's setting)")
    else:
        print(f"\nGoal: MAP ahead of quest on every collection: {'PASS' if goal_met(results) else 'FAIL'}")
    for name, note in REFERENCES.items():
        if name in results:
            print(f"  {name} reference MAP: {note}")
    for name, result in results.items():
        if result["judged_without_text"]:
            print(f"  {name}: judged queries without text: {result['judged_without_text']}")


def main(argv):
    args = parse_args(argv)
    dossier = benchlib.ensure_dossier(args.dossier)
    machine = benchlib.machine_info()
    os.makedirs(args.work, exist_ok=True)
    results = {name: evaluate(name, args, dossier) for name in args.collections}
    print_report(results, machine, dossier, args)
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as out:
            json.dump({"machine": machine, "results": results}, out, indent=1)
    if args.drop_stopwords:
        return benchlib.EXIT_GOALS_MET  # a diagnostic run judges no goal
    return benchlib.goals_status([goal_met(results)])


if __name__ == "__main__":
    benchlib.run_main(main)
