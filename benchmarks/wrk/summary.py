"""Medians and ratio ranges of a compare.sh run: python3 summary.py runs.tsv [A/B ...] (default scimkit/scimple)"""
import csv
import statistics
import sys
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
by = defaultdict(dict)  # (scenario, connections) -> server -> round -> row
for r in rows:
    by[(r["scenario"], int(r["connections"]))].setdefault(r["server"], {})[r["round"]] = r

loads = [float(r["load1"]) for r in rows]
print(f"{len(rows)} runs; 1-minute load average before each: {min(loads):.2f} to {max(loads):.2f} (median {statistics.median(loads):.2f})")
print("scenario conns | server: req/s median (min-max), p99 ms median, CPU us/request median | ratios scimkit/scimple by round")
for (scenario, conns), servers in sorted(by.items()):
    line = [f"{scenario:7s} {conns:3d}"]
    for s, runs in sorted(servers.items()):
        rps = [float(r["rps"]) for r in runs.values()]
        p99 = [int(r["p99_us"]) / 1000 for r in runs.values()]
        cpu = [float(r["cpu_us_per_request"]) for r in runs.values()]
        bad = sum(int(r["non2xx"]) + int(r["errors"]) for r in runs.values())
        line.append(f"{s}: {statistics.median(rps):.0f} ({min(rps):.0f}-{max(rps):.0f}) req/s, p99 {statistics.median(p99):.1f} ms,"
                    f" {statistics.median(cpu):.0f} us CPU/req" + (f", {bad} non-2xx/errors" if bad else ""))
    for pair in sys.argv[2:] or ["scimkit/scimple"]:
        a, b = pair.split("/")
        if a not in servers or b not in servers:
            continue
        k, p = servers[a], servers[b]
        rounds = sorted(set(k) & set(p))
        thr = [float(k[x]["rps"]) / float(p[x]["rps"]) for x in rounds]
        cpu = [float(k[x]["cpu_us_per_request"]) / float(p[x]["cpu_us_per_request"]) for x in rounds]
        line.append(f"{pair}: throughput x{statistics.median(thr):.2f} ({min(thr):.2f}-{max(thr):.2f}),"
                    f" CPU/request x{statistics.median(cpu):.2f} ({min(cpu):.2f}-{max(cpu):.2f})")
    print(" | ".join(line))
