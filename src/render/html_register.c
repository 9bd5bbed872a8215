/*
 * html_register.c - the document's appendix, the assumptions register: the
 * scenario files and the actuals files, settings and conventions (each
 * capitalised cost's depreciation as its line gives it), the headline
 * figures to the cent, every input and line with its range, unit, risk,
 * owner and source under the names the scenario gives them, and the groups
 * as crmroi run words them.
 *
 * Not the benefits-realisation section (html_track.c), and no figure: it
 * writes what the scenario and the case hold.
 */
#include "html_priv.h"
#include "explain.h"
#include "headline.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A value as written, with a plain number in the document's format: 400000 -> 400,000. */
static void number_text(FILE *fp, const char *text)
{
	char *end, out[FMT_NUM_MAX];
	const char *dot = strchr(text, '.');

	double v = strtod(text, &end);
	if (!text[0] || *end || text[0] == ' ' || strpbrk(text, "eExX"))
		html_text(fp, text);
	else {
		fmt_money(out, sizeof out, v, dot ? (int)strspn(dot + 1, "0123456789") : 0);
		html_text(fp, out);
	}
}

/* The range and distribution cells of an input or line. */
static void range_text(FILE *fp, const crm_range *rg)
{
	fputs("<td class=\"nw\">", fp);
	if (rg->given) {
		number_text(fp, rg->low_text);
		fputs(" to ", fp);
		number_text(fp, rg->high_text);
	}
	fputs("</td><td>", fp);
	if (rg->given || rg->dist)
		html_text(fp, rg->dist ? crm_dist_name(rg->dist) : "triangular");
	fputs("</td>", fp);
}

/* Each capitalised cost's depreciation, as the scenario gives it. */
static void depreciation_list(FILE *fp, const crm_scenario *sc)
{
	char f[32], b[FMT_NUM_MAX];

	fputs("<li>Capitalised costs, each depreciated as its line says (full years from the year "
	      "it is booked in):<ul>\n", fp);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind != CRM_COST || !ln->capitalise)
			continue;
		fputs("<li>", fp);
		html_text(fp, ln->label);
		fputs(": ", fp);
		switch (ln->depreciation) {
		case CRM_DEPR_STRAIGHT: fputs("straight line", fp); break;
		case CRM_DEPR_DECLINING:
			fmt_factor(f, sizeof f, sc->settings.declining_factor);
			fprintf(fp, "declining balance at %s times the straight-line rate (switching to "
				"straight line when that gives more),", f);
			break;
		case CRM_DEPR_SYD: fputs("sum of the years' digits", fp); break;
		}
		fprintf(fp, " over %d year%s", ln->life, ln->life == 1 ? "" : "s");
		if (ln->salvage_given) {
			fmt_money(b, sizeof b, ln->salvage, 0);
			fprintf(fp, ", to a salvage of %s", b);
		}
		fputs(".</li>\n", fp);
	}
	fputs("</ul></li>\n", fp);
}

/*
 * The headline figures to the cent, as `crmroi run` and the workbook give
 * them, so that a reviewer can tie the document to the model; the rest of
 * the document rounds money to whole units.
 */
static void reconciliation(FILE *fp, const html_case *hc)
{
	const crm_case *c = hc->r.c;
	const crm_metrics *ms[3] = { c->has_tax ? &c->at.metrics : NULL, &c->m,
				     html_no_risk(c) ? NULL : &c->unadjusted };
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
	if (c->has_tax)
		fputs("<p class=\"small\">After tax, crmroi run and the workbook count the tax paid "
		      "with the costs, and a tax saving and any salvage with the benefits; the "
		      "document's first page keeps the benefits and costs before tax and shows the "
		      "tax and the salvage as lines of their own. NPV is the same.</p>\n", fp);
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
	if (d->track) {
		fputs("<li>Actuals (--actuals), in the order given: ", fp);
		for (size_t k = 0; k < d->nactuals_files; k++) {
			fputs(k ? ", <code>" : "<code>", fp);
			html_text(fp, d->actuals_files[k]);
			fputs("</code>", fp);
		}
		fputs(".</li>\n", fp);
	}
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
		fprintf(fp, " Losses: %s.", s->tax_losses == CRM_LOSSES_CARRY_FORWARD ?
			"carried forward against the project's later profits" :
			"set against the company's other profit");
	fputs("</li>\n", fp);
	if (html_any_capitalised(sc))
		depreciation_list(fp, sc);
	fputs("<li>", fp);
	explain_classes_of(sc, hc->r.c->only_given, 0, &rc);
	html_text(fp, rc.sentence);
	fputs(".</li>\n</ul>\n", fp);
	reconciliation(fp, hc);
	if (sc->ninputs) {
		int units = 0;
		for (size_t i = 0; i < sc->ninputs; i++)
			units |= sc->inputs[i].unit[0] != '\0';
		fprintf(fp, "<table class=\"reg\">\n<caption>Inputs: the document's name, and the "
			"scenario's under it</caption>\n<thead><tr><th>Input</th><th>Value</th>"
			"<th>Range</th><th>Distribution</th>%s<th>Owner</th><th>Source or note</th></tr>"
			"</thead>\n<tbody>\n", units ? "<th>Unit</th>" : "");
		for (size_t i = 0; i < sc->ninputs; i++) {
			const crm_input *in = &sc->inputs[i];
			char lab[256];
			html_input_label(lab, sizeof lab, sc, i);
			fputs("<tr><th>", fp);
			html_text(fp, lab);
			fputs("<span class=\"src\">", fp);
			html_text(fp, in->name);
			fputs("</span></th><td class=\"nw\">", fp);
			number_text(fp, in->value_text);
			fputs("</td>", fp);
			range_text(fp, &in->range);
			if (units) {
				fputs("<td>", fp);
				html_text(fp, in->unit);
				fputs("</td>", fp);
			}
			fputs("<td>", fp);
			html_text(fp, in->owner[0] ? in->owner : "not named");
			fputs("</td><td>", fp);
			html_text(fp, in->note);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
	}
	for (int kind = CRM_BENEFIT; kind >= CRM_COST; kind--) {
		fprintf(fp, "<h3>%s</h3>\n<table class=\"reg\">\n<thead><tr><th>Line</th>"
			"<th>Value and timing</th><th>Range</th><th>Distribution</th><th>Risk</th>"
			"<th>Owner</th><th>Metric</th><th>Note</th></tr></thead>\n<tbody>\n",
			kind == CRM_BENEFIT ? "Benefit lines" : "Cost lines");
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
			number_text(fp, ln->value_text);
			fputs("; ", fp);
			html_timing_words(fp, ln, 12 * s->horizon_years);
			fputs("</td>", fp);
			range_text(fp, &ln->range);
			fmt_share(a, sizeof a, ln->risk);
			fprintf(fp, "<td class=\"n\">%s%s</td><td>", a, ln->risk_given ? "" : "*");
			html_text(fp, ln->owner);
			fputs("</td><td>", fp);
			html_text(fp, ln->metric);
			fputs("</td><td>", fp);
			html_text(fp, ln->note);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
	}
	fputs("<p class=\"small\">* the default risk of the scenario's settings.</p>\n", fp);
	if (sc->ngroups) {
		/* The groups as crmroi run words them, under the scenario's own names. */
		fputs("<h3>Groups, as crmroi run gives them</h3>\n<ul class=\"small\">\n", fp);
		for (size_t g = 0; g < sc->ngroups; g++) {
			explain_gate(sc, g, buf, sizeof buf);
			html_elem(fp, "li", NULL, buf);
		}
		fputs("</ul>\n", fp);
	}
	fputs("</section>\n", fp);
	return 1;
}
