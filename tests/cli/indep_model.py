#!/usr/bin/python3
"""An independent evaluation of simple scenarios, written from crmroi-scenario(5).

It shares no code with crmroi: it reads the CSV with Python's csv module,
books each line month by month as the EVALUATION section of the man page says
(yearly values a twelfth per active month, ramp factor x = (m - start + 1) /
ramp capped at 1, linear or smoothstep, growth (1 + g)^(k - 1) in Year k,
benefits x (1 - risk), costs x (1 + risk), probability as an expected value),
folds months into years, and discounts Year k by (1 + r)^k.

It covers what the bundled single-file scenarios use: inputs that are plain
numbers or percentages (their base value, or the value set on the command
line), formulas of inputs with + - * /, start, end and ramp given as such
formulas (rounded to whole months, halves away from zero), a benefit's
adoption column (its input's value multiplies the line), and the yearly grid. The figures it
prints are copied into tests/cli/independent.tsv with this script named as
their source, so that a golden file regenerated from a wrong crmroi fails.

  /usr/bin/python3 tests/cli/indep_model.py FILE [name=value ...]
(name: a setting, an input or a line; LINE.probability=P sets a line's probability;
only=CLASS,CLASS counts only those benefit classes, as --only does)
prints NPV, PV(costs), PV(benefits), the net flow by year and each line's
amount by year, and the present value of each benefit class left out.

Groups and classes as crmroi-scenario(5) says: the lines of a group share
the probability one of them gives; a benefit's class (default cash) counts
unless it is flexibility, or not named by only=.

The roll-out plan as ROLL-OUT PLAN says: an area row's golive (a slot of
plan_slot, default a quarter, or skip) moves the lines of its area (its
name in their area column, or its group) by the slot's first month less the
area's go-live as written (its benefits' earliest start, else its lines'),
never before month 1 (month 0 for a line written there), an end with its
start; skip leaves them out.
"""
import csv
import sys


def number(text):
    text = text.strip()
    if text.endswith('%'):
        return float(text[:-1]) / 100
    return float(text)


def rows_of(path):
    """Rows of a file and of the bases it names, base first, as dicts."""
    import os
    rows = [r for r in csv.reader(open(path, newline=''))
            if r and not r[0].startswith('#')]
    head, out = rows[0], []
    for r in rows[1:]:
        f = dict(zip(head, r))
        if f['kind'] == 'setting' and f['name'] == 'base':
            out = rows_of(os.path.join(os.path.dirname(path), f['value'])) + out
        else:
            out.append(f)
    return out


def load(path, overrides):
    import re
    settings = {'horizon_years': 3, 'discount_rate': 0.10, 'benefit_risk': 0.0,
                'cost_risk': 0.0, 'period': 'year', 'plan_slot': 'quarter'}
    inputs, lines, areas = {}, [], {}
    for f in rows_of(path):
        kind, name, value = f['kind'], f['name'], f.get('value', '')
        if kind == 'setting':
            if name in ('period', 'plan_slot'):
                settings[name] = value
            elif name in settings:
                settings[name] = number(value)
        elif kind == 'input':
            inputs[name] = number(value)
        elif kind == 'area':
            areas[name] = f
        elif kind == 'remove':
            lines = [ln for ln in lines if ln['name'] != name]
        elif kind in ('cost', 'benefit'):
            # A row of the same kind and name replaces the inherited one.
            lines = [ln for ln in lines if (ln['kind'], ln['name']) != (kind, name)]
            f = dict(f)
            f['value'] = re.sub(r'([0-9.]+)%', r'(\1/100)', value)
            lines.append(f)
    for o in overrides:
        k, v = o.split('=', 1)
        if k == 'only':
            settings['only'] = set(v.split(','))
        elif k.endswith('.probability'):
            for ln in lines:
                if ln['name'] == k[:-len('.probability')]:
                    ln['probability'] = v
        elif k in settings:
            settings[k] = number(v)
        elif k in inputs:
            inputs[k] = number(v)
        else:
            for ln in lines:
                if ln['name'] == k:
                    ln['value'] = v
    group_p = {}
    for ln in lines:
        if ln.get('group') and ln.get('probability'):
            group_p.setdefault(ln['group'], ln['probability'])
    for ln in lines:
        if ln.get('group') in group_p:
            ln['probability'] = group_p[ln['group']]
    settings['areas'] = areas
    return settings, inputs, lines


def evaluate(settings, inputs, lines):
    import math, re
    years = int(settings['horizon_years'])
    months = 12 * years
    r = settings['discount_rate']
    monthly = settings['period'] == 'month'
    # Periods: Year 1..n, or Month 1..12n on the monthly grid; 0 is Initial.
    nper = months if monthly else years
    per_of = (lambda m: m) if monthly else (lambda m: 0 if m == 0 else (m - 1) // 12 + 1)
    ppy = 12 if monthly else 1
    # The roll-out plan: each area's shift in months, or None to leave it out.
    slot = {'month': 1, 'quarter': 3, 'half': 6, 'year': 12}[settings['plan_slot']]

    def written_start(ln):
        text = ln.get('start')
        if not text:
            timing = ln.get('timing') or ('once' if ln['kind'] == 'cost' else 'yearly')
            return 0 if timing == 'once' else 1
        x = eval(re.sub(r'([0-9.]+)%', r'(\1/100)', text), {'__builtins__': {}}, dict(inputs))
        return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)

    shift_of = {}
    for name, a in settings.get('areas', {}).items():
        mine = [ln for ln in lines if (ln.get('group') == a['group'] if a.get('group')
                                       else ln.get('area') == name)]
        golive = a.get('golive', '')
        if not golive:
            continue
        if golive == 'skip':
            for ln in mine:
                shift_of[id(ln)] = None
            continue
        bens = [written_start(ln) for ln in mine if ln['kind'] == 'benefit']
        written = max(1, min(bens) if bens else min(written_start(ln) for ln in mine))
        for ln in mine:
            shift_of[id(ln)] = (int(golive) - 1) * slot + 1 - written

    def moved(m, shift):
        if m + shift < 1 and shift < 0:
            return 0 if m == 0 else 1
        return m + shift

    per_line = []
    for ln in lines:
        kind = ln['kind']
        if id(ln) in shift_of and shift_of[id(ln)] is None:
            continue
        value = eval(ln['value'], {'__builtins__': {}}, dict(inputs))
        timing = ln.get('timing') or ('once' if kind == 'cost' else 'yearly')
        # A month may be a formula of inputs: rounded to whole months, halves away from zero.
        def month(text, default):
            if not text:
                return default
            x = eval(re.sub(r'([0-9.]+)%', r'(\1/100)', text), {'__builtins__': {}}, dict(inputs))
            return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)
        start = month(ln.get('start'), 0 if timing == 'once' else 1)
        end = month(ln.get('end'), months)
        shift = shift_of.get(id(ln), 0)
        if shift:
            start = moved(start, shift)
            if ln.get('end'):
                end = max(moved(end, shift), start)
        end = min(end, months)
        ramp = month(ln.get('ramp'), 0)
        # A benefit's adoption column: its input's share multiplies the line.
        if ln.get('adoption'):
            value *= inputs[ln['adoption']]
        curve = ln.get('curve') or 'linear'
        growth = number(ln['growth']) if ln.get('growth') else 0.0
        if ln.get('risk'):
            risk = number(ln['risk'])
        else:
            risk = settings['benefit_risk' if kind == 'benefit' else 'cost_risk']
        prob = number(ln['probability']) if ln.get('probability') else 1.0
        adj = (1 - risk) if kind == 'benefit' else (1 + risk)
        by_year = [0.0] * (nper + 1)
        if timing == 'once':
            if start <= months:
                y = 0 if start == 0 else (start - 1) // 12 + 1
                g = (1 + growth) ** (max(y, 1) - 1)
                by_year[per_of(start)] += value * g * adj * prob
        else:
            for m in range(start, end + 1):
                y = (m - 1) // 12 + 1
                share = value / 12 if timing in ('yearly', 'annual') else value
                x = 1.0 if ramp == 0 else min(1.0, (m - start + 1) / ramp)
                if curve == 'scurve' and ramp:
                    x = 3 * x * x - 2 * x * x * x
                g = (1 + growth) ** (y - 1)
                by_year[per_of(m)] += share * x * g * adj * prob
        cls = (ln.get('class') or 'cash') if kind == 'benefit' else None
        per_line.append((ln['name'], kind, by_year, cls))
    pv = lambda flows: sum(v / (1 + r) ** (k / ppy) for k, v in enumerate(flows))
    costs = [sum(l[2][k] for l in per_line if l[1] == 'cost') for k in range(nper + 1)]
    counted = settings.get('only', {'cash', 'cost_reduction', 'productivity', 'cost_avoidance'})
    bens = [sum(l[2][k] for l in per_line if l[1] == 'benefit' and l[3] in counted)
            for k in range(nper + 1)]
    left_out = {}
    for l in per_line:
        if l[1] == 'benefit' and l[3] not in counted:
            left_out[l[3]] = left_out.get(l[3], 0.0) + pv(l[2])
    net = [b - c for b, c in zip(bens, costs)]
    return {'npv': pv(bens) - pv(costs), 'pv_costs': pv(costs), 'pv_benefits': pv(bens),
            'net': net, 'lines': per_line, 'left_out': left_out}


def main():
    res = evaluate(*load(sys.argv[1], sys.argv[2:]))
    print('npv %.10f' % res['npv'])
    print('pv_costs %.10f' % res['pv_costs'])
    print('pv_benefits %.10f' % res['pv_benefits'])
    print('net ' + ' '.join('%.6f' % v for v in res['net']))
    for name, kind, by_year, cls in res['lines']:
        print('%s %s: %s' % (kind, name, ' '.join('%.4f' % v for v in by_year)))
    for cls, v in sorted(res['left_out'].items()):
        print('left_out_pv %s %.10f' % (cls, v))


if __name__ == '__main__':
    main()
