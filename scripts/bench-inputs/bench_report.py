"""Summarises the runs of scripts/bench: medians of wall time and peak RSS per input and tool,
and the ratio peer/ours of median wall times (above 1: ours is faster).

Usage: python3 bench_report.py RESULTS.tsv MACHINE.txt
RESULTS.tsv has one line per run, tab-separated:
  input  input_bytes  tool  baseline  round  exit_code  wall_s  peak_rss_kb  output_bytes  note
`baseline` names the tool (of the same input) a peer is compared with; "-" for our own tools.
Prints a plain-text table, then the same table and the machine as markdown.
"""
import statistics
import sys
from collections import OrderedDict

results_path, machine_path = sys.argv[1], sys.argv[2]
runs = OrderedDict()  # (input, tool) -> list of run dicts
sizes, baselines = {}, {}
with open(results_path, encoding="utf-8") as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 10:
            continue
        inp, size, tool, base, rnd, rc, wall, rss, outb, note = parts[:10]
        sizes[inp] = int(size)
        baselines[(inp, tool)] = base
        runs.setdefault((inp, tool), []).append(
            dict(rc=int(rc), wall=float(wall), rss=int(rss), out=int(outb), note=note))


def mb(n):
    return n / 1e6


rows = []
medians = {}
rss_medians = {}
for (inp, tool), rs in runs.items():
    ok = [r for r in rs if r["rc"] == 0]
    if ok:
        wall = statistics.median(r["wall"] for r in ok)
        rss = statistics.median(r["rss"] for r in ok) / 1024
        out = statistics.median(r["out"] for r in ok)
        medians[(inp, tool)] = wall
        rss_medians[(inp, tool)] = rss
        status = "%d/%d ok" % (len(ok), len(rs))
    else:
        wall = rss = out = None
        status = "FAILED (exit %s): %s" % (rs[-1]["rc"], rs[-1]["note"][-120:])
    rows.append([inp, tool, status, wall, rss, out])

table = []
for inp, tool, status, wall, rss, out in rows:
    base = baselines[(inp, tool)]
    ratio = ""
    if base != "-":
        if wall is not None and medians.get((inp, base)):
            ratio = "%.2f (vs %s)" % (wall / medians[(inp, base)], base)
        elif wall is None:
            ratio = "peer failed"
        else:
            ratio = "ours failed"
    table.append([inp, "%.1f MB" % mb(sizes[inp]), tool,
                  "%.3f" % wall if wall is not None else "-",
                  "%.0f" % rss if rss is not None else "-",
                  "%.1f" % mb(out) if out is not None else "-",
                  ratio, status])

header = ["input", "size", "tool", "median wall s", "median peak RSS MB", "output MB",
          "peer/ours wall", "runs"]
widths = [max(len(str(r[i])) for r in table + [header]) for i in range(len(header))]
print("  ".join(h.ljust(w) for h, w in zip(header, widths)))
for r in table:
    print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))

# Issue 6's targets, each checked on the medians above (a target whose runs are missing is skipped).
TARGETS = [
    # (what, kind, input, ours, other, threshold)
    ("pstats, small dump: no slower than pyprof2calltree", "faster", "small.prof", "ours", "pyprof2calltree", 1.0),
    ("pstats, 100k+ functions: at least 10x faster than pyprof2calltree", "faster", "big-functions.prof",
     "ours", "pyprof2calltree", 10.0),
    ("JFR, 1M events: at least 2x faster than jfr-converter writing collapsed stacks", "faster", "javac.jfr",
     "ours-collapsed-cpu", "jfr-converter", 2.0),
    ("JFR, 1M events: collapsed stacks in under 1 GB peak RSS", "rss", "javac.jfr", "ours-collapsed-cpu", None, 1024),
    ("JFR, 1M events: callgrind of every event type in under 1 GB peak RSS", "rss", "javac.jfr", "ours", None, 1024),
    ("JFR, 4x as long: at least 2x faster than jfr-converter", "faster", "javac-4x.jfr",
     "ours-collapsed-cpu", "jfr-converter", 2.0),
    ("JFR, 4x as long: collapsed, peak RSS within 10 % of javac.jfr's", "same-rss", "javac-4x.jfr",
     "ours-collapsed-cpu", "javac.jfr", 1.10),
    ("JFR, 4x as long: callgrind, peak RSS within 10 % of javac.jfr's", "same-rss", "javac-4x.jfr",
     "ours", "javac.jfr", 1.10),
]
verdicts = []
for what, kind, inp, ours, other, threshold in TARGETS:
    if kind == "faster":
        if not medians.get((inp, ours)) or not medians.get((inp, other)):
            continue
        value = medians[(inp, other)] / medians[(inp, ours)]
        verdicts.append((what, "%.2fx" % value, value >= threshold))
    elif kind == "rss":
        if (inp, ours) not in rss_medians:
            continue
        value = rss_medians[(inp, ours)]
        verdicts.append((what, "%.0f MB" % value, value < threshold))
    else:
        if (inp, ours) not in rss_medians or (other, ours) not in rss_medians:
            continue
        value = rss_medians[(inp, ours)] / rss_medians[(other, ours)]
        verdicts.append((what, "%.0f MB, %.2fx" % (rss_medians[(inp, ours)], value), value <= threshold))
if verdicts:
    print()
    print("Targets (issue 6):")
    for what, value, met in verdicts:
        print("  %-4s %s: %s" % ("met" if met else "MISS", what, value))

machine = open(machine_path, encoding="utf-8").read().strip()
print()
print("----- markdown -----")
print()
print("| " + " | ".join(header) + " |")
print("|" + "|".join(" --- " for _ in header) + "|")
for r in table:
    print("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
if verdicts:
    print()
    print("| target (issue 6) | measured | met |")
    print("| --- | --- | --- |")
    for what, value, met in verdicts:
        print("| %s | %s | %s |" % (what, value, "yes" if met else "**no**"))
print()
print("Machine:")
print()
for line in machine.splitlines():
    print("- " + line)
