#!/usr/bin/env bash
# POST /Users latency while the store grows to TARGET users: see benchmarks/README.md.
#
#   mvn -B -q -pl examples,benchmarks -am package -DskipTests
#   benchmarks/wrk/post-growth.sh
#
# Starts the standalone server (--store memory unless STORE says otherwise, its generated token
# checked on every request) and runs wrk with post-user.lua (a typical Entra user, a new userName
# every request) in slices of SLICE seconds until the server holds TARGET users. Each slice is
# one line of $OUT/growth.tsv: the users stored when it started, its throughput and latency, and
# the collector's pause time during it (from the server's GC log, $OUT/gc.log).
#
# wrk's latency percentiles include its "coordinated omission" correction: for every answer that
# took more than twice the mean interval between a connection's requests, wrk adds the samples a
# constant-rate client would have seen while it waited, so a stall weighs far more than the few
# requests it held. CLIENT=java loads with dev.scimkit.benchmarks.http.WriteLoad instead (same
# user shape, one thread per connection on the JDK's HttpClient, benchmarks/target/benchmarks.jar,
# one process measuring slice after slice), whose percentiles are those of the requests
# themselves, uncorrected. The JVM client takes more CPU than wrk, so the server answers fewer
# requests per second with it.
#
# Environment (defaults): TARGET=1000000 CONNS=8 SLICE=10 HEAP=6g STORE=memory OUT=/tmp/scimkit-growth
# PORT=18090 CLIENT=wrk JAVA_OPTS (more JVM options for the server).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TARGET=${TARGET:-1000000} CONNS=${CONNS:-8} SLICE=${SLICE:-10} HEAP=${HEAP:-6g}
STORE=${STORE:-memory} OUT=${OUT:-/tmp/scimkit-growth} PORT=${PORT:-18090} CLIENT=${CLIENT:-wrk}
mkdir -p "$OUT"
rm -f "$OUT/gc.log"
# shellcheck disable=SC2086
java -Xms$HEAP -Xmx$HEAP -Xlog:gc:file="$OUT/gc.log":uptime ${JAVA_OPTS:-} \
  -jar "$ROOT/examples/target/scimkit-server.jar" --store "$STORE" --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "listening at" "$OUT/server.log" && break; sleep 1; done
TOKEN=$(grep -A1 "Generated a bearer token" "$OUT/server.log" | tail -1 | tr -d ' ')
URL="http://127.0.0.1:$PORT/scim/v2"

# Total pause milliseconds in the GC log so far, and the longest single pause ("... Pause ... 12.3ms").
pauses() { { grep ' Pause ' "$OUT/gc.log" 2>/dev/null || true; } | { grep -o '[0-9.]*ms$' || true; } | tr -d 'ms'; }
paused() { pauses | awk '{s += $1} END {printf "%.0f", s}'; }
longest() { pauses | sort -n | tail -1; }

printf "slice\tusers_before\trps\tp50_us\tp99_us\tmax_us\tnon2xx\terrors\tgc_pause_ms\tload1\n" > "$OUT/growth.tsv"
users=0 slice=0
# One slice's line of growth.tsv from a RESULT line ($1), the users before it ($2), its pause ms ($3).
record() {
  echo "$1" | awk -v s="$slice" -v u="$2" -v gc="$3" -v load="$load" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      printf "%d\t%d\t%.1f\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", s, u, v["rps"], v["p50_us"], v["p99_us"], v["max_us"],
        v["non2xx"], v["connect"] + v["read"] + v["write"] + v["timeout"], gc, load }' | tee -a "$OUT/growth.tsv"
}
count_users() {
  curl -s -H "Authorization: Bearer $TOKEN" "$URL/Users?count=0" | grep -o '"totalResults":[0-9]*' | cut -d: -f2
}
if [ "$CLIENT" = java ]; then
  java -cp "$ROOT/benchmarks/target/benchmarks.jar" dev.scimkit.benchmarks.http.WriteLoad --url "$URL" \
    --token "$TOKEN" --connections "$CONNS" --warmup 0 --seconds "$SLICE" --slices 1000000 --entra --result \
    > "$OUT/client.out" 2>&1 &
  LOADER=$!
  trap 'kill $SERVER $LOADER 2>/dev/null || true' EXIT
  p0=$(paused) load=$(cut -d' ' -f1 /proc/loadavg)
  while [ "$users" -lt "$TARGET" ]; do
    line=$(grep '^RESULT' "$OUT/client.out" | sed -n "$((slice + 1))p" || true)
    if [ -z "$line" ]; then
      kill -0 "$LOADER" 2>/dev/null || { echo "the load client stopped: see $OUT/client.out" >&2; exit 1; }
      sleep 0.2; continue
    fi
    slice=$((slice + 1))
    p1=$(paused)
    record "$line" "$users" $((p1 - p0))
    p0=$p1 load=$(cut -d' ' -f1 /proc/loadavg)
    users=$(count_users)
  done
  kill "$LOADER" 2>/dev/null || true
else
  while [ "$users" -lt "$TARGET" ]; do
    slice=$((slice + 1))
    load=$(cut -d' ' -f1 /proc/loadavg)
    p0=$(paused)
    line=$(SCIM_TOKEN="$TOKEN" RUN="g$slice" wrk -t2 -c"$CONNS" -d"${SLICE}s" --timeout 10s -s "$HERE/post-user.lua" "$URL" | grep '^RESULT')
    p1=$(paused)
    record "$line" "$users" $((p1 - p0))
    users=$(count_users)
  done
fi
echo "stored users: $users; longest collector pause: $(longest) ms; GC log: $OUT/gc.log"
