/*
 * html_register.c - the document's registers: the appendix with the
 * assumptions register (the scenario files, settings and conventions, every
 * input and line with its range, unit, risk, owner and source, under the
 * names the scenario gives them), and the benefits-realisation register of
 * `crmroi report --actuals` (every line's plan, budget before risk and actual
 * to date with both variances, re-forecasts, phase gates).
 *
 * Not the tracking itself: crm_track (the core) computes plan, actuals,
 * variances, indexes and verdicts; this lays them out.
 */
#include "html_priv.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <stdio.h>

static void range_text(FILE *fp, const crm_range *rg)
{
	if (rg->given) {
		html_text(fp, rg->low_text);
		fputs(" to ", fp);
		html_text(fp, rg->high_text);
	}
	fputs("</td><td>", fp);
	if (rg->given || rg->dist)
		html_text(fp, rg->dist ? crm_dist_name(rg->dist) : "triangular");
}

/*
 * The headline figures to the cent, as `crmroi run` and the workbook give
 * them, so that a reviewer can tie the document to the model; the rest of
 * the document rounds money to whole units.
 */
static void reconciliation(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const crm_metrics *ms[3] = { c->has_tax ? &c->at.metrics : NULL, &c->m, &c->unadjusted };
	static const char *const heads[3] = { "After tax", "Risk-adjusted", "Before risk" };
	char b[FMT_NUM_MAX];

	fputs("<table class=\"num recon\">\n<caption>For reconciliation with crmroi run and the "
	      "workbook: the headline figures to the cent</caption>\n<thead><tr><th>", fp);
	html_text(fp, html_currency(hc));
	fputs("</th>", fp);
	for (int k = 0; k < 3; k++)
		if (ms[k])
			fprintf(fp, "<th class=\"n\">%s</th>", heads[k]);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (int row = 0; row < 3; row++) {
		fprintf(fp, "<tr><th>%s</th>", row == 0 ? "NPV" : row == 1 ? "PV of benefits"
			: "PV of costs");
		for (int k = 0; k < 3; k++) {
			if (!ms[k])
				continue;
			headline_text(b, sizeof b, HEADLINE_MONEY, 1, row == 0 ? ms[k]->npv : row == 1 ?
				      ms[k]->pv_benefits : ms[k]->pv_costs);
			fprintf(fp, "<td class=\"n\">%s</td>", b);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

int html_sec_assumptions(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const crm_settings *s = &sc->settings;
	char a[32], b[32], c3[32], buf[1024];
	explain_classes rc;

	html_section_open(fp, "assumptions", "Appendix: assumptions register");
	fputs("<h3>Scenario files</h3>\n<p class=\"small\">Prepared with crmroi " CRMROI_VERSION
	      " from these files.</p>\n<ul>\n", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		const crm_scenario *ks = d->cases[k].r.sc;
		char name[128];
		html_short_name(name, sizeof name, &d->cases[k]);
		fputs("<li>", fp);
		if (d->ncases > 1) {
			html_text(fp, name);
			fputs(k == 0 ? " (the proposal): " : ": ", fp);
		}
		for (size_t f = 0; f < ks->nfiles; f++) {
			fputs(f == 0 ? "" : f == 1 ? ", based on " : ", then ", fp);
			fputs("<code>", fp);
			html_text(fp, ks->files[f]);
			fputs("</code>", fp);
		}
		fputs("</li>\n", fp);
	}
	if (d->track)
		fputs("<li>With the actuals given by --actuals (see the benefits-realisation "
		      "section).</li>\n", fp);
	fputs("</ul>\n<h3>Settings and conventions</h3>\n<ul>\n", fp);
	fputs("<li>Amounts in ", fp);
	html_text(fp, s->currency);
	fprintf(fp, " over %d year%s, evaluated by %s", s->horizon_years,
		s->horizon_years == 1 ? "" : "s", s->grid == CRM_GRID_YEAR ? "year" : "month");
	if (s->start_year)
		fprintf(fp, "; month 1 is %04d-%02d", s->start_year, s->start_month);
	if (s->fiscal_year_start)
		fprintf(fp, "; fiscal years start in month %d of the calendar", s->fiscal_year_start);
	fputs(".</li>\n<li>", fp);
	explain_discounting(s, buf, sizeof buf);
	html_text(fp, buf);
	fputs("</li>\n", fp);
	fmt_share(b, sizeof b, s->benefit_risk);
	fmt_share(c3, sizeof c3, s->cost_risk);
	fprintf(fp, "<li>Risk adjustment (TEI): each benefit is reduced by %s and each cost "
		"increased by %s, unless its line gives a risk of its own.</li>\n", b, c3);
	fmt_share(a, sizeof a, s->finance_rate);
	fmt_share(b, sizeof b, s->reinvest_rate);
	fprintf(fp, "<li>ROI is NPV divided by the present value of costs; MIRR finances "
		"negative flows at %s and reinvests positive ones at %s.</li>\n", a, b);
	fputs("<li>", fp);
	explain_tax_basis(hc->r.c, buf, sizeof buf);
	html_text(fp, buf);
	if (hc->r.c->has_tax)
		fprintf(fp, " Losses: %s; declining balance at %g times the straight-line rate.",
			s->tax_losses == CRM_LOSSES_CARRY_FORWARD ? "carried forward" :
			"set against the company's other profit", s->declining_factor);
	fputs("</li>\n<li>", fp);
	explain_classes_of(sc, hc->r.c->only_given, 0, &rc);
	html_text(fp, rc.sentence);
	fputs(".</li>\n</ul>\n", fp);
	reconciliation(fp, hc);
	if (sc->ninputs) {
		fputs("<table class=\"reg\">\n<caption>Inputs: the document's name, and the scenario's "
		      "under it</caption>\n<thead><tr><th>Input</th><th>Value</th><th>Range</th>"
		      "<th>Distribution</th><th>Unit</th><th>Source or note</th></tr></thead>\n"
		      "<tbody>\n", fp);
		for (size_t i = 0; i < sc->ninputs; i++) {
			const crm_input *in = &sc->inputs[i];
			char lab[256];
			html_input_label(lab, sizeof lab, sc, i);
			fputs("<tr><th>", fp);
			html_text(fp, lab);
			fputs("<span class=\"src\">", fp);
			html_text(fp, in->name);
			fputs("</span></th><td>", fp);
			html_text(fp, in->value_text);
			fputs("</td><td>", fp);
			range_text(fp, &in->range);
			fputs("</td><td>", fp);
			html_text(fp, in->unit);
			fputs("</td><td>", fp);
			html_text(fp, in->note);
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
			html_area_name(area, sizeof area, ln->area);
			fputs("<tr><th>", fp);
			html_text(fp, ln->label);
			fputs("<span class=\"src\">", fp);
			html_text(fp, area);
			fputs("</span></th><td>", fp);
			html_text(fp, ln->value_text);
			fputs("; ", fp);
			html_timing_words(fp, ln, 12 * s->horizon_years);
			fputs("</td><td>", fp);
			range_text(fp, &ln->range);
			fmt_share(a, sizeof a, ln->risk);
			fprintf(fp, "</td><td class=\"n\">%s%s</td><td>", a,
				ln->risk_given ? "" : "*");
			html_text(fp, ln->owner);
			fputs("</td><td>", fp);
			html_text(fp, ln->metric);
			fputs("</td><td>", fp);
			html_text(fp, ln->note);
			fputs("</td></tr>\n", fp);
		}
	}
	fputs("</tbody></table>\n<p class=\"small\">* the default risk of the scenario's "
	      "settings.</p>\n", fp);
	fputs("</section>\n", fp);
	return 1;
}

/* One row of the to-date table: plan, budget before risk, actual, both variances, index. */
static void realisation_row(FILE *fp, const crm_track_row *row, int last, const char *label,
			    const char *cls)
{
	const crm_track_cell *c = &row->cum[last];
	char p[64], r[64], a[64], v[64], vp[64], w[64], wp[64], ix[32];

	html_money0(p, sizeof p, c->plan);
	html_money0(r, sizeof r, c->plan_raw);
	html_money0(a, sizeof a, c->actual);
	html_money0(v, sizeof v, c->variance);
	html_money0(w, sizeof w, c->actual - c->plan_raw);
	if (c->pct_ok)
		html_rate(vp, sizeof vp, c->variance_pct);
	else
		snprintf(vp, sizeof vp, "n/a");
	if (c->plan_raw != 0)
		html_rate(wp, sizeof wp, (c->actual - c->plan_raw) / fabs(c->plan_raw));
	else
		snprintf(wp, sizeof wp, "n/a");
	if (row->kind != CRM_TRACK_NET && row->index_ok)
		snprintf(ix, sizeof ix, "%.3f", row->index);
	else if (row->kind == CRM_TRACK_NET)
		ix[0] = '\0';
	else
		snprintf(ix, sizeof ix, "n/a");
	fprintf(fp, "<tr%s%s%s><th>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	html_text(fp, label);
	fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", p, r, a, v, vp, w, wp, ix);
}

/*
 * crmroi report --actuals: the proposal against what was booked, with the
 * cumulative net cash flow of the plan, the actuals and both re-forecasts.
 */
int html_sec_realisation(const html_doc *d, FILE *fp)
{
	const crm_track *t = d->track;
	const html_case *hc = &d->cases[0];
	char last[64], b[96];

	if (!t)
		return 0;
	crm_track_month_label(t->sc, t->last, last, sizeof last);
	html_section_open(fp, "realisation", "Benefits realisation");
	fputs("<p>The approved plan (risk-adjusted, evaluated month by month) against the actuals "
	      "to ", fp);
	html_text(fp, last);
	fputs(". The re-forecast keeps the actuals and continues with the approved plan "
	      "(\"plan\") or with each line's plan times its index so far (\"trend\").</p>\n", fp);

	/* Cumulative net: plan over the horizon, actuals to date, re-forecasts after. */
	html_chart_realisation(fp, hc, t, last);

	/* To date: every line, then the totals, against the plan and the budget before risk. */
	size_t nl = t->sc->nlines;
	fprintf(fp, "<table class=\"num wide\">\n<caption>Plan against actual, months 0 to %d (%s): "
		"the approved plan is risk-adjusted; the budget before risk leaves out the "
		"contingency</caption>\n<thead><tr><th></th><th class=\"n\">Approved plan</th>"
		"<th class=\"n\">Budget before risk</th><th class=\"n\">Actual</th>"
		"<th class=\"n\">Against plan</th><th class=\"n\">%%</th><th class=\"n\">Against "
		"budget</th><th class=\"n\">%%</th><th class=\"n\">Index</th></tr></thead>\n<tbody>\n",
		t->last, html_currency(hc));
	for (int cost = 1; cost >= 0; cost--) {
		fprintf(fp, "<tr class=\"group\"><th colspan=\"9\">%s</th></tr>\n",
			cost ? "Costs (index: cost index)" : "Benefits (index: realisation index)");
		for (size_t l = 0; l < nl; l++)
			if (t->rows[l].is_cost == cost)
				realisation_row(fp, &t->rows[l], t->last, t->rows[l].name, NULL);
		realisation_row(fp, &t->rows[cost ? nl : nl + 1], t->last, cost ? "Total costs"
				: "Total benefits", "total");
	}
	realisation_row(fp, &t->rows[nl + 2], t->last, "Net", "total");
	fputs("</tbody></table>\n<p class=\"small\">Against plan: actual less the approved, "
	      "risk-adjusted plan; against budget: actual less the plan before the risk adjustment. "
	      "For costs, the difference between the two is the contingency of these months: a cost "
	      "on plan but over budget has used it. Index: cumulative actual / cumulative plan "
	      "over the months with actuals.</p>\n", fp);

	/* Re-forecast. */
	const crm_track_figures *f[3] = { &t->approved, &t->plan, &t->trend };
	static const char *const names[3] = { "Approved", "Re-forecast: plan",
		"Re-forecast: trend" };
	fputs("<table class=\"num\">\n<caption>Re-forecast with the actuals to ", fp);
	html_text(fp, last);
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
			html_rate(irr, sizeof irr, f[i]->irr_value);
		else
			snprintf(irr, sizeof irr, "none");
		html_payback_words(pb, sizeof pb, t->sc, &f[i]->payback);
		fputs("<tr><th>", fp);
		html_text(fp, names[i]);
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
			char name[128];
			explain_name(ph->name, name, sizeof name);
			fputs("<tr><th>", fp);
			html_text(fp, name);
			snprintf(b, sizeof b, "%d-%d", ph->start, ph->end);
			fprintf(fp, "</th><td>%s</td><td>", b);
			html_text(fp, crm_verdict_name(t->phases[p].verdict));
			fputs("</td><td>", fp);
			html_text(fp, t->phases[p].reason);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
	}
	fputs("</section>\n", fp);
	return 1;
}
