/*
 * html_budget.c - the document's section on what the board is asked to fund:
 * the budget year by year (the spending as planned, the contingency apart,
 * capital against operating spending, the benefits and the net), peak
 * funding at the month it happens, the P&L impact by year (profit before
 * and after depreciation and tax, with a tax rate), and the timeline of
 * phases, go-lives and gates.
 *
 * Not the financial summary (html_decision.c) or the first page
 * (html_summary.c), and no metric: it folds the case's cash flows into the
 * document's columns and words the figures the case holds.
 */
#include "html_priv.h"
#include "calendar.h"
#include "explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The budget by year: planned spending, contingency, requested; capex and opex; benefits, net. */
static void budget_table(FILE *fp, const html_case *hc)
{
	const report *r = &hc->r;
	const crm_case *c = r->c;
	int n = r->ncols;
	double *adj = calloc((size_t)n, sizeof *adj), *un = calloc((size_t)n, sizeof *un);
	double *v = calloc((size_t)n, sizeof *v);
	char cap[600], years[400];

	if (!adj || !un || !v)
		goto done;
	html_years_caption(years, sizeof years, r->sc);
	snprintf(cap, sizeof cap, "Budget by year (%s%s%s)", html_currency(hc),
		 c->has_tax ? "; cash before tax, then the net after tax" : "", years);
	html_table_open(fp, r, cap);
	html_period_head(fp, r, html_currency(hc));
	fputs("<tbody>\n", fp);
	report_fold(r, c->cf->costs, adj);
	report_fold(r, c->unadjusted_cf->costs, un);
	if (c->m.total_costs - c->unadjusted.total_costs > 0.5) {
		html_period_row(fp, r, NULL, "Spending as planned", un, c->unadjusted.total_costs, 1,
				c->unadjusted.pv_costs);
		for (int k = 0; k < n; k++)
			v[k] = adj[k] - un[k];
		html_period_row(fp, r, NULL, "Contingency (risk adjustment)", v,
				c->m.total_costs - c->unadjusted.total_costs, 1,
				c->m.pv_costs - c->unadjusted.pv_costs);
		html_period_row(fp, r, "total", "Spending requested", adj, c->m.total_costs, 1,
				c->m.pv_costs);
	} else {
		/* No contingency: the plan and the request are one row. */
		html_period_row(fp, r, "total", "Spending requested (no contingency)", adj,
				c->m.total_costs, 1, c->m.pv_costs);
	}
	if (html_any_capitalised(r->sc)) {
		html_fold_costs(r, c->cf, 1, v);
		html_period_row(fp, r, "sub", "of which capex", v,
				report_col_total(r, v), 0, 0);
		html_fold_costs(r, c->cf, 0, v);
		html_period_row(fp, r, "sub", "of which opex", v,
				report_col_total(r, v), 0, 0);
	}
	report_fold(r, c->cf->benefits, v);
	html_period_row(fp, r, NULL, html_no_risk(c) ? "Benefits" : "Benefits (risk-adjusted)", v,
			c->m.total_benefits, 1, c->m.pv_benefits);
	report_fold(r, c->cf->net, v);
	html_period_row(fp, r, "total", "Net cash flow", v, c->m.total_benefits - c->m.total_costs,
			1, c->m.npv);
	if (c->has_tax) {
		report_fold(r, c->at.cf->net, v);
		html_period_row(fp, r, NULL, "Net cash flow after tax", v,
				c->at.metrics.total_benefits - c->at.metrics.total_costs, 1,
				c->at.metrics.npv);
	}
	fputs("</tbody></table>\n", fp);
done:
	free(adj);
	free(un);
	free(v);
}

/* Peak funding by month, and how it compares with the year ends. */
static void funding_words(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const char *cur = html_currency(hc);
	char a[96], b[96], when[64];

	fputs("<p>", fp);
	if (!(c->peak_funding < 0)) {
		fputs("The cumulative net cash flow never falls below zero: the program needs no "
		      "funding beyond what it earns.", fp);
		if (c->has_tax)
			html_peak_after_tax(fp, c, cur);
		fputs("</p>\n", fp);
		return;
	}
	explain_money(a, sizeof a, cur, -c->peak_funding);
	html_in_month(when, sizeof when, hc->r.sc, c->peak_month);
	fputs("<b>Peak funding: ", fp);
	html_text(fp, a);
	fputs("</b>, the lowest point of the cumulative net cash flow month by month, reached ",
	      fp);
	html_text(fp, when);
	fputs(". This is the cash the program has out at its deepest, before tax", fp);
	if (html_dated_lines(hc->r.sc))
		fputs(", measured at month ends: a payment on a day of its own counts at the end of "
		      "its month, so a dip between its day and the month's end is not measured", fp);
	if (c->m.peak_investment > c->peak_funding + 0.5) {
		explain_money(b, sizeof b, cur, -c->m.peak_investment);
		fputs("; at the year ends alone the lowest point is ", fp);
		html_text(fp, b);
		fputs(", which misses the dip within the year", fp);
	}
	fputs(".", fp);
	if (c->has_tax)
		html_peak_after_tax(fp, c, cur);
	fputs("</p>\n", fp);
}

/* The P&L impact by year: profit before depreciation, depreciation, before and after tax. */
static void pl_table(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const crm_settings *s = &hc->r.sc->settings;
	char lab[32], b[64];

	if (!c->has_tax) {
		fputs("<p>P&amp;L impact: the scenario sets no tax rate, so the document has no "
		      "depreciation schedule. ", fp);
		if (html_any_capitalised(hc->r.sc))
			fputs("Its capitalised costs reach the P&amp;L through depreciation; give the "
			      "scenario a tax rate (tax_rate) to see the profit year by year.", fp);
		else
			fputs("No cost is capitalised, so each year's P&amp;L impact before tax is its "
			      "net cash flow above.", fp);
		fputs("</p>\n", fp);
		return;
	}
	int n = c->at.nyears;
	fprintf(fp, "<table class=\"num%s\">\n<caption>P&amp;L impact by year (%s): the project's "
		"profit as the tax view books it; depreciation and tax are charges taken off, a "
		"tax saving negative</caption>\n<thead><tr><th>%s</th>",
		n > 8 ? " wide" : "", html_currency(hc), html_currency(hc));
	for (int k = 1; k <= n; k++) {
		calendar_year_label(s, k, lab, sizeof lab);
		fprintf(fp, "<th class=\"n\">%s</th>", lab);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	static const char *const rows[] = { "Benefits less expensed costs", "Less depreciation",
		"Profit before tax", "Less tax", "Profit after tax" };
	for (int row = 0; row < 5; row++) {
		fprintf(fp, "<tr%s><th>%s</th>", row == 2 || row == 4 ? " class=\"total\"" : "",
			rows[row]);
		for (int k = 0; k < n; k++) {
			const crm_tax_year *y = &c->at.years[k];
			double v = row == 0 ? y->profit : row == 1 ? y->depreciation : row == 2 ?
				   y->taxable : row == 3 ? y->tax : y->taxable - y->tax;
			html_money0(b, sizeof b, v);
			fprintf(fp, "<td class=\"n\">%s</td>", b);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

/* ------------------------------------------------------------------ timeline */

/*
 * When each benefit starts and reaches full effect, with the gates and peak
 * funding: the benefits shown one by one by name, the others counted.
 */
static void milestones(FILE *fp, const html_case *hc)
{
	const crm_scenario *sc = hc->r.sc;
	const crm_case *c = hc->r.c;
	int months = 12 * sc->settings.horizon_years;
	char *shown = malloc(sc->nlines + 1);
	char when[64];

	if (!shown)
		return;
	html_lines_shown(hc, CRM_BENEFIT, shown);
	fputs("<table class=\"num\">\n<caption>Milestones</caption>\n<thead><tr><th>When</th>"
	      "<th>What</th></tr></thead>\n<tbody>\n", fp);
	/* Each month in which something begins, in order. */
	for (int mo = 0; mo <= months; mo++) {
		int any = 0;
		for (size_t i = 0; i < sc->ninputs; i++) {
			const crm_input *in = &sc->inputs[i];
			char name[128];
			if (!(in->timing & (1 << CRM_TIMING_START)) ||
			    crm_expr_kind(in->value) != CRM_VALUE_NUMBER ||
			    (int)lround(crm_expr_number(in->value)) != mo)
				continue;
			html_input_label(name, sizeof name, sc, i);
			if (!any++) {
				html_month_label(when, sizeof when, sc, mo);
				fputs("<tr><th>", fp);
				html_text(fp, when);
				fputs("</th><td>", fp);
			} else {
				fputs("; ", fp);
			}
			fputs("<b>go-live</b> (the input ", fp);
			html_text(fp, name);
			fputs(", which the lines' start months follow", fp);
			if (in->range.given) {
				fputs("; range ", fp);
				html_text(fp, in->range.low_text);
				fputs(" to ", fp);
				html_text(fp, in->range.high_text);
			}
			fputs(")", fp);
		}
		for (size_t p = 0; p < sc->nphases; p++)
			if (sc->phases[p].start == mo) {
				char name[128];
				explain_name(sc->phases[p].name, name, sizeof name);
				if (!any++) {
					html_month_label(when, sizeof when, sc, mo);
					fputs("<tr><th>", fp);
					html_text(fp, when);
					fputs("</th><td>", fp);
				} else {
					fputs("; ", fp);
				}
				fputs("phase ", fp);
				html_text(fp, name);
				fputs(" begins", fp);
			}
		size_t others = 0;
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (ln->kind != CRM_BENEFIT || ln->start != mo)
				continue;
			if (!shown[l]) {
				others++;
				continue;
			}
			if (!any++) {
				html_month_label(when, sizeof when, sc, mo);
				fputs("<tr><th>", fp);
				html_text(fp, when);
				fputs("</th><td>", fp);
			} else {
				fputs("; ", fp);
			}
			html_text(fp, ln->label);
			if (ln->ramp)
				fprintf(fp, " starts, full effect by month %d", ln->start + ln->ramp);
			else
				fputs(" starts at full effect", fp);
		}
		if (others) {
			if (!any++) {
				html_month_label(when, sizeof when, sc, mo);
				fputs("<tr><th>", fp);
				html_text(fp, when);
				fputs("</th><td>", fp);
			} else {
				fputs("; ", fp);
			}
			fprintf(fp, "%zu benefit%s not shown one by one start%s", others,
				others == 1 ? "" : "s", others == 1 ? "s" : "");
		}
		for (size_t g = 0; g < sc->ngroups; g++) {
			const crm_group *grp = &sc->groups[g];
			if (grp->probability >= 1 || grp->first_month != mo)
				continue;
			char name[128], p[32];
			explain_name(grp->name, name, sizeof name);
			fmt_share(p, sizeof p, grp->probability);
			if (!any++) {
				html_month_label(when, sizeof when, sc, mo);
				fputs("<tr><th>", fp);
				html_text(fp, when);
				fputs("</th><td>", fp);
			} else {
				fputs("; ", fp);
			}
			fputs("gate ", fp);
			html_text(fp, name);
			fprintf(fp, " decided (%s chance of going ahead)", p);
		}
		if (c->peak_funding < 0 && c->peak_month == mo) {
			char a[96];
			explain_money(a, sizeof a, html_currency(hc), -c->peak_funding);
			if (!any++) {
				html_month_label(when, sizeof when, sc, mo);
				fputs("<tr><th>", fp);
				html_text(fp, when);
				fputs("</th><td>", fp);
			} else {
				fputs("; ", fp);
			}
			fputs("peak funding, ", fp);
			html_text(fp, a);
		}
		if (any)
			fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	free(shown);
	if (!sc->nphases)
		fputs("<p class=\"small\">The scenario names no phases (kind=phase rows): each "
		      "benefit's start month is its go-live.</p>\n", fp);
}

int html_sec_budget(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_case *c = hc->r.c;
	char a[96], b[96];

	html_section_open(fp, "budget", d->track ? "The approved budget, funding and timeline"
			  : "The decision requested: budget, funding and timeline");
	explain_money(a, sizeof a, html_currency(hc), c->m.total_costs);
	explain_money(b, sizeof b, html_currency(hc), c->m.total_costs - c->unadjusted.total_costs);
	fputs("<p>", fp);
	fputs(d->track ? "The board approved " : "The board is asked to approve ", fp);
	html_text(fp, a);
	if (c->m.total_costs - c->unadjusted.total_costs > 0.5) {
		fputs(" of spending, of which ", fp);
		html_text(fp, b);
		fputs(" is contingency: the TEI risk adjustment raises each cost by its risk (", fp);
		fmt_share(a, sizeof a, hc->r.sc->settings.cost_risk);
		html_text(fp, a);
		fputs(" unless a line says otherwise). It is shown apart, to be held back and "
		      "released only when needed.", fp);
	} else {
		fputs(" of spending, with no contingency: no cost carries a risk adjustment.", fp);
	}
	if (html_any_capitalised(hc->r.sc))
		fputs(" Capex is the spending on capitalised costs, opex the rest.", fp);
	fputs("</p>\n", fp);
	budget_table(fp, hc);
	funding_words(fp, hc);
	pl_table(fp, hc);
	html_chart_timeline(fp, hc);
	milestones(fp, hc);
	fputs("</section>\n", fp);
	return 1;
}
