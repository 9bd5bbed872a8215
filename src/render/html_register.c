/*
 * html_register.c - the document's registers: the assumptions register
 * (settings and conventions, every input and line with its range, risk,
 * owner and source), and the benefits-realisation register of `crmroi report
 * --actuals` (plan against actuals to date, re-forecasts, phase gates).
 *
 * Not the tracking itself: crm_track (the core) computes plan, actuals,
 * variances, indexes and verdicts; this lays them out.
 */
#include "html_priv.h"

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

int html_sec_assumptions(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_scenario *sc = hc->r.sc;
	const crm_settings *s = &sc->settings;
	char a[32], b[32], c3[32];

	html_section_open(fp, "assumptions", "Assumptions register");
	fputs("<h3>Settings and conventions</h3>\n<ul>\n", fp);
	fmt_percent(a, sizeof a, s->discount_rate);
	fprintf(fp, "<li>Amounts in %s", "");
	html_text(fp, s->currency);
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
			html_text(fp, in->name);
			fputs("</th><td>", fp);
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
			fmt_percent(a, sizeof a, ln->risk);
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

/* One row of the to-date table: plan, actual, variance, index. */
static void realisation_row(FILE *fp, const crm_track_row *row, int last, const char *label)
{
	const crm_track_cell *c = &row->cum[last];
	char p[64], a[64], v[64], vp[64], ix[32];

	html_money0(p, sizeof p, c->plan);
	html_money0(a, sizeof a, c->actual);
	html_money0(v, sizeof v, c->variance);
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
	html_text(fp, label);
	fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", p, a, v, vp, ix);
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

	/* To date. */
	size_t nl = t->sc->nlines;
	fprintf(fp, "<table class=\"num\">\n<caption>Plan against actual, months 0 to %d (%s); "
		"index = cumulative actual / cumulative plan over the months with actuals</caption>\n"
		"<thead><tr><th></th><th class=\"n\">Plan</th><th class=\"n\">Actual</th>"
		"<th class=\"n\">Variance</th><th class=\"n\">Variance %%</th><th class=\"n\">Index"
		"</th></tr></thead>\n<tbody>\n", t->last, html_currency(hc));
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
			fmt_percent(irr, sizeof irr, f[i]->irr_value);
		else
			snprintf(irr, sizeof irr, "none");
		if (f[i]->payback.status == CRM_PAYBACK_REACHED)
			snprintf(pb, sizeof pb, "%.1f months", f[i]->payback.months);
		else
			snprintf(pb, sizeof pb, "not reached");
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
			fputs("<tr><th>", fp);
			html_text(fp, ph->name);
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
