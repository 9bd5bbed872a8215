/*
 * cmd_track.c - `crmroi track SCENARIO ACTUALS...`: the approved plan against
 * actuals, the indexes, the re-forecast and the phases' gates, in text,
 * markdown, CSV or JSON.
 *
 * The scenario and every actuals file are read and the whole comparison is
 * computed before anything is written, so a bad file leaves no half-written
 * output behind. The views in every format are in src/render/track_view.c.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "cli.h"
#include "commands.h"
#include "track_view.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- command */

int cmd_track(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	out_format fmt = FMT_TEXT;
	const char *output = NULL;
	int c, status = EXIT_OK;
	crm_scenario *sc = NULL;
	crm_actuals *act = NULL;
	crm_track *t = NULL;
	out_sink sink;
	crm_error err;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &fmt) != 0)
				return usage_error("track: unknown format '%s' (expected text, csv, json "
						   "or markdown)", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_command_help(find_command("track"), stdout);
			return EXIT_OK;
		case ':':
			return usage_error("track: option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("track: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind < 1)
		return usage_error("track: no scenario file given");
	if (argc - optind < 2)
		return usage_error("track: no actuals file given (crmroi track SCENARIO ACTUALS...)");
	int nstdin = 0;
	for (int i = optind; i < argc; i++) {
		nstdin += !strcmp(argv[i], "-");
		if (output && same_file(output, argv[i]))
			return usage_error("track: the output file '%s' is one of the input files",
					   output);
	}
	if (nstdin > 1)
		return usage_error("track: standard input (-) can be read only once");

	crm_error_clear(&err);
	if (!(sc = crm_scenario_load(argv[optind], &err))) {
		status = report_error(&err);
		goto done;
	}
	report_warnings(&sc->warnings);
	if (!(act = crm_actuals_new(sc))) {
		crm_error_set(&err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		status = report_error(&err);
		goto done;
	}
	for (int i = optind + 1; i < argc; i++)
		if (crm_actuals_read(act, argv[i], &err) != CRM_OK) {
			status = report_error(&err);
			goto done;
		}
	if (crm_track_compute(sc, act, &t, &err) != CRM_OK) {
		status = report_error(&err);
		goto done;
	}
	report_warnings(&t->warnings);
	if (sink_open(&sink, output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	track_view_write(t, act, fmt, sink.fp);
	if (sink_commit(&sink, &err) != 0)
		status = report_error(&err);
done:
	crm_track_free(t);
	crm_actuals_free(act);
	crm_scenario_free(sc);
	return status;
}
