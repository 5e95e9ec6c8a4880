#!/usr/bin/env bash
# Load test of `search serve` with wrk on loopback: requests/s and latency p50/p99 at 1, 8 and 32
# connections, over the bench query set as /api/search and /search (HTML) requests, and the server's RSS.
#
#   bench/serve-load.sh [CORPUS_DIR] [DB]
#
# CORPUS_DIR defaults to bench/out/notices-25k (generated if absent, see bench/README.md); DB to
# bench/out/serve-25k.sqlite (indexed if absent). Builds release products into .build-rel. Prints a
# Markdown table. Needs wrk (Debian: apt-get install wrk) and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

corpus=${1:-bench/out/notices-25k}
db=${2:-bench/out/serve-25k.sqlite}
duration=${DURATION:-10s}
port=${PORT:-18480}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

if [[ -z ${NO_BUILD:-} ]]; then   # NO_BUILD=1: use the release binaries already in .build-rel
  swift build -c release --scratch-path .build-rel --product search >&2
  swift build -c release --scratch-path .build-rel --product noticeindex-bench >&2
fi
bin=.build-rel/release
mkdir -p bench/out
if [[ ! -d $corpus ]]; then
  "$bin/noticeindex-bench" generate --count 25000 --seed 1 --out "$corpus" >&2
fi
if [[ ! -f $db ]]; then
  "$bin/search" index "$corpus" --db "$db" --quiet >&2
fi

# The bench queries (tab-separated kind, text, options) as request paths.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin/noticeindex-bench" queries --corpus "$corpus" > "$work/queries.tsv"
python3 - "$work/queries.tsv" "$work" <<'PY'
import sys, urllib.parse
rows = []
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.strip() or line.startswith("#"):
        continue
    f = line.rstrip("\n").split("\t")
    text, options = f[1].strip(), f[2].split()
    params = [("q", text)] if text else []
    i = 0
    while i < len(options):
        name = options[i][2:]
        if name == "facets":
            params.append(("facets", "1")); i += 1
        else:
            params.append((name, options[i + 1].replace("_", " "))); i += 2
    rows.append(urllib.parse.urlencode(params, quote_via=urllib.parse.quote))
for prefix, name in (("/api/search?", "api"), ("/search?", "html")):
    with open(f"{sys.argv[2]}/{name}.paths", "w") as out:
        out.write("\n".join(prefix + r for r in rows) + "\n")
PY

cat > "$work/rotate.lua" <<'LUA'
-- Each connection walks the query list from its own starting point.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local counter = 0
function setup(thread) thread:set("offset", counter * 7); counter = counter + 1 end
local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((i + offset) % #paths) + 1])
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

"$bin/search" serve --db "$db" --port "$port" 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
notices=$(curl -sf "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["notices"])')

echo "Corpus: $notices notices ($db); $(wc -l < "$work/api.paths") bench queries; wrk $duration per row, loopback."
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)."
echo
echo "| endpoint | connections | requests/s | p50 ms | p99 ms | max ms | errors | RSS MB (private + index pages mapped) |"
echo "|---|---|---|---|---|---|---|---|"
for kind in api html; do
  # Warm-up: every query once (the first search reads per-notice columns into memory).
  while read -r path; do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done < "$work/$kind.paths"
  for c in 1 8 32; do
    threads=$(( c < 2 ? 1 : 2 ))
    line=$(PATHS="$work/$kind.paths" wrk -t"$threads" -c"$c" -d"$duration" -s "$work/rotate.lua" "http://127.0.0.1:$port" | grep '^RESULT')
    read -r _ n rps p50 p99 max errors <<< "$line"
    # Private memory, and the index file's pages mapped by SQLite's mmap (page cache, shared, reclaimable).
    rss=$(awk '/RssAnon/ {a = $2} /RssFile/ {f = $2} END {printf "%.0f + %.0f", a / 1024, f / 1024}' "/proc/$server/status")
    label=$([[ $kind == api ]] && echo "/api/search" || echo "/search (HTML)")
    echo "| $label | $c | $rps | $p50 | $p99 | $max | $errors | $rss |"
  done
done
echo
echo "Peak server RSS (private + mapped): $(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server/status") MB; load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
