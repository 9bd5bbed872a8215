/*
 * sens_view.c - the output of crmroi tornado, spider, sweep and breakeven:
 * the title and notes of each, its table in text, markdown, CSV and JSON,
 * the tornado's bar chart, and the streamed CSV and JSON of data tables.
 *
 * It only shows what the core computed (crm_tornado, crm_spider,
 * crm_breakeven_solve, crmroi/datatable.h): it evaluates nothing, reads no
 * option and never decides an exit status. A break-even's Meaning is
 * explain_breakeven's (explain.c).
 */
#define _POSIX_C_SOURCE 200809L
#include "sens_view.h"
#include "explain.h"
#include "shortest.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ presentation */

void sens_view_begin_item(FILE *fp, out_format fmt, int i, int n)
{
	if (i == 0 && fmt == FMT_JSON && n > 1)
		fputs("[\n", fp);
	if (i)
		fputs(fmt == FMT_JSON ? ",\n" : fmt == FMT_CSV ? "\r\n" : "\n", fp);
}

void sens_view_end_item(FILE *fp, out_format fmt, int n)
{
	if (fmt == FMT_JSON && n == 1)
		fputc('\n', fp);
}

void sens_view_end_list(FILE *fp, out_format fmt, int n)
{
	if (fmt == FMT_JSON && n > 1)
		fputs("\n]\n", fp);
}

/* A note under the title: a list item in markdown (its text escaped), a paragraph in text. */
static void note_line(FILE *fp, out_format fmt, const char *text)
{
	if (fmt == FMT_MARKDOWN) {
		fputs("- ", fp);
		md_text(fp, text);
		fputc('\n', fp);
	} else {
		print_para(fp, "  ", text);
	}
}

static void title_line(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc, const char *what)
{
	const char *t = sc->settings.title[0] ? sc->settings.title : sc->file;

	if (vo->fmt == FMT_MARKDOWN) {
		fprintf(fp, "## %s: ", what);
		md_text(fp, t);
		fputs("\n\n- Scenario: ", fp);
		md_text(fp, sc->file);
		fputc('\n', fp);
	} else {
		fprintf(fp, "%s: %s\n  Scenario: %s\n", what, t, sc->file);
	}
	explain_classes rc;   /* which classes the figures count, as run's report says it */
	explain_classes_of(sc, vo->only[0] != '\0', 0, &rc);
	if (rc.shown)
		note_line(fp, vo->fmt, rc.sentence);
	if (sc->settings.readiness) {   /* execution readiness scales benefits (crmroi assess) */
		char rd[1024];
		explain_readiness(&sc->settings, rd, sizeof rd);
		if (vo->fmt == FMT_MARKDOWN)
			note_line(fp, vo->fmt, rd);
		else
			fprintf(fp, "  %s\n", rd);
	}
}

static void print_table(const rtable *t, out_format fmt, FILE *fp)
{
	switch (fmt) {
	case FMT_TEXT:
		fputc('\n', fp);
		rtable_print_text(t, fp, "  ");
		break;
	case FMT_MARKDOWN:
		fputc('\n', fp);
		rtable_print_markdown(t, fp);
		break;
	case FMT_CSV:
		rtable_print_csv(t, fp);
		break;
	case FMT_JSON:
		rtable_print_json(t, fp, 2);
		break;
	}
}

static void json_head(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
		      const char *command, crm_metric_id m)
{
	fputs("{\n  \"file\": ", fp);
	json_string(fp, sc->file);
	fputs(",\n  \"title\": ", fp);
	json_string(fp, sc->settings.title);
	fputs(",\n  \"command\": ", fp);
	json_string(fp, command);
	fputs(",\n  \"metric\": ", fp);
	json_string(fp, crm_metric_info_of(m)->name);
	fputs(",\n  \"only\": ", fp);   /* --only, as crmroi batch writes it; null without */
	if (vo->only[0])
		json_string(fp, vo->only);
	else
		fputs("null", fp);
}

static void json_value(FILE *fp, const char *key, const crm_value *v)
{
	fprintf(fp, ",\n  \"%s\": ", key);
	if (v->ok) {
		json_number(fp, v->v);
	} else {
		fprintf(fp, "null,\n  \"%s_note\": ", key);
		json_string(fp, v->why);
	}
}

/* The table's rows as the last member of a JSON document, and its end. */
static void json_rows(FILE *fp, const rtable *t)
{
	fputs(",\n  \"rows\": ", fp);
	rtable_print_json(t, fp, 2);
	fputs("\n}", fp);
}

/*
 * A CSV table ends with the column only when --only is given (as crmroi
 * batch's): csv_only(vo) columns more at rtable_init, filled at the end.
 */
static size_t csv_only(const sens_view_opts *vo)
{
	return vo->fmt == FMT_CSV && vo->only[0];
}

static void csv_only_fill(const sens_view_opts *vo, rtable *t)
{
	if (!csv_only(vo))
		return;
	rtable_col(t, t->ncols - 1, "only", "Only", UNIT_TEXT);
	for (size_t r = 0; r < t->nrows; r++)
		rtable_text(t, (long)r, t->ncols - 1, vo->only);
}

/*
 * The rest of a JSON document (its rows) or the whole CSV table, and 1; 0
 * for text and markdown, which the caller lays out, starting with
 * people_head.
 */
static int machine_rows(FILE *fp, const sens_view_opts *vo, rtable *t)
{
	if (vo->fmt == FMT_JSON) {
		json_rows(fp, t);
	} else if (vo->fmt == FMT_CSV) {
		csv_only_fill(vo, t);
		rtable_print_csv(t, fp);
	}
	return vo->fmt == FMT_JSON || vo->fmt == FMT_CSV;
}

/* The title of a table for people, and the metric at the base case for its first note. */
static void people_head(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			const char *what, const crm_metric_info *mi, const crm_value *base,
			char *b, size_t len)
{
	title_line(fp, vo, sc, what);
	explain_value(b, len, base, mi->unit);
}

static const char *kind_name(const crm_scenario *sc, const crm_param *p)
{
	if (p->kind == CRM_PARAM_INPUT)
		return "input";
	if (p->kind == CRM_PARAM_SETTING)
		return "setting";
	return sc->lines[p->index].kind == CRM_COST ? "cost" : "benefit";
}

static crm_status nomem(crm_error *err)
{
	return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
}

/* ---------------------------------------------------------------- tornado */

#define BAR_HALF 24     /* characters on each side of the base in the bar chart */
#define BAR_NAME 22

/*
 * A bar's name in BAR_NAME columns: cut to BAR_NAME - 1 characters and "~"
 * when longer, padded with spaces; characters, not bytes, so that a label in
 * UTF-8 is never cut inside one and the bars line up.
 */
static void bar_name(char *out, size_t len, const char *s)
{
	size_t o = 0, chars = 0, total = 0;

	for (const char *q = s; *q; q++)
		total += ((unsigned char)*q & 0xC0) != 0x80;
	for (; *s && o + 5 < len; s++) {
		int lead = ((unsigned char)*s & 0xC0) != 0x80;
		if (lead && chars == (total > BAR_NAME ? BAR_NAME - 1 : BAR_NAME))
			break;
		chars += lead;
		out[o++] = *s;
	}
	if (total > BAR_NAME && o + 1 < len) {
		out[o++] = '~';
		chars++;
	}
	while (chars++ < BAR_NAME && o + 1 < len)
		out[o++] = ' ';
	out[o] = '\0';
}

static void tornado_chart(FILE *fp, const crm_tornado_row *rows, size_t n, const crm_value *base,
			  const crm_metric_info *mi)
{
	double scale = 0;
	char b[64];

	for (size_t i = 0; i < n; i++)
		if (rows[i].swing_ok) {
			scale = fmax(scale, fabs(rows[i].at_low.v - base->v));
			scale = fmax(scale, fabs(rows[i].at_high.v - base->v));
		}
	fmt_unit(b, sizeof b, base->v, mi->unit);
	fprintf(fp, "\n  %-*s %*s|higher\n", BAR_NAME, "", BAR_HALF, "lower");
	fprintf(fp, "  %-*s %*s%s\n", BAR_NAME, "", BAR_HALF - (int)strlen(mi->label) / 2, "",
		mi->label);
	for (size_t i = 0; i < n; i++) {
		const crm_tornado_row *r = &rows[i];
		char name[4 * BAR_NAME + 8], bar[2 * BAR_HALF + 2];
		bar_name(name, sizeof name, param_words(&r->param));
		if (!r->swing_ok || scale == 0) {
			fprintf(fp, "  %s %*s|%s\n", name, BAR_HALF, "",
				r->swing_ok ? "" : " (undefined at one end)");
			continue;
		}
		memset(bar, ' ', sizeof bar - 1);
		bar[sizeof bar - 1] = '\0';
		int pl = BAR_HALF + (int)lround((r->at_low.v - base->v) / scale * BAR_HALF);
		int ph = BAR_HALF + (int)lround((r->at_high.v - base->v) / scale * BAR_HALF);
		int from = pl < ph ? pl : ph, to = pl < ph ? ph : pl;
		from = from < BAR_HALF ? from : BAR_HALF;
		to = to > BAR_HALF ? to : BAR_HALF;
		for (int k = from; k <= to; k++)
			bar[k] = '#';
		bar[BAR_HALF] = '|';
		if (pl != BAR_HALF)
			bar[pl] = 'L';
		if (ph != BAR_HALF)
			bar[ph] = 'H';
		int last = 2 * BAR_HALF;
		while (last > 0 && bar[last] == ' ')
			bar[last--] = '\0';
		fprintf(fp, "  %s %s\n", name, bar);
	}
	fprintf(fp, "  %-*s %*s^ base %s\n", BAR_NAME, "", BAR_HALF, "", b);
	fprintf(fp, "  L: the input at its low value, H: at its high value; each # is %s.\n",
		(fmt_unit(b, sizeof b, scale / BAR_HALF, mi->unit), b));
}

crm_status sens_view_tornado(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			     crm_metric_id m, double pct, const crm_tornado_row *rows, size_t n,
			     const crm_value *base, const unsigned *left_out, crm_error *err)
{
	const crm_metric_info *mi = crm_metric_info_of(m);
	char lab[2][80], b[64], line[EXPLAIN_CLASSES_LEN + 64];
	rtable t;

	/*
	 * A column note when some row moves nothing because its lines are left
	 * out (the caller found which: a swing of exactly 0 whose parameter
	 * feeds only benefits of classes not counted).
	 */
	size_t has_note = 0;
	for (size_t i = 0; i < n && left_out && !has_note; i++)
		has_note = left_out[i] != 0;
	if (rtable_init(&t, 10 + has_note + csv_only(vo)) != 0)
		return nomem(err);
	snprintf(lab[0], sizeof lab[0], "%s at low", mi->label);
	snprintf(lab[1], sizeof lab[1], "%s at high", mi->label);
	rtable_col(&t, 0, "name", "Input", UNIT_TEXT);
	rtable_col(&t, 1, "kind", "Kind", UNIT_TEXT);
	rtable_col(&t, 2, "low", "Low", CRM_UNIT_NUMBER);
	rtable_col(&t, 3, "high", "High", CRM_UNIT_NUMBER);
	rtable_col(&t, 4, "metric_at_low", lab[0], mi->unit);
	rtable_col(&t, 5, "metric_at_high", lab[1], mi->unit);
	rtable_col(&t, 6, "change_at_low", "Change at low", mi->unit);
	rtable_col(&t, 7, "change_at_high", "Change at high", mi->unit);
	rtable_col(&t, 8, "swing", "Swing", mi->unit);
	rtable_col(&t, 9, "share_of_largest", "Share of largest", CRM_UNIT_RATE);
	if (has_note)
		rtable_col(&t, 10, "note", "Note", UNIT_TEXT);
	double largest = n && rows[0].swing_ok ? rows[0].swing : 0;
	for (size_t i = 0; i < n; i++) {
		const crm_tornado_row *r = &rows[i];
		long row = rtable_row(&t);
		if (row < 0)
			break;
		rtable_text_for(&t, row, 0, r->param.name, r->param.label);
		rtable_text(&t, row, 1, kind_name(sc, &r->param));
		rtable_param(&t, row, 2, &r->param, r->low);
		rtable_param(&t, row, 3, &r->param, r->high);
		rtable_value(&t, row, 4, &r->at_low);
		rtable_value(&t, row, 5, &r->at_high);
		if (base->ok && r->at_low.ok)
			rtable_num(&t, row, 6, r->at_low.v - base->v);
		else
			rtable_value(&t, row, 6, r->at_low.ok ? base : &r->at_low);
		if (base->ok && r->at_high.ok)
			rtable_num(&t, row, 7, r->at_high.v - base->v);
		else
			rtable_value(&t, row, 7, r->at_high.ok ? base : &r->at_high);
		if (r->swing_ok) {
			rtable_num(&t, row, 8, r->swing);
			if (largest > 0)
				rtable_num(&t, row, 9, r->swing / largest);
			else
				rtable_value(&t, row, 9, &(crm_value){ NAN, 0, "no swing" });
		} else {
			rtable_value(&t, row, 8, &(crm_value){ NAN, 0, "undefined at one end" });
			rtable_value(&t, row, 9, &(crm_value){ NAN, 0, "undefined at one end" });
		}
		if (has_note && left_out[i]) {
			explain_left_out(left_out[i], line, sizeof line);
			rtable_text(&t, row, 10, line);
		}
	}
	if (vo->fmt == FMT_JSON) {
		json_head(fp, vo, sc, "tornado", m);
		json_value(fp, "base", base);
		fprintf(fp, ",\n  \"pct\": ");
		json_number(fp, pct);
	}
	if (!machine_rows(fp, vo, &t)) {
		people_head(fp, vo, sc, "Tornado", mi, base, b, sizeof b);
		snprintf(line, sizeof line, "Base %s: %s. Each input moves to its low and high value, "
			 "every other input at its base value.", mi->label, b);
		note_line(fp, vo->fmt, line);
		if (pct > 0) {
			snprintf(line, sizeof line, "Inputs and lines without a range of their own move "
				 "by +/-%g%% of their base value (--pct).", pct);
			note_line(fp, vo->fmt, line);
		}
		note_line(fp, vo->fmt, "A one-at-a-time tornado ignores interactions between inputs, "
			  "and its bars depend on the base case.");
		if (!n)
			note_line(fp, vo->fmt, "No input or line has a range: give low and high in the "
				  "scenario, or use --pct.");
		else
			print_table(&t, vo->fmt, fp);
		if (vo->fmt == FMT_TEXT && n && base->ok)
			tornado_chart(fp, rows, n, base, mi);
	}
	rtable_free(&t);
	return CRM_OK;
}

/* ----------------------------------------------------------------- spider */

crm_status sens_view_spider(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			    crm_metric_id m, const double *steps, size_t nsteps,
			    const crm_param *params, size_t n, const crm_value *values,
			    const crm_value *base, crm_error *err)
{
	const crm_metric_info *mi = crm_metric_info_of(m);
	rtable t;
	char key[64], b[64], line[400];

	if (rtable_init(&t, nsteps + 2 + csv_only(vo)) != 0)
		return nomem(err);
	rtable_col(&t, 0, "name", "Input", UNIT_TEXT);
	rtable_col(&t, 1, "base", "Base value", CRM_UNIT_NUMBER);
	for (size_t k = 0; k < nsteps; k++) {
		snprintf(key, sizeof key, "%+g%%", steps[k]);
		rtable_col(&t, k + 2, key, key, mi->unit);
	}
	for (size_t i = 0; i < n; i++) {
		long row = rtable_row(&t);
		if (row < 0)
			break;
		rtable_text_for(&t, row, 0, params[i].name, params[i].label);
		rtable_param(&t, row, 1, &params[i], params[i].base);
		for (size_t k = 0; k < nsteps; k++)
			rtable_value(&t, row, k + 2, &values[i * nsteps + k]);
	}
	if (vo->fmt == FMT_JSON) {
		json_head(fp, vo, sc, "spider", m);
		json_value(fp, "base", base);
		fputs(",\n  \"steps_pct\": [", fp);
		for (size_t k = 0; k < nsteps; k++) {
			fputs(k ? ", " : "", fp);
			json_number(fp, steps[k]);
		}
		fputs("]", fp);
	}
	if (!machine_rows(fp, vo, &t)) {
		people_head(fp, vo, sc, "Spider", mi, base, b, sizeof b);
		snprintf(line, sizeof line, "%s as each input moves by the given percentage of its "
			 "base value, every other input at base. Base %s: %s.", mi->label, mi->label, b);
		note_line(fp, vo->fmt, line);
		note_line(fp, vo->fmt, "Inputs defined by a formula or a series have no single base "
			  "value and are not shown.");
		for (size_t k = 0; k < n; k++)
			if (params[k].months) {
				note_line(fp, vo->fmt, "An input that moves lines' months is rounded to "
					  "a whole month (halves away from zero): steps that round to "
					  "the same month give the same value.");
				break;
			}
		if (n)
			print_table(&t, vo->fmt, fp);
		else
			note_line(fp, vo->fmt, "No input to move: the scenario has no input with a single "
				  "base value. crmroi sweep --vary varies a line's value.");
	}
	rtable_free(&t);
	return CRM_OK;
}

/* ------------------------------------------------------------- break-even */

/* A break-even row's first cells: the parameter, its kind and its base value. */
static void breakeven_param_cells(rtable *t, long row, const crm_scenario *sc, const crm_param *p)
{
	rtable_text_for(t, row, 0, p->name, p->label);
	rtable_text(t, row, 1, kind_name(sc, p));
	if (p->has_base)
		rtable_param(t, row, 2, p, p->base);
	else
		rtable_value(t, row, 2, &(crm_value){ NAN, 0, "a formula or series" });
}

/* The two notes on how the break-even was searched, for people. */
static void breakeven_notes(FILE *fp, out_format fmt, const sens_view_breakeven_search *q,
			    const crm_breakeven_row *rows, size_t n)
{
	char line[400];
	int any_months = 0;

	for (size_t i = 0; i < n; i++)
		any_months |= rows[i].be.param.months != 0;
	snprintf(line, sizeof line, "Searched %s; the crossing nearest the base value is "
		 "refined with GSL's Brent solver.", q->interval_given
		 ? "within --interval" : "from 0 to 10 times the base value, within the "
		 "values it can take (1 to 50 for horizon_years, 0% to 100% for risks)");
	if (q->one_input && any_months)
		snprintf(line, sizeof line, "Searched at every whole month %s that gives "
			 "each line a month it can have; the answer is a whole month.",
			 q->interval_given ? "within --interval" : "up to the horizon's last");
	note_line(fp, fmt, line);
	if (any_months && !q->one_input) {
		snprintf(line, sizeof line, "An input that moves a line's start, end or ramp "
			 "is tried at every whole month%s that gives each line a month it "
			 "can have (up to the horizon's last); the answer is a whole month.",
			 q->interval_given ? " in the interval" : "");
		note_line(fp, fmt, line);
	}
}

crm_status sens_view_breakeven(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			       crm_metric_id m, const sens_view_breakeven_search *q,
			       const crm_breakeven_row *rows, size_t n, const crm_value *base,
			       crm_error *err)
{
	static const char *const status_word[] = { "found", "none in interval", "flat",
						   "no base value", "jump" };
	const crm_metric_info *mi = crm_metric_info_of(m);
	rtable t;
	char meaning[1100], line[400], b[64], tg[64];

	if (rtable_init(&t, 9 + csv_only(vo)) != 0)
		return nomem(err);
	rtable_col(&t, 0, "name", "Input", UNIT_TEXT);
	rtable_col(&t, 1, "kind", "Kind", UNIT_TEXT);
	/* Values are shown as rates when the one parameter asked for is a rate. */
	int vu = q->one_input && n && rows[0].be.param.unit == CRM_UNIT_RATE ? CRM_UNIT_RATE
									       : CRM_UNIT_NUMBER;
	rtable_col(&t, 2, "base", "Base value", vu);
	rtable_col(&t, 3, "breakeven", "Break-even", vu);
	rtable_col(&t, 4, "change", "Change", CRM_UNIT_RATE);
	rtable_col(&t, 5, "searched_from", "Searched from", vu);
	rtable_col(&t, 6, "searched_to", "to", vu);
	rtable_col(&t, 7, "status", "Status", UNIT_TEXT);
	rtable_col(&t, 8, "meaning", "Meaning", UNIT_TEXT);
	for (size_t i = 0; i < n; i++) {
		const crm_breakeven_row *r = &rows[i];
		const crm_breakeven *be = &r->be;
		const crm_param *p = &be->param;
		long row = rtable_row(&t);
		if (row < 0)
			break;
		breakeven_param_cells(&t, row, sc, p);
		if (!r->searched) {
			/* One input that cannot be searched leaves the others' rows: n/a with why. */
			rtable_value(&t, row, 3, &(crm_value){ NAN, 0, "not searched" });
			rtable_text(&t, row, 7, "not searched");
			snprintf(meaning, sizeof meaning, "not searched: %s", r->why_not);
			rtable_text(&t, row, 8, meaning);
			continue;
		}
		explain_breakeven(be, m, q->target, r->left_out, meaning, sizeof meaning);
		if (be->status == CRM_BE_FOUND)
			rtable_param(&t, row, 3, p, be->value);
		else
			rtable_value(&t, row, 3, &(crm_value){ NAN, 0, status_word[be->status] });
		if (be->status == CRM_BE_FOUND && isfinite(be->change) && !p->months)
			rtable_num(&t, row, 4, be->change);
		/* Otherwise left empty: null in JSON, as a number column's missing value. */
		if (p->has_base) {
			rtable_param(&t, row, 5, p, r->lo);
			rtable_param(&t, row, 6, p, r->hi);
		}
		rtable_text(&t, row, 7, status_word[be->status]);
		rtable_text(&t, row, 8, meaning);
	}
	if (vo->fmt == FMT_JSON) {
		json_head(fp, vo, sc, "breakeven", m);
		fputs(",\n  \"target\": ", fp);
		json_number(fp, q->target);
		json_value(fp, "base", base);
	}
	if (!machine_rows(fp, vo, &t)) {
		people_head(fp, vo, sc, "Break-even", mi, base, b, sizeof b);
		fmt_unit(tg, sizeof tg, q->target, mi->unit);
		snprintf(line, sizeof line, "The value of each input at which %s reaches %s, "
			 "everything else at base. Base %s: %s.", mi->label, tg, mi->label, b);
		note_line(fp, vo->fmt, line);
		breakeven_notes(fp, vo->fmt, q, rows, n);
		print_table(&t, vo->fmt, fp);
	}
	rtable_free(&t);
	return CRM_OK;
}

/* ------------------------------------------------ break-even on a probability */

/*
 * The decimals that show a goal-seek answer to its Monte Carlo band: two
 * significant digits of the band's width (a fraction's decimals for a rate),
 * at least those of the input's own values; -1 for money (whole units).
 */
static int band_decimals(const crm_param *p, const crm_prob_goal *g)
{
	double w = g->value_hi - g->value_lo;

	if (p->unit == CRM_UNIT_MONEY)
		return -1;
	int d = p->decimals;
	if (isfinite(w) && w > 0) {
		int need = (int)ceil(-log10(w)) + 1;
		d = need > d ? need : d;
	}
	return d < 0 ? 0 : d > 10 ? 10 : d;
}

/* A goal-seek value, as the table shows it and a sentence says it. */
static void goal_cell(rtable *t, long row, size_t c, const crm_param *p, int d, double v)
{
	if (d < 0)
		rtable_param(t, row, c, p, v);
	else
		rtable_num_in(t, row, c, v, p->unit == CRM_UNIT_RATE ? CRM_UNIT_RATE : CRM_UNIT_NUMBER,
			      d);
}

static void goal_text(char *buf, size_t len, const crm_param *p, int d, double v)
{
	if (d < 0)
		fmt_param(buf, len, p, v);
	else if (p->unit == CRM_UNIT_RATE)
		fmt_rate_in(buf, len, v, d);
	else
		fmt_money(buf, len, v, d);
}

crm_status sens_view_prob_goal(FILE *fp, const sens_view_opts *vo, const crm_scenario *sc,
			       const crm_param *p, double target, uint64_t seed,
			       const crm_prob_goal *g, crm_error *err)
{
	rtable t;
	char tg[64], v[64], a[64], b[64], pb[64], base[64], lo[64], hi[64], line[1024], n[64];
	int d = band_decimals(p, g), people = vo->fmt == FMT_TEXT || vo->fmt == FMT_MARKDOWN;

	/* People read the meaning as a sentence under the table; CSV and JSON as a column. */
	if (rtable_init(&t, (people ? 8 : 9) + csv_only(vo)) != 0)
		return nomem(err);
	rtable_col(&t, 0, "name", "Input", UNIT_TEXT);
	rtable_col(&t, 1, "base", "Base value", CRM_UNIT_NUMBER);
	rtable_col(&t, 2, "p_negative_at_base", "P(NPV < 0) at base", CRM_UNIT_RATE);
	rtable_col(&t, 3, "target", "Target", CRM_UNIT_RATE);
	rtable_col(&t, 4, "value", "Value", CRM_UNIT_NUMBER);
	rtable_col(&t, 5, "band_from", "Band from", CRM_UNIT_NUMBER);
	rtable_col(&t, 6, "band_to", "to", CRM_UNIT_NUMBER);
	rtable_col(&t, 7, "status", "Status", UNIT_TEXT);
	if (!people)
		rtable_col(&t, 8, "meaning", "Meaning", UNIT_TEXT);
	long row = rtable_row(&t);
	if (row < 0) {
		rtable_free(&t);
		return nomem(err);
	}
	fmt_percent(tg, sizeof tg, target);
	fmt_percent(pb, sizeof pb, g->p_base);
	fmt_param(base, sizeof base, p, g->base);
	fmt_param(a, sizeof a, p, g->lo);
	fmt_param(b, sizeof b, p, g->hi);
	rtable_text_for(&t, row, 0, p->name, p->label);
	rtable_param(&t, row, 1, p, g->base);
	rtable_num(&t, row, 2, g->p_base);
	rtable_num(&t, row, 3, target);
	if (g->found) {
		int both = isfinite(g->value_lo) && isfinite(g->value_hi);
		goal_cell(&t, row, 4, p, d, g->value);
		if (isfinite(g->value_lo))
			goal_cell(&t, row, 5, p, d, g->value_lo);
		else
			rtable_value(&t, row, 5, &(crm_value){ NAN, 0, "beyond the interval" });
		if (isfinite(g->value_hi))
			goal_cell(&t, row, 6, p, d, g->value_hi);
		else
			rtable_value(&t, row, 6, &(crm_value){ NAN, 0, "beyond the interval" });
		rtable_text(&t, row, 7, "found");
		goal_text(v, sizeof v, p, d, g->value);
		goal_text(lo, sizeof lo, p, d, g->value_lo);
		goal_text(hi, sizeof hi, p, d, g->value_hi);
		snprintf(line, sizeof line, "The probability of a negative NPV is %s with %s at %s "
			 "(%s at its base, %s)%s%s%s%s%s.", tg, param_words(p), v, pb, base,
			 both ? "; between " : "", both ? lo : "", both ? " and " : "", both ? hi : "",
			 both ? " within two standard errors of the simulation" : "");
	} else {
		char pa[64], pz[64];
		rtable_value(&t, row, 4, &(crm_value){ NAN, 0, "none in interval" });
		rtable_text(&t, row, 7, "none in interval");
		fmt_percent(pa, sizeof pa, g->p_lo);
		fmt_percent(pz, sizeof pz, g->p_hi);
		snprintf(line, sizeof line, "The probability of a negative NPV does not reach %s for %s "
			 "from %s to %s: %s at %s, %s at %s.", tg, param_words(p), a, b, pa, a, pz, b);
	}
	if (!people)
		rtable_text(&t, row, 8, line);
	if (vo->fmt == FMT_JSON) {
		json_head(fp, vo, sc, "breakeven_probability", CRM_METRIC_NPV);
		fprintf(fp, ",\n  \"draws\": %llu, \"seed\": %llu, \"searched_from\": ",
			(unsigned long long)g->n, (unsigned long long)seed);
		json_number(fp, g->lo);
		fputs(", \"searched_to\": ", fp);
		json_number(fp, g->hi);
	}
	if (!machine_rows(fp, vo, &t)) {
		crm_value none = { NAN, 0, "" };
		char scratch[64];
		people_head(fp, vo, sc, "Break-even on a probability",
			    crm_metric_info_of(CRM_METRIC_NPV), &none, scratch, sizeof scratch);
		fmt_money(n, sizeof n, (double)g->n, 0);
		char intro[1024];
		snprintf(intro, sizeof intro, "The value of %s at which the probability of a negative "
			 "NPV is %s, every other uncertain value drawn as simulate draws it: %s draws "
			 "with seed %llu, the same draws at every value tried (common random numbers), "
			 "searched by bisection from %s to %s in %d simulations. An input with a range "
			 "keeps its spread, moved with its base.", param_words(p), tg, n,
			 (unsigned long long)seed, a, b, g->evaluations);
		note_line(fp, vo->fmt, intro);
		print_table(&t, vo->fmt, fp);
		if (vo->fmt == FMT_MARKDOWN)
			fputc('\n', fp);
		note_line(fp, vo->fmt, line);
	}
	rtable_free(&t);
	return CRM_OK;
}

/* ------------------------------------------------------------------ sweep */

/* Point i of an axis as shown: a point of a grid that is not decimal rounded to 15 digits. */
static double shown(const crm_datatable_axis *ax, size_t i)
{
	double x = crm_datatable_axis_value(ax, i);

	return ax->decimal ? x : round15(x);
}

/* A parameter's values are shown as rates when it is one, as plain numbers otherwise. */
static int param_unit(const crm_param *p)
{
	return p->unit == CRM_UNIT_RATE ? CRM_UNIT_RATE : CRM_UNIT_NUMBER;
}

/* "discount_rate from 5% to 15% by 1% (11 values)" */
static void axis_label(const crm_datatable_axis *ax, const crm_param *p, char *buf, size_t len)
{
	char f[64], t[64], s[64];
	int unit = param_unit(p);

	fmt_unit(f, sizeof f, ax->from, unit);
	fmt_unit(t, sizeof t, ax->to, unit);
	fmt_unit(s, sizeof s, ax->step, unit);
	snprintf(buf, len, "%s from %s to %s by %s (%zu values)", param_words(p), f, t, s, ax->n);
}

static int sweep_header(sens_view_sweep *w)
{
	if (rtable_init(&w->t, w->nmetrics + 1 + csv_only(w->vo)) != 0)
		return -1;
	rtable_col(&w->t, 0, w->p->name, param_words(w->p), param_unit(w->p));
	for (size_t k = 0; k < w->nmetrics; k++) {
		const crm_metric_info *mi = crm_metric_info_of(w->metrics[k]);
		rtable_col(&w->t, k + 1, mi->name, mi->label, mi->unit);
	}
	return 0;
}

crm_status sens_view_sweep_begin(sens_view_sweep *w, FILE *fp, const sens_view_opts *vo,
				 const crm_scenario *sc, const crm_param *p,
				 const crm_datatable_axis *ax, const crm_metric_id *metrics,
				 size_t nmetrics, crm_error *err)
{
	memset(w, 0, sizeof *w);
	w->fp = fp;
	w->vo = vo;
	w->sc = sc;
	w->p = p;
	w->ax = ax;
	w->metrics = metrics;
	w->nmetrics = nmetrics;
	if (sweep_header(w) != 0)
		return nomem(err);
	if (vo->fmt == FMT_JSON) {
		json_head(fp, vo, sc, "sweep", metrics[0]);
		fputs(",\n  \"vary\": ", fp);
		json_string(fp, p->name);
		fputs(",\n  \"rows\": [", fp);
	}
	return CRM_OK;
}

int sens_view_sweep_two_pass(const sens_view_sweep *w)
{
	return w->vo->fmt == FMT_CSV && w->ax->n > SENS_VIEW_SWEEP_BLOCK;
}

crm_status sens_view_sweep_undefined(void *ctx, crm_datatable_block *b, crm_error *err)
{
	sens_view_sweep *w = ctx;

	(void)err;
	for (size_t r = 0; r < b->count; r++)
		for (size_t k = 0; k < b->ncols; k++)
			w->na[k + 1] |= !b->cells[r * b->ncols + k].ok;
	return CRM_OK;
}

/*
 * A block of rows in JSON, as the table printer writes them, without the
 * array's brackets: the printer stays the one place that formats cells.
 */
static crm_status json_block(const rtable *t, int first, FILE *fp, crm_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	if (!mem)
		return nomem(err);
	rtable_print_json(t, mem, 2);
	if (fclose(mem) != 0 || !buf) {
		free(buf);
		return nomem(err);
	}
	/* "[" rows "\n  ]": keep the rows, from their first newline to the last '}'. */
	const char *from = buf + 1, *to = buf + len;
	while (to > from && to[-1] != '}')
		to--;
	if (!first)
		fputc(',', fp);
	fwrite(from, 1, (size_t)(to - from), fp);
	free(buf);
	return CRM_OK;
}

crm_status sens_view_sweep_rows(void *ctx, crm_datatable_block *b, crm_error *err)
{
	sens_view_sweep *w = ctx;
	out_format fmt = w->vo->fmt;
	crm_status st = CRM_OK;

	/* CSV and JSON: a table of this block alone, written now; text: rows of the whole. */
	if (fmt == FMT_CSV || fmt == FMT_JSON) {
		rtable_free(&w->t);
		if (sweep_header(w) != 0)
			return nomem(err);
	}
	for (size_t r = 0; r < b->count; r++) {
		long row = rtable_row(&w->t);
		if (row < 0)
			return nomem(err);
		rtable_num(&w->t, row, 0, shown(w->ax, b->first + r));
		for (size_t k = 0; k < w->nmetrics; k++)
			rtable_value(&w->t, row, k + 1, &b->cells[r * b->ncols + k]);
	}
	csv_only_fill(w->vo, &w->t);
	if (fmt == FMT_JSON)
		st = json_block(&w->t, b->first == 0, w->fp, err);
	else if (fmt == FMT_CSV && b->first == 0 && b->count == w->ax->n)
		rtable_print_csv(&w->t, w->fp);   /* one block: the table as it is */
	else if (fmt == FMT_CSV)
		rtable_print_csv_block(&w->t, w->fp, w->na, b->first == 0);
	if ((fmt == FMT_CSV || fmt == FMT_JSON) && ferror(w->fp))
		st = crm_error_set(err, CRM_EIO, w->vo->out_name, 0, 0, "cannot write");
	return st;
}

crm_status sens_view_sweep_end(sens_view_sweep *w, crm_status st, crm_error *err)
{
	const crm_param *p = w->p;
	FILE *fp = w->fp;
	out_format fmt = w->vo->fmt;
	char line[400];

	(void)err;
	if (fmt == FMT_JSON)
		fputs("\n  ]\n}", fp);
	if (st == CRM_OK && (fmt == FMT_TEXT || fmt == FMT_MARKDOWN)) {
		title_line(fp, w->vo, w->sc, "Data table");
		axis_label(w->ax, p, line, sizeof line);
		note_line(fp, fmt, line);
		note_line(fp, fmt, "Everything else at its base value.");
		int frac = 0;
		for (size_t i = 0; p->months && i < w->ax->n; i++) {
			double x = crm_datatable_axis_value(w->ax, i);
			frac |= x != floor(x);
		}
		if (frac) {
			snprintf(line, sizeof line, "%s moves lines' months, which are whole: each "
				 "value is rounded to the nearest month (halves away from zero), so "
				 "values that round to the same month give the same result.", param_words(p));
			note_line(fp, fmt, line);
		}
		print_table(&w->t, fmt, fp);
	}
	rtable_free(&w->t);
	return st;
}

/* ---------------------------------------------- two-way, streamed for people */

/*
 * A cell as a table for people shows it (rtable's cells): the number in the
 * metric's unit, or "n/a (why)" (in *own, allocated, when it is not NULL).
 */
static const char *people_cell(const sens_view_people *g, const crm_value *v, char *buf,
			       size_t len, char **own)
{
	if (v->ok && isfinite(v->v)) {
		fmt_unit(buf, len, v->v, g->unit);
		return buf;
	}
	free(*own);
	*own = dup_printf("n/a (%s)", v->ok ? "not a number" : v->why);
	return *own ? *own : "n/a";
}

static void people_header(const sens_view_people *g, size_t c, char *buf, size_t len)
{
	if (c == 0)
		snprintf(buf, len, "%s \\ %s", g->p1->name, g->p2->name);
	else
		fmt_unit(buf, len, shown(g->ax2, c - 1), g->unit2);
}

crm_status sens_view_people_begin(sens_view_people *g, FILE *fp, const sens_view_opts *vo,
				  const crm_scenario *sc, const crm_param *p1,
				  const crm_datatable_axis *ax1, const crm_param *p2,
				  const crm_datatable_axis *ax2, crm_metric_id m, crm_error *err)
{
	const crm_metric_info *mi = crm_metric_info_of(m);
	char line[600], a[400];

	memset(g, 0, sizeof *g);
	g->fp = fp;
	g->vo = vo;
	g->p1 = p1;
	g->p2 = p2;
	g->ax1 = ax1;
	g->ax2 = ax2;
	g->unit1 = param_unit(p1);
	g->unit2 = param_unit(p2);
	g->unit = mi->unit;
	g->ncols = ax2->n + 1;
	g->from = 1;
	if (vo->fmt == FMT_TEXT) {
		if (ax2->n > SENS_VIEW_PEOPLE_MAX_COLUMNS)
			return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "a text data table has at most "
					     "%d columns, and this one would have %zu: use -f markdown, "
					     "-f csv or -f json, or larger steps",
					     SENS_VIEW_PEOPLE_MAX_COLUMNS, ax2->n);
		if (!(g->widths = calloc(g->ncols, sizeof *g->widths)))
			return nomem(err);
		for (size_t c = 0; c < g->ncols; c++) {
			people_header(g, c, line, c ? 64 : sizeof line);
			g->widths[c] = text_width(line);
		}
	}
	title_line(fp, vo, sc, "Data table");
	snprintf(line, sizeof line, "%s by two inputs, everything else at its base value.",
		 mi->label);
	note_line(fp, vo->fmt, line);
	axis_label(ax1, p1, a, sizeof a);
	snprintf(line, sizeof line, "Rows: %s", a);
	note_line(fp, vo->fmt, line);
	axis_label(ax2, p2, a, sizeof a);
	snprintf(line, sizeof line, "Columns: %s", a);
	note_line(fp, vo->fmt, line);
	fputc('\n', fp);
	return CRM_OK;
}

int sens_view_people_measuring(const sens_view_people *g)
{
	return g->widths != NULL;
}

crm_status sens_view_people_measure(void *ctx, crm_datatable_block *b, crm_error *err)
{
	sens_view_people *g = ctx;
	char buf[FMT_NUM_MAX], *own = NULL;

	(void)err;
	for (size_t r = 0; r < b->count; r++) {
		fmt_unit(buf, sizeof buf, shown(g->ax1, b->first + r), g->unit1);
		size_t w = text_width(buf);
		if (w > g->widths[0])
			g->widths[0] = w;
		for (size_t c = 0; c < b->ncols; c++) {
			w = text_width(people_cell(g, &b->cells[r * b->ncols + c], buf, sizeof buf, &own));
			if (w > g->widths[c + 1])
				g->widths[c + 1] = w;
		}
	}
	free(own);
	return CRM_OK;
}

/* Text: the layout, and room for a row of the widest part. */
static crm_status people_lay_out(sens_view_people *g, crm_error *err)
{
	if (text_layout_init(&g->layout, g->fp, "  ", g->ncols, g->widths, 0) != 0)
		return nomem(err);
	g->laid_out = 1;
	g->row.ncols = g->ncols;
	g->row.nrows = 1;
	g->cols = calloc(g->ncols, sizeof *g->cols);
	g->row.cells = calloc(g->ncols, sizeof *g->row.cells);
	g->row.flags = calloc(1, sizeof *g->row.flags);
	g->row.right = calloc(g->ncols, sizeof *g->row.right);
	if (!g->cols || !g->row.cells || !g->row.flags || !g->row.right)
		return nomem(err);
	for (size_t c = 0; c < g->ncols; c++)
		g->row.right[c] = 1;   /* numbers, the label column too */
	return CRM_OK;
}

int sens_view_people_part(sens_view_people *g, size_t *first, size_t *n, crm_status *st,
			  crm_error *err)
{
	FILE *fp = g->fp;
	char line[600];

	*st = CRM_OK;
	if (g->vo->fmt == FMT_MARKDOWN) {
		if (g->parts++)
			return 0;
		fputc('|', fp);
		for (size_t c = 0; c < g->ncols; c++) {
			people_header(g, c, line, c ? 64 : sizeof line);
			fputc(' ', fp);
			md_text(fp, line);
			fputs(" |", fp);
		}
		fputs("\n|", fp);
		for (size_t c = 0; c < g->ncols; c++)
			fputs(" ---: |", fp);
		fputc('\n', fp);
		*first = 0;
		*n = g->ax2->n;
		return 1;
	}
	if (!g->laid_out && (*st = people_lay_out(g, err)) != CRM_OK)
		return 0;
	if (g->from >= g->ncols)
		return 0;
	for (size_t k = 0; g->own && k < g->ncols_part; k++)
		free(g->own[k]);
	g->from = text_layout_block(&g->layout, g->from, g->cols, &g->ncols_part, &g->bwrap);
	if (g->parts++)
		fputc('\n', fp);
	/* Room for the part's cells: a part is as wide as a page. */
	free(g->buf);
	if (!(g->buf = calloc(g->ncols_part, sizeof *g->buf))) {
		*st = nomem(err);
		return 0;
	}
	free(g->own);
	if (!(g->own = calloc(g->ncols_part, sizeof *g->own))) {
		*st = nomem(err);
		return 0;
	}
	for (size_t k = 0; k < g->ncols_part; k++) {
		size_t c = g->cols[k];
		people_header(g, c, k ? g->buf[k] : line, k ? 64 : sizeof line);
		g->row.cells[c] = k ? g->buf[k] : line;
	}
	text_layout_row(&g->layout, &g->row, fp, 0, g->cols, g->ncols_part, g->bwrap);
	for (size_t k = 0; k < g->ncols_part; k++)
		g->row.cells[g->cols[k]] = NULL;
	g->first = g->cols[1] - 1;
	*first = g->first;
	*n = g->ncols_part - 1;
	return 1;
}

crm_status sens_view_people_rows(void *ctx, crm_datatable_block *b, crm_error *err)
{
	sens_view_people *g = ctx;
	FILE *fp = g->fp;
	char buf[FMT_NUM_MAX], *own = NULL;

	for (size_t r = 0; r < b->count; r++) {
		fmt_unit(buf, sizeof buf, shown(g->ax1, b->first + r), g->unit1);
		if (g->vo->fmt == FMT_MARKDOWN) {
			fputs("| ", fp);
			md_text(fp, buf);
			fputs(" |", fp);
			for (size_t c = 0; c < b->ncols; c++) {
				fputc(' ', fp);
				md_text(fp, people_cell(g, &b->cells[r * b->ncols + c], buf, sizeof buf, &own));
				fputs(" |", fp);
			}
			fputc('\n', fp);
			continue;
		}
		g->row.cells[0] = buf;
		for (size_t k = 1; k < g->ncols_part; k++) {
			size_t c = g->cols[k];
			g->row.cells[c] = (char *)people_cell(g, &b->cells[r * b->ncols + (c - 1 - g->first)],
							      g->buf[k], sizeof g->buf[k], &g->own[k]);
		}
		text_layout_row(&g->layout, &g->row, fp, 0, g->cols, g->ncols_part, g->bwrap);
		for (size_t k = 0; k < g->ncols_part; k++)
			g->row.cells[g->cols[k]] = NULL;
	}
	free(own);
	if (ferror(fp))
		return crm_error_set(err, CRM_EIO, g->vo->out_name, 0, 0, "cannot write");
	return CRM_OK;
}

crm_status sens_view_people_end(sens_view_people *g, crm_status st, crm_error *err)
{
	(void)err;
	for (size_t k = 0; g->own && k < g->ncols_part; k++)
		free(g->own[k]);
	free(g->own);
	free(g->buf);
	free(g->cols);
	free(g->row.cells);
	free(g->row.flags);
	free(g->row.right);
	free(g->widths);
	if (g->laid_out)
		text_layout_free(&g->layout);
	memset(g, 0, sizeof *g);
	return st;
}

/* A growing text buffer (one block's rows). */
struct textbuf {
	char *p;
	size_t len, cap;
};

/* What a block of a streamed two-way table becomes: its text, and JSON's "undefined" entries. */
struct grid_text {
	struct textbuf text;
	struct textbuf undef;   /* JSON: the block's entries of "undefined", each after ", " */
};

static int tb_reserve(struct textbuf *b, size_t more)
{
	if (b->len + more <= b->cap)
		return 0;
	size_t ncap = b->cap ? b->cap : 4096;
	while (ncap < b->len + more)
		ncap *= 2;
	char *n = realloc(b->p, ncap);
	if (!n)
		return -1;
	b->p = n;
	b->cap = ncap;
	return 0;
}

/*
 * A number with the shortest text that reads back exactly, as csv_number
 * writes it (a decimal comma with --decimal-comma); 0 for -0. Room reserved
 * by the caller.
 */
static void tb_number(struct textbuf *b, double v)
{
	b->len += csv_number_text(b->p + b->len, v);
}

/* A CSV text cell, as csv_field writes it (csv_text). */
static int tb_field(struct textbuf *b, const char *s)
{
	if (tb_reserve(b, 2 * strlen(s) + 3) != 0)
		return -1;
	b->len += csv_text(b->p + b->len, s);
	return 0;
}

/* A character, with room made for it. */
static int tb_char(struct textbuf *b, char c)
{
	if (tb_reserve(b, 1) != 0)
		return -1;
	b->p[b->len++] = c;
	return 0;
}

/*
 * A block of a JSON table: the rows of "values" into b (each after ",\n    "
 * but the table's first), and an entry of "undefined" for each null into u,
 * each after ", ". Written through the output layer's json_number and
 * json_string, as every JSON number and string.
 */
static crm_status grid_json_rows(const crm_datatable_block *blk, struct textbuf *b,
				 struct textbuf *u, crm_error *err)
{
	struct textbuf *to[2] = { b, u };
	FILE *fp[2];

	for (int k = 0; k < 2; k++) {
		free(to[k]->p);
		memset(to[k], 0, sizeof *to[k]);
	}
	for (int k = 0; k < 2; k++)
		if (!(fp[k] = open_memstream(&to[k]->p, &to[k]->len))) {
			if (k)
				fclose(fp[0]);
			return nomem(err);
		}
	for (size_t r = 0; r < blk->count; r++) {
		fputs(blk->first + r ? ",\n    [" : "\n    [", fp[0]);
		for (size_t c = 0; c < blk->ncols; c++) {
			const crm_value *v = &blk->cells[r * blk->ncols + c];
			fputs(c ? ", " : "", fp[0]);
			if (v->ok) {
				json_number(fp[0], v->v);
				continue;
			}
			fputs("null", fp[0]);
			fprintf(fp[1], ", {\"row\": %zu, \"column\": %zu, \"why\": ", blk->first + r, c);
			json_string(fp[1], v->why);
			fputc('}', fp[1]);
		}
		fputc(']', fp[0]);
	}
	int bad = 0;
	for (int k = 0; k < 2; k++) {
		bad |= ferror(fp[k]) != 0;
		bad |= fclose(fp[k]) != 0;
		to[k]->cap = to[k]->len;
	}
	return bad ? nomem(err) : CRM_OK;
}

/*
 * A block of a CSV table into b: cells hold numbers only; the last column
 * says why a row has empty cells, and --only follows it.
 */
static crm_status grid_csv_rows(const sens_view_grid *g, const crm_datatable_block *blk,
				struct textbuf *b, crm_error *err)
{
	b->len = 0;
	for (size_t r = 0; r < blk->count; r++) {
		const crm_value *row = &blk->cells[r * blk->ncols];
		const char *why = NULL;
		size_t nundef = 0;
		if (tb_reserve(b, (blk->ncols + 1) * (FMT_SHORTEST_MAX + 1)) != 0)
			return nomem(err);
		tb_number(b, shown(g->ax1, blk->first + r));
		for (size_t c = 0; c < blk->ncols; c++) {
			b->p[b->len++] = csv_sep();
			if (row[c].ok) {
				tb_number(b, row[c].v);
			} else {
				why = why ? why : row[c].why;
				nundef++;
			}
		}
		if (tb_char(b, csv_sep()) != 0)
			return nomem(err);
		if (why) {
			char *note = dup_printf("%zu undefined: %s", nundef, why);
			int rc = tb_field(b, note ? note : why);
			free(note);
			if (rc != 0)
				return nomem(err);
		}
		if (g->vo->only[0] && (tb_char(b, csv_sep()) != 0 || tb_field(b, g->vo->only) != 0))
			return nomem(err);
		if (tb_char(b, '\r') != 0 || tb_char(b, '\n') != 0)
			return nomem(err);
	}
	return CRM_OK;
}

crm_status sens_view_grid_begin(sens_view_grid *g, FILE *fp, const sens_view_opts *vo,
				const crm_scenario *sc, const crm_param *p1,
				const crm_datatable_axis *ax1, const crm_param *p2,
				const crm_datatable_axis *ax2, crm_metric_id m, crm_error *err)
{
	char line[600];

	memset(g, 0, sizeof *g);
	g->fp = fp;
	g->vo = vo;
	g->ax1 = ax1;
	if (vo->fmt == FMT_CSV) {
		snprintf(line, sizeof line, "%s \\ %s", p1->name, p2->name);
		csv_field(fp, line, 1);
		for (size_t c = 0; c < ax2->n; c++)
			csv_number(fp, shown(ax2, c), 0);
		csv_field(fp, "note", 0);
		if (vo->only[0])
			csv_field(fp, "only", 0);
		csv_end(fp);
		return CRM_OK;
	}
	if (!(g->undef = tmpfile()))
		return crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot create a temporary file: %s",
				     strerror(errno));
	json_head(fp, vo, sc, "sweep", m);
	fputs(",\n  \"rows\": ", fp);
	json_string(fp, p1->name);
	fputs(",\n  \"columns\": ", fp);
	json_string(fp, p2->name);
	fputs(",\n  \"row_values\": [", fp);
	for (size_t r = 0; r < ax1->n; r++) {
		fputs(r ? ", " : "", fp);
		json_number(fp, shown(ax1, r));
	}
	fputs("],\n  \"column_values\": [", fp);
	for (size_t c = 0; c < ax2->n; c++) {
		fputs(c ? ", " : "", fp);
		json_number(fp, shown(ax2, c));
	}
	fputs("],\n  \"values\": [", fp);
	return CRM_OK;
}

crm_status sens_view_grid_prepare(void *ctx, crm_datatable_block *b, crm_error *err)
{
	const sens_view_grid *g = ctx;
	struct grid_text *gt = b->user;

	if (!gt && !(gt = b->user = calloc(1, sizeof *gt)))
		return nomem(err);
	if (g->vo->fmt == FMT_JSON)
		return grid_json_rows(b, &gt->text, &gt->undef, err);
	return grid_csv_rows(g, b, &gt->text, err);
}

crm_status sens_view_grid_emit(void *ctx, crm_datatable_block *b, crm_error *err)
{
	sens_view_grid *g = ctx;
	const struct grid_text *gt = b->user;

	if (fwrite(gt->text.p, 1, gt->text.len, g->fp) != gt->text.len || ferror(g->fp))
		return crm_error_set(err, CRM_EIO, g->vo->out_name, 0, 0, "cannot write: %s",
				     strerror(errno ? errno : EIO));
	if (g->undef && gt->undef.len) {
		/* Each entry follows ", ": not the first of the table. */
		size_t skip = g->any_undef ? 0 : 2;
		g->any_undef = 1;
		if (fwrite(gt->undef.p + skip, 1, gt->undef.len - skip, g->undef) !=
		    gt->undef.len - skip)
			return crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot write a temporary file: "
					     "%s", strerror(errno));
	}
	return CRM_OK;
}

void sens_view_grid_release(void *ctx, void *user)
{
	struct grid_text *gt = user;

	(void)ctx;
	free(gt->text.p);
	free(gt->undef.p);
	free(gt);
}

/*
 * The JSON entries of "undefined" are known only block by block, after the
 * values they follow: they waited in a temporary file, copied to fp now.
 */
static crm_status copy_undefined(FILE *tmp, FILE *fp, const char *out_name, crm_error *err)
{
	char buf[65536];
	size_t n;

	rewind(tmp);
	while ((n = fread(buf, 1, sizeof buf, tmp)) > 0)
		if (fwrite(buf, 1, n, fp) != n)
			break;
	if (ferror(tmp))
		return crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot read back a temporary file: %s",
				     strerror(errno));
	if (ferror(fp))
		return crm_error_set(err, CRM_EIO, out_name, 0, 0, "cannot write: %s",
				     strerror(errno ? errno : EIO));
	return CRM_OK;
}

crm_status sens_view_grid_end(sens_view_grid *g, crm_status st, crm_error *err)
{
	if (!g->undef)
		return st;
	if (st == CRM_OK) {
		fputs("\n  ],\n  \"undefined\": [", g->fp);
		st = copy_undefined(g->undef, g->fp, g->vo->out_name, err);
		fputs("]\n}", g->fp);
	}
	fclose(g->undef);
	g->undef = NULL;
	return st;
}
