/*
 * html_options.c - the document's deployment options: the proposal beside
 * its alternatives (metrics, the NPV of each difference, their cumulative
 * cash flows), and what each alternative changes in settings and lines.
 *
 * Not the comparison's arithmetic: the difference's NPV comes from the core
 * (crm_incremental) in the html_case.
 */
#include "html_priv.h"
#include "headline.h"

#include <string.h>

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
	CHANGE(strcmp(x->value_text, y->value_text), fputs("value ", fp); html_text(fp, x->value_text);
	       fputs(" instead of ", fp); html_text(fp, y->value_text));
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
	       html_text(fp, group_of(xs, x)); fputs(" instead of ", fp); html_text(fp, group_of(ys, y)));
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
		html_text(fp, xl->label);
		fputs("</b>", fp);
		if (yl) {
			line_changes(fp, as, xl, ps, yl);
		} else {
			fputs(": ", fp);
			html_text(fp, xl->value_text);
			fputs(", ", fp);
			html_timing_words(fp, xl, 12 * x->horizon_years);
		}
		fputs(".</li>\n", fp);
	}
	for (size_t l = 0; l < ps->nlines; l++)
		if (!find_line(as, ps->lines[l].label)) {
			fputs("<li>Leaves out <b>", fp);
			html_text(fp, ps->lines[l].label);
			fputs("</b>.</li>\n", fp);
			any = 1;
		}
	if (!any)
		fputs("<li>No setting or line differs from the proposal.</li>\n", fp);
	fputs("</ul>\n", fp);
}

int html_sec_options(const html_doc *d, FILE *fp)
{
	char b[64];

	if (d->ncases < 2)
		return 0;
	html_section_open(fp, "options", "Deployment options");
	fputs("<p>The first option is the proposal; the others are the alternatives it is "
	      "compared with. All figures are risk-adjusted.</p>\n<dl class=\"options\">\n", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs("<dt>", fp);
		html_text(fp, b);
		fputs(k ? "</dt><dd>" : " (proposal)</dt><dd>", fp);
		html_text(fp, html_case_title(&d->cases[k]));
		fputs(" &#8212; ", fp);
		html_text(fp, d->cases[k].r.sc->file);
		fputs("</dd>\n", fp);
	}
	fputs("</dl>\n<table class=\"num\">\n<thead><tr><th></th>", fp);
	for (size_t k = 0; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs("<th class=\"n\">", fp);
		html_text(fp, b);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	static const char *const labels[] = { "NPV", "ROI (TEI)", "IRR", "Payback",
		"Discounted payback", "PV of benefits", "PV of costs", "Total costs",
		"Peak funding need" };
	for (size_t row = 0; row < sizeof labels / sizeof *labels; row++) {
		fputs("<tr><th>", fp);
		html_text(fp, labels[row]);
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
	html_chart_cumulative(fp, d, 1, "Cumulative net cash flow of each option");
	for (size_t k = 1; k < d->ncases; k++) {
		html_short_name(b, sizeof b, &d->cases[k]);
		fputs("<h3>", fp);
		html_text(fp, b);
		fputs(" compared with the proposal</h3>\n", fp);
		differences(fp, &d->cases[0], &d->cases[k]);
		if (d->cases[k].r.sc->ngroups) {
			char title[96];
			snprintf(title, sizeof title, "Gates of %s", b);
			html_gates(fp, &d->cases[k], title);
		}
	}
	fputs("</section>\n", fp);
	return 1;
}
