"""Reads `jfr print --events jdk.ExecutionSample` and prints where the samples are: by top frame (self time),
by the first io.rapport frame on the stack, and by library (package prefix) of the top frame."""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")
samples, stack = [], []
for line in sys.stdin:
    if line.startswith("jdk.ExecutionSample"):
        if stack:
            samples.append(stack)
        stack = []
    else:
        m = FRAME.match(line)
        if m:
            stack.append(m.group(1))
if stack:
    samples.append(stack)

def top(counter, title, n=25):
    total = len(samples) or 1
    print(f"\n{title} ({len(samples)} samples)")
    for name, count in counter.most_common(n):
        print(f"  {100.0 * count / total:5.1f}%  {name}")

top(collections.Counter(s[0] for s in samples), "self time by method")
top(collections.Counter(".".join(s[0].split(".")[:3]) for s in samples), "self time by package", 15)
top(collections.Counter(next((f for f in s if f.startswith("io.rapport.")), "(no io.rapport frame)")
                        for s in samples), "first io.rapport frame on the stack")
inclusive = collections.Counter()
for s in samples:
    for f in set(s):
        if f.startswith("io.rapport.") or f.startswith("io.quarkus.runner.") or f.endswith("Recorder.init") \
                or f.endswith("Processor.initialize") or f.endswith(".onStart"):
            inclusive[f] += 1
top(inclusive, "inclusive time of io.rapport methods and Quarkus start steps", 40)
