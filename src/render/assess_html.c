/*
 * assess_html.c - the readiness section of the business-case document
 * (`crmroi report`), for a scenario with the setting readiness.
 *
 * It shows the self-assessment behind the execution factor: each section's
 * points against its maximum as bars, the factor and what it does to NPV,
 * and the readiness at which the case stops paying. Everything shown was
 * computed by the core (crm_assess_load, crm_assess_effect) and handed over
 * in the html_case; this file only lays it out.
 */
#include "html.h"
#include "assess_view.h"

#include <math.h>

#include "chart.h"

/* Width of the chart in SVG units, as the other charts of the document. */
#define READINESS_CHART_W 680

static void money(char *buf, size_t len, const char *cur, double v)
{
	char n[64];

	if (!isfinite(v)) {
		snprintf(buf, len, "not defined");
		return;
	}
	fmt_money(n, sizeof n, v, 0);
	snprintf(buf, len, "%s %s", cur, n);
}

static void section_bars(FILE *fp, const crm_assessment *a)
{
	const char *lab[CRM_ASSESS_NSECTIONS + 4];
	char names[CRM_ASSESS_NSECTIONS + 4][48];
	size_t n = 0;
	chart c;

	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		const crm_assess_section *sec = crm_assess_section_at(s);
		snprintf(names[n], sizeof names[n], "%s (%g)", sec->name, sec->points);
		lab[n] = names[n];
		n++;
	}
	chart_begin(&c, fp, READINESS_CHART_W, 70 + 22 * (double)n,
		    "Readiness by section, against each section's maximum",
		    "Each bar is a section's points as a share of its maximum; the grey bar is "
		    "the maximum.");
	chart_category_axis(&c, 'y', n, lab, NULL);
	chart_value_axis(&c, 'x', 0, 1, 5, CHART_PERCENT, "Share of the section's maximum");
	chart_legend(&c, "Points scored", CHART_BLUE, 0);
	chart_legend(&c, "Missing", CHART_GREY, 0);
	chart_frame(&c);
	for (int s = 0; s < CRM_ASSESS_NSECTIONS; s++) {
		const crm_assess_section *sec = crm_assess_section_at(s);
		double sh = crm_assess_share(a, s);
		char p[32], mx[32], tip[160];
		fmt_points(p, sizeof p, a->section_points[s]);
		fmt_points(mx, sizeof mx, sec->points);
		snprintf(tip, sizeof tip, "%s: %s of %s points", sec->name, p, mx);
		chart_bar(&c, (size_t)s, 0, 1, sh, 1, CHART_GREY, tip);
		chart_bar(&c, (size_t)s, 0, 1, 0, sh, CHART_BLUE, tip);
	}
	chart_end(&c);
}

int html_readiness_section(const html_doc *d, FILE *fp)
{
	const html_case *hc = &d->cases[0];
	const crm_settings *s = &hc->r.sc->settings;
	const crm_assessment *a = hc->assessment;
	const crm_readiness_effect *fx = &hc->readiness;
	const char *cur = s->currency;
	char t[32], f[32], fl[32], n1[96], n2[96], n3[96];

	if (!s->readiness || !a)
		return 0;
	fmt_points(t, sizeof t, fx->score);
	snprintf(f, sizeof f, "%.4g", fx->factor);
	fmt_percent(fl, sizeof fl, fx->floor);
	fputs("<section id=\"readiness\">\n<h2>Organisational readiness</h2>\n<p>", fp);
	fprintf(fp, "The organisation scores <strong>%s of 1000 points</strong> in its readiness "
		"self-assessment (", t);
	xml_text(fp, s->readiness);
	if (a->stage != CRM_STAGE_UNSTATED)
		fprintf(fp, ", %s stage", crm_assess_stage_name(a->stage));
	if (a->date[0]) {
		fputs(", ", fp);
		xml_text(fp, a->date);
	}
	fprintf(fp, "). Benefits are multiplied by an execution factor of <strong>%s</strong> "
		"= %s + (1 &minus; %s) &times; %s / 1000, on top of the risk adjustment. The factor "
		"is a judgement &mdash; an organisation that is less ready realises less of the "
		"benefits &mdash; not a calibrated estimate.</p>\n", f, fl, fl, t);

	money(n1, sizeof n1, cur, fx->npv);
	money(n2, sizeof n2, cur, fx->npv_full);
	money(n3, sizeof n3, cur, fx->npv - fx->npv_full);
	fputs("<table class=\"num\">\n<caption>Effect of readiness on NPV</caption>\n<tbody>\n", fp);
	fprintf(fp, "<tr><th>NPV with the readiness factor (%s)</th><td class=\"n\">%s</td></tr>\n",
		f, n1);
	fprintf(fp, "<tr><th>NPV at full readiness (1000 points, factor 1)</th><td class=\"n\">%s"
		"</td></tr>\n", n2);
	fprintf(fp, "<tr class=\"total\"><th>Effect of readiness</th><td class=\"n\">%s</td></tr>\n",
		n3);
	fputs("</tbody></table>\n<p>", fp);
	if (fx->breakeven_found) {
		char be[32];
		fmt_points(be, sizeof be, fx->breakeven_score);
		fprintf(fp, "The case stops paying (NPV falls to 0) at a readiness of %s points, "
			"everything else as it is.", be);
	} else if (fx->npv >= 0) {
		fputs("NPV stays positive at every readiness from 0 to 1000 points.", fp);
	} else {
		fputs("NPV stays negative at every readiness from 0 to 1000 points.", fp);
	}
	fputs("</p>\n", fp);
	section_bars(fp, a);

	char c1[32], c2[32];
	fmt_points(c1, sizeof c1, a->culture);
	fmt_points(c2, sizeof c2, a->execution);
	fprintf(fp, "<p>Culture (the first six sections) scores %s of %g points, execution "
		"(leadership, program management, change management) %s of %g.", c1,
		a->culture_max, c2, a->execution_max);
	for (int j = 0, ngaps = assess_view_gaps(a); j < ngaps; j++) {
		int sidx = a->by_gap[j];
		const crm_assess_section *sec = crm_assess_section_at(sidx);
		double gap = sec->points - a->section_points[sidx];
		char g[32];
		fmt_points(g, sizeof g, gap);
		fprintf(fp, "%s %s (%s points missing)", j ? ";" : " The largest gaps:", sec->name, g);
	}
	fputs(".", fp);
	fputs(" <span class=\"small\">crmroi assess gives the criteria, learnings and the "
	      "executive review.</span></p>\n</section>\n", fp);
	return 1;
}
