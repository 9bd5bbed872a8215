/*
 * cli.h - what the command-line front end's files share.
 *
 * Only the front end reads argv, prints, and chooses exit codes; it calls the
 * library for everything else.
 */
#ifndef CRMROI_CLI_H
#define CRMROI_CLI_H

#include <stdio.h>

#include "crmroi/crmroi.h"
#include "render.h"

/* Exit statuses: documented in crmroi(1), EXIT STATUS. Keep them stable. */
enum {
	EXIT_OK = 0,
	EXIT_DATA = 1,      /* a scenario is malformed or inconsistent */
	EXIT_USAGE = 2,     /* bad command line */
	EXIT_IO = 3,        /* a file could not be read or written */
	EXIT_INTERNAL = 4   /* out of memory, or a numerical method failed */
};

extern const char *progname;

/* Report a usage error (one line and a hint) and return EXIT_USAGE. */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print an error context as "crmroi: FILE:LINE:COL: message" and return its exit status. */
int report_error(const crm_error *err);
void report_warnings(const crm_warnings *w);
int exit_status_of(crm_status st);
int parse_format(const char *s, out_format *out);

/* ---- output sink: stdout, or a file written whole or not at all ---- */
typedef struct out_sink {
	FILE *fp;
	char *path;      /* final name, NULL for stdout */
	char *tmp;       /* temporary file beside it */
} out_sink;

int sink_open(out_sink *s, const char *path, crm_error *err);
/* Flush and publish: rename the temporary file over path. */
int sink_commit(out_sink *s, crm_error *err);
/* Drop what was written (the earlier file at path is untouched). */
void sink_abort(out_sink *s);

/* ---- commands ---- */
int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_tornado(int argc, char **argv);
int cmd_spider(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_breakeven(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_track(int argc, char **argv);
int cmd_assess(int argc, char **argv);
/* The line run's outputs show for a scenario with setting readiness (cmd_assess.c). */
void readiness_summary(const crm_settings *s, char *buf, size_t len);
int cmd_workbook(int argc, char **argv);

#endif
