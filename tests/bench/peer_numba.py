#!/usr/bin/python3
"""peer_numba.py - the Monte Carlo of a crmroi scenario as a skilled analyst
would compile it with numba: the peer `make bench` measures crmroi simulate
against beside the numpy one (peer_simulate.py).

It reads the scenario with peer_simulate.py's reader and its definitions
(crmroi(1), crmroi-scenario(5)), precomputes what an analyst would (each
line's signed weight per period, that times the discount factor summed over
the periods, and the distinct timing patterns the lines' weights share),
writes the lines' formulas into one compiled function of
the drawn inputs, and runs it over the draws on 2 threads (numba prange):
per draw, the inputs drawn by inverse transform or numba's samplers, the
line values, NPV as one multiply-add per line, and payback from a running
sum of the net flow per period, built from one coefficient per timing
pattern.

  peer_numba.py SCENARIO N [SEED]
        prints: draws mean_npv sem_npv p_no_payback warm_kernel_seconds

The kernel is compiled and run once on a few draws first; then the whole
simulation (drawing and kernel) is timed inside the process (the warm
kernel); the whole process, import and compilation included, is what the
caller times. Its draws are numba's own:
a run agrees with crmroi's in distribution (mean NPV within the Monte Carlo
error), not draw by draw.
"""
import ast
import math
import os
import sys
import time

os.environ.setdefault("NUMBA_NUM_THREADS", "2")

import numba                      # noqa: E402
import numpy as np                # noqa: E402
from numba import njit, prange    # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peer_simulate import CHUNK, draw, read, weights   # noqa: E402

def line_values_source(lines, names):
    """The lines' formulas as one numba function of the drawn inputs x."""
    index = {name: i for i, name in enumerate(names)}

    class Rename(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id not in index:
                raise SystemExit(f"peer_numba.py: '{node.id}' is not an input")
            return ast.copy_location(ast.parse(f"x[{index[node.id]}]", mode="eval").body, node)

    body = []
    for li, ln in enumerate(lines):
        tree = Rename().visit(ast.parse(ln["value"], mode="eval"))
        body.append(f"    v[{li}] = {ast.unparse(tree)}")
    return "def values(x, v):\n" + "\n".join(body) + "\n"


def patterns(w):
    """The distinct timing patterns of the lines' weights: w[l] = scale[l] x pat[of[l]]."""
    pats, of, scale = [], np.zeros(w.shape[0], np.int64), np.zeros(w.shape[0])
    for li, row in enumerate(w):
        ref = np.max(np.abs(row))
        if ref == 0:
            of[li], scale[li] = 0, 0.0
            if not pats:
                pats.append(np.zeros_like(row))
            continue
        unit = row / ref
        for k, pat in enumerate(pats):
            if np.allclose(unit, pat, rtol=1e-13, atol=1e-15):
                of[li], scale[li] = k, ref
                break
        else:
            pats.append(unit)
            of[li], scale[li] = len(pats) - 1, ref
    return np.array(pats), of, scale


def build(lines, names):
    src = line_values_source(lines, names)
    scope = {}
    exec(src, scope)
    return njit(cache=False, fastmath=False)(scope["values"])


def make_kernel(values):
    """NPV and payback of each row of drawn inputs X, on the threads numba has."""
    @njit(parallel=True)
    def kernel(X, pvw, pat, of, scale, mpp, npv, pb):
        n, nlines, nper, npat = X.shape[0], pvw.shape[0], pat.shape[1], pat.shape[0]
        for d in prange(n):
            v = np.empty(nlines)
            cp = np.zeros(npat)
            values(X[d], v)
            s = 0.0
            for li in range(nlines):
                s += v[li] * pvw[li]
                cp[of[li]] += v[li] * scale[li]
            npv[d] = s
            # Payback: a running sum of the net flow, one coefficient per timing pattern.
            cum, last = 0.0, -1
            lastcum, lastnext = 0.0, 0.0
            for q in range(nper):
                f = 0.0
                for k in range(npat):
                    f += cp[k] * pat[k, q]
                cum += f
                if cum < 0:
                    last = q
                    lastcum = cum
                elif last == q - 1 and last >= 0:
                    lastnext = f
            if last < 0:
                pb[d] = 0.0
            elif last == nper - 1:
                pb[d] = np.nan
            else:
                pb[d] = (last + (-lastcum) / lastnext) * mpp
    return kernel


def main():
    path, total = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    numba.set_num_threads(min(2, numba.config.NUMBA_NUM_THREADS))
    settings, inputs, lines = read(path)
    w, df, mpp = weights(settings, lines)
    pvw = w @ df
    pat, of, scale = patterns(w)
    names = list(inputs)
    kernel = make_kernel(build(lines, names))
    rng = np.random.default_rng(seed)

    def chunk(n):
        """n draws of every input (numpy's samplers), as rows."""
        return np.ascontiguousarray(np.column_stack([draw(rng, inputs[k], n) for k in names]))

    # Compiled and run once on a few draws; then the whole simulation timed warm.
    x = chunk(64)
    kernel(x, pvw, pat, of, scale, mpp, np.empty(64), np.empty(64))
    t0 = time.perf_counter()
    count, mean, m2, no_payback = 0, 0.0, 0.0, 0
    for first in range(0, total, CHUNK):
        n = min(CHUNK, total - first)
        x = chunk(n)
        npv, pb = np.empty(n), np.empty(n)
        kernel(x, pvw, pat, of, scale, mpp, npv, pb)
        no_payback += int(np.isnan(pb).sum())
        bm, bm2 = npv.mean(), ((npv - npv.mean()) ** 2).sum()
        delta, tot = bm - mean, count + n
        mean += delta * n / tot
        m2 += bm2 + delta * delta * count * n / tot
        count = tot
    warm = time.perf_counter() - t0
    sd = math.sqrt(m2 / (count - 1))
    print(f"{count} {mean:.10g} {sd / math.sqrt(count):.10g} {no_payback / count:.10g} "
          f"{warm:.6f}")


if __name__ == "__main__":
    main()
