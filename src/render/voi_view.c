/*
 * voi_view.c - the value of information (crmroi/voi.h) in text, markdown,
 * CSV and JSON.
 */
#define _POSIX_C_SOURCE 200809L
#include "voi_view.h"
#include "explain.h"
#include "rtable.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* An option's name: its scenario's title (or file), or "doing nothing". */
static const char *option_name(const crm_scenario *const *scs, const crm_voi_result *r, size_t o)
{
	if (r->nothing && o == r->noptions - 1)
		return "doing nothing";
	return scs[o]->settings.title[0] ? scs[o]->settings.title : scs[o]->file;
}

const char *voi_view_name(const crm_scenario *const *scs, const crm_voi_value *v)
{
	if (v->kind == CRM_VOI_INPUT) {
		const crm_input *in = &scs[v->scenario]->inputs[v->index];
		if (in->label && in->label[0])
			return in->label;
	}
	return v->name;
}

size_t voi_view_order(const crm_voi_result *r, size_t *order)
{
	size_t n = 0;

	for (size_t i = 0; i < r->nvalues; i++)
		if (r->values[i].kind != CRM_VOI_GROUP && isfinite(r->values[i].evppi))
			order[n++] = i;
	/* Insertion sort, stable: ties keep the scenarios' order. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && r->values[order[j]].evppi > r->values[order[j - 1]].evppi;
		     j--) {
			size_t t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
	return n;
}

static const char *currency(const crm_scenario *const *scs)
{
	return scs[0]->settings.currency;
}

void voi_view_sentence(char *buf, size_t len, const crm_scenario *const *scs,
		       const crm_voi_result *r, voi_view_namer name)
{
	char a[96], b[96], nm[256];
	size_t *order = malloc((r->nvalues + 1) * sizeof *order);
	size_t n = order ? voi_view_order(r, order) : 0;

	buf[0] = '\0';
	explain_money(a, sizeof a, currency(scs), r->evpi);
	if (!(r->evpi >= 0.5)) {
		crm_appendf(buf, len, "No information is worth having before deciding: %s is the best "
			    "choice in every draw.", option_name(scs, r, r->best));
	} else if (!n) {
		crm_appendf(buf, len, "Knowing every uncertainty before deciding would be worth up to "
			    "%s.", a);
	} else {
		const crm_voi_value *top = &r->values[order[0]];
		explain_money(a, sizeof a, currency(scs), top->evppi);
		if (!(top->evppi >= 0.5)) {
			explain_money(a, sizeof a, currency(scs), r->evpi);
			crm_appendf(buf, len, "No single uncertainty is worth resolving before deciding; "
				    "all of them together would be worth up to %s.", a);
		} else {
			if (name)
				name(nm, sizeof nm, scs, top);
			else
				snprintf(nm, sizeof nm, "%s", voi_view_name(scs, top));
			crm_appendf(buf, len, "Resolving %s before deciding is worth up to %s", nm, a);
			if (n > 1 && r->values[order[1]].evppi >= 0.5) {
				explain_money(b, sizeof b, currency(scs), r->values[order[1]].evppi);
				crm_appendf(buf, len, "; nothing else is worth more than %s", b);
			} else if (n > 1) {
				crm_appendf(buf, len, "; no other uncertainty alone would change the "
					    "decision");
			}
			crm_appendf(buf, len, ".");
		}
	}
	free(order);
}

/* A sentence in text or a list item in markdown. */
static void say(FILE *fp, int md, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(FILE *fp, int md, const char *fmt, ...)
{
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (text) {
		vsnprintf(text, (size_t)n + 1, fmt, aq);
		if (md) {
			fputs("- ", fp);
			md_text(fp, text);
			fputc('\n', fp);
		} else {
			print_para(fp, "  ", text);
		}
	}
	free(text);
	va_end(aq);
	va_end(ap);
}

/*
 * The table of values: each one's EVPPI, its error, its share of EVPI and
 * how often knowing it changes the decision; the groups after them.
 */
static void values_table(rtable *t, const crm_scenario *const *scs, const crm_voi_result *r,
			 const size_t *order, size_t n)
{
	rtable_col(t, 0, "name", "Uncertain value", UNIT_TEXT);
	rtable_col(t, 1, "kind", "Kind", UNIT_TEXT);
	rtable_col(t, 2, "evppi", "EVPPI", CRM_UNIT_MONEY);
	rtable_col(t, 3, "standard_error", "Std error", CRM_UNIT_MONEY);
	rtable_col(t, 4, "share_of_evpi", "Share of EVPI", CRM_UNIT_RATE);
	rtable_col(t, 5, "p_change", "Changes the decision", CRM_UNIT_RATE);
	for (size_t k = 0; k < n + r->ngroups; k++) {
		const crm_voi_value *v = k < n ? &r->values[order[k]]
					 : &r->values[r->nvalues - r->ngroups + (k - n)];
		long row = rtable_row(t);
		if (row < 0)
			return;
		const char *people = voi_view_name(scs, v);
		rtable_text_for(t, row, 0, v->name, people != v->name ? people : NULL);
		rtable_text(t, row, 1, crm_voi_kind_name(v->kind));
		rtable_num(t, row, 2, v->evppi);
		rtable_num(t, row, 3, v->se);
		if (r->evpi > 0)
			rtable_num(t, row, 4, v->evppi / r->evpi);
		else
			rtable_value(t, row, 4, &(crm_value){ NAN, 0, "no EVPI" });
		rtable_num(t, row, 5, v->p_change);
	}
}

static void options_table(rtable *t, const crm_scenario *const *scs, const crm_voi_result *r)
{
	rtable_col(t, 0, "option", "Option", UNIT_TEXT);
	rtable_col(t, 1, "expected_npv", "Expected NPV", CRM_UNIT_MONEY);
	rtable_col(t, 2, "chosen", "Without more information", UNIT_TEXT);
	for (size_t o = 0; o < r->noptions; o++) {
		long row = rtable_row(t);
		if (row < 0)
			return;
		rtable_text(t, row, 0, option_name(scs, r, o));
		rtable_num(t, row, 1, r->mean[o]);
		rtable_text(t, row, 2, o == r->best ? "chosen" : "");
	}
}

static void write_people(const voi_view_opts *o, const crm_scenario *const *scs, size_t ns,
			 const crm_voi_result *r, const size_t *order, size_t n, FILE *fp)
{
	int md = o->fmt == FMT_MARKDOWN;
	char a[96], b[96], c[64], sentence[1024];
	const char *title = option_name(scs, r, 0);

	if (md) {
		fputs("## Value of information: ", fp);
		md_text(fp, title);
		fputs("\n\n", fp);
	} else {
		fprintf(fp, "Value of information: %s\n", title);
	}
	for (size_t s = 0; s < ns; s++) {
		const crm_scenario *sc = scs[s];
		explain_classes rc;   /* which classes the NPVs count, as run says it */
		say(fp, md, "Scenario: %s", sc->file);
		explain_classes_of(sc, o->only_given, 0, &rc);
		if (rc.shown)
			say(fp, md, "%s", rc.sentence);
		if (sc->settings.readiness) {
			char rd[1024];
			explain_readiness(&sc->settings, rd, sizeof rd);
			say(fp, md, "%s", rd);
		}
		if (sc->settings.discounting == CRM_DISCOUNT_DATED)
			say(fp, md, "Its NPV is the XNPV: dated discounting, each flow on its day, ACT/365.");
	}
	if (r->nothing)
		say(fp, md, "Decision: go ahead or not, NPV%s against 0 (doing nothing).",
		    o->after_tax ? " after tax" : "");
	else
		say(fp, md, "Decision: the choice among %zu options by expected NPV%s, simulated on "
		    "common draws (the same uncertain value takes the same draw in every option that "
		    "has it).", r->noptions, o->after_tax ? " after tax" : "");
	fmt_money(a, sizeof a, (double)r->n, 0);
	fmt_money(b, sizeof b, (double)r->used, 0);
	say(fp, md, "Draws: %s with seed %llu%s%s%s. Each value's EVPPI is estimated by regression of "
	    "the options' NPVs on it across the draws (Strong, Oakley and Brennan 2014): a cubic "
	    "spline, or the mean at each value for one that takes few values (a gate, a month).", a,
	    (unsigned long long)o->seed, r->used < r->n ? " (" : "", r->used < r->n ? b : "",
	    r->used < r->n ? " with an NPV for every option)" : "");
	rtable t;
	if (rtable_init(&t, 3) == 0) {
		options_table(&t, scs, r);
		fputc('\n', fp);
		if (md)
			rtable_print_markdown(&t, fp);
		else
			rtable_print_text(&t, fp, "  ");
		rtable_free(&t);
	}
	fputc('\n', fp);
	explain_money(a, sizeof a, currency(scs), r->evpi);
	explain_money(b, sizeof b, currency(scs), r->evpi_se);
	fmt_percent(c, sizeof c, r->p_change);
	say(fp, md, "EVPI, the expected value of perfect information: %s (standard error %s), the "
	    "most that knowing every uncertain value before deciding could be worth; with it the "
	    "decision would change in %s of the draws.", a, b, c);
	if (n + r->ngroups && rtable_init(&t, 6) == 0) {
		values_table(&t, scs, r, order, n);
		fputc('\n', fp);
		if (md)
			rtable_print_markdown(&t, fp);
		else
			rtable_print_text(&t, fp, "  ");
		rtable_free(&t);
		fputc('\n', fp);
	}
	say(fp, md, "EVPPI, the expected value of partial perfect information: what knowing that "
	    "value alone (or the group together) before deciding is worth; it is at most the EVPI, "
	    "and values that share an EVPI do not add up to it.");
	voi_view_sentence(sentence, sizeof sentence, scs, r, NULL);
	say(fp, md, "%s", sentence);
}

static void write_csv(const crm_scenario *const *scs, const crm_voi_result *r,
		      const size_t *order, size_t n, FILE *fp)
{
	static const char *const head[] = { "section", "name", "kind", "statistic", "value" };

	for (size_t k = 0; k < 5; k++)
		csv_field(fp, head[k], k == 0);
	csv_end(fp);
#define ROW(sec, name, kind, stat, v) do { csv_field(fp, sec, 1); csv_field(fp, name, 0); \
	csv_field(fp, kind, 0); csv_field(fp, stat, 0); csv_number(fp, v, 0); csv_end(fp); } while (0)
	for (size_t o = 0; o < r->noptions; o++) {
		const char *kind = r->nothing && o == r->noptions - 1 ? "nothing" : "scenario";
		ROW("option", option_name(scs, r, o), kind, "expected_npv", r->mean[o]);
		ROW("option", option_name(scs, r, o), kind, "chosen", o == r->best ? 1.0 : 0.0);
	}
	ROW("draws", "", "", "draws", (double)r->n);
	ROW("draws", "", "", "used", (double)r->used);
	ROW("evpi", "", "", "evpi", r->evpi);
	ROW("evpi", "", "", "standard_error", r->evpi_se);
	ROW("evpi", "", "", "p_change", r->p_change);
	for (size_t k = 0; k < n + r->ngroups; k++) {
		const crm_voi_value *v = k < n ? &r->values[order[k]]
					 : &r->values[r->nvalues - r->ngroups + (k - n)];
		const char *kind = crm_voi_kind_name(v->kind);
		ROW("evppi", v->name, kind, "evppi", v->evppi);
		ROW("evppi", v->name, kind, "standard_error", v->se);
		ROW("evppi", v->name, kind, "p_change", v->p_change);
	}
#undef ROW
}

static void write_json(const voi_view_opts *o, const crm_scenario *const *scs,
		       const crm_voi_result *r, const size_t *order, size_t n, FILE *fp)
{
	char sentence[1024];

	fputs("{\n  \"decision\": ", fp);
	json_string(fp, r->nothing ? "go_or_not" : "choose");
	fprintf(fp, ",\n  \"after_tax\": %s,\n  \"seed\": %llu,\n  \"draws\": %llu,\n  \"used\": %llu,"
		"\n  \"options\": [", o->after_tax ? "true" : "false", (unsigned long long)o->seed,
		(unsigned long long)r->n, (unsigned long long)r->used);
	for (size_t k = 0; k < r->noptions; k++) {
		fputs(k ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
		json_string(fp, option_name(scs, r, k));
		fputs(", \"file\": ", fp);
		if (r->nothing && k == r->noptions - 1)
			fputs("null", fp);
		else
			json_string(fp, scs[k]->file);
		fputs(", \"expected_npv\": ", fp);
		json_number(fp, r->mean[k]);
		fprintf(fp, ", \"chosen\": %s}", k == r->best ? "true" : "false");
	}
	fputs("\n  ],\n  \"evpi\": ", fp);
	json_number(fp, r->evpi);
	fputs(",\n  \"evpi_standard_error\": ", fp);
	json_number(fp, r->evpi_se);
	fputs(",\n  \"p_change\": ", fp);
	json_number(fp, r->p_change);
	fputs(",\n  \"values\": [", fp);
	for (size_t k = 0; k < n + r->ngroups; k++) {
		const crm_voi_value *v = k < n ? &r->values[order[k]]
					 : &r->values[r->nvalues - r->ngroups + (k - n)];
		fputs(k ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
		json_string(fp, v->name);
		fputs(", \"label\": ", fp);
		json_string(fp, voi_view_name(scs, v));
		fputs(", \"kind\": ", fp);
		json_string(fp, crm_voi_kind_name(v->kind));
		fputs(", \"evppi\": ", fp);
		json_number(fp, v->evppi);
		fputs(", \"standard_error\": ", fp);
		json_number(fp, v->se);
		fputs(", \"p_change\": ", fp);
		json_number(fp, v->p_change);
		fprintf(fp, ", \"by_means\": %s}", v->discrete ? "true" : "false");
	}
	voi_view_sentence(sentence, sizeof sentence, scs, r, NULL);
	fputs("\n  ],\n  \"summary\": ", fp);
	json_string(fp, sentence);
	fputs("\n}\n", fp);
}

void voi_view_write(const voi_view_opts *o, const crm_scenario *const *scs, size_t ns,
		    const crm_voi_result *r, FILE *fp)
{
	size_t *order = malloc((r->nvalues + 1) * sizeof *order);
	size_t n = order ? voi_view_order(r, order) : 0;

	switch (o->fmt) {
	case FMT_CSV: write_csv(scs, r, order, n, fp); break;
	case FMT_JSON: write_json(o, scs, r, order, n, fp); break;
	default: write_people(o, scs, ns, r, order, n, fp); break;
	}
	free(order);
}
