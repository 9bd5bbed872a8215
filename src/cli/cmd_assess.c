/*
 * cmd_assess.c - `crmroi assess`: the organisational readiness self-assessment.
 *
 * `crmroi assess --template` writes the questionnaire as a CSV table for the
 * team to fill in; `crmroi assess FILE...` scores answers files (several
 * side by side: the same organisation at different stages) and renders the
 * scores, the learnings and the outline of the executive review in text,
 * markdown, CSV or JSON. Scoring is in src/core/assess.c, the views in
 * src/render/assess_view.c; this file reads the options and the answers
 * files, reports their errors and hands the scores to the view.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "commands.h"
#include "assess_view.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ------------------------------------------------------------------ command */

/* --strict: every unanswered criterion is an error, located like a bad answer. */
static void report_unanswered(const crm_warnings *w)
{
	for (size_t i = 0; i < w->count; i++) {
		crm_error e = w->items[i];
		e.status = CRM_EDATA;
		char *p = strstr(e.msg, CRM_ASSESS_AS_ZERO);
		if (p)
			snprintf(p, sizeof e.msg - (size_t)(p - e.msg), " (--strict needs every "
				 "criterion answered: yes, no or a percentage within a band)");
		report_error(&e);
	}
}

int cmd_assess(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "template", no_argument, NULL, 't' },
		{ "strict", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	out_format fmt = FMT_TEXT;
	const char *output = NULL;
	int c, status = EXIT_OK, nfiles, template = 0, strict = 0, fmt_given = 0;
	crm_assessment **as = NULL;
	out_sink sink;
	crm_error err;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &fmt) != 0)
				return usage_error("assess: unknown format '%s' (expected text, csv, "
						   "json or markdown)", optarg);
			fmt_given = 1;
			break;
		case 'o':
			output = optarg;
			break;
		case 't':
			template = 1;
			break;
		case 's':
			strict = 1;
			break;
		case 'h':
			print_command_help(find_command("assess"), stdout);
			return EXIT_OK;
		case ':':
			return usage_error("assess: option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("assess: unknown option '%s'", argv[optind - 1]);
		}
	}
	nfiles = argc - optind;
	crm_error_clear(&err);
	if (template) {
		if (nfiles)
			return usage_error("assess: --template writes a new answers file and reads "
					   "none ('%s' given)", argv[optind]);
		if (fmt_given && fmt != FMT_CSV)
			return usage_error("assess: the template is a CSV table (--format csv, or "
					   "no --format)");
		struct stat st;
		if (output && strcmp(output, "-") && stat(output, &st) == 0)
			return usage_error("assess: '%s' exists; the template would replace the answers "
					   "in it (choose another name, or remove it first)", output);
		if (sink_open(&sink, output, &err) != 0)
			return report_error(&err);
		assess_view_template(sink.fp);
		return sink_commit(&sink, &err) != 0 ? report_error(&err) : EXIT_OK;
	}
	if (nfiles < 1)
		return usage_error("assess: no answers file given (crmroi assess --template -o "
				   "answers.csv writes one to fill in)");
	for (int i = 0; i < nfiles; i++)
		if (output && same_file(output, argv[optind + i]))
			return usage_error("assess: the output '%s' is the answers file '%s'; it "
					   "would be overwritten", output, argv[optind + i]);
	if (!(as = calloc((size_t)nfiles, sizeof *as))) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < nfiles; i++) {
		crm_error_clear(&err);
		if (!(as[i] = crm_assess_load(argv[optind + i], &err))) {
			int st = report_error(&err);
			if (status == EXIT_OK)
				status = st;
			continue;
		}
		if (strict && as[i]->nunanswered) {
			report_unanswered(&as[i]->warnings);
			if (status == EXIT_OK)
				status = EXIT_DATA;
		} else {
			report_warnings(&as[i]->warnings);
		}
	}
	if (status != EXIT_OK)
		goto done;

	if (sink_open(&sink, output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	assess_view_write(as, nfiles, fmt, sink.fp);
	if (sink_commit(&sink, &err) != 0)
		status = report_error(&err);
done:
	for (int i = 0; i < nfiles; i++)
		crm_assess_free(as[i]);
	free(as);
	return status;
}
