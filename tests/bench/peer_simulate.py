#!/usr/bin/python3
"""peer_simulate.py - a vectorised numpy Monte Carlo of a crmroi scenario, the
peer that `make bench` measures crmroi simulate against.

It reads the scenario CSV itself (settings, inputs with low/high/dist, cost and
benefit lines whose value is a product of inputs and numbers) and computes, per
draw, NPV and payback with crmroi's definitions (crmroi(1), crmroi-scenario(5)):

  - a recurring line's amount in month m (start <= m <= end) is its value x
    unit (1 monthly, 1/12 yearly) x ramp(m) x (1 + growth)^(year(m) - 1) x
    risk factor (1 - risk for benefits, 1 + risk for costs); a 'once' line
    books value x growth x risk factor in the period of its start month;
  - the Initial column (month 0) is not discounted, month m by
    (1 + r)^(m / 12), Year k by (1 + r)^k;
  - payback is the point after which the cumulative net cash flow stays at or
    above 0 until the horizon, interpolated linearly within the period; 0 when
    it is never below 0; not reached when it is below 0 at the end;
  - distributions: triangular (the default), pert (Beta with lambda 4),
    uniform, normal and lognormal with low and high as their 5th and 95th
    percentiles.

The draws are numpy's own, so a run agrees with crmroi's in distribution (mean
NPV within the Monte Carlo error), not draw by draw.

  peer_simulate.py SCENARIO N [SEED]    prints: draws mean_npv sem_npv p_no_payback
  peer_simulate.py --irr SCENARIO N [SEED]
        also IRR per draw, as crmroi's default metrics (npv, roi, irr, payback):
        prints the same and then mean_irr sem_irr p_no_irr

IRR per draw is the rate r in [-99.99%, 100000%] where NPV(r) = 0, the root
nearest the discount rate when there are several. Flows that change sign once
have exactly one (Descartes' rule of signs): those rows are solved together by
Newton's method on u = ln(1 + r), vectorised; rows with several sign changes
are solved one by one with numpy.roots.
"""
import csv
import math
import sys

import numpy as np

Z95 = 1.6448536269514722
CHUNK = 250_000
IRR_CHUNK = 25_000          # rows per vectorised Newton solve (memory: rows x periods)
IRR_MIN, IRR_MAX = -0.9999, 1000.0
IRR_ITER = 60
IRR_TOL = 1e-13


def pct(text):
    text = text.strip()
    return float(text[:-1]) / 100 if text.endswith('%') else float(text)


def read(path):
    settings = {'horizon_years': 3, 'discount_rate': 0.10, 'period': 'year',
                'benefit_risk': 0.0, 'cost_risk': 0.0}
    inputs, lines = {}, []
    with open(path, newline='') as f:
        rows = [r for r in csv.reader(f) if r and not r[0].startswith('#') and any(r)]
    head = [h.strip().lower() for h in rows[0]]
    for r in rows[1:]:
        row = dict(zip(head, (c.strip() for c in r)))
        kind = row['kind']
        if kind == 'setting':
            name, v = row['name'], row['value']
            if name in ('discount_rate', 'benefit_risk', 'cost_risk'):
                settings[name] = pct(v)
            elif name == 'horizon_years':
                settings[name] = int(v)
            elif name == 'period':
                settings[name] = v
        elif kind == 'input':
            inputs[row['name']] = row
        elif kind in ('cost', 'benefit'):
            lines.append(row)
    return settings, inputs, lines


def ramp_factor(curve, ramp, start, m):
    if ramp <= 0:
        return 1.0
    x = (m - start + 1) / ramp
    if x >= 1:
        return 1.0
    if x <= 0:
        return 0.0
    return x * x * (3 - 2 * x) if curve == 'scurve' else x


def weights(settings, lines):
    """Signed weight of each line in each period (+benefit, -cost): L x (N + 1)."""
    months = 12 * settings['horizon_years']
    mpp = 1 if settings['period'] == 'month' else 12
    n = months // mpp
    w = np.zeros((len(lines), n + 1))
    for li, ln in enumerate(lines):
        benefit = ln['kind'] == 'benefit'
        risk = pct(ln['risk']) if ln.get('risk') else settings['benefit_risk' if benefit else 'cost_risk']
        factor = (1 - risk) if benefit else (1 + risk)
        growth = pct(ln['growth']) if ln.get('growth') else 0.0
        timing = ln.get('timing') or ('once' if not benefit else 'yearly')
        sign = 1.0 if benefit else -1.0
        if timing == 'once':
            start = int(ln['start']) if ln.get('start') else 0
            if start <= months:
                p = 0 if start == 0 else (start + mpp - 1) // mpp
                year = 1 if start == 0 else (start + 11) // 12
                w[li, p] = sign * (1 + growth) ** (year - 1) * factor
            continue
        start = int(ln['start']) if ln.get('start') else 1
        end = int(ln['end']) if ln.get('end') else months
        ramp = int(ln['ramp']) if ln.get('ramp') else 0
        unit = 1.0 if timing == 'monthly' else 1 / 12
        for m in range(start, min(end, months) + 1):
            p = (m + mpp - 1) // mpp
            year = (m + 11) // 12
            w[li, p] += sign * unit * ramp_factor(ln.get('curve', ''), ramp, start, m) * \
                (1 + growth) ** (year - 1) * factor
    t = np.arange(n + 1) * mpp / 12
    return w, (1 + settings['discount_rate']) ** -t, mpp


def draw(rng, row, n):
    v = float(row['value'])
    if not row.get('low'):
        return np.full(n, v)
    lo, hi = float(row['low']), float(row['high'])
    dist = row.get('dist') or 'triangular'
    if dist == 'triangular':
        return rng.triangular(lo, v, hi, n)
    if dist == 'pert':
        a = 1 + 4 * (v - lo) / (hi - lo)
        b = 1 + 4 * (hi - v) / (hi - lo)
        return lo + (hi - lo) * rng.beta(a, b, n)
    if dist == 'uniform':
        return rng.uniform(lo, hi, n)
    if dist == 'normal':
        return rng.normal((lo + hi) / 2, (hi - lo) / (2 * Z95), n)
    if dist == 'lognormal':
        mu = (math.log(lo) + math.log(hi)) / 2
        return rng.lognormal(mu, (math.log(hi) - math.log(lo)) / (2 * Z95), n)
    return np.full(n, v)


def payback_months(net, mpp):
    """crmroi's payback of every row of net (draws x periods); NaN when not reached."""
    cum = np.cumsum(net, axis=1)
    neg = cum < 0
    n = net.shape[1]
    # The last period whose cumulative is below 0: payback is just after it.
    last = n - 1 - np.argmax(neg[:, ::-1], axis=1)
    any_neg = neg.any(axis=1)
    out = np.full(net.shape[0], np.nan)
    out[~any_neg] = 0.0
    ok = any_neg & (last < n - 1)
    rows = np.nonzero(ok)[0]
    k = last[rows]
    out[rows] = (k + (-cum[rows, k]) / net[rows, k + 1]) * mpp
    return out


def sign_changes(net):
    """Sign changes of every row, zeros skipped."""
    s = np.sign(net)
    k = np.arange(net.shape[1])
    last = np.maximum.accumulate(np.where(s != 0, k, 0), axis=1)
    filled = np.take_along_axis(s, last, axis=1)
    return (filled[:, 1:] * filled[:, :-1] < 0).sum(axis=1)


def irr_one_by_one(v, ppy, rate):
    """All roots of NPV in x = (1 + r)^(-1/ppy) by numpy.roots; the nearest the discount rate."""
    roots = np.roots(v[::-1]) if np.any(v) else []
    best = math.nan
    for x in roots:
        if abs(x.imag) > 1e-12 or x.real <= 0:
            continue
        r = x.real ** -ppy - 1
        if IRR_MIN <= r <= IRR_MAX and (math.isnan(best) or abs(r - rate) < abs(best - rate)):
            best = r
    return best


def irr_rows(net, ppy, rate, guess):
    """IRR of every row of net (draws x periods); NaN where there is none."""
    out = np.full(net.shape[0], np.nan)
    changes = sign_changes(net)
    k = np.arange(net.shape[1])
    ulo, uhi = math.log1p(IRR_MIN), math.log1p(IRR_MAX)
    one = np.nonzero(changes == 1)[0]
    for first in range(0, len(one), IRR_CHUNK):
        rows = one[first:first + IRR_CHUNK]
        v = net[rows]
        u = np.full(len(rows), math.log1p(guess))
        for _ in range(IRR_ITER):
            p = np.exp(-u / ppy)[:, None] ** k
            f = (v * p).sum(axis=1)
            d = -(v * p * k).sum(axis=1) / ppy
            step = np.where(d != 0, f / np.where(d != 0, d, 1), 0)
            u = np.clip(u - step, ulo, uhi)
            if np.max(np.abs(step)) < IRR_TOL:
                break
        inside = (u > ulo) & (u < uhi)
        out[rows[inside]] = np.expm1(u[inside])
    for i in np.nonzero(changes > 1)[0]:
        out[i] = irr_one_by_one(net[i], ppy, rate)
    return out


def main():
    args = sys.argv[1:]
    want_irr = bool(args) and args[0] == '--irr'
    if want_irr:
        args = args[1:]
    path, total = args[0], int(args[1])
    seed = int(args[2]) if len(args) > 2 else 1
    settings, inputs, lines = read(path)
    w, df, mpp = weights(settings, lines)
    pvw = w @ df
    rng = np.random.default_rng(seed)
    count, mean, m2, no_payback = 0, 0.0, 0.0, 0
    irr_n, irr_mean, irr_m2 = 0, 0.0, 0.0
    ppy, rate = 12 // mpp, settings['discount_rate']
    if want_irr:
        # The base case's IRR starts every draw's search, as crmroi does.
        base = {name: np.array([float(inputs[name]['value'])]) for name in inputs}
        bvals = np.array([[float(np.asarray(eval(ln['value'], {'__builtins__': {}}, base)).ravel()[0])
                           for ln in lines]])
        guess = irr_rows(bvals @ w, ppy, rate, rate)[0]
        guess = rate if math.isnan(guess) else guess
    names = list(inputs)
    for first in range(0, total, CHUNK):
        n = min(CHUNK, total - first)
        env = {name: draw(rng, inputs[name], n) for name in names}
        vals = np.empty((n, len(lines)))
        for li, ln in enumerate(lines):
            vals[:, li] = eval(ln['value'], {'__builtins__': {}}, env)
        npv = vals @ pvw
        net = vals @ w
        pb = payback_months(net, mpp)
        if want_irr:
            irr = irr_rows(net, ppy, rate, guess)
            irr = irr[~np.isnan(irr)]
            if len(irr):
                bm, bm2 = irr.mean(), ((irr - irr.mean()) ** 2).sum()
                delta, tot = bm - irr_mean, irr_n + len(irr)
                irr_mean += delta * len(irr) / tot
                irr_m2 += bm2 + delta * delta * irr_n * len(irr) / tot
                irr_n = tot
        no_payback += int(np.isnan(pb).sum())
        # Chan's update of the running mean and sum of squares.
        bm, bm2 = npv.mean(), ((npv - npv.mean()) ** 2).sum()
        delta = bm - mean
        tot = count + n
        mean += delta * n / tot
        m2 += bm2 + delta * delta * count * n / tot
        count = tot
    sd = math.sqrt(m2 / (count - 1))
    line = f"{count} {mean:.10g} {sd / math.sqrt(count):.10g} {no_payback / count:.10g}"
    if want_irr:
        isd = math.sqrt(irr_m2 / (irr_n - 1)) if irr_n > 1 else math.nan
        line += f" {irr_mean:.10g} {isd / math.sqrt(max(irr_n, 1)):.10g} {1 - irr_n / count:.10g}"
    print(line)


if __name__ == '__main__':
    main()
