/*
 * html_summary.c - the document's first page, the executive summary a board
 * reads first: the cover; with actuals, the program's status (the gate
 * verdicts and the trend re-forecast) before anything else; the decision
 * requested (the base amount and the contingency apart, peak funding at the
 * month it happens); that options exist and which one the numbers favour;
 * the headline metrics after and before tax and before the risk adjustment,
 * with NPV on hard benefits; the risk range; the key findings; and the
 * recommendation, every sentence generated from the numbers.
 *
 * Not the sections behind it (html_decision.c, html_budget.c, html_risk.c,
 * html_options.c, html_register.c, html_method.c), and no metric: figures
 * come from the case, the simulation and the tracking the front end handed
 * over.
 */
#include "html_priv.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ status */

/* The program's overall verdict: the worst of its phases', off track when the trend NPV is below 0. */
static crm_verdict overall_verdict(const crm_track *t)
{
	crm_verdict v = CRM_ON_TRACK;

	for (size_t p = 0; p < t->sc->nphases; p++)
		if (t->phases[p].verdict > v)
			v = t->phases[p].verdict;
	if (t->trend.npv < 0)
		v = CRM_OFF_TRACK;
	return v;
}

/* The costs to date against the approved plan and against the budget before risk. */
static void cost_status(FILE *fp, const html_case *hc, const crm_track *t)
{
	const crm_track_cell *c = &t->rows[t->sc->nlines].cum[t->last];
	const char *cur = html_currency(hc);
	char a[64], b[64], x[96], y[96];

	if (!(c->plan_raw > 0) || !(c->plan > 0))
		return;
	html_rate(a, sizeof a, (c->actual - c->plan) / c->plan);
	html_rate(b, sizeof b, (c->actual - c->plan_raw) / c->plan_raw);
	fprintf(fp, " Costs to date are %s%s against the approved plan and %s%s against the budget "
		"before risk", c->actual >= c->plan ? "+" : "", a, c->actual >= c->plan_raw ? "+" : "",
		b);
	double contingency = c->plan - c->plan_raw, used = c->actual - c->plan_raw;
	if (contingency > 0 && used > 0) {
		explain_money(x, sizeof x, cur, contingency);
		if (used >= contingency) {
			explain_money(y, sizeof y, cur, used - contingency);
			fprintf(fp, ": the contingency for these months, %s, is used up", x);
			if (used > contingency)
				fprintf(fp, ", and %s more", y);
		} else {
			explain_money(y, sizeof y, cur, used);
			fprintf(fp, ": %s of the contingency for these months, %s, is used", y, x);
		}
	}
	fputs(".", fp);
}

static void status_box(FILE *fp, const html_doc *d)
{
	const crm_track *t = d->track;
	const html_case *hc = &d->cases[0];
	const char *cur = html_currency(hc);
	crm_verdict v = overall_verdict(t);
	char last[64], a[96], b[96], c3[96];

	crm_track_month_label(t->sc, t->last, last, sizeof last);
	fprintf(fp, "<div class=\"status %s\">\n<p class=\"statusline\"><b>Status at ",
		v == CRM_ON_TRACK ? "ok" : v == CRM_AT_RISK ? "warn" : "bad");
	html_text(fp, last);
	fputs(": ", fp);
	char vn[32];
	snprintf(vn, sizeof vn, "%s", crm_verdict_name(v));
	vn[0] = (char)(vn[0] - 'a' + 'A');
	html_text(fp, vn);
	fputs("</b></p>\n<p>", fp);
	explain_money(a, sizeof a, cur, t->trend.npv);
	explain_money(b, sizeof b, cur, t->approved.npv);
	explain_money(c3, sizeof c3, cur, fabs(t->trend.npv - t->approved.npv));
	fputs("Re-forecast on the trend so far, NPV is ", fp);
	html_text(fp, a);
	fputs(", ", fp);
	html_text(fp, c3);
	fprintf(fp, " %s the approved ", t->trend.npv < t->approved.npv ? "below" : "above");
	html_text(fp, b);
	fputs(t->trend.npv < 0 ? ": on the trend the program loses money." : ".", fp);
	cost_status(fp, hc, t);
	fputs("</p>\n", fp);
	if (t->sc->nphases) {
		fputs("<ul class=\"gates\">\n", fp);
		for (size_t p = 0; p < t->sc->nphases; p++) {
			char name[128];
			explain_name(t->sc->phases[p].name, name, sizeof name);
			fputs("<li><b>", fp);
			html_text(fp, name);
			fputs("</b>: ", fp);
			html_text(fp, crm_verdict_name(t->phases[p].verdict));
			fputs(" &#8212; ", fp);
			html_text(fp, t->phases[p].reason);
			fputs("</li>\n", fp);
		}
		fputs("</ul>\n", fp);
	}
	fputs("</div>\n", fp);
}

/* -------------------------------------------------------- the decision asked */

static void decision_requested(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	const report *r = &hc->r;
	const crm_case *c = r->c;
	const char *cur = html_currency(hc);
	double *cost = calloc((size_t)r->ncols, sizeof *cost);
	char a[96], b[96], c3[96], lab[32], when[64];
	int years = r->sc->settings.horizon_years;

	if (!cost)
		return;
	report_fold(r, c->cf->costs, cost);
	fprintf(fp, "<h3>%s</h3>\n<p class=\"ask\">", d->track ? "The approved plan"
		: "The decision requested");
	explain_money(a, sizeof a, cur, c->m.total_costs);
	explain_money(b, sizeof b, cur, c->unadjusted.total_costs);
	explain_money(c3, sizeof c3, cur, c->m.total_costs - c->unadjusted.total_costs);
	fputs(d->track ? "The board approved " : "<b>Approve ", fp);
	html_text(fp, a);
	fprintf(fp, " of spending over %d year%s%s: ", years, years == 1 ? "" : "s",
		d->track ? "" : "</b>");
	html_text(fp, b);
	if (c->m.total_costs - c->unadjusted.total_costs > 0.5) {
		fputs(" as planned and ", fp);
		html_text(fp, c3);
		fputs(" of contingency, the risk adjustment of the costs. ", fp);
	} else {
		fputs(" as planned, with no contingency: no cost carries a risk adjustment. ", fp);
	}
	explain_money(a, sizeof a, cur, cost[0]);
	if (cost[0] != 0) {
		html_text(fp, a);
		fputs(" is spent at the start", fp);
	} else {
		fputs("Nothing is spent at the start", fp);
	}
	if (r->ncols > 1 && cost[1] != 0) {
		explain_money(b, sizeof b, cur, cost[1]);
		report_col_label(r, 1, lab, sizeof lab);
		fputs(cost[0] != 0 ? " and " : "; ", fp);
		html_text(fp, b);
		fputs(cost[0] != 0 ? " in " : " is spent in ", fp);
		html_text(fp, lab);
	}
	fputs(".", fp);
	if (c->peak_funding < 0) {
		explain_money(a, sizeof a, cur, -c->peak_funding);
		html_in_month(when, sizeof when, r->sc, c->peak_month);
		fputs(" <b>Peak funding: ", fp);
		html_text(fp, a);
		fputs("</b>, the most cash the program has out, reached ", fp);
		html_text(fp, when);
		fputs(".", fp);
	}
	fputs("</p>\n", fp);
	free(cost);
}

/* ------------------------------------------------------------ the headline */

enum { COL_AFTER_TAX, COL_BEFORE_TAX, COL_UNADJUSTED, NCOLS };

static void headline_table(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const crm_metrics *ms[NCOLS] = { c->has_tax ? &c->at.metrics : NULL, &c->m, &c->unadjusted };
	int dated = c->convention == CRM_DISCOUNT_DATED;
	char v[64], when[64];
	enum { R_NPV, R_HARD, R_ROI, R_IRR, R_MIRR, R_PAYBACK, R_DPAYBACK, R_PVB, R_PVC, R_BCR,
	       R_PEAK, NROWS };

	fputs("<table class=\"num headline\">\n<thead><tr><th>", fp);
	html_text(fp, html_currency(hc));
	fputs("</th>", fp);
	if (c->has_tax)
		fputs("<th class=\"n\">After tax</th><th class=\"n\">Before tax</th>"
		      "<th class=\"n\">Before tax and risk</th>", fp);
	else
		fputs("<th class=\"n\">Risk-adjusted</th><th class=\"n\">Before risk</th>", fp);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (int row = 0; row < NROWS; row++) {
		const char *label = "";
		if (row == R_HARD && !(c->pv_soft > 0))
			continue;
		if (row == R_PEAK && !(c->peak_funding < 0))
			continue;
		switch (row) {
		case R_NPV: label = dated ? "NPV (XNPV)" : "NPV"; break;
		case R_HARD: label = "NPV, hard benefits only"; break;
		case R_ROI: label = "ROI (TEI)"; break;
		case R_IRR: label = dated ? "IRR (XIRR)" : "IRR"; break;
		case R_MIRR: label = "MIRR"; break;
		case R_PAYBACK: label = "Payback"; break;
		case R_DPAYBACK: label = "Discounted payback"; break;
		case R_PVB: label = "PV of benefits"; break;
		case R_PVC: label = "PV of costs"; break;
		case R_BCR: label = "Benefit-cost ratio"; break;
		default:
			if (c->peak_month)
				snprintf(when, sizeof when, "month %d", c->peak_month);
			else
				snprintf(when, sizeof when, "at the start");
			label = "Peak funding";
			break;
		}
		fprintf(fp, "<tr%s><th>", row == R_NPV ? " class=\"key\"" : "");
		html_text(fp, label);
		if (row == R_PEAK) {
			fputs(", ", fp);
			html_text(fp, when);
		}
		fputs("</th>", fp);
		for (int k = 0; k < NCOLS; k++) {
			const crm_metrics *m = ms[k];
			if (!m)
				continue;
			switch (row) {
			case R_NPV: html_figure(v, sizeof v, HEADLINE_MONEY, 1, m->npv); break;
			case R_HARD:
				html_figure(v, sizeof v, HEADLINE_MONEY, k == COL_BEFORE_TAX, c->npv_hard);
				break;
			case R_ROI: html_figure(v, sizeof v, HEADLINE_PERCENT, m->roi_ok, m->roi); break;
			case R_IRR:
				html_figure(v, sizeof v, HEADLINE_PERCENT, m->irr_ok, m->irr_value);
				break;
			case R_MIRR: html_figure(v, sizeof v, HEADLINE_PERCENT, m->mirr_ok, m->mirr); break;
			case R_PAYBACK:
				html_figure(v, sizeof v, HEADLINE_MONTHS,
					    m->payback.status == CRM_PAYBACK_REACHED, m->payback.months);
				break;
			case R_DPAYBACK:
				html_figure(v, sizeof v, HEADLINE_MONTHS,
					    m->dpayback.status == CRM_PAYBACK_REACHED, m->dpayback.months);
				break;
			case R_PVB: html_figure(v, sizeof v, HEADLINE_MONEY, 1, m->pv_benefits); break;
			case R_PVC: html_figure(v, sizeof v, HEADLINE_MONEY, 1, m->pv_costs); break;
			case R_BCR: html_figure(v, sizeof v, HEADLINE_RATIO, m->bcr_ok, m->bcr); break;
			default:
				html_figure(v, sizeof v, HEADLINE_MONEY, k == COL_BEFORE_TAX,
					    -c->peak_funding);
				break;
			}
			/* A figure the core gives for one view only is blank in the others. */
			if (!strcmp(v, "n/a") && (row == R_HARD || row == R_PEAK))
				v[0] = '\0';
			fprintf(fp, "<td class=\"n\">%s</td>", v);
		}
		fputs("</tr>\n", fp);
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
	const crm_sim_metric *t = &hc->sim.metric[CRM_SIM_AFTER_TAX_NPV];
	int tax = t->computed && t->defined;
	static const struct { const char *label; int idx; } q[] = {
		{ "P10", 1 }, { "P50 (median)", 3 }, { "P90", 5 }
	};
	fputs("<table class=\"num\">\n", fp);
	if (tax)
		fputs("<thead><tr><th></th><th class=\"n\">After tax</th><th class=\"n\">Before tax"
		      "</th></tr></thead>\n", fp);
	fputs("<tbody>\n", fp);
	for (size_t i = 0; i < 3; i++) {
		fputs("<tr><th>", fp);
		html_text(fp, q[i].label);
		fputs("</th>", fp);
		if (tax) {
			fmt_money(b, sizeof b, t->pct[q[i].idx], 0);
			fprintf(fp, "<td class=\"n\">%s</td>", b);
		}
		fmt_money(b, sizeof b, s->pct[q[i].idx], 0);
		fprintf(fp, "<td class=\"n\">%s</td></tr>\n", b);
	}
	html_sim_share(b, sizeof b, hc->sim.p_npv_negative, s->defined);
	fprintf(fp, "<tr class=\"key\"><th>P(NPV &lt; 0)</th>%s<td class=\"n\">%s</td></tr>\n",
		tax ? "<td class=\"n\"></td>" : "", b);
	if (isfinite(hc->sim.reference_share)) {
		html_sim_share(b, sizeof b, hc->sim.reference_share, s->defined);
		fprintf(fp, "<tr><th>Draws below base</th>%s<td class=\"n\">%s</td></tr>\n",
			tax ? "<td class=\"n\"></td>" : "", b);
	}
	fputs("</tbody></table>\n", fp);
	fmt_money(b, sizeof b, (double)hc->sim.iterations, 0);
	fprintf(fp, "<p class=\"small\">%s draws, seed %llu, on top of the risk adjustment. P10: "
		"1 in 10 outcomes is below it; P90: 1 in 10 above.%s</p>\n", b,
		(unsigned long long)d->seed, tax ? " The probability of a loss is given before tax "
		"only." : "");
	fputs("</div>\n", fp);
}

/* ---------------------------------------------------------------- findings */

static void finding_value(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const crm_metrics *m = html_head_metrics(hc);
	const char *cur = html_currency(hc);
	char a[96], b[96], rate[32], roi[32];

	fmt_share(rate, sizeof rate, hc->r.sc->settings.discount_rate);
	explain_money(a, sizeof a, cur, fabs(m->npv));
	explain_money(b, sizeof b, cur, m->pv_costs);
	fputs("<li>", fp);
	fprintf(fp, "The case %s a net present value%s of ", m->npv >= 0 ? "creates" : "loses",
		c->has_tax ? " after tax" : "");
	html_text(fp, a);
	fputs(" at a discount rate of ", fp);
	html_text(fp, rate);
	fputs(" on ", fp);
	html_text(fp, b);
	fputs(" of costs in present value", fp);
	if (m->roi_ok) {
		html_rate(roi, sizeof roi, m->roi);
		fputs(": a risk-adjusted ROI of ", fp);
		html_text(fp, roi);
	}
	fputs(".</li>\n", fp);
}

static void finding_payback(FILE *fp, const html_case *hc)
{
	const crm_metrics *m = html_head_metrics(hc);
	char a[96], b[96];

	html_payback_words(a, sizeof a, hc->r.sc, &m->payback);
	html_payback_words(b, sizeof b, hc->r.sc, &m->dpayback);
	fputs("<li>", fp);
	if (m->payback.status == CRM_PAYBACK_REACHED) {
		fprintf(fp, "It pays back%s in ", hc->r.c->has_tax ? " after tax" : "");
		html_text(fp, a);
		if (m->dpayback.status == CRM_PAYBACK_REACHED) {
			fputs(", and in ", fp);
			html_text(fp, b);
			fputs(" on discounted cash flows.", fp);
		} else {
			fputs("; on discounted cash flows it does not pay back within the horizon.", fp);
		}
	} else {
		fprintf(fp, "It does not pay back%s within the %d-year horizon.",
			hc->r.c->has_tax ? " after tax" : "", hc->r.sc->settings.horizon_years);
	}
	fputs("</li>\n", fp);
}

static void finding_range(FILE *fp, const html_case *hc)
{
	const crm_sim_metric *s = &hc->sim.metric[CRM_SIM_NPV];
	const char *cur = html_currency(hc);
	char p10[96], p90[96], pl[64], buf[1024];

	explain_money(p10, sizeof p10, cur, s->pct[1]);
	explain_money(p90, sizeof p90, cur, s->pct[5]);
	html_sim_share(pl, sizeof pl, hc->sim.p_npv_negative, s->defined);
	fprintf(fp, "<li>With the uncertain inputs drawn from their ranges, NPV%s lies between ",
		hc->r.c->has_tax ? " before tax" : "");
	html_text(fp, p10);
	fputs(" (P10) and ", fp);
	html_text(fp, p90);
	fputs(" (P90); the probability of a negative NPV is ", fp);
	html_text(fp, pl);
	fputs(".", fp);
	if (html_base_rank(hc, buf, sizeof buf)) {
		fputs(" ", fp);
		html_text(fp, buf);
	}
	fputs("</li>\n", fp);
}

static const crm_breakeven *first_breakeven(const html_case *hc)
{
	/* The found break-even with the smallest margin of safety. */
	const crm_breakeven *best = NULL;

	for (size_t i = 0; i < hc->nbe; i++) {
		const crm_breakeven *b = &hc->be[i];
		if (b->status != CRM_BE_FOUND || !isfinite(b->change) || hc->be_why[i][0])
			continue;
		if (!best || fabs(b->change) < fabs(best->change))
			best = b;
	}
	return best;
}

static void finding_risk(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	const crm_tornado_row *t = &hc->tornado[0];
	char lo[64], v[96], lab[256], buf[1024];

	html_param_value(lo, sizeof lo, sc, &t->param,
			 t->at_low.v <= t->at_high.v ? t->low : t->high);
	explain_money(v, sizeof v, html_currency(hc), fmin(t->at_low.v, t->at_high.v));
	html_param_label(lab, sizeof lab, sc, &t->param);
	fputs("<li>The largest risk is <b>", fp);
	html_text(fp, lab);
	fputs("</b>: at ", fp);
	html_text(fp, lo);
	fprintf(fp, " NPV%s falls to ", hc->r.c->has_tax ? " before tax" : "");
	html_text(fp, v);
	fputs(".", fp);
	const crm_breakeven *be = first_breakeven(hc);
	if (be && be->at_base.ok && be->at_base.v >= 0) {
		html_breakeven_words(hc, be, buf, sizeof buf);
		fputs(" The conclusion holds unless ", fp);
		html_text(fp, buf);
		fputs(".", fp);
	}
	fputs("</li>\n", fp);
}

/* A gate of the proposal: what it decides, and NPV either way. */
static void finding_gates(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const char *cur = html_currency(hc);

	for (size_t k = 0; k < c->ngates; k++) {
		const crm_case_gate *g = &c->gates[k];
		const crm_group *grp = &hc->r.sc->groups[g->group];
		char p[32], a[96], b[96], name[128], when[64];
		fmt_share(p, sizeof p, g->probability);
		explain_money(a, sizeof a, cur, g->go.npv);
		explain_money(b, sizeof b, cur, g->stop.npv);
		explain_name(grp->name, name, sizeof name);
		html_in_month(when, sizeof when, hc->r.sc, grp->first_month);
		fputs("<li>The gate <b>", fp);
		html_text(fp, name);
		fputs("</b> is decided ", fp);
		html_text(fp, when);
		fprintf(fp, " and counted at %s: if it goes ahead NPV is ", p);
		html_text(fp, a);
		fputs(", if it stops ", fp);
		html_text(fp, b);
		fputs(" (before tax).</li>\n", fp);
	}
}

static void key_findings(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	char buf[1024];

	fputs("<h3>Key findings</h3>\n<ul class=\"findings\">\n", fp);
	finding_value(fp, hc);
	explain_tax_effect(hc->r.c, buf, sizeof buf);
	if (buf[0]) {
		fputs("<li>", fp);
		html_text(fp, buf);
		fputs("</li>\n", fp);
	}
	explain_hard_soft(hc->r.c, buf, sizeof buf);
	if (buf[0]) {
		fputs("<li>", fp);
		html_text(fp, buf);
		fputs("</li>\n", fp);
	}
	finding_payback(fp, hc);
	finding_gates(fp, hc);
	if (hc->simulated)
		finding_range(fp, hc);
	if (hc->ntornado && hc->tornado[0].swing_ok)
		finding_risk(fp, hc);
	fputs("</ul>\n", fp);
}

/* ----------------------------------------------------------- recommendation */

/* One case: approve, approve with a condition, or do not approve as planned. */
static void recommend_one(const html_case *hc, char *buf, size_t len)
{
	const crm_case *c = hc->r.c;
	const crm_metrics *m = html_head_metrics(hc);
	double ploss = hc->simulated ? hc->sim.p_npv_negative : NAN;
	char p[64], a[96];

	if (hc->simulated)
		html_sim_share(p, sizeof p, ploss, hc->sim.metric[CRM_SIM_NPV].defined);
	if (m->npv < 0) {
		if (c->has_tax && c->m.npv >= 0)
			snprintf(buf, len, "Do not approve as planned: after tax NPV is negative, although "
				 "before tax it is not. Revisit the costs, the timing or the tax treatment "
				 "(capitalising, depreciation) first.");
		else
			snprintf(buf, len, "Do not approve as planned: NPV is negative at the discount "
				 "rate. The break-even values in the risk section show how far each input "
				 "must move for the case to pay.");
		return;
	}
	if (c->pv_soft > 0 && c->npv_hard < 0) {
		explain_money(a, sizeof a, html_currency(hc), c->npv_hard);
		snprintf(buf, len, "Approve on one condition: a plan that turns the productivity and "
			 "cost-avoidance benefits into cash (hours redeployed, hires not made, spending "
			 "cut), with an owner for each; on hard benefits alone NPV is %s.", a);
	} else {
		snprintf(buf, len, "Approve: the case creates value at the discount rate%s.",
			 c->pv_soft > 0 ? " on hard benefits alone" : "");
	}
	if (hc->simulated && isfinite(ploss)) {
		if (ploss >= 0.2)
			crm_appendf(buf, len, " Approve it in stages, with the gates and mitigations of "
				    "the risk section: NPV is negative in %s of the simulated outcomes.", p);
		else
			crm_appendf(buf, len, " NPV is negative in %s of the simulated outcomes.", p);
	}
}

/* With actuals: go on, or act on what is off track. */
static void recommend_track(const html_doc *d, char *buf, size_t len)
{
	const crm_track *t = d->track;
	crm_verdict v = overall_verdict(t);
	char names[512] = "";

	for (size_t p = 0, k = 0; p < t->sc->nphases; p++)
		if (t->phases[p].verdict == CRM_OFF_TRACK) {
			char n[128];
			explain_name(t->sc->phases[p].name, n, sizeof n);
			crm_appendf(names, sizeof names, "%s%s", k++ ? ", " : "", n);
		}
	if (v == CRM_ON_TRACK)
		snprintf(buf, len, "Continue as approved: every criterion due so far is met and the "
			 "trend re-forecast keeps NPV above zero.");
	else if (v == CRM_AT_RISK)
		snprintf(buf, len, "Continue, and close the missed criteria before their phases' "
			 "gates: the program is at risk, not off track.");
	else if (names[0])
		snprintf(buf, len, "Do not release the next phase's spending until %s %s back on "
			 "track%s.", names, strchr(names, ',') ? "are" : "is", t->trend.npv < 0 ?
			 " and a recovery plan brings the trend NPV above zero" : "");
	else
		snprintf(buf, len, "Do not release further spending until a recovery plan brings the "
			 "trend NPV above zero.");
}

static void recommendation(FILE *fp, const html_doc *d)
{
	char buf[2048];

	if (d->track)
		recommend_track(d, buf, sizeof buf);
	else if (d->ncases > 1)
		html_options_recommendation(d, buf, sizeof buf);
	else
		recommend_one(&d->cases[0], buf, sizeof buf);
	fputs("<p class=\"recommend\"><b>Recommendation:</b> ", fp);
	html_text(fp, buf);
	fputs("</p>\n", fp);
}

/* ---------------------------------------------------------------- the page */

static void options_line(FILE *fp, const html_doc *d)
{
	static const char *const count[] = { "", "One", "Two", "Three", "Four", "Five", "Six",
		"Seven", "Eight", "Nine", "Ten" };
	char b[128];

	fputs("<p class=\"ask\">", fp);
	if (d->ncases < sizeof count / sizeof *count)
		fprintf(fp, "%s options were assessed: ", count[d->ncases]);
	else
		fprintf(fp, "%zu options were assessed: ", d->ncases);
	for (size_t k = 0; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs(k == 0 ? "" : k + 1 == d->ncases ? " and " : ", ", fp);
		html_text(fp, b);
		if (k == 0)
			fputs(" (the proposal, shown on this page)", fp);
	}
	fputs(". The options section compares them like with like: before any risk, expected, "
	      "and with their risk ranges.</p>\n", fp);
}

static void basis_note(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	char buf[512], r[32];
	explain_classes rc;

	fputs("<p class=\"small\">", fp);
	if (hc->r.c->has_tax) {
		fmt_share(r, sizeof r, sc->settings.tax_rate);
		fprintf(fp, "After tax at %s of each year's profit, with the figures before tax beside "
			"them. ", r);
	} else {
		fputs("Before tax: the scenario sets no tax rate. ", fp);
	}
	fputs("Risk-adjusted as Forrester's TEI does: each benefit reduced and each cost increased "
	      "by its risk. ", fp);
	html_convention_short(buf, sizeof buf, sc);
	buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 'a' + 'A' : buf[0]);
	html_text(fp, buf);
	fputs(".", fp);
	explain_classes_of(sc, hc->r.c->only_given, 0, &rc);
	if (rc.shown) {
		fputs(" ", fp);
		html_text(fp, rc.sentence);
		fputs(".", fp);
	}
	fputs(" Method and glossary at the end.</p>\n", fp);
}

/*
 * A case with values still equal to their placeholder cell (crmroi new's
 * figures, crmroi-scenario(5)) is a draft: the board reads it here, since
 * it never sees the warnings that every command prints.
 */
static void draft_box(FILE *fp, const html_doc *d)
{
	size_t total = 0, with = 0;

	for (size_t k = 0; k < d->ncases; k++) {
		total += d->cases[k].r.sc->nplaceholders;
		with += d->cases[k].r.sc->nplaceholders > 0;
	}
	if (!total)
		return;
	fputs("<div class=\"status warn\">\n<p class=\"statusline\"><b>Draft: not yet the "
	      "company's figures</b></p>\n<p>", fp);
	if (d->ncases == 1) {
		fprintf(fp, "%zu value%s of this case %s still %s: ", total, total == 1 ? "" : "s",
			total == 1 ? "is" : "are", total == 1 ? "a placeholder" : "placeholders");
	} else {
		for (size_t k = 0, n = 0; k < d->ncases; k++) {
			size_t np = d->cases[k].r.sc->nplaceholders;
			if (!np)
				continue;
			fputs(n == 0 ? "" : n + 1 == with ? " and " : ", ", fp);
			fprintf(fp, "%zu%s of &#8220;", np, n > 0 ? "" : np == 1 ? " value" : " values");
			html_text(fp, html_case_title(&d->cases[k]));
			fputs("&#8221;", fp);
			n++;
		}
		fprintf(fp, " %s still %s: ", total == 1 ? "is" : "are",
			total == 1 ? "a placeholder" : "placeholders");
	}
	fputs("typical figures written to start from, not estimates of this company. crmroi check "
	      "lists each with its file and line; replace them before anyone decides on these "
	      "figures.</p>\n</div>\n", fp);
}

int html_sec_decision(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];

	fputs("<section id=\"decision\" class=\"first\">\n<header class=\"cover\">\n", fp);
	fprintf(fp, "<p class=\"kicker\">%s</p>\n", d->track ? "Business case: progress against "
		"the approved plan" : "Business case for decision");
	html_elem(fp, "h1", NULL, d->title && d->title[0] ? d->title : html_case_title(hc));
	fputs("<p class=\"meta\">", fp);
	if (d->author && d->author[0]) {
		html_text(fp, d->author);
		fputs(" &#183; ", fp);
	}
	html_text(fp, d->date);
	fputs("</p>\n</header>\n", fp);
	draft_box(fp, d);
	if (d->track)
		status_box(fp, d);
	decision_requested(fp, d);
	if (d->ncases > 1)
		options_line(fp, d);
	recommendation(fp, d);
	fputs("<div class=\"cols\">\n<div>\n<h3>Headline metrics</h3>\n", fp);
	headline_table(fp, hc);
	fputs("</div>\n<div class=\"side\">\n", fp);
	risk_box(fp, d);
	basis_note(fp, d);
	fputs("</div>\n</div>\n", fp);
	key_findings(fp, d);
	fputs("</section>\n", fp);
	return 1;
}
