/*
 * cmd_compare.c - `crmroi compare`: scenarios side by side, against a
 * baseline, ranked, with their yearly and incremental cash flows.
 *
 * The command's part: its options, loading each scenario's business case,
 * the incremental cash flows over the baseline (crmroi/compare.h), the
 * warning when the horizons differ, the output file and the exit status.
 * What the comparison shows, and how, is src/render/compare_view.c's.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "compare_view.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* The file's name without its directory and a ".csv" ending, malloc'd. */
static char *short_name(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (n > 4 && !strcmp(b + n - 4, ".csv"))
		n -= 4;
	return strndup(b, n);
}

struct compare_opts {
	const char *baseline;
	crm_metric_id rank_by;
	int rank_given;             /* --rank was on the command line */
};

/* --baseline and --rank. */
static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct compare_opts *o = ctx;

	(void)p;
	if (id == OPT_BASELINE) {
		o->baseline = arg;
		return 0;
	}
	if (crm_metric_parse(arg, &o->rank_by) != 0)
		return usage_error("compare: --rank: unknown metric '%s' (expected npv, roi, bcr, irr, "
				   "mirr, payback, discounted_payback, pv_benefits, pv_costs or an "
				   "after-tax one: after_tax_npv, after_tax_roi, after_tax_irr, "
				   "after_tax_mirr, after_tax_payback, after_tax_discounted_payback)",
				   arg);
	o->rank_given = 1;
	return 0;
}

int cmd_compare(int argc, char **argv)
{
	cli_parser p;
	struct compare_opts o = { NULL, CRM_METRIC_NPV, 0 };
	int status;
	/* The view borrows these; the command owns them. */
	report *r = NULL;
	const crm_case **cases = NULL;
	char **names = NULL;
	crm_incremental *inc = NULL;
	compare_view v;
	crm_error err;

	memset(&v, 0, sizeof v);
	if ((status = cli_parse(&p, "compare", argc, argv, parse_option, &o)) >= 0)
		return status;
	status = EXIT_OK;
	const char *baseline = o.baseline;
	char **files = p.args;
	int nfiles = p.nargs;
	if (nfiles < 1)
		return usage_error("compare: no scenario file given");
	/* The baseline is the first file, or --baseline (added in front when not listed). */
	int extra = 0;
	if (baseline) {
		extra = 1;
		for (int i = 0; i < nfiles; i++)
			if (!strcmp(files[i], baseline)) {
				extra = 0;
				v.base = i;
			}
	}
	v.n = nfiles + extra;
	r = calloc((size_t)v.n, sizeof *r);
	cases = calloc((size_t)v.n, sizeof *cases);
	names = calloc((size_t)v.n, sizeof *names);
	inc = calloc((size_t)v.n, sizeof *inc);
	if (!r || !cases || !names || !inc) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (int i = 0; i < v.n; i++) {
		const char *path = extra ? (i == 0 ? baseline : files[i - 1]) : files[i];
		int st = load_report(&r[i], path, 0, p.classes);
		if (st != EXIT_OK) {
			if (status == EXIT_OK || st == EXIT_DATA)
				status = st;
			continue;
		}
		status = strict_status(report_warnings(&r[i].sc->warnings), status);
		cases[i] = r[i].c;
		v.any_tax |= r[i].c->has_tax;
		names[i] = short_name(path);
		int years = r[i].sc->settings.horizon_years;
		if (years > v.years)
			v.years = years;
		if (!v.min_years || years < v.min_years)
			v.min_years = years;
	}
	for (int i = 0; status == EXIT_OK && i < v.n; i++)
		if (!names[i])
			status = EXIT_INTERNAL;
	if (status != EXIT_OK) {
		if (status == EXIT_INTERNAL)
			fprintf(stderr, "%s: out of memory\n", progname);
		goto done;
	}
	/* A short name twice (files of the same name in different directories): paths for all of them. */
	char *twice = calloc((size_t)v.n + 1, 1);
	for (int i = 0; twice && i < v.n; i++)
		for (int j = i + 1; j < v.n; j++)
			if (!strcmp(names[i], names[j]))
				twice[i] = twice[j] = 1;
	for (int i = 0; twice && i < v.n; i++)
		if (twice[i]) {
			free(names[i]);
			names[i] = strdup(r[i].sc->file);
		}
	for (int i = 0; status == EXIT_OK && i < v.n; i++)
		if (!twice || !names[i]) {
			fprintf(stderr, "%s: out of memory\n", progname);
			status = EXIT_INTERNAL;
		}
	free(twice);
	if (status != EXIT_OK)
		goto done;
	v.r = r;
	v.cases = cases;
	v.names = names;
	v.inc = inc;
	/*
	 * Scenarios over different horizons sum different periods: their NPVs are
	 * ranked only when the user asks for a ranking.
	 */
	v.ranked = v.min_years == v.years || o.rank_given;
	v.rank_by = o.rank_by;
	if (v.min_years != v.years) {
		char *note = compare_view_horizon_note(&v);
		fprintf(stderr, "%s: warning: %s; %s\n", progname, note ? note : "the horizons differ",
			o.rank_given ? "ranked as asked by --rank"
				   : "not ranked (give --rank METRIC to rank them anyway)");
		free(note);
	}
	crm_error_clear(&err);
	for (int i = 0; i < v.n; i++) {
		if (i == v.base)
			continue;
		const report *a = &r[v.base], *b = &r[i];
		if (crm_incremental_flows(a->c->cf, &a->c->m, a->sc->settings.discount_rate, b->c->cf, &b->c->m,
					  b->sc->settings.discount_rate, &inc[i], &err) != CRM_OK) {
			status = report_error(&err);
			goto done;
		}
	}
	if ((status = cli_out_open(&p)) == EXIT_OK) {
		compare_view_write(&v, p.fmt, p.out);
		status = cli_out_close(&p, EXIT_OK);
	}
done:
	/* Any of the arrays may be missing when one could not be allocated. */
	for (int i = 0; i < v.n; i++) {
		if (r)
			report_free(&r[i]);
		if (names)
			free(names[i]);
		if (inc)
			crm_incremental_free(&inc[i]);
	}
	free(r);
	free(cases);
	free(names);
	free(inc);
	return status;
}
