/*
 * report_json.c - `crmroi run --format json`: the case as one JSON object:
 * settings and conventions, metrics, periods, lines, benefit classes, gates,
 * inputs, adoption, after tax and the scenario's warnings, each amount in
 * the evaluation's own periods.
 *
 * Not the formats for people (report_text.c) or CSV (report_csv.c), and
 * nothing is computed here.
 */
#define _POSIX_C_SOURCE 200809L
#include "report_priv.h"
#include "adoption_view.h"
#include "aftertax_view.h"
#include "calendar.h"
#include "explain.h"

#include <math.h>
#include <stdio.h>

static void json_key(FILE *fp, const char *k, int *first)
{
	if (!*first)
		fputc(',', fp);
	*first = 0;
	fputs("\n    ", fp);
	json_string(fp, k);
	fputs(": ", fp);
}

static void json_array(FILE *fp, const double *v, size_t n)
{
	fputc('[', fp);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", fp);
		json_number(fp, v[i]);
	}
	fputc(']', fp);
}

/* ", \"low\": ..., \"high\": ..., \"dist\": ..." (null when not given). */
static void json_range(FILE *fp, const crm_range *rg)
{
	fputs(", \"low\": ", fp);
	if (rg->given)
		json_number(fp, rg->low);
	else
		fputs("null", fp);
	fputs(", \"high\": ", fp);
	if (rg->given)
		json_number(fp, rg->high);
	else
		fputs("null", fp);
	fputs(", \"dist\": ", fp);
	if (rg->dist)
		json_string(fp, crm_dist_name(rg->dist));
	else
		fputs("null", fp);
}

void report_json(const report *r, FILE *fp)
{
	const crm_scenario *sc = r->sc;
	const crm_settings *s = &sc->settings;
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;
	headline_item it[HEADLINE_MAX];
	size_t n = report_metric_items(r, it);
	char buf[64];
	int first;

	fputs("{\n  \"file\": ", fp);
	json_string(fp, sc->file);
	fputs(",\n  \"title\": ", fp);
	json_string(fp, s->title);
	fputs(",\n  \"only\": ", fp);   /* --only: the classes named, as every command writes them */
	if (r->c->only_given) {
		char only[EXPLAIN_CLASSES_LEN];
		explain_class_set(s->classes, only, sizeof only);
		json_string(fp, only);
	} else {
		fputs("null", fp);
	}
	fputs(",\n  \"currency\": ", fp);
	json_string(fp, s->currency);
	fprintf(fp, ",\n  \"horizon_years\": %d,\n  \"grid\": ", s->horizon_years);
	json_string(fp, crm_grid_name(s->grid));
	fputs(",\n  \"discount_rate\": ", fp);
	json_number(fp, s->discount_rate);
	fputs(",\n  \"finance_rate\": ", fp);
	json_number(fp, s->finance_rate);
	fputs(",\n  \"reinvest_rate\": ", fp);
	json_number(fp, s->reinvest_rate);
	fputs(",\n  \"start_date\": ", fp);
	if (s->start_year) {
		if (s->start_day)
			snprintf(buf, sizeof buf, "%04d-%02d-%02d", s->start_year, s->start_month,
				 s->start_day);
		else
			snprintf(buf, sizeof buf, "%04d-%02d", s->start_year, s->start_month);
		json_string(fp, buf);
	} else {
		fputs("null", fp);
	}
	fputs(",\n  \"conventions\": ", fp);
	json_string(fp, s->discounting == CRM_DISCOUNT_DATED
		    ? "dated: every flow is discounted to the investment date by (1+r)^(days/365), as "
		      "XNPV: each period's flows on the day it ends, a once line with a date on its "
		      "day; IRR is the XIRR; amounts are risk-adjusted: benefit x (1 - risk), "
		      "cost x (1 + risk)"
		    : s->grid == CRM_GRID_YEAR
		    ? "Initial is month 0, not discounted; Year k is discounted at its end by (1+r)^k; "
		      "amounts are risk-adjusted: benefit x (1 - risk), cost x (1 + risk)"
		    : "Initial is month 0, not discounted; month m is discounted at its end by "
		      "(1+r)^(m/12); IRR and MIRR are annual; amounts are risk-adjusted: "
		      "benefit x (1 - risk), cost x (1 + risk)");
	if (s->readiness) {
		fputs(",\n  \"readiness\": {\"file\": ", fp);
		json_string(fp, s->readiness);
		fputs(", \"score\": ", fp);
		json_number(fp, s->readiness_score);
		fputs(", \"floor\": ", fp);
		json_number(fp, s->readiness_floor);
		fputs(", \"factor\": ", fp);
		json_number(fp, s->readiness_factor);
		fputs(", \"note\": \"benefits x factor, on top of the risk adjustment; a judgement "
		      "from the self-assessment, not a calibrated estimate\"}", fp);
	}
	fputs(",\n  \"metrics\": {", fp);
	first = 1;
	for (size_t i = 0; i < n; i++) {
		json_key(fp, it[i].key, &first);
		if (it[i].ok)
			json_number(fp, it[i].value);
		else
			fputs("null", fp);
		if (it[i].note[0]) {
			snprintf(buf, sizeof buf, "%s_note", it[i].key);
			json_key(fp, buf, &first);
			json_string(fp, it[i].note);
		}
	}
	json_key(fp, "irr_roots", &first);
	json_array(fp, r->c->m.irr.roots, r->c->m.irr.nroots);
	json_key(fp, "peak_investment_month", &first);
	fprintf(fp, "%d", r->c->m.peak_period * cf->months_per_period);
	if (s->start_year) {
		/* Payback as a day too: the investment date plus the months. */
		for (int d = 0; d < 2; d++) {
			const crm_payback *pb = d ? &r->c->m.dpayback : &r->c->m.payback;
			json_key(fp, d ? "discounted_payback_date" : "payback_date", &first);
			calendar_date_after(s, pb->months, buf, sizeof buf);
			if (pb->status == CRM_PAYBACK_REACHED)
				json_string(fp, buf);
			else
				fputs("null", fp);
		}
	}
	fputs("\n  },\n  \"periods\": [", fp);
	for (size_t p = 0; p < np; p++) {
		fputs(p ? ",\n    {" : "\n    {", fp);
		if (p == 0) {
			snprintf(buf, sizeof buf, "Initial");
		} else if (cf->months_per_period == 12) {
			calendar_year_label(s, (int)p, buf, sizeof buf);
		} else if (s->start_year) {
			int mi = s->start_month - 1 + (int)p - 1;
			snprintf(buf, sizeof buf, "%04d-%02d", s->start_year + mi / 12, mi % 12 + 1);
		} else {
			snprintf(buf, sizeof buf, "Month %zu", p);
		}
		fputs("\"label\": ", fp);
		json_string(fp, buf);
		fprintf(fp, ", \"month\": %zu, \"costs\": ", p * (size_t)cf->months_per_period);
		json_number(fp, cf->costs[p]);
		fputs(", \"benefits\": ", fp);
		json_number(fp, cf->benefits[p]);
		fputs(", \"net\": ", fp);
		json_number(fp, cf->net[p]);
		fputs(", \"cumulative\": ", fp);
		json_number(fp, cf->cumulative[p]);
		fputs(", \"discount_factor\": ", fp);
		json_number(fp, cf->df[p]);
		fputs(", \"pv\": ", fp);
		json_number(fp, cf->pv_net[p]);
		fputs(", \"cumulative_pv\": ", fp);
		json_number(fp, cf->cumulative_pv[p]);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"lines\": [", fp);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		fputs(l ? ",\n    {" : "\n    {", fp);
		fputs("\"kind\": ", fp);
		json_string(fp, ln->kind == CRM_COST ? "cost" : "benefit");
		fputs(", \"name\": ", fp);
		json_string(fp, ln->label);
		fputs(", \"area\": ", fp);
		json_string(fp, ln->area);
		fputs(", \"value\": ", fp);
		json_string(fp, ln->value_text);
		fputs(", \"timing\": ", fp);
		json_string(fp, crm_timing_name(ln->timing));
		fprintf(fp, ", \"start\": %d, \"end\": %d, \"ramp\": %d, \"curve\": ", ln->start,
			ln->end, ln->ramp);
		json_string(fp, crm_curve_name(ln->curve));
		fputs(", \"growth\": ", fp);
		json_number(fp, ln->growth);
		fputs(", \"risk\": ", fp);
		json_number(fp, ln->risk);
		fputs(", \"probability\": ", fp);
		json_number(fp, ln->probability);
		json_range(fp, &ln->range);
		fputs(", \"class\": ", fp);
		if (ln->kind == CRM_BENEFIT)
			json_string(fp, crm_class_name(ln->cls));
		else
			fputs("null", fp);
		fputs(", \"counted\": ", fp);
		fputs(crm_case_line_counted(r->c, l) ? "true" : "false", fp);
		fputs(", \"group\": ", fp);
		if (ln->group >= 0)
			json_string(fp, sc->groups[ln->group].name);
		else
			fputs("null", fp);
		fputs(", \"owner\": ", fp);
		json_string(fp, ln->owner);
		fputs(", \"metric\": ", fp);
		json_string(fp, ln->metric);
		fputs(", \"note\": ", fp);
		json_string(fp, ln->note);
		/* A line left out of the metrics shows its amounts from the evaluation counting it. */
		const crm_cashflow *lcf = crm_case_line_flows(r->c, l);
		fputs(", \"amounts\": ", fp);
		json_array(fp, lcf->amount + l * np, np);
		fputs(", \"total\": ", fp);
		json_number(fp, r->c->line_total[l]);
		fputs(", \"present_value\": ", fp);
		json_number(fp, r->c->line_pv[l]);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"benefit_classes\": [", fp);
	first = 1;
	for (int c = 0; c < CRM_NCLASSES; c++) {
		if (!r->c->cls[c].nlines)
			continue;
		fputs(first ? "\n    {\"class\": " : ",\n    {\"class\": ", fp);
		first = 0;
		json_string(fp, crm_class_name((crm_class)c));
		fprintf(fp, ", \"counted\": %s, \"lines\": %zu, \"total\": ",
			(s->classes & CRM_CLASS_BIT(c)) ? "true" : "false", r->c->cls[c].nlines);
		json_number(fp, r->c->cls[c].total);
		fputs(", \"present_value\": ", fp);
		json_number(fp, r->c->cls[c].pv);
		/* Per period, as a line's amounts: a class left out from the evaluation counting it. */
		fputs(", \"amounts\": [", fp);
		for (size_t p = 0; p < np; p++) {
			fputs(p ? ", " : "", fp);
			json_number(fp, report_class_amount(r, (crm_class)c, (int)p));
		}
		fputs("]}", fp);
	}
	fputs("\n  ],\n  \"gates\": [", fp);
	for (size_t g = 0; g < sc->ngroups; g++) {
		char sentence[2048];
		explain_gate(sc, g, sentence, sizeof sentence);
		fputs(g ? ",\n    {\"group\": " : "\n    {\"group\": ", fp);
		json_string(fp, sc->groups[g].name);
		fputs(", \"probability\": ", fp);
		json_number(fp, sc->groups[g].probability);
		fprintf(fp, ", \"decided_at_month\": %d, \"lines\": %zu, \"explanation\": ",
			sc->groups[g].first_month, sc->groups[g].nlines);
		json_string(fp, sentence);
		fputc('}', fp);
	}
	if (sc->nareas) {
		fputs("\n  ],\n  \"areas\": [", fp);
		for (size_t a = 0; a < sc->nareas; a++) {
			const crm_plan_area *ar = &sc->areas[a];
			char sentence[1024];
			explain_area(sc, a, sentence, sizeof sentence);
			fputs(a ? ",\n    {\"area\": " : "\n    {\"area\": ", fp);
			json_string(fp, ar->name);
			fputs(", \"golive\": ", fp);
			if (ar->golive > 0)
				fprintf(fp, "%d", ar->golive);
			else
				fputs(ar->golive == CRM_GOLIVE_SKIP ? "\"skip\"" : "null", fp);
			fputs(", \"golive_month\": ", fp);
			json_number(fp, ar->golive > 0 ? crm_plan_slot_month(sc, ar->golive) :
				    ar->golive == CRM_GOLIVE_SKIP ? NAN : ar->written_month);
			fprintf(fp, ", \"lines\": %zu, \"explanation\": ", ar->nlines);
			json_string(fp, sentence);
			fputc('}', fp);
		}
	}
	fputs("\n  ],\n  \"inputs\": [", fp);
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		fputs(i ? ",\n    {" : "\n    {", fp);
		fputs("\"name\": ", fp);
		json_string(fp, in->name);
		fputs(", \"value\": ", fp);
		json_string(fp, in->value_text);
		fputs(", \"label\": ", fp);
		json_string(fp, in->label ? in->label : "");
		fputs(", \"unit\": ", fp);
		json_string(fp, in->unit ? in->unit : "");
		json_range(fp, &in->range);
		fputs(", \"owner\": ", fp);
		json_string(fp, in->owner);
		fputs(", \"note\": ", fp);
		json_string(fp, in->note);
		fputs(", \"values\": ", fp);
		json_array(fp, cf->input + i * np, np);
		fputc('}', fp);
	}
	fputs("\n  ]", fp);
	adoption_json(r, fp);
	if (r->c->has_tax) {
		fputs(",\n  ", fp);
		aftertax_json(sc, &r->c->at, fp);
	}
	fputs(",\n  \"warnings\": [", fp);
	for (size_t w = 0, shown = 0; w < sc->warnings.count; w++) {
		if (sc->warnings.items[w].note)   /* how the file was read: no warning */
			continue;
		fputs(shown++ ? ", " : "", fp);
		json_string(fp, sc->warnings.items[w].msg);
	}
	fputs("]\n}\n", fp);
}
