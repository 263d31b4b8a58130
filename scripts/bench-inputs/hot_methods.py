"""Lists the hottest methods of a JFR recording of prof2calltree itself, from
`jfr print --json --events jdk.ExecutionSample`: by self samples (top frame), and by samples
whose innermost prof2calltree frame is that method (time spent in the JDK or libraries is
charged to our method that called it: what to optimise).

Usage: jfr print --json --events jdk.ExecutionSample self.jfr | python3 hot_methods.py [N] [PACKAGE]
"""
import collections
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
package = sys.argv[2] if len(sys.argv) > 2 else "prof2calltree."
data = json.load(sys.stdin)
events = data["recording"]["events"]
self_count = collections.Counter()
ours_count = collections.Counter()
inclusive = collections.Counter()


def name(frame):
    method = frame["method"]
    return ("%s.%s" % (method["type"]["name"], method["name"])).replace("/", ".")


for e in events:
    frames = (e["values"].get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    self_count[name(frames[0])] += 1
    seen = set()
    first_ours = None
    for f in frames:
        nm = name(f)
        if nm.startswith(package):
            if first_ours is None:
                first_ours = nm
            if nm not in seen:
                seen.add(nm)
                inclusive[nm] += 1
    ours_count[first_ours or "(no %s frame)" % package] += 1

total = sum(self_count.values())
print("%d samples" % total)
for title, counter in (("self (top frame)", self_count),
                       ("innermost %s frame (self + JDK calls it makes)" % package, ours_count),
                       ("inclusive, %s methods" % package, inclusive)):
    print("\n== %s" % title)
    for method, c in counter.most_common(n):
        print("%6d %5.1f%%  %s" % (c, 100.0 * c / max(total, 1), method))
