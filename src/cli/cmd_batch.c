/*
 * cmd_batch.c - `crmroi batch`: the same analysis on many scenario files, as
 * one long table for a spreadsheet or a BI tool.
 *
 * Files are collected (directories recursively, *.csv), sorted, and split
 * among threads; each scenario's rows are written to its own buffer and the
 * buffers are printed in file order, so the output does not depend on the
 * number of threads.
 *
 * --shard K/N runs the K-th of N contiguous parts of the sorted list, for
 * runs spread over machines by a scheduler: each scenario's seed comes from
 * --seed and its path below the argument that named it (not from its
 * position or its machine's mount point), and only part 1 writes the CSV
 * header, so the parts' outputs, concatenated in order, are the file one run
 * of the whole list writes.
 */
#define _XOPEN_SOURCE 700
#include "cli.h"
#include "batch_view.h"
#include "explain.h"
#include "options.h"
#include "report.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct batch_opts {
	batch_view v;        /* the analysis, the format, --only, the metric and target */
	int jobs;
	double pct;
	uint64_t draws, seed;
	uint64_t shard_k, shard_n;   /* --shard K/N; 1/1 for the whole list */
};

/* The largest N of --shard K/N. */
#define BATCH_MAX_SHARDS 1000000

struct item {
	const char *path;
	uint64_t seed;       /* of its simulation: --seed and its relative path */
	char *text;          /* this scenario's output rows */
	size_t len;
	char *error;         /* "file:line:col: message" when it failed */
	char *warnings;      /* the scenario's warnings, as lines for stderr, printed in order */
	int strict;          /* --strict made its warnings its error: they say it already */
	int skipped;         /* not a scenario file */
	int reads_output;    /* one of the files it read (a base, its answers) is the output */
};

/*
 * The output file as it was when batch opened it, to tell whether a file a
 * scenario reads is that file: an output never replaces an input.
 */
struct out_id {
	int exists;
	dev_t dev;
	ino_t ino;
};

static int is_output(const struct out_id *out, const char *path)
{
	struct stat st;

	return out->exists && path && stat(path, &st) == 0 && st.st_dev == out->dev &&
	       st.st_ino == out->ino;
}

/* ------------------------------------------------------------- file list */

/* A file and where its path below the argument that named it starts. */
struct entry {
	char *path;
	size_t rel;
	dev_t dev;           /* the file's identity (stat), to tell whether it is the output */
	ino_t ino;
	int have_id;
};

struct list {
	struct entry *e;
	size_t n, cap;
};

static int list_add(struct list *l, const char *p, size_t rel, const struct stat *st)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? 2 * l->cap : 256;
		struct entry *n = realloc(l->e, ncap * sizeof *n);
		if (!n)
			return -1;
		l->e = n;
		l->cap = ncap;
	}
	struct entry *e = &l->e[l->n];
	e->rel = rel;
	e->have_id = st != NULL;
	e->dev = st ? st->st_dev : 0;
	e->ino = st ? st->st_ino : 0;
	return (l->e[l->n++].path = strdup(p)) ? 0 : -1;
}

static int ends_with_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcasecmp(name + n - 4, ".csv");
}

/* Folders already read, by device and inode: a symbolic link loop is read once. */
struct seen {
	struct { dev_t dev; ino_t ino; } *dirs;
	size_t n, cap;
};

static int seen_add(struct seen *s, const struct stat *st)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->dirs[i].dev == st->st_dev && s->dirs[i].ino == st->st_ino)
			return 1;
	if (s->n == s->cap) {
		size_t ncap = s->cap ? 2 * s->cap : 32;
		void *n = realloc(s->dirs, ncap * sizeof *s->dirs);
		if (!n)
			return -1;
		s->dirs = n;
		s->cap = ncap;
	}
	s->dirs[s->n].dev = st->st_dev;
	s->dirs[s->n].ino = st->st_ino;
	s->n++;
	return 0;
}

/*
 * rel: where the path below the command-line argument starts in path (for a
 * file named on the command line, its name; computed here when top).
 */
static int collect(struct list *l, struct seen *seen, const char *path, int top, size_t rel,
		   crm_error *err)
{
	struct stat st;

	if (top && !strcmp(path, "-"))   /* one scenario from standard input */
		return list_add(l, path, 0, NULL);
	if (stat(path, &st) != 0) {
		if (!top && errno == ELOOP) {
			fprintf(stderr, "%s: %s: skipped: a symbolic link loop\n", progname, path);
			return 0;
		}
		return crm_error_set(err, CRM_EIO, path, 0, 0, "cannot open: %s", strerror(errno)), -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		/* Files named on the command line are taken whatever their name. */
		if (top) {
			const char *slash = strrchr(path, '/');
			return list_add(l, path, slash ? (size_t)(slash - path + 1) : 0, &st);
		}
		if (ends_with_csv(path))
			return list_add(l, path, rel, &st);
		return 0;
	}
	if (top)   /* the files below a folder named on the command line: their path below it */
		rel = strlen(path) + (path[strlen(path) - 1] == '/' ? 0 : 1);
	int again = seen_add(seen, &st);
	if (again < 0)
		return crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory"), -1;
	if (again) {
		fprintf(stderr, "%s: %s: skipped: this folder was already read (a symbolic link "
			"loop, or two links to one folder)\n", progname, path);
		return 0;
	}
	DIR *d = opendir(path);
	if (!d)
		return crm_error_set(err, CRM_EIO, path, 0, 0, "cannot read the directory: %s",
				     strerror(errno)), -1;
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		size_t n = strlen(path) + strlen(e->d_name) + 2;
		char *child = malloc(n);
		if (!child) {
			rc = -1;
			break;
		}
		snprintf(child, n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
		rc = collect(l, seen, child, 0, rel, err);
		free(child);
	}
	closedir(d);
	return rc;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path, ((const struct entry *)b)->path);
}

/* SplitMix64's finaliser: every bit of x stirs every bit of the result. */
static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/*
 * The seed of a scenario's simulation: --seed and its path below the
 * argument that named it (FNV-1a of its bytes), mixed. The same file gets
 * the same draws in any shard, on any machine, whatever folder holds the
 * tree; two files of the same content get draws of their own.
 */
static uint64_t scenario_seed(uint64_t seed, const char *rel)
{
	uint64_t h = 0xcbf29ce484222325ULL;   /* FNV-1a 64-bit offset basis and prime */

	for (const unsigned char *p = (const unsigned char *)rel; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return mix64(seed ^ mix64(h));
}

/*
 * --shard K/N: whole numbers, 1 <= K <= N <= BATCH_MAX_SHARDS. 0, or -1
 * when s is not that.
 */
static int parse_shard(const char *s, uint64_t *k, uint64_t *n)
{
	const char *slash = strchr(s, '/');
	char kbuf[32];

	if (!slash || (size_t)(slash - s) >= sizeof kbuf)
		return -1;
	memcpy(kbuf, s, (size_t)(slash - s));
	kbuf[slash - s] = '\0';
	if (parse_uint64(kbuf, k) != 0 || parse_uint64(slash + 1, n) != 0)
		return -1;
	return *k >= 1 && *k <= *n && *n <= BATCH_MAX_SHARDS ? 0 : -1;
}

/*
 * Whether a file looks like a scenario: its first row that is not a comment
 * or blank names a 'kind' column and no 'period' column (an actuals file of
 * crmroi track). Other CSV files in a directory are skipped. A header
 * separated by semicolons (a spreadsheet with a European locale saves "CSV"
 * so, and the loader reads it) or tabs counts too: for tabs the loader then
 * says what is wrong, and the file is counted as failed rather than skipped.
 * Lines are read whole, however long a comment is.
 */
static int looks_like_scenario(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *line = NULL;
	size_t cap = 0;
	int yes = 0;

	if (!f)
		return 1;   /* let the loader report why it cannot be read */
	while (getline(&line, &cap, f) != -1) {
		char *p = line;
		if (!strncmp(p, "\xEF\xBB\xBF", 3))
			p += 3;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || *p == '\r' || *p == ',' || !*p)
			continue;
		for (char *q = p; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		/* A header names kind as a whole field. */
		for (char *q = strstr(p, "kind"); q; q = strstr(q + 1, "kind")) {
			char before = q == p ? ',' : q[-1], after = q[4];
			if (strchr(",;\t\" ", before) && (strchr(",;\t\" \r\n", after) || !after))
				yes = 1;
		}
		/* An actuals file (crmroi track) names kind too, and a period column. */
		for (char *q = strstr(p, "period"); q; q = strstr(q + 1, "period")) {
			char before = q == p ? ',' : q[-1], after = q[6];
			if ((before == ',' || before == ';' || before == '"' || before == ' ') &&
			    (after == ',' || after == ';' || after == '"' || after == ' ' ||
			     after == '\r' || after == '\n' || after == '\0'))
				yes = 0;
		}
		break;
	}
	free(line);
	fclose(f);
	return yes;
}

/* The analysis of one scenario, written as rows of the long table. */
static crm_status analyse(const struct batch_opts *o, crm_scenario *sc, uint64_t seed,
			  FILE *fp, crm_error *err)
{
	crm_status st = CRM_OK;

	if (o->v.an == BATCH_RUN) {
		/* A row shows the headline before and after tax and the classes: the rest is left out. */
		crm_case_options co = { 0, CRM_CASE_BEFORE_RISK | CRM_CASE_GATES | CRM_CASE_PEAK };
		crm_case *c = crm_case_new(sc, &co, err);
		if (!c)
			return err->status;
		batch_view_run(&o->v, sc, c, fp);
		crm_case_free(c);
		return CRM_OK;
	}
	if (o->v.an == BATCH_SIMULATE) {
		crm_sim_options so;
		crm_sim_result res;
		memset(&so, 0, sizeof so);
		so.n = o->draws;
		so.seed = seed;
		so.jobs = 1;   /* batch parallelism is across scenarios */
		so.metrics[CRM_SIM_NPV] = so.metrics[CRM_SIM_ROI] = so.metrics[CRM_SIM_IRR] = 1;
		so.metrics[CRM_SIM_PAYBACK] = 1;
		so.hist_bins = 1;
		if ((st = crm_simulate(sc, &so, &res, err)) != CRM_OK)
			return st;
		batch_view_simulate(&o->v, sc, seed, &res, fp);
		crm_sim_result_free(&res);
		return CRM_OK;
	}
	if (o->v.an == BATCH_VOI) {
		/* Go ahead or not, the scenario alone; at least the 100 draws voi takes. */
		crm_voi_options vo = { o->draws < 100 ? 100 : o->draws, seed, 0, NULL, 0 };
		crm_voi_result res;
		const crm_scenario *one[1] = { sc };
		if ((st = crm_voi(one, 1, &vo, &res, err)) == CRM_OK)
			batch_view_voi(&o->v, sc, seed, &res, fp);
		crm_voi_result_free(&res);
		return st;
	}
	if (o->v.an == BATCH_PLAN) {
		/* The best plan by expected NPV, on the scenario's own seed. */
		crm_plan_options po = { CRM_PLAN_MEAN, o->draws, seed, 1, 0, 0 };
		crm_plan_result res;
		if ((st = crm_plan(sc, &po, &res, err)) == CRM_OK)
			batch_view_plan(&o->v, sc, seed, &res, fp);
		crm_plan_result_free(&res);
		return st;
	}
	crm_analysis *a = crm_analysis_new(sc, err);
	if (!a)
		return err->status;
	if (o->v.an == BATCH_TORNADO) {
		crm_tornado_row *rows;
		size_t n;
		crm_value base;
		if ((st = crm_tornado(a, o->v.metric, o->pct, &rows, &n, &base, err)) == CRM_OK) {
			batch_view_tornado(&o->v, sc, rows, n, fp);
			free(rows);
		}
	} else {
		/* Every input, each over its default interval; one that cannot be searched says why. */
		crm_param *params = calloc(sc->ninputs + 1, sizeof *params);
		crm_breakeven_row *rows = calloc(sc->ninputs + 1, sizeof *rows);
		if (!params || !rows)
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		for (size_t i = 0; st == CRM_OK && i < sc->ninputs; i++)
			st = crm_param_find(sc, sc->inputs[i].name, &params[i], err);
		if (st == CRM_OK &&
		    (st = crm_breakeven_each(a, params, sc->ninputs, o->v.metric, o->v.target, NULL, rows,
					     NULL, err)) == CRM_OK)
			batch_view_breakeven(&o->v, sc, rows, sc->ninputs, fp);
		free(params);
		free(rows);
	}
	crm_analysis_free(a);
	return st;
}

/*
 * Every warning of w as "crmroi: FILE:LINE:COL: warning: message" lines, and
 * a note as "...: note: message" (NULL without memory).
 */
static char *warning_lines(const crm_warnings *w)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	if (!fp)
		return NULL;
	for (size_t i = 0; i < w->count; i++)
		print_warning(fp, &w->items[i]);
	fclose(fp);
	return buf;
}

static void process(const struct batch_opts *o, const struct out_id *out, struct item *it)
{
	crm_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (strcmp(it->path, "-") && !looks_like_scenario(it->path)) {
		it->skipped = 1;
		return;
	}
	if (!(fp = open_memstream(&buf, &len))) {
		it->error = strdup("out of memory");
		return;
	}
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(it->path, &err);
	crm_status st = sc ? CRM_OK : err.status;
	if (sc && apply_only(sc, o->v.classes) < 0)
		st = crm_error_set(&err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	/* The warnings, printed in order after every thread; errors with --strict. */
	if (sc && st == CRM_OK && sc->warnings.count) {
		size_t nw = crm_warnings_nwarnings(&sc->warnings);
		it->warnings = warning_lines(&sc->warnings);
		if (cli_strict && nw) {
			err = *crm_warnings_first(&sc->warnings);
			err.status = CRM_EDATA;
			if (nw > 1)
				crm_appendf(err.msg, sizeof err.msg, " (a warning, and %zu more; errors with "
					    "--strict)", nw - 1);
			else
				crm_appendf(err.msg, sizeof err.msg, " (a warning; an error with --strict)");
			it->strict = 1;
			st = CRM_EDATA;
		}
	}
	/* Its bases and answers file: inputs the output may not replace (checked before it does). */
	for (size_t i = 1; sc && i < sc->nfiles; i++)
		it->reads_output |= is_output(out, sc->files[i]);
	if (sc && sc->settings.readiness)
		it->reads_output |= is_output(out, sc->settings.readiness);
	if (st == CRM_OK)
		st = analyse(o, sc, it->seed, fp, &err);
	if (st != CRM_OK) {
		char msg[2048];
		if (!err.file[0])
			snprintf(err.file, sizeof err.file, "%s", it->path);
		if (err.line > 0 && err.col > 0)
			snprintf(msg, sizeof msg, "%s:%d:%d: %s", err.file, err.line, err.col, err.msg);
		else if (err.line > 0)
			snprintf(msg, sizeof msg, "%s:%d: %s", err.file, err.line, err.msg);
		else
			snprintf(msg, sizeof msg, "%s: %s", err.file, err.msg);
		it->error = strdup(msg);
		/* Rows written before the failure are dropped: the scenario is one error row. */
		fclose(fp);
		free(buf);
		buf = NULL;
		len = 0;
		fp = open_memstream(&buf, &len);
		if (fp)
			batch_view_error(&o->v, it->path, sc ? sc->settings.title : "", msg, fp);
	}
	crm_scenario_free(sc);
	if (fp)
		fclose(fp);
	it->text = buf;
	it->len = len;
}

/*
 * The scenarios are computed by --jobs threads and written in order as they
 * are done, at most WINDOW_PER_JOB x jobs of them waiting: memory does not
 * grow with the number of scenarios. Item i waits in slot i % window.
 */
#define WINDOW_PER_JOB 16

struct pipeline {
	const struct batch_opts *o;
	const struct out_id *out;
	const struct entry *e;   /* the files, in order */
	size_t count, window;
	pthread_mutex_t lock;
	pthread_cond_t done;     /* an item was computed */
	pthread_cond_t room;     /* an item was written: its slot is free */
	size_t next_take, next_write;
	struct item *slot;
	char *ready;             /* slot holds a computed item */
};

/* Item i of the list, computed. */
static void compute(struct pipeline *pl, size_t i, struct item *it)
{
	memset(it, 0, sizeof *it);
	it->path = pl->e[i].path;
	it->seed = scenario_seed(pl->o->seed, pl->e[i].path + pl->e[i].rel);
	process(pl->o, pl->out, it);
}

static void *work(void *arg)
{
	struct pipeline *pl = arg;

	for (;;) {
		pthread_mutex_lock(&pl->lock);
		while (pl->next_take < pl->count && pl->next_take >= pl->next_write + pl->window)
			pthread_cond_wait(&pl->room, &pl->lock);
		if (pl->next_take >= pl->count) {
			pthread_mutex_unlock(&pl->lock);
			return NULL;
		}
		size_t i = pl->next_take++;
		pthread_mutex_unlock(&pl->lock);
		struct item it;
		compute(pl, i, &it);
		pthread_mutex_lock(&pl->lock);
		pl->slot[i % pl->window] = it;
		pl->ready[i % pl->window] = 1;
		pthread_cond_broadcast(&pl->done);
		pthread_mutex_unlock(&pl->lock);
	}
}

/* The next item in order, waiting for its thread (threads: 0 computes it here). */
static void next_item(struct pipeline *pl, int threads, struct item *it)
{
	if (!threads) {
		compute(pl, pl->next_write++, it);
		return;
	}
	pthread_mutex_lock(&pl->lock);
	size_t k = pl->next_write % pl->window;
	while (!pl->ready[k])
		pthread_cond_wait(&pl->done, &pl->lock);
	*it = pl->slot[k];
	pl->ready[k] = 0;
	pl->next_write++;
	pthread_cond_broadcast(&pl->room);
	pthread_mutex_unlock(&pl->lock);
}

/* One of batch's own options: 0, or the usage error's status. */
static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct batch_opts *o = ctx;
	char why[512];
	double v;

	switch (id) {
	case OPT_BATCH_FORMAT:
		if (!strcmp(arg, "csv"))
			o->v.jsonl = 0;
		else if (!strcmp(arg, "jsonl") || !strcmp(arg, "json"))
			o->v.jsonl = 1;
		else
			return usage_error("batch: unknown format '%s' (expected csv or jsonl)", arg);
		break;
	case OPT_ANALYSIS: {
		static const char *const names[] = { [BATCH_RUN] = "run", [BATCH_TORNADO] = "tornado",
			[BATCH_BREAKEVEN] = "breakeven", [BATCH_SIMULATE] = "simulate",
			[BATCH_VOI] = "voi", [BATCH_PLAN] = "plan" };
		size_t k = 0;
		while (k < sizeof names / sizeof *names && strcmp(arg, names[k]))
			k++;
		if (k == sizeof names / sizeof *names)
			return usage_error("batch: unknown analysis '%s' (expected run, tornado, "
					   "breakeven, simulate, voi or plan)", arg);
		o->v.an = (batch_analysis)k;
		break;
	}
	case OPT_JOBS:
		return cli_jobs(p, arg, &o->jobs);
	case OPT_METRIC:
		if (crm_metric_parse(arg, &o->v.metric) != 0)
			return usage_error("batch: unknown metric '%s' (expected npv, roi, bcr, irr, mirr, "
					   "payback, discounted_payback, pv_benefits or pv_costs)", arg);
		break;
	case OPT_PCT:
		if (crm_parse_number(arg, &o->pct, NULL, why, sizeof why) != CRM_OK || o->pct <= 0 ||
		    o->pct >= 100)
			return usage_error("batch: --pct takes a percentage above 0 and below 100, not "
					   "'%s'", arg);
		break;
	case OPT_TARGET:
		if (crm_parse_number(arg, &o->v.target, NULL, why, sizeof why) != CRM_OK)
			return usage_error("batch: --target: %s", why);
		break;
	case OPT_DRAWS:
		if (crm_parse_number(arg, &v, NULL, why, sizeof why) != CRM_OK || v < 2 ||
		    v != floor(v) || v > 1e9)
			return usage_error("batch: --draws takes a whole number of at least 2, not '%s'",
					   arg);
		o->draws = (uint64_t)v;
		break;
	case OPT_SEED:
		return cli_seed(p, arg, &o->seed);
	case OPT_SHARD:
		if (parse_shard(arg, &o->shard_k, &o->shard_n) != 0)
			return usage_error("batch: --shard takes K/N, whole numbers with 1 <= K <= N <= %d "
					   "(part K of N, e.g. 2/8), not '%s'", BATCH_MAX_SHARDS, arg);
		break;
	}
	return 0;
}

int cmd_batch(int argc, char **argv)
{
	cli_parser p;
	struct batch_opts o;
	struct list l;
	crm_error err;
	int status;

	memset(&o, 0, sizeof o);
	memset(&l, 0, sizeof l);
	o.v.metric = CRM_METRIC_NPV;
	o.draws = 10000;
	o.seed = 1;
	o.shard_k = o.shard_n = 1;
	o.jobs = cli_processors();
	if ((status = cli_parse(&p, "batch", argc, argv, parse_option, &o)) >= 0)
		return status;
	status = EXIT_OK;
	o.v.classes = p.classes;
	if (p.nargs < 1)
		return usage_error("batch: no file or directory given");
	for (int i = 0, nstdin = 0; i < p.nargs; i++)
		if (!strcmp(p.args[i], "-") && ++nstdin > 1)
			return usage_error("batch: standard input (-) can be given once only");
	crm_error_clear(&err);
	struct seen seen = { NULL, 0, 0 };
	for (int i = 0; i < p.nargs; i++)
		if (collect(&l, &seen, p.args[i], 1, 0, &err) != 0) {
			free(seen.dirs);
			status = err.status ? report_error(&err) : EXIT_INTERNAL;
			goto done;
		}
	free(seen.dirs);
	qsort(l.e, l.n, sizeof *l.e, by_path);
	/* Part K of N: files [(K-1) n / N, K n / N) of the sorted list. */
	size_t first = (size_t)((o.shard_k - 1) * (uint64_t)l.n / o.shard_n);
	size_t last = (size_t)(o.shard_k * (uint64_t)l.n / o.shard_n);
	size_t count = last - first;

	/*
	 * The output is opened first and written as the scenarios are done. A
	 * file in a folder given that is the output and a scenario is an input:
	 * refused now; a base or answers file that is the output is found while
	 * reading, and the output then dropped before it replaces anything.
	 */
	struct out_id out = { 0, 0, 0 };
	struct stat ost;
	if (p.output && strcmp(p.output, "-") && stat(p.output, &ost) == 0 && S_ISREG(ost.st_mode))
		out = (struct out_id){ 1, ost.st_dev, ost.st_ino };
	for (size_t i = first; out.exists && i < last; i++)
		if (l.e[i].have_id && l.e[i].dev == out.dev && l.e[i].ino == out.ino &&
		    looks_like_scenario(l.e[i].path))
			inputs_add_path(l.e[i].path);
	if ((status = cli_out_open(&p)) != EXIT_OK)
		goto done;
	if (o.shard_k == 1)   /* one header for the parts concatenated */
		batch_view_header(&o.v, p.out);

	int jobs = (size_t)o.jobs < count ? o.jobs : (int)(count ? count : 1);
	struct pipeline pl = { .o = &o, .out = &out, .e = l.e + first, .count = count,
			       .window = (size_t)jobs * WINDOW_PER_JOB };
	pthread_t *tid = calloc((size_t)jobs, sizeof *tid);
	pl.slot = calloc(pl.window, sizeof *pl.slot);
	pl.ready = calloc(pl.window, 1);
	if (!tid || !pl.slot || !pl.ready) {
		free(tid);
		free(pl.slot);
		free(pl.ready);
		fprintf(stderr, "%s: out of memory\n", progname);
		status = cli_out_close(&p, EXIT_INTERNAL);
		goto done;
	}
	pthread_mutex_init(&pl.lock, NULL);
	pthread_cond_init(&pl.done, NULL);
	pthread_cond_init(&pl.room, NULL);
	int threads = 0;   /* none started: the items are computed here, one after another */
	while (threads < jobs && count > 0 && pthread_create(&tid[threads], NULL, work, &pl) == 0)
		threads++;

	size_t failed = 0, done_n = 0;
	int reads_output = 0;
	for (size_t i = 0; i < count; i++) {
		struct item it;
		next_item(&pl, threads, &it);
		if (it.warnings)
			fputs(it.warnings, stderr);
		if (it.skipped) {
			fprintf(stderr, "%s: %s: skipped: not a scenario file (its header has no kind "
				"column, or a period column as actuals files have)\n", progname, it.path);
		} else if (it.error) {
			if (!it.strict)   /* else its warnings above said it */
				fprintf(stderr, "%s: %s\n", progname, it.error);
			failed++;
		} else {
			done_n++;
		}
		reads_output |= it.reads_output;
		if (it.text)
			fwrite(it.text, 1, it.len, p.out);
		free(it.text);
		free(it.error);
		free(it.warnings);
	}
	for (int t = 0; t < threads; t++)
		pthread_join(tid[t], NULL);
	pthread_cond_destroy(&pl.room);
	pthread_cond_destroy(&pl.done);
	pthread_mutex_destroy(&pl.lock);
	free(tid);
	free(pl.slot);
	free(pl.ready);
	if (reads_output) {
		crm_error_set(&err, CRM_EUSAGE, p.output, 0, 0, "this file is an input of the command: "
			      "writing the output there would replace it (choose another output file)");
		status = cli_out_close(&p, report_error(&err));
	} else {
		status = cli_out_close(&p, EXIT_OK);
	}
	if (status == EXIT_OK && failed) {
		fprintf(stderr, "%s: batch: %zu of %zu scenarios failed\n", progname, failed,
			failed + done_n);
		status = EXIT_DATA;
	}
done:
	for (size_t i = 0; i < l.n; i++)
		free(l.e[i].path);
	free(l.e);
	return status;
}
