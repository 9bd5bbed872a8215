#!/usr/bin/python3
"""Whether two JSON documents hold the same figures: every number (and true,
false, null) at the same place, bit for bit. Strings may differ (a file's
name, a formula as written in its file).

    samejson.py A.json B.json
"""
import json
import sys


def figures(v, path, out):
    if isinstance(v, dict):
        for k, x in v.items():
            figures(x, path + "." + k, out)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            figures(x, "%s[%d]" % (path, i), out)
    elif not isinstance(v, str):
        out.append((path, v))
    return out


def load(path):
    with open(path, encoding="utf-8") as f:
        return figures(json.load(f), "", [])


a, b = load(sys.argv[1]), load(sys.argv[2])
if [p for p, _ in a] != [p for p, _ in b]:
    print("the documents differ in shape: %d and %d figures" % (len(a), len(b)))
    sys.exit(1)
diff = [(p, x, y) for (p, x), (_, y) in zip(a, b) if x != y or type(x) != type(y)]
for p, x, y in diff[:10]:
    print("%s: %r and %r" % (p, x, y))
if not a:
    print("no figures")
sys.exit(1 if diff or not a else 0)
