/*
 * cmd_track.c - `crmroi track SCENARIO ACTUALS...`: the approved plan against
 * actuals, the indexes, the re-forecast and the phases' gates, in text,
 * markdown, CSV or JSON.
 *
 * The scenario and every actuals file are read and the whole comparison is
 * computed before anything is written, so a bad file leaves no half-written
 * output behind. The views in every format are in src/render/track_view.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "track_view.h"

#include <stdlib.h>
#include <string.h>

int cmd_track(int argc, char **argv)
{
	cli_parser p;
	int status, nstdin = 0;
	crm_scenario *sc = NULL;
	crm_actuals *act = NULL;
	crm_track *t = NULL;
	crm_error err;

	if ((status = cli_parse(&p, "track", argc, argv, NULL, NULL)) >= 0)
		return status;
	status = EXIT_OK;
	if (p.nargs < 1) {
		status = usage_error("track: no scenario file given");
		goto done;
	}
	if (p.nargs < 2) {
		status = usage_error("track: no actuals file given (crmroi track SCENARIO ACTUALS...)");
		goto done;
	}
	for (int i = 0; i < p.nargs; i++) {
		nstdin += !strcmp(p.args[i], "-");
		if (p.output && same_file(p.output, p.args[i])) {
			status = usage_error("track: the output file '%s' is one of the input files",
					     p.output);
			goto done;
		}
	}
	if (nstdin > 1) {
		status = usage_error("track: standard input (-) can be read only once");
		goto done;
	}
	crm_error_clear(&err);
	if (!(sc = crm_scenario_load(p.args[0], &err))) {
		status = report_error(&err);
		goto done;
	}
	if ((status = strict_status(report_warnings(&sc->warnings), EXIT_OK)) != EXIT_OK)
		goto done;
	if (!(act = crm_actuals_new(sc))) {
		crm_error_set(&err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		status = report_error(&err);
		goto done;
	}
	for (int i = 1; i < p.nargs; i++)
		if (crm_actuals_read(act, p.args[i], &err) != CRM_OK) {
			status = report_error(&err);
			goto done;
		}
	if (crm_track_compute(sc, act, &t, &err) != CRM_OK) {
		status = report_error(&err);
		goto done;
	}
	if ((status = strict_status(report_warnings(&t->warnings), EXIT_OK)) == EXIT_OK &&
	    (status = cli_out_open(&p)) == EXIT_OK) {
		track_view_write(t, act, p.fmt, p.out);
		status = cli_out_close(&p, EXIT_OK);
	}
done:
	crm_track_free(t);
	crm_actuals_free(act);
	crm_scenario_free(sc);
	return status;
}
