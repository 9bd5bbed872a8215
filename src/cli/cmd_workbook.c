/*
 * cmd_workbook.c - `crmroi workbook [--only CLASSES] SCENARIO -o FILE.xlsx`:
 * the business case as a workbook of live formulas (src/render/workbook.c),
 * its metrics counting the benefit classes --only names, as run's do.
 *
 * The scenario is loaded, evaluated and measured first, and its tornado
 * computed, so that a bad scenario leaves no file behind; the workbook is
 * then written whole or not at all.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "report.h"
#include "workbook.h"

#include <stdlib.h>
#include <string.h>

int cmd_workbook(int argc, char **argv)
{
	cli_parser p;
	const char *path, *output;
	int status;
	report rep;
	crm_analysis *an = NULL;
	crm_tornado_row *rows = NULL;
	size_t nrows = 0;
	crm_value base;
	crm_warnings warn = { 0 };
	crm_error err;

	memset(&rep, 0, sizeof rep);
	if ((status = cli_parse(&p, "workbook", argc, argv, NULL, NULL)) >= 0)
		return status;
	output = p.output;
	if (p.nargs != 1)
		status = usage_error(p.nargs ? "workbook: one scenario file at a time" :
				     "workbook: no scenario file given");
	else if (!output)
		status = usage_error("workbook: no output file given (write -o FILE.xlsx)");
	else if (!strcmp(output, "-"))
		status = usage_error("workbook: a workbook is a file: give -o FILE.xlsx, not standard "
				     "output");
	else if (path = p.args[0], strcmp(path, "-") && same_file(path, output))
		status = usage_error("workbook: the output '%s' is the scenario itself", output);
	else
		/* One column per period of the scenario's own grid: loaded once (- too). */
		status = load_report(&rep, path, LOAD_BY_GRID, p.only_given ? p.classes : 0);
	if (status != EXIT_OK)
		goto done;
	if ((status = strict_status(report_warnings(&rep.sc->warnings), status)) != EXIT_OK)
		goto done;

	crm_error_clear(&err);
	if (!(an = crm_analysis_new(rep.sc, &err)) ||
	    crm_tornado(an, CRM_METRIC_NPV, 0, &rows, &nrows, &base, &err) != CRM_OK) {
		if (!err.file[0])
			snprintf(err.file, sizeof err.file, "%s", rep.sc->file);
		status = report_error(&err);
		goto done;
	}
	/*
	 * Through the output sink: an input is never replaced, a link is followed
	 * as for every output, and a signal removes the temporary file.
	 * libxlsxwriter's own messages name that file: they are silenced, and a
	 * failure is reported with the output's name.
	 */
	out_sink sink;
	if (sink_open_path(&sink, output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	int quiet = quiet_stderr_begin();
	crm_status st = wb_write(&rep, rows, nrows, sink_file(&sink), output, &warn, &err);
	quiet_stderr_end(quiet);
	if (st != CRM_OK) {
		sink_abort(&sink);
		status = report_error(&err);
	} else if ((status = strict_status(report_warnings(&warn), EXIT_OK)) != EXIT_OK) {
		sink_abort(&sink);   /* --strict: a text cut to fit a cell is an error */
	} else if (sink_commit(&sink, &err) != 0) {
		status = report_error(&err);
	}
	if (st != CRM_OK)
		report_warnings(&warn);
done:
	crm_warnings_free(&warn);
	free(rows);
	crm_analysis_free(an);
	report_free(&rep);
	return status;
}
