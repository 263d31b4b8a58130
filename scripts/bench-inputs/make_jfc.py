"""Writes the JFR settings file of the JFR benchmark input: a copy of a JDK's profile.jfc with
  - method profiling at its "max" level (jdk.ExecutionSample every 1 ms),
  - jdk.ObjectAllocationInNewTLAB enabled (one stack-bearing event per TLAB refill),
  - jdk.ObjectAllocationSample throttled at 5000/s instead of 300/s.
These are the settings a user chooses for a detailed CPU and allocation profile; with small TLABs
(-XX:TLABSize=8k -XX:-ResizeTLAB) they give about a thousand stack-bearing events per CPU second.

Usage: python3 make_jfc.py JDK_HOME/lib/jfr/profile.jfc OUT.jfc
"""
import re
import sys

src, out = sys.argv[1], sys.argv[2]
s = open(src, encoding="utf-8").read()
edits = [
    (r'(<selection name="method-profiling" default=")[a-z]+"', r'\1max"', 0),
    (r'(<event name="jdk.ObjectAllocationInNewTLAB">\s*<setting name="enabled")[^>]*>false<',
     r'\1>true<', 0),
    (r'(<event name="jdk.ObjectAllocationSample">.*?<setting name="throttle")[^>]*>[^<]*<',
     r'\1>5000/s<', re.S),
]
for pattern, replacement, flags in edits:
    s, n = re.subn(pattern, replacement, s, count=1, flags=flags)
    if n != 1:
        sys.exit("make_jfc.py: %s: no match for %s (another JDK's profile.jfc?)" % (src, pattern))
open(out, "w", encoding="utf-8").write(s)
