/*
 * html_summary.c - the document's first page, the executive summary a board
 * reads first: the cover; with actuals, the program's status (the
 * re-forecast on the plan, the contingency used with what was assumed, the
 * trend as a scenario with what it rests on, the gate verdicts) before
 * anything else; the decision requested, the proposal's (the plan and the
 * contingency apart, peak funding at the month it happens); that options
 * exist; the recommendation, every sentence generated from the numbers; the
 * headline metrics after and before tax and before the risk adjustment, tax
 * a line of its own, with NPV on hard benefits; the risk range after and
 * before tax; and the key findings (the largest risk with its own
 * break-even, the risks without an owner).
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
	/* The actuals tracking filled in from the plan are part of these figures: say which. */
	if (html_track_assumed(t, 1) != 0) {
		char buf[1024];
		html_track_assumed_words(buf, sizeof buf, t, 1);
		fputs(" These costs count the plan where no actual was given: ", fp);
		html_text(fp, buf);
		fputs(".", fp);
	}
}

static void status_box(FILE *fp, const html_doc *d)
{
	const crm_track *t = d->track;
	const html_case *hc = &d->cases[0];
	const char *cur = html_currency(hc);
	crm_verdict v = overall_verdict(t);
	char last[64], a[96], b[96], c3[96], buf[2048];

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
	/* The forecast: the actuals, then the approved plan. */
	explain_money(a, sizeof a, cur, t->plan.npv);
	explain_money(b, sizeof b, cur, t->approved.npv);
	explain_money(c3, sizeof c3, cur, fabs(t->plan.npv - t->approved.npv));
	fputs("<b>Re-forecast with the actuals to ", fp);
	html_text(fp, last);
	fputs(" and the approved plan after: NPV ", fp);
	html_text(fp, a);
	fputs("</b>, ", fp);
	html_text(fp, c3);
	fprintf(fp, " %s the approved ", t->plan.npv < t->approved.npv ? "below" : "above");
	html_text(fp, b);
	html_payback_words(a, sizeof a, t->sc, &t->plan.payback);
	html_payback_words(b, sizeof b, t->sc, &t->approved.payback);
	fputs("; payback ", fp);
	html_text(fp, a);
	fputs(" against ", fp);
	html_text(fp, b);
	fputs(".", fp);
	cost_status(fp, hc, t);
	fputs("</p>\n<p>", fp);
	/* The trend: a scenario, with what it rests on. */
	explain_money(a, sizeof a, cur, t->trend.npv);
	html_payback_words(b, sizeof b, t->sc, &t->trend.payback);
	fputs("If every line went on at its index so far (the trend, a scenario rather than a "
	      "forecast), NPV would be ", fp);
	html_text(fp, a);
	fputs(" and payback ", fp);
	html_text(fp, b);
	fputs(t->trend.npv < 0 ? ": on the trend the program loses money" : "", fp);
	html_trend_words(buf, sizeof buf, hc, t);
	fputs(". It rests on ", fp);
	html_text(fp, buf);
	fputs(".</p>\n", fp);
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
			html_phase_reason(buf, sizeof buf, t, p);
			html_text(fp, buf);
			fputs("</li>\n", fp);
		}
		fputs("</ul>\n", fp);
	}
	fputs("</div>\n", fp);
}

/* -------------------------------------------------------- the decision asked */

/*
 * The decision requested (of the proposal, with several options): the
 * spending requested with the contingency apart, the spending as planned
 * at the start and in the first year (the contingency is held back, so the
 * plan is what is spent), and peak funding by month.
 */
static void decision_requested(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	const report *r = &hc->r;
	const crm_case *c = r->c;
	const char *cur = html_currency(hc);
	double *cost = calloc((size_t)r->ncols, sizeof *cost);
	double *adj = calloc((size_t)r->ncols, sizeof *adj);
	char a[96], b[96], c3[96], lab[32], when[64], name[128];
	int years = r->sc->settings.horizon_years;
	int contingency = c->m.total_costs - c->unadjusted.total_costs > 0.5;

	if (!cost || !adj)
		goto done;
	report_fold(r, c->unadjusted_cf->costs, cost);
	report_fold(r, c->cf->costs, adj);
	fprintf(fp, "<h3>%s</h3>\n<p class=\"ask\">", d->track ? "The approved plan"
		: "The decision requested");
	explain_money(a, sizeof a, cur, c->m.total_costs);
	explain_money(b, sizeof b, cur, c->unadjusted.total_costs);
	explain_money(c3, sizeof c3, cur, c->m.total_costs - c->unadjusted.total_costs);
	if (d->track) {
		fputs("The board approved ", fp);
	} else if (d->ncases > 1) {
		html_short_name(name, sizeof name, hc);
		fputs("<b>Approve the proposal, ", fp);
		html_text(fp, name);
		fputs(": ", fp);
	} else {
		fputs("<b>Approve ", fp);
	}
	html_text(fp, a);
	fprintf(fp, " of spending over %d year%s%s: ", years, years == 1 ? "" : "s",
		d->track ? "" : "</b>");
	html_text(fp, b);
	if (contingency) {
		fputs(" as planned and ", fp);
		html_text(fp, c3);
		fputs(" of contingency, the risk adjustment of the costs, held back and released only "
		      "when needed. ", fp);
	} else {
		fputs(" as planned, with no contingency: no cost carries a risk adjustment. ", fp);
	}
	explain_money(a, sizeof a, cur, cost[0]);
	if (cost[0] != 0) {
		fputs(contingency ? "As planned, " : "", fp);
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
	if (contingency && (cost[0] != 0 || (r->ncols > 1 && cost[1] != 0))) {
		explain_money(a, sizeof a, cur, adj[0]);
		explain_money(b, sizeof b, cur, r->ncols > 1 ? adj[1] : 0);
		fputs(" (", fp);
		if (cost[0] != 0 && r->ncols > 1 && cost[1] != 0) {
			html_text(fp, a);
			fputs(" and ", fp);
			html_text(fp, b);
		} else {
			html_text(fp, cost[0] != 0 ? a : b);
		}
		fputs(" with the contingency)", fp);
	}
	fputs(".", fp);
	if (c->peak_funding < 0) {
		explain_money(a, sizeof a, cur, -c->peak_funding);
		html_in_month(when, sizeof when, r->sc, c->peak_month);
		fputs(c->has_tax ? " <b>Peak funding before tax: " : " <b>Peak funding: ", fp);
		html_text(fp, a);
		fputs(html_no_risk(c) ? "</b>, the most cash the program has out, reached " :
		      "</b>, the most cash the program has out on the risk-adjusted figures, reached ",
		      fp);
		html_text(fp, when);
		if (html_dated_lines(r->sc))
			fputs(" (measured at month ends)", fp);
		if (c->unrisked_peak.funding < 0 &&
		    fabs(c->unrisked_peak.funding - c->peak_funding) >= 0.5) {
			explain_money(a, sizeof a, cur, -c->unrisked_peak.funding);
			fputs("; before any risk, ", fp);
			html_text(fp, a);
		}
		fputs(".", fp);
	}
	if (c->has_tax && (c->peak_funding < 0 || c->after_tax_peak.funding < 0))
		html_peak_after_tax(fp, c, cur);
	fputs("</p>\n", fp);
done:
	free(cost);
	free(adj);
}

/* ------------------------------------------------------------ the headline */

enum { COL_AFTER_TAX, COL_BEFORE_TAX, COL_UNADJUSTED, NCOLS };

/* Whether some line of the case happens with a probability below 1 (a gate, a risk event). */
static int any_probability(const crm_case *c)
{
	for (size_t l = 0; l < c->sc->nlines; l++)
		if (c->sc->lines[l].probability < 1)
			return 1;
	return 0;
}

/*
 * The headline metrics: after tax, before tax, and before the risk
 * adjustment (left out when no line carries a risk: it would repeat the
 * column before it). After tax, the present values of benefits and costs
 * are the ones before tax and the tax is a line of its own (with the
 * salvage), so that the column adds up to its NPV; the tax of the horizon's
 * years that falls due after it is shown apart, as NPV leaves it out.
 */
static void headline_table(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	int norisk = html_no_risk(c);
	const crm_metrics *ms[NCOLS] = { c->has_tax ? &c->at.metrics : NULL, &c->m,
					 norisk ? NULL : &c->unadjusted };
	int dated = c->convention == CRM_DISCOUNT_DATED;
	double pv_tax = 0, pv_salvage = 0;
	int split = c->has_tax ? html_tax_pv(c, &pv_tax, &pv_salvage) : 1;
	char v[64], when[64];
	enum { R_NPV, R_HARD, R_ROI, R_IRR, R_MIRR, R_PAYBACK, R_DPAYBACK, R_PVB, R_PVC, R_TAX,
	       R_SALVAGE, R_BEYOND, R_BCR, R_PEAK, NROWS };

	fputs("<table class=\"num headline\">\n<thead><tr><th>", fp);
	html_text(fp, html_currency(hc));
	fputs("</th>", fp);
	if (c->has_tax)
		fprintf(fp, "<th class=\"n\">After tax</th><th class=\"n\">Before tax</th>%s",
			norisk ? "" : "<th class=\"n\">Before tax and risk</th>");
	else if (norisk)
		fputs("<th class=\"n\">No risk adjustment set</th>", fp);
	else
		fputs("<th class=\"n\">Risk-adjusted</th><th class=\"n\">Before risk</th>", fp);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (int row = 0; row < NROWS; row++) {
		const char *label = "";
		if (row == R_HARD && !(c->pv_soft > 0))
			continue;
		if (row == R_PEAK && !(c->peak_funding < 0) &&
		    !(c->has_tax && c->after_tax_peak.funding < 0))
			continue;
		if ((row == R_TAX || row == R_BEYOND) && !c->has_tax)
			continue;
		if (row == R_SALVAGE && !(c->has_tax && split && pv_salvage != 0))
			continue;
		if (row == R_BEYOND && c->at.tax_beyond == 0)
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
		case R_TAX: label = split ? "PV of tax" : "PV of tax and salvage"; break;
		case R_SALVAGE: label = "PV of salvage"; break;
		case R_BEYOND: label = "Tax due after the horizon, not in NPV"; break;
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
			if (c->has_tax && c->after_tax_peak.funding < 0 &&
			    c->after_tax_peak.month != c->peak_month)
				fprintf(fp, " (after tax, month %d)", c->after_tax_peak.month);
			if (!norisk && !any_probability(c) && c->unrisked_peak.funding < 0 &&
			    c->unrisked_peak.month != c->peak_month)
				fprintf(fp, " (before risk, month %d)", c->unrisked_peak.month);
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
				html_payback_cell(v, sizeof v, hc->r.sc, &m->payback);
				break;
			case R_DPAYBACK:
				html_payback_cell(v, sizeof v, hc->r.sc, &m->dpayback);
				break;
			/* After tax, benefits and costs are the ones before tax: the tax is its own line. */
			case R_PVB:
				html_figure(v, sizeof v, HEADLINE_MONEY, 1, k == COL_AFTER_TAX ?
					    c->m.pv_benefits : m->pv_benefits);
				break;
			case R_PVC:
				html_figure(v, sizeof v, HEADLINE_MONEY, 1, k == COL_AFTER_TAX ?
					    c->m.pv_costs : m->pv_costs);
				break;
			case R_TAX:
				html_figure(v, sizeof v, HEADLINE_MONEY, k == COL_AFTER_TAX, -pv_tax);
				break;
			case R_SALVAGE:
				html_figure(v, sizeof v, HEADLINE_MONEY, k == COL_AFTER_TAX, pv_salvage);
				break;
			case R_BEYOND:
				html_figure(v, sizeof v, HEADLINE_MONEY, k == COL_AFTER_TAX,
					    c->at.tax_beyond);
				break;
			case R_BCR: html_figure(v, sizeof v, HEADLINE_RATIO, m->bcr_ok, m->bcr); break;
			default:
				/*
				 * Peak funding by month: risk-adjusted before tax, and before
				 * risk when that plan is the case's plan before any risk (no
				 * line has a probability below 1).
				 */
				if (k == COL_UNADJUSTED)
					html_figure(v, sizeof v, HEADLINE_MONEY, !any_probability(c),
						    -c->unrisked_peak.funding);
				else if (k == COL_AFTER_TAX)
					html_figure(v, sizeof v, HEADLINE_MONEY, 1,
						    -c->after_tax_peak.funding);
				else
					html_figure(v, sizeof v, HEADLINE_MONEY, k == COL_BEFORE_TAX,
						    -c->peak_funding);
				break;
			}
			/* A figure the core gives for one view only is blank in the others. */
			if (!strcmp(v, "n/a") && (row == R_HARD || row == R_PEAK || row == R_TAX ||
						  row == R_SALVAGE || row == R_BEYOND))
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
		html_text(fp, d->no_simulation ? "No simulation was run for this document."
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
	fputs("<tr class=\"key\"><th>P(NPV &lt; 0)</th>", fp);
	if (tax) {
		html_sim_share(b, sizeof b, hc->sim.p_after_tax_negative, t->defined);
		fprintf(fp, "<td class=\"n\">%s</td>", b);
	}
	html_sim_share(b, sizeof b, hc->sim.p_npv_negative, s->defined);
	fprintf(fp, "<td class=\"n\">%s</td></tr>\n", b);
	if (isfinite(hc->sim.reference_share)) {
		html_sim_share(b, sizeof b, hc->sim.reference_share, s->defined);
		fprintf(fp, "<tr><th>Draws below base</th>%s<td class=\"n\">%s</td></tr>\n",
			tax ? "<td class=\"n\"></td>" : "", b);
	}
	fputs("</tbody></table>\n", fp);
	fmt_money(b, sizeof b, (double)hc->sim.iterations, 0);
	fprintf(fp, "<p class=\"small\">%s draws, seed %llu, on top of the risk adjustment; 1 in 10 "
		"outcomes is below P10, 1 in 10 above P90.%s</p>\n", b,
		(unsigned long long)d->seed, tax ? " Draws below base: before tax." : "");
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
	fputs("<li>", fp);
	fprintf(fp, "The case %s a net present value%s%s of ", m->npv >= 0 ? "creates" : "loses",
		c->convention == CRM_DISCOUNT_DATED ? " (XNPV)" : "", c->has_tax ? " after tax" : "");
	html_text(fp, a);
	fputs(" at a discount rate of ", fp);
	html_text(fp, rate);
	if (c->has_tax) {
		/* Tax apart from benefits and costs, as the headline table shows it. */
		double pv_tax, pv_salvage;
		int split = html_tax_pv(c, &pv_tax, &pv_salvage);
		explain_money(a, sizeof a, cur, c->m.pv_benefits);
		explain_money(b, sizeof b, cur, c->m.pv_costs);
		fputs(": benefits of ", fp);
		html_text(fp, a);
		fputs(" against costs of ", fp);
		html_text(fp, b);
		fputs(" in present value, ", fp);
		explain_money(a, sizeof a, cur, fabs(pv_tax));
		fputs(pv_tax <= 0 ? "less " : "with ", fp);
		html_text(fp, a);
		fputs(split ? (pv_tax <= 0 ? " of tax" : " of tax saved") : " of tax and salvage", fp);
		if (split && pv_salvage != 0) {
			explain_money(a, sizeof a, cur, pv_salvage);
			fputs(", plus ", fp);
			html_text(fp, a);
			fputs(" of salvage", fp);
		}
	} else {
		explain_money(b, sizeof b, cur, m->pv_costs);
		fputs(" on ", fp);
		html_text(fp, b);
		fputs(" of costs in present value", fp);
	}
	if (m->roi_ok) {
		html_rate(roi, sizeof roi, m->roi);
		fprintf(fp, "%s %s ROI%s of ", c->has_tax ? ";" : ":",
			html_no_risk(c) ? "an" : "a risk-adjusted", c->has_tax ? " after tax" : "");
		html_text(fp, roi);
	}
	fputs(".", fp);
	if (c->has_tax && c->at.tax_beyond != 0) {
		int lag = hc->r.sc->settings.tax_lag_years;
		explain_money(a, sizeof a, cur, c->at.tax_beyond);
		fputs(" <b>", fp);
		html_text(fp, a);
		fprintf(fp, " of tax on the horizon's profit falls due after its end</b> (a payment lag "
			"of %d year%s) and is left out of this NPV.", lag, lag == 1 ? "" : "s");
	}
	fputs("</li>\n", fp);
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
	const crm_sim_metric *t = &hc->sim.metric[CRM_SIM_AFTER_TAX_NPV];
	const char *cur = html_currency(hc);
	int tax = t->computed && t->defined;
	char p10[96], p90[96], pl[64], buf[1024];

	/* After tax first when the case has a tax rate, as the headline is. */
	explain_money(p10, sizeof p10, cur, (tax ? t : s)->pct[1]);
	explain_money(p90, sizeof p90, cur, (tax ? t : s)->pct[5]);
	html_sim_share(pl, sizeof pl, tax ? hc->sim.p_after_tax_negative : hc->sim.p_npv_negative,
		       (tax ? t : s)->defined);
	fprintf(fp, "<li>With the uncertain inputs drawn from their ranges, NPV%s lies between ",
		tax ? " after tax" : "");
	html_text(fp, p10);
	fputs(" (P10) and ", fp);
	html_text(fp, p90);
	fputs(" (P90); the probability of a negative NPV is ", fp);
	html_text(fp, pl);
	if (tax) {
		html_sim_share(pl, sizeof pl, hc->sim.p_npv_negative, s->defined);
		fputs(" after tax and ", fp);
		html_text(fp, pl);
		fputs(" before tax", fp);
	}
	fputs(".", fp);
	if (html_base_rank(hc, buf, sizeof buf)) {
		fputs(" ", fp);
		html_text(fp, buf);
	}
	fputs("</li>\n", fp);
}

/* The break-even searched for parameter p, when its search was made. */
static const crm_breakeven *breakeven_for(const html_case *hc, const crm_param *p)
{
	for (size_t i = 0; i < hc->nbe; i++)
		if (hc->be[i].param.kind == p->kind && hc->be[i].param.index == p->index)
			return hc->be_why[i][0] ? NULL : &hc->be[i];
	return NULL;
}

/*
 * The largest risk, and its own break-even: inside the range the scenario
 * gives the input, the conclusion fails within that range; outside it, the
 * conclusion holds unless the input moves that far.
 */
static void finding_risk(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	const crm_tornado_row *t = &hc->tornado[0];
	const char *npv = hc->r.c->has_tax ? "NPV before tax" : "NPV";
	char lo[64], hi[64], v[96], lab[256], buf[1024];

	html_param_value(lo, sizeof lo, sc, &t->param,
			 t->at_low.v <= t->at_high.v ? t->low : t->high);
	explain_money(v, sizeof v, html_currency(hc), fmin(t->at_low.v, t->at_high.v));
	html_param_label(lab, sizeof lab, sc, &t->param);
	fputs("<li>The largest risk is <b>", fp);
	html_text(fp, lab);
	fputs("</b>: at ", fp);
	html_text(fp, lo);
	fprintf(fp, " %s falls to ", npv);
	html_text(fp, v);
	fputs(".", fp);
	const crm_breakeven *be = breakeven_for(hc, &t->param);
	if (be && be->status == CRM_BE_FOUND && be->at_base.ok && be->at_base.v >= 0) {
		double rlo = fmin(t->low, t->high), rhi = fmax(t->low, t->high);
		html_param_value(v, sizeof v, sc, &t->param, be->value);
		if (be->value >= rlo && be->value <= rhi) {
			html_param_value(lo, sizeof lo, sc, &t->param, rlo);
			html_param_value(hi, sizeof hi, sc, &t->param, rhi);
			fprintf(fp, " %s reaches zero at ", npv);
			html_text(fp, v);
			fputs(", inside the range the scenario gives it (", fp);
			html_text(fp, lo);
			fputs(" to ", fp);
			html_text(fp, hi);
			fputs("): the conclusion fails within the range of this input.", fp);
		} else {
			html_breakeven_words(hc, be, buf, sizeof buf);
			fputs(" The conclusion holds unless ", fp);
			html_text(fp, buf);
			fputs(", beyond the range the scenario gives it.", fp);
		}
	} else if (be && be->status == CRM_BE_NONE && be->at_lo.ok && be->at_hi.ok &&
		   be->at_lo.v > 0 && be->at_hi.v > 0) {
		fprintf(fp, " Across its range %s stays above zero: the conclusion holds whatever its "
			"value there.", npv);
	}
	fputs("</li>\n", fp);
}

/* The largest risks whose estimate no one answers for (crm_input.owner, a line's owner). */
static void finding_owners(FILE *fp, const html_case *hc)
{
	char names[1024];
	size_t nrisks, n = html_risks_unowned(hc, names, sizeof names, &nrisks);

	if (!n)
		return;
	if (n == nrisks)
		fprintf(fp, "<li><b>No owner is named</b> for any of the %zu risks that move NPV most "
			"(", nrisks);
	else
		fprintf(fp, "<li><b>No owner is named</b> for %zu of the %zu risks that move NPV most "
			"(", n, nrisks);
	html_text(fp, names);
	fputs("): name who answers for each estimate before the money is released.</li>\n", fp);
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

/* With actuals: the approved plan, the forecast and the trend, as the status gives them. */
static void finding_track(FILE *fp, const html_doc *d)
{
	const crm_track *t = d->track;
	const char *cur = html_currency(&d->cases[0]);
	char a[96], b[96], last[64];

	crm_track_month_label(t->sc, t->last, last, sizeof last);
	explain_money(a, sizeof a, cur, t->approved.npv);
	html_payback_words(b, sizeof b, t->sc, &t->approved.payback);
	fputs("<li>As approved, the case had an NPV of ", fp);
	html_text(fp, a);
	fputs(" and paid back in ", fp);
	html_text(fp, b);
	explain_money(a, sizeof a, cur, t->plan.npv);
	html_payback_words(b, sizeof b, t->sc, &t->plan.payback);
	fputs("; with the actuals to ", fp);
	html_text(fp, last);
	fputs(" and the approved plan after, it has an NPV of ", fp);
	html_text(fp, a);
	fputs(" and pays back in ", fp);
	html_text(fp, b);
	explain_money(a, sizeof a, cur, t->trend.npv);
	html_payback_words(b, sizeof b, t->sc, &t->trend.payback);
	fputs(" (on the trend, a scenario: ", fp);
	html_text(fp, a);
	fputs(" and ", fp);
	html_text(fp, b);
	fputs(").</li>\n", fp);
}

static void key_findings(FILE *fp, const html_doc *d)
{
	const html_case *hc = &d->cases[0];
	char buf[1024];

	fputs("<h3>Key findings</h3>\n<ul class=\"findings\">\n", fp);
	if (d->track)
		finding_track(fp, d);
	else
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
	if (!d->track)
		finding_payback(fp, hc);
	finding_gates(fp, hc);
	if (hc->simulated)
		finding_range(fp, hc);
	if (hc->ntornado && hc->tornado[0].swing_ok)
		finding_risk(fp, hc);
	finding_owners(fp, hc);
	fputs("</ul>\n", fp);
}

/* ----------------------------------------------------------- recommendation */

/* One case: approve, approve with a condition, or do not approve as planned. */
static void recommend_one(const html_case *hc, char *buf, size_t len)
{
	const crm_case *c = hc->r.c;
	const crm_metrics *m = html_head_metrics(hc);
	const crm_sim_metric *t = &hc->sim.metric[CRM_SIM_AFTER_TAX_NPV];
	/* The probability of a loss on the basis of the headline: after tax with a tax rate. */
	int tax = hc->simulated && t->computed && t->defined;
	double ploss = !hc->simulated ? NAN : tax ? hc->sim.p_after_tax_negative
		       : hc->sim.p_npv_negative;
	char p[64], a[96];

	if (hc->simulated)
		html_sim_share(p, sizeof p, ploss, (tax ? t : &hc->sim.metric[CRM_SIM_NPV])->defined);
	if (m->npv < 0) {
		if (c->has_tax && c->m.npv >= 0)
			snprintf(buf, len, "Do not approve as planned: after tax NPV is negative, although "
				 "before tax it is not. Revisit the costs, the benefits or their timing "
				 "first.");
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
				    "the risk section: NPV%s is negative in %s of the simulated outcomes.",
				    tax ? " after tax" : "", p);
		else
			crm_appendf(buf, len, " NPV%s is negative in %s of the simulated outcomes.",
				    tax ? " after tax" : "", p);
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
			"them: NPV after tax is the PV of benefits less the PV of costs and of tax (a "
			"charge positive, a saving negative), plus any salvage; ROI and the benefit-cost "
			"ratio after tax count the tax paid with the costs, as crmroi run does. ", r);
	} else {
		fputs("Before tax: the scenario sets no tax rate. ", fp);
	}
	fputs(html_no_risk(hc->r.c) ? "No line carries a risk adjustment: the figures are the "
	      "estimates as written. " : "Risk-adjusted as Forrester's TEI does: each benefit "
	      "reduced and each cost increased by its risk. ", fp);
	html_convention_short(buf, sizeof buf, sc);
	buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 'a' + 'A' : buf[0]);
	html_text(fp, buf);
	fputs(".", fp);
	explain_classes_of(sc, hc->r.c->only_given, 0, &rc);
	if (rc.shown) {
		fputs(" ", fp);
		html_classes_words(rc.sentence, sizeof rc.sentence);
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
	fprintf(fp, "<div class=\"cols\">\n<div>\n<h3>Headline metrics%s</h3>\n",
		d->track ? " of the approved plan" : "");
	headline_table(fp, hc);
	fputs("</div>\n<div class=\"side\">\n", fp);
	risk_box(fp, d);
	fputs("</div>\n</div>\n", fp);
	basis_note(fp, d);
	key_findings(fp, d);
	fputs("</section>\n", fp);
	return 1;
}
