#!/usr/bin/python3
"""The figures of tests/cli/independent.tsv, computed without crmroi.

Run from the project root: /usr/bin/python3 tests/cli/gen_independent.py
prints the table rows (case, figure as printed, source). Figures come from
indep_model.py (an evaluation written from crmroi-scenario(5)), from a
bisection on NPV for rates of return, or from arithmetic shown in the source
column; fin_oracle.py (the shared finance oracle) confirms the IRRs and NPVs
of the small flows named there."""
import sys, subprocess
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
import indep_model as M

def ev(path, *ov):
    return M.evaluate(*M.load(path, list(ov)))

def src(path, ov, what):
    return 'indep_model.py %s%s: %s' % (path, ''.join(' ' + o for o in ov), what)

def m2(v): return '{:,.2f}'.format(v)
def m0(v): return '{:,.0f}'.format(v)
def pre(v, n=11):
    s = '%.16g' % v
    out, dig = '', 0
    for ch in s:
        if ch.isdigit():
            if dig == 0 and ch == '0' and not out.rstrip('-').rstrip('0.'):
                out += ch; continue
            dig += 1
            if dig > n: break
        out += ch
    return out

def npvr(flows, r, ppy=1):
    return sum(v / (1 + r) ** (k / ppy) for k, v in enumerate(flows))

def irr(flows, ppy=1):
    lo, hi = -0.99, 100.0
    f = lambda r: npvr(flows, r, ppy)
    if f(lo) * f(hi) > 0: return None
    for _ in range(300):
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0: hi = mid
        else: lo = mid
    return (lo + hi) / 2

def payback_months(flows, mpp=12):
    cum = 0
    for t, v in enumerate(flows):
        prev = cum; cum += v
        if prev < 0 <= cum and t > 0:
            return (t - 1 + (-prev) / v) * mpp
    return None

rows = []
def add(case, fig, source): rows.append((case, fig, source))

A = 'scenarios/areas/%s.csv'
for a in ['call_center','campaign_management','configurator','ecommerce','field_service','lead_management','opportunity_management','partner_channel','proposal_generation','self_service','team_selling']:
    r = ev(A % a)
    add('run_area_' + a, m2(r['npv']), src(A % a, [], 'NPV'))
T, K, MID = 'scenarios/tei_example.csv', 'scenarios/tei_truck.csv', 'scenarios/midsize_business_case.csv'
add('run_inherited', m2(ev('scenarios/deployment/phased.csv')['npv']), src('scenarios/deployment/phased.csv', [], 'NPV'))
for c in ['run_midsize_text', 'run_midsize_markdown']:
    add(c, m2(ev(MID)['npv']), src(MID, [], 'NPV'))
for c in ['run_midsize_csv', 'run_midsize_json']:
    add(c, pre(ev(MID)['npv']), src(MID, [], 'NPV, 11 significant digits'))
MO = 'tests/cli/data/monthly.csv'
for c in ['run_monthly_by_month', 'run_monthly_by_year']:
    add(c, m2(ev(MO)['npv']), src(MO, [], 'NPV'))
add('run_monthly_json', pre(ev(MO)['npv']), src(MO, [], 'NPV, 11 significant digits'))
add('run_multi_irr', '20.00%, 30.00%)', 'fin_oracle.py mpmath irr_roots of -1000 3600 -4310 1716: 0.1;0.2;0.3')
R = 'tests/cli/data/risky.csv'
for f in ['text', 'markdown']:
    add('run_probability_' + f, m2(ev(R)['npv']), src(R, [], 'NPV (the overrun at 25% of 80,000)'))
    add('run_probability_' + f, '25.00%', 'hand: probability 25% as written in tests/cli/data/risky.csv')
for f in ['csv', 'json']:
    add('run_probability_' + f, pre(ev(R)['npv']), src(R, [], 'NPV, 11 significant digits'))
add('run_probability_csv', '80000,once,6,6,0.25,0,0,,,,,,0,20000,', 'hand: the line as written, once at month 6 with probability 25%: 80000 x 25% = 20000 in Year 1')
add('run_probability_json', '"probability": 0.25', 'hand: probability 25% as written')
add('run_stdin', pre(ev(T)['npv']), 'fin_oracle.py mpmath npv of -10000 10000 10000 10000 at 0.1: 14868.51990984222389')
add('run_tei_text', '14,868.52', 'fin_oracle.py mpmath npv of -10000 10000 10000 10000 at 0.1: 14868.5199')
add('run_tei_text', '83.93%', 'fin_oracle.py mpmath irr of -10000 10000 10000 10000: 0.839286755')
add('run_truck_text', '123,027.80', 'fin_oracle.py mpmath npv of -250000 150000 150000 150000 at 0.1: 123027.7986')
add('run_truck_text', '36.31%', 'fin_oracle.py mpmath irr of -250000 150000 150000 150000: 0.363096539')
add('run_two_files_json', '123027.798647633', 'fin_oracle.py mpmath npv of -250000 150000 150000 150000 at 0.1: 123027.79864763335837')
add('run_warning', m2(ev('tests/cli/data/warn_late.csv')['npv']), src('tests/cli/data/warn_late.csv', [], 'NPV'))
add('run_warning', '40 (after the horizon)', 'hand: the line starts in month 40 of a 36-month horizon')
D = 'scenarios/deployment/%s.csv'
add('compare_deployment', m0(ev(D % 'base')['npv']), src(D % 'base', [], 'NPV'))
add('compare_deployment', m0(ev(D % 'big_bang')['npv']), src(D % 'big_bang', [], 'NPV'))
inc = [p - b for p, b in zip(ev(D % 'phased')['net'], ev(D % 'base')['net'])]
add('compare_deployment', '%.2f%% (borrowing)' % (100 * irr(inc)), 'bisection on the NPV of phased - base, both from indep_model.py: a borrowing rate (the difference starts positive)')
add('compare_hosting_csv', pre(ev(D % 'on_premise')['npv']), src(D % 'on_premise', [], 'NPV, 11 significant digits'))
add('compare_json', pre(ev(D % 'optimistic')['npv']), src(D % 'optimistic', [], 'NPV, 11 significant digits'))
add('compare_markdown', m0(ev(D % 'on_premise')['npv']), src(D % 'on_premise', [], 'NPV'))
add('compare_not_investment_csv', pre(ev(D % 'phased')['npv'] - ev(D % 'big_bang')['npv'], 9), src(D % 'phased', [], 'NPV minus that of big_bang, 9 significant digits'))
add('compare_not_investment_csv', 'incremental,irr_kind,,none', 'hand: the difference phased - big_bang (+400,000, -90,509, -141,165, +19,842, ...) changes sign twice')
add('compare_unlike_horizons', m0(ev('tests/cli/data/base_7y.csv')['npv']), src('tests/cli/data/base_7y.csv', [], 'NPV'))
add('compare_unlike_horizons_rank', pre(ev('tests/cli/data/base_7y.csv')['npv']), src('tests/cli/data/base_7y.csv', [], 'NPV, 11 significant digits'))
add('compare_warn_once', m0(ev('tests/cli/data/warn_once/support.csv')['npv']), src('tests/cli/data/warn_once/support.csv', [], 'NPV'))
add('compare_baseline_not_listed', '83.93%', 'fin_oracle.py mpmath irr of -10000 10000 10000 10000: 0.839286755')
add('compare_baseline_not_listed', '36.31%', 'fin_oracle.py mpmath irr of -250000 150000 150000 150000: 0.363096539')
FS = A % 'field_service'
add('tornado_csv', pre(ev(FS, 'first_fix_uplift=2%')['npv']), src(FS, ['first_fix_uplift=2%'], 'NPV, 11 significant digits'))
CF = A % 'configurator'
add('tornado_json', pre(irr(ev(CF)['net']), 9), 'bisection on the NPV of the net flows of indep_model.py %s: IRR, 9 significant digits' % CF)
add('tornado_markdown', m0(ev(A % 'call_center')['npv']), src(A % 'call_center', [], 'NPV'))
add('tornado_midsize', m0(ev(MID)['npv']), src(MID, [], 'NPV'))
add('tornado_midsize', m0(ev(MID, 'lead_conversion_uplift=0.2%')['npv']), src(MID, ['lead_conversion_uplift=0.2%'], 'NPV'))
add('tornado_no_ranges', m0(ev(K)['npv']), 'fin_oracle.py mpmath npv of -250000 150000 150000 150000 at 0.1: 123027.80')
pb = payback_months(ev(T, 'Revenue=12000')['net'])
add('tornado_pct_payback', '%.1f' % pb, 'hand: Revenue 20%% lower, flows -10000, 7000 x 3: payback 10000/7000 years = %.4f months' % pb)
add('spider_json', pre(ev(A % 'self_service')['npv']), src(A % 'self_service', [], 'NPV, 11 significant digits'))
add('spider_lead', m0(ev(A % 'opportunity_management')['npv']), src(A % 'opportunity_management', [], 'NPV'))
r = ev(FS)
add('spider_steps_csv', pre(r['npv'] / r['pv_costs']), src(FS, [], 'NPV / PV(costs), 11 significant digits'))
add('sweep_discount', m0(ev(T, 'discount_rate=0')['npv']), 'hand: at 0% NPV = -10000 + 3 x 10000 = 20000')
add('sweep_discount', m0(ev(T, 'discount_rate=0.2')['npv']), 'fin_oracle.py-style: -10000 + 10000 (1/1.2 + 1/1.44 + 1/1.728) = 11064.81')
add('sweep_grid_csv', '0.3,' + pre(ev(T, 'discount_rate=0.3')['npv']), 'hand: grid point 0.1 + 2 x 0.1 shown as 0.3; NPV -10000 + 10000 (1/1.3 + 1/1.69 + 1/2.197) = 8161.1288')
add('sweep_horizon', m0(ev(MID, 'horizon_years=1')['npv']), src(MID, ['horizon_years=1'], 'NPV'))
add('sweep_line_markdown', m0(ev(T, 'Operating cost=0')['npv']), 'hand: -10000 + 15000 (1/1.1 + 1/1.21 + 1/1.331) = 27302.78')
L = A % 'lead_management'
add('sweep_two_way', m0(ev(L, 'conversion_uplift=0.2%', 'margin_per_deal=3000')['npv']), src(L, ['conversion_uplift=0.2%', 'margin_per_deal=3000'], 'NPV'))
pb = payback_months(ev(L, 'leads_per_year=4000', 'discount_rate=0.05')['net'])
add('sweep_two_way_csv', ('%.15g' % pb)[:12], src(L, ['leads_per_year=4000'], 'payback by linear interpolation of the yearly cumulative net, %.12f months' % pb))
add('sweep_two_way_json', ('%.15g' % irr([-5000, 5000, 5000, 5000]))[:10], 'fin_oracle.py mpmath irr of -5000 5000 5000 5000 (Set-up 5000, net revenue 10000 - 5000): 0.83928675521')
add('breakeven_discount_rate', '83.93%', 'fin_oracle.py mpmath irr of -10000 10000 10000 10000: the NPV break-even rate')
hz = [h for h in range(1, 6) if ev(MID, 'horizon_years=%d' % h)['npv'] >= 0][0]
add('breakeven_horizon', 'horizon_years = %d' % hz, src(MID, ['horizon_years=1..5'], 'first whole horizon with NPV >= 0'))
# IRR break-even of partner_revenue: bisection on IRR(partner_revenue) - 25%.
P = A % 'partner_channel'
lo, hi = 0.0, 60000000.0
g = lambda x: irr(ev(P, 'partner_revenue=%r' % x)['net']) - 0.25
for _ in range(80):
    mid = (lo + hi) / 2
    v = g(mid)
    if v is None: lo = mid; continue
    if v < 0: lo = mid
    else: hi = mid
add('breakeven_irr_target', pre((lo + hi) / 2, 7), src(P, ['partner_revenue=x'], 'IRR(x) = 25% by bisection, 7 significant digits'))
# Payback break-even of a once cost: payback = 30 months.
lo, hi = 0.0, 4500000.0
for _ in range(200):
    mid = (lo + hi) / 2
    p = payback_months(ev(MID, 'Implementation partner: phase 1=%r' % mid)['net'])
    if p is not None and p < 30: lo = mid
    else: hi = mid
add('breakeven_json', pre((lo + hi) / 2, 7), src(MID, ['Implementation partner: phase 1=x'], 'payback(x) = 30 months by bisection, 7 significant digits'))
r0, r1 = ev(L, 'leads_per_year=0')['npv'], ev(L)['npv']
be = 12000 * (-r0) / (r1 - r0)
add('breakeven_lead', '%.10g' % be, src(L, ['leads_per_year=0'], 'NPV is linear in leads: 12000 x -NPV(0) / (NPV(12000) - NPV(0))'))
add('batch_breakeven', pre(be, 10), src(L, ['leads_per_year=0'], 'the same break-even, 10 significant digits'))
add('breakeven_none', '7,408 at 12000, 77,040 at 40000', 'hand: NPV = 14868.52 + (R - 15000) x 2.486852 (3-year annuity factor at 10%)')
add('batch_dir', pre(ev(T)['npv']), 'fin_oracle.py mpmath npv of -10000 10000 10000 10000 at 0.1: 14868.519909842')
add('batch_jsonl', pre(ev(T)['npv']), 'fin_oracle.py mpmath npv of -10000 10000 10000 10000 at 0.1: 14868.519909842')
add('batch_tornado', pre(ev(T, 'Revenue=13500')['npv']), src(T, ['Revenue=13500'], 'NPV with Revenue 10% lower'))
add('batch_output_file', 'line:9', 'hand: 8 scenario files in scenarios/deployment, plus the header row')
add('output_whole_or_nothing', 'exit 3', 'crmroi(1) EXIT STATUS: 3 when a file cannot be written')
add('stdout_full', 'exit 3', 'crmroi(1) EXIT STATUS: 3 when standard output cannot be written')
add('sens_output_file', '0,20000', 'hand: at 0% NPV = -10000 + 3 x 10000 = 20000')
add('simulate_no_uncertainty', m0(ev(T)['npv']), 'fin_oracle.py mpmath npv of -10000 10000 10000 10000 at 0.1: every draw is the base case')
add('simulate_samples', pre(ev(R, 'leads=5002.0766907463467', 'conversion_uplift=0.012110597746295654', 'margin=2648.5849258296394', 'adoption=0.61275315237150074', 'Set-up=166678.32970010588', 'Integration overrun.probability=0')['npv']),
    src(R, ['the inputs of draw 1 as printed', 'Integration overrun.probability=0'], 'NPV of draw 1'))
for c, fig, why in [('simulate_text', '36-month horizon', 'hand: horizon_years 3 x 12'),
                    ('simulate_csv', 'run,draws,count,5000', 'hand: -n 5000'),
                    ('simulate_json', '"draws": 5000', 'hand: -n 5000'),
                    ('simulate_markdown', '(640 model evaluations)', 'hand: Saltelli sampling, 128 points x (3 inputs + 2)'),
                    ('simulate_precision', 'within 2% of the mean', 'hand: --precision 2%'),
                    ('batch_simulate', ',npv,2000,', 'hand: -n 2000')]:
    add(c, fig, why)
add('run_after_tax', '-71.98', 'fin_oracle.py mpmath npv of -5000 1300 x 5 at 0.1 (after tax: 1500 - 40% x (1500 - 1000)): -71.9772')
add('run_after_tax', '9.43%', 'fin_oracle.py mpmath irr of -5000 1300 x 5: 0.0943489')
add('run_after_tax_json', '-71.977199769', 'fin_oracle.py mpmath npv of -5000 1300 x 5 at 0.1: -71.97719976901727')
add('sweep_tax_rate', '-262', 'hand: at 50% tax, -5000 + (1500 - 0.5 x 500) x 3.790787 = -261.52')
add('breakeven_huge_value', 'exit 1', 'crmroi(1) EXIT STATUS: 1 for a data problem (an input of 1e308)')
add('breakeven_interval_domain', 'exit 2', 'crmroi(1) EXIT STATUS: 2 for an interval outside the domain')
add('breakeven_jump', 'Base NPV: 1,100.', 'hand: 3 years x 100 x round(7.3) - 1000 at 0%')
add('breakeven_tei_horizon', 'horizon_years = 2', 'hand: over 2 years -10000 + 9090.91 + 8264.46 = 7355.37 >= 0, over 1 year -909.09')
add('tornado_pct_one', '-373', 'hand: Revenue -1% = -150 a year x 2.486852 (3-year annuity factor at 10%)')
add('run_dated', '2086.6476020315', 'Microsoft XNPV example; fin_oracle.py xnpv 2086.6476020315366')
add('run_cfo_after_tax_json', '"tax_beyond_horizon": 114590', 'hand: 25% x (525000 - 66640) of Year 5, paid after the horizon (lag 1)')
add('run_cfo_dated', '343969.6911534', 'fin_oracle.py xnpv of the flows by date at 8%: 343969.69115340677')
add('run_payback_lost', '-113899.3238', 'fin_oracle.py mpmath npv of -100000 150000 0 -200000 at 0.1: -113899.3238')
add('run_payback_lost', 'month 8.0, then falls below zero', 'fin_oracle.py mpmath payback 0.6667 years, payback_final NONE')
# Readiness: benefits x factor, factor = floor + (1 - floor) x score / 1000 (crmroi-scenario(5)).
r = ev(MID)
f = 0.5 + 0.5 * 640 / 1000
add('run_readiness', m2(f * r['pv_benefits'] - r['pv_costs']), src(MID, [], '%.2f x PV(benefits) - PV(costs), factor 0.5 + 0.5 x 640/1000' % f))
add('run_readiness_csv', pre(f * r['pv_benefits'] - r['pv_costs']), src(MID, [], 'the same NPV, 11 significant digits'))
add('run_readiness_json', pre(f * r['pv_benefits'] - r['pv_costs']), src(MID, [], 'the same NPV, 11 significant digits'))
add('breakeven_readiness', '%.10g' % ((r['pv_costs'] / r['pv_benefits'] - 0.5) / 0.5 * 1000), src(MID, [], 'score where 0.5 + 0.5 x score/1000 = PV(costs)/PV(benefits)'))
add('sweep_readiness_floor', m0(0.64 * r['pv_benefits'] - r['pv_costs']), src(MID, [], 'floor 0: 0.64 x PV(benefits) - PV(costs)'))
add('simulate_readiness', 'benefits x 0.82', 'hand: 0.5 + 0.5 x 640/1000')
add('run_err_readiness_bad_answer', 'bad_maybe.csv:3:3:', 'hand: the answer maybe is on line 3, column 3 of tests/cli/data/assess/bad_maybe.csv')
add('run_long_label', '{:,.2f}'.format(-1e50), 'Python: the double nearest 1e50 with thousands separators, as the peak investment (the 1e50 cost at month 0)')
add('run_long_label', 'line:  Very long label Very long label', 'hand: the end of the 319-character label (20 x "Very long label"), wrapped at 100 columns: 6 + 6 + 6 + 2 words')
U = 'tests/cli/data/units_shown.csv'
for f in ['text', 'markdown']:
    add('run_units_' + f, m2(ev(U)['npv']), src(U, [], 'NPV'))
for f in ['csv', 'json']:
    add('run_units_' + f, pre(ev(U)['npv']), src(U, [], 'NPV, 11 significant digits'))
add('run_units_text', 'adoption     80%    percent', 'hand: the input as written, with its unit')
add('run_three_files_csv', 'tests/cli/data/monthly.csv,metric,npv,,' + pre(ev(MO)['npv']), src(MO, [], 'NPV, 11 significant digits, in the scenario column of the monthly file'))
add('sweep_not_reached_csv', '5000,,not reached,', 'hand: Revenue 5000 less operating cost 5000 leaves nothing to pay back the set-up')
add('sweep_not_reached_csv', pre(ev(T, 'Revenue=10000')['npv']), 'hand: -10000 + 5000 x 2.486852 (3-year annuity factor at 10%) = 2434.26')
add('run_terminal_width', 'scenarios/midsize_business_case.csv: every line fits 60 columns', 'hand: the pseudo-terminal is set to 60 columns (stty cols 60)')
for c, f, s in rows:
    print('%s\t%s\t%s' % (c, f.replace('\n', '\\n'), s))
