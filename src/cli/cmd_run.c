/*
 * cmd_run.c - `crmroi run`: one report per scenario file.
 *
 * All files are loaded and evaluated before anything is written, so a bad
 * file leaves no half-written report behind, on stdout or in -o FILE.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* --by, run's one option of its own. */
static int parse_by(void *ctx, const cli_parser *p, int id, const char *arg)
{
	(void)p;
	(void)id;
	if (strcmp(arg, "month") && strcmp(arg, "year"))
		return usage_error("run: --by takes year or month, not '%s'", arg);
	*(int *)ctx = !strcmp(arg, "month");
	return 0;
}

int cmd_run(int argc, char **argv)
{
	cli_parser p;
	int by_month = 0, status;
	report *reps = NULL;

	if ((status = cli_parse(&p, "run", argc, argv, parse_by, &by_month)) >= 0)
		return status;
	status = EXIT_OK;
	if (p.nargs < 1) {
		status = usage_error("run: no scenario file given");
		goto done;
	}
	if (!(reps = calloc((size_t)p.nargs, sizeof *reps))) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (int i = 0; i < p.nargs; i++) {
		int st = load_report(&reps[i], p.args[i], by_month, p.classes);
		if (st != EXIT_OK) {
			if (status == EXIT_OK)
				status = st;
			continue;
		}
		status = strict_status(report_warnings(&reps[i].sc->warnings), status);
	}
	if (status != EXIT_OK || (status = cli_out_open(&p)) != EXIT_OK)
		goto done;
	report_write(reps, (size_t)p.nargs, p.fmt, p.out);
	status = cli_out_close(&p, EXIT_OK);
done:
	for (int i = 0; reps && i < p.nargs; i++)
		report_free(&reps[i]);
	free(reps);
	return status;
}
