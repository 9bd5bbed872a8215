/*
 * cmd_track.c - `crmroi track SCENARIO ACTUALS...`: the approved plan against
 * actuals, the indexes, the re-forecast and the phases' gates, in text,
 * markdown, CSV or JSON.
 *
 * The scenario and every actuals file are read and the whole comparison is
 * computed before anything is written, so a bad file leaves no half-written
 * output behind. The views in every format are in src/render/track_view.c.
 */
#define _XOPEN_SOURCE 700
#include "cli.h"
#include "options.h"
#include "track_view.h"
#include "calib_view.h"

#include <stdlib.h>
#include <string.h>

struct track_opts {
	int calibration;           /* --calibration: that alone */
	const char *calibrated_out;
};

static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct track_opts *o = ctx;

	(void)p;
	if (id == OPT_CALIBRATION)
		o->calibration = 1;
	else if (id == OPT_CALIBRATED_OUT)
		o->calibrated_out = arg;
	return 0;
}

int cmd_track(int argc, char **argv)
{
	cli_parser p;
	int status, nstdin = 0;
	crm_scenario *sc = NULL;
	crm_actuals *act = NULL;
	crm_track *t = NULL;
	crm_error err;
	struct track_opts o = { 0, NULL };
	crm_calibration cal;
	int has_cal = 0;

	memset(&cal, 0, sizeof cal);
	if ((status = cli_parse(&p, "track", argc, argv, parse_option, &o)) >= 0)
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
		if (o.calibrated_out && same_file(o.calibrated_out, p.args[i])) {
			status = usage_error("track: --calibrated-out '%s' is one of the input files",
					     o.calibrated_out);
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
	/* Realised inputs or events: how good the estimates were. */
	int realised = 0;
	for (size_t i = 0; i < crm_actuals_count(act); i++) {
		crm_actual_kind k = crm_actuals_get(act, i)->kind;
		realised |= k == CRM_ACTUAL_INPUT || k == CRM_ACTUAL_EVENT;
	}
	if (realised || o.calibration || o.calibrated_out) {
		if (crm_calibrate(sc, act, &cal, &err) != CRM_OK) {
			status = report_error(&err);
			goto done;
		}
		has_cal = 1;
	}
	if ((status = strict_status(report_warnings(&t->warnings), EXIT_OK)) != EXIT_OK)
		goto done;
	if (o.calibrated_out) {
		out_sink s;
		char *base = cli_base_path(p.args[0], o.calibrated_out);
		crm_error_clear(&err);
		if (!base || sink_open(&s, o.calibrated_out, &err) != 0) {
			free(base);
			status = base ? report_error(&err) : EXIT_INTERNAL;
			goto done;
		}
		calib_view_scenario(sc, &cal, base, s.fp);
		free(base);
		if (sink_commit(&s, &err) != 0) {
			status = report_error(&err);
			goto done;
		}
	}
	if ((status = cli_out_open(&p)) == EXIT_OK) {
		if (o.calibration)
			calib_view_write(sc, &cal, p.fmt, p.out);
		else
			track_view_write(t, act, has_cal ? &cal : NULL, p.fmt, p.out);
		status = cli_out_close(&p, EXIT_OK);
	}
done:
	crm_calibration_free(&cal);
	crm_track_free(t);
	crm_actuals_free(act);
	crm_scenario_free(sc);
	return status;
}
