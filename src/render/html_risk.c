/*
 * html_risk.c - the document's risk section: the gates (groups of lines that
 * happen together), the tornado with the break-even values of the most
 * influential inputs, and the simulation with its Sobol indices.
 *
 * Not the analyses themselves: the front end runs them and hands the results
 * over in the html_doc; this only lays them out.
 */
#include "html_priv.h"
#include "explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Each gate of a case in a sentence (explain_gate), as a list. */
void html_gates(FILE *fp, const html_case *hc, const char *title)
{
	const crm_scenario *sc = hc->r.sc;
	char buf[2048];

	if (!sc->ngroups)
		return;
	fputs("<h3>", fp);
	html_text(fp, title);
	fputs("</h3>\n<p>Lines of one group happen together: a simulation draws the group once, "
	      "so its costs and its benefits come together or not at all.</p>\n<ul>\n", fp);
	for (size_t g = 0; g < sc->ngroups; g++) {
		explain_gate(sc, g, buf, sizeof buf);
		html_elem(fp, "li", NULL, buf);
	}
	fputs("</ul>\n", fp);
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
	html_text(fp, p->name);
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
		html_short_money(nb, sizeof nb, html_currency(hc), be->at_neighbour.v);
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
		html_text(fp, p->name);
		fputs("</th>", fp);
		if (p->has_base)
			html_param_value(b, sizeof b, sc, p, p->base);
		else
			snprintf(b, sizeof b, "formula");
		fprintf(fp, "<td class=\"n\">%s</td>", b);
		if (hc->be_why[i][0]) {
			fputs("<td class=\"n\">not searched</td><td class=\"n\">-</td><td>", fp);
			html_text(fp, hc->be_why[i]);
		} else if (be->status == CRM_BE_FOUND && p->months) {
			breakeven_months(fp, hc, be);
		} else if (be->status == CRM_BE_FOUND) {
			html_param_value(v, sizeof v, sc, p, be->value);
			if (isfinite(be->change))
				snprintf(ch, sizeof ch, "%.1f%%", fabs(be->change) * 100);
			else
				snprintf(ch, sizeof ch, "-");
			fprintf(fp, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td>", v, ch);
			html_text(fp, p->name);
			if (be->at_base.ok && be->at_base.v < 0)
				fprintf(fp, " must %s %s for NPV to reach zero (NPV is below zero "
					"now)", be->value < p->base ? "fall" : "rise", ch);
			else
				fprintf(fp, " can %s %s before NPV reaches zero", be->value < p->base ?
					"fall" : "rise", ch);
		} else {
			char lo[64], hi[64];
			html_param_value(lo, sizeof lo, sc, p, be->lo);
			html_param_value(hi, sizeof hi, sc, p, be->hi);
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
		html_text(fp, s->items[i].name);
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

int html_sec_risk(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	char b[64];

	if (!hc->ntornado && !hc->simulated && !hc->r.sc->ngroups)
		return 0;
	html_section_open(fp, "risk", "Risk and sensitivity");
	html_gates(fp, hc, "Gates: lines that happen together");
	if (hc->ntornado) {
		html_chart_tornado(fp, hc);
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
		html_chart_histogram(fp, d);
		html_chart_scurve(fp, hc);
		if (hc->sobol.ok)
			sobol_table(fp, hc);
	}
	fputs("</section>\n", fp);
	return 1;
}
