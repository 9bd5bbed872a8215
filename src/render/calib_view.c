/*
 * calib_view.c - the calibration of the estimates in text, markdown, CSV
 * and JSON, and the scenario with widened ranges.
 */
#define _POSIX_C_SOURCE 200809L
#include "calib_view.h"
#include "rtable.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *owner_name(const char *o)
{
	return o && o[0] ? o : "(no owner)";
}

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

static void print_table(const rtable *t, int md, FILE *fp)
{
	fputc('\n', fp);
	if (md)
		rtable_print_markdown(t, fp);
	else
		rtable_print_text(t, fp, "  ");
}

static void write_people(const crm_scenario *sc, const crm_calibration *c, int md, FILE *fp)
{
	char a[64], b[64];
	rtable t;

	fputs(md ? "## How good were the estimates\n\n" : "How good were the estimates\n", fp);
	say(fp, md, "%zu realised input%s with a range%s, %zu realised event%s or gate%s. Where each "
	    "value fell in its input's distribution (its percentile) says how good the range was: a "
	    "calibrated estimator's 90%% ranges hold about 90%% of what comes true, and the "
	    "percentiles spread evenly over 0 to 100%%.", c->nvalues, c->nvalues == 1 ? "" : "s",
	    c->nfixed ? " (and realised inputs without one, not judged)" : "", c->nevents,
	    c->nevents == 1 ? "" : "s", c->nevents == 1 ? "" : "s");
	if (c->nowners && rtable_init(&t, 9) == 0) {
		rtable_col(&t, 0, "owner", "Owner", UNIT_TEXT);
		rtable_col(&t, 1, "values", "Values", CRM_UNIT_NUMBER);
		rtable_col(&t, 2, "inside_80", "In 80%", CRM_UNIT_RATE);
		rtable_col(&t, 3, "inside_90", "In 90%", CRM_UNIT_RATE);
		rtable_col(&t, 4, "inside_90_from", "(95%: from", CRM_UNIT_RATE);
		rtable_col(&t, 5, "inside_90_to", "to)", CRM_UNIT_RATE);
		rtable_col(&t, 6, "widening", "Widen by", CRM_UNIT_RATIO);
		rtable_col(&t, 7, "events", "Events", CRM_UNIT_NUMBER);
		rtable_col(&t, 8, "brier", "Brier", CRM_UNIT_RATIO);
		for (size_t k = 0; k < c->nowners; k++) {
			const crm_calib_owner *o = &c->owners[k];
			long r = rtable_row(&t);
			if (r < 0)
				break;
			rtable_text(&t, r, 0, owner_name(o->owner));
			rtable_num(&t, r, 1, (double)o->n);
			crm_value none = { NAN, 0, "none" };
			if (o->n) {
				rtable_num(&t, r, 2, o->cov80);
				rtable_num(&t, r, 3, o->cov90);
				rtable_num(&t, r, 4, o->lo90);
				rtable_num(&t, r, 5, o->hi90);
				rtable_num(&t, r, 6, o->widen);
			} else {
				for (size_t col = 2; col <= 6; col++)
					rtable_value(&t, r, col, &none);
			}
			rtable_num(&t, r, 7, (double)o->nevents);
			if (o->nevents)
				rtable_num(&t, r, 8, o->brier);
			else
				rtable_value(&t, r, 8, &(crm_value){ NAN, 0, "none" });
		}
		print_table(&t, md, fp);
		rtable_free(&t);
		fputc('\n', fp);
	}
	if (c->nvalues) {
		fmt_percent(a, sizeof a, (double)c->in90 / (double)c->nvalues);
		char h[64];
		fmt_percent(b, sizeof b, c->lo90);
		fmt_percent(h, sizeof h, c->hi90);
		say(fp, md, "In all, %s of the realised values fell inside their 90%% range (95%% "
		    "interval %s to %s). Widen ranges by: the factor by which an owner's ranges, "
		    "widened around their median, would have held 90%% of the realised values "
		    "(crmroi track --calibrated-out FILE writes the scenario with them).", a, b, h);
		say(fp, md, "Percentiles of the realised values, by tenth (flat when calibrated; "
		    "piled at the ends when the ranges were too narrow):");
		fputc('\n', fp);
		size_t top = 1;
		for (int k = 0; k < CRM_CALIB_BINS; k++)
			top = c->hist[k] > top ? c->hist[k] : top;
		for (int k = 0; k < CRM_CALIB_BINS; k++) {
			char bar[41];
			size_t w = c->hist[k] * 40 / top;
			memset(bar, '#', w);
			bar[w] = '\0';
			fprintf(fp, md ? "    %3d-%3d%%  %3zu%s%s\n" : "  %3d-%3d%%  %3zu%s%s\n", k * 10,
				k * 10 + 10, c->hist[k], w ? "  " : "", bar);
		}
		if (rtable_init(&t, 6) == 0) {
			rtable_col(&t, 0, "input", "Input", UNIT_TEXT);
			rtable_col(&t, 1, "owner", "Owner", UNIT_TEXT);
			rtable_col(&t, 2, "realised", "Realised", CRM_UNIT_NUMBER);
			rtable_col(&t, 3, "percentile", "Percentile", CRM_UNIT_RATE);
			rtable_col(&t, 4, "inside_90", "Inside 90%", UNIT_TEXT);
			rtable_col(&t, 5, "factor", "Widening it needs", CRM_UNIT_RATIO);
			for (size_t i = 0; i < c->nvalues; i++) {
				const crm_calib_value *v = &c->values[i];
				const crm_input *in = &sc->inputs[v->input];
				long r = rtable_row(&t);
				if (r < 0)
					break;
				rtable_text_for(&t, r, 0, in->name, in->label && in->label[0] ? in->label
						: NULL);
				rtable_text(&t, r, 1, owner_name(in->owner));
				if (in->value_text && strchr(in->value_text, '%'))
					rtable_num_in(&t, r, 2, v->value, CRM_UNIT_RATE, -1);
				else
					rtable_num(&t, r, 2, v->value);
				rtable_num(&t, r, 3, v->pit);
				rtable_text(&t, r, 4, v->in90 ? "yes" : "no");
				rtable_num(&t, r, 5, v->factor);
			}
			print_table(&t, md, fp);
			rtable_free(&t);
		}
	}
	if (c->nevents) {
		fputc('\n', fp);
		say(fp, md, "The Brier score of the stated probabilities of the %zu realised event%s "
		    "and gate%s is %.3f: the mean of (probability - outcome)^2, 0 for perfect "
		    "foresight, 0.25 for saying 50%% every time.", c->nevents, c->nevents == 1 ? "" :
		    "s", c->nevents == 1 ? "" : "s", c->brier);
	}
}

static void write_csv(const crm_scenario *sc, const crm_calibration *c, FILE *fp)
{
	static const char *const head[] = { "section", "name", "owner", "statistic", "value" };

	for (size_t k = 0; k < 5; k++)
		csv_field(fp, head[k], k == 0);
	csv_end(fp);
#define ROW(sec, name, owner, stat, v) do { csv_field(fp, sec, 1); csv_field(fp, name, 0); \
	csv_field(fp, owner, 0); csv_field(fp, stat, 0); csv_number(fp, v, 0); csv_end(fp); } while (0)
	for (size_t k = 0; k < c->nowners; k++) {
		const crm_calib_owner *o = &c->owners[k];
		ROW("owner", "", o->owner, "values", (double)o->n);
		ROW("owner", "", o->owner, "inside_80", o->cov80);
		ROW("owner", "", o->owner, "inside_80_low", o->lo80);
		ROW("owner", "", o->owner, "inside_80_high", o->hi80);
		ROW("owner", "", o->owner, "inside_90", o->cov90);
		ROW("owner", "", o->owner, "inside_90_low", o->lo90);
		ROW("owner", "", o->owner, "inside_90_high", o->hi90);
		ROW("owner", "", o->owner, "widening", o->widen);
		ROW("owner", "", o->owner, "events", (double)o->nevents);
		ROW("owner", "", o->owner, "brier", o->brier);
	}
	for (size_t i = 0; i < c->nvalues; i++) {
		const crm_calib_value *v = &c->values[i];
		const crm_input *in = &sc->inputs[v->input];
		ROW("input", in->name, in->owner, "realised", v->value);
		ROW("input", in->name, in->owner, "percentile", v->pit);
		ROW("input", in->name, in->owner, "inside_90", v->in90);
		ROW("input", in->name, in->owner, "factor", v->factor);
	}
	for (int k = 0; k < CRM_CALIB_BINS; k++) {
		char name[32];
		snprintf(name, sizeof name, "%d-%d%%", k * 10, k * 10 + 10);
		ROW("histogram", name, "", "count", (double)c->hist[k]);
	}
	ROW("events", "", "", "brier", c->brier);
#undef ROW
}

static void write_json(const crm_scenario *sc, const crm_calibration *c, FILE *fp)
{
	fprintf(fp, "{\n  \"values\": %zu, \"events\": %zu, \"inside_90\": ", c->nvalues, c->nevents);
	json_number(fp, c->nvalues ? (double)c->in90 / (double)c->nvalues : NAN);
	fputs(", \"brier\": ", fp);
	json_number(fp, c->brier);
	fputs(",\n  \"owners\": [", fp);
	for (size_t k = 0; k < c->nowners; k++) {
		const crm_calib_owner *o = &c->owners[k];
		fputs(k ? ",\n    {\"owner\": " : "\n    {\"owner\": ", fp);
		json_string(fp, o->owner);
		fprintf(fp, ", \"values\": %zu, \"inside_80\": ", o->n);
		json_number(fp, o->cov80);
		fputs(", \"inside_80_interval\": [", fp);
		json_number(fp, o->lo80);
		fputs(", ", fp);
		json_number(fp, o->hi80);
		fputs("], \"inside_90\": ", fp);
		json_number(fp, o->cov90);
		fputs(", \"inside_90_interval\": [", fp);
		json_number(fp, o->lo90);
		fputs(", ", fp);
		json_number(fp, o->hi90);
		fputs("], \"widening\": ", fp);
		json_number(fp, o->widen);
		fprintf(fp, ", \"events\": %zu, \"brier\": ", o->nevents);
		json_number(fp, o->brier);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"inputs\": [", fp);
	for (size_t i = 0; i < c->nvalues; i++) {
		const crm_calib_value *v = &c->values[i];
		const crm_input *in = &sc->inputs[v->input];
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
		json_string(fp, in->name);
		fputs(", \"owner\": ", fp);
		json_string(fp, in->owner);
		fprintf(fp, ", \"month\": %d, \"realised\": ", v->month);
		json_number(fp, v->value);
		fputs(", \"percentile\": ", fp);
		json_number(fp, v->pit);
		fprintf(fp, ", \"inside_80\": %s, \"inside_90\": %s, \"factor\": ",
			v->in80 ? "true" : "false", v->in90 ? "true" : "false");
		json_number(fp, v->factor);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"histogram\": [", fp);
	for (int k = 0; k < CRM_CALIB_BINS; k++)
		fprintf(fp, "%s%zu", k ? ", " : "", c->hist[k]);
	fputs("]\n}\n", fp);
}

void calib_view_write(const crm_scenario *sc, const crm_calibration *c, out_format fmt, FILE *fp)
{
	switch (fmt) {
	case FMT_CSV: write_csv(sc, c, fp); break;
	case FMT_JSON: write_json(sc, c, fp); break;
	default: write_people(sc, c, fmt == FMT_MARKDOWN, fp); break;
	}
}

/* A range end as the input writes its value: a percentage for an input written as one. */
static void end_text(const crm_input *in, double v, char *buf, size_t len)
{
	if (in->value_text && strchr(in->value_text, '%'))
		snprintf(buf, len, "%.10g%%", v * 100);
	else
		snprintf(buf, len, "%.10g", v);
}

void calib_view_scenario(const crm_scenario *sc, const crm_calibration *c, const char *base_path,
			 FILE *fp)
{
	static const char *const dists[] = { [CRM_DIST_NONE] = "", [CRM_DIST_FIXED] = "fixed",
		[CRM_DIST_TRIANGULAR] = "triangular", [CRM_DIST_PERT] = "pert",
		[CRM_DIST_UNIFORM] = "uniform", [CRM_DIST_NORMAL] = "normal",
		[CRM_DIST_LOGNORMAL] = "lognormal" };
	char lo[64], hi[64], note[512];

	fputs("# Written by crmroi track --calibrated-out: the plan's scenario with each owner's\r\n"
	      "# ranges widened around their median by the factor that would have held 90% of the\r\n"
	      "# values that came true. Each widened input says so in its note.\r\n", fp);
	csv_field_raw(fp, "kind", 1);
	static const char *const cols[] = { "name", "value", "low", "high", "dist", "unit", "owner",
		"label", "note" };
	for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
		csv_field_raw(fp, cols[k], 0);
	csv_end(fp);
	csv_field_raw(fp, "setting", 1);
	csv_field_raw(fp, "base", 0);
	csv_field_raw(fp, base_path, 0);
	for (size_t k = 2; k < sizeof cols / sizeof *cols; k++)
		csv_field_raw(fp, "", 0);
	csv_end(fp);
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		const crm_calib_owner *o = NULL;
		if (!in->range.given || !(in->range.high > in->range.low))
			continue;
		for (size_t k = 0; k < c->nowners; k++)
			if (!strcmp(c->owners[k].owner, in->owner ? in->owner : ""))
				o = &c->owners[k];
		/* Only wider: an owner whose ranges held enough keeps them as they are. */
		if (!o || !o->n || !isfinite(o->widen) || !(o->widen > 1))
			continue;
		double l, h;
		crm_calib_widen(in, o->widen, &l, &h);
		end_text(in, l, lo, sizeof lo);
		end_text(in, h, hi, sizeof hi);
		snprintf(note, sizeof note, "%s%sranges of %s widened by %.3g: %zu of %zu realised "
			 "values inside their 90%% range", in->note ? in->note : "",
			 in->note && in->note[0] ? "; " : "", owner_name(in->owner), o->widen, o->in90,
			 o->n);
		csv_field_raw(fp, "input", 1);
		csv_field_raw(fp, in->name, 0);
		csv_field_raw(fp, in->value_text, 0);
		csv_field_raw(fp, lo, 0);
		csv_field_raw(fp, hi, 0);
		csv_field_raw(fp, dists[in->range.dist], 0);
		csv_field_raw(fp, in->unit ? in->unit : "", 0);
		csv_field_raw(fp, in->owner ? in->owner : "", 0);
		csv_field_raw(fp, in->label ? in->label : "", 0);
		csv_field_raw(fp, note, 0);
		csv_end(fp);
	}
}
