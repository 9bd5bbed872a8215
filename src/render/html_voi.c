/*
 * html_voi.c - the value of information in the business-case document:
 * EVPI and the EVPPI of the values worth most, from crm_voi (crmroi/voi.h),
 * in words and a short table.
 */
#include "html_priv.h"
#include "explain.h"
#include "voi_view.h"

#include <math.h>
#include <stdlib.h>

/*
 * A value's name for the document: an input's label (or one made of its
 * name), and what a gate's or an event's draw is.
 */
static void value_name(char *buf, size_t len, const crm_scenario *const *scs,
		       const crm_voi_value *v)
{
	if (v->kind == CRM_VOI_INPUT)
		html_input_label(buf, len, scs[v->scenario], (size_t)v->index);
	else
		snprintf(buf, len, "%s%s", v->name, v->kind == CRM_VOI_GATE ?
			 " (whether the gate opens)" : v->kind == CRM_VOI_EVENT ?
			 " (whether it happens)" : "");
}

/* Values shown in the table: the ones worth most. */
#define VOI_SHOWN 5

void html_voi(FILE *fp, const html_doc *d)
{
	const crm_voi_result *r = &d->voi;
	const char *cur = html_currency(&d->cases[0]);
	const crm_scenario **scs = calloc(d->ncases, sizeof *scs);
	size_t *order = calloc(r->nvalues + 1, sizeof *order);
	char a[96], b[96], p[64], sentence[1024];

	if (!d->has_voi || !scs || !order)
		goto done;
	for (size_t k = 0; k < d->ncases; k++)
		scs[k] = d->cases[k].r.sc;
	size_t n = voi_view_order(r, order);
	fputs("<h3>What is worth knowing before deciding</h3>\n<p>", fp);
	explain_money(a, sizeof a, cur, r->evpi);
	explain_money(b, sizeof b, cur, r->evpi_se);
	html_sim_share(p, sizeof p, r->p_change, r->used);
	if (r->nothing)
		fputs("The decision is to go ahead or not. ", fp);
	else
		fprintf(fp, "The decision is the choice among the %zu options, on common draws. ",
			r->noptions);
	fputs("Knowing every uncertain value before deciding would be worth up to ", fp);
	html_text(fp, a);
	fputs(" (the expected value of perfect information, give or take ", fp);
	html_text(fp, b);
	fputs("): with it the decision would change in ", fp);
	html_text(fp, p);
	fputs(" of the draws. This is the most any study, pilot or wait could be worth. ", fp);
	voi_view_sentence(sentence, sizeof sentence, (const crm_scenario *const *)scs, r,
			  value_name);
	fputs("<b>", fp);
	html_text(fp, sentence);
	fputs("</b></p>\n", fp);
	size_t shown = 0;
	for (size_t k = 0; k < n; k++)
		shown += r->values[order[k]].evppi >= 0.5 && shown < VOI_SHOWN;
	if (shown) {
		fputs("<table class=\"num\">\n<caption>The uncertain values worth most to know before "
		      "deciding (EVPPI, in ", fp);
		html_text(fp, cur);
		fputs(")</caption>\n<thead><tr><th>Uncertain value</th><th class=\"n\">Worth knowing, "
		      "up to</th><th class=\"n\">Give or take</th><th class=\"n\">Share of all "
		      "information</th><th class=\"n\">Changes the decision in</th></tr></thead>\n"
		      "<tbody>\n", fp);
		for (size_t k = 0; k < shown; k++) {
			const crm_voi_value *v = &r->values[order[k]];
			char lab[256];
			value_name(lab, sizeof lab, (const crm_scenario *const *)scs, v);
			fputs("<tr><th>", fp);
			html_text(fp, lab);
			fputs("</th>", fp);
			html_money0(a, sizeof a, v->evppi);
			html_money0(b, sizeof b, v->se);
			fprintf(fp, "<td class=\"n\">%s</td><td class=\"n\">%s</td>", a, b);
			html_pct(p, sizeof p, r->evpi > 0 ? v->evppi / r->evpi : 0);
			fprintf(fp, "<td class=\"n\">%s</td>", p);
			html_sim_share(p, sizeof p, v->p_change, r->used);
			fputs("<td class=\"n\">", fp);
			html_text(fp, p);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
	}
	fmt_money(a, sizeof a, (double)r->used, 0);
	fprintf(fp, "<p class=\"small\">From %s draws with seed %llu. The worth of knowing one value "
		"(its EVPPI) is estimated by regression of each option's NPV on it across the draws "
		"(Strong, Oakley and Brennan 2014); values that share the worth of all information do "
		"not add up to it. Give or take: one Monte Carlo standard error.</p>\n", a,
		(unsigned long long)d->seed);
done:
	free(scs);
	free(order);
}
