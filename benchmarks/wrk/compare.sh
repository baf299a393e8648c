#!/usr/bin/env bash
# Scimkit against Apache SCIMple under the same load, with wrk: see benchmarks/README.md.
#
#   mvn -B -q -pl examples,benchmarks -am package -DskipTests
#   mvn -B -q -f benchmarks/scimple-peer/pom.xml package
#   benchmarks/wrk/compare.sh
#
# Starts the standalone Scimkit server (--store memory, its generated bearer token checked on
# every request) and the SCIMple peer (benchmarks/scimple-peer) side by side, loads each with the
# same users and groups (HttpSeed), and then, round after round, runs every scenario at every
# connection count on one server and then the other (the order alternates by round), each a
# warm-up and a measured run of wrk. Every measured run is one line of $OUT/runs.tsv: throughput,
# latency, the server process's CPU per request (from /proc), and the 1-minute load average
# before it. summary.py prints medians and ratio ranges from it.
#
# Environment (defaults): ROUNDS=3 WARM=5 SECS=20 PREWARM=20 CONNS="8 32" SCENARIOS="get filter"
# USERS=10000 GROUP_COUNT=501 GROUP_SIZE=10 HEAP=2g OUT=/tmp/scimkit-wrk SERVERS="scimkit scimple"
# RATIOS="scimkit/scimple" (the pairs summary.py compares).
# Servers: scimkit (standalone server, --store memory), scimkit-h2 (--store h2:$OUT/h2),
# scimkit-pg (--store $PG_URL --db-user $PG_USER), scimple (the peer), scimkit-before (the
# server jar $BEFORE_JAR, an earlier build, on --store memory: a before-and-after in the same run).
# GROUP_SIZES="10,100000" seeds groups of those sizes instead of GROUP_COUNT of GROUP_SIZE.
# Scenarios: get (GET /Users/{id}), filter (GET /Users?filter=userName eq), patch (group member
# add/remove on the first group), patch-last (the same on the last group), post (POST /Users).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ROUNDS=${ROUNDS:-3} WARM=${WARM:-5} SECS=${SECS:-20} PREWARM=${PREWARM:-20}
CONNS=${CONNS:-"8 32"} SCENARIOS=${SCENARIOS:-"get filter"} SERVERS=${SERVERS:-"scimkit scimple"}
USERS=${USERS:-10000} GROUP_COUNT=${GROUP_COUNT:-501} GROUP_SIZE=${GROUP_SIZE:-10} HEAP=${HEAP:-2g}
OUT=${OUT:-/tmp/scimkit-wrk} RATIOS=${RATIOS:-"scimkit/scimple"}
declare -A PORT=([scimkit]=18080 [scimple]=18081 [scimkit-h2]=18082 [scimkit-pg]=18083 [scimkit-before]=18084)
mkdir -p "$OUT"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

wait_for() { # log file, text
  for _ in $(seq 1 120); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "server did not start: $1" >&2; exit 1
}

declare -A TOKEN PID
for s in $SERVERS; do
  case $s in
    scimkit*)
      case $s in
        scimkit|scimkit-before) store=(--store memory);;
        scimkit-h2) rm -rf "$OUT/h2"; store=(--store "h2:$OUT/h2");;
        scimkit-pg) store=(--store "$PG_URL" --db-user "${PG_USER:-postgres}" --db-password "${PG_PASSWORD:-}");;
      esac
      jar="$ROOT/examples/target/scimkit-server.jar"
      if [ "$s" = scimkit-before ]; then jar="$OUT/before.jar"; cp "${BEFORE_JAR:?the server jar of the earlier build}" "$jar"; fi
      java -Xms$HEAP -Xmx$HEAP -jar "$jar" \
        "${store[@]}" --port "${PORT[$s]}" > "$OUT/$s.log" 2>&1 &
      PID[$s]=$!; PIDS+=($!)
      wait_for "$OUT/$s.log" "listening at"
      TOKEN[$s]=$(grep -A1 "Generated a bearer token" "$OUT/$s.log" | tail -1 | tr -d ' ')
      if [ -z "${TOKEN[$s]}" ]; then # a store kept from an earlier run shows no new token
        echo "$s printed no bearer token (a store with a token already?): see $OUT/$s.log" >&2; exit 1
      fi;;
    scimple)
      java -Xms$HEAP -Xmx$HEAP -cp "$ROOT/benchmarks/scimple-peer/target/scimple-peer.jar:$ROOT/benchmarks/scimple-peer/target/lib/*" \
        dev.scimkit.benchmarks.scimple.PeerServer "${PORT[scimple]}" > "$OUT/scimple.log" 2>&1 &
      PID[scimple]=$!; PIDS+=($!)
      wait_for "$OUT/scimple.log" "listening"
      TOKEN[scimple]="";;
  esac
  token_args=(); [ -n "${TOKEN[$s]}" ] && token_args=(--token "${TOKEN[$s]}")
  group_args=(--groups "$GROUP_COUNT" --group-size "$GROUP_SIZE")
  [ -n "${GROUP_SIZES:-}" ] && group_args=(--sizes "$GROUP_SIZES")
  java -cp "$ROOT/benchmarks/target/benchmarks.jar" dev.scimkit.benchmarks.http.HttpSeed \
    --base "http://127.0.0.1:${PORT[$s]}/scim/v2" "${token_args[@]}" \
    --users "$USERS" "${group_args[@]}" --out "$OUT/seed-$s"
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() { # server scenario connections seconds -> RESULT line
  local s=$1 scenario=$2 c=$3 d=$4 url="http://127.0.0.1:${PORT[$1]}/scim/v2" seed="$OUT/seed-$1"
  local args
  case $scenario in
    get) args=(-s "$HERE/get-user.lua" "$url" -- "$seed/ids.txt");;
    filter) args=(-s "$HERE/filter-user.lua" "$url" -- "$seed/usernames.txt");;
    patch) args=(-s "$HERE/member-patch.lua" "$url" -- "$(head -1 "$seed/groups.txt")" "$seed/free.txt" 2);;
    patch-last) args=(-s "$HERE/member-patch.lua" "$url" -- "$(tail -1 "$seed/groups.txt")" "$seed/free.txt" 2);;
    post) args=(-s "$HERE/post-user.lua" "$url");;
  esac
  SCIM_TOKEN="${TOKEN[$s]}" RUN="$s.$scenario.$c.$RANDOM$RANDOM" \
    wrk -t2 -c"$c" -d"${d}s" --timeout 10s "${args[@]}" | grep '^RESULT'
}

for s in $SERVERS; do for scenario in $SCENARIOS; do run "$s" "$scenario" 8 "$PREWARM" > /dev/null; done; done

printf "round\tserver\tscenario\tconnections\trps\tp50_us\tp99_us\tcpu_us_per_request\tnon2xx\terrors\tload1\n" > "$OUT/runs.tsv"
for round in $(seq 1 "$ROUNDS"); do
  order=$SERVERS; [ $((round % 2)) -eq 0 ] && order=$(echo $SERVERS | tr ' ' '\n' | tac | tr '\n' ' ')
  for c in $CONNS; do for scenario in $SCENARIOS; do for s in $order; do
    run "$s" "$scenario" "$c" "$WARM" > /dev/null
    load=$(cut -d' ' -f1 /proc/loadavg)
    before=$(cpu_ticks "${PID[$s]}")
    line=$(run "$s" "$scenario" "$c" "$SECS")
    after=$(cpu_ticks "${PID[$s]}")
    echo "$line" | awk -v r="$round" -v s="$s" -v sc="$scenario" -v c="$c" -v ticks=$((after - before)) -v load="$load" \
      -v hz="$(getconf CLK_TCK)" '{
        for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
        printf "%s\t%s\t%s\t%s\t%.1f\t%d\t%d\t%.1f\t%d\t%d\t%s\n", r, s, sc, c, v["rps"], v["p50_us"], v["p99_us"],
          ticks * 1e6 / hz / v["requests"], v["non2xx"], v["connect"] + v["read"] + v["write"] + v["timeout"], load }' \
      | tee -a "$OUT/runs.tsv"
  done; done; done
done
python3 "$HERE/summary.py" "$OUT/runs.tsv" $RATIOS
