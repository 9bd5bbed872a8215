#!/usr/bin/python3
"""The layers of src/ hold: no file uses a layer above its own, no circle.

    tests/layers/check.py BUILD_DIR

The layers are the table in doc/ARCHITECTURE.md (between the markers
"<!-- layers -->" and "<!-- /layers -->"), lowest first: each row names a
layer and its files as patterns under src/ ("core/scenario*" matches
src/core/scenario.c, scenario_lines.c and scenario_priv.h). A public header
include/crmroi/NAME.h belongs to the layer of src/core/NAME.c; crmroi.h,
which includes every public header, to the core's top layer. Checks, each
printing a line "ok ..." or "FAIL ...":
  - every source file under src/ is in exactly one layer;
  - every #include of a file of the tree ("..." or <crmroi/...>) goes to
    its own layer or one below;
  - every call from one object file to another (the symbols each object of
    BUILD_DIR/src leaves undefined and another defines, read with nm) goes
    to its own layer or one below;
  - no two files of src/core or src/render call each other in a circle,
    directly or through others.
The last line is "layers: N passed, N failed".
"""
import fnmatch
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
build = sys.argv[1] if len(sys.argv) > 1 else "build"
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL " + what)


def layers_table():
    text = open(os.path.join(ROOT, "doc", "ARCHITECTURE.md")).read()
    m = re.search(r"<!-- layers -->(.*?)<!-- /layers -->", text, re.S)
    if not m:
        sys.exit("layers: doc/ARCHITECTURE.md has no table between <!-- layers --> and <!-- /layers -->")
    out = []
    for row in m.group(1).splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[1].startswith("`"):
            continue
        out.append((cells[0], re.findall(r"`([^`]+)`", cells[1])))
    return out


LAYERS = layers_table()
CORE_TOP = max(i for i, (name, pats) in enumerate(LAYERS)
               if any(p.startswith("core/") for p in pats))


def layers_of(rel):
    """Indices of the layers whose patterns match rel (a path under src/, without extension)."""
    return [i for i, (name, pats) in enumerate(LAYERS) if any(fnmatch.fnmatch(rel, p) for p in pats)]


def layer_of_path(path):
    """The layer of a file of the tree, or None when it has none."""
    rel = os.path.relpath(path, ROOT)
    if rel == "include/crmroi/crmroi.h":
        return CORE_TOP
    if rel.startswith("include/crmroi/"):
        rel = "core/" + os.path.basename(rel)
    elif rel.startswith("src/"):
        rel = rel[4:]
    else:
        return None
    found = layers_of(os.path.splitext(rel)[0])
    return found[0] if len(found) == 1 else None


sources = []
for d in ("src/core", "src/render", "src/cli", "include/crmroi"):
    for f in sorted(os.listdir(os.path.join(ROOT, d))):
        if f.endswith((".c", ".h", ".cc")):
            sources.append(os.path.join(ROOT, d, f))

# Every file in exactly one layer.
for path in sources:
    rel = os.path.relpath(path, ROOT)
    if rel.startswith("include/"):
        continue
    found = layers_of(os.path.splitext(rel[4:])[0])
    check(len(found) == 1, "%s is in %s layers of doc/ARCHITECTURE.md (one needed)"
          % (rel, len(found) or "no"))

# Includes go down.
search = {"src/core": ["src/core", "include"], "src/render": ["src/render", "include"],
          "src/cli": ["src/cli", "src/render", "include"], "include/crmroi": ["include"]}
for path in sources:
    rel = os.path.relpath(path, ROOT)
    own = layer_of_path(path)
    if own is None:
        continue
    dirs = search[os.path.dirname(rel)]
    for n, line in enumerate(open(path), 1):
        m = re.match(r'\s*#\s*include\s+(?:"([^"]+)"|<(crmroi/[^>]+)>)', line)
        if not m:
            continue
        name = m.group(1) or m.group(2)
        target = next((os.path.join(ROOT, d, name) for d in dirs
                       if os.path.exists(os.path.join(ROOT, d, name))), None)
        if target is None:
            check(False, "%s:%d: #include of %s: not a file of the tree" % (rel, n, name))
            continue
        to = layer_of_path(target)
        check(to is not None and to <= own,
              "%s:%d: includes %s, of layer '%s', above its own layer '%s'"
              % (rel, n, os.path.relpath(target, ROOT), LAYERS[to][0] if to is not None else "?",
                 LAYERS[own][0]))

# Calls go down, and no circle: from the object files.
objs = {}
for d in ("src/core", "src/render", "src/cli"):
    od = os.path.join(ROOT, build, d)
    if not os.path.isdir(od):
        continue
    for f in sorted(os.listdir(od)):
        if f.endswith(".o"):
            objs[d[4:] + "/" + f[:-2]] = os.path.join(od, f)
check(len(objs) > 20, "object files in %s/src: %d found (build first)" % (build, len(objs)))


def nm(args, path):
    return subprocess.run(["nm"] + args + [path], capture_output=True, text=True).stdout


defined = {}
for name, path in objs.items():
    for line in nm(["-g", "--defined-only"], path).splitlines():
        parts = line.split()
        if len(parts) == 3:
            defined[parts[2]] = name
edges = {}
for name, path in objs.items():
    for line in nm(["-u"], path).splitlines():
        sym = line.split()[-1]
        to = defined.get(sym)
        if to and to != name:
            edges.setdefault(name, {}).setdefault(to, sym)
for a in sorted(edges):
    la = layers_of(a)
    for b, sym in sorted(edges[a].items()):
        lb = layers_of(b)
        if len(la) == 1 and len(lb) == 1:
            check(lb[0] <= la[0], "%s calls %s (%s), of layer '%s', above its own layer '%s'"
                  % (a, b, sym, LAYERS[lb[0]][0], LAYERS[la[0]][0]))

# Circles among the files of core and of render (Tarjan's strongly connected components).
index, low, stack, on, comps = {}, {}, [], set(), []


def strong(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on.add(v)
    for w in edges.get(v, {}):
        if w not in index:
            strong(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        comps.append(comp)


sys.setrecursionlimit(10000)
for v in sorted(objs):
    if v not in index:
        strong(v)
for comp in comps:
    inside = [v for v in comp if not v.startswith("cli/")]
    check(len(inside) < 2, "a circle of calls: " + " -> ".join(sorted(comp)))
print("layers: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
