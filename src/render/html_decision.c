/*
 * html_decision.c - the document's sections on the decision and the money:
 * the cover with the ask, the headline metrics and the risk box, the
 * sentences a board reads first; costs and benefits by year; and each
 * benefit and each cost line by line, from its inputs through the risk
 * adjustment to its risk-adjusted amount.
 *
 * Not the risk, options or register sections (html_risk.c, html_options.c,
 * html_register.c), nor the charts themselves (html_charts.c).
 */
#include "html_priv.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The header row of a period table: label column, Initial, Year 1..n, Total, PV. */
static void period_head(FILE *fp, const report *r, const char *first)
{
	char lab[32];

	fputs("<thead><tr><th>", fp);
	html_text(fp, first);
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
	html_text(fp, label);
	fputs("</th>", fp);
	for (int c = 0; c < r->ncols; c++) {
		html_money0(b, sizeof b, cols[c]);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	}
	html_money0(b, sizeof b, total);
	fprintf(fp, "<td class=\"n\">%s</td>", b);
	if (has_pv) {
		html_money0(b, sizeof b, pv);
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
		html_text(fp, caption);
		fputs("</caption>\n", fp);
	}
}

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
	return hc->sim.metric[CRM_SIM_NPV].defined ? hc->sim.p_npv_negative : 0;
}

static void decision_sentences(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	const crm_metrics *m = &hc->r.c->m, *um = &hc->r.c->unadjusted;
	const crm_scenario *sc = hc->r.sc;
	const char *cur = html_currency(hc);
	char a[96], b[96], c3[96], rate[32], roi[32];

	fputs("<div class=\"summary\">\n", fp);
	fmt_percent(rate, sizeof rate, sc->settings.discount_rate);
	html_short_money(a, sizeof a, cur, m->npv);
	html_short_money(b, sizeof b, cur, m->pv_costs);
	html_short_money(c3, sizeof c3, cur, um->npv);
	fputs("<p>", fp);
	if (m->roi_ok) {
		fmt_percent(roi, sizeof roi, m->roi);
		/* A loss is said once: "loses USD 510,349", never "loses USD -510,349". */
		char loss[96];
		html_short_money(loss, sizeof loss, cur, -m->npv);
		fprintf(fp, "The case %s a net present value of ", m->npv >= 0 ? "creates" : "loses");
		html_text(fp, m->npv >= 0 ? a : loss);
		fputs(" at a discount rate of ", fp);
		html_text(fp, rate);
		fputs(" on ", fp);
		html_text(fp, b);
		fputs(" of costs in present value: a risk-adjusted ROI of ", fp);
		html_text(fp, roi);
		fputs(" (", fp);
		html_text(fp, c3);
		fputs(" before the risk adjustment).", fp);
	} else {
		fputs("The case has a net present value of ", fp);
		html_text(fp, a);
		fputs(" at a discount rate of ", fp);
		html_text(fp, rate);
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
		html_short_money(p10, sizeof p10, cur, s->pct[1]);
		html_short_money(p90, sizeof p90, cur, s->pct[5]);
		fmt_percent(pl, sizeof pl, share_negative(hc));
		fputs("<p>With the uncertain inputs drawn from their ranges, NPV lies between ", fp);
		html_text(fp, p10);
		fputs(" (P10) and ", fp);
		html_text(fp, p90);
		fputs(" (P90); the probability of a negative NPV is ", fp);
		html_text(fp, pl);
		fputs(".</p>\n", fp);
	}
	if (hc->ntornado && hc->tornado[0].swing_ok) {
		const crm_tornado_row *t = &hc->tornado[0];
		char lo[64], v[96];
		html_param_value(lo, sizeof lo, sc, &t->param,
				 t->at_low.v <= t->at_high.v ? t->low : t->high);
		html_short_money(v, sizeof v, cur, fmin(t->at_low.v, t->at_high.v));
		fputs("<p>The largest risk is <b>", fp);
		html_text(fp, t->param.name);
		fputs("</b>: at ", fp);
		html_text(fp, lo);
		fputs(" NPV falls to ", fp);
		html_text(fp, v);
		fputs(".", fp);
		const crm_breakeven *be = first_breakeven(hc);
		if (be) {
			char bv[64], ch[32];
			html_param_value(bv, sizeof bv, sc, &be->param, be->value);
			snprintf(ch, sizeof ch, "%.0f%%", fabs(be->change) * 100);
			fputs(" The conclusion holds unless ", fp);
			html_text(fp, be->param.name);
			fprintf(fp, " %s %s ", be->value < be->param.base ? "falls below" : "rises above",
				"");
			html_text(fp, bv);
			fputs(" (", fp);
			html_text(fp, ch);
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
	html_text(fp, html_currency(hc));
	fputs("</th><th class=\"n\">Risk-adjusted</th><th class=\"n\">Unadjusted</th></tr>"
	      "</thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		headline_text(a, sizeof a, rows[i].kind, rows[i].ok1, rows[i].v1);
		headline_text(b, sizeof b, rows[i].kind, rows[i].ok2, rows[i].v2);
		fprintf(fp, "<tr%s><th>", i == 0 ? " class=\"key\"" : "");
		html_text(fp, rows[i].label);
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
		html_text(fp, d->no_simulation ? "Simulation turned off (--no-simulation)."
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
		html_text(fp, q[i].label);
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

int html_sec_decision(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const report *r = &hc->r;
	const crm_metrics *m = &r->c->m;
	const char *cur = html_currency(hc);
	double *cost = calloc((size_t)r->ncols, sizeof *cost);
	char a[96], b[96], c3[96], lab[32];

	fputs("<section id=\"decision\" class=\"first\">\n<header class=\"cover\">\n", fp);
	fputs("<p class=\"kicker\">Business case for decision</p>\n", fp);
	html_elem(fp, "h1", NULL, d->title && d->title[0] ? d->title : html_case_title(hc));
	fputs("<p class=\"meta\">", fp);
	if (d->author && d->author[0]) {
		html_text(fp, d->author);
		fputs(" &#183; ", fp);
	}
	html_text(fp, d->date);
	fputs(" &#183; scenario ", fp);
	html_text(fp, r->sc->file);
	fputs("</p>\n</header>\n", fp);

	/* The ask: what is spent, and when. */
	if (cost) {
		report_fold(r, r->c->cf->costs, cost);
		html_short_money(a, sizeof a, cur, m->total_costs);
		html_short_money(b, sizeof b, cur, cost[0]);
		html_short_money(c3, sizeof c3, cur, -m->peak_investment);
		fputs("<p class=\"ask\"><b>The ask:</b> approve ", fp);
		html_text(fp, a);
		fprintf(fp, " of spending over %d year%s (risk-adjusted), ",
			r->sc->settings.horizon_years, r->sc->settings.horizon_years == 1 ? "" : "s");
		html_text(fp, b);
		fputs(" of it at the start", fp);
		if (r->ncols > 1) {
			html_short_money(b, sizeof b, cur, cost[1]);
			report_col_label(r, 1, lab, sizeof lab);
			fputs(" and ", fp);
			html_text(fp, b);
			fputs(" in ", fp);
			html_text(fp, lab);
		}
		fputs(". ", fp);
		if (m->peak_investment < 0) {
			fputs("The most cash the program has out at any time is ", fp);
			html_text(fp, c3);
			if (m->peak_period == 0) {
				fputs(", at the start.", fp);
			} else if (r->c->cf->months_per_period == 12) {
				report_col_label(r, r->col_of[m->peak_period], lab, sizeof lab);
				fputs(", at the end of ", fp);
				html_text(fp, lab);
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
	html_chart_cumulative(fp, d, 0, "Cumulative net cash flow and payback");
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

int html_sec_years(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	char cap[200];

	html_section_open(fp, "years", "Costs and benefits by year");
	html_chart_years(fp, hc);
	html_chart_stacked(fp, hc, CRM_BENEFIT);
	snprintf(cap, sizeof cap, "Cash-flow summary (%s): Initial is the investment date, "
		 "each year is discounted at its end", html_currency(hc));
	table_open(fp, &hc->r, cap);
	period_head(fp, &hc->r, html_currency(hc));
	fputs("<tbody>\n", fp);
	tei_rows(fp, hc, 0);
	tei_rows(fp, hc, 1);
	fputs("</tbody></table>\n</section>\n", fp);
	return 1;
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
	html_param_value(b, sizeof b, sc, &p, v);
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
	html_elem(fp, "h3", NULL, ln->label);
	fputs("<p class=\"formula\"><b>Calculation:</b> ", fp);
	html_text(fp, ln->value_text);
	fputs("; ", fp);
	html_timing_words(fp, ln, 12 * sc->settings.horizon_years);
	fputs(".", fp);
	if (ln->note[0]) {
		fputs(" ", fp);
		html_text(fp, ln->note);
		if (ln->note[strlen(ln->note) - 1] != '.')
			fputs(".", fp);
	}
	fputs("</p>\n", fp);
	if (out) {
		fputs("<p class=\"formula\"><b>Class ", fp);
		html_text(fp, crm_class_name(ln->cls));
		fputs(":</b> not in NPV or any metric; shown apart with its present value.</p>\n",
		      fp);
	}
	table_open(fp, r, NULL);
	period_head(fp, r, html_currency(hc));
	fputs("<tbody>\n", fp);
	for (size_t k = 0; k < ndeps; k++) {
		size_t i = (size_t)deps[k];
		const crm_input *in = &sc->inputs[i];
		input_cols(r, i, iv);
		fputs("<tr class=\"input\"><th>", fp);
		html_text(fp, in->name);
		if (in->note[0]) {
			fputs("<span class=\"src\">", fp);
			html_text(fp, in->note);
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
	html_text(fp, ln->owner[0] ? ln->owner : "not named");
	fputs("</span>", fp);
	if (ln->kind == CRM_BENEFIT || ln->metric[0]) {
		fputs("<span>Proven by: ", fp);
		html_text(fp, ln->metric[0] ? ln->metric : "no KPI named");
		fputs("</span>", fp);
	}
	fputs("</p>\n</div>\n", fp);
done:
	free(adj);
	free(un);
	free(dif);
	free(iv);
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
		html_money0(b, sizeof b, r->c->cls[c].pv);
		fputs("<tr><th>", fp);
		html_text(fp, crm_class_name((crm_class)c));
		fprintf(fp, "</th><td class=\"n\">%s</td><td>%s</td></tr>\n", b,
			in ? "yes" : c == CRM_CLASS_FLEXIBILITY ? "no: flexibility, not in NPV"
			   : "no: left out by --only");
	}
	fputs("</tbody></table>\n", fp);
}

int html_sec_benefits(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;

	html_section_open(fp, "benefits", "Each benefit, how it is calculated");
	fputs("<p>Each table shows the inputs a benefit uses, its amount before and after the "
	      "risk adjustment, and who owns it. Amounts in ", fp);
	html_text(fp, html_currency(hc));
	fputs("; an input is shown in the years where the benefit has an amount.</p>\n", fp);
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_BENEFIT)
			line_block(fp, hc, l, hc->r.c->m.pv_benefits);
	classes_html(fp, hc);
	fputs("</section>\n", fp);
	return 1;
}

int html_sec_costs(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);
	char name[128];

	if (!areas)
		return 0;
	html_section_open(fp, "costs", "Costs by category");
	html_chart_stacked(fp, hc, CRM_COST);
	size_t na = report_areas(&hc->r, CRM_COST, 0, areas);
	for (size_t a = 0; a < na; a++) {
		html_area_name(name, sizeof name, areas[a]);
		html_elem(fp, "h3", "category", name);
		for (size_t l = 0; l < sc->nlines; l++)
			if (sc->lines[l].kind == CRM_COST && !strcmp(sc->lines[l].area, areas[a]))
				line_block(fp, hc, l, hc->r.c->m.pv_costs);
	}
	free(areas);
	fputs("</section>\n", fp);
	return 1;
}
