/*
 * cmd_workbook.c - `crmroi workbook SCENARIO -o FILE.xlsx`: the business case
 * as a workbook of live formulas (src/render/workbook.c).
 *
 * The scenario is loaded, evaluated and measured first, and its tornado
 * computed, so that a bad scenario leaves no file behind; the workbook is
 * then written whole or not at all.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "commands.h"
#include "report.h"
#include "workbook.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Whether a and b name the same existing file. */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
		return 0;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cmd_workbook(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *output = NULL, *path;
	int c, status;
	report rep;
	crm_analysis *an = NULL;
	crm_tornado_row *rows = NULL;
	size_t nrows = 0;
	crm_value base;
	crm_warnings warn = { 0 };
	crm_error err;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case 'h':
			print_command_help(find_command("workbook"), stdout);
			return EXIT_OK;
		case ':':
			return usage_error("workbook: option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("workbook: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (argc - optind != 1)
		return usage_error(argc - optind ? "workbook: one scenario file at a time" :
				   "workbook: no scenario file given");
	path = argv[optind];
	if (!output)
		return usage_error("workbook: no output file given (write -o FILE.xlsx)");
	if (!strcmp(output, "-"))
		return usage_error("workbook: a workbook is a file: give -o FILE.xlsx, not standard "
				   "output");
	if (strcmp(path, "-") && same_file(path, output))
		return usage_error("workbook: the output '%s' is the scenario itself", output);

	status = load_report(&rep, path, 0, 0);
	if (status == EXIT_OK && rep.sc->settings.grid == CRM_GRID_MONTH) {
		/* One column per period of the grid. */
		report_free(&rep);
		status = load_report(&rep, path, 1, 0);
	}
	if (status != EXIT_OK)
		goto done;
	report_warnings(&rep.sc->warnings);

	crm_error_clear(&err);
	if (!(an = crm_analysis_new(rep.sc, &err)) ||
	    crm_tornado(an, CRM_METRIC_NPV, 0, &rows, &nrows, &base, &err) != CRM_OK) {
		if (!err.file[0])
			snprintf(err.file, sizeof err.file, "%s", rep.sc->file);
		status = report_error(&err);
		goto done;
	}
	if (wb_write(&rep, rows, nrows, output, &warn, &err) != CRM_OK)
		status = report_error(&err);
	report_warnings(&warn);
done:
	crm_warnings_free(&warn);
	free(rows);
	crm_analysis_free(an);
	report_free(&rep);
	return status;
}
