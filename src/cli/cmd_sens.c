/*
 * cmd_sens.c - sensitivity commands: tornado, spider, sweep, breakeven.
 *
 * They share their options and their shape: every scenario is loaded and
 * its parameters resolved before anything is written, then each scenario's
 * table goes to the output (stdout or a file written whole or not at all).
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "explain.h"
#include "commands.h"
#include "sens_view.h"
#include "shortest.h"

#include <csv.h>

#include <getopt.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum sens_cmd { SENS_TORNADO, SENS_SPIDER, SENS_SWEEP, SENS_BREAKEVEN };

struct vary {
	char *name;
	double from, to, step;
	size_t n;
	/*
	 * A grid of decimals (FROM and STEP written with at most
	 * VARY_MAX_DECIMALS decimals): point i is (first + i x stride) / scale,
	 * in whole numbers below 2^53, so that it is the decimal value the user
	 * wrote (0.3, not 0.30000000000000004). decimal is 0 for other grids.
	 */
	int decimal;
	double first, stride, scale;
};

/* Decimals a FROM or STEP may have for its grid to be computed in decimals. */
#define VARY_MAX_DECIMALS 15
/* Whole numbers up to 2^53 are exact in a double. */
#define VARY_EXACT_INT 9007199254740992.0

struct sens_opts {
	enum sens_cmd cmd;
	const char *cmdname;
	out_format fmt;
	const char *output;
	crm_metric_id metrics[CRM_METRIC_COUNT];
	size_t nmetrics;
	double pct;
	double steps[64];
	size_t nsteps;
	struct vary vary[2];
	int nvary;
	int jobs;             /* sweep: threads computing a CSV data table */
	const char *input;
	double target;
	int interval_given;
	double lo, hi;
	unsigned classes;     /* --only: the benefit classes counted; 0 = each scenario's own */
};

/* One scenario, loaded and ready. */
struct job {
	crm_scenario *sc;
	crm_analysis *a;
	crm_param vp[2];      /* sweep: the varied parameters */
	crm_param input;      /* breakeven --input */
	char only[256];       /* --only: the classes counted ("cash,flexibility"); "" without */
	crm_model *deps;      /* for left_out_classes: which lines an input feeds; NULL until asked */
};

static int parse_num(const char *opt, const char *s, double *out)
{
	char why[512];

	if (crm_parse_number(s, out, NULL, why, sizeof why) != CRM_OK) {
		usage_error("%s: %s", opt, why);
		return -1;
	}
	return 0;
}

static int parse_metrics(struct sens_opts *o, char *list)
{
	o->nmetrics = 0;
	for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		crm_metric_id id;
		if (crm_metric_parse(tok, &id) != 0) {
			usage_error("%s: unknown metric '%s' (expected npv, roi, bcr, irr, mirr, "
				    "payback, discounted_payback, pv_benefits, pv_costs, after_tax_npv, "
				    "after_tax_roi, after_tax_irr, after_tax_mirr, after_tax_payback or "
				    "after_tax_discounted_payback)",
				    o->cmdname, tok);
			return -1;
		}
		if (o->nmetrics == CRM_METRIC_COUNT) {
			usage_error("%s: too many metrics", o->cmdname);
			return -1;
		}
		o->metrics[o->nmetrics++] = id;
	}
	if (!o->nmetrics) {
		usage_error("%s: --metric needs a metric name", o->cmdname);
		return -1;
	}
	return 0;
}

static int parse_steps(struct sens_opts *o, char *list)
{
	o->nsteps = 0;
	for (char *tok = strtok(list, ","); tok; tok = strtok(NULL, ",")) {
		if (o->nsteps == sizeof o->steps / sizeof *o->steps) {
			usage_error("spider: at most %zu steps", sizeof o->steps / sizeof *o->steps);
			return -1;
		}
		size_t n = strlen(tok);
		if (n && tok[n - 1] == '%')
			tok[n - 1] = '\0';
		if (parse_num("--steps", tok, &o->steps[o->nsteps]) != 0)
			return -1;
		if (o->steps[o->nsteps] <= -100) {
			usage_error("spider: a step of %g%% would make values zero or negative",
				    o->steps[o->nsteps]);
			return -1;
		}
		o->nsteps++;
	}
	if (!o->nsteps) {
		usage_error("spider: --steps needs a list such as -20,-10,0,10,20");
		return -1;
	}
	return 0;
}

/*
 * The fewest decimals d (up to VARY_MAX_DECIMALS) with which x is a decimal:
 * the whole number k = x x 10^d for which k / 10^d (correctly rounded) is x
 * itself. -1 when there is none.
 */
static int decimals_of(double x, double *k_out)
{
	double p = 1;

	for (int d = 0; d <= VARY_MAX_DECIMALS; d++, p *= 10) {
		double k = nearbyint(x * p);
		if (fabs(k) < VARY_EXACT_INT && k / p == x) {
			*k_out = k;
			return d;
		}
	}
	return -1;
}

/* Make v a decimal grid when FROM and STEP are decimals and every point fits. */
static void vary_decimal(struct vary *v)
{
	double kf, ks, p = 1;
	int df = decimals_of(v->from, &kf), ds = decimals_of(v->step, &ks);

	v->decimal = 0;
	if (df < 0 || ds < 0)
		return;
	int d = df > ds ? df : ds;
	for (int i = 0; i < d; i++)
		p *= 10;
	double first = nearbyint(v->from * p), stride = nearbyint(v->step * p);
	double last = first + (double)(v->n - 1) * stride;
	if (fabs(first) >= VARY_EXACT_INT || fabs(stride) >= VARY_EXACT_INT ||
	    fabs(last) >= VARY_EXACT_INT || first / p != v->from || stride / p != v->step)
		return;
	v->decimal = 1;
	v->first = first;
	v->stride = stride;
	v->scale = p;
}

/*
 * Point i of a data table's range: on a decimal grid the decimal itself (one
 * correctly rounded division of exact whole numbers), else from + i x step.
 */
static double vary_value(const struct vary *v, size_t i)
{
	if (v->decimal)
		return (v->first + (double)i * v->stride) / v->scale;
	return crm_step_value(v->from, v->to, v->step, i);
}

/* The same as shown: a point of another grid is rounded to 15 significant digits. */
static double vary_shown(const struct vary *v, size_t i)
{
	return v->decimal ? vary_value(v, i) : round15(vary_value(v, i));
}

/* NAME=FROM:TO:STEP; NAME may itself hold '=' (a line label), so split at the last one. */
static int parse_vary(struct sens_opts *o, const char *arg)
{
	const char *eq = strrchr(arg, '=');
	char buf[256], *parts[3];

	if (o->nvary == 2)
		return usage_error("sweep: at most two --vary options (a two-way data table)"), -1;
	if (!eq || eq == arg)
		return usage_error("sweep: --vary takes NAME=FROM:TO:STEP, not '%s'", arg), -1;
	snprintf(buf, sizeof buf, "%s", eq + 1);
	parts[0] = buf;
	parts[1] = strchr(parts[0], ':');
	parts[2] = parts[1] ? strchr(parts[1] + 1, ':') : NULL;
	if (!parts[1] || !parts[2] || strchr(parts[2] + 1, ':'))
		return usage_error("sweep: --vary takes NAME=FROM:TO:STEP, not '%s'", arg), -1;
	*parts[1]++ = '\0';
	*parts[2]++ = '\0';
	struct vary *v = &o->vary[o->nvary];
	if (parse_num("--vary FROM", parts[0], &v->from) || parse_num("--vary TO", parts[1], &v->to) ||
	    parse_num("--vary STEP", parts[2], &v->step))
		return -1;
	v->name = strndup(arg, (size_t)(eq - arg));
	if (!v->name)
		return -1;
	crm_error err;
	crm_error_clear(&err);
	if (crm_steps(v->from, v->to, v->step, CRM_SWEEP_MAX_POINTS, &v->n, &err) != CRM_OK) {
		usage_error("sweep: --vary %s: %s", v->name, err.msg);
		free(v->name);
		v->name = NULL;
		return -1;
	}
	vary_decimal(v);
	o->nvary++;
	return 0;
}

static int parse_interval(struct sens_opts *o, const char *arg)
{
	char buf[128];
	char *colon;

	snprintf(buf, sizeof buf, "%s", arg);
	colon = strchr(buf, ':');
	if (!colon)
		return usage_error("breakeven: --interval takes LOW:HIGH, not '%s'", arg), -1;
	*colon = '\0';
	if (parse_num("--interval LOW", buf, &o->lo) || parse_num("--interval HIGH", colon + 1, &o->hi))
		return -1;
	if (!(o->lo < o->hi))
		return usage_error("breakeven: --interval LOW must be below HIGH"), -1;
	o->interval_given = 1;
	return 0;
}

/* ------------------------------------------------- presentation (sweep) */

static void note_line(FILE *fp, out_format fmt, const char *text);

static void title_line(FILE *fp, const struct job *j, out_format fmt, const char *what)
{
	const char *t = j->sc->settings.title[0] ? j->sc->settings.title : j->sc->file;

	if (fmt == FMT_MARKDOWN)
		fprintf(fp, "## %s: %s\n\n- Scenario: %s\n", what, t, j->sc->file);
	else
		fprintf(fp, "%s: %s\n  Scenario: %s\n", what, t, j->sc->file);
	explain_classes rc;   /* which classes the figures count, as run's report says it */
	explain_classes_of(j->sc, j->only[0] != '\0', 0, &rc);
	if (rc.shown)
		note_line(fp, fmt, rc.sentence);
	if (j->sc->settings.readiness) {   /* execution readiness scales benefits (crmroi assess) */
		char rd[1024];
		explain_readiness(&j->sc->settings, rd, sizeof rd);
		fprintf(fp, "%s%s\n", fmt == FMT_MARKDOWN ? "- " : "  ", rd);
	}
}

static void note_line(FILE *fp, out_format fmt, const char *text)
{
	if (fmt == FMT_MARKDOWN)
		fprintf(fp, "- %s\n", text);
	else
		print_para(fp, "  ", text);
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

static void json_head(FILE *fp, const struct job *j, const char *command, crm_metric_id m)
{
	fputs("{\n  \"file\": ", fp);
	json_string(fp, j->sc->file);
	fputs(",\n  \"title\": ", fp);
	json_string(fp, j->sc->settings.title);
	fputs(",\n  \"command\": ", fp);
	json_string(fp, command);
	fputs(",\n  \"metric\": ", fp);
	json_string(fp, crm_metric_info_of(m)->name);
	fputs(",\n  \"only\": ", fp);   /* --only, as crmroi batch writes it; null without */
	if (j->only[0])
		json_string(fp, j->only);
	else
		fputs("null", fp);
}

/*
 * A CSV table ends with the column only when --only is given (as crmroi
 * batch's): csv_only(o, j) columns more at rtable_init, filled at the end.
 */
static size_t csv_only(const struct sens_opts *o, const struct job *j)
{
	return o->fmt == FMT_CSV && j->only[0];
}

static void csv_only_fill(const struct sens_opts *o, const struct job *j, rtable *t)
{
	if (!csv_only(o, j))
		return;
	rtable_col(t, t->ncols - 1, "only", "Only", UNIT_TEXT);
	for (size_t r = 0; r < t->nrows; r++)
		rtable_text(t, (long)r, t->ncols - 1, j->only);
}

/* ---------------------------------------------------------------- results */

static sens_view_opts view_opts(const struct sens_opts *o, const struct job *j)
{
	return (sens_view_opts){ o->fmt, j->only, o->output ? o->output : "<stdout>" };
}

/*
 * Why moving p moves no metric, when the metrics count none of the lines it
 * feeds: the classes of those lines, for a benefit line of a class left
 * out, or an input whose every line (directly or through other inputs) is
 * such a benefit (explain_left_out words it). 0 otherwise: a setting, an
 * input that moves a line's months or feeds no line, or anything that
 * feeds a cost or a benefit counted.
 */
static unsigned left_out_classes(struct job *j, const crm_param *p)
{
	const crm_scenario *sc = j->sc;
	unsigned in = sc->settings.classes, fed = 0;
	int counted = 0;

	if (p->kind == CRM_PARAM_LINE) {
		const crm_line *ln = &sc->lines[p->index];
		if (ln->kind != CRM_BENEFIT || (in & CRM_CLASS_BIT(ln->cls)))
			return 0;
		fed = CRM_CLASS_BIT(ln->cls);
	} else if (p->kind == CRM_PARAM_INPUT && !p->months) {
		crm_error err;
		crm_error_clear(&err);
		if (!j->deps && !(j->deps = crm_model_new(sc, &err)))
			return 0;
		char *flags = calloc(sc->ninputs + sc->nlines + 1, 1);
		if (!flags)
			return 0;
		flags[p->index] = 1;
		crm_model_dependents(j->deps, flags, flags + sc->ninputs);
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (!flags[sc->ninputs + l])
				continue;
			if (ln->kind != CRM_BENEFIT || (in & CRM_CLASS_BIT(ln->cls)))
				counted = 1;
			else
				fed |= CRM_CLASS_BIT(ln->cls);
		}
		free(flags);
	}
	return counted ? 0 : fed;
}

static crm_status run_tornado(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const sens_view_opts vo = view_opts(o, j);
	crm_tornado_row *rows;
	size_t n;
	crm_value base;
	crm_status st = crm_tornado(j->a, o->metrics[0], o->pct, &rows, &n, &base, err);

	if (st != CRM_OK)
		return st;
	/*
	 * A note on a row that moves nothing because its lines are left out. A
	 * swing of exactly 0 is what such a row gives (its metric is the same
	 * evaluation at both ends); a row that moves at all, through something
	 * the line dependencies do not show, gets no note.
	 */
	unsigned *left_out = calloc(n + 1, sizeof *left_out);
	if (!left_out) {
		free(rows);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	for (size_t i = 0; i < n; i++)
		if (rows[i].swing_ok && rows[i].swing == 0)
			left_out[i] = left_out_classes(j, &rows[i].param);
	st = sens_view_tornado(fp, &vo, j->sc, o->metrics[0], o->pct, rows, n, &base, left_out, err);
	free(left_out);
	free(rows);
	return st;
}

static crm_status run_spider(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const sens_view_opts vo = view_opts(o, j);
	crm_metric_id m = o->metrics[0];
	crm_param *params;
	crm_value *values, base;
	size_t n;
	crm_status st;

	if ((st = crm_analysis_eval(j->a, &m, 1, &base, err)) != CRM_OK)
		return st;
	if ((st = crm_spider(j->a, m, o->steps, o->nsteps, &params, &n, &values, err)) != CRM_OK)
		return st;
	st = sens_view_spider(fp, &vo, j->sc, m, o->steps, o->nsteps, params, n, values, &base, err);
	free(params);
	free(values);
	return st;
}

/* ------------------------------------------------------------------ sweep */

static void vary_label(const struct vary *v, const crm_param *p, char *buf, size_t len)
{
	char f[64], t[64], s[64];
	int unit = p->unit == CRM_UNIT_RATE ? CRM_UNIT_RATE : CRM_UNIT_NUMBER;

	fmt_unit(f, sizeof f, v->from, unit);
	fmt_unit(t, sizeof t, v->to, unit);
	fmt_unit(s, sizeof s, v->step, unit);
	snprintf(buf, len, "%s from %s to %s by %s (%zu values)", p->name, f, t, s, v->n);
}

/*
 * Bounds of a data table (documented in crmroi(1), LIMITS). A one-way table in
 * CSV or JSON is evaluated and written SWEEP_BLOCK rows at a time, and a
 * two-way one a few rows at a time (see sweep_stream_two_way), so their
 * memory does not grow with their points; a table for people (text,
 * markdown) is laid out whole, up to SWEEP_PEOPLE_MAX_CELLS cells.
 */
#define SWEEP_BLOCK 4096
#define SWEEP_PEOPLE_MAX_CELLS 1000000.0

static int sweep_one_way_header(const struct sens_opts *o, const struct job *j,
				const crm_param *p, rtable *t)
{
	if (rtable_init(t, o->nmetrics + 1 + csv_only(o, j)) != 0)
		return -1;
	rtable_col(t, 0, p->name, p->name, p->unit == CRM_UNIT_RATE ? CRM_UNIT_RATE : CRM_UNIT_NUMBER);
	for (size_t k = 0; k < o->nmetrics; k++) {
		const crm_metric_info *mi = crm_metric_info_of(o->metrics[k]);
		rtable_col(t, k + 1, mi->name, mi->label, mi->unit);
	}
	return 0;
}

/* Rows first .. first + count - 1 of a one-way table, appended to t. */
static crm_status sweep_rows(const struct sens_opts *o, struct job *j, rtable *t, size_t first,
			     size_t count, crm_error *err)
{
	const struct vary *v = &o->vary[0];
	const crm_param *p = &j->vp[0];
	crm_value vals[CRM_METRIC_COUNT];
	crm_status st;

	for (size_t i = first; i < first + count; i++) {
		double x = vary_value(v, i);
		if ((st = crm_analysis_set(j->a, p, x, err)) != CRM_OK ||
		    (st = crm_analysis_eval(j->a, o->metrics, o->nmetrics, vals, err)) != CRM_OK)
			return st;
		long row = rtable_row(t);
		if (row < 0)
			return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		rtable_num(t, row, 0, vary_shown(v, i));
		for (size_t k = 0; k < o->nmetrics; k++)
			rtable_value(t, row, k + 1, &vals[k]);
	}
	csv_only_fill(o, j, t);
	return CRM_OK;
}

/*
 * A block of rows in JSON, as the table printer writes them, without the
 * array's brackets: the printer stays the one place that formats cells.
 */
static crm_status stream_json_block(const rtable *t, size_t block, FILE *fp, crm_error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	if (!mem)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	rtable_print_json(t, mem, 2);
	if (fclose(mem) != 0 || !buf) {
		free(buf);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	/* "[" rows "\n  ]": keep the rows, from their first newline to the last '}'. */
	const char *from = buf + 1, *to = buf + len;
	while (to > from && to[-1] != '}')
		to--;
	if (block > 0)
		fputc(',', fp);
	fwrite(from, 1, (size_t)(to - from), fp);
	free(buf);
	return CRM_OK;
}

/*
 * Which columns of a one-way table have an undefined value somewhere (they
 * get a "<key>_note" column in CSV): known only after every point, so a
 * table of several blocks is evaluated twice rather than kept.
 */
static crm_status sweep_na_columns(const struct sens_opts *o, struct job *j, char *na,
				   crm_error *err)
{
	const struct vary *v = &o->vary[0];
	crm_value vals[CRM_METRIC_COUNT];
	crm_status st;

	for (size_t i = 0; i < v->n; i++) {
		double x = vary_value(v, i);
		if ((st = crm_analysis_set(j->a, &j->vp[0], x, err)) != CRM_OK ||
		    (st = crm_analysis_eval(j->a, o->metrics, o->nmetrics, vals, err)) != CRM_OK)
			return st;
		for (size_t k = 0; k < o->nmetrics; k++)
			na[k + 1] |= !vals[k].ok;
	}
	return CRM_OK;
}

static crm_status sweep_one_way(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const struct vary *v = &o->vary[0];
	const crm_param *p = &j->vp[0];
	crm_status st = CRM_OK;
	rtable t;
	char line[400];

	if (sweep_one_way_header(o, j, p, &t) != 0)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	if (o->fmt == FMT_CSV || o->fmt == FMT_JSON) {
		if (o->fmt == FMT_JSON) {
			json_head(fp, j, "sweep", o->metrics[0]);
			fputs(",\n  \"vary\": ", fp);
			json_string(fp, p->name);
			fputs(",\n  \"rows\": [", fp);
		}
		char na[CRM_METRIC_COUNT + 2] = { 0 };
		if (o->fmt == FMT_CSV && v->n > SWEEP_BLOCK)
			st = sweep_na_columns(o, j, na, err);
		for (size_t b = 0; b * SWEEP_BLOCK < v->n && st == CRM_OK; b++) {
			size_t first = b * SWEEP_BLOCK;
			size_t count = v->n - first < SWEEP_BLOCK ? v->n - first : SWEEP_BLOCK;
			rtable_free(&t);
			if (sweep_one_way_header(o, j, p, &t) != 0)
				st = crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
			else if ((st = sweep_rows(o, j, &t, first, count, err)) != CRM_OK)
				;
			else if (o->fmt == FMT_JSON)
				st = stream_json_block(&t, b, fp, err);
			else if (v->n <= SWEEP_BLOCK)
				rtable_print_csv(&t, fp);   /* one block: the table as it is */
			else
				rtable_print_csv_block(&t, fp, na, b == 0);
			if (ferror(fp))
				st = crm_error_set(err, CRM_EIO, o->output ? o->output : "<stdout>", 0, 0,
						   "cannot write");
		}
		if (o->fmt == FMT_JSON)
			fputs("\n  ]\n}", fp);
	} else {
		st = sweep_rows(o, j, &t, 0, v->n, err);
		if (st == CRM_OK) {
			title_line(fp, j, o->fmt, "Data table");
			vary_label(v, p, line, sizeof line);
			note_line(fp, o->fmt, line);
			note_line(fp, o->fmt, "Everything else at its base value.");
			int frac = 0;
			for (size_t i = 0; p->months && i < v->n; i++)
				frac |= vary_value(v, i) != floor(vary_value(v, i));
			if (frac) {
				snprintf(line, sizeof line, "%s moves lines' months, which are whole: each "
					 "value is rounded to the nearest month (halves away from zero), so "
					 "values that round to the same month give the same result.",
					 p->name);
				note_line(fp, o->fmt, line);
			}
			print_table(&t, o->fmt, fp);
		}
	}
	crm_analysis_reset(j->a, p);
	rtable_free(&t);
	return st;
}

/*
 * One cell of a two-way data table. NPV, the table's usual metric, takes
 * the model's short way (crm_analysis_npv); every format of the table uses
 * this function, so CSV, JSON and text show the same numbers.
 */
static crm_status sweep_cell(crm_analysis *a, crm_metric_id m, crm_value *out, crm_error *err)
{
	if (m == CRM_METRIC_NPV)
		return crm_analysis_npv(a, out, err);
	return crm_analysis_eval(a, &m, 1, out, err);
}

/*
 * A two-way data table in CSV or JSON is streamed: its rows are computed in
 * chunks by --jobs threads, each with an analysis of its own, and written in
 * order by the calling thread, so the bytes do not depend on the number of
 * threads and the memory does not grow with the table (SWEEP_SLOTS_PER_JOB
 * chunks of about SWEEP_CHUNK_CELLS cells per thread at most).
 */
#define SWEEP_CHUNK_CELLS 32768
#define SWEEP_SLOTS_PER_JOB 3

/* A growing text buffer (one chunk's rows). */
struct textbuf {
	char *p;
	size_t len, cap;
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

/* A number with the shortest text that reads back exactly; 0 for -0. Room reserved by the caller. */
static void tb_number(struct textbuf *b, double v)
{
	b->len += fmt_shortest(b->p + b->len, v == 0 ? 0.0 : v);
}

/* A CSV field, quoted by libcsv only when it must be (as csv_field does). */
static int tb_field(struct textbuf *b, const char *s)
{
	size_t n = strlen(s);

	if (tb_reserve(b, 2 * n + 3) != 0)
		return -1;
	if (strpbrk(s, ",\"\r\n") || s[0] == ' ' || (n && s[n - 1] == ' ')) {
		b->len += csv_write(b->p + b->len, b->cap - b->len, s, n);
	} else {
		memcpy(b->p + b->len, s, n);
		b->len += n;
	}
	return 0;
}

enum { SLOT_FREE, SLOT_BUSY, SLOT_READY };

struct sweep_slot {
	int state;
	struct textbuf text;
	struct textbuf undef;   /* JSON: the chunk's entries of "undefined", each after ", " */
	crm_status st;
	crm_error err;
};

struct sweep_stream {
	const struct sens_opts *o;
	const struct job *j;
	int fast;             /* NPV of two inputs or lines: try the model's partial evaluation */
	size_t rows_per_chunk, nchunks;
	size_t next;          /* the next chunk to compute */
	size_t written;       /* chunks written so far */
	int stop;             /* the writer gave up: workers stop */
	size_t nslots;
	struct sweep_slot *slot;
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/*
 * The short way to a table of NPV over two inputs or line values: a model of
 * the thread's own, evaluated whole at the start of each row (an input of
 * the row changed) and, along the row, only in what depends on the column's
 * parameter (crm_model_summary_partial: the same number to the last bit).
 */
struct fast_npv {
	crm_model *m;
	crm_cashflow *cf;
	char *in, *line;      /* what depends on the column's parameter */
	int valid;            /* the last evaluation succeeded: a partial one may follow */
};

static void fast_npv_free(struct fast_npv *f)
{
	crm_cashflow_free(f->cf);
	crm_model_free(f->m);
	free(f->in);
	free(f->line);
	memset(f, 0, sizeof *f);
}

static crm_status fast_npv_new(struct fast_npv *f, const crm_scenario *sc, const crm_param *col,
			       crm_error *err)
{
	memset(f, 0, sizeof *f);
	if (!(f->m = crm_model_new(sc, err)))
		return err->status;
	f->cf = crm_cashflow_new(f->m);
	f->in = calloc(sc->ninputs + 1, 1);
	f->line = calloc(sc->nlines + 1, 1);
	if (!f->cf || !f->in || !f->line) {
		fast_npv_free(f);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	f->cf->keep_inputs = f->cf->keep_amounts = 0;
	if (col->kind == CRM_PARAM_INPUT)
		f->in[col->index] = 1;
	else
		f->line[col->index] = 1;
	crm_model_dependents(f->m, f->in, f->line);
	return CRM_OK;
}

static void fast_npv_set(struct fast_npv *f, const crm_param *p, double x)
{
	if (p->kind == CRM_PARAM_INPUT)
		crm_model_override(f->m, (size_t)p->index, x);
	else
		crm_model_override_line(f->m, (size_t)p->index, x);
}

/*
 * The cell at row value x1 and column value x2 (both already set in f).
 * Where the short way cannot decide (a line's months follow an input that
 * moved, a share of adoption outside 0..1), the analysis a evaluates the
 * cell in full, as every other format of the table does.
 */
static crm_status fast_npv_cell(struct fast_npv *f, int partial, crm_analysis *a,
				const crm_param *p1, double x1, const crm_param *p2, double x2,
				crm_value *out, crm_error *err)
{
	crm_summary sum;
	crm_status st = partial && f->valid
			? crm_model_summary_partial(f->m, f->cf, f->in, f->line, &sum, NULL)
			: crm_model_summary(f->m, f->cf, 0, 0, &sum, NULL);

	f->valid = st == CRM_OK;
	if (st == CRM_OK) {
		*out = (crm_value){ sum.npv, 1, "" };
	} else if (st == CRM_EDATA) {   /* as crm_analysis_npv says it */
		*out = (crm_value){ NAN, 0, "not a finite number here (a division by zero or an "
				    "overflow)" };
	} else if ((st = crm_analysis_set(a, p1, x1, err)) != CRM_OK ||
		   (st = crm_analysis_set(a, p2, x2, err)) != CRM_OK ||
		   (st = crm_analysis_npv(a, out, err)) != CRM_OK) {
		return st;
	}
	return CRM_OK;
}

/*
 * Rows first .. first + count - 1 of a JSON table: the rows of "values" into
 * b (each after ",\n    " but the table's first), and an entry of
 * "undefined" for each null into u, each after ", ". Written through the
 * output layer's json_number and json_string, as every JSON number and string.
 */
static crm_status sweep_json_rows(size_t ncols, const crm_value *cells, size_t first,
				  size_t count, struct textbuf *b, struct textbuf *u, crm_error *err)
{
	struct textbuf *to[2] = { b, u };
	FILE *fp[2];

	for (int k = 0; k < 2; k++)
		if (!(fp[k] = open_memstream(&to[k]->p, &to[k]->len))) {
			if (k)
				fclose(fp[0]);
			return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		}
	for (size_t r = 0; r < count; r++) {
		fputs(first + r ? ",\n    [" : "\n    [", fp[0]);
		for (size_t c = 0; c < ncols; c++) {
			const crm_value *v = &cells[r * ncols + c];
			fputs(c ? ", " : "", fp[0]);
			if (v->ok) {
				json_number(fp[0], v->v);
				continue;
			}
			fputs("null", fp[0]);
			fprintf(fp[1], ", {\"row\": %zu, \"column\": %zu, \"why\": ", first + r, c);
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
	return bad ? crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory") : CRM_OK;
}

/* Rows first .. first + count - 1 of the table as CSV or JSON text, into b (and u). */
static crm_status sweep_chunk(const struct sweep_stream *s, crm_analysis *a, struct fast_npv *f,
			      crm_value *cells, size_t first, size_t count, struct textbuf *b,
			      struct textbuf *u, crm_error *err)
{
	const struct sens_opts *o = s->o;
	const struct vary *v1 = &o->vary[0], *v2 = &o->vary[1];
	const crm_param *p1 = &s->j->vp[0], *p2 = &s->j->vp[1];
	crm_metric_id m = o->metrics[0];
	crm_status st;

	if (f) {
		for (size_t r = 0; r < count; r++) {
			double x1 = vary_value(v1, first + r);
			fast_npv_set(f, p1, x1);
			for (size_t c = 0; c < v2->n; c++) {
				double x2 = vary_value(v2, c);
				fast_npv_set(f, p2, x2);
				if ((st = fast_npv_cell(f, c > 0, a, p1, x1, p2, x2, &cells[r * v2->n + c],
							err)) != CRM_OK)
					return st;
			}
		}
	} else if (p2->kind == CRM_PARAM_SETTING && p1->kind != CRM_PARAM_SETTING) {
		/* A setting rebuilds the model when it changes: it goes in the outer loop. */
		for (size_t c = 0; c < v2->n; c++) {
			if ((st = crm_analysis_set(a, p2, vary_value(v2, c), err)) != CRM_OK)
				return st;
			for (size_t r = 0; r < count; r++)
				if ((st = crm_analysis_set(a, p1, vary_value(v1, first + r), err)) != CRM_OK ||
				    (st = sweep_cell(a, m, &cells[r * v2->n + c], err)) != CRM_OK)
					return st;
		}
	} else {
		for (size_t r = 0; r < count; r++) {
			if ((st = crm_analysis_set(a, p1, vary_value(v1, first + r), err)) != CRM_OK)
				return st;
			for (size_t c = 0; c < v2->n; c++)
				if ((st = crm_analysis_set(a, p2, vary_value(v2, c), err)) != CRM_OK ||
				    (st = sweep_cell(a, m, &cells[r * v2->n + c], err)) != CRM_OK)
					return st;
		}
	}
	if (o->fmt == FMT_JSON) {
		free(b->p);
		free(u->p);
		memset(b, 0, sizeof *b);
		memset(u, 0, sizeof *u);
		return sweep_json_rows(v2->n, cells, first, count, b, u, err);
	}
	b->len = 0;
	for (size_t r = 0; r < count; r++) {
		const crm_value *row = &cells[r * v2->n];
		const char *why = NULL;
		size_t nundef = 0;
		if (tb_reserve(b, (v2->n + 1) * (FMT_SHORTEST_MAX + 1)) != 0)
			goto nomem;
		tb_number(b, vary_shown(v1, first + r));
		for (size_t c = 0; c < v2->n; c++) {
			b->p[b->len++] = ',';
			if (row[c].ok) {
				tb_number(b, row[c].v);
			} else {
				why = why ? why : row[c].why;
				nundef++;
			}
		}
		if (tb_reserve(b, 1) != 0)
			goto nomem;
		b->p[b->len++] = ',';
		/* Cells hold numbers only; the last column says why a row has empty cells. */
		if (why) {
			char *note = dup_printf("%zu undefined: %s", nundef, why);
			int rc = tb_field(b, note ? note : why);
			free(note);
			if (rc != 0)
				goto nomem;
		}
		if (s->j->only[0]) {   /* --only: the classes counted, after the note */
			if (tb_reserve(b, 1) != 0)
				goto nomem;
			b->p[b->len++] = ',';
			if (tb_field(b, s->j->only) != 0)
				goto nomem;
		}
		if (tb_reserve(b, 2) != 0)
			goto nomem;
		b->p[b->len++] = '\r';
		b->p[b->len++] = '\n';
	}
	return CRM_OK;
nomem:
	return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
}

static void *sweep_worker(void *arg)
{
	struct sweep_stream *s = arg;
	crm_error err;
	crm_analysis *a;
	crm_value *cells;

	struct fast_npv fast, *f = NULL;

	crm_error_clear(&err);
	a = crm_analysis_new(s->j->sc, &err);
	/* Every thread takes the same way: the model decides, not the thread. */
	if (a && s->fast) {
		if (fast_npv_new(&fast, s->j->sc, &s->j->vp[1], &err) != CRM_OK) {
			crm_analysis_free(a);
			a = NULL;
		} else if (crm_model_summary_fast(fast.m)) {
			f = &fast;
		} else {
			fast_npv_free(&fast);
		}
	}
	cells = malloc(s->rows_per_chunk * s->o->vary[1].n * sizeof *cells);
	for (;;) {
		pthread_mutex_lock(&s->mu);
		while (!s->stop && s->next < s->nchunks && s->next - s->written >= s->nslots)
			pthread_cond_wait(&s->cv, &s->mu);
		if (s->stop || s->next >= s->nchunks) {
			pthread_mutex_unlock(&s->mu);
			break;
		}
		size_t c = s->next++;
		struct sweep_slot *sl = &s->slot[c % s->nslots];
		sl->state = SLOT_BUSY;
		pthread_mutex_unlock(&s->mu);

		size_t first = c * s->rows_per_chunk;
		size_t count = s->o->vary[0].n - first < s->rows_per_chunk
			       ? s->o->vary[0].n - first : s->rows_per_chunk;
		crm_error_clear(&sl->err);
		if (!a)
			sl->st = crm_error_set(&sl->err, err.status, err.file, err.line, err.col, "%s",
					       err.msg);
		else if (!cells)
			sl->st = crm_error_set(&sl->err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		else
			sl->st = sweep_chunk(s, a, f, cells, first, count, &sl->text, &sl->undef,
					     &sl->err);

		pthread_mutex_lock(&s->mu);
		sl->state = SLOT_READY;
		pthread_cond_broadcast(&s->cv);
		pthread_mutex_unlock(&s->mu);
	}
	free(cells);
	if (f)
		fast_npv_free(f);
	crm_analysis_free(a);
	return NULL;
}

/*
 * The JSON entries of "undefined" are known only chunk by chunk, after the
 * values they follow: they wait in a temporary file, so that memory does not
 * grow with them either. Copied to fp at the end.
 */
static crm_status copy_undefined(FILE *tmp, FILE *fp, const struct sens_opts *o, crm_error *err)
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
		return crm_error_set(err, CRM_EIO, o->output ? o->output : "<stdout>", 0, 0,
				     "cannot write: %s", strerror(errno ? errno : EIO));
	return CRM_OK;
}

static crm_status sweep_stream_two_way(const struct sens_opts *o, struct job *j, FILE *fp,
				       crm_error *err)
{
	const struct vary *v1 = &o->vary[0], *v2 = &o->vary[1];
	struct sweep_stream s;
	crm_status st = CRM_OK;
	char line[600];
	int jobs = o->jobs > 0 ? o->jobs : 1;
	FILE *undef = NULL;
	int any_undef = 0;

	if (o->fmt == FMT_CSV) {
		snprintf(line, sizeof line, "%s \\ %s", j->vp[0].name, j->vp[1].name);
		csv_field(fp, line, 1);
		for (size_t c = 0; c < v2->n; c++)
			csv_number(fp, vary_shown(v2, c), 0);
		csv_field(fp, "note", 0);
		if (j->only[0])
			csv_field(fp, "only", 0);
		csv_end(fp);
	} else {
		if (!(undef = tmpfile()))
			return crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot create a temporary file: %s",
					     strerror(errno));
		json_head(fp, j, "sweep", o->metrics[0]);
		fputs(",\n  \"rows\": ", fp);
		json_string(fp, j->vp[0].name);
		fputs(",\n  \"columns\": ", fp);
		json_string(fp, j->vp[1].name);
		fputs(",\n  \"row_values\": [", fp);
		for (size_t r = 0; r < v1->n; r++) {
			fputs(r ? ", " : "", fp);
			json_number(fp, vary_shown(v1, r));
		}
		fputs("],\n  \"column_values\": [", fp);
		for (size_t c = 0; c < v2->n; c++) {
			fputs(c ? ", " : "", fp);
			json_number(fp, vary_shown(v2, c));
		}
		fputs("],\n  \"values\": [", fp);
	}

	memset(&s, 0, sizeof s);
	s.o = o;
	s.j = j;
	s.fast = o->metrics[0] == CRM_METRIC_NPV && j->vp[0].kind != CRM_PARAM_SETTING &&
		 j->vp[1].kind != CRM_PARAM_SETTING;
	/* Chunks of about SWEEP_CHUNK_CELLS cells, and at least SWEEP_SLOTS_PER_JOB per thread. */
	s.rows_per_chunk = SWEEP_CHUNK_CELLS / v2->n ? SWEEP_CHUNK_CELLS / v2->n : 1;
	size_t even = (v1->n + (size_t)jobs * SWEEP_SLOTS_PER_JOB - 1) /
		      ((size_t)jobs * SWEEP_SLOTS_PER_JOB);
	if (even < s.rows_per_chunk)
		s.rows_per_chunk = even;
	s.nchunks = (v1->n + s.rows_per_chunk - 1) / s.rows_per_chunk;
	if ((size_t)jobs > s.nchunks)
		jobs = (int)s.nchunks;
	s.nslots = (size_t)jobs * SWEEP_SLOTS_PER_JOB;
	s.slot = calloc(s.nslots, sizeof *s.slot);
	pthread_t *tid = calloc((size_t)jobs, sizeof *tid);
	if (!s.slot || !tid) {
		free(s.slot);
		free(tid);
		if (undef)
			fclose(undef);
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	}
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	int started = 0;
	for (int t = 0; t < jobs; t++, started++)
		if (pthread_create(&tid[t], NULL, sweep_worker, &s) != 0)
			break;
	if (!started)
		st = crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "cannot start a thread");
	for (size_t c = 0; c < s.nchunks && st == CRM_OK; c++) {
		struct sweep_slot *sl = &s.slot[c % s.nslots];
		pthread_mutex_lock(&s.mu);
		while (sl->state != SLOT_READY)
			pthread_cond_wait(&s.cv, &s.mu);
		pthread_mutex_unlock(&s.mu);
		if (sl->st != CRM_OK) {
			*err = sl->err;
			st = sl->st;
		} else if (fwrite(sl->text.p, 1, sl->text.len, fp) != sl->text.len || ferror(fp)) {
			st = crm_error_set(err, CRM_EIO, o->output ? o->output : "<stdout>", 0, 0,
					   "cannot write: %s", strerror(errno ? errno : EIO));
		} else if (undef && sl->undef.len) {
			/* Each entry follows ", ": not the first of the table. */
			size_t skip = any_undef ? 0 : 2;
			if (fwrite(sl->undef.p + skip, 1, sl->undef.len - skip, undef) !=
			    sl->undef.len - skip)
				st = crm_error_set(err, CRM_EIO, NULL, 0, 0, "cannot write a temporary "
						   "file: %s", strerror(errno));
			any_undef = 1;
		}
		pthread_mutex_lock(&s.mu);
		sl->state = SLOT_FREE;
		s.written++;
		if (st != CRM_OK)
			s.stop = 1;
		pthread_cond_broadcast(&s.cv);
		pthread_mutex_unlock(&s.mu);
	}
	for (int t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	pthread_cond_destroy(&s.cv);
	pthread_mutex_destroy(&s.mu);
	for (size_t i = 0; i < s.nslots; i++) {
		free(s.slot[i].text.p);
		free(s.slot[i].undef.p);
	}
	free(s.slot);
	free(tid);
	if (undef) {
		if (st == CRM_OK) {
			fputs("\n  ],\n  \"undefined\": [", fp);
			st = copy_undefined(undef, fp, o, err);
			fputs("]\n}", fp);
		}
		fclose(undef);
	}
	return st;
}

static crm_status sweep_two_way(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const struct vary *v1 = &o->vary[0], *v2 = &o->vary[1];
	const crm_param *p1 = &j->vp[0], *p2 = &j->vp[1];
	crm_metric_id m = o->metrics[0];
	const crm_metric_info *mi = crm_metric_info_of(m);
	crm_value *cells;
	crm_status st = CRM_OK;
	char line[600], a[64], buf[64];

	if (o->fmt == FMT_CSV || o->fmt == FMT_JSON)
		return sweep_stream_two_way(o, j, fp, err);
	if (!(cells = malloc(v1->n * v2->n * sizeof *cells)))
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory for a %zu x %zu data "
				     "table", v1->n, v2->n);
	/*
	 * A setting rebuilds the model when it changes, so it goes in the outer
	 * loop; the output keeps the order asked for.
	 */
	int swap = p2->kind == CRM_PARAM_SETTING && p1->kind != CRM_PARAM_SETTING;
	const crm_param *po = swap ? p2 : p1, *pi = swap ? p1 : p2;
	const struct vary *vo = swap ? v2 : v1, *vi = swap ? v1 : v2;
	for (size_t a_ = 0; a_ < vo->n && st == CRM_OK; a_++) {
		if ((st = crm_analysis_set(j->a, po, vary_value(vo, a_), err)))
			break;
		for (size_t b_ = 0; b_ < vi->n; b_++) {
			crm_value *c = swap ? &cells[b_ * v2->n + a_] : &cells[a_ * v2->n + b_];
			if ((st = crm_analysis_set(j->a, pi, vary_value(vi, b_), err)) != CRM_OK ||
			    (st = sweep_cell(j->a, m, c, err)) != CRM_OK)
				break;
		}
	}
	crm_analysis_reset(j->a, p1);
	crm_analysis_reset(j->a, p2);
	if (st != CRM_OK) {
		free(cells);
		return st;
	}
	int u1 = p1->unit == CRM_UNIT_RATE ? CRM_UNIT_RATE : CRM_UNIT_NUMBER;
	int u2 = p2->unit == CRM_UNIT_RATE ? CRM_UNIT_RATE : CRM_UNIT_NUMBER;
	/* Text and markdown: a table for people, laid out whole (at most 1,000,000 cells). */
	{
		rtable t;
		if (rtable_init(&t, v2->n + 1) != 0) {
			free(cells);
			return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		}
		snprintf(line, sizeof line, "%s \\ %s", p1->name, p2->name);
		rtable_col(&t, 0, line, line, u1);
		for (size_t b_ = 0; b_ < v2->n; b_++) {
			fmt_unit(buf, sizeof buf, vary_shown(v2, b_), u2);
			rtable_col(&t, b_ + 1, buf, buf, mi->unit);
		}
		for (size_t a_ = 0; a_ < v1->n; a_++) {
			long row = rtable_row(&t);
			if (row < 0)
				break;
			rtable_num(&t, row, 0, vary_shown(v1, a_));
			for (size_t b_ = 0; b_ < v2->n; b_++)
				rtable_value(&t, row, b_ + 1, &cells[a_ * v2->n + b_]);
		}
		title_line(fp, j, o->fmt, "Data table");
		snprintf(line, sizeof line, "%s by two inputs, everything else at its base value.",
			 mi->label);
		note_line(fp, o->fmt, line);
		vary_label(v1, p1, a, sizeof a);
		snprintf(line, sizeof line, "Rows: %s", a);
		note_line(fp, o->fmt, line);
		vary_label(v2, p2, a, sizeof a);
		snprintf(line, sizeof line, "Columns: %s", a);
		note_line(fp, o->fmt, line);
		print_table(&t, o->fmt, fp);
		rtable_free(&t);
	}
	free(cells);
	return CRM_OK;
}

static crm_status run_breakeven(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const sens_view_opts vo = view_opts(o, j);
	crm_metric_id m = o->metrics[0];
	size_t nparams = o->input ? 1 : j->sc->ninputs, n;
	crm_status st, fail_st = CRM_OK;
	crm_error fail;
	crm_value base;

	if ((st = crm_analysis_eval(j->a, &m, 1, &base, err)) != CRM_OK)
		return st;
	sens_view_breakeven_row *rows = calloc(nparams + 1, sizeof *rows);
	if (!rows)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	for (n = 0; n < nparams; n++) {
		sens_view_breakeven_row *r = &rows[n];
		crm_param p;
		if (o->input)
			p = j->input;
		else if ((st = crm_param_find(j->sc, j->sc->inputs[n].name, &p, err)) != CRM_OK)
			break;
		if (o->interval_given) {
			r->lo = o->lo;
			r->hi = o->hi;
		} else {
			crm_breakeven_interval(&p, &r->lo, &r->hi);
		}
		st = crm_breakeven_solve(j->a, &p, m, o->target, r->lo, r->hi, &r->be, err);
		r->be.param = p;
		if (st != CRM_OK && st != CRM_ENOMEM && !o->input) {
			/* One input that cannot be searched leaves the others' rows: n/a with why. */
			snprintf(r->why_not, sizeof r->why_not, "%s", err->msg);
			/* The first such error is the command's, once the table is out (exit 1). */
			if (fail_st == CRM_OK) {
				fail_st = CRM_EDATA;
				fail = *err;
			}
			crm_error_clear(err);
			st = CRM_OK;
			continue;
		}
		if (st != CRM_OK)
			break;
		r->searched = 1;
		if (r->be.status == CRM_BE_FLAT)
			r->left_out = left_out_classes(j, &p);
	}
	if (st == CRM_OK) {
		const sens_view_breakeven_search q = { o->target, o->interval_given, o->input != NULL };
		st = sens_view_breakeven(fp, &vo, j->sc, m, &q, rows, n, &base, err);
	}
	free(rows);
	if (st == CRM_OK && fail_st != CRM_OK) {
		*err = fail;
		st = fail_st;
	}
	return st;
}

/* ------------------------------------------------------------------ driver */

static void jobs_free(struct job *jobs, int n)
{
	for (int i = 0; i < n; i++) {
		crm_analysis_free(jobs[i].a);
		crm_model_free(jobs[i].deps);
		crm_scenario_free(jobs[i].sc);
	}
	free(jobs);
}

static int prepare(const struct sens_opts *o, struct job *j, const char *path)
{
	crm_error err;

	crm_error_clear(&err);
	if (!(j->sc = crm_scenario_load(path, &err)))
		return report_error(&err);
	if (o->classes) {
		/* --only: before the analysis copies the settings into its model. */
		j->sc->settings.classes = o->classes;
		explain_class_set(o->classes, j->only, sizeof j->only);
		char warn[2 * EXPLAIN_CLASSES_LEN];
		if (explain_classes_warning(j->sc, 1, warn, sizeof warn))
			fprintf(stderr, "%s: %s\n", progname, warn);
	}
	if (!(j->a = crm_analysis_new(j->sc, &err)))
		return report_error(&err);
	inputs_add(j->sc);
	report_warnings(&j->sc->warnings);
	for (int k = 0; k < o->nvary; k++) {
		if (crm_param_find(j->sc, o->vary[k].name, &j->vp[k], &err) != CRM_OK)
			return usage_error("%s: %s: --vary: %s", o->cmdname, j->sc->file, err.msg);
		if (j->vp[k].whole && !j->vp[k].months) {
			/* A horizon takes whole years only: check every point now, not halfway. */
			for (size_t i = 0; i < o->vary[k].n; i++) {
				double x = vary_value(&o->vary[k], i);
				if (x != floor(x) || x < 1 || x > CRM_MAX_HORIZON_YEARS)
					return usage_error("sweep: --vary %s: %g is not a whole number of "
							   "years from 1 to %d", j->vp[k].name, x,
							   CRM_MAX_HORIZON_YEARS);
			}
		}
	}
	if (o->nvary == 2 && !strcmp(j->vp[0].name, j->vp[1].name))
		return usage_error("sweep: the two --vary options name the same parameter '%s'",
				   j->vp[0].name);
	if (o->input && crm_param_find(j->sc, o->input, &j->input, &err) != CRM_OK)
		return usage_error("breakeven: %s: --input: %s", j->sc->file, err.msg);
	if (o->interval_given && j->input.whole &&
	    (o->lo < j->input.dom_lo || o->hi > j->input.dom_hi))
		return usage_error("breakeven: --interval %g:%g: %s takes whole numbers from %g to %g "
				   "only", o->lo, o->hi, j->input.name, j->input.dom_lo,
				   j->input.dom_hi);
	if (o->interval_given && j->input.has_base &&
	    (j->input.base < o->lo || j->input.base > o->hi))
		return usage_error("breakeven: --interval %g:%g does not contain the base value %g of "
				   "%s (the break-even nearest the base is searched from it)",
				   o->lo, o->hi, j->input.base, j->input.name);
	/* A setting's interval is checked against what it accepts now, not at point 51. */
	if (o->interval_given && j->input.kind == CRM_PARAM_SETTING && !j->input.whole) {
		double ends[2] = { o->lo, o->hi };
		for (int e = 0; e < 2; e++) {
			if (crm_analysis_set(j->a, &j->input, ends[e], &err) != CRM_OK)
				return usage_error("breakeven: --interval %s", err.msg);
			crm_analysis_reset(j->a, &j->input);
		}
	}
	/* Data tables check their values against the setting now, not at point 731. */
	for (int k = 0; k < o->nvary; k++) {
		if (j->vp[k].kind != CRM_PARAM_SETTING || j->vp[k].whole)
			continue;
		const struct vary *v = &o->vary[k];
		double ends[2] = { vary_value(v, 0), vary_value(v, v->n - 1) };
		for (int e = 0; e < 2; e++) {
			if (crm_analysis_set(j->a, &j->vp[k], ends[e], &err) != CRM_OK)
				return usage_error("sweep: --vary %s", err.msg);
			crm_analysis_reset(j->a, &j->vp[k]);
		}
	}
	return EXIT_OK;
}

static int sens_main(enum sens_cmd cmd, const char *cmdname, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "metric", required_argument, NULL, 'm' },
		{ "pct", required_argument, NULL, 'p' },
		{ "steps", required_argument, NULL, 's' },
		{ "vary", required_argument, NULL, 'v' },
		{ "input", required_argument, NULL, 'i' },
		{ "target", required_argument, NULL, 't' },
		{ "interval", required_argument, NULL, 'I' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "only", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	/* Which options each command takes. */
	static const char *const allowed[] = {
		[SENS_TORNADO] = "fomphO", [SENS_SPIDER] = "fomshO", [SENS_SWEEP] = "fomvjhO",
		[SENS_BREAKEVEN] = "fomitIhO",
	};
	struct sens_opts o;
	int c, status = EXIT_OK, nfiles, li;
	struct job *jobs = NULL;
	char listbuf[512];

	memset(&o, 0, sizeof o);
	o.cmd = cmd;
	o.cmdname = cmdname;
	o.metrics[0] = CRM_METRIC_NPV;
	o.nmetrics = 1;
	static const double default_steps[] = { -30, -20, -10, 0, 10, 20, 30 };
	memcpy(o.steps, default_steps, sizeof default_steps);
	o.nsteps = 7;
	long nproc = sysconf(_SC_NPROCESSORS_ONLN);
	o.jobs = nproc > 0 ? (int)nproc : 1;
	if (cmd == SENS_SWEEP) {
		/* A one-way data table shows every metric unless --metric picks some. */
		static const crm_metric_id all[] = { CRM_METRIC_NPV, CRM_METRIC_ROI, CRM_METRIC_IRR,
			CRM_METRIC_MIRR, CRM_METRIC_PAYBACK, CRM_METRIC_DPAYBACK,
			CRM_METRIC_PV_BENEFITS, CRM_METRIC_PV_COSTS, CRM_METRIC_BCR };
		memcpy(o.metrics, all, sizeof all);
		o.nmetrics = sizeof all / sizeof *all;
	}
	int metric_given = 0;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:m:j:h", longopts, &li)) != -1) {
		if (c != ':' && c != '?' && !strchr(allowed[cmd], c)) {
			const char *name = "?";
			for (const struct option *lo = longopts; lo->name; lo++)
				if (lo->val == c)
					name = lo->name;
			status = usage_error("%s: option '--%s' is not one of this command's (see "
					     "'crmroi help %s')", cmdname, name, cmdname);
			goto done;
		}
		switch (c) {
		case 'f':
			if (parse_format(optarg, &o.fmt) != 0) {
				status = usage_error("%s: unknown format '%s' (expected text, csv, json or "
						     "markdown)", cmdname, optarg);
				goto done;
			}
			break;
		case 'o':
			o.output = optarg;
			break;
		case 'm':
			snprintf(listbuf, sizeof listbuf, "%s", optarg);
			if (parse_metrics(&o, listbuf) != 0) {
				status = EXIT_USAGE;
				goto done;
			}
			metric_given = 1;
			break;
		case 'p':
			if (parse_num("--pct", optarg, &o.pct) != 0 || o.pct <= 0 || o.pct >= 100) {
				status = o.pct <= 0 || o.pct >= 100
					 ? usage_error("tornado: --pct takes a percentage above 0 and "
						       "below 100, not '%s'", optarg) : EXIT_USAGE;
				goto done;
			}
			break;
		case 's':
			snprintf(listbuf, sizeof listbuf, "%s", optarg);
			if (parse_steps(&o, listbuf) != 0) {
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'v':
			if (parse_vary(&o, optarg) != 0) {
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'i':
			o.input = optarg;
			break;
		case 't':
			if (parse_num("--target", optarg, &o.target) != 0) {
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'I':
			if (parse_interval(&o, optarg) != 0) {
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'j': {
			double jv;
			char why[512];
			if (crm_parse_number(optarg, &jv, NULL, why, sizeof why) != CRM_OK || jv < 1 ||
			    jv > 256 || jv != floor(jv)) {
				status = usage_error("%s: --jobs takes 1 to 256, not '%s'", cmdname, optarg);
				goto done;
			}
			o.jobs = (int)jv;
			break;
		}
		case 'O': {
			crm_error cerr;
			crm_error_clear(&cerr);
			if (crm_classes_parse(optarg, &o.classes, &cerr) != CRM_OK) {
				status = command_usage_error(cmdname, "%s: --only: %s", cmdname,
							     cerr.msg);
				goto done;
			}
			break;
		}
		case 'h':
			print_command_help(find_command(cmdname), stdout);
			goto done;
		case ':':
			status = usage_error("%s: option '%s' needs a value", cmdname, argv[optind - 1]);
			goto done;
		default:
			status = usage_error("%s: unknown option '%s'", cmdname, argv[optind - 1]);
			goto done;
		}
	}
	if (o.interval_given && !o.input) {
		status = usage_error("breakeven: --interval needs --input (each input has its own "
				     "scale)");
		goto done;
	}
	if (cmd != SENS_SWEEP && o.nmetrics > 1) {
		status = usage_error("%s: --metric takes one metric here", cmdname);
		goto done;
	}
	if (cmd == SENS_SWEEP && o.nvary == 0) {
		status = usage_error("sweep: give --vary NAME=FROM:TO:STEP (once for a one-way data "
				     "table, twice for a two-way one)");
		goto done;
	}
	if (cmd == SENS_SWEEP && o.nvary == 2) {
		if (!metric_given)
			o.nmetrics = 1;   /* NPV */
		else if (o.nmetrics > 1) {
			status = usage_error("sweep: a two-way data table shows one metric");
			goto done;
		}
		if ((double)o.vary[0].n * (double)o.vary[1].n > CRM_SWEEP_MAX_POINTS) {
			status = usage_error("sweep: %zu x %zu points is more than the %.0f a data table "
					     "may have (use larger steps)", o.vary[0].n, o.vary[1].n,
					     CRM_SWEEP_MAX_POINTS);
			goto done;
		}
	}
	if (cmd == SENS_SWEEP && (o.fmt == FMT_TEXT || o.fmt == FMT_MARKDOWN)) {
		double cells = o.nvary == 1 ? (double)o.vary[0].n * (double)(o.nmetrics + 1)
					    : (double)o.vary[0].n * (double)(o.vary[1].n + 1);
		if (cells > SWEEP_PEOPLE_MAX_CELLS) {
			status = usage_error("sweep: a text or markdown data table shows at most "
					     "1,000,000 cells, and this one would have %.0f: use -f csv or "
					     "-f json, or larger steps", cells);
			goto done;
		}
	}
	nfiles = argc - optind;
	if (nfiles < 1) {
		status = usage_error("%s: no scenario file given", cmdname);
		goto done;
	}
	jobs = calloc((size_t)nfiles, sizeof *jobs);
	if (!jobs) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (int i = 0; i < nfiles; i++) {
		int st = prepare(&o, &jobs[i], argv[optind + i]);
		if (st != EXIT_OK && (status == EXIT_OK || st == EXIT_DATA))
			status = st;
	}
	if (status != EXIT_OK)
		goto done;

	out_sink sink;
	crm_error err;
	crm_error_clear(&err);
	if (sink_open(&sink, o.output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	for (int i = 0; i < nfiles && status == EXIT_OK; i++) {
		crm_status st = CRM_OK;
		sens_view_begin_item(sink.fp, o.fmt, i, nfiles);
		switch (cmd) {
		case SENS_TORNADO: st = run_tornado(&o, &jobs[i], sink.fp, &err); break;
		case SENS_SPIDER: st = run_spider(&o, &jobs[i], sink.fp, &err); break;
		case SENS_SWEEP:
			st = o.nvary == 1 ? sweep_one_way(&o, &jobs[i], sink.fp, &err)
					  : sweep_two_way(&o, &jobs[i], sink.fp, &err);
			break;
		case SENS_BREAKEVEN: st = run_breakeven(&o, &jobs[i], sink.fp, &err); break;
		}
		sens_view_end_item(sink.fp, o.fmt, nfiles);
		if (st != CRM_OK) {
			if (!err.file[0])
				snprintf(err.file, sizeof err.file, "%s", jobs[i].sc->file);
			status = report_error(&err);
		}
	}
	if (status != EXIT_OK) {
		sink_abort(&sink);
		goto done;
	}
	sens_view_end_list(sink.fp, o.fmt, nfiles);
	if (sink_commit(&sink, &err) != 0)
		status = report_error(&err);
done:
	if (jobs)
		jobs_free(jobs, argc - optind);
	for (int k = 0; k < o.nvary; k++)
		free(o.vary[k].name);
	return status;
}

int cmd_tornado(int argc, char **argv) { return sens_main(SENS_TORNADO, "tornado", argc, argv); }
int cmd_spider(int argc, char **argv) { return sens_main(SENS_SPIDER, "spider", argc, argv); }
int cmd_sweep(int argc, char **argv) { return sens_main(SENS_SWEEP, "sweep", argc, argv); }
int cmd_breakeven(int argc, char **argv) { return sens_main(SENS_BREAKEVEN, "breakeven", argc, argv); }
