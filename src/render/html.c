/*
 * html.c - the business-case document for a CEO, a CFO and a steering board.
 *
 * One self-contained HTML file: the style sheet is inline, charts are inline
 * SVG drawn by chart.c, there is no script and no reference to anything
 * outside the file. Print CSS sets the paper size, page breaks between
 * sections and page numbers, so any browser prints it as the PDF the board
 * reads. The same inputs give the same bytes.
 *
 * The document is the table `sections` below: each entry is a function that
 * writes one <section> (or nothing, when it does not apply). A new section is
 * one function and one entry. Numbers come from the structs the core
 * returned; nothing here computes a metric.
 */
#include "html.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "rtable.h"

/* Width of every chart in SVG units: the printed text width at 96 dpi. */
#define CHART_W 680

/* --------------------------------------------------------------- helpers */

static void text(FILE *fp, const char *s)
{
	xml_text(fp, s);
}

/* <tag class="cls">escaped text</tag> */
static void elem(FILE *fp, const char *tag, const char *cls, const char *s)
{
	if (cls)
		fprintf(fp, "<%s class=\"%s\">", tag, cls);
	else
		fprintf(fp, "<%s>", tag);
	text(fp, s);
	fprintf(fp, "</%s>\n", tag);
}

static void section_open(FILE *fp, const char *id, const char *title)
{
	fprintf(fp, "<section id=\"%s\">\n", id);
	elem(fp, "h2", NULL, title);
}

static const char *currency(const html_case *c)
{
	return c->r.sc->settings.currency;
}

static const char *case_title(const html_case *c)
{
	const char *t = c->r.sc->settings.title;
	return t[0] ? t : c->r.sc->file;
}

/* An amount for a sentence: "USD 2.72 million", "USD 472,500". */
static void short_money(char *buf, size_t len, const char *cur, double v)
{
	char n[64];

	if (fabs(v) >= 1e6)
		snprintf(n, sizeof n, "%.2f million", v / 1e6);
	else
		fmt_money(n, sizeof n, v, 0);
	snprintf(buf, len, "%s %s", cur, n);
}

static void money0(char *buf, size_t len, double v)
{
	fmt_money(buf, len, v, 0);
}

/* An area or category name for people: "lead_management" -> "Lead management". */
static void area_name(char *buf, size_t len, const char *a)
{
	if (!a || !a[0]) {
		snprintf(buf, len, "Other");
		return;
	}
	snprintf(buf, len, "%s", a);
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* An input is written as a percentage when its value or unit says so. */
static int param_is_percent(const crm_scenario *sc, const crm_param *p)
{
	if (p->unit == CRM_UNIT_RATE)
		return 1;
	if (p->kind != CRM_PARAM_INPUT)
		return 0;
	const crm_input *in = &sc->inputs[p->index];
	return strchr(in->value_text, '%') != NULL || !strcmp(in->unit, "percent");
}

static void param_value(char *buf, size_t len, const crm_scenario *sc, const crm_param *p,
			double v)
{
	if (param_is_percent(sc, p))
		fmt_percent(buf, len, v);
	else if (p->unit == CRM_UNIT_MONEY || fabs(v) >= 1000)
		fmt_money(buf, len, v, 0);
	else
		snprintf(buf, len, "%.3g", v);
}

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

/* ----------------------------------------------------------------- tables */

/* The header row of a period table: label column, Initial, Year 1..n, Total, PV. */
static void period_head(FILE *fp, const report *r, const char *first)
{
	char lab[32];

	fputs("<thead><tr><th>", fp);
	text(fp, first);
	fputs("</th>", fp);
	for (int c = 0; c < r->ncols; c++) {
		report_col_label(r, c, lab, sizeof lab);
		fprintf(fp, "<th class=\"n\">%s</th>", lab);
	}
	fputs("<th class=\"n\">Total</th><th class=\"n\">Present value</th></tr></thead>\n", fp);
}

/* A row of amounts by column, with total and present value (has_pv 0: blank). */
static void period_row(FILE *fp, const report *r, const char *cls, const char *label,
		       const double *cols, double total, int has_pv, double pv)
{
	char b[64];

	fprintf(fp, "<tr%s%s%s><th>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	text(fp, label);
	fputs("</th>", fp);
	for (int c = 0; c < r->ncols; c++) {
		money0(b, sizeof b, cols[c]);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	}
	money0(b, sizeof b, total);
	fprintf(fp, "<td class=\"n\">%s</td>", b);
	if (has_pv) {
		money0(b, sizeof b, pv);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	} else {
		fputs("<td></td>", fp);
	}
	fputs("</tr>\n", fp);
}

/*
 * A benefit with an adoption column: its amount before the share of adoption
 * (scaled by `scale`, 1 / (1 - risk) for amounts that are risk-adjusted), and
 * what the share takes off, so that the rows add up to the unadjusted amount
 * `un` (present value `upv`) shown next.
 */
static void adoption_rows(FILE *fp, const report *r, const crm_cashflow *cf, size_t l,
			  double scale, const double *un, double upv)
{
	const crm_line *ln = &r->sc->lines[l];
	int n = r->ncols;
	double *bef = calloc((size_t)n, sizeof *bef), *dif = calloc((size_t)n, sizeof *dif);
	const char *name = r->sc->inputs[ln->adoption].name;
	char *b = malloc(strlen(name) + 64);

	if (bef && dif && b && cf->before_adoption) {
		crm_cashflow view = *cf;
		view.amount = cf->before_adoption;
		report_fold(r, cf->before_adoption + l * (size_t)(cf->nperiods + 1), bef);
		for (int c = 0; c < n; c++) {
			bef[c] *= scale;
			dif[c] = un[c] - bef[c];
		}
		double pv = crm_cashflow_line_pv(&view, l) * scale, tb = report_col_total(r, bef);
		period_row(fp, r, NULL, "Before adoption", bef, tb, 1, pv);
		snprintf(b, strlen(name) + 64, "Adoption (share of users: input %s)", name);
		period_row(fp, r, NULL, b, dif, report_col_total(r, un) - tb, 1, upv - pv);
	}
	free(bef);
	free(dif);
	free(b);
}

static void table_open(FILE *fp, const report *r, const char *caption)
{
	fprintf(fp, "<table class=\"num%s\">\n", r->ncols > 8 ? " wide" : "");
	if (caption) {
		fputs("<caption>", fp);
		text(fp, caption);
		fputs("</caption>\n", fp);
	}
}

/* --------------------------------------------------------------- charts */

static void short_name(char *buf, size_t len, const html_case *c);

/* Cumulative net cash flow of one or more cases on one chart, month on x. */
static void chart_cumulative(FILE *fp, const html_doc *d, int all_cases, const char *title)
{
	const html_case *p = &d->cases[0];
	double lo = 0, hi = 0;
	int months = 0;
	size_t ncase = all_cases ? d->ncases : 1;
	int nvar = all_cases ? 1 : 2;     /* risk-adjusted, and unadjusted for one case */
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
	snprintf(ylab, sizeof ylab, "Cumulative net cash flow (%s)", currency(p));
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
				short_name(leg, sizeof leg, hc);
			else if (m->payback.status == CRM_PAYBACK_REACHED)
				snprintf(leg, sizeof leg, "%s (payback %.1f months)",
					 u ? "Unadjusted" : "Risk-adjusted", m->payback.months);
			else
				snprintf(leg, sizeof leg, "%s (no payback within the horizon)",
					 u ? "Unadjusted" : "Risk-adjusted");
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
			if (m->payback.status == CRM_PAYBACK_REACHED) {
				snprintf(b, sizeof b, "Payback %.1f months", m->payback.months);
				chart_marker(&c, m->payback.months, 0, style,
					     all_cases || u ? NULL : b, CHART_SE);
			}
		}
	chart_end(&c);
}

/* Costs (below 0) and benefits (above 0) by year, with the net line. */
static void chart_years(FILE *fp, const html_case *hc)
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
	snprintf(ylab, sizeof ylab, "%s, risk-adjusted", currency(hc));
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
		money0(a, sizeof a, ben[i]);
		money0(b, sizeof b, cost[i]);
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
static void chart_stacked(FILE *fp, const html_case *hc, crm_line_kind kind)
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
	snprintf(ylab, sizeof ylab, "%s, risk-adjusted", currency(hc));
	chart_begin(&c, fp, CHART_W, 250,
		    kind == CRM_BENEFIT ? "Benefits by area and year" : "Costs by category and year",
		    kind == CRM_BENEFIT ? "Stacked bars: each area's risk-adjusted benefit by year."
					: "Stacked bars: each category's risk-adjusted cost by year.");
	chart_category_axis(&c, 'x', (size_t)n, lab, NULL);
	chart_value_axis(&c, 'y', lo, hi, 6, CHART_AMOUNT, ylab);
	for (size_t a = 0; a < na; a++) {
		area_name(name, sizeof name, areas[a]);
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
			area_name(name, sizeof name, areas[a]);
			money0(b, sizeof b, x);
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

/* ------------------------------------------------------------- sections */

static const crm_breakeven *first_breakeven(const html_case *hc)
{
	/* The found break-even with the smallest margin of safety. */
	const crm_breakeven *best = NULL;

	for (size_t i = 0; i < hc->nbe; i++) {
		const crm_breakeven *b = &hc->be[i];
		if (b->status != CRM_BE_FOUND || !isfinite(b->change))
			continue;
		if (!best || fabs(b->change) < fabs(best->change))
			best = b;
	}
	return best;
}

/* The share of the simulation's draws with a negative NPV. */
static double share_negative(const html_case *hc)
{
	return hc->sim.iterations ? (double)hc->sim.npv_negative / (double)hc->sim.iterations : 0;
}

static void decision_sentences(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	const crm_metrics *m = &hc->r.c->m, *um = &hc->r.c->unadjusted;
	const crm_scenario *sc = hc->r.sc;
	const char *cur = currency(hc);
	char a[96], b[96], c3[96], rate[32], roi[32];

	fputs("<div class=\"summary\">\n", fp);
	fmt_percent(rate, sizeof rate, sc->settings.discount_rate);
	short_money(a, sizeof a, cur, m->npv);
	short_money(b, sizeof b, cur, m->pv_costs);
	short_money(c3, sizeof c3, cur, um->npv);
	fputs("<p>", fp);
	if (m->roi_ok) {
		fmt_percent(roi, sizeof roi, m->roi);
		/* A loss is said once: "loses USD 510,349", never "loses USD -510,349". */
		char loss[96];
		short_money(loss, sizeof loss, cur, -m->npv);
		fprintf(fp, "The case %s a net present value of ", m->npv >= 0 ? "creates" : "loses");
		text(fp, m->npv >= 0 ? a : loss);
		fputs(" at a discount rate of ", fp);
		text(fp, rate);
		fputs(" on ", fp);
		text(fp, b);
		fputs(" of costs in present value: a risk-adjusted ROI of ", fp);
		text(fp, roi);
		fputs(" (", fp);
		text(fp, c3);
		fputs(" before the risk adjustment).", fp);
	} else {
		fputs("The case has a net present value of ", fp);
		text(fp, a);
		fputs(" at a discount rate of ", fp);
		text(fp, rate);
		fputs(".", fp);
	}
	fputs("</p>\n<p>", fp);
	if (m->payback.status == CRM_PAYBACK_REACHED) {
		fprintf(fp, "It pays back in month %d (%.1f months after the investment date)",
			(int)ceil(m->payback.months - 1e-9), m->payback.months);
		if (m->dpayback.status == CRM_PAYBACK_REACHED)
			fprintf(fp, ", and in month %d on discounted cash flows",
				(int)ceil(m->dpayback.months - 1e-9));
		else
			fputs(", but discounted cash flows do not pay back within the horizon", fp);
		fputs(".", fp);
	} else {
		fprintf(fp, "It does not pay back within the %d-month horizon.",
			12 * sc->settings.horizon_years);
	}
	fputs("</p>\n", fp);
	if (hc->simulated) {
		const crm_sim_metric *s = &hc->sim.metric[CRM_SIM_NPV];
		char p10[96], p90[96], pl[32];
		short_money(p10, sizeof p10, cur, s->pct[1]);
		short_money(p90, sizeof p90, cur, s->pct[5]);
		fmt_percent(pl, sizeof pl, share_negative(hc));
		fputs("<p>With the uncertain inputs drawn from their ranges, NPV lies between ", fp);
		text(fp, p10);
		fputs(" (P10) and ", fp);
		text(fp, p90);
		fputs(" (P90); the probability of a negative NPV is ", fp);
		text(fp, pl);
		fputs(".</p>\n", fp);
	}
	if (hc->ntornado && hc->tornado[0].swing_ok) {
		const crm_tornado_row *t = &hc->tornado[0];
		char lo[64], v[96];
		param_value(lo, sizeof lo, sc, &t->param,
			    t->at_low.v <= t->at_high.v ? t->low : t->high);
		short_money(v, sizeof v, cur, fmin(t->at_low.v, t->at_high.v));
		fputs("<p>The largest risk is <b>", fp);
		text(fp, t->param.name);
		fputs("</b>: at ", fp);
		text(fp, lo);
		fputs(" NPV falls to ", fp);
		text(fp, v);
		fputs(".", fp);
		const crm_breakeven *be = first_breakeven(hc);
		if (be) {
			char bv[64], ch[32];
			param_value(bv, sizeof bv, sc, &be->param, be->value);
			snprintf(ch, sizeof ch, "%.0f%%", fabs(be->change) * 100);
			fputs(" The conclusion holds unless ", fp);
			text(fp, be->param.name);
			fprintf(fp, " %s %s ", be->value < be->param.base ? "falls below" : "rises above",
				"");
			text(fp, bv);
			fputs(" (", fp);
			text(fp, ch);
			fputs(be->value < be->param.base ? " below" : " above", fp);
			fputs(" its base value), where NPV reaches zero.", fp);
		}
		fputs("</p>\n", fp);
	}
	fputs("</div>\n", fp);
}

static void headline_table(FILE *fp, const html_case *hc)
{
	const crm_metrics *m = &hc->r.c->m, *u = &hc->r.c->unadjusted;
	struct { const char *label; int kind; int ok1; double v1; int ok2; double v2; } rows[] = {
		{ "NPV", HEADLINE_MONEY, 1, m->npv, 1, u->npv },
		{ "ROI (TEI)", HEADLINE_PERCENT, m->roi_ok, m->roi, u->roi_ok, u->roi },
		{ "IRR", HEADLINE_PERCENT, m->irr_ok, m->irr_value, u->irr_ok, u->irr_value },
		{ "Payback", HEADLINE_MONTHS, m->payback.status == CRM_PAYBACK_REACHED,
		  m->payback.months, u->payback.status == CRM_PAYBACK_REACHED, u->payback.months },
		{ "Discounted payback", HEADLINE_MONTHS, m->dpayback.status == CRM_PAYBACK_REACHED,
		  m->dpayback.months, u->dpayback.status == CRM_PAYBACK_REACHED, u->dpayback.months },
		{ "PV of benefits", HEADLINE_MONEY, 1, m->pv_benefits, 1, u->pv_benefits },
		{ "PV of costs", HEADLINE_MONEY, 1, m->pv_costs, 1, u->pv_costs },
		{ "Benefit-cost ratio", HEADLINE_RATIO, m->bcr_ok, m->bcr, u->bcr_ok, u->bcr },
	};
	char a[64], b[64];

	fputs("<table class=\"num headline\">\n<thead><tr><th>", fp);
	text(fp, currency(hc));
	fputs("</th><th class=\"n\">Risk-adjusted</th><th class=\"n\">Unadjusted</th></tr>"
	      "</thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		headline_text(a, sizeof a, rows[i].kind, rows[i].ok1, rows[i].v1);
		headline_text(b, sizeof b, rows[i].kind, rows[i].ok2, rows[i].v2);
		fprintf(fp, "<tr%s><th>", i == 0 ? " class=\"key\"" : "");
		text(fp, rows[i].label);
		fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", a, b);
	}
	fputs("</tbody></table>\n", fp);
}

static void risk_box(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	char b[64];

	fputs("<div class=\"riskbox\">\n<h3>Risk range of NPV</h3>\n", fp);
	if (!hc->simulated) {
		fputs("<p>", fp);
		text(fp, d->no_simulation ? "Simulation turned off (--no-simulation)."
			 : "No input has a range: the figures are point estimates.");
		fputs("</p>\n</div>\n", fp);
		return;
	}
	const crm_sim_metric *s = &hc->sim.metric[CRM_SIM_NPV];
	static const struct { const char *label; int idx; } q[] = {
		{ "P10 (1 in 10 below)", 1 }, { "P50 (median)", 3 }, { "P90 (1 in 10 above)", 5 }
	};
	fputs("<table class=\"num\">\n<tbody>\n", fp);
	for (size_t i = 0; i < 3; i++) {
		fmt_money(b, sizeof b, s->pct[q[i].idx], 0);
		fputs("<tr><th>", fp);
		text(fp, q[i].label);
		fprintf(fp, "</th><td class=\"n\">%s</td></tr>\n", b);
	}
	fmt_percent(b, sizeof b, share_negative(hc));
	fprintf(fp, "<tr class=\"key\"><th>P(NPV &lt; 0)</th><td class=\"n\">%s</td></tr>\n", b);
	fputs("</tbody></table>\n", fp);
	fmt_money(b, sizeof b, (double)hc->sim.iterations, 0);
	fprintf(fp, "<p class=\"small\">%s draws, seed %llu, on top of the risk adjustment.</p>\n",
		b, (unsigned long long)d->seed);
	fputs("</div>\n", fp);
}

static int sec_decision(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const report *r = &hc->r;
	const crm_metrics *m = &r->c->m;
	const char *cur = currency(hc);
	double *cost = calloc((size_t)r->ncols, sizeof *cost);
	char a[96], b[96], c3[96], lab[32];

	fputs("<section id=\"decision\" class=\"first\">\n<header class=\"cover\">\n", fp);
	fputs("<p class=\"kicker\">Business case for decision</p>\n", fp);
	elem(fp, "h1", NULL, d->title && d->title[0] ? d->title : case_title(hc));
	fputs("<p class=\"meta\">", fp);
	if (d->author && d->author[0]) {
		text(fp, d->author);
		fputs(" &#183; ", fp);
	}
	text(fp, d->date);
	fputs(" &#183; scenario ", fp);
	text(fp, r->sc->file);
	fputs("</p>\n</header>\n", fp);

	/* The ask: what is spent, and when. */
	if (cost) {
		report_fold(r, r->c->cf->costs, cost);
		short_money(a, sizeof a, cur, m->total_costs);
		short_money(b, sizeof b, cur, cost[0]);
		short_money(c3, sizeof c3, cur, -m->peak_investment);
		fputs("<p class=\"ask\"><b>The ask:</b> approve ", fp);
		text(fp, a);
		fprintf(fp, " of spending over %d year%s (risk-adjusted), ",
			r->sc->settings.horizon_years, r->sc->settings.horizon_years == 1 ? "" : "s");
		text(fp, b);
		fputs(" of it at the start", fp);
		if (r->ncols > 1) {
			short_money(b, sizeof b, cur, cost[1]);
			report_col_label(r, 1, lab, sizeof lab);
			fputs(" and ", fp);
			text(fp, b);
			fputs(" in ", fp);
			text(fp, lab);
		}
		fputs(". ", fp);
		if (m->peak_investment < 0) {
			fputs("The most cash the program has out at any time is ", fp);
			text(fp, c3);
			if (m->peak_period == 0) {
				fputs(", at the start.", fp);
			} else if (r->c->cf->months_per_period == 12) {
				report_col_label(r, r->col_of[m->peak_period], lab, sizeof lab);
				fputs(", at the end of ", fp);
				text(fp, lab);
				fputs(".", fp);
			} else {
				fprintf(fp, ", at the end of month %d.", m->peak_period);
			}
		}
		fputs("</p>\n", fp);
		free(cost);
	}
	fputs("<div class=\"cols\">\n<div>\n<h3>Headline metrics</h3>\n", fp);
	headline_table(fp, hc);
	fputs("</div>\n", fp);
	risk_box(fp, d);
	fputs("</div>\n", fp);
	chart_cumulative(fp, d, 0, "Cumulative net cash flow and payback");
	decision_sentences(fp, d);
	fputs("<p class=\"small\">Risk-adjusted figures follow the Forrester TEI convention: "
	      "each benefit is reduced and each cost increased by its risk. "
	      "Unadjusted figures leave out that adjustment.</p>\n", fp);
	fputs("</section>\n", fp);
	return 1;
}

static void tei_rows(FILE *fp, const html_case *hc, int unadjusted)
{
	const report *r = &hc->r;
	const crm_cashflow *cf = unadjusted ? hc->r.c->unadjusted_cf : r->c->cf;
	const crm_metrics *m = unadjusted ? &hc->r.c->unadjusted : &r->c->m;
	double *v = calloc((size_t)r->ncols, sizeof *v);

	if (!v)
		return;
	fprintf(fp, "<tr class=\"group\"><th colspan=\"%d\">%s</th></tr>\n", r->ncols + 3,
		unadjusted ? "Unadjusted" : "Risk-adjusted");
	report_fold(r, cf->costs, v);
	period_row(fp, r, NULL, "Total costs", v, m->total_costs, 1, m->pv_costs);
	report_fold(r, cf->benefits, v);
	period_row(fp, r, NULL, "Total benefits", v, m->total_benefits, 1, m->pv_benefits);
	report_fold(r, cf->net, v);
	period_row(fp, r, "total", "Net cash flow", v, m->total_benefits - m->total_costs, 1, m->npv);
	for (int c = 1; c < r->ncols; c++)
		v[c] += v[c - 1];
	period_row(fp, r, NULL, "Cumulative net", v, v[r->ncols - 1], 0, 0);
	free(v);
}

static int sec_years(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	char cap[200];

	section_open(fp, "years", "Costs and benefits by year");
	chart_years(fp, hc);
	chart_stacked(fp, hc, CRM_BENEFIT);
	snprintf(cap, sizeof cap, "Cash-flow summary (%s): Initial is the investment date, "
		 "each year is discounted at its end", currency(hc));
	table_open(fp, &hc->r, cap);
	period_head(fp, &hc->r, currency(hc));
	fputs("<tbody>\n", fp);
	tei_rows(fp, hc, 0);
	tei_rows(fp, hc, 1);
	fputs("</tbody></table>\n</section>\n", fp);
	return 1;
}

/* "yearly from month 4 to 60, reaching full effect over 6 months (linear), growing 3% a year" */
static void timing_words(FILE *fp, const crm_line *ln, int months)
{
	char g[32];

	if (ln->timing == CRM_ONCE) {
		if (ln->start == 0)
			fputs("once, at the start (Initial)", fp);
		else
			fprintf(fp, "once, in month %d", ln->start);
	} else {
		fprintf(fp, "%s from month %d to %d", ln->timing == CRM_MONTHLY ? "monthly amount"
			: "yearly amount", ln->start, ln->end_given ? ln->end_given : months);
	}
	if (ln->ramp)
		fprintf(fp, ", reaching full effect over %d months (%s)", ln->ramp,
			ln->curve == CRM_CURVE_SCURVE ? "S-curve" : "linear");
	if (ln->growth != 0) {
		fmt_percent(g, sizeof g, ln->growth);
		fprintf(fp, ", growing %s a year", g);
	}
	if (ln->probability < 1) {
		fmt_percent(g, sizeof g, ln->probability);
		fprintf(fp, ", with a probability of %s", g);
	}
}

/* The value of input i in each view column: its value in the column's first period. */
static void input_cols(const report *r, size_t i, double *out)
{
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;

	for (int c = 0; c < r->ncols; c++)
		out[c] = NAN;
	for (int p = cf->nperiods; p >= 0; p--)
		out[r->col_of[p]] = cf->input[i * np + (size_t)p];
}

static void value_cell(FILE *fp, const crm_scenario *sc, size_t i, double v)
{
	crm_param p;
	char b[64];

	memset(&p, 0, sizeof p);
	p.kind = CRM_PARAM_INPUT;
	p.index = (int)i;
	p.unit = CRM_UNIT_NUMBER;
	param_value(b, sizeof b, sc, &p, v);
	fprintf(fp, "<td class=\"n\">%s</td>", b);
}

/* One line's calculation, TEI style. */
static void line_block(FILE *fp, const html_case *hc, size_t l, double share_base)
{
	const report *r = &hc->r;
	const crm_scenario *sc = r->sc;
	const crm_line *ln = &sc->lines[l];
	int n = r->ncols;
	double *adj = calloc((size_t)n, sizeof *adj), *un = calloc((size_t)n, sizeof *un);
	double *dif = calloc((size_t)n, sizeof *dif), *iv = calloc((size_t)n, sizeof *iv);
	const int *deps;
	size_t ndeps = crm_expr_deps(ln->value, &deps);
	char b[64], risk[32];

	if (!adj || !un || !dif || !iv)
		goto done;
	/*
	 * A benefit the metrics leave out (flexibility, or a class --only does not
	 * name) shows its amounts from the evaluation counting every class; its
	 * unadjusted amounts are the risk-adjusted ones over (1 - risk).
	 */
	int out = !crm_case_line_counted(r->c, l) && r->c->all_cf && ln->risk < 1;
	const crm_cashflow *acf = out ? r->c->all_cf : r->c->cf;
	report_fold_line(r, acf, l, adj);
	report_fold_line(r, hc->r.c->unadjusted_cf, l, un);
	double pv = r->c->line_pv[l], upv = r->c->unadjusted_line_pv[l];
	if (out)
		for (int c = 0; c < n; c++)
			un[c] = adj[c] / (1 - ln->risk);
	for (int c = 0; c < n; c++)
		dif[c] = adj[c] - un[c];
	fputs("<div class=\"line keep\">\n", fp);
	elem(fp, "h3", NULL, ln->label);
	fputs("<p class=\"formula\"><b>Calculation:</b> ", fp);
	text(fp, ln->value_text);
	fputs("; ", fp);
	timing_words(fp, ln, 12 * sc->settings.horizon_years);
	fputs(".", fp);
	if (ln->note[0]) {
		fputs(" ", fp);
		text(fp, ln->note);
		if (ln->note[strlen(ln->note) - 1] != '.')
			fputs(".", fp);
	}
	fputs("</p>\n", fp);
	if (out) {
		fputs("<p class=\"formula\"><b>Class ", fp);
		text(fp, crm_class_name(ln->cls));
		fputs(":</b> not in NPV or any metric; shown apart with its present value.</p>\n",
		      fp);
	}
	table_open(fp, r, NULL);
	period_head(fp, r, currency(hc));
	fputs("<tbody>\n", fp);
	for (size_t k = 0; k < ndeps; k++) {
		size_t i = (size_t)deps[k];
		const crm_input *in = &sc->inputs[i];
		input_cols(r, i, iv);
		fputs("<tr class=\"input\"><th>", fp);
		text(fp, in->name);
		if (in->note[0]) {
			fputs("<span class=\"src\">", fp);
			text(fp, in->note);
			fputs("</span>", fp);
		}
		fputs("</th>", fp);
		for (int c = 0; c < n; c++) {
			/* An input is shown where the line has an amount. */
			if (un[c] == 0 && !(c == 0 && ln->timing == CRM_ONCE && ln->start == 0))
				fputs("<td></td>", fp);
			else
				value_cell(fp, sc, i, iv[c]);
		}
		fputs("<td></td><td></td></tr>\n", fp);
	}
	double tu = report_col_total(r, un), ta = report_col_total(r, adj);
	if (ln->kind == CRM_BENEFIT && ln->adoption >= 0)
		adoption_rows(fp, r, out ? acf : hc->r.c->unadjusted_cf, l, out ? 1 / (1 - ln->risk) : 1, un, upv);
	period_row(fp, r, NULL, "Unadjusted amount", un, tu, 1, upv);
	fmt_percent(risk, sizeof risk, ln->risk);
	if (ln->risk == 0)
		snprintf(b, sizeof b, "Risk adjustment (none)");
	else
		snprintf(b, sizeof b, "Risk adjustment (%s%s)", ln->kind == CRM_BENEFIT ? "-" : "+", risk);
	period_row(fp, r, NULL, b, dif, ta - tu, 1, pv - upv);
	period_row(fp, r, "total", "Risk-adjusted amount", adj, ta, 1, pv);
	fputs("</tbody></table>\n", fp);
	fputs("<p class=\"facts\">", fp);
	if (share_base > 0 && !out) {
		fmt_percent(b, sizeof b, pv / share_base);
		fprintf(fp, "<span>Share of all %s (present value): %s</span>",
			ln->kind == CRM_BENEFIT ? "benefits" : "costs", b);
	}
	fputs("<span>Owner: ", fp);
	text(fp, ln->owner[0] ? ln->owner : "not named");
	fputs("</span>", fp);
	if (ln->kind == CRM_BENEFIT || ln->metric[0]) {
		fputs("<span>Proven by: ", fp);
		text(fp, ln->metric[0] ? ln->metric : "no KPI named");
		fputs("</span>", fp);
	}
	fputs("</p>\n</div>\n", fp);
done:
	free(adj);
	free(un);
	free(dif);
	free(iv);
}

/* ------------------------------------------------------ gates and classes */

/* Each gate of a case in a sentence (explain_gate), as a list. */
static void gates_html(FILE *fp, const html_case *hc, const char *title)
{
	const crm_scenario *sc = hc->r.sc;
	char buf[2048];

	if (!sc->ngroups)
		return;
	fputs("<h3>", fp);
	text(fp, title);
	fputs("</h3>\n<p>Lines of one group happen together: a simulation draws the group once, "
	      "so its costs and its benefits come together or not at all.</p>\n<ul>\n", fp);
	for (size_t g = 0; g < sc->ngroups; g++) {
		explain_gate(sc, g, buf, sizeof buf);
		elem(fp, "li", NULL, buf);
	}
	fputs("</ul>\n", fp);
}

/* The present value of each benefit class, and whether NPV counts it. */
static void classes_html(FILE *fp, const html_case *hc)
{
	const report *r = &hc->r;
	char b[64];

	if (!report_classes_shown(r))
		return;
	fputs("<h3>Benefits by class</h3>\n<table class=\"num\">\n<thead><tr><th>Class</th>"
	      "<th class=\"n\">Present value</th><th>In NPV</th></tr></thead>\n<tbody>\n", fp);
	for (int c = 0; c < CRM_NCLASSES; c++) {
		if (!r->c->cls[c].nlines)
			continue;
		int in = (r->sc->settings.classes & CRM_CLASS_BIT(c)) != 0;
		money0(b, sizeof b, r->c->cls[c].pv);
		fputs("<tr><th>", fp);
		text(fp, crm_class_name((crm_class)c));
		fprintf(fp, "</th><td class=\"n\">%s</td><td>%s</td></tr>\n", b,
			in ? "yes" : c == CRM_CLASS_FLEXIBILITY ? "no: flexibility, not in NPV"
			   : "no: left out by --only");
	}
	fputs("</tbody></table>\n", fp);
}

static int sec_benefits(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;

	section_open(fp, "benefits", "Each benefit, how it is calculated");
	fputs("<p>Each table shows the inputs a benefit uses, its amount before and after the "
	      "risk adjustment, and who owns it. Amounts in ", fp);
	text(fp, currency(hc));
	fputs("; an input is shown in the years where the benefit has an amount.</p>\n", fp);
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_BENEFIT)
			line_block(fp, hc, l, hc->r.c->m.pv_benefits);
	classes_html(fp, hc);
	fputs("</section>\n", fp);
	return 1;
}

static int sec_costs(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);
	char name[128];

	if (!areas)
		return 0;
	section_open(fp, "costs", "Costs by category");
	chart_stacked(fp, hc, CRM_COST);
	size_t na = report_areas(&hc->r, CRM_COST, 0, areas);
	for (size_t a = 0; a < na; a++) {
		area_name(name, sizeof name, areas[a]);
		elem(fp, "h3", "category", name);
		for (size_t l = 0; l < sc->nlines; l++)
			if (sc->lines[l].kind == CRM_COST && !strcmp(sc->lines[l].area, areas[a]))
				line_block(fp, hc, l, hc->r.c->m.pv_costs);
	}
	free(areas);
	fputs("</section>\n", fp);
	return 1;
}

static void chart_tornado(FILE *fp, const html_case *hc)
{
	size_t n = hc->ntornado < HTML_TORNADO_ROWS ? hc->ntornado : HTML_TORNADO_ROWS;
	const char **lab = malloc((n + 1) * sizeof *lab);
	double lo = hc->tornado_base.v, hi = hc->tornado_base.v;
	char xl[64], b[64], tip[300];
	chart c;

	if (!lab)
		return;
	for (size_t i = 0; i < n; i++) {
		const crm_tornado_row *t = &hc->tornado[i];
		lab[i] = t->param.name;
		if (t->at_low.ok) {
			lo = fmin(lo, t->at_low.v);
			hi = fmax(hi, t->at_low.v);
		}
		if (t->at_high.ok) {
			lo = fmin(lo, t->at_high.v);
			hi = fmax(hi, t->at_high.v);
		}
	}
	snprintf(xl, sizeof xl, "NPV (%s)", currency(hc));
	chart_begin(&c, fp, CHART_W, 70 + 22 * (double)n, "Tornado: NPV as each input moves "
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
		param_value(l1, sizeof l1, hc->r.sc, &t->param, t->low);
		param_value(h1, sizeof h1, hc->r.sc, &t->param, t->high);
		if (t->at_low.ok) {
			fmt_money(b, sizeof b, t->at_low.v, 0);
			snprintf(tip, sizeof tip, "%s at %s: NPV %s", t->param.name, l1, b);
			chart_bar(&c, i, 0, 1, hc->tornado_base.v, t->at_low.v, CHART_RED, tip);
		}
		if (t->at_high.ok) {
			fmt_money(b, sizeof b, t->at_high.v, 0);
			snprintf(tip, sizeof tip, "%s at %s: NPV %s", t->param.name, h1, b);
			chart_bar(&c, i, 0, 1, hc->tornado_base.v, t->at_high.v, CHART_BLUE, tip);
		}
	}
	short_money(b, sizeof b, currency(hc), hc->tornado_base.v);
	char base[96];
	snprintf(base, sizeof base, "Base %s", b);
	chart_vline(&c, hc->tornado_base.v, CHART_DARK, base);
	chart_end(&c);
	free(lab);
}

/*
 * The cells of a break-even in whole months (an input that moves a start, end
 * or ramp): the month, how many months from the base's, and on which side NPV
 * stays at or above zero, with NPV one month further.
 */
static void breakeven_months(FILE *fp, const html_case *hc, const crm_breakeven *be)
{
	const crm_param *p = &be->param;
	int month = p->months == CRM_PARAM_MONTH;
	double b0 = round(p->base);   /* the month a base between months rounds to */
	int later = be->value > b0;
	double d = fabs(be->value - b0);
	char nb[64];

	fprintf(fp, "<td class=\"n\">%s%.0f%s</td><td class=\"n\">%.0f month%s</td><td>",
		month ? "month " : "", be->value, month ? "" : " months", d, d == 1 ? "" : "s");
	text(fp, p->name);
	if (be->at_base.ok && be->at_base.v >= 0)
		fprintf(fp, " can be as %s as %s%.0f%s with NPV still at or above zero (%.0f month%s "
			"%s the base, %s%.0f%s)", month ? (later ? "late" : "early") : (later ? "long"
			: "short"), month ? "month " : "", be->value, month ? "" : " months", d,
			d == 1 ? "" : "s", month ? (later ? "after" : "before") : (later ? "more than"
			: "less than"), month ? "month " : "", b0, month ? "" : " months");
	else
		fprintf(fp, " must be %s%.0f%s for NPV to reach zero (%.0f month%s %s the base, "
			"%s%.0f%s)", month ? "month " : "", be->value, month ? "" : " months", d,
			d == 1 ? "" : "s", month ? (later ? "after" : "before") : (later ? "more than"
			: "less than"), month ? "month " : "", b0, month ? "" : " months");
	if (be->at_neighbour.ok) {
		short_money(nb, sizeof nb, currency(hc), be->at_neighbour.v);
		fprintf(fp, "; at %s%.0f%s NPV is %s", month ? "month " : "", be->neighbour,
			month ? "" : " months", nb);
	}
}

static void breakeven_table(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	char b[64], v[64], ch[64];

	/* Below zero, the change to break even is an improvement needed, not a margin. */
	int losing = hc->tornado_base.v < 0;
	fprintf(fp, "<table class=\"num\">\n<caption>Break-even values: where NPV reaches zero, "
		"each input moved alone</caption>\n<thead><tr><th>Input</th><th class=\"n\">Base "
		"value</th><th class=\"n\">Break-even</th><th class=\"n\">%s</th>"
		"<th>Meaning</th></tr></thead>\n<tbody>\n", losing ? "Change needed" :
		"Margin of safety");
	for (size_t i = 0; i < hc->nbe; i++) {
		const crm_breakeven *be = &hc->be[i];
		const crm_param *p = &be->param;
		fputs("<tr><th>", fp);
		text(fp, p->name);
		fputs("</th>", fp);
		if (p->has_base)
			param_value(b, sizeof b, sc, p, p->base);
		else
			snprintf(b, sizeof b, "formula");
		fprintf(fp, "<td class=\"n\">%s</td>", b);
		if (hc->be_why[i][0]) {
			fputs("<td class=\"n\">not searched</td><td class=\"n\">-</td><td>", fp);
			text(fp, hc->be_why[i]);
		} else if (be->status == CRM_BE_FOUND && p->months) {
			breakeven_months(fp, hc, be);
		} else if (be->status == CRM_BE_FOUND) {
			param_value(v, sizeof v, sc, p, be->value);
			if (isfinite(be->change))
				snprintf(ch, sizeof ch, "%.1f%%", fabs(be->change) * 100);
			else
				snprintf(ch, sizeof ch, "-");
			fprintf(fp, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>", v, ch);
			text(fp, p->name);
			if (be->at_base.ok && be->at_base.v < 0)
				fprintf(fp, " must %s %s for NPV to reach zero (NPV is below zero "
					"now)", be->value < p->base ? "fall" : "rise", ch);
			else
				fprintf(fp, " can %s %s before NPV reaches zero", be->value < p->base ?
					"fall" : "rise", ch);
		} else {
			char lo[64], hi[64];
			param_value(lo, sizeof lo, sc, p, be->lo);
			param_value(hi, sizeof hi, sc, p, be->hi);
			fputs("<td class=\"n\">none</td><td class=\"n\">-</td><td>", fp);
			if (be->status == CRM_BE_FLAT)
				fputs("NPV does not depend on it", fp);
			else if (be->status == CRM_BE_NO_BASE)
				fputs("a formula: vary the inputs it uses", fp);
			else if (be->at_lo.ok && be->at_hi.ok && be->at_lo.v > 0 && be->at_hi.v > 0)
				fprintf(fp, "NPV stays above zero from %s to %s", lo, hi);
			else if (be->at_lo.ok && be->at_hi.ok && be->at_lo.v < 0 && be->at_hi.v < 0)
				fprintf(fp, "NPV stays below zero from %s to %s", lo, hi);
			else
				fprintf(fp, "NPV does not reach zero from %s to %s", lo, hi);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

static void chart_histogram_npv(FILE *fp, const html_doc *d)
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
	snprintf(xl, sizeof xl, "NPV (%s)", currency(hc));
	chart_begin(&c, fp, CHART_W, 250, "Distribution of NPV over the simulation",
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
		short_money(b, sizeof b, "", s->pct[q[i].idx]);
		snprintf(lab, sizeof lab, "%s%s", q[i].name, b);
		chart_vline(&c, s->pct[q[i].idx], CHART_DARK, q[i].name);
	}
	chart_end(&c);
	free(share);
}

static void chart_scurve(FILE *fp, const html_case *hc)
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
	snprintf(xl, sizeof xl, "NPV (%s)", currency(hc));
	chart_begin(&c, fp, CHART_W, 240, "Cumulative probability of NPV (S-curve)",
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

static void sobol_table(FILE *fp, const html_case *hc)
{
	const crm_sobol_result *s = &hc->sobol;
	size_t *order = malloc((s->nitems + 1) * sizeof *order);

	if (!order)
		return;
	for (size_t i = 0; i < s->nitems; i++)
		order[i] = i;
	/* Largest total index first; a stable insertion sort keeps ties in file order. */
	for (size_t i = 1; i < s->nitems; i++) {
		size_t k = order[i], j = i;
		while (j > 0 && s->total[order[j - 1]] < s->total[k]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = k;
	}
	fputs("<table class=\"num\">\n<caption>Share of the variance of NPV explained by each "
	      "uncertain value (Sobol indices)</caption>\n<thead><tr><th>Value</th>"
	      "<th class=\"n\">Alone (first order)</th><th class=\"n\">With interactions (total)"
	      "</th></tr></thead>\n<tbody>\n", fp);
	for (size_t j = 0; j < s->nitems; j++) {
		size_t i = order[j];
		char a[32], b[32];
		fmt_percent(a, sizeof a, s->first[i]);
		fmt_percent(b, sizeof b, s->total[i]);
		fputs("<tr><th>", fp);
		text(fp, s->items[i].name);
		fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", a, b);
	}
	fputs("</tbody></table>\n", fp);
	fprintf(fp, "<p class=\"small\">Estimated from %zu quasi-random base points (%s "
		"sequence), treating the values as independent; values within a percent or two of "
		"zero are sampling noise.</p>\n", s->n, s->sequence ? s->sequence : "sobol");
	free(order);
}

static int any_risk(const crm_scenario *sc)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].risk != 0)
			return 1;
	return 0;
}

static int sec_risk(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	char b[64];

	if (!hc->ntornado && !hc->simulated && !hc->r.sc->ngroups)
		return 0;
	section_open(fp, "risk", "Risk and sensitivity");
	gates_html(fp, hc, "Gates: lines that happen together");
	if (hc->ntornado) {
		chart_tornado(fp, hc);
		if (hc->nbe)
			breakeven_table(fp, hc);
	}
	if (hc->simulated) {
		fmt_money(b, sizeof b, (double)hc->sim.iterations, 0);
		fputs("<p>", fp);
		fprintf(fp, "Monte Carlo simulation: %s draws with seed %llu (the same seed gives the "
			"same figures). ", b, (unsigned long long)d->seed);
		if (any_risk(hc->r.sc))
			fputs("The simulation is drawn on top of the risk adjustment: every draw is "
			      "risk-adjusted like the tables, so the range shows uncertainty beyond the "
			      "haircuts.", fp);
		fputs("</p>\n", fp);
		chart_histogram_npv(fp, d);
		chart_scurve(fp, hc);
		if (hc->sobol.ok)
			sobol_table(fp, hc);
	}
	fputs("</section>\n", fp);
	return 1;
}

static const crm_line *find_line(const crm_scenario *sc, const char *label)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (!strcmp(sc->lines[l].label, label))
			return &sc->lines[l];
	return NULL;
}

/* What differs between the proposal's lines and an alternative's. */
static const char *group_of(const crm_scenario *sc, const crm_line *ln)
{
	return ln->group >= 0 ? sc->groups[ln->group].name : "none";
}

static void line_changes(FILE *fp, const crm_scenario *xs, const crm_line *x,
			 const crm_scenario *ys, const crm_line *y)
{
	const char *sep = ":";
	char a[32], b[32];

#define CHANGE(cond, ...) do { if (cond) { fprintf(fp, "%s ", sep); __VA_ARGS__; sep = ";"; } } while (0)
	CHANGE(strcmp(x->value_text, y->value_text), fputs("value ", fp); text(fp, x->value_text);
	       fputs(" instead of ", fp); text(fp, y->value_text));
	CHANGE(x->timing != y->timing, fprintf(fp, "%s instead of %s", crm_timing_name(x->timing),
					       crm_timing_name(y->timing)));
	CHANGE(x->start != y->start, fprintf(fp, "from month %d instead of %d", x->start, y->start));
	CHANGE(x->end_given != y->end_given, fprintf(fp, "to month %d instead of %d", x->end,
						     y->end));
	CHANGE(x->ramp != y->ramp || (x->ramp && x->curve != y->curve),
	       fprintf(fp, "full effect over %d months (%s) instead of %d (%s)", x->ramp,
		       crm_curve_name(x->curve), y->ramp, crm_curve_name(y->curve)));
	fmt_percent(a, sizeof a, x->growth);
	fmt_percent(b, sizeof b, y->growth);
	CHANGE(x->growth != y->growth, fprintf(fp, "growth %s instead of %s", a, b));
	fmt_percent(a, sizeof a, x->risk);
	fmt_percent(b, sizeof b, y->risk);
	CHANGE((x->risk_given || y->risk_given) && x->risk != y->risk,
	       fprintf(fp, "risk %s instead of %s", a, b));
	fmt_percent(a, sizeof a, x->probability);
	fmt_percent(b, sizeof b, y->probability);
	CHANGE(x->probability != y->probability, fprintf(fp, "probability %s instead of %s", a, b));
	CHANGE(x->kind == CRM_BENEFIT && x->cls != y->cls,
	       fprintf(fp, "class %s instead of %s", crm_class_name(x->cls), crm_class_name(y->cls)));
	CHANGE(strcmp(group_of(xs, x), group_of(ys, y)), fputs("group ", fp);
	       text(fp, group_of(xs, x)); fputs(" instead of ", fp); text(fp, group_of(ys, y)));
#undef CHANGE
}

static int line_differs(const crm_scenario *xs, const crm_line *x, const crm_scenario *ys,
			const crm_line *y)
{
	return strcmp(x->value_text, y->value_text) || x->timing != y->timing ||
	       (x->kind == CRM_BENEFIT && x->cls != y->cls) ||
	       strcmp(group_of(xs, x), group_of(ys, y)) ||
	       x->start != y->start || x->end_given != y->end_given || x->ramp != y->ramp ||
	       (x->ramp && x->curve != y->curve) || x->growth != y->growth ||
	       ((x->risk_given || y->risk_given) && x->risk != y->risk) ||
	       x->probability != y->probability;
}

static void setting_change(FILE *fp, const char *what, double x, double y, int *any)
{
	char a[32], b[32];

	if (x == y)
		return;
	fmt_percent(a, sizeof a, x);
	fmt_percent(b, sizeof b, y);
	fprintf(fp, "<li>%s: %s instead of %s.</li>\n", what, a, b);
	*any = 1;
}

static void differences(FILE *fp, const html_case *p, const html_case *a)
{
	const crm_scenario *ps = p->r.sc, *as = a->r.sc;
	const crm_settings *x = &as->settings, *y = &ps->settings;
	int any = 0;

	fputs("<ul class=\"diff\">\n", fp);
	if (x->horizon_years != y->horizon_years) {
		fprintf(fp, "<li>Horizon: %d years instead of %d.</li>\n", x->horizon_years,
			y->horizon_years);
		any = 1;
	}
	setting_change(fp, "Discount rate", x->discount_rate, y->discount_rate, &any);
	setting_change(fp, "Default benefit risk", x->benefit_risk, y->benefit_risk, &any);
	setting_change(fp, "Default cost risk", x->cost_risk, y->cost_risk, &any);
	for (size_t l = 0; l < as->nlines; l++) {
		const crm_line *xl = &as->lines[l];
		const crm_line *yl = find_line(ps, xl->label);
		if (yl && !line_differs(as, xl, ps, yl))
			continue;
		any = 1;
		fputs(yl ? "<li>Changes <b>" : "<li>Adds <b>", fp);
		text(fp, xl->label);
		fputs("</b>", fp);
		if (yl) {
			line_changes(fp, as, xl, ps, yl);
		} else {
			fputs(": ", fp);
			text(fp, xl->value_text);
			fputs(", ", fp);
			timing_words(fp, xl, 12 * x->horizon_years);
		}
		fputs(".</li>\n", fp);
	}
	for (size_t l = 0; l < ps->nlines; l++)
		if (!find_line(as, ps->lines[l].label)) {
			fputs("<li>Leaves out <b>", fp);
			text(fp, ps->lines[l].label);
			fputs("</b>.</li>\n", fp);
			any = 1;
		}
	if (!any)
		fputs("<li>No setting or line differs from the proposal.</li>\n", fp);
	fputs("</ul>\n", fp);
}

/* A short name for a scenario from its file name: "deployment/big_bang.csv" -> "Big bang". */
static void short_name(char *buf, size_t len, const html_case *c)
{
	const char *f = c->r.sc->file, *slash = strrchr(f, '/');
	char tmp[128];

	snprintf(tmp, sizeof tmp, "%s", slash ? slash + 1 : f);
	char *dot = strrchr(tmp, '.');
	if (dot && dot != tmp)
		*dot = '\0';
	area_name(buf, len, tmp);
}

static int sec_options(const html_doc *d, FILE *fp)
{
	char b[64];

	if (d->ncases < 2)
		return 0;
	section_open(fp, "options", "Deployment options");
	fputs("<p>The first option is the proposal; the others are the alternatives it is "
	      "compared with. All figures are risk-adjusted.</p>\n<dl class=\"options\">\n", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		short_name(b, sizeof b, &d->cases[k]);
		fputs("<dt>", fp);
		text(fp, b);
		fputs(k ? "</dt><dd>" : " (proposal)</dt><dd>", fp);
		text(fp, case_title(&d->cases[k]));
		fputs(" &#8212; ", fp);
		text(fp, d->cases[k].r.sc->file);
		fputs("</dd>\n", fp);
	}
	fputs("</dl>\n<table class=\"num\">\n<thead><tr><th></th>", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		short_name(b, sizeof b, &d->cases[k]);
		fputs("<th class=\"n\">", fp);
		text(fp, b);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	static const char *const labels[] = { "NPV", "ROI (TEI)", "IRR", "Payback",
		"Discounted payback", "PV of benefits", "PV of costs", "Total costs",
		"Peak funding need" };
	for (size_t row = 0; row < sizeof labels / sizeof *labels; row++) {
		fputs("<tr><th>", fp);
		text(fp, labels[row]);
		fputs("</th>", fp);
		for (size_t k = 0; k < d->ncases; k++) {
			const crm_metrics *m = &d->cases[k].r.c->m;
			switch (row) {
			case 0: headline_text(b, sizeof b, HEADLINE_MONEY, 1, m->npv); break;
			case 1: headline_text(b, sizeof b, HEADLINE_PERCENT, m->roi_ok, m->roi); break;
			case 2: headline_text(b, sizeof b, HEADLINE_PERCENT, m->irr_ok, m->irr_value); break;
			case 3: headline_text(b, sizeof b, HEADLINE_MONTHS,
					      m->payback.status == CRM_PAYBACK_REACHED,
					      m->payback.months); break;
			case 4: headline_text(b, sizeof b, HEADLINE_MONTHS,
					      m->dpayback.status == CRM_PAYBACK_REACHED,
					      m->dpayback.months); break;
			case 5: headline_text(b, sizeof b, HEADLINE_MONEY, 1, m->pv_benefits); break;
			case 6: headline_text(b, sizeof b, HEADLINE_MONEY, 1, m->pv_costs); break;
			case 7: headline_text(b, sizeof b, HEADLINE_MONEY, 1, m->total_costs); break;
			default: headline_text(b, sizeof b, HEADLINE_MONEY, 1, -m->peak_investment); break;
			}
			fprintf(fp, "<td class=\"n\">%s</td>", b);
		}
		fputs("</tr>\n", fp);
	}
	/* Each alternative against the proposal: the NPV of the difference. */
	fputs("<tr class=\"group\"><th colspan=\"", fp);
	fprintf(fp, "%zu\">Compared with the proposal</th></tr>\n<tr><th>NPV of the difference"
		"</th><td class=\"n\"></td>", d->ncases + 1);
	for (size_t k = 1; k < d->ncases; k++) {
		headline_text(b, sizeof b, HEADLINE_MONEY, d->cases[k].has_inc, d->cases[k].inc.npv);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	}
	fputs("</tr>\n</tbody></table>\n", fp);
	fputs("<p class=\"small\">The difference is the option's cash flows minus the "
	      "proposal's, period by period; crmroi compare gives its IRR where one is "
	      "defined.</p>\n", fp);
	chart_cumulative(fp, d, 1, "Cumulative net cash flow of each option");
	for (size_t k = 1; k < d->ncases; k++) {
		short_name(b, sizeof b, &d->cases[k]);
		fputs("<h3>", fp);
		text(fp, b);
		fputs(" compared with the proposal</h3>\n", fp);
		differences(fp, &d->cases[0], &d->cases[k]);
		if (d->cases[k].r.sc->ngroups) {
			char title[96];
			snprintf(title, sizeof title, "Gates of %s", b);
			gates_html(fp, &d->cases[k], title);
		}
	}
	fputs("</section>\n", fp);
	return 1;
}

static void range_text(FILE *fp, const crm_range *rg)
{
	if (rg->given) {
		text(fp, rg->low_text);
		fputs(" to ", fp);
		text(fp, rg->high_text);
	}
	fputs("</td><td>", fp);
	if (rg->given || rg->dist)
		text(fp, rg->dist ? crm_dist_name(rg->dist) : "triangular");
}

static int sec_assumptions(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const crm_settings *s = &sc->settings;
	char a[32], b[32], c3[32];

	section_open(fp, "assumptions", "Assumptions register");
	fputs("<h3>Settings and conventions</h3>\n<ul>\n", fp);
	fmt_percent(a, sizeof a, s->discount_rate);
	fprintf(fp, "<li>Amounts in %s", "");
	text(fp, s->currency);
	fprintf(fp, " over %d year%s, evaluated by %s", s->horizon_years,
		s->horizon_years == 1 ? "" : "s", s->grid == CRM_GRID_YEAR ? "year" : "month");
	if (s->start_year)
		fprintf(fp, "; month 1 is %04d-%02d", s->start_year, s->start_month);
	fputs(".</li>\n", fp);
	fprintf(fp, "<li>Discount rate %s a year. Initial is month 0, the investment date, and is "
		"not discounted; ", a);
	if (s->grid == CRM_GRID_YEAR)
		fprintf(fp, "Year k is discounted at its end by (1 + %s)^k.</li>\n", a);
	else
		fprintf(fp, "month m is discounted at its end by (1 + %s)^(m/12).</li>\n", a);
	fmt_percent(b, sizeof b, s->benefit_risk);
	fmt_percent(c3, sizeof c3, s->cost_risk);
	fprintf(fp, "<li>Risk adjustment (TEI): each benefit is reduced by %s and each cost "
		"increased by %s, unless its line gives a risk of its own.</li>\n", b, c3);
	fmt_percent(a, sizeof a, s->finance_rate);
	fmt_percent(b, sizeof b, s->reinvest_rate);
	fprintf(fp, "<li>ROI is NPV divided by the present value of costs; MIRR finances "
		"negative flows at %s and reinvests positive ones at %s.</li>\n", a, b);
	fputs("</ul>\n", fp);
	if (sc->ninputs) {
		fputs("<table class=\"reg\">\n<caption>Inputs</caption>\n<thead><tr><th>Input</th>"
		      "<th>Value</th><th>Range</th><th>Distribution</th><th>Unit</th><th>Source or "
		      "note</th></tr></thead>\n<tbody>\n", fp);
		for (size_t i = 0; i < sc->ninputs; i++) {
			const crm_input *in = &sc->inputs[i];
			fputs("<tr><th>", fp);
			text(fp, in->name);
			fputs("</th><td>", fp);
			text(fp, in->value_text);
			fputs("</td><td>", fp);
			range_text(fp, &in->range);
			fputs("</td><td>", fp);
			text(fp, in->unit);
			fputs("</td><td>", fp);
			text(fp, in->note);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
	}
	fputs("<table class=\"reg\">\n<caption>Cost and benefit lines</caption>\n<thead><tr>"
	      "<th>Line</th><th>Value and timing</th><th>Range</th><th>Distribution</th>"
	      "<th>Risk</th><th>Owner</th><th>Metric</th><th>Note</th></tr></thead>\n<tbody>\n", fp);
	for (int kind = CRM_BENEFIT; kind >= CRM_COST; kind--) {
		fprintf(fp, "<tr class=\"group\"><th colspan=\"8\">%s</th></tr>\n",
			kind == CRM_BENEFIT ? "Benefits" : "Costs");
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			char area[128];
			if ((int)ln->kind != kind)
				continue;
			area_name(area, sizeof area, ln->area);
			fputs("<tr><th>", fp);
			text(fp, ln->label);
			fputs("<span class=\"src\">", fp);
			text(fp, area);
			fputs("</span></th><td>", fp);
			text(fp, ln->value_text);
			fputs("; ", fp);
			timing_words(fp, ln, 12 * s->horizon_years);
			fputs("</td><td>", fp);
			range_text(fp, &ln->range);
			fmt_percent(a, sizeof a, ln->risk);
			fprintf(fp, "</td><td class=\"n\">%s%s</td><td>", a,
				ln->risk_given ? "" : "*");
			text(fp, ln->owner);
			fputs("</td><td>", fp);
			text(fp, ln->metric);
			fputs("</td><td>", fp);
			text(fp, ln->note);
			fputs("</td></tr>\n", fp);
		}
	}
	fputs("</tbody></table>\n<p class=\"small\">* the default risk of the scenario's "
	      "settings.</p>\n", fp);
	fputs("</section>\n", fp);
	return 1;
}

/* ------------------------------------------------------ benefits realisation */

/* One row of the to-date table: plan, actual, variance, index. */
static void realisation_row(FILE *fp, const crm_track_row *row, int last, const char *label)
{
	const crm_track_cell *c = &row->cum[last];
	char p[64], a[64], v[64], vp[64], ix[32];

	money0(p, sizeof p, c->plan);
	money0(a, sizeof a, c->actual);
	money0(v, sizeof v, c->variance);
	if (c->pct_ok)
		fmt_percent(vp, sizeof vp, c->variance_pct);
	else
		snprintf(vp, sizeof vp, "n/a");
	if (row->kind != CRM_TRACK_NET && row->index_ok)
		snprintf(ix, sizeof ix, "%.3f", row->index);
	else if (row->kind == CRM_TRACK_NET)
		ix[0] = '\0';
	else
		snprintf(ix, sizeof ix, "n/a");
	fputs("<tr><th>", fp);
	text(fp, label);
	fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", p, a, v, vp, ix);
}

/*
 * crmroi report --actuals: the proposal against what was booked, with the
 * cumulative net cash flow of the plan, the actuals and both re-forecasts.
 */
static int sec_realisation(const html_doc *d, FILE *fp)
{
	const crm_track *t = d->track;
	const html_case *hc = &d->cases[0];
	char last[64], ylab[80], b[96], leg[120];
	chart c;

	if (!t)
		return 0;
	crm_track_month_label(t->sc, t->last, last, sizeof last);
	section_open(fp, "realisation", "Benefits realisation");
	fputs("<p>The approved plan (risk-adjusted, evaluated month by month) against the actuals "
	      "to ", fp);
	text(fp, last);
	fputs(". The re-forecast keeps the actuals and continues with the approved plan "
	      "(\"plan\") or with each line's plan times its index so far (\"trend\").</p>\n", fp);

	/* Cumulative net: plan over the horizon, actuals to date, re-forecasts after. */
	size_t n = (size_t)t->months + 1, na = (size_t)t->last + 1;
	double *x = malloc(n * sizeof *x), *cp = malloc(n * sizeof *cp);
	double *cr = malloc(n * sizeof *cr), *ct = malloc(n * sizeof *ct);
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
		snprintf(ylab, sizeof ylab, "Cumulative net cash flow (%s)", currency(hc));
		chart_begin(&c, fp, CHART_W, 280, "Plan, actuals and re-forecast",
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

	/* To date. */
	size_t nl = t->sc->nlines;
	fprintf(fp, "<table class=\"num\">\n<caption>Plan against actual, months 0 to %d (%s); "
		"index = cumulative actual / cumulative plan over the months with actuals</caption>\n"
		"<thead><tr><th></th><th class=\"n\">Plan</th><th class=\"n\">Actual</th>"
		"<th class=\"n\">Variance</th><th class=\"n\">Variance %%</th><th class=\"n\">Index"
		"</th></tr></thead>\n<tbody>\n", t->last, currency(hc));
	for (size_t l = 0; l < nl; l++)
		if (!t->rows[l].is_cost)
			realisation_row(fp, &t->rows[l], t->last, t->rows[l].name);
	realisation_row(fp, &t->rows[nl + 1], t->last, "Total benefits (realisation index)");
	realisation_row(fp, &t->rows[nl], t->last, "Total costs (cost index)");
	realisation_row(fp, &t->rows[nl + 2], t->last, "Net");
	fputs("</tbody></table>\n", fp);

	/* Re-forecast. */
	const crm_track_figures *f[3] = { &t->approved, &t->plan, &t->trend };
	static const char *const names[3] = { "Approved", "Re-forecast: plan",
		"Re-forecast: trend" };
	fputs("<table class=\"num\">\n<caption>Re-forecast with the actuals to ", fp);
	text(fp, last);
	fputs("</caption>\n<thead><tr><th></th><th class=\"n\">NPV</th><th class=\"n\">Change"
	      "</th><th class=\"n\">IRR</th><th class=\"n\">Payback</th></tr></thead>\n<tbody>\n",
	      fp);
	for (int i = 0; i < 3; i++) {
		char npv[64], ch[64], irr[64], pb[64];
		fmt_money(npv, sizeof npv, f[i]->npv, 0);
		if (i)
			fmt_money(ch, sizeof ch, f[i]->npv - f[0]->npv, 0);
		else
			ch[0] = '\0';
		if (f[i]->irr_ok)
			fmt_percent(irr, sizeof irr, f[i]->irr_value);
		else
			snprintf(irr, sizeof irr, "none");
		if (f[i]->payback.status == CRM_PAYBACK_REACHED)
			snprintf(pb, sizeof pb, "%.1f months", f[i]->payback.months);
		else
			snprintf(pb, sizeof pb, "not reached");
		fputs("<tr><th>", fp);
		text(fp, names[i]);
		fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s"
			"</td><td class=\"n\">%s</td></tr>\n", npv, ch, irr, pb);
	}
	fputs("</tbody></table>\n", fp);

	/* Gates. */
	if (t->sc->nphases) {
		fputs("<table>\n<caption>Phase gates: on track when every criterion due so far is "
		      "met, at risk when one is not, off track when two or more are not or the trend "
		      "NPV is below zero</caption>\n<thead><tr><th>Phase</th><th>Months</th>"
		      "<th>Verdict</th><th>Why</th></tr></thead>\n<tbody>\n", fp);
		for (size_t p = 0; p < t->sc->nphases; p++) {
			const crm_phase *ph = &t->sc->phases[p];
			fputs("<tr><th>", fp);
			text(fp, ph->name);
			snprintf(b, sizeof b, "%d-%d", ph->start, ph->end);
			fprintf(fp, "</th><td>%s</td><td>", b);
			text(fp, crm_verdict_name(t->phases[p].verdict));
			fputs("</td><td>", fp);
			text(fp, t->phases[p].reason);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
	}
	fputs("</section>\n", fp);
	return 1;
}

/* ------------------------------------------------------------- document */

typedef int (*section_fn)(const html_doc *d, FILE *fp);

/* The document, in order. Each function writes its section, or nothing (returns 0). */
static const struct { const char *name; section_fn fn; } sections[] = {
	{ "decision", sec_decision },
	{ "realisation", sec_realisation },
	{ "years", sec_years },
	{ "benefits", sec_benefits },
	{ "costs", sec_costs },
	{ "risk", sec_risk },
	{ "readiness", html_readiness_section },
	{ "options", sec_options },
	{ "assumptions", sec_assumptions },
};

static const char css[] =
	"body{font-family:\"Helvetica Neue\",Helvetica,Arial,\"Nimbus Sans\",\"Liberation Sans\","
	"\"DejaVu Sans\",sans-serif;font-size:10pt;line-height:1.4;color:#1d232b;margin:0 auto;"
	"max-width:190mm;padding:8mm;}\n"
	"@media print{body{max-width:none;padding:0}}\n"
	"h1{font-size:22pt;line-height:1.15;margin:2mm 0 2mm;color:#1f4e79;font-weight:700}\n"
	"h2{font-size:15pt;color:#1f4e79;border-bottom:1.5pt solid #1f4e79;padding-bottom:1mm;"
	"margin:0 0 4mm}\n"
	"h3{font-size:11pt;margin:5mm 0 1.5mm;color:#1d232b}\n"
	"h3.category{font-size:12pt;color:#1f4e79;margin-top:7mm}\n"
	"p{margin:0 0 2.5mm}\n"
	"section{break-before:page}\nsection.first{break-before:auto}\n"
	".kicker{text-transform:uppercase;letter-spacing:.12em;font-size:8pt;color:#5b6770;"
	"margin:0}\n"
	".meta{color:#5b6770;margin-bottom:4mm}\n"
	".cover{border-bottom:1pt solid #c9d1d9;margin-bottom:4mm}\n"
	".ask{font-size:11pt}\n"
	".cols{display:flex;gap:8mm;align-items:flex-start}\n.cols>div:first-child{flex:1.3}\n"
	".riskbox{flex:1;background:#f2f5f8;border-left:3pt solid #1f4e79;padding:1mm 4mm 2mm}\n"
	".riskbox table{width:100%}\n"
	".summary{border-top:1pt solid #c9d1d9;padding-top:2mm;font-size:10.5pt}\n"
	".summary p{margin-bottom:1.8mm}\n"
	".small{font-size:8pt;color:#5b6770}\n"
	"table{border-collapse:collapse;margin:2mm 0 4mm;font-size:8.5pt;break-inside:avoid}\n"
	"table.num{width:100%}\n table.wide{font-size:7pt}\n"
	"caption{text-align:left;font-weight:700;font-size:9pt;padding-bottom:1mm;color:#1d232b}\n"
	"th,td{padding:.7mm 1.6mm;vertical-align:top}\n"
	"thead th{border-bottom:1pt solid #1d232b;font-weight:700;text-align:left}\n"
	"tbody th{text-align:left;font-weight:400}\n"
	".n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tr.total th,tr.total td{font-weight:700;border-top:.6pt solid #1d232b}\n"
	"tr.key th,tr.key td{font-weight:700}\n"
	"tr.group th{font-weight:700;color:#1f4e79;padding-top:2mm}\n"
	"tr.input th,tr.input td{color:#3c4650}\n"
	"tbody tr{border-bottom:.4pt solid #e3e7eb}\n"
	".headline td{font-size:9.5pt}\n"
	".src{display:block;font-size:7pt;color:#6b7680}\n"
	"table.reg{width:100%;font-size:7.5pt;break-inside:auto}\n"
	".line{break-inside:avoid;margin-bottom:3mm}\n"
	".formula{font-size:9pt}\n"
	".facts{font-size:8.5pt;color:#3c4650}\n.facts span{margin-right:6mm}\n"
	"svg.chart{width:100%;height:auto;display:block;margin:2mm 0 4mm;break-inside:avoid;"
	"font-family:inherit}\n"
	"ul.diff li{margin-bottom:1mm}\n"
	"dl.options{display:grid;grid-template-columns:max-content 1fr;gap:.5mm 4mm;"
	"font-size:9pt}\ndl.options dt{font-weight:700}\ndl.options dd{margin:0}\n";

void html_document(const html_doc *d, FILE *fp)
{
	const char *title = d->title && d->title[0] ? d->title : case_title(&d->cases[0]);

	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", fp);
	fputs("<meta name=\"generator\" content=\"crmroi " CRMROI_VERSION "\">\n<title>", fp);
	text(fp, title);
	fputs("</title>\n<style>\n", fp);
	fprintf(fp, "@page{size:%s;margin:16mm 15mm 18mm 15mm;"
		"@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
		"font-size:8pt;color:#5b6770}}\n", d->letter ? "letter" : "A4");
	fputs(css, fp);
	fputs("</style>\n</head>\n<body>\n", fp);
	for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
		sections[i].fn(d, fp);
	fputs("<footer class=\"small\"><p>Prepared with crmroi " CRMROI_VERSION
	      " from the scenario files named on the first page.</p></footer>\n", fp);
	fputs("</body>\n</html>\n", fp);
}
