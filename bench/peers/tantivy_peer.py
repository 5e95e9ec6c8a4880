#!/usr/bin/env python3
"""Tantivy as a peer for noticeindex-bench: indexes the paragraphs the bench exported and runs the
bench's queries (their naive-FTS5 MATCH form, translated to Tantivy's query language).

Bench-only and optional: `pip install tantivy`. Called by `noticeindex-bench run`; prints one JSON
object on stdout, in the shapes the bench's own child phases use.

    tantivy_peer.py check
    tantivy_peer.py index --paragraphs FILE.jsonl --dir INDEXDIR
    tantivy_peer.py query --dir INDEXDIR --queries queries.json [--reps 5]

Schema: `notice` (raw, stored), `heading` and `text` (the `en_stem` tokenizer: lower case + Porter
stemmer, as the naive baseline's `porter unicode61`), stored so that a snippet can be made. One
document per paragraph, as the naive baseline has one row per paragraph.
"""
import json
import os
import re
import resource
import shutil
import sys
import time


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux


def arg(name, default=None):
    argv = sys.argv
    if "--" + name in argv:
        return argv[argv.index("--" + name) + 1]
    return default


def schema():
    import tantivy
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("notice", stored=True, tokenizer_name="raw")
    sb.add_text_field("heading", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("text", stored=True, tokenizer_name="en_stem")
    return sb.build()


def dir_size(path):
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(root, f))
    return total


def index():
    import tantivy
    paragraphs, out = arg("paragraphs"), arg("dir")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    started = time.perf_counter()
    idx = tantivy.Index(schema(), path=out)
    # Tantivy's defaults: a writer thread per core (0 = automatic), the documented 128 MB heap.
    writer = idx.writer(heap_size=128_000_000, num_threads=0)
    decode = 0.0
    count = 0
    with open(paragraphs, "rb") as f:
        for line in f:
            t = time.perf_counter()
            p = json.loads(line)
            doc = tantivy.Document(notice=p["notice"], heading=p["heading"], text=p["text"])
            decode += time.perf_counter() - t
            writer.add_document(doc)
            count += 1
    writer.commit()
    writer.wait_merging_threads()
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "decodeSeconds": decode, "paragraphs": count,
                      "bytes": dir_size(out), "peakRSSKB": peak_rss_kb(), "cpuSeconds": time.process_time()}))


PREFIX = re.compile(r'^"([^"]+)" \*$')


def build_query(idx, match):
    """The naive MATCH expression in Tantivy's language: the same phrases, AND by default, OR/NOT kept.
    FTS5's `"disclos" *` (a prefix) becomes a regex over the stemmed terms of both fields."""
    import tantivy
    m = PREFIX.match(match)
    if m:
        word = re.escape(m.group(1).lower())
        subs = [(tantivy.Occur.Should, tantivy.Query.regex_query(idx.schema, f, word + ".*")) for f in ("heading", "text")]
        return tantivy.Query.boolean_query(subs)
    return idx.parse_query(match, ["heading", "text"], conjunction_by_default=True)


def query():
    import tantivy
    queries = json.load(open(arg("queries")))
    reps = int(arg("reps", "5"))
    t0 = time.perf_counter()
    idx = tantivy.Index.open(arg("dir"))
    idx.reload()
    searcher = idx.searcher()
    schema_ = idx.schema
    open_ms = (time.perf_counter() - t0) * 1000
    out = []

    def once(match):
        # Parse, search top 10 with a count, read each hit and make its snippet: what the naive
        # baseline's `SELECT notice, heading, snippet(…) … ORDER BY rank LIMIT 10` returns.
        q = build_query(idx, match)
        r = searcher.search(q, 10, count=True)
        gen = tantivy.SnippetGenerator.create(searcher, q, schema_, "text")
        for _, addr in r.hits:
            d = searcher.doc(addr)
            _ = (d["notice"], d["heading"], gen.snippet_from_doc(d).to_html())
        return r

    for q in queries:
        one = {"ms": [], "cpuMS": [], "matches": 0, "returned": 0}
        try:
            r = once(q["naive"])
            one["matches"], one["returned"] = r.count, len(r.hits)
            for _ in range(reps):
                t, c = time.perf_counter(), time.process_time()
                once(q["naive"])
                one["ms"].append((time.perf_counter() - t) * 1000)
                one["cpuMS"].append((time.process_time() - c) * 1000)
        except Exception as e:  # a query Tantivy cannot parse is reported, not fatal
            one["error"] = str(e)[:200]
        out.append(one)
    print(json.dumps({"queries": out, "openMS": open_ms, "peakRSSKB": peak_rss_kb()}))


def check():
    try:
        import tantivy  # noqa: F401
    except ImportError as e:
        print(f"tantivy is not importable ({e}); `pip install tantivy` to add the peer")
        sys.exit(3)
    print(getattr(tantivy, "__version__", "tantivy (version unknown)"))


if __name__ == "__main__":
    {"check": check, "index": index, "query": query}[sys.argv[1]]()
