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

enum analysis { AN_RUN, AN_TORNADO, AN_BREAKEVEN, AN_SIMULATE };
enum { OUT_CSV, OUT_JSONL };

struct batch_opts {
	enum analysis an;
	int out, jobs;
	const char *output;
	crm_metric_id metric;
	double pct, target;
	uint64_t draws, seed;
	uint64_t shard_k, shard_n;   /* --shard K/N; 1/1 for the whole list */
	unsigned classes;    /* --only: the benefit classes counted; 0 = each scenario's own */
};

/* The largest N of --shard K/N. */
#define BATCH_MAX_SHARDS 1000000

struct item {
	char *path;
	uint64_t seed;       /* of its simulation: --seed and its relative path */
	char *text;          /* this scenario's output rows */
	size_t len;
	char *error;         /* "file:line:col: message" when it failed */
	char *warning;       /* "file: --only: ...": a class --only names that no benefit has */
	int skipped;         /* not a scenario file */
};

/* ------------------------------------------------------------- file list */

/* A file and where its path below the argument that named it starts. */
struct entry {
	char *path;
	size_t rel;
};

struct list {
	struct entry *e;
	size_t n, cap;
};

static int list_add(struct list *l, const char *p, size_t rel)
{
	if (l->n == l->cap) {
		size_t ncap = l->cap ? 2 * l->cap : 256;
		struct entry *n = realloc(l->e, ncap * sizeof *n);
		if (!n)
			return -1;
		l->e = n;
		l->cap = ncap;
	}
	l->e[l->n].rel = rel;
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
		return list_add(l, path, 0);
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
			return list_add(l, path, slash ? (size_t)(slash - path + 1) : 0);
		}
		if (ends_with_csv(path))
			return list_add(l, path, rel);
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
 * separated by semicolons or tabs (a spreadsheet saved with another locale's
 * separator) counts too: the loader then says what is wrong with it, and the
 * file is counted as failed rather than skipped. Lines are read whole,
 * however long a comment is.
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
			if ((before == ',' || before == '"' || before == ' ') &&
			    (after == ',' || after == '"' || after == ' ' || after == '\r' ||
			     after == '\n' || after == '\0'))
				yes = 0;
		}
		break;
	}
	free(line);
	fclose(f);
	return yes;
}

/* ------------------------------------------------------------ the output */

static const char *const run_keys[] = {
	"npv", "roi", "bcr", "irr", "mirr", "payback_months", "discounted_payback_months",
	"pv_benefits", "pv_costs", "total_benefits", "total_costs", "peak_investment",
	"after_tax_npv", "after_tax_irr", "after_tax_payback_months", "readiness_factor"
};
#define NRUN (sizeof run_keys / sizeof *run_keys)
/* After them in run: the present value of each benefit class, counted in NPV or not. */
static const char *const class_keys[CRM_NCLASSES] = {
	"pv_cash", "pv_cost_reduction", "pv_productivity", "pv_cost_avoidance", "pv_flexibility"
};

static void put_text(FILE *fp, int out, const char *key, const char *v, int *first)
{
	if (out == OUT_CSV) {
		csv_field(fp, v, *first);
	} else {
		fputs(*first ? "{" : ", ", fp);
		json_string(fp, key);
		fputs(": ", fp);
		json_string(fp, v);
	}
	*first = 0;
}

/*
 * In CSV a number column holds numbers only: the reasons a value does not
 * exist are gathered for the row's last column, note ("irr: no IRR").
 * Each thread writes its own rows.
 */
static _Thread_local char row_note[2048];

static void note_add(const char *key, const char *why)
{
	size_t n = strlen(row_note);

	if (!why || !why[0] || n + 8 >= sizeof row_note)
		return;
	snprintf(row_note + n, sizeof row_note - n, "%s%s: %s", n ? "; " : "", key, why);
}

static void put_num(FILE *fp, int out, const char *key, double v, const char *why, int *first)
{
	if (out == OUT_CSV) {
		if (isfinite(v)) {
			csv_number(fp, v, *first);
		} else {
			csv_field(fp, "", *first);
			note_add(key, why);
		}
	} else {
		fputs(*first ? "{" : ", ", fp);
		json_string(fp, key);
		fputs(": ", fp);
		json_number(fp, v);
		if (!isfinite(v) && why) {
			fprintf(fp, ", \"%s_note\": ", key);
			json_string(fp, why);
		}
	}
	*first = 0;
}

static void end_row(FILE *fp, int out)
{
	if (out == OUT_CSV) {
		csv_field(fp, row_note, 0);
		csv_end(fp);
	} else {
		fputs("}\n", fp);
	}
	row_note[0] = '\0';
}

static void header(FILE *fp, const struct batch_opts *o)
{
	static const char *const tornado_cols[] = { "name", "kind", "low", "high", "metric_at_low",
		"metric_at_high", "swing" };
	static const char *const be_cols[] = { "name", "kind", "base", "breakeven", "change",
		"searched_from", "searched_to", "breakeven_status" };
	static const char *const sim_cols[] = { "seed", "metric", "draws", "undefined", "mean", "sd",
		"sem", "min", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "max",
		"p_npv_negative" };
	int first = 1;

	if (o->out != OUT_CSV)
		return;
	csv_field(fp, "file", first);
	csv_field(fp, "title", 0);
	csv_field(fp, "status", 0);
	csv_field(fp, "error", 0);
	first = 0;
	if (o->classes && o->an != AN_RUN)
		csv_field(fp, "only", 0);   /* run always has it, the other analyses with --only */
	switch (o->an) {
	case AN_RUN:
		csv_field(fp, "only", 0);
		for (size_t k = 0; k < NRUN; k++)
			csv_field(fp, run_keys[k], 0);
		for (int k = 0; k < CRM_NCLASSES; k++)
			csv_field(fp, class_keys[k], 0);
		break;
	case AN_TORNADO:
		for (size_t k = 0; k < sizeof tornado_cols / sizeof *tornado_cols; k++)
			csv_field(fp, tornado_cols[k], 0);
		break;
	case AN_BREAKEVEN:
		for (size_t k = 0; k < sizeof be_cols / sizeof *be_cols; k++)
			csv_field(fp, be_cols[k], 0);
		break;
	case AN_SIMULATE:
		for (size_t k = 0; k < sizeof sim_cols / sizeof *sim_cols; k++)
			csv_field(fp, sim_cols[k], 0);
		break;
	}
	csv_field(fp, "note", 0);
	csv_end(fp);
}

static void put_only(FILE *fp, const struct batch_opts *o, int *first);

/*
 * The leading columns of every row of a scenario; with --only, the column
 * only too, but for run, which writes it itself.
 */
static void lead(FILE *fp, const struct batch_opts *o, const char *file, const char *title,
		 const char *error, int *first)
{
	*first = 1;
	row_note[0] = '\0';
	put_text(fp, o->out, "file", file, first);
	put_text(fp, o->out, "title", title ? title : "", first);
	put_text(fp, o->out, "status", error ? "error" : "ok", first);
	put_text(fp, o->out, "error", error ? error : "", first);
	if (o->classes && o->an != AN_RUN)
		put_only(fp, o, first);
}

/*
 * The column only: the classes --only names, in their canonical order and
 * spelling; empty (JSON null) without --only, when the metrics count every
 * class but flexibility. The analysis run always has it; tornado, breakeven
 * and simulate have it with --only.
 */
static void put_only(FILE *fp, const struct batch_opts *o, int *first)
{
	char list[EXPLAIN_CLASSES_LEN];

	explain_class_set(o->classes, list, sizeof list);
	if (o->out == OUT_CSV || o->classes) {
		put_text(fp, o->out, "only", list, first);
		return;
	}
	fputs(*first ? "{" : ", ", fp);
	fputs("\"only\": null", fp);
	*first = 0;
}

/*
 * simulate's column seed: the scenario's own seed, a whole number written
 * in full (JSON: a number), so that crmroi simulate --seed gives the row's
 * figures.
 */
static void put_seed(FILE *fp, int out, uint64_t seed, int *first)
{
	char digits[32];

	snprintf(digits, sizeof digits, "%llu", (unsigned long long)seed);
	if (out == OUT_CSV) {
		csv_field(fp, digits, *first);
	} else {
		fputs(*first ? "{" : ", ", fp);
		fprintf(fp, "\"seed\": %s", digits);
	}
	*first = 0;
}

static crm_status analyse(const struct batch_opts *o, const crm_scenario *sc, uint64_t seed,
			  FILE *fp, crm_error *err)
{
	int first;
	crm_status st = CRM_OK;

	if (o->an == AN_RUN) {
		crm_case *c = crm_case_new(sc, NULL, err);
		if (!c)
			return err->status;
		const crm_metrics *met = &c->m, *atm = &c->at.metrics;
		int tax = c->has_tax;
		double v[NRUN] = { met->npv, met->roi_ok ? met->roi : NAN,
			met->bcr_ok ? met->bcr : NAN, met->irr_ok ? met->irr_value : NAN,
			met->mirr_ok ? met->mirr : NAN,
			met->payback.status == CRM_PAYBACK_REACHED ? met->payback.months : NAN,
			met->dpayback.status == CRM_PAYBACK_REACHED ? met->dpayback.months : NAN,
			met->pv_benefits, met->pv_costs, met->total_benefits, met->total_costs,
			met->peak_investment, tax ? atm->npv : NAN,
			tax && atm->irr_ok ? atm->irr_value : NAN,
			tax && atm->payback.status == CRM_PAYBACK_REACHED ? atm->payback.months : NAN,
			sc->settings.readiness ? sc->settings.readiness_factor : NAN };
		const char *why[NRUN] = { NULL, "no PV of costs", "no PV of costs", "no IRR",
			"no MIRR", "not reached", "not reached", NULL, NULL, NULL, NULL, NULL,
			tax ? NULL : "no tax_rate setting", tax ? "no IRR" : "no tax_rate setting",
			tax ? "not reached" : "no tax_rate setting", NULL };
		lead(fp, o, sc->file, sc->settings.title, NULL, &first);
		put_only(fp, o, &first);
		for (size_t k = 0; k < NRUN; k++)
			put_num(fp, o->out, run_keys[k], v[k], why[k], &first);
		for (int k = 0; k < CRM_NCLASSES; k++)
			put_num(fp, o->out, class_keys[k], c->cls[k].pv, NULL, &first);
		end_row(fp, o->out);
		crm_case_free(c);
		return CRM_OK;
	}
	if (o->an == AN_SIMULATE) {
		static const char *const names[CRM_SIM_NMETRICS] = { "npv", "roi", "irr", "payback_months",
			"discounted_payback_months", "after_tax_npv", "after_tax_irr",
			"after_tax_payback_months" };
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
		for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
			const crm_sim_metric *m = &res.metric[k];
			if (!m->computed)
				continue;
			lead(fp, o, sc->file, sc->settings.title, NULL, &first);
			put_seed(fp, o->out, seed, &first);
			put_text(fp, o->out, "metric", names[k], &first);
			put_num(fp, o->out, "draws", (double)m->defined, NULL, &first);
			put_num(fp, o->out, "undefined", (double)m->undefined, NULL, &first);
			double v[12] = { m->mean, m->sd, m->sem, m->min, m->pct[0], m->pct[1], m->pct[2],
					 m->pct[3], m->pct[4], m->pct[5], m->pct[6], m->max };
			static const char *const keys[12] = { "mean", "sd", "sem", "min", "p5", "p10",
				"p25", "p50", "p75", "p90", "p95", "max" };
			for (int c = 0; c < 12; c++)
				put_num(fp, o->out, keys[c], m->defined ? v[c] : NAN, "undefined in every draw",
					&first);
			put_num(fp, o->out, "p_npv_negative", res.p_npv_negative, NULL,
				&first);
			end_row(fp, o->out);
		}
		crm_sim_result_free(&res);
		return CRM_OK;
	}
	crm_analysis *a = crm_analysis_new(sc, err);
	if (!a)
		return err->status;
	if (o->an == AN_TORNADO) {
		crm_tornado_row *rows;
		size_t n;
		crm_value base;
		if ((st = crm_tornado(a, o->metric, o->pct, &rows, &n, &base, err)) == CRM_OK) {
			for (size_t i = 0; i < n; i++) {
				const crm_tornado_row *r = &rows[i];
				lead(fp, o, sc->file, sc->settings.title, NULL, &first);
				put_text(fp, o->out, "name", r->param.name, &first);
				put_text(fp, o->out, "kind", r->param.kind == CRM_PARAM_INPUT ? "input"
					 : sc->lines[r->param.index].kind == CRM_COST ? "cost" : "benefit", &first);
				put_num(fp, o->out, "low", r->low, NULL, &first);
				put_num(fp, o->out, "high", r->high, NULL, &first);
				put_num(fp, o->out, "metric_at_low", r->at_low.v, r->at_low.why, &first);
				put_num(fp, o->out, "metric_at_high", r->at_high.v, r->at_high.why, &first);
				put_num(fp, o->out, "swing", r->swing_ok ? r->swing : NAN, "undefined at one end",
					&first);
				end_row(fp, o->out);
			}
			free(rows);
		}
	} else {
		static const char *const words[] = { "found", "none in interval", "flat", "no base value", "jump" };
		for (size_t i = 0; i < sc->ninputs && st == CRM_OK; i++) {
			crm_param p;
			crm_breakeven be;
			double lo, hi;
			if ((st = crm_param_find(sc, sc->inputs[i].name, &p, err)) != CRM_OK)
				break;
			crm_breakeven_interval(&p, &lo, &hi);
			st = crm_breakeven_solve(a, &p, o->metric, o->target, lo, hi, &be, err);
			if (st != CRM_OK && st != CRM_ENOMEM) {
				/* One input that cannot be searched leaves the others' rows. */
				lead(fp, o, sc->file, sc->settings.title, NULL, &first);
				put_text(fp, o->out, "name", p.name, &first);
				put_text(fp, o->out, "kind", "input", &first);
				put_num(fp, o->out, "base", p.has_base ? p.base : NAN,
					"a formula or series", &first);
				put_num(fp, o->out, "breakeven", NAN, err->msg, &first);
				put_num(fp, o->out, "change", NAN, NULL, &first);
				put_num(fp, o->out, "searched_from", NAN, NULL, &first);
				put_num(fp, o->out, "searched_to", NAN, NULL, &first);
				put_text(fp, o->out, "breakeven_status", "not searched", &first);
				end_row(fp, o->out);
				crm_error_clear(err);
				st = CRM_OK;
				continue;
			}
			if (st != CRM_OK)
				break;
			lead(fp, o, sc->file, sc->settings.title, NULL, &first);
			put_text(fp, o->out, "name", p.name, &first);
			put_text(fp, o->out, "kind", "input", &first);
			put_num(fp, o->out, "base", p.has_base ? p.base : NAN, "a formula or series", &first);
			put_num(fp, o->out, "breakeven", be.status == CRM_BE_FOUND ? be.value : NAN,
				words[be.status], &first);
			/* A month is not a percentage: no change, and the meaning with its side. */
			char meaning[600] = "";
			if (p.months && be.status == CRM_BE_FOUND)
				explain_breakeven(&be, o->metric, o->target, 0, meaning, sizeof meaning);
			put_num(fp, o->out, "change", be.status == CRM_BE_FOUND && !p.months ? be.change
				: NAN, meaning, &first);
			put_num(fp, o->out, "searched_from", p.has_base ? lo : NAN, "", &first);
			put_num(fp, o->out, "searched_to", p.has_base ? hi : NAN, "", &first);
			put_text(fp, o->out, "breakeven_status", words[be.status], &first);
			end_row(fp, o->out);
		}
	}
	crm_analysis_free(a);
	return st;
}

/* Columns an analysis adds after file, title, status and error. */
static int analysis_columns(enum analysis an)
{
	switch (an) {
	case AN_RUN: return 1 + (int)NRUN + CRM_NCLASSES;
	case AN_TORNADO: return 7;
	case AN_BREAKEVEN: return 8;
	case AN_SIMULATE: return 17;
	}
	return 0;
}

static void process(const struct batch_opts *o, struct item *it)
{
	crm_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	if (strcmp(it->path, "-") && !looks_like_scenario(it->path)) {
		it->skipped = 1;
		return;
	}
	if (strcmp(it->path, "-"))
		inputs_add_path(it->path);
	if (!(fp = open_memstream(&buf, &len))) {
		it->error = strdup("out of memory");
		return;
	}
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_load(it->path, &err);
	if (sc && o->classes) {
		char warn[2 * EXPLAIN_CLASSES_LEN];
		sc->settings.classes = o->classes;   /* --only */
		if (explain_classes_warning(sc, 1, warn, sizeof warn))
			it->warning = strdup(warn);   /* printed in order, after every thread */
	}
	inputs_add(sc);
	crm_status st = sc ? analyse(o, sc, it->seed, fp, &err) : err.status;
	if (st != CRM_OK) {
		char msg[2048];
		int first;
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
		if (fp) {
			/* The message without the program name, padded to the table's width. */
			lead(fp, o, it->path, sc ? sc->settings.title : "", msg, &first);
			if (o->out == OUT_CSV)
				for (int k = 0; k < analysis_columns(o->an); k++)
					csv_field(fp, "", 0);
			end_row(fp, o->out);
		}
	}
	crm_scenario_free(sc);
	if (fp)
		fclose(fp);
	it->text = buf;
	it->len = len;
}

struct worker {
	const struct batch_opts *o;
	struct item *items;
	size_t n;
	int id, jobs;
};

static void *work(void *arg)
{
	struct worker *w = arg;

	for (size_t i = (size_t)w->id; i < w->n; i += (size_t)w->jobs)
		process(w->o, &w->items[i]);
	return NULL;
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
			o->out = OUT_CSV;
		else if (!strcmp(arg, "jsonl") || !strcmp(arg, "json"))
			o->out = OUT_JSONL;
		else
			return usage_error("batch: unknown format '%s' (expected csv or jsonl)", arg);
		break;
	case OPT_ANALYSIS: {
		static const char *const names[] = { [AN_RUN] = "run", [AN_TORNADO] = "tornado",
			[AN_BREAKEVEN] = "breakeven", [AN_SIMULATE] = "simulate" };
		size_t k = 0;
		while (k < sizeof names / sizeof *names && strcmp(arg, names[k]))
			k++;
		if (k == sizeof names / sizeof *names)
			return usage_error("batch: unknown analysis '%s' (expected run, tornado, "
					   "breakeven or simulate)", arg);
		o->an = (enum analysis)k;
		break;
	}
	case OPT_JOBS:
		return cli_jobs(p, arg, &o->jobs);
	case OPT_METRIC:
		if (crm_metric_parse(arg, &o->metric) != 0)
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
		if (crm_parse_number(arg, &o->target, NULL, why, sizeof why) != CRM_OK)
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
	o.metric = CRM_METRIC_NPV;
	o.draws = 10000;
	o.seed = 1;
	o.shard_k = o.shard_n = 1;
	o.jobs = cli_processors();
	if ((status = cli_parse(&p, "batch", argc, argv, parse_option, &o)) >= 0)
		return status;
	status = EXIT_OK;
	o.output = p.output;
	o.classes = p.classes;
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

	struct item *items = calloc(count + 1, sizeof *items);
	struct worker *ws = calloc((size_t)o.jobs, sizeof *ws);
	pthread_t *tid = calloc((size_t)o.jobs, sizeof *tid);
	if (!items || !ws || !tid) {
		free(items);
		free(ws);
		free(tid);
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (size_t i = 0; i < count; i++) {
		items[i].path = l.e[first + i].path;
		items[i].seed = scenario_seed(o.seed, l.e[first + i].path + l.e[first + i].rel);
	}
	int jobs = (size_t)o.jobs < count ? o.jobs : (int)(count ? count : 1);
	int started = 0;
	for (int t = 0; t < jobs; t++)
		ws[t] = (struct worker){ &o, items, count, t, jobs };
	for (int t = 1; t < jobs; t++, started++)
		if (pthread_create(&tid[t], NULL, work, &ws[t]) != 0)
			break;
	for (int t = 1 + started; t < jobs; t++)
		work(&ws[t]);
	work(&ws[0]);
	for (int t = 1; t <= started; t++)
		pthread_join(tid[t], NULL);

	size_t failed = 0, done_n = 0, skipped = 0;
	for (size_t i = 0; i < count; i++) {
		if (items[i].warning)
			fprintf(stderr, "%s: %s\n", progname, items[i].warning);
		if (items[i].skipped) {
			fprintf(stderr, "%s: %s: skipped: not a scenario file (its header has no kind "
				"column, or a period column as actuals files have)\n", progname, items[i].path);
			skipped++;
		} else if (items[i].error) {
			fprintf(stderr, "%s: %s\n", progname, items[i].error);
			failed++;
		} else {
			done_n++;
		}
	}
	if ((status = cli_out_open(&p)) == EXIT_OK) {
		if (o.shard_k == 1)   /* one header for the parts concatenated */
			header(p.out, &o);
		for (size_t i = 0; i < count; i++)
			if (items[i].text)
				fwrite(items[i].text, 1, items[i].len, p.out);
		status = cli_out_close(&p, EXIT_OK);
	}
	if (status == EXIT_OK && failed) {
		fprintf(stderr, "%s: batch: %zu of %zu scenarios failed\n", progname, failed,
			failed + done_n);
		status = EXIT_DATA;
	}
	(void)skipped;
	for (size_t i = 0; i < count; i++) {
		free(items[i].text);
		free(items[i].error);
		free(items[i].warning);
	}
	free(items);
	free(ws);
	free(tid);
done:
	for (size_t i = 0; i < l.n; i++)
		free(l.e[i].path);
	free(l.e);
	return status;
}
