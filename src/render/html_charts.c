/*
 * html_charts.c - every chart of the business-case document: cumulative net
 * cash flow and payback, costs and benefits by year, stacked areas or
 * categories, the tornado, the distribution and S-curve of NPV, and plan
 * against actuals. Each maps the case's figures to the calls of the plotting
 * module (chart.c); the axes, ticks and SVG are chart.c's.
 *
 * Not the sections that place the charts (html_*.c), and no metric: a chart
 * only scales, stacks and sums what it is given for its bars and axes.
 */
#include "html_priv.h"
#include "chart.h"
#include "explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Width of every chart in SVG units: the printed text width at 96 dpi. */
#define CHART_W 680

/* Column labels of the year view (Initial, Year 1..n). */
static const char **col_labels(const report *r, char (*store)[32])
{
	const char **lab = malloc((size_t)r->ncols * sizeof *lab);

	if (!lab)
		return NULL;
	for (int c = 0; c < r->ncols; c++) {
		report_col_label(r, c, store[c], sizeof store[c]);
		lab[c] = store[c];
	}
	return lab;
}

/* Cumulative net cash flow of one or more cases on one chart, month on x. */
void html_chart_cumulative(FILE *fp, const html_doc *d, int all_cases, const char *title)
{
	const html_case *p = &d->cases[0];
	double lo = 0, hi = 0;
	int months = 0;
	size_t ncase = all_cases ? d->ncases : 1;
	/* Risk-adjusted, and unadjusted for one case when some line carries a risk. */
	int nvar = all_cases || html_no_risk(p->r.c) ? 1 : 2;
	chart c;
	char leg[200], b[64];

	for (size_t k = 0; k < ncase; k++) {
		const html_case *hc = &d->cases[k];
		const crm_cashflow *cfs[2] = { hc->r.c->cf, hc->r.c->unadjusted_cf };
		for (int u = 0; u < nvar; u++)
			for (int q = 0; q <= cfs[u]->nperiods; q++) {
				lo = fmin(lo, cfs[u]->cumulative[q]);
				hi = fmax(hi, cfs[u]->cumulative[q]);
			}
		int mo = hc->r.c->cf->nperiods * hc->r.c->cf->months_per_period;
		if (mo > months)
			months = mo;
	}
	double step = months <= 24 ? 6 : months <= 120 ? 12 : months <= 240 ? 24 : 60;
	char ylab[64];
	snprintf(ylab, sizeof ylab, "Cumulative net cash flow (%s)", html_currency(p));
	chart_begin(&c, fp, CHART_W, 270, title,
		    "Running total of benefits minus costs from the investment date; the curve "
		    "crosses zero at the payback point.");
	chart_value_axis_step(&c, 'x', 0, months, step, CHART_PLAIN,
			      "Months from the investment date (month 0 = Initial)");
	chart_value_axis(&c, 'y', lo, hi, 6, CHART_AMOUNT, ylab);
	/* Series k (and u): the legend first, then the curves, the risk-adjusted one on top. */
	for (size_t k = 0; k < ncase; k++)
		for (int u = 0; u < nvar; u++) {
			const html_case *hc = &d->cases[k];
			const crm_metrics *m = u ? &hc->r.c->unadjusted : &hc->r.c->m;
			int style = all_cases ? (int)(k < CHART_GREY ? k : k + 1) : u ? CHART_GREY
										  : CHART_BLUE;
			if (all_cases)
				html_short_name(leg, sizeof leg, hc);
			else if (m->payback.status == CRM_PAYBACK_REACHED) {
				char pb[64];
				if (html_payback_year1(hc->r.sc, m->payback.months))
					snprintf(pb, sizeof pb, "year 1");
				else
					snprintf(pb, sizeof pb, "month %d",
						 (int)ceil(m->payback.months - 1e-9));
				snprintf(leg, sizeof leg, "%s (payback in %s)",
					 u ? "Before risk" : nvar == 1 ? "Cumulative net cash flow" :
					 "Risk-adjusted", pb);
			}
			else
				snprintf(leg, sizeof leg, "%s (no payback within the horizon)",
					 u ? "Before risk" : nvar == 1 ? "Cumulative net cash flow" :
					 "Risk-adjusted");
			chart_legend(&c, leg, style, u ? 2 : 1);
		}
	chart_frame(&c);
	for (size_t k = 0; k < ncase; k++)
		for (int u = nvar - 1; u >= 0; u--) {
			const html_case *hc = &d->cases[k];
			const crm_cashflow *cf = u ? hc->r.c->unadjusted_cf : hc->r.c->cf;
			const crm_metrics *m = u ? &hc->r.c->unadjusted : &hc->r.c->m;
			int style = all_cases ? (int)(k < CHART_GREY ? k : k + 1) : u ? CHART_GREY
										  : CHART_BLUE;
			size_t n = (size_t)cf->nperiods + 1;
			double *x = malloc(n * sizeof *x);
			if (!x)
				continue;
			for (size_t q = 0; q < n; q++)
				x[q] = (double)q * cf->months_per_period;
			chart_line(&c, n, x, cf->cumulative, style, u, 0);
			free(x);
			if (m->payback.status == CRM_PAYBACK_REACHED &&
			    !html_payback_year1(hc->r.sc, m->payback.months)) {
				snprintf(b, sizeof b, "Payback in month %d",
					 (int)ceil(m->payback.months - 1e-9));
				chart_marker(&c, m->payback.months, 0, style,
					     all_cases || u ? NULL : b, CHART_SE);
			}
		}
	chart_end(&c);
}

/* Costs (below 0) and benefits (above 0) by year, with the net line. */
void html_chart_years(FILE *fp, const html_case *hc)
{
	const report *r = &hc->r;
	int n = r->ncols;
	double *cost = calloc((size_t)n, sizeof *cost), *ben = calloc((size_t)n, sizeof *ben);
	double *net = calloc((size_t)n, sizeof *net), *x = calloc((size_t)n, sizeof *x);
	char (*store)[32] = calloc((size_t)n, sizeof *store);
	const char **lab = store ? col_labels(r, store) : NULL;
	char ylab[64];
	chart c;

	if (!cost || !ben || !net || !x || !lab)
		goto done;
	report_fold(r, r->c->cf->costs, cost);
	report_fold(r, r->c->cf->benefits, ben);
	report_fold(r, r->c->cf->net, net);
	double lo = 0, hi = 0;
	for (int i = 0; i < n; i++) {
		x[i] = i;
		lo = fmin(lo, fmin(-cost[i], net[i]));
		hi = fmax(hi, fmax(ben[i], net[i]));
	}
	snprintf(ylab, sizeof ylab, "%s, risk-adjusted", html_currency(hc));
	chart_begin(&c, fp, CHART_W, 260, "Costs and benefits by year, with the net cash flow",
		    "Benefits above zero, costs below zero, and the net cash flow of each year.");
	chart_category_axis(&c, 'x', (size_t)n, lab, NULL);
	chart_value_axis(&c, 'y', lo, hi, 6, CHART_AMOUNT, ylab);
	chart_legend(&c, "Benefits", CHART_BLUE, 0);
	chart_legend(&c, "Costs", CHART_RED, 0);
	chart_legend(&c, "Net cash flow", CHART_DARK, 1);
	chart_frame(&c);
	for (int i = 0; i < n; i++) {
		char tip[160], a[64], b[64];
		html_money0(a, sizeof a, ben[i]);
		html_money0(b, sizeof b, cost[i]);
		snprintf(tip, sizeof tip, "%s: benefits %s, costs %s", lab[i], a, b);
		if (ben[i] != 0)
			chart_bar(&c, (size_t)i, 0, 1, 0, ben[i], CHART_BLUE, tip);
		if (cost[i] != 0)
			chart_bar(&c, (size_t)i, 0, 1, 0, -cost[i], CHART_RED, tip);
	}
	chart_line(&c, (size_t)n, x, net, CHART_DARK, 0, 1);
	chart_end(&c);
done:
	free(cost);
	free(ben);
	free(net);
	free(x);
	free(store);
	free(lab);
}

/* Stacked bars by year of the benefit areas or cost categories. */
void html_chart_stacked(FILE *fp, const html_case *hc, crm_line_kind kind)
{
	const report *r = &hc->r;
	const crm_scenario *sc = r->sc;
	int n = r->ncols;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);
	double *v = calloc((sc->nlines + 1) * (size_t)n, sizeof *v);
	double *top = calloc((size_t)n, sizeof *top), *col = calloc((size_t)n, sizeof *col);
	char (*store)[32] = calloc((size_t)n, sizeof *store);
	const char **lab = store ? col_labels(r, store) : NULL;
	char ylab[64], name[128];
	chart c;

	if (!areas || !v || !top || !col || !lab)
		goto done;
	size_t na = report_areas(r, kind, 0, areas);
	/* One area alone stacks nothing: its line's table shows the same amounts. */
	if (na < 2)
		goto done;
	for (size_t a = 0; a < na; a++)
		for (size_t l = 0; l < sc->nlines; l++) {
			if (sc->lines[l].kind != kind || strcmp(sc->lines[l].area, areas[a]))
				continue;
			report_fold_line(r, r->c->cf, l, col);
			for (int i = 0; i < n; i++)
				v[a * (size_t)n + (size_t)i] += col[i];
		}
	double lo = 0, hi = 0;
	for (int i = 0; i < n; i++) {
		double pos = 0, neg = 0;
		for (size_t a = 0; a < na; a++) {
			double x = v[a * (size_t)n + (size_t)i];
			if (x > 0)
				pos += x;
			else
				neg += x;
		}
		hi = fmax(hi, pos);
		lo = fmin(lo, neg);
	}
	snprintf(ylab, sizeof ylab, "%s, risk-adjusted", html_currency(hc));
	chart_begin(&c, fp, CHART_W, 250,
		    kind == CRM_BENEFIT ? "Benefits by area and year" : "Costs by category and year",
		    kind == CRM_BENEFIT ? "Stacked bars: each area's risk-adjusted benefit by year."
					: "Stacked bars: each category's risk-adjusted cost by year.");
	chart_category_axis(&c, 'x', (size_t)n, lab, NULL);
	chart_value_axis(&c, 'y', lo, hi, 6, CHART_AMOUNT, ylab);
	for (size_t a = 0; a < na; a++) {
		html_area_name(name, sizeof name, areas[a]);
		chart_legend(&c, name, (int)(a % CHART_NCOLOURS), 0);
	}
	chart_frame(&c);
	for (int i = 0; i < n; i++) {
		double pos = 0, neg = 0;
		for (size_t a = 0; a < na; a++) {
			double x = v[a * (size_t)n + (size_t)i];
			char tip[200], b[64];
			if (x == 0)
				continue;
			html_area_name(name, sizeof name, areas[a]);
			html_money0(b, sizeof b, x);
			snprintf(tip, sizeof tip, "%s, %s: %s", name, lab[i], b);
			int style = (int)(a % CHART_NCOLOURS);
			if (x > 0) {
				chart_bar(&c, (size_t)i, 0, 1, pos, pos + x, style, tip);
				pos += x;
			} else {
				chart_bar(&c, (size_t)i, 0, 1, neg, neg + x, style, tip);
				neg += x;
			}
		}
	}
	chart_end(&c);
done:
	free(areas);
	free(v);
	free(top);
	free(col);
	free(store);
	free(lab);
}

void html_chart_tornado(FILE *fp, const html_case *hc)
{
	size_t n = hc->ntornado < HTML_TORNADO_ROWS ? hc->ntornado : HTML_TORNADO_ROWS;
	const char **lab = malloc((n + 1) * sizeof *lab);
	char (*store)[128] = calloc(n + 1, sizeof *store);
	double lo = hc->tornado_base.v, hi = hc->tornado_base.v;
	char xl[64], b[64], tip[400];
	chart c;

	if (!lab || !store) {
		free(lab);
		free(store);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const crm_tornado_row *t = &hc->tornado[i];
		html_param_label(store[i], sizeof store[i], hc->r.sc, &t->param);
		lab[i] = store[i];
		if (t->at_low.ok) {
			lo = fmin(lo, t->at_low.v);
			hi = fmax(hi, t->at_low.v);
		}
		if (t->at_high.ok) {
			lo = fmin(lo, t->at_high.v);
			hi = fmax(hi, t->at_high.v);
		}
	}
	snprintf(xl, sizeof xl, "NPV (%s%s)", html_currency(hc), hc->r.c->has_tax ? ", before tax"
		 : "");
	chart_begin(&c, fp, CHART_W, 70 + 22 * (double)n, hc->r.c->has_tax ? "Tornado: NPV before "
		    "tax as each input moves across its range" : "Tornado: NPV as each input moves "
		    "across its range", "Each bar shows NPV with one input at its low and at its "
		    "high value, every other input at its base value.");
	chart_category_axis(&c, 'y', n, lab, NULL);
	chart_value_axis(&c, 'x', lo, hi, 6, CHART_AMOUNT, xl);
	chart_legend(&c, "Input at its low value", CHART_RED, 0);
	chart_legend(&c, "Input at its high value", CHART_BLUE, 0);
	chart_frame(&c);
	for (size_t i = 0; i < n; i++) {
		const crm_tornado_row *t = &hc->tornado[i];
		char l1[64], h1[64];
		html_param_value(l1, sizeof l1, hc->r.sc, &t->param, t->low);
		html_param_value(h1, sizeof h1, hc->r.sc, &t->param, t->high);
		if (t->at_low.ok) {
			fmt_money(b, sizeof b, t->at_low.v, 0);
			snprintf(tip, sizeof tip, "%s at %s: NPV %s", lab[i], l1, b);
			chart_bar(&c, i, 0, 1, hc->tornado_base.v, t->at_low.v, CHART_RED, tip);
		}
		if (t->at_high.ok) {
			fmt_money(b, sizeof b, t->at_high.v, 0);
			snprintf(tip, sizeof tip, "%s at %s: NPV %s", lab[i], h1, b);
			chart_bar(&c, i, 0, 1, hc->tornado_base.v, t->at_high.v, CHART_BLUE, tip);
		}
	}
	html_short_money(b, sizeof b, html_currency(hc), hc->tornado_base.v);
	char base[96];
	snprintf(base, sizeof base, "Base %s", b);
	chart_vline(&c, hc->tornado_base.v, CHART_DARK, base);
	chart_end(&c);
	free(lab);
	free(store);
}

void html_chart_histogram(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	const crm_sim_metric *s = &hc->sim.metric[CRM_SIM_NPV];
	size_t n = s->nbins;
	double *share = calloc(n + 1, sizeof *share), top = 0;
	char xl[64], b[64], lab[96];
	chart c;

	if (!share || !n) {
		free(share);
		return;
	}
	for (size_t k = 0; k < n; k++) {
		share[k] = s->defined ? (double)s->bin_count[k] / (double)s->defined : 0;
		top = fmax(top, share[k]);
	}
	snprintf(xl, sizeof xl, "NPV (%s%s)", html_currency(hc), hc->r.c->has_tax ? ", before tax"
		 : "");
	chart_begin(&c, fp, CHART_W, 250, hc->r.c->has_tax ? "Distribution of NPV before tax over "
		    "the simulation" : "Distribution of NPV over the simulation",
		    "Histogram of NPV across the draws; the part below zero is shaded as the loss "
		    "area; P10, P50 and P90 are marked.");
	chart_value_axis(&c, 'x', fmin(s->bin_lo[0], 0 > s->bin_lo[0] ? 0 : s->bin_lo[0]),
			 s->bin_hi[n - 1], 7, CHART_AMOUNT, xl);
	chart_value_axis(&c, 'y', 0, top, 5, CHART_PERCENT, "Share of draws");
	chart_legend(&c, "NPV of the draws", CHART_BLUE, 0);
	chart_legend(&c, "NPV below zero (loss)", CHART_RED, 0);
	chart_frame(&c);
	chart_histogram(&c, n, s->bin_lo, s->bin_hi, share, CHART_BLUE, 0, CHART_RED);
	static const struct { const char *name; int idx; } q[] = { { "P10", 1 }, { "P50", 3 },
								   { "P90", 5 } };
	for (size_t i = 0; i < 3; i++) {
		html_short_money(b, sizeof b, "", s->pct[q[i].idx]);
		snprintf(lab, sizeof lab, "%s%s", q[i].name, b);
		chart_vline(&c, s->pct[q[i].idx], CHART_DARK, q[i].name);
	}
	chart_end(&c);
	free(share);
}

void html_chart_scurve(FILE *fp, const html_case *hc)
{
	const crm_sim_metric *s = &hc->sim.metric[CRM_SIM_NPV];
	size_t n = s->nbins;
	double *x = calloc(n + 1, sizeof *x), *y = calloc(n + 1, sizeof *y);
	char xl[64];
	chart c;

	if (!x || !y || !n)
		goto done;
	uint64_t cum = 0;
	x[0] = s->bin_lo[0];
	for (size_t k = 0; k < n; k++) {
		cum += s->bin_count[k];
		x[k + 1] = s->bin_hi[k];
		y[k + 1] = s->defined ? (double)cum / (double)s->defined : 0;
	}
	snprintf(xl, sizeof xl, "NPV (%s%s)", html_currency(hc), hc->r.c->has_tax ? ", before tax"
		 : "");
	chart_begin(&c, fp, CHART_W, 240, hc->r.c->has_tax ? "Cumulative probability of NPV before "
		    "tax (S-curve)" : "Cumulative probability of NPV (S-curve)",
		    "The probability that NPV is at or below each value.");
	chart_value_axis(&c, 'x', x[0], x[n], 7, CHART_AMOUNT, xl);
	chart_value_axis_step(&c, 'y', 0, 1, 0.25, CHART_PERCENT, "Probability NPV is at or below");
	chart_frame(&c);
	chart_line(&c, n + 1, x, y, CHART_BLUE, 0, 0);
	static const struct { const char *name; int idx; double p; } q[] = {
		{ "P10", 1, 0.1 }, { "P50", 3, 0.5 }, { "P90", 5, 0.9 } };
	for (size_t i = 0; i < 3; i++)
		chart_marker(&c, s->pct[q[i].idx], q[i].p, CHART_DARK, q[i].name, CHART_NW);
	if (x[0] < 0 && x[n] > 0)
		chart_vline(&c, 0, CHART_RED, "NPV = 0");
	chart_end(&c);
done:
	free(x);
	free(y);
}

/*
 * The cumulative net cash flow of the plan over the horizon, the actuals to
 * date (`last`, as the section names it) and both re-forecasts after them.
 */
void html_chart_realisation(FILE *fp, const html_case *hc, const crm_track *t, const char *last)
{
	size_t n = (size_t)t->months + 1, na = (size_t)t->last + 1;
	double *x = malloc(n * sizeof *x), *cp = malloc(n * sizeof *cp);
	double *cr = malloc(n * sizeof *cr), *ct = malloc(n * sizeof *ct);
	char ylab[80], leg[120];
	chart c;

	if (x && cp && cr && ct) {
		double lo = 0, hi = 0, sp = 0, sr = 0, st = 0;
		for (size_t m = 0; m < n; m++) {
			x[m] = (double)m;
			cp[m] = sp += t->plan_flow[m];
			cr[m] = sr += t->reforecast_plan_flow[m];
			ct[m] = st += t->reforecast_trend_flow[m];
			lo = fmin(lo, fmin(cp[m], fmin(cr[m], ct[m])));
			hi = fmax(hi, fmax(cp[m], fmax(cr[m], ct[m])));
		}
		snprintf(ylab, sizeof ylab, "Cumulative net cash flow (%s)", html_currency(hc));
		chart_begin(&c, fp, CHART_W, 240, "Plan, actuals and re-forecast",
			    "Running total of benefits minus costs: the approved plan, the actuals "
			    "to date, and the two re-forecasts from the last month with actuals.");
		chart_value_axis_step(&c, 'x', 0, (double)t->months,
				      t->months <= 24 ? 6 : t->months <= 120 ? 12 : 24, CHART_PLAIN,
				      "Months from the investment date (month 0 = Initial)");
		chart_value_axis(&c, 'y', lo, hi, 6, CHART_AMOUNT, ylab);
		chart_legend(&c, "Approved plan", CHART_GREY, 2);
		snprintf(leg, sizeof leg, "Actual to %s", last);
		chart_legend(&c, leg, CHART_BLUE, 1);
		chart_legend(&c, "Re-forecast: plan", CHART_TEAL, 2);
		chart_legend(&c, "Re-forecast: trend", CHART_RED, 2);
		chart_frame(&c);
		chart_line(&c, n, x, cp, CHART_GREY, 1, 0);
		chart_line(&c, n - na + 1, x + na - 1, cr + na - 1, CHART_TEAL, 1, 0);
		chart_line(&c, n - na + 1, x + na - 1, ct + na - 1, CHART_RED, 1, 0);
		chart_line(&c, na, x, cr, CHART_BLUE, 0, 1);
		chart_end(&c);
	}
	free(x);
	free(cp);
	free(cr);
	free(ct);
}

/*
 * The timeline: each phase as a bar over its months, each benefit shown one
 * by one (html_lines_shown) from its go-live through its ramp-up to full
 * effect, and each gate's month. Month m spans m - 1 to m on the axis.
 */
void html_chart_timeline(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	int months = 12 * sc->settings.horizon_years;
	size_t n = 0, np = sc->nphases, nben;
	const char **lab = malloc((np + sc->nlines + 1) * sizeof *lab);
	char (*store)[128] = calloc(np + 1, sizeof *store);
	char *shown = malloc(sc->nlines + 1);
	char desc[400];
	chart c;

	if (!lab || !store || !shown)
		goto done;
	nben = html_lines_shown(hc, CRM_BENEFIT, shown);
	for (size_t p = 0; p < np; p++) {
		char name[120];
		explain_name(sc->phases[p].name, name, sizeof name);
		snprintf(store[p], sizeof store[p], "Phase: %s", name);
		lab[n++] = store[p];
	}
	for (size_t l = 0; l < sc->nlines; l++)
		if (shown[l])
			lab[n++] = sc->lines[l].label;
	if (n == 0)
		goto done;
	if (nben > HTML_LINES_SHOWN)
		snprintf(desc, sizeof desc, "Each phase over its months; each of the %d benefits with "
			 "the largest present value (of %zu) from its go-live, through its ramp-up, to "
			 "full effect; vertical lines mark a go-live input and the gates.",
			 HTML_LINES_SHOWN, nben);
	else
		snprintf(desc, sizeof desc, "Each phase over its months; each benefit from its "
			 "go-live, through its ramp-up, to full effect; vertical lines mark a go-live "
			 "input and the gates.");
	chart_begin(&c, fp, CHART_W, 80 + 16 * (double)n, np ? "Timeline: phases, go-lives and "
		    "full effect" : "Timeline: go-lives and full effect (the scenario names no phases)",
		    desc);
	chart_category_axis(&c, 'y', n, lab, NULL);
	chart_value_axis_step(&c, 'x', 0, months, months <= 24 ? 3 : months <= 72 ? 6 : 12,
			      CHART_PLAIN, "Months from the investment date");
	if (np)
		chart_legend(&c, "Phase", CHART_GREY, 0);
	chart_legend(&c, "Ramp-up", CHART_GOLD, 0);
	chart_legend(&c, "Full effect", CHART_BLUE, 0);
	chart_frame(&c);
	size_t i = 0;
	for (size_t p = 0; p < np; p++, i++)
		chart_bar(&c, i, 0, 1, sc->phases[p].start > 0 ? sc->phases[p].start - 1 : 0,
			  sc->phases[p].end, CHART_GREY, lab[i]);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (!shown[l])
			continue;
		double s0 = ln->start > 0 ? ln->start - 1 : 0;
		double full = s0 + ln->ramp, end = ln->timing == CRM_ONCE ? s0 + 1 : ln->end;
		if (full > end)
			full = end;
		if (ln->ramp)
			chart_bar(&c, i, 0, 1, s0, full, CHART_GOLD, ln->label);
		if (end > full)
			chart_bar(&c, i, 0, 1, full, end, CHART_BLUE, ln->label);
		i++;
	}
	/* A go-live input (one the lines' start months follow): its month. */
	for (size_t k = 0; k < sc->ninputs; k++) {
		const crm_input *in = &sc->inputs[k];
		char name[120], vl[160];
		if (!(in->timing & (1 << CRM_TIMING_START)) ||
		    crm_expr_kind(in->value) != CRM_VALUE_NUMBER)
			continue;
		double m = crm_expr_number(in->value);
		html_input_label(name, sizeof name, sc, k);
		snprintf(vl, sizeof vl, "%s: month %.0f", name, m);
		chart_vline(&c, m > 0 ? m - 1 : 0, CHART_DARK, vl);
	}
	for (size_t g = 0; g < sc->ngroups; g++)
		if (sc->groups[g].probability < 1) {
			char name[120], vl[160];
			explain_name(sc->groups[g].name, name, sizeof name);
			snprintf(vl, sizeof vl, "Gate: %s", name);
			chart_vline(&c, sc->groups[g].first_month > 0 ? sc->groups[g].first_month - 1 : 0,
				    CHART_RED, vl);
		}
	chart_end(&c);
done:
	free(lab);
	free(store);
	free(shown);
}
