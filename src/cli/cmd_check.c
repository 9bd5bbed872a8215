/*
 * cmd_check.c - `crmroi check`: validate scenarios and show their inputs.
 *
 * Every file is checked, even after a bad one, so one run lists every broken
 * file. For a good file: what it holds, and for each input its value, range
 * and the inputs and lines that use it, directly or through prev(), as
 * src/render/check_view.c lays it out.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "check_view.h"

#include <stdlib.h>
#include <string.h>

/*
 * The warnings of a tracked plan: a phase with fewer than three criteria, a
 * criterion without owner, baseline or target, a benefit without owner or
 * metric.
 */
static size_t plan_warnings(const crm_scenario *sc)
{
	crm_warnings w;
	size_t n = 0;

	memset(&w, 0, sizeof w);
	if (crm_track_plan_warnings(sc, &w) == CRM_OK)
		n = report_warnings(&w);
	crm_warnings_free(&w);
	return n;
}

int cmd_check(int argc, char **argv)
{
	cli_parser p;
	int status;

	if ((status = cli_parse(&p, "check", argc, argv, NULL, NULL)) >= 0)
		return status;
	status = EXIT_OK;
	if (p.nargs < 1)
		return usage_error("check: no scenario file given");
	for (int i = 0; i < p.nargs; i++) {
		crm_error err;
		crm_warnings errors = { NULL, 0, 0 };
		size_t unlisted = 0;
		crm_error_clear(&err);
		/* Every independent error of the file, as a compiler lists them. */
		crm_scenario *sc = crm_scenario_check(p.args[i], &errors, &unlisted, &err);
		if (!sc) {
			int st = EXIT_OK;
			size_t nerr = unlisted;
			for (size_t k = 0; k < errors.count; k++) {
				if (errors.items[k].status == CRM_OK) {
					crm_warnings one = { &errors.items[k], 1, 1 };
					nerr += report_warnings(&one);   /* --strict */
					continue;
				}
				int one = report_error(&errors.items[k]);
				nerr++;
				if (st == EXIT_OK || one == EXIT_DATA)
					st = one;
			}
			if (nerr > 1)
				fprintf(stderr, "%s: %s: %zu errors%s\n", progname, err.file, nerr,
					unlisted ? " (the first ones are listed)" : "");
			if (st == EXIT_OK)
				st = report_error(&err);
			if (status == EXIT_OK || st == EXIT_DATA)
				status = st;
			crm_warnings_free(&errors);
			continue;
		}
		crm_warnings_free(&errors);
		crm_model *m = sc ? crm_model_new(sc, &err) : NULL;
		crm_cashflow *cf = m ? crm_cashflow_new(m) : NULL;
		if (m && !cf)
			crm_error_set(&err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		/* Evaluate once too: a division by zero in some year is a scenario error. And
		 * the correlations must form a valid matrix. */
		crm_uncertain *items = NULL;
		size_t nitems = 0;
		crm_copula cop;
		memset(&cop, 0, sizeof cop);
		int bad = !cf || crm_model_eval(m, cf, &err) != CRM_OK ||
			  crm_uncertain_list(sc, &items, &nitems, &err) != CRM_OK ||
			  crm_copula_init(&cop, sc, items, nitems, &err) != CRM_OK;
		free(items);
		crm_copula_free(&cop);
		if (bad) {
			int st = report_error(&err);
			if (status == EXIT_OK || st == EXIT_DATA)
				status = st;
		} else if (report_warnings(&sc->warnings) + plan_warnings(sc)) {
			status = EXIT_DATA;   /* --strict: warnings are errors, and no listing */
		} else {
			check_view_scenario(sc, stdout);
			check_view_origins(sc, stdout);
			check_view_phases(sc, stdout);
		}
		crm_cashflow_free(cf);
		crm_model_free(m);
		crm_scenario_free(sc);
	}
	return status;
}
