#!/usr/bin/env bash
# Size of the standalone server's H2 file while users are written without pause: see
# benchmarks/README.md ("Size of the H2 file under writes").
#
#   mvn -B -q -pl examples,benchmarks -am package -DskipTests
#   benchmarks/wrk/h2-file-growth.sh
#
# Starts the standalone server on a new H2 store in $OUT/db (its generated token checked on every
# request), runs wrk with post-user.lua (a typical Entra user, a new userName every request) in
# STEPS slices of STEP seconds, and prints after each the users written in it and the size of the
# database file; then stops the server (SIGTERM) and prints the size once more. The file can reach
# several GB: $OUT must have room. JAR names another server jar (an earlier build, to compare).
#
# Environment (defaults): STEPS=8 STEP=30 CONNS=2 HEAP=1g PORT=18095 OUT=/tmp/scimkit-h2-growth
# JAR=examples/target/scimkit-server.jar
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STEPS=${STEPS:-8} STEP=${STEP:-30} CONNS=${CONNS:-2} HEAP=${HEAP:-1g} PORT=${PORT:-18095}
OUT=${OUT:-/tmp/scimkit-h2-growth} JAR=${JAR:-$ROOT/examples/target/scimkit-server.jar}
rm -rf "$OUT/db"
mkdir -p "$OUT"
java -Xms$HEAP -Xmx$HEAP -jar "$JAR" --store "h2:$OUT/db" --port "$PORT" > "$OUT/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q "listening at" "$OUT/server.log" && break; sleep 0.5; done
TOKEN=$(grep -A1 "Generated a bearer token" "$OUT/server.log" | tail -1 | tr -d ' ')
size_mb() { echo $(( $(stat -c %s "$OUT/db/scimkit.mv.db") / 1048576 )); }
run=$(date +%s)
for step in $(seq 1 "$STEPS"); do
  SCIM_TOKEN=$TOKEN RUN="$run.$step" wrk -t1 -c"$CONNS" -d"${STEP}s" -s "$HERE/post-user.lua" \
    "http://127.0.0.1:$PORT/scim/v2" > "$OUT/wrk-$step.out"
  users=$(awk '/requests in/{print $1}' "$OUT/wrk-$step.out")
  non2xx=$(awk '/Non-2xx/{print $NF}' "$OUT/wrk-$step.out")
  echo "$((step * STEP)) s: ${users} users written in ${STEP} s (non-2xx: ${non2xx:-0}), file $(size_mb) MB"
done
kill "$PID"
wait "$PID" 2>/dev/null || true
echo "after shutdown: file $(size_mb) MB"
