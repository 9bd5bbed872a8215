/*
 * cmd_simulate.c - `crmroi simulate`: Monte Carlo risk analysis and global
 * sensitivity of one or more scenarios.
 *
 * The command reads its options and the scenarios, runs the simulation with
 * a progress bar on a terminal and feeds the --samples file during it; the
 * results are shown by src/render/simulate_view.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "explain.h"
#include "options.h"
#include "simulate_view.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_DRAWS 100000
#define DEFAULT_CAP 10000000       /* draws at most with --precision and no -n */
#define DEFAULT_SOBOL 4096
#define DEFAULT_SEED 1
/* Draws of the comparison of several scenarios on common draws, at most. */
#define COMMON_DRAWS_MAX 100000
/*
 * The Sobol stage keeps three n x k matrices of doubles (n base points, k
 * uncertain values) and a few vectors of n: refused above this, before
 * anything runs (documented in crmroi(1), LIMITS).
 */
#define SOBOL_MAX_BYTES (1024.0 * 1024 * 1024)
#define BAR_WIDTH 40              /* the progress bar, in characters */

struct sim_opts {
	out_format fmt;
	const char *output, *samples;
	uint64_t n, seed;
	int n_given, jobs, bins;
	double precision;
	double tail[CRM_SIM_NTAIL];   /* --tail, in percent; 0, 0: the default 5 and 10 */
	size_t sobol;
	int metrics[CRM_SIM_NMETRICS];
	unsigned classes;     /* --only: the benefit classes counted; 0 = each scenario's own */
	int voi;              /* --voi: the value of information of the decision too */
};

/* -------------------------------------------------------------- progress */

struct progress {
	double start;
	int shown;
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void progress(void *ctx, uint64_t done, uint64_t total)
{
	struct progress *p = ctx;
	int fill = total ? (int)((double)done / (double)total * BAR_WIDTH) : 0;

	/* Only on a terminal, and only once the run has taken a second. */
	if (now() - p->start < 1.0)
		return;
	fprintf(stderr, "\r%s: simulating [%.*s%*s] %3.0f%%", progname, fill,
		"########################################", BAR_WIDTH - fill, "",
		total ? 100.0 * (double)done / (double)total : 0.0);
	fflush(stderr);
	p->shown = 1;
}

static void progress_end(struct progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r%*s\r", BAR_WIDTH + 40, "");
}

/* ---------------------------------------------------------------- samples */

/*
 * The --samples file is fed while the draws are made: the view lays out its
 * rows (simulate_view.c); this callback writes the header once and stops the
 * run when the file cannot be written.
 */
struct samples {
	FILE *fp;
	const crm_uncertain *items;
	const int *metrics;
	int header_done;
};

static int write_samples(void *ctx, uint64_t first, size_t count, size_t nitems,
			 const double *items, const double *metrics)
{
	struct samples *s = ctx;

	if (!s->header_done) {
		sim_view_samples_header(s->fp, s->items, nitems, s->metrics);
		s->header_done = 1;
	}
	sim_view_samples_rows(s->fp, first, count, nitems, items, metrics, s->metrics);
	return ferror(s->fp) ? -1 : 0;
}

/* ------------------------------------------------------------------ driver */

static int parse_count(const char *opt, const char *s, uint64_t *out)
{
	double v;
	char why[512];

	if (crm_parse_number(s, &v, NULL, why, sizeof why) != CRM_OK)
		return usage_error("simulate: %s: %s", opt, why);
	if (v < 0 || v != floor(v) || v > 9.0e15)
		return usage_error("simulate: %s takes a whole number, not '%s'", opt, s);
	*out = (uint64_t)v;
	return 0;
}

/*
 * Refuse a Sobol stage that would not fit the memory bound, before anything
 * runs: its size follows from the base points and the uncertain values.
 */
static int check_sobol_size(const struct sim_opts *o, crm_scenario *const *scs, int nfiles)
{
	for (int i = 0; i < nfiles; i++) {
		crm_uncertain *items = NULL;
		size_t k = 0;
		crm_error err;
		crm_error_clear(&err);
		if (crm_uncertain_list(scs[i], &items, &k, &err) != CRM_OK)
			return report_error(&err);
		free(items);
		double n = (double)o->sobol;
		double bytes = n * (3.0 * (double)k + 5) * sizeof(double) +
			       2.0 * CRM_SOBOL_BOOTSTRAP * (double)k * sizeof(double);
		if (bytes > SOBOL_MAX_BYTES) {
			double fit = floor((SOBOL_MAX_BYTES - 2.0 * CRM_SOBOL_BOOTSTRAP * (double)k *
					    sizeof(double)) / ((3.0 * (double)k + 5) * sizeof(double)));
			char ev[64];
			fmt_money(ev, sizeof ev, n * ((double)k + 2), 0);
			return usage_error("simulate: %s: --sobol %zu with %zu uncertain values needs "
					   "%.1f GB of memory (and %s model evaluations), more than the "
					   "1 GB allowed: give --sobol %.0f or fewer, or 0 to leave the "
					   "indices out", scs[i]->file, o->sobol, k, bytes / 1e9, ev, fit);
		}
	}
	return EXIT_OK;
}

/* One of simulate's own options: 0, or the usage error's status. */
static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct sim_opts *o = ctx;
	uint64_t v;
	char buf[256];

	switch (id) {
	case OPT_SAMPLES:
		o->samples = arg;
		break;
	case OPT_VOI:
		o->voi = 1;
		break;
	case OPT_DRAWS:
		if (parse_count("-n", arg, &o->n))
			return EXIT_USAGE;
		if (o->n < 2)
			return usage_error("simulate: -n needs at least 2 draws");
		o->n_given = 1;
		break;
	case OPT_SEED:
		return cli_seed(p, arg, &o->seed);
	case OPT_JOBS:
		return cli_jobs(p, arg, &o->jobs);
	case OPT_BINS:
		if (parse_count("--bins", arg, &v))
			return EXIT_USAGE;
		if (v < 1 || v > 1000)
			return usage_error("simulate: --bins takes 1 to 1000, not '%s'", arg);
		o->bins = (int)v;
		break;
	case OPT_SOBOL:
		if (parse_count("--sobol", arg, &v))
			return EXIT_USAGE;
		if (v > 1000000 || v == 1)
			return usage_error("simulate: --sobol takes 0 (off) or 2 to 1000000 base points, "
					   "not '%s'", arg);
		o->sobol = (size_t)v;
		break;
	case OPT_TAIL: {
		/* "5,10", "5%,10%" or one level "5" (both the same). */
		const char *s = arg;
		for (int q = 0; q < CRM_SIM_NTAIL; q++) {
			char *end;
			errno = 0;
			double lv = strtod(s, &end);
			if (end == s || errno || !(lv > 0 && lv < 100))
				return usage_error("simulate: --tail takes one or two percentages above 0 and "
						   "below 100, such as 5,10, not '%s'", arg);
			if (*end == '%')
				end++;
			o->tail[q] = lv;
			if (*end == ',' && q == 0) {
				s = end + 1;
			} else if (*end == '\0') {
				if (q == 0)
					o->tail[1] = lv;
				break;
			} else {
				return usage_error("simulate: --tail takes one or two percentages above 0 and "
						   "below 100, such as 5,10, not '%s'", arg);
			}
		}
		if (o->tail[1] < o->tail[0])
			return usage_error("simulate: --tail: the second level is at least the first, not "
					   "'%s'", arg);
		break;
	}
	case OPT_PRECISION: {
		char why[512];
		if (crm_parse_number(arg, &o->precision, NULL, why, sizeof why) != CRM_OK)
			return usage_error("simulate: --precision: %s", why);
		if (!(o->precision > 0 && o->precision < 1))
			return usage_error("simulate: --precision takes a fraction of the mean between 0 "
					   "and 1, such as 1%% or 0.01, not '%s'", arg);
		break;
	}
	case OPT_METRIC: {
		int want[CRM_SIM_NMETRICS] = { 0 };
		snprintf(buf, sizeof buf, "%s", arg);
		for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
			int k = -1;
			for (int i = 0; i < CRM_SIM_NMETRICS; i++)
				if (!strcmp(tok, sim_view_metric_key(i)) ||
				    (i == CRM_SIM_PAYBACK && !strcmp(tok, "payback")) ||
				    (i == CRM_SIM_DPAYBACK && !strcmp(tok, "discounted_payback")) ||
				    (i == CRM_SIM_AFTER_TAX_PAYBACK && !strcmp(tok, "after_tax_payback")))
					k = i;
			if (k < 0)
				return usage_error("simulate: unknown metric '%s' (expected npv, roi, irr, "
						   "payback, discounted_payback, after_tax_npv, after_tax_irr, "
						   "after_tax_payback or peak_funding)", tok);
			want[k] = 1;
		}
		want[CRM_SIM_NPV] = 1;   /* NPV drives precision and sensitivity */
		memcpy(o->metrics, want, sizeof want);
		break;
	}
	}
	return 0;
}

int cmd_simulate(int argc, char **argv)
{
	cli_parser p;
	struct sim_opts o;
	int status;

	memset(&o, 0, sizeof o);
	o.n = DEFAULT_DRAWS;
	o.seed = DEFAULT_SEED;
	o.sobol = DEFAULT_SOBOL;
	o.bins = 20;
	o.jobs = cli_processors();
	o.metrics[CRM_SIM_NPV] = o.metrics[CRM_SIM_ROI] = o.metrics[CRM_SIM_IRR] = 1;
	o.metrics[CRM_SIM_PAYBACK] = 1;
	if ((status = cli_parse(&p, "simulate", argc, argv, parse_option, &o)) >= 0)
		return status;
	status = EXIT_OK;
	o.fmt = p.fmt;
	o.output = p.output;
	o.classes = p.classes;
	if (o.precision > 0 && !o.n_given)
		o.n = DEFAULT_CAP;
	int nfiles = p.nargs;
	if (nfiles < 1)
		return usage_error("simulate: no scenario file given");
	if (o.samples && nfiles > 1)
		return usage_error("simulate: --samples takes one scenario at a time");

	crm_scenario **scs = calloc((size_t)nfiles, sizeof *scs);
	crm_sim_result *res = calloc((size_t)nfiles, sizeof *res);
	crm_sobol_result *sob = calloc((size_t)nfiles, sizeof *sob);
	crm_decide_result *dec = calloc((size_t)nfiles, sizeof *dec);
	crm_error err;
	out_sink sink, ssink;
	int sink_opened = 0, joint_done = 0, voi_done = 0;
	crm_joint_result joint;
	crm_voi_result voi;
	memset(&joint, 0, sizeof joint);
	memset(&voi, 0, sizeof voi);
	memset(&ssink, 0, sizeof ssink);
	memset(&sink, 0, sizeof sink);
	if (!scs || !res || !sob) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (int i = 0; i < nfiles; i++) {
		crm_error_clear(&err);
		if (!(scs[i] = crm_scenario_load(p.args[i], &err))) {
			int st = report_error(&err);
			if (status == EXIT_OK)
				status = st;
		} else {
			apply_only(scs[i], o.classes);
			inputs_add(scs[i]);
			status = strict_status(report_warnings(&scs[i]->warnings), status);
		}
	}
	if (status != EXIT_OK)
		goto done;
	if (o.sobol && (status = check_sobol_size(&o, scs, nfiles)) != EXIT_OK)
		goto done;
	if (o.samples && (!strcmp(o.samples, "-") ? !o.output || !strcmp(o.output, "-")
			  : o.output && !strcmp(o.samples, o.output))) {
		status = usage_error("simulate: --samples and the report (-o) would go to the same "
				     "place: give them different files");
		goto done;
	}
	/* Both outputs are opened before the run and committed together after it. */
	crm_error_clear(&err);
	if (o.samples && sink_open(&ssink, o.samples, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	if (sink_open(&sink, o.output, &err) != 0) {
		sink_abort(&ssink);
		status = report_error(&err);
		goto done;
	}
	sink_opened = 1;
	for (int i = 0; i < nfiles && status == EXIT_OK; i++) {
		crm_sim_options so;
		struct progress pr = { now(), 0 };
		struct samples sm;
		crm_uncertain *items = NULL;
		size_t nitems = 0;
		memset(&so, 0, sizeof so);
		so.n = o.n;
		so.seed = o.seed;
		so.jobs = o.jobs;
		so.precision = o.precision;
		memcpy(so.tail_levels, o.tail, sizeof so.tail_levels);
		so.hist_bins = o.bins;
		memcpy(so.metrics, o.metrics, sizeof so.metrics);
		if (isatty(STDERR_FILENO)) {
			so.progress = progress;
			so.progress_ctx = &pr;
		}
		if (o.samples) {
			if (crm_uncertain_list(scs[i], &items, &nitems, &err) != CRM_OK) {
				status = report_error(&err);
				break;
			}
			memset(&sm, 0, sizeof sm);
			sm.fp = ssink.fp;
			sm.items = items;
			sm.metrics = o.metrics;
			so.samples = write_samples;
			so.samples_ctx = &sm;
		}
		crm_status st = crm_simulate(scs[i], &so, &res[i], &err);
		if (st == CRM_EIO && o.samples && ferror(ssink.fp))
			crm_error_set(&err, CRM_EIO, !strcmp(o.samples, "-") ? "<stdout>" : o.samples, 0,
				      0, "cannot write the samples: %s", sink_why(&ssink));
		free(items);
		progress_end(&pr);
		if (st == CRM_OK && o.sobol)
			st = crm_sobol(scs[i], o.sobol, o.seed, &sob[i], &err);
		if (st != CRM_OK) {
			if (!err.file[0])
				snprintf(err.file, sizeof err.file, "%s", scs[i]->file);
			status = report_error(&err);
		}
	}
	/*
	 * Several scenarios: compared on common draws (crmroi/joint.h), the
	 * simulation's draws up to COMMON_DRAWS_MAX, with its seed.
	 */
	if (status == EXIT_OK && nfiles > 1) {
		uint64_t n = o.n < COMMON_DRAWS_MAX ? o.n : COMMON_DRAWS_MAX;
		crm_joint_options jo = { .n = n < 2 ? 2 : n, .seed = o.seed };
		crm_error_clear(&err);
		if (crm_joint_simulate((const crm_scenario *const *)scs, (size_t)nfiles, &jo, &joint,
				       &err) != CRM_OK)
			status = report_error(&err);
		else
			joint_done = 1;
	}
	/* Gates as decisions, in each scenario that has a decide column. */
	for (int i = 0; i < nfiles && status == EXIT_OK && dec; i++) {
		int any = 0;
		for (size_t g = 0; g < scs[i]->ngroups; g++)
			any |= scs[i]->groups[g].ndecide > 0;
		if (!any)
			continue;
		uint64_t n = o.n < COMMON_DRAWS_MAX ? o.n : COMMON_DRAWS_MAX;
		crm_error_clear(&err);
		if (crm_decide(scs[i], n < 100 ? 100 : n, o.seed, &dec[i], &err) != CRM_OK)
			status = report_error(&err);
	}
	/* --voi: the decision among the scenarios (go ahead or not with one), on common draws. */
	if (status == EXIT_OK && o.voi) {
		uint64_t n = o.n < COMMON_DRAWS_MAX ? o.n : COMMON_DRAWS_MAX;
		crm_voi_options vopt = { .n = n < 100 ? 100 : n, .seed = o.seed };
		crm_error_clear(&err);
		if (crm_voi((const crm_scenario *const *)scs, (size_t)nfiles, &vopt, &voi, &err) != CRM_OK)
			status = report_error(&err);
		else
			voi_done = 1;
	}
	if (status != EXIT_OK)
		goto done;
	sim_view_opts vo = { o.fmt, o.seed, o.precision, o.classes };
	sim_view_write(&vo, scs, res, o.sobol ? sob : NULL, dec, joint_done ? &joint : NULL,
		       voi_done ? &voi : NULL, (size_t)nfiles, sink.fp);
	out_sink *both[2] = { &sink, &ssink };
	sink_opened = 0;
	if (sinks_commit(both, o.samples ? 2 : 1, &err) != 0)
		status = report_error(&err);
done:
	if (sink_opened) {
		sink_abort(&sink);
		sink_abort(&ssink);
	}
	for (int i = 0; i < nfiles && scs && res && sob; i++) {
		crm_sim_result_free(&res[i]);
		crm_sobol_result_free(&sob[i]);
	}
	crm_joint_result_free(&joint);
	crm_voi_result_free(&voi);
	for (int i = 0; i < nfiles && dec; i++)
		crm_decide_result_free(&dec[i]);
	free(dec);
	for (int i = 0; i < nfiles && scs; i++)
		crm_scenario_free(scs[i]);
	free(scs);
	free(res);
	free(sob);
	return status;
}
