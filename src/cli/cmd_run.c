/*
 * cmd_run.c - `crmroi run`: one report per scenario file.
 *
 * All files are loaded and evaluated before anything is written, so a bad
 * file leaves no half-written report behind, on stdout or in -o FILE.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "commands.h"
#include "report.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

int cmd_run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "by", required_argument, NULL, 'b' },
		{ "output", required_argument, NULL, 'o' },
		{ "only", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	out_format fmt = FMT_TEXT;
	const char *output = NULL;
	int by_month = 0, c, status = EXIT_OK, nfiles;
	unsigned classes = 0;       /* 0: the scenario's own (every class but flexibility) */
	report *reps = NULL;
	out_sink sink;
	crm_error err;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &fmt) != 0)
				return usage_error("run: unknown format '%s' (expected text, csv, json "
						   "or markdown)", optarg);
			break;
		case 'b':
			if (!strcmp(optarg, "month"))
				by_month = 1;
			else if (!strcmp(optarg, "year"))
				by_month = 0;
			else
				return usage_error("run: --by takes year or month, not '%s'", optarg);
			break;
		case 'o':
			output = optarg;
			break;
		case 'O':
			crm_error_clear(&err);
			if (crm_classes_parse(optarg, &classes, &err) != CRM_OK)
				return command_usage_error("run", "run: --only: %s", err.msg);
			break;
		case 'h':
			print_command_help(find_command("run"), stdout);
			return EXIT_OK;
		case ':':
			return usage_error("run: option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("run: unknown option '%s'", argv[optind - 1]);
		}
	}
	nfiles = argc - optind;
	if (nfiles < 1)
		return usage_error("run: no scenario file given");
	reps = calloc((size_t)nfiles, sizeof *reps);
	if (!reps) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < nfiles; i++) {
		int st = load_report(&reps[i], argv[optind + i], by_month, classes);
		if (st != EXIT_OK) {
			if (status == EXIT_OK)
				status = st;
			continue;
		}
		report_warnings(&reps[i].sc->warnings);
	}
	if (status != EXIT_OK)
		goto done;

	crm_error_clear(&err);
	if (sink_open(&sink, output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	if (fmt == FMT_CSV && nfiles > 1) {
		/*
		 * Several scenarios: one table with a scenario column, and a new
		 * header only where the period columns change.
		 */
		for (int i = 0; i < nfiles; i++) {
			if (i == 0 || !report_csv_header_same(&reps[i - 1], &reps[i])) {
				if (i)
					csv_end(sink.fp);
				report_csv_header(&reps[i], sink.fp, 1);
			}
			report_csv_rows(&reps[i], sink.fp, reps[i].sc->file);
		}
		goto commit;
	}
	if (fmt == FMT_JSON && nfiles > 1)
		fputs("[\n", sink.fp);
	for (int i = 0; i < nfiles; i++) {
		if (i && fmt == FMT_JSON)
			fputs(",\n", sink.fp);
		else if (i)
			fputs(fmt == FMT_CSV ? "\r\n" : "\n", sink.fp);
		switch (fmt) {
		case FMT_TEXT: report_text(&reps[i], sink.fp); break;
		case FMT_MARKDOWN: report_markdown(&reps[i], sink.fp); break;
		case FMT_CSV: report_csv(&reps[i], sink.fp); break;
		case FMT_JSON: report_json(&reps[i], sink.fp); break;
		}
	}
	if (fmt == FMT_JSON && nfiles > 1)
		fputs("]\n", sink.fp);
commit:
	if (sink_commit(&sink, &err) != 0)
		status = report_error(&err);
done:
	for (int i = 0; i < nfiles; i++)
		report_free(&reps[i]);
	free(reps);
	return status;
}
