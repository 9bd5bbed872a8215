/*
 * cmd_sens.c - sensitivity commands: tornado, spider, sweep, breakeven.
 *
 * They share their options and their shape: every scenario is loaded and
 * its parameters resolved before anything is written, then each scenario's
 * result is computed by the library (crm_tornado, crm_spider,
 * crm_breakeven_solve, crmroi/datatable.h) and handed to sens_view.c, which
 * writes it to the output (stdout or a file written whole or not at all).
 * What is here: options, loading, calling the core, warnings, errors and
 * exit statuses; not how a result looks, nor how a data table is computed.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "explain.h"
#include "options.h"
#include "sens_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum sens_cmd { SENS_TORNADO, SENS_SPIDER, SENS_SWEEP, SENS_BREAKEVEN };

struct vary {
	char *name;
	crm_datatable_axis ax;
};

struct sens_opts {
	int metric_given;     /* --metric was given */
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
	int jobs;             /* sweep: threads computing a two-way table */
	const char *input;
	double target;
	int interval_given;
	double lo, hi;
	double probability;   /* breakeven --probability; 0 when not given */
	uint64_t draws, seed;
	unsigned classes;     /* --only: the benefit classes counted; 0 = each scenario's own */
};

/* One scenario, loaded and ready. */
struct job {
	crm_scenario *sc;
	crm_analysis *a;
	crm_param vp[2];      /* sweep: the varied parameters */
	crm_param input;      /* breakeven --input */
	char only[256];       /* --only: the classes counted ("cash,flexibility"); "" without */
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
	double from, to, step;
	if (parse_num("--vary FROM", parts[0], &from) || parse_num("--vary TO", parts[1], &to) ||
	    parse_num("--vary STEP", parts[2], &step))
		return -1;
	v->name = strndup(arg, (size_t)(eq - arg));
	if (!v->name)
		return -1;
	crm_error err;
	crm_error_clear(&err);
	if (crm_datatable_axis_init(&v->ax, from, to, step, CRM_SWEEP_MAX_POINTS, &err) != CRM_OK) {
		usage_error("sweep: --vary %s: %s", v->name, err.msg);
		free(v->name);
		v->name = NULL;
		return -1;
	}
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

/* ---------------------------------------------------------------- results */

static sens_view_opts view_opts(const struct sens_opts *o, const struct job *j)
{
	return (sens_view_opts){ o->fmt, j->only, o->output ? o->output : "<stdout>" };
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
			left_out[i] = crm_param_left_out(j->a, &rows[i].param);
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

/*
 * Bounds of a data table (documented in crmroi(1), LIMITS). A one-way table in
 * CSV or JSON is evaluated and written SENS_VIEW_SWEEP_BLOCK rows at a time,
 * and a two-way one in blocks of a few rows (crm_datatable_two_way_stream),
 * so their memory does not grow with their points; so is a two-way table for
 * people (text, markdown). A one-way table for people is laid out whole, up
 * to SWEEP_PEOPLE_MAX_CELLS cells.
 */
#define SWEEP_PEOPLE_MAX_CELLS 1000000.0

static crm_status sweep_one_way(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const sens_view_opts vo = view_opts(o, j);
	const crm_datatable_axis *ax = &o->vary[0].ax;
	const crm_param *p = &j->vp[0];
	sens_view_sweep w;
	crm_status st;

	if ((st = sens_view_sweep_begin(&w, fp, &vo, j->sc, p, ax, o->metrics, o->nmetrics,
					err)) != CRM_OK)
		return st;
	/*
	 * Which columns of a CSV table have an undefined value somewhere is known
	 * only after every point: a table of several blocks is evaluated twice
	 * rather than kept.
	 */
	if (sens_view_sweep_two_pass(&w))
		st = crm_datatable_one_way(j->a, p, ax, o->metrics, o->nmetrics, SENS_VIEW_SWEEP_BLOCK,
					   sens_view_sweep_undefined, &w, err);
	if (st == CRM_OK)
		st = crm_datatable_one_way(j->a, p, ax, o->metrics, o->nmetrics, SENS_VIEW_SWEEP_BLOCK,
					   sens_view_sweep_rows, &w, err);
	return sens_view_sweep_end(&w, st, err);
}

static crm_status sweep_two_way(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	const sens_view_opts vo = view_opts(o, j);
	const crm_datatable_axis *ax1 = &o->vary[0].ax, *ax2 = &o->vary[1].ax;
	const crm_param *p1 = &j->vp[0], *p2 = &j->vp[1];
	crm_metric_id m = o->metrics[0];
	crm_status st;

	if (o->fmt == FMT_CSV || o->fmt == FMT_JSON) {
		/* Streamed: blocks computed by --jobs threads, written in order as they come. */
		sens_view_grid g;
		if ((st = sens_view_grid_begin(&g, fp, &vo, j->sc, p1, ax1, p2, ax2, m, err)) != CRM_OK)
			return st;
		const crm_datatable_stream s = { o->jobs, sens_view_grid_prepare, sens_view_grid_emit,
						 sens_view_grid_release, &g };
		st = crm_datatable_two_way_stream(j->sc, p1, ax1, p2, ax2, m, &s, err);
		return sens_view_grid_end(&g, st, err);
	}
	/*
	 * Text and markdown, streamed too: text measures its columns in a first
	 * pass, then computes and prints its blocks of columns one at a time.
	 */
	sens_view_people g;
	if ((st = sens_view_people_begin(&g, fp, &vo, j->sc, p1, ax1, p2, ax2, m, err)) != CRM_OK)
		return st;
	if (sens_view_people_measuring(&g)) {
		const crm_datatable_stream s = { o->jobs, NULL, sens_view_people_measure, NULL, &g };
		st = crm_datatable_two_way_stream(j->sc, p1, ax1, p2, ax2, m, &s, err);
	}
	size_t first, n;
	while (st == CRM_OK && sens_view_people_part(&g, &first, &n, &st, err)) {
		crm_datatable_axis part;
		crm_datatable_axis_part(ax2, first, n, &part);
		const crm_datatable_stream s = { o->jobs, NULL, sens_view_people_rows, NULL, &g };
		st = crm_datatable_two_way_stream(j->sc, p1, ax1, p2, &part, m, &s, err);
	}
	return sens_view_people_end(&g, st, err);
}

/*
 * breakeven --probability: the value of the input at which P(NPV < 0) is the
 * target, searched in --interval or from 0 to 10 times its base within its
 * domain.
 */
static crm_status run_prob_goal(const struct sens_opts *o, struct job *j, FILE *fp,
				crm_error *err)
{
	const sens_view_opts vo = view_opts(o, j);
	const crm_param *p = &j->input;
	double lo = o->lo, hi = o->hi;
	crm_prob_goal g;
	crm_status st;

	if (p->kind != CRM_PARAM_INPUT || !p->has_base)
		return crm_error_set(err, CRM_EUSAGE, j->sc->file, p->loc.line, p->loc.col,
				     "--probability: '%s' is not an input with a single base value",
				     p->name);
	if (!o->interval_given) {
		lo = fmax(fmin(0, 10 * p->base), p->dom_lo);
		hi = fmin(fmax(0, 10 * p->base), p->dom_hi);
		if (!(lo < hi) || !isfinite(lo) || !isfinite(hi))
			return crm_error_set(err, CRM_EUSAGE, j->sc->file, p->loc.line, p->loc.col,
					     "--probability: the base of '%s' is 0: give --interval "
					     "LOW:HIGH", p->name);
	}
	if ((st = crm_prob_goal_seek(j->sc, (size_t)p->index, o->probability, lo, hi, o->draws,
				     o->seed, &g, err)) != CRM_OK)
		return st;
	return sens_view_prob_goal(fp, &vo, j->sc, p, o->probability, o->seed, &g, err);
}

static crm_status run_breakeven(const struct sens_opts *o, struct job *j, FILE *fp, crm_error *err)
{
	if (o->probability > 0)
		return run_prob_goal(o, j, fp, err);
	const sens_view_opts vo = view_opts(o, j);
	crm_metric_id m = o->metrics[0];
	size_t nparams = o->input ? 1 : j->sc->ninputs, n;
	const double interval[2] = { o->lo, o->hi };
	crm_status st = CRM_OK;
	crm_error fail;
	crm_value base;

	if ((st = crm_analysis_eval(j->a, &m, 1, &base, err)) != CRM_OK)
		return st;
	crm_param *params = calloc(nparams + 1, sizeof *params);
	crm_breakeven_row *rows = calloc(nparams + 1, sizeof *rows);
	if (!params || !rows) {
		st = crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
		goto done;
	}
	for (n = 0; n < nparams; n++) {
		if (o->input)
			params[n] = j->input;
		else if ((st = crm_param_find(j->sc, j->sc->inputs[n].name, &params[n], err)) != CRM_OK)
			goto done;
	}
	if ((st = crm_breakeven_each(j->a, params, nparams, m, o->target,
				     o->interval_given ? interval : NULL, rows, &fail, err)) != CRM_OK)
		goto done;
	/* --input: a search that cannot be made is the command's error, with no table. */
	if (o->input && fail.status != CRM_OK) {
		*err = fail;
		st = fail.status;
		goto done;
	}
	const sens_view_breakeven_search q = { o->target, o->interval_given, o->input != NULL };
	if ((st = sens_view_breakeven(fp, &vo, j->sc, m, &q, rows, nparams, &base, err)) != CRM_OK)
		goto done;
	/* The first search that could not be made is the command's, once the table is out (exit 1). */
	if (fail.status != CRM_OK) {
		*err = fail;
		st = CRM_EDATA;
	}
done:
	free(params);
	free(rows);
	return st;
}

/* ------------------------------------------------------------------ driver */

static void jobs_free(struct job *jobs, int n)
{
	for (int i = 0; i < n; i++) {
		crm_analysis_free(jobs[i].a);
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
		apply_only(j->sc, o->classes);
		explain_class_set(o->classes, j->only, sizeof j->only);
	}
	if (!(j->a = crm_analysis_new(j->sc, &err)))
		return report_error(&err);
	inputs_add(j->sc);
	if (report_warnings(&j->sc->warnings))
		return EXIT_DATA;   /* --strict */
	for (int k = 0; k < o->nvary; k++) {
		if (crm_param_find(j->sc, o->vary[k].name, &j->vp[k], &err) != CRM_OK)
			return usage_error("%s: %s: --vary: %s", o->cmdname, j->sc->file, err.msg);
		if (j->vp[k].whole && !j->vp[k].months) {
			/* A horizon takes whole years only: check every point now, not halfway. */
			for (size_t i = 0; i < o->vary[k].ax.n; i++) {
				double x = crm_datatable_axis_value(&o->vary[k].ax, i);
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
		const crm_datatable_axis *ax = &o->vary[k].ax;
		double ends[2] = { crm_datatable_axis_value(ax, 0), crm_datatable_axis_value(ax, ax->n - 1) };
		for (int e = 0; e < 2; e++) {
			if (crm_analysis_set(j->a, &j->vp[k], ends[e], &err) != CRM_OK)
				return usage_error("sweep: --vary %s", err.msg);
			crm_analysis_reset(j->a, &j->vp[k]);
		}
	}
	return EXIT_OK;
}

/* One of the command's own options: 0, or the usage error's status. */
static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct sens_opts *o = ctx;
	char listbuf[512];

	switch (id) {
	case OPT_METRIC:
		snprintf(listbuf, sizeof listbuf, "%s", arg);
		if (parse_metrics(o, listbuf) != 0)
			return EXIT_USAGE;
		o->metric_given = 1;
		break;
	case OPT_PCT:
		if (parse_num("--pct", arg, &o->pct) != 0 || o->pct <= 0 || o->pct >= 100)
			return o->pct <= 0 || o->pct >= 100
			       ? usage_error("tornado: --pct takes a percentage above 0 and below 100, "
					     "not '%s'", arg) : EXIT_USAGE;
		break;
	case OPT_STEPS:
		snprintf(listbuf, sizeof listbuf, "%s", arg);
		return parse_steps(o, listbuf) != 0 ? EXIT_USAGE : 0;
	case OPT_VARY:
		return parse_vary(o, arg) != 0 ? EXIT_USAGE : 0;
	case OPT_INPUT:
		o->input = arg;
		break;
	case OPT_TARGET:
		return parse_num("--target", arg, &o->target) != 0 ? EXIT_USAGE : 0;
	case OPT_INTERVAL:
		return parse_interval(o, arg) != 0 ? EXIT_USAGE : 0;
	case OPT_JOBS:
		return cli_jobs(p, arg, &o->jobs);
	case OPT_PROBABILITY: {
		double v;
		int pct = 0;
		char why[512];
		if (crm_parse_number(arg, &v, &pct, why, sizeof why) != CRM_OK || !(v > 0 && v < 1))
			return usage_error("breakeven: --probability takes a probability above 0 and "
					   "below 1, such as 10%% or 0.1, not '%s'", arg);
		o->probability = v;
		break;
	}
	case OPT_DRAWS:
		return cli_count(p, "--draws", arg, 100, 10000000, &o->draws);
	case OPT_SEED:
		return cli_seed(p, arg, &o->seed);
	}
	return 0;
}

static int sens_main(enum sens_cmd cmd, const char *cmdname, int argc, char **argv)
{
	cli_parser p;
	struct sens_opts o;
	int status, nfiles;
	struct job *jobs = NULL;

	memset(&o, 0, sizeof o);
	o.cmd = cmd;
	o.cmdname = cmdname;
	o.metrics[0] = CRM_METRIC_NPV;
	o.nmetrics = 1;
	static const double default_steps[] = { -30, -20, -10, 0, 10, 20, 30 };
	memcpy(o.steps, default_steps, sizeof default_steps);
	o.nsteps = 7;
	o.jobs = cli_processors();
	o.draws = 10000;
	o.seed = 1;
	if (cmd == SENS_SWEEP) {
		/* A one-way data table shows every metric unless --metric picks some. */
		static const crm_metric_id all[] = { CRM_METRIC_NPV, CRM_METRIC_ROI, CRM_METRIC_IRR,
			CRM_METRIC_MIRR, CRM_METRIC_PAYBACK, CRM_METRIC_DPAYBACK,
			CRM_METRIC_PV_BENEFITS, CRM_METRIC_PV_COSTS, CRM_METRIC_BCR };
		memcpy(o.metrics, all, sizeof all);
		o.nmetrics = sizeof all / sizeof *all;
	}
	if ((status = cli_parse(&p, cmdname, argc, argv, parse_option, &o)) >= 0)
		goto done;   /* the --vary names parsed so far are freed there */
	status = EXIT_OK;
	o.fmt = p.fmt;
	o.output = p.output;
	o.classes = p.classes;
	if (o.probability > 0 && !o.input) {
		status = usage_error("breakeven: --probability needs --input (each value tried is a "
				     "simulation)");
		goto done;
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
		if (!o.metric_given)
			o.nmetrics = 1;   /* NPV */
		else if (o.nmetrics > 1) {
			status = usage_error("sweep: a two-way data table shows one metric");
			goto done;
		}
		if ((double)o.vary[0].ax.n * (double)o.vary[1].ax.n > CRM_SWEEP_MAX_POINTS) {
			status = usage_error("sweep: %zu x %zu points is more than the %.0f a data table "
					     "may have (use larger steps)", o.vary[0].ax.n, o.vary[1].ax.n,
					     CRM_SWEEP_MAX_POINTS);
			goto done;
		}
	}
	if (cmd == SENS_SWEEP && o.nvary == 1 && (o.fmt == FMT_TEXT || o.fmt == FMT_MARKDOWN)) {
		double cells = (double)o.vary[0].ax.n * (double)(o.nmetrics + 1);
		if (cells > SWEEP_PEOPLE_MAX_CELLS) {
			status = usage_error("sweep: a one-way text or markdown data table shows at most "
					     "1,000,000 cells, and this one would have %.0f: use -f csv or "
					     "-f json, or larger steps", cells);
			goto done;
		}
	}
	nfiles = p.nargs;
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
		int st = prepare(&o, &jobs[i], p.args[i]);
		if (st != EXIT_OK && (status == EXIT_OK || st == EXIT_DATA))
			status = st;
	}
	if (status != EXIT_OK)
		goto done;

	crm_error err;
	crm_error_clear(&err);
	if ((status = cli_out_open(&p)) != EXIT_OK)
		goto done;
	for (int i = 0; i < nfiles && status == EXIT_OK; i++) {
		crm_status st = CRM_OK;
		sens_view_begin_item(p.out, o.fmt, i, nfiles);
		switch (cmd) {
		case SENS_TORNADO: st = run_tornado(&o, &jobs[i], p.out, &err); break;
		case SENS_SPIDER: st = run_spider(&o, &jobs[i], p.out, &err); break;
		case SENS_SWEEP:
			st = o.nvary == 1 ? sweep_one_way(&o, &jobs[i], p.out, &err)
					  : sweep_two_way(&o, &jobs[i], p.out, &err);
			break;
		case SENS_BREAKEVEN: st = run_breakeven(&o, &jobs[i], p.out, &err); break;
		}
		sens_view_end_item(p.out, o.fmt, nfiles);
		if (st != CRM_OK) {
			if (!err.file[0])
				snprintf(err.file, sizeof err.file, "%s", jobs[i].sc->file);
			status = report_error(&err);
		}
	}
	if (status == EXIT_OK)
		sens_view_end_list(p.out, o.fmt, nfiles);
	status = cli_out_close(&p, status);
done:
	if (jobs)
		jobs_free(jobs, p.nargs);
	for (int k = 0; k < o.nvary; k++)
		free(o.vary[k].name);
	return status;
}

int cmd_tornado(int argc, char **argv) { return sens_main(SENS_TORNADO, "tornado", argc, argv); }
int cmd_spider(int argc, char **argv) { return sens_main(SENS_SPIDER, "spider", argc, argv); }
int cmd_sweep(int argc, char **argv) { return sens_main(SENS_SWEEP, "sweep", argc, argv); }
int cmd_breakeven(int argc, char **argv) { return sens_main(SENS_BREAKEVEN, "breakeven", argc, argv); }
