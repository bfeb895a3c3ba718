#!/usr/bin/env python3
"""Regenerate Dossier's gazetteers (corpus/gazetteers/*.tsv) from the shared source data.

Maintenance tool, not run by the build or the tests. Standard library only.

    scripts/gazetteers/derive.py [DATA_DIR]        # rewrite the generated files
    scripts/gazetteers/derive.py --check           # validate the committed files, print counts
    scripts/gazetteers/derive.py --scan-cve [DATA_DIR]
                                                   # report actor surface forms that occur in CVE
                                                   # descriptions (false-hit candidates; needs `zstd`)

DATA_DIR defaults to ../shared/data relative to the repository root. It must hold the files
described in its README: actors.tsv, agencies.tsv, security-vendors.tsv (derived there from the
MISP galaxy and MITRE ATT&CK) and countries/mledoze-countries.json.

Hand-curated inputs (all in corpus/gazetteers/, written by the project):
    curated-actors.tsv           rows the sources miss; a row whose id equals a source row's id
                                 replaces that row's name, kind and country and adds its aliases
    curated-merges.tsv           gives a source row an id (to merge it with a curated row)
    curated-alias-fixes.tsv      per-row alias additions and removals
    curated-ambiguous.tsv        which row keeps an alias that several rows claim (`-`: none;
                                 `umbrella`: a name of several groups together gets a row of its own)
    curated-countries.tsv        country name overrides, extra/removed aliases, demonyms, capitals
    curated-weak-aliases.tsv     hand list of likely false hits
The English word list (/usr/share/dict/words, Debian package wamerican) is read as a reference
list for common words; nothing from it is written out except the aliases it flags.

Generated: actors.tsv, countries.tsv, weak-aliases.tsv, ambiguous-aliases.tsv.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(REPO, "corpus", "gazetteers")
DEFAULT_DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data"))
DEFAULT_WORDS = "/usr/share/dict/words"

KINDS = ("threat-group", "intelligence-agency", "government", "political-party", "intergovernmental",
         "company", "security-vendor", "ngo", "media")
ACTOR_HEADER = ["id", "name", "kind", "country", "aliases", "source"]
COUNTRY_HEADER = ["code", "name", "aliases", "demonyms", "capitals"]
WEAK_HEADER = ["alias", "reason"]
AMBIG_HEADER = ["alias", "ids", "resolution"]
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Hand-written actor rows: the project's own list, and the curated lists of intergovernmental
# bodies, national agencies and legislatures (sources in corpus/gazetteers/README.md).
CURATED_ACTOR_FILES = ("curated-actors.tsv", "curated-intergovernmental.tsv", "curated-national-agencies.tsv",
                       "curated-legislatures.tsv")

# Source labels, as written in the `source` column.
SRC_AGENCIES = "misp-galaxy:intelligence-agencies"
SRC_PRODUCER = "misp-galaxy:producer"
SRC_CURATED = "curated"


def die(msg):
    sys.exit("derive.py: error: " + msg)


# ------------------------------------------------------------------------------------ text helpers
_DASHES = {"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00ad": ""}


def clean(s):
    """NFC, one line, no TAB/CR/LF/'|', single spaces, trimmed (also of stray , ;)."""
    s = unicodedata.normalize("NFC", str(s))
    for a, b in _DASHES.items():
        s = s.replace(a, b)
    s = s.replace("|", "/")
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(",;").strip()


def key(s):
    """Matching key: case- and accent-insensitive, as the tagger folds text."""
    s = unicodedata.normalize("NFKD", clean(s).casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("\u2019", "'").replace("\u02bc", "'").rstrip(".")


_TRANSLIT = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "ß": "ss", "ł": "l", "đ": "d", "œ": "oe",
                           "þ": "th", "ð": "d", "&": "-"})


def slug(s):
    s = unicodedata.normalize("NFKD", s.lower().translate(_TRANSLIT))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def is_latin(s):
    """True if every letter of s is Latin script (or there are no letters)."""
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def has_cjk(s):
    return any(unicodedata.name(ch, "").startswith(("CJK", "HANGUL", "HIRAGANA", "KATAKANA"))
               for ch in s)


def uniq(items, exclude=()):
    seen = {key(x) for x in exclude}
    out = []
    for x in items:
        x = clean(x)
        if x and key(x) not in seen:
            seen.add(key(x))
            out.append(x)
    return out


def split_list(cell):
    return [clean(x) for x in cell.split("|")] if cell else []


def read_tsv(path, header=None, required=True):
    """Rows of a TSV as dicts. The first line is the header; blank lines are skipped."""
    if not os.path.exists(path):
        if required:
            die(f"missing {path}")
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    head = lines[0].split("\t")
    if header and head != header:
        die(f"{path}: header is {head}, expected {header}")
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(head):
            die(f"{path}:{n}: {len(cells)} cells, expected {len(head)}")
        rows.append(dict(zip(head, cells)))
    return rows


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            cells = [str(c) for c in r]
            for c in cells:
                if re.search(r"[\t\r\n]", c):
                    die(f"{path}: cell with TAB/CR/LF: {c!r}")
            fh.write("\t".join(cells) + "\n")


# ------------------------------------------------------------------------------------ alias hygiene
def explode_alias(a):
    """One raw source alias -> the clean surface forms it holds.

    'Secret Intelligence Service /MI6' -> two forms; 'Subgroup: Andariel' -> 'Andariel';
    'X aka Y' -> two forms. A slash without a space beside it ('JPCERT/CC') is kept."""
    a = clean(a)
    a = re.sub(r"^Subgroup:\s*", "", a)
    parts = []
    for p in re.split(r"\s+aka\s+", a):
        parts += re.split(r"\s+/\s*|\s*/\s+", p)
    out = []
    for p in parts:
        p = clean(p)
        if not p or p.count("(") != p.count(")"):
            continue   # unbalanced parentheses: a fragment of a longer description
        out.append(p)
    return out


# ------------------------------------------------------------------------------------ countries
def load_countries(data, cur_rows, words):
    raw = json.load(open(os.path.join(data, "countries", "mledoze-countries.json"), encoding="utf-8"))
    fixes = defaultdict(list)           # (code, field) -> [(action, [values])]
    for r in cur_rows:
        if r["field"] not in ("name", "aliases", "demonyms", "capitals"):
            die(f"curated-countries.tsv: bad field {r['field']!r}")
        if r["action"] not in ("set", "add", "drop"):
            die(f"curated-countries.tsv: bad action {r['action']!r}")
        fixes[(r["code"], r["field"])].append((r["action"], split_list(r["values"])))
    codes = {c["cca2"] for c in raw}
    for code, _ in fixes:
        if code not in codes:
            die(f"curated-countries.tsv: unknown code {code}")

    countries = {}
    dropped_foreign = []                # (alias, code) foreign names that are English words
    for c in sorted(raw, key=lambda c: c["cca2"]):
        cc = c["cca2"]
        name = clean(c["name"]["common"])
        for act, vals in fixes[(cc, "name")]:
            name = vals[0]
        # Aliases from the source, English ones first.
        src = [c["name"]["official"]] + [a for a in c.get("altSpellings", []) if a != cc]
        foreign = []
        for lang in sorted(c["name"].get("native", {})):
            n = c["name"]["native"][lang]
            foreign += [n.get("common", ""), n.get("official", "")]
        for lang in sorted(c.get("translations", {})):
            t = c["translations"][lang]
            foreign += [t.get("common", ""), t.get("official", "")]
        aliases = []
        for a in src + foreign:
            a = clean(a)
            if not a or any(0x250 <= ord(ch) <= 0x2AF for ch in a):   # IPA transcriptions
                continue
            if " " not in a and is_latin(a) and key(a) in words and key(a) != key(name):
                dropped_foreign.append((a, cc))
                continue
            aliases.append(a)
        dem = []
        for g in ("m", "f"):
            d = (c.get("demonyms", {}).get("eng", {}) or {}).get(g) or ""
            dem += [x for x in re.split(r",|/|\s+or\s+", d)]
        caps = list(c.get("capital", []))
        entry = {"code": cc, "name": name, "aliases": [], "demonyms": [], "capitals": [],
                 "independent": bool(c.get("independent")), "official": clean(c["name"]["official"]),
                 "curated_aliases": []}
        for field, vals in (("aliases", aliases), ("demonyms", dem), ("capitals", caps)):
            adds, drops = [], set()
            for act, vs in fixes[(cc, field)]:
                if act == "add":
                    adds += vs
                elif act == "drop":
                    drops |= {key(v) for v in vs}
                else:
                    adds, vals = vs, []
            if field == "aliases":
                entry["curated_aliases"] = uniq(adds)
            vals = [v for v in uniq(adds + vals) if key(v) not in drops]
            entry[field] = vals
        entry["aliases"] = uniq(entry["aliases"], exclude=[name] + entry["demonyms"])
        countries[cc] = entry
    return countries, dropped_foreign


def resolve_country_collisions(countries, hand):
    """A surface form claimed by several codes: hand choice, else the code whose name it is,
    else the only sovereign claimant, else dropped everywhere. Returns ambiguity records."""
    owners = defaultdict(set)
    first_form = {}
    for cc, e in countries.items():
        for f in ["name", "aliases", "demonyms", "capitals"]:
            for v in ([e["name"]] if f == "name" else e[f]):
                owners[key(v)].add(cc)
                first_form.setdefault(key(v), v)
    records = []
    for k in sorted(owners):
        ccs = owners[k]
        if len(ccs) < 2:
            continue
        named = [cc for cc in ccs if key(countries[cc]["name"]) == k]
        keep, why = None, ""
        if k in hand:
            keep, why = hand[k]
            if keep != "-" and keep not in ccs:
                die(f"curated-ambiguous.tsv: {first_form[k]!r} -> {keep}, not a claimant {sorted(ccs)}")
            keep = None if keep == "-" else keep
            why = "hand: " + why
        elif len(named) == 1:
            keep, why = named[0], "it is that country's name"
        else:
            sov = [cc for cc in ccs if countries[cc]["independent"]]
            if len(sov) == 1:
                keep, why = sov[0], "the only sovereign state among the claimants"
            else:
                why = "no single plausible owner"
        for cc in ccs:
            if cc == keep:
                continue
            e = countries[cc]
            if key(e["name"]) == k:
                die(f"country name {e['name']!r} ({cc}) is claimed by {sorted(ccs)}; set a curated name")
            for f in ("aliases", "demonyms", "capitals"):
                e[f] = [v for v in e[f] if key(v) != k]
        res = f"kept on {keep} ({why})" if keep else f"dropped from all ({why})"
        records.append((first_form[k], "|".join("country:" + c for c in sorted(ccs)), res))
    return records


# ------------------------------------------------------------------------------------ actors
class Row:
    def __init__(self, rid, name, kind, country, aliases, sources, src_names=()):
        self.id, self.name, self.kind, self.country = rid, name, kind, country
        self.aliases = list(aliases)
        self.sources = list(sources)
        self.src_names = list(src_names)   # the source's own canonical names (for ambiguity rule)


def agency_id(name, aliases, cc):
    acr = next((a for a in aliases if re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}", a)), None)
    base = slug(acr) if acr else slug(re.sub(r"\(.*?\)", "", name))
    return f"{base}-{cc.lower()}" if cc else base


def clean_agency_name(n):
    n = clean(n)
    n = re.sub(r"\s*\(page does not exist\)", "", n)
    n = re.sub(r"^[a-z]{2}:", "", n)                 # 'es:Secretaría ...' interwiki prefixes
    n = re.sub(r"\[\d+\]", "", n)
    n = re.sub(r"(\w)\(", r"\1 (", n)              # 'Military Intelligence(MI)'
    return clean(n)


def load_source_actors(data, valid_cc):
    rows = []
    for r in read_tsv(os.path.join(data, "actors.tsv"),
                      ["canonical_name", "kind", "aliases", "country", "source"]):
        name = clean(r["canonical_name"])
        rows.append(Row(slug(name), name, "threat-group", r["country"],
                        [x for a in split_list(r["aliases"]) for x in explode_alias(a)],
                        [r["source"]], [name]))
    for r in read_tsv(os.path.join(data, "agencies.tsv"),
                      ["canonical_name", "kind", "aliases", "country", "source"]):
        name = clean_agency_name(r["canonical_name"])
        aliases = [x for a in split_list(r["aliases"]) for x in explode_alias(a)]
        rows.append(Row(agency_id(name, aliases, r["country"]), name, "intelligence-agency",
                        r["country"], aliases, [SRC_AGENCIES], [clean(r["canonical_name"])]))
    for r in read_tsv(os.path.join(data, "security-vendors.tsv"),
                      ["canonical_name", "kind", "aliases", "country", "source"]):
        name = clean(r["canonical_name"])
        rows.append(Row(slug(name), name, "security-vendor", r["country"],
                        [x for a in split_list(r["aliases"]) for x in explode_alias(a)],
                        [SRC_PRODUCER], [name]))
    count = defaultdict(int)
    for row in rows:
        count[row.id] += 1
    for row in rows:   # two agencies with one acronym-less base name: use the full name
        if count[row.id] > 1 and row.sources[0] == SRC_AGENCIES:
            row.id = slug(row.name) + ("-" + row.country.lower() if row.country else "")
    seen = set()
    for row in rows:
        if row.id in seen:
            die(f"two source rows get the id {row.id!r}; give one an id in curated-merges.tsv")
        seen.add(row.id)
    for row in rows:
        if row.country and row.country not in valid_cc:
            die(f"source row {row.name!r}: unknown country {row.country}")
    return rows


def build_actors(data, countries, words):
    valid_cc = set(countries)
    rows = load_source_actors(data, valid_cc)
    by_src = {}
    for row in rows:
        by_src[(row.sources[0], row.src_names[0])] = row

    # Hand-given ids for source rows (merges two rows that get the same id).
    for m in read_tsv(os.path.join(OUT, "curated-merges.tsv"), ["source", "source_name", "id", "note"]):
        row = by_src.get((m["source"], m["source_name"]))
        if row is None:
            die(f"curated-merges.tsv: no source row {m['source']} / {m['source_name']!r}")
        row.id = m["id"]
    merged = {}
    for row in rows:
        if row.id in merged:
            a = merged[row.id]
            a.aliases += [row.name] + row.aliases
            a.sources += [s for s in row.sources if s not in a.sources]
            a.src_names += row.src_names
            a.country = a.country or row.country
        else:
            merged[row.id] = row
    # Source ids must be unique across the three sources (after the hand merges).
    n_src = len(merged)

    curated = [row for name in CURATED_ACTOR_FILES for row in read_tsv(os.path.join(OUT, name), ACTOR_HEADER)]
    seen_cur = set()
    n_merged = 0
    for c in curated:
        rid = c["id"]
        if rid in seen_cur:
            die(f"curated-actors.tsv: duplicate id {rid}")
        seen_cur.add(rid)
        if c["source"] != SRC_CURATED:
            die(f"curated-actors.tsv: {rid}: source must be '{SRC_CURATED}'")
        if c["kind"] not in KINDS:
            die(f"curated-actors.tsv: {rid}: bad kind {c['kind']!r}")
        if c["country"] and c["country"] not in valid_cc:
            die(f"curated-actors.tsv: {rid}: unknown country {c['country']!r}")
        if not clean(c["name"]):
            die(f"curated-actors.tsv: {rid}: empty name")
        if rid in merged:
            row = merged[rid]
            # The source's name stays as an alias, without a '(Country)' disambiguator,
            # unless it is a description ('X – Y', 'X: Y') rather than a name.
            old = [re.sub(r"\s*\([^()]*\)$", "", row.name)]
            if re.search(r" [-–] |: ", row.name):
                old = []
            row.aliases = split_list(c["aliases"]) + old + row.aliases
            row.name, row.kind, row.country = clean(c["name"]), c["kind"], c["country"]
            row.sources.append(SRC_CURATED)
            n_merged += 1
        else:
            merged[rid] = Row(rid, clean(c["name"]), c["kind"], c["country"],
                              split_list(c["aliases"]), [SRC_CURATED], [clean(c["name"])])

    for fx in read_tsv(os.path.join(OUT, "curated-alias-fixes.tsv"), ["id", "action", "alias", "note"]):
        row = merged.get(fx["id"])
        if row is None:
            die(f"curated-alias-fixes.tsv: unknown id {fx['id']}")
        if fx["action"] == "add":
            row.aliases.append(fx["alias"])
        elif fx["action"] == "drop":
            before = len(row.aliases)
            row.aliases = [a for a in row.aliases if key(a) != key(fx["alias"])]
            if len(row.aliases) == before:
                print(f"note: curated-alias-fixes.tsv: {fx['id']} has no alias {fx['alias']!r}",
                      file=sys.stderr)
        else:
            die(f"curated-alias-fixes.tsv: bad action {fx['action']!r}")

    for row in merged.values():
        if not ID_RE.fullmatch(row.id):
            die(f"bad id {row.id!r} for {row.name!r}")
        row.aliases = uniq([x for a in row.aliases for x in explode_alias(a)], exclude=[row.name])
    curated_names = {c["id"] for c in curated}
    choose_display_names(merged.values(), curated_names, data)
    return merged, n_src, n_merged


def source_texts(data):
    """The raw text of the threat-group sources (MISP galaxies, ATT&CK groups and campaigns), where
    names are counted, and ATT&CK id -> name for the active groups."""
    texts = []
    for name in ("threat-actor.json", "tidal-groups.json", "microsoft-activity-group.json", "360net.json"):
        path = os.path.join(data, "misp-galaxy", name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                texts.append(handle.read())
    attack = {}
    for name in ("intrusion-sets.jsonl", "campaigns.jsonl"):
        with open(os.path.join(data, "mitre-attack", name), encoding="utf-8") as handle:
            for line in handle:
                texts.append(line)
                s = json.loads(line)
                if name == "intrusion-sets.jsonl" and not s.get("revoked") and not s.get("deprecated"):
                    attack[s["attack_id"]] = s["name"]
    return "\n".join(texts), attack


def choose_display_names(rows, curated_ids, data):
    """A threat group is shown by the name analysts use: ATT&CK's name when the row is one ATT&CK
    group, else its most used name in the sources (see `source_texts`), the current one on a tie.
    Only a name no other row claims is chosen; a row named by hand keeps its name. The other
    names stay aliases; ids do not change."""
    rows = list(rows)
    corpus, attack = source_texts(data)
    claims = defaultdict(int)
    for row in rows:
        for n in {key(x) for x in [row.name] + row.aliases}:
            claims[n] += 1
    for row in rows:
        if row.kind != "threat-group" or row.id in curated_ids:
            continue
        ids = [a for a in row.aliases if re.fullmatch(r"G\d{4}", a)]
        names_of_ids = [attack[i] for i in ids if i in attack]
        best = names_of_ids[0] if len(names_of_ids) == 1 else None
        if len(names_of_ids) > 1 and key(row.name) in {key(n) for n in names_of_ids}:
            best = row.name  # a row holding several ATT&CK groups keeps the one it is named after
        if best is None:
            def score(n):  # whole-word, case-sensitive uses in the sources
                return len(re.findall(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", corpus))
            names = [row.name] + [a for a in row.aliases if not re.fullmatch(r"G\d{4}", a) and claims[key(a)] == 1]
            scores = [score(n) for n in names]
            top = max(range(len(names)), key=lambda i: (scores[i], i == 0))
            best = names[top]
        if best and key(best) != key(row.name) and claims[key(best)] == 1:
            row.aliases = uniq([row.name] + row.aliases, exclude=[best])
            row.name = best


# Generic references to a state's institutions ("the Iranian government", "Chinese military",
# "Russian intelligence"), for every independent country. Kinds follow the actor vocabulary.
STATE_ACTORS = (
    ("government", "government", "Government of {name}",
     ["{d} government", "{n} government", "government of {n}", "{d} authorities", "{n} authorities", "{d} regime"]),
    ("military", "government", "{d} armed forces",
     ["{d} military", "{d} army", "{d} armed forces", "{d} navy", "{n} military", "military of {n}",
      "armed forces of {n}"]),
    ("intelligence", "intelligence-agency", "{d} intelligence services",
     ["{d} intelligence", "{d} intelligence service", "{d} intelligence services", "{d} intelligence agency",
      "{d} intelligence agencies", "{d} security services", "{d} spies", "{n} intelligence services"]),
    ("parliament", "government", "{d} parliament",
     ["{d} parliament", "{n} parliament", "parliament of {n}", "{d} legislature", "{n} legislature"]),
    ("embassy", "government", "{d} embassies",
     ["{d} embassy", "{d} embassies", "{n} embassy", "{n} embassies", "embassy of {n}", "{d} consulate",
      "{n} consulate", "{d} diplomatic mission", "{d} diplomats"]),
)

# The generated phrase that, when a real row holds it, makes the generic actor that row: the
# Norwegian Intelligence Service is what "Norwegian intelligence services" refer to.
SINGULAR_OF = {"intelligence": "{d} intelligence service", "parliament": "{d} parliament"}


def short_forms(entry):
    """Abbreviations of a country's name written in capitals ("US", "U.S.", "PRC", "UAE")."""
    return [a for a in entry["aliases"] if re.fullmatch(r"(?:[A-Z]\.?){2,5}", a)]


def add_state_actors(actors, countries):
    """Adds the generic state actors. A generated alias that another row already uses stays with
    that row: "Norwegian Intelligence Service" is a specific agency before it is a description.
    When a real row holds the generic actor's singular phrase ("Norwegian Intelligence Service",
    "Belgian Parliament"), the generic actor is that row: its other phrases become the row's
    aliases, so one referent is one facet value."""
    owner = {key(n): row for row in actors.values() for n in [row.name] + row.aliases}
    taken = set(owner)
    added = 0
    for cc, entry in sorted(countries.items()):
        if not entry["independent"] or not entry["demonyms"]:
            continue
        names = [entry["name"]] + short_forms(entry)
        for suffix, kind, display, patterns in STATE_ACTORS:
            rid = f"{suffix}-{cc.lower()}"
            if rid in actors:
                die(f"generated state actor {rid} clashes with an existing id")
            aliases = []
            for pattern in patterns:
                for d in (entry["demonyms"] if "{d}" in pattern else [""]):
                    for n in (names if "{n}" in pattern else [""]):
                        aliases.append(pattern.format(d=d, n=n))
            name = display.format(name=entry["name"], d=entry["demonyms"][0])
            aliases = [a for a in uniq(aliases, exclude=[name]) if key(a) not in taken]
            real = None
            if suffix in SINGULAR_OF:
                singular = [key(SINGULAR_OF[suffix].format(d=d)) for d in entry["demonyms"]]
                real = next((owner[k] for k in singular if k in owner and owner[k].country == cc), None)
            if real is not None:
                real.aliases = uniq(real.aliases + [name] + aliases, exclude=[real.name])
                continue
            actors[rid] = Row(rid, name, kind, cc, aliases, ["generated"], [name])
            added += 1
    return added


# `keep` value of curated-ambiguous.tsv for a name several groups share because it names them
# together (a brand, an umbrella): the name becomes a threat-group row of its own.
UMBRELLA = "umbrella"


def add_umbrella(actors, form, ids, why):
    """Moves the shared name `form` from the rows `ids` to a new threat-group row named `form`,
    with the claimants' country when they agree. Returns the ambiguity record."""
    rid = slug(form)
    if rid in actors:
        die(f"curated-ambiguous.tsv: umbrella {form!r} gets the id {rid}, which exists")
    claimants = [actors[i] for i in sorted(ids)]
    if any(r.kind != "threat-group" for r in claimants):
        die(f"curated-ambiguous.tsv: umbrella {form!r} is claimed by rows that are not threat groups")
    for r in claimants:
        r.aliases = [a for a in r.aliases if key(a) != key(form)]
    countries = {r.country for r in claimants}
    sources = []
    for r in claimants:
        sources += [s for s in r.sources if s not in sources]
    actors[rid] = Row(rid, form, "threat-group", countries.pop() if len(countries) == 1 else "", [],
                      sources, [form])
    return (form, "|".join(sorted(ids)), f"moved to a row of its own, {rid} (hand: {why})")


def resolve_actor_collisions(actors, hand, countries):
    """Each surface form must name one row. Returns ambiguity records."""
    owners = defaultdict(set)
    first_form = {}
    for r in actors.values():
        for v in [r.name] + r.aliases:
            owners[key(v)].add(r.id)
            first_form.setdefault(key(v), v)
    records = []
    for k in sorted(owners):
        ids = owners[k]
        if len(ids) < 2:
            continue
        named = [i for i in ids if key(actors[i].name) == k]
        canon = [i for i in ids if k in {key(n) for n in actors[i].src_names}]
        if len(named) > 1:
            die(f"display name {first_form[k]!r} used by {sorted(ids)}; rename one in curated-actors.tsv")
        keep = None
        if k in hand and hand[k][0] == UMBRELLA:
            records.append(add_umbrella(actors, first_form[k], ids, hand[k][1]))
            continue
        if k in hand:
            keep, why = hand[k]
            keep = None if keep == "-" else keep
            if keep and keep not in ids:
                die(f"curated-ambiguous.tsv: {first_form[k]!r} -> {keep}, not a claimant {sorted(ids)}")
            why = "hand: " + why
        elif named:
            keep, why = named[0], "it is that row's display name"
        elif len(canon) == 1:
            keep, why = canon[0], "it is that row's name in its source"
        else:
            why = "no single plausible owner"
        if named and keep != named[0]:
            die(f"{first_form[k]!r} is the display name of {named[0]} but resolved to {keep}")
        for i in ids:
            if i != keep:
                actors[i].aliases = [a for a in actors[i].aliases if key(a) != k]
        res = f"kept on {keep} ({why})" if keep else f"dropped from all ({why})"
        records.append((first_form[k], "|".join(sorted(ids)), res))

    # Actor aliases that are country names, demonyms or capitals.
    geo = {}
    what = {"name": "name", "aliases": "alias", "demonyms": "demonym", "capitals": "capital"}
    for cc, e in sorted(countries.items()):
        for f in ("name", "aliases", "demonyms", "capitals"):
            for v in ([e["name"]] if f == "name" else e[f]):
                geo.setdefault(key(v), (cc, what[f]))
    for r in sorted(actors.values(), key=lambda r: r.id):
        for a in list(r.aliases):
            hit = geo.get(key(a))
            if hit and hit[1] in ("name", "alias", "demonym"):
                r.aliases.remove(a)
                records.append((a, f"{r.id}|country:{hit[0]}",
                                f"dropped from {r.id} (it is a country {hit[1]} of {hit[0]})"))
    return records, geo


# ------------------------------------------------------------------------------------ weak aliases
GENERIC_WORDS = set("""
the of for and de du des la le el del y a an in on at to
national state federal central general special joint military naval navy army air force forces
defence defense security intelligence information internal external foreign domestic public
service services agency agencies bureau office directorate department division branch unit wing
section centre center command council committee commission ministry authority organisation
organization corps police investigation investigations criminal financial crime counter
counterintelligence counter-intelligence terrorism counter-terrorism counterterrorism protection strategic research
analysis monitoring coordination cooperating cyber technical technology surveillance team group
gang crew cell team operations operation affairs border guard guards headquarters staff chief
main main-directorate republic government administration institute detective presidential
""".split())
GENERIC_SINGLE = {"team", "group", "gang", "crew", "unit", "cell", "operation", "agency", "bureau",
                  "service", "office", "division", "branch", "ministry", "council", "directorate"}


def weak_aliases(actors, countries, words, dropped_foreign, hand_weak):
    reasons = defaultdict(list)
    form = {}

    def add(a, why):
        why = why.replace(";", ",")          # '; ' separates the reasons of one alias
        k = key(a)
        form.setdefault(k, a)
        if why not in reasons[k]:
            reasons[k].append(why)

    def generic(a):
        toks = re.findall(r"[\w'-]+", a.lower())
        return bool(toks) and all(t in GENERIC_WORDS for t in toks)

    geo_forms = {}
    for cc, e in countries.items():
        for f in ("name", "aliases", "demonyms", "capitals"):
            for v in ([e["name"]] if f == "name" else e[f]):
                geo_forms.setdefault(key(v), f"{'country name' if f == 'name' else f[:-1]} of {cc}")

    surfaces = []
    for r in actors.values():
        surfaces += [(v, "actor", r.id) for v in [r.name] + r.aliases]
    for cc, e in countries.items():
        surfaces += [(v, "capital", cc) for v in e["capitals"]]
        surfaces += [(v, "country-alias", cc) for v in e["aliases"]]
    for v, what, owner in surfaces:
        k = key(v)
        latin = is_latin(v) and not has_cjk(v)
        letters = re.sub(r"[\W_]", "", v)
        if latin and len(v) <= 2:
            add(v, "short: 1-2 characters; match case-sensitively and only with context")
        if latin and " " not in v and k in words and what in ("actor", "capital"):
            caps = v.isupper() and len(letters) > 1
            add(v, f"common-word: '{k}' is an English word"
                   + (" (written all-caps in the source: match case-sensitively)" if caps else ""))
        if (what == "actor" and latin and v == v.lower() and any(ch.isalpha() for ch in v)
                and len(v) <= 5):
            add(v, "lowercase-short: short all-lower-case form")
        if what == "actor" and re.fullmatch(r"(group|team) \d+", k):
            add(v, "generic: 'group' or 'team' and a number (e.g. Group 77 is also the UN bloc)")
        elif what == "actor" and k.strip(" .") in GENERIC_SINGLE:
            add(v, "generic: a generic word")
        elif what == "actor" and " " in v and generic(v):
            add(v, "generic: a descriptive name made only of generic words (many countries have one)")
        if what == "actor" and k in geo_forms:
            add(v, f"geo-name: also the {geo_forms[k]}")
    kept = {key(v) for _, e in countries.items() for v in e["aliases"] + [e["name"]]}
    for a, cc in dropped_foreign:
        if key(a) not in kept:
            add(a, f"foreign-name-is-english-word: a name of {cc} in another language, left out of "
                   f"countries.tsv because '{key(a)}' is an English word; ICU/CLDR may supply it")
    not_weak = set()
    for h in hand_weak:
        if h["weak"] == "yes":
            add(h["alias"], h["reason"])
        elif h["weak"] == "no":
            not_weak.add(key(h["alias"]))
        else:
            die(f"curated-weak-aliases.tsv: weak must be yes or no: {h}")
    all_forms = {key(v) for v, _, _ in surfaces} | {key(a) for a, _ in dropped_foreign}
    for h in hand_weak:
        if key(h["alias"]) not in all_forms and h["weak"] == "yes" and "not in the gazetteer" not in h["reason"]:
            print(f"note: curated-weak-aliases.tsv: {h['alias']!r} is in no gazetteer file",
                  file=sys.stderr)
    return sorted(((form[k], "; ".join(reasons[k])) for k in reasons if k not in not_weak),
                  key=lambda x: (key(x[0]), x[0]))


# ------------------------------------------------------------------------------------ main paths
def load_words(path):
    if not os.path.exists(path):
        die(f"{path} not found: apt-get install -y wamerican (reference word list, not shipped)")
    words = set()
    for w in open(path, encoding="utf-8"):
        w = w.strip()
        if w and w == w.lower() and not w.endswith("'s"):
            words.add(key(w))
    return words


def hand_resolutions():
    hand = {}
    for h in read_tsv(os.path.join(OUT, "curated-ambiguous.tsv"), ["alias", "keep", "reason"]):
        if key(h["alias"]) in hand:
            die(f"curated-ambiguous.tsv: duplicate {h['alias']!r}")
        hand[key(h["alias"])] = (h["keep"], h["reason"])
    return hand


def derive(data, words_path):
    words = load_words(words_path)
    cur_c = read_tsv(os.path.join(OUT, "curated-countries.tsv"),
                     ["code", "field", "action", "values", "note"])
    countries, dropped_foreign = load_countries(data, cur_c, words)
    hand = hand_resolutions()
    c_records = resolve_country_collisions(countries, hand)
    actors, n_src, n_merged = build_actors(data, countries, words)
    n_state = add_state_actors(actors, countries)
    a_records, _ = resolve_actor_collisions(actors, hand, countries)
    hand_weak = read_tsv(os.path.join(OUT, "curated-weak-aliases.tsv"), ["alias", "weak", "reason"])
    weak = weak_aliases(actors, countries, words, dropped_foreign, hand_weak)

    write_tsv(os.path.join(OUT, "actors.tsv"), ACTOR_HEADER,
              [(r.id, r.name, r.kind, r.country, "|".join(r.aliases), "+".join(r.sources))
               for r in sorted(actors.values(), key=lambda r: r.id)])
    write_tsv(os.path.join(OUT, "countries.tsv"), COUNTRY_HEADER,
              [(e["code"], e["name"], "|".join(e["aliases"]), "|".join(e["demonyms"]),
                "|".join(e["capitals"])) for _, e in sorted(countries.items())])
    write_tsv(os.path.join(OUT, "weak-aliases.tsv"), WEAK_HEADER, weak)
    recs = sorted(a_records + c_records, key=lambda x: (key(x[0]), x[1]))
    write_tsv(os.path.join(OUT, "ambiguous-aliases.tsv"), AMBIG_HEADER, recs)
    print(f"actors: {len(actors)} rows ({n_src} from sources after merges, {n_merged} of them "
          f"completed by curated rows, {n_state} generated state actors); countries: {len(countries)}; "
          f"weak aliases: {len(weak)}; "
          f"ambiguous: {len(recs)}")
    used = {k for k in hand}
    claimed = {key(r[0]) for r in recs}
    for k in sorted(used - claimed):
        print(f"note: curated-ambiguous.tsv entry {k!r} matched no collision", file=sys.stderr)


# ------------------------------------------------------------------------------------ --check
def check():
    errors = []

    def err(msg):
        errors.append(msg)

    def cells_ok(path, rows):
        for r in rows:
            for col, v in r.items():
                if v != v.strip():
                    err(f"{path}: {col} {v!r} has leading/trailing space")
                if "\r" in v:
                    err(f"{path}: CR in {v!r}")

    def list_ok(where, cell):
        items = cell.split("|") if cell else []
        if any(not x or x != x.strip() for x in items):
            err(f"{where}: empty or untrimmed item in {cell!r}")
        keys = [key(x) for x in items]
        if len(set(keys)) != len(keys):
            err(f"{where}: duplicate item in {cell!r}")
        return items

    a_rows = read_tsv(os.path.join(OUT, "actors.tsv"), ACTOR_HEADER)
    c_rows = read_tsv(os.path.join(OUT, "countries.tsv"), COUNTRY_HEADER)
    w_rows = read_tsv(os.path.join(OUT, "weak-aliases.tsv"), WEAK_HEADER)
    m_rows = read_tsv(os.path.join(OUT, "ambiguous-aliases.tsv"), AMBIG_HEADER)
    for p, rows in (("actors.tsv", a_rows), ("countries.tsv", c_rows), ("weak-aliases.tsv", w_rows),
                    ("ambiguous-aliases.tsv", m_rows)):
        cells_ok(p, rows)

    codes = [r["code"] for r in c_rows]
    if len(codes) != 250 or len(set(codes)) != 250:
        err(f"countries.tsv: {len(codes)} rows, {len(set(codes))} distinct codes (expected 250)")
    for r in c_rows:
        if not re.fullmatch(r"[A-Z]{2}", r["code"]) or not r["name"]:
            err(f"countries.tsv: bad code or empty name: {r}")
    ambiguous = {key(r["alias"]) for r in m_rows}
    for r in m_rows:
        if len(r["ids"].split("|")) < 2 or not r["resolution"]:
            err(f"ambiguous-aliases.tsv: {r['alias']!r} needs two ids and a resolution")

    c_owner = defaultdict(set)
    for r in c_rows:
        list_ok(f"countries.tsv {r['code']} aliases", r["aliases"] + ("|" if r["aliases"] else "") + r["name"])
        for f in ("demonyms", "capitals"):
            list_ok(f"countries.tsv {r['code']} {f}", r[f])
        for f in ("name", "aliases", "demonyms", "capitals"):
            for v in ([r["name"]] if f == "name" else (r[f].split("|") if r[f] else [])):
                c_owner[key(v)].add(r["code"])
    for k, ccs in c_owner.items():
        if len(ccs) > 1 and k not in ambiguous:
            err(f"countries.tsv: {k!r} belongs to {sorted(ccs)} and is not in ambiguous-aliases.tsv")

    ids = set()
    owner = defaultdict(set)
    kinds = defaultdict(int)
    with_cc = 0
    for r in a_rows:
        rid = r["id"]
        if not rid or not ID_RE.fullmatch(rid):
            err(f"actors.tsv: bad id {rid!r}")
        if rid in ids:
            err(f"actors.tsv: duplicate id {rid}")
        ids.add(rid)
        if not r["name"]:
            err(f"actors.tsv: {rid}: empty name")
        if r["kind"] not in KINDS:
            err(f"actors.tsv: {rid}: bad kind {r['kind']!r}")
        kinds[r["kind"]] += 1
        if r["country"]:
            with_cc += 1
            if r["country"] not in codes:
                err(f"actors.tsv: {rid}: unknown country {r['country']}")
        if not r["source"]:
            err(f"actors.tsv: {rid}: empty source")
        items = list_ok(f"actors.tsv {rid}", r["aliases"])
        if key(r["name"]) in {key(a) for a in items}:
            err(f"actors.tsv: {rid}: alias repeats the name")
        for v in [r["name"]] + items:
            owner[key(v)].add(rid)
    names = defaultdict(set)
    for r in a_rows:
        names[key(r["name"])].add(r["id"])
    for k, s in names.items():
        if len(s) > 1:
            err(f"actors.tsv: display name {k!r} used by {sorted(s)}")
    for k, s in owner.items():
        if len(s) > 1 and k not in ambiguous:
            err(f"actors.tsv: {k!r} names {sorted(s)} and is not in ambiguous-aliases.tsv")
    wk = [key(r["alias"]) for r in w_rows]
    if len(set(wk)) != len(wk):
        err("weak-aliases.tsv: duplicate alias")
    if any(not r["reason"] for r in w_rows):
        err("weak-aliases.tsv: empty reason")

    n_alias = sum(len(r["aliases"].split("|")) for r in a_rows if r["aliases"])
    print(f"actors.tsv: {len(a_rows)} rows, {n_alias} aliases, {with_cc} with a country")
    for k in KINDS:
        print(f"  {k}: {kinds[k]}")
    src = defaultdict(int)
    for r in a_rows:
        src[r["source"]] += 1
    for s in sorted(src):
        print(f"  source {s}: {src[s]}")
    print(f"countries.tsv: {len(c_rows)} rows, "
          f"{sum(len(r['aliases'].split('|')) for r in c_rows if r['aliases'])} aliases, "
          f"{sum(len(r['demonyms'].split('|')) for r in c_rows if r['demonyms'])} demonyms, "
          f"{sum(len(r['capitals'].split('|')) for r in c_rows if r['capitals'])} capitals")
    print(f"weak-aliases.tsv: {len(w_rows)} rows")
    print(f"ambiguous-aliases.tsv: {len(m_rows)} rows")
    for e in errors:
        print("error: " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


# ------------------------------------------------------------------------------------ --scan-cve
def scan_cve(data, min_docs):
    """Count, per actor surface form, the CVE descriptions that contain it (case-sensitive,
    whole words). CVE text rarely names threat actors, so frequent forms are mostly product,
    vendor or common-word collisions."""
    a_rows = read_tsv(os.path.join(OUT, "actors.tsv"), ACTOR_HEADER)
    forms = defaultdict(set)
    maxlen = 1
    for r in a_rows:
        for v in [r["name"]] + (r["aliases"].split("|") if r["aliases"] else []):
            toks = tuple(re.findall(r"\w+", v))
            if toks:
                forms[toks].add(r["id"])
                maxlen = max(maxlen, len(toks))
    path = os.path.join(data, "corpus", "cve-descriptions.jsonl.zst")
    proc = subprocess.Popen(["zstd", "-dc", path], stdout=subprocess.PIPE)
    counts = defaultdict(int)
    for line in proc.stdout:
        rec = json.loads(line)
        toks = re.findall(r"\w+", rec.get("title", "") + " . " + rec.get("description", ""))
        found = set()
        for i in range(len(toks)):
            for n in range(1, maxlen + 1):
                t = tuple(toks[i:i + n])
                if len(t) < n:
                    break
                if t in forms:
                    found.add(t)
        for t in found:
            counts[t] += 1
    proc.wait()
    for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        if n >= min_docs:
            print(f"{n}\t{' '.join(t)}\t{'|'.join(sorted(forms[t]))}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", default=DEFAULT_DATA, help="shared data folder")
    ap.add_argument("--words", default=DEFAULT_WORDS, help="English word list (wamerican)")
    ap.add_argument("--check", action="store_true", help="validate the committed files")
    ap.add_argument("--scan-cve", action="store_true", help="count actor forms in CVE descriptions")
    ap.add_argument("--min-docs", type=int, default=3)
    args = ap.parse_args()
    if args.check:
        return check()
    if not os.path.isdir(args.data):
        die(f"data folder {args.data} not found")
    if args.scan_cve:
        scan_cve(args.data, args.min_docs)
        return 0
    derive(args.data, args.words)
    return check()


if __name__ == "__main__":
    sys.exit(main())
