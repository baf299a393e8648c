#!/usr/bin/env bash
# Two builds of the standalone server on H2 and PostgreSQL, and the memory store, under the same
# load: see benchmarks/README.md.
#
#   java -cp benchmarks/target/benchmarks.jar dev.scimkit.benchmarks.jdbc.EmbeddedPostgresServer &
#   BEFORE=/tmp/before.jar AFTER=examples/target/scimkit-server.jar \
#     PG_URL=jdbc:postgresql://localhost:PORT/postgres benchmarks/wrk/stores-before-after.sh
#
# Seeds (HttpSeed, 10,000 users in 501 groups of 10) one memory server, one H2 folder and the
# PostgreSQL database once, with AFTER. Then, round after round (the order of the two builds
# alternates), starts each build on H2 and on PostgreSQL in turn, warms it up for 25 s and runs
# wrk: GET /Users/{id} at 32 and 8 connections and the userName lookup at 32, 20 s each; then the
# same on the memory server. One line per run in $OUT/runs.txt: throughput, p99, the server's and
# PostgreSQL's CPU per request (from /proc), non-2xx answers and the load average before it.
#
# Environment (defaults): ROUNDS=2 STORES="pg h2" OUT=/tmp/scimkit-stores PG_USER=postgres HEAP=2g
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
: "${BEFORE:?the jar of the build before}" "${AFTER:?the jar of the build after}" "${PG_URL:?a PostgreSQL URL}"
ROUNDS=${ROUNDS:-2} STORES=${STORES:-"pg h2"} OUT=${OUT:-/tmp/scimkit-stores} HEAP=${HEAP:-2g}
SEEDER="$ROOT/benchmarks/target/benchmarks.jar"
mkdir -p "$OUT"
# private copies: a jar rebuilt under a running server breaks it
cp "$BEFORE" "$OUT/before.jar"; cp "$AFTER" "$OUT/after.jar"
declare -A PORT=([mem]=18080 [h2]=18082 [pg]=18083) STORE=([mem]=memory [h2]="h2:$OUT/h2" [pg]="$PG_URL")
declare -A PID TOKEN
trap 'for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

start() { # build store
  java -Xms$HEAP -Xmx$HEAP -jar "$OUT/$1.jar" --store "${STORE[$2]}" --db-user "${PG_USER:-postgres}" \
    --port "${PORT[$2]}" > "$OUT/$2.log" 2>&1 &
  PID[$2]=$!
  for _ in $(seq 1 120); do grep -q "listening at" "$OUT/$2.log" && return 0; sleep 1; done
  echo "server did not start: $OUT/$2.log" >&2; exit 1
}
stop() { kill "${PID[$1]}"; wait "${PID[$1]}" 2>/dev/null || true; unset "PID[$1]"; }
seed() { # store
  TOKEN[$1]=$(grep -A1 "Generated a bearer token" "$OUT/$1.log" | tail -1 | tr -d ' ')
  java -cp "$SEEDER" dev.scimkit.benchmarks.http.HttpSeed --base "http://127.0.0.1:${PORT[$1]}/scim/v2" \
    --token "${TOKEN[$1]}" --users 10000 --groups 501 --group-size 10 --out "$OUT/seed-$1" > /dev/null
}
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() { local t=0 x; for x in $(pgrep -f "postgres:" || true); do t=$((t + $(awk '{print $14 + $15}' "/proc/$x/stat" 2>/dev/null || echo 0))); done; echo $t; }
measure() { # label store scenario connections
  local script=get-user.lua file=ids.txt
  [ "$3" = filter ] && script=filter-user.lua file=usernames.txt
  local load j0 p0 r j1 p1 n
  load=$(cut -d' ' -f1 /proc/loadavg); j0=$(ticks "${PID[$2]}"); p0=$(pg_ticks)
  r=$(SCIM_TOKEN="${TOKEN[$2]}" wrk -t2 -c"$4" -d20s -s "$HERE/$script" "http://127.0.0.1:${PORT[$2]}/scim/v2" -- "$OUT/seed-$2/$file" | grep '^RESULT')
  j1=$(ticks "${PID[$2]}"); p1=$(pg_ticks)
  n=$(echo "$r" | sed 's/.*requests=\([0-9]*\).*/\1/')
  echo "$1 $2 $3 c=$4 $(echo "$r" | grep -o 'rps=[0-9.]*') $(echo "$r" | grep -o 'p99_us=[0-9]*')" \
    "jvm_us=$(( (j1 - j0) * 1000000 / $(getconf CLK_TCK) / n )) pg_us=$(( (p1 - p0) * 1000000 / $(getconf CLK_TCK) / n ))" \
    "$(echo "$r" | grep -o 'non2xx=[0-9]*') load=$load" | tee -a "$OUT/runs.txt"
}

start after mem; seed mem
for s in $STORES; do
  [ "$s" = h2 ] && rm -rf "$OUT/h2"
  start after "$s"; seed "$s"; stop "$s"
done
for round in $(seq 1 "$ROUNDS"); do
  order="before after"; [ $((round % 2)) -eq 0 ] && order="after before"
  for build in $order; do for s in $STORES; do
    start "$build" "$s"
    SCIM_TOKEN="${TOKEN[$s]}" wrk -t2 -c32 -d25s -s "$HERE/get-user.lua" "http://127.0.0.1:${PORT[$s]}/scim/v2" -- "$OUT/seed-$s/ids.txt" > /dev/null
    measure "r$round $build" "$s" get 32; measure "r$round $build" "$s" get 8; measure "r$round $build" "$s" filter 32
    stop "$s"
  done; done
  SCIM_TOKEN="${TOKEN[mem]}" wrk -t2 -c32 -d5s -s "$HERE/get-user.lua" "http://127.0.0.1:${PORT[mem]}/scim/v2" -- "$OUT/seed-mem/ids.txt" > /dev/null
  measure "r$round" mem get 32; measure "r$round" mem get 8; measure "r$round" mem filter 32
done
