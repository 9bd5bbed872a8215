/*
 * html_plan.c - the roll-out plan in the business-case document: for a
 * scenario with area rows, the plan crm_plan found (crmroi/plan.h, in the
 * html_doc), as a sentence on what it is worth against the scenario as
 * written and big bang, a Gantt chart of the areas' go-lives, a table of
 * each area's slot and why, and the three plans' figures side by side.
 */
#include "html_priv.h"
#include "chart.h"
#include "explain.h"
#include "plan_view.h"

#include <math.h>
#include <stdlib.h>

#define PLAN_CHART_W 680

/* Each area from its go-live to the horizon's end; a left-out area has no bar. */
static void gantt(FILE *fp, const crm_scenario *sc, const crm_plan_result *r)
{
	int months = 12 * sc->settings.horizon_years;
	const char **lab = calloc(r->nareas + 1, sizeof *lab);
	char (*store)[160] = calloc(r->nareas + 1, sizeof *store);
	chart c;

	if (!lab || !store)
		goto done;
	for (size_t a = 0; a < r->nareas; a++) {
		char name[120];
		explain_name(sc->areas[a].name, name, sizeof name);
		snprintf(store[a], sizeof store[a], "%s%s", name,
			 r->best.golive[a] == CRM_GOLIVE_SKIP ? " (left out)" : "");
		lab[a] = store[a];
	}
	chart_begin(&c, fp, PLAN_CHART_W, 80 + 18 * (double)r->nareas, "The roll-out plan: when "
		    "each area goes live", "Each area of the plan as a bar from the month it goes live "
		    "to the end of the horizon; an area left out has no bar.");
	chart_category_axis(&c, 'y', r->nareas, lab, NULL);
	chart_value_axis_step(&c, 'x', 0, months, months <= 24 ? 3 : months <= 72 ? 6 : 12,
			      CHART_PLAIN, "Months from the investment date");
	chart_legend(&c, "Live", CHART_BLUE, 0);
	chart_frame(&c);
	for (size_t a = 0; a < r->nareas; a++) {
		int g = r->best.golive[a];
		char tip[200];
		if (g <= 0)
			continue;
		plan_view_slot(sc, g, tip, sizeof tip);
		chart_bar(&c, a, 0, 1, crm_plan_slot_month(sc, g) - 1, months, CHART_BLUE, tip);
	}
	chart_end(&c);
done:
	free(lab);
	free(store);
}

static void figure_cell(FILE *fp, const char *cur, double v, int share)
{
	char b[128];
	if (!isfinite(v))
		snprintf(b, sizeof b, "-");
	else if (share)
		html_pct(b, sizeof b, v);
	else
		html_short_money(b, sizeof b, cur, v);
	fputs("<td class=\"n\">", fp);
	html_text(fp, b);
	fputs("</td>", fp);
}

int html_sec_plan(const html_doc *d, FILE *fp)
{
	const crm_plan_result *r = &d->plan;
	const crm_scenario *sc;
	const char *cur;
	char a[128], b[128], buf[1024];

	if (!d->has_plan)
		return 0;
	sc = d->cases[0].r.sc;
	cur = html_currency(&d->cases[0]);
	html_section_open(fp, "plan", "The roll-out plan: what to do first");
	fprintf(fp, "<p>The proposal's %zu benefit areas may each go live in a %s of its own, after "
		"the areas it needs, or be left out. ", r->nareas,
		r->slot_months == 1 ? "month" : r->slot_months == 6 ? "half-year" :
		r->slot_months == 12 ? "year" : "quarter");
	plan_view_limits(sc, buf, sizeof buf);
	fputs("The limits: ", fp);
	html_text(fp, buf);
	fputs(". ", fp);
	if (!r->any_feasible) {
		fputs("<b>No plan keeps within them.</b></p>\n</section>\n", fp);
		return 1;
	}
	html_short_money(a, sizeof a, cur, plan_view_ranked(r, &r->best));
	html_short_money(b, sizeof b, cur, plan_view_ranked(r, &r->written));
	fprintf(fp, "<b>The plan with the highest %s is worth ", plan_view_objective(r));
	html_text(fp, a);
	fputs("</b>, against ", fp);
	html_text(fp, b);
	fputs(" for the areas as the proposal writes them, which ", fp);
	plan_view_within(sc, &r->written, buf, sizeof buf);
	html_text(fp, r->written.feasible ? "keep within the limits" : "break a limit: ");
	if (!r->written.feasible)
		html_text(fp, buf + 4);
	fputs("; big bang (every area in its first slot) ", fp);
	plan_view_within(sc, &r->bigbang, buf, sizeof buf);
	html_text(fp, r->bigbang.feasible ? "keeps within them" : r->written.feasible ?
		  "breaks one: " : "breaks one too: ");
	if (!r->bigbang.feasible)
		html_text(fp, buf + 4);
	fputs(". ", fp);
	plan_view_method(sc, r, buf, sizeof buf);
	html_text(fp, buf);
	if (r->uncertain) {
		html_money0(a, sizeof a, (double)r->n);
		fputs(" Every plan was measured on the same ", fp);
		html_text(fp, a);
		fputs(" draws.", fp);
	}
	fputs("</p>\n", fp);
	gantt(fp, sc, r);
	fprintf(fp, "<table>\n<caption>Each area's go-live, and why</caption>\n<thead><tr><th>Area"
		"</th><th>Goes live</th><th class=\"n\">Adds alone%s</th><th>Why then</th></tr></thead>"
		"\n<tbody>\n", r->objective == CRM_PLAN_AFTER_TAX ? ", before tax" : "");
	for (size_t k = 0; k < r->nareas; k++) {
		int g = r->best.golive[k];
		char name[120];
		explain_name(sc->areas[k].name, name, sizeof name);
		fputs("<tr><th>", fp);
		html_text(fp, name);
		fputs("</th><td>", fp);
		plan_view_slot(sc, g, buf, sizeof buf);
		html_text(fp, buf);
		fputs("</td>", fp);
		figure_cell(fp, cur, g > 0 ? r->alone[k * ((size_t)r->nslots + 1) + (size_t)g] : NAN, 0);
		plan_view_why(sc, &r->why[k], buf, sizeof buf);
		fputs("<td>", fp);
		html_text(fp, buf);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
	const crm_plan_eval *e[3] = { &r->best, &r->written, &r->bigbang };
	fputs("<table class=\"num\">\n<caption>The plan against the proposal as written and big "
	      "bang</caption>\n<thead><tr><th></th><th class=\"n\">The plan</th><th class=\"n\">As "
	      "written</th><th class=\"n\">Big bang</th></tr></thead>\n<tbody>\n", fp);
	fputs("<tr><th>NPV, the base case</th>", fp);
	for (int k = 0; k < 3; k++)
		figure_cell(fp, cur, e[k]->npv, 0);
	fputs("</tr>\n", fp);
	if (r->uncertain) {
		fputs("<tr><th>Expected NPV</th>", fp);
		for (int k = 0; k < 3; k++)
			figure_cell(fp, cur, e[k]->mean, 0);
		fputs("</tr>\n<tr><th>P10 NPV</th>", fp);
		for (int k = 0; k < 3; k++)
			figure_cell(fp, cur, e[k]->p10, 0);
		fputs("</tr>\n<tr><th>Chance of a loss</th>", fp);
		for (int k = 0; k < 3; k++)
			figure_cell(fp, cur, e[k]->p_loss, 1);
		fputs("</tr>\n", fp);
	}
	if (r->best.has_tax) {
		fputs("<tr><th>NPV after tax</th>", fp);
		for (int k = 0; k < 3; k++)
			figure_cell(fp, cur, e[k]->npv_after_tax, 0);
		fputs("</tr>\n", fp);
	}
	if (r->objective == CRM_PLAN_AFTER_TAX && r->uncertain) {
		fputs("<tr><th>Expected NPV after tax</th>", fp);
		for (int k = 0; k < 3; k++)
			figure_cell(fp, cur, e[k]->mean_after_tax, 0);
		fputs("</tr>\n", fp);
	}
	fputs("<tr><th>Peak funding</th>", fp);
	for (int k = 0; k < 3; k++)
		figure_cell(fp, cur, -e[k]->peak_funding, 0);
	fputs("</tr>\n<tr><th>Highest costs of a year</th>", fp);
	for (int k = 0; k < 3; k++)
		figure_cell(fp, cur, e[k]->max_year_costs, 0);
	fputs("</tr>\n<tr><th>Within the limits</th>", fp);
	for (int k = 0; k < 3; k++) {
		plan_view_within(sc, e[k], buf, sizeof buf);
		fputs("<td>", fp);
		html_text(fp, buf);
		fputs("</td>", fp);
	}
	fputs("</tr>\n</tbody></table>\n<p>The figures are those of the proposal with each plan "
	      "applied, computed in full; <code>crmroi plan -o</code> writes the plan as a scenario "
	      "that <code>crmroi run</code>, <code>report</code> and <code>workbook</code> read.</p>\n"
	      "</section>\n", fp);
	return 1;
}
