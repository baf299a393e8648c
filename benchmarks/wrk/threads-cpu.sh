#!/usr/bin/env bash
# CPU time of a process's threads over an interval, summed by thread name with its number
# dropped ("XNIO-1 I/O-1" and "XNIO-1 I/O-2" count as "XNIO-1 I/O-"): user and system seconds.
# Run it beside a wrk run to see where a server's CPU goes, by kind of thread.
#
#   benchmarks/wrk/threads-cpu.sh PID SECONDS
set -euo pipefail
pid=${1:?the process id} secs=${2:?seconds}
hz=$(getconf CLK_TCK)
snapshot() {
  for t in /proc/"$pid"/task/*; do
    # the name may hold spaces: the times follow the closing parenthesis of /proc/.../stat
    name=$(tr ' ' '_' < "$t/comm" 2>/dev/null) || continue
    times=$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12, $13}') || continue
    echo "$name $times"
  done | awk '{n = $1; sub(/[0-9]+$/, "", n); u[n] += $2; s[n] += $3} END {for (k in u) print k, u[k], s[k]}' | sort
}
before=$(snapshot)
sleep "$secs"
after=$(snapshot)
join <(echo "$before") <(echo "$after") | awk -v hz="$hz" '
  { u = ($4 - $2) / hz; s = ($5 - $3) / hz; if (u + s > 0) printf "%-20s user %7.2f s  system %7.2f s\n", $1, u, s }'
