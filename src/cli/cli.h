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
#include "report.h"

/* Exit statuses: documented in crmroi(1), EXIT STATUS. Keep them stable. */
enum {
	EXIT_OK = 0,
	EXIT_DATA = 1,      /* a scenario is malformed or inconsistent */
	EXIT_USAGE = 2,     /* bad command line */
	EXIT_IO = 3,        /* a file could not be read or written */
	EXIT_INTERNAL = 4   /* out of memory, or a numerical method failed */
};

extern const char *progname;
/* The command being run ("run"), once main has chosen it; NULL before. */
extern const char *cli_command;
/* --strict: warnings are errors (exit 1, no output). */
extern int cli_strict;

/*
 * --color WHEN: "auto" (the default: on a terminal, unless NO_COLOR is set
 * and not empty or TERM is dumb), "always" or "never". Sets the colour of
 * diagnostics on standard error and of negative numbers in text output
 * (render_set_color); -1 for another word.
 */
int cli_set_color(const char *when);
/* The escape sequence of code "31" (red), "33" (yellow) or "0" (plain) for standard error; "" when it is not coloured. */
const char *cli_sgr(const char *code);

/*
 * Report a usage error (one line and a hint: 'crmroi COMMAND --help' once a
 * command is chosen, else 'crmroi --help') and return EXIT_USAGE.
 */
int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print an error context as "crmroi: FILE:LINE:COL: message" and return its exit status. */
int report_error(const crm_error *err);
/*
 * Print warnings as "crmroi: FILE:LINE:COL: warning: message", each once per
 * command. With --strict they are printed as errors and the number printed is
 * returned: the caller then stops with EXIT_DATA (strict_status). 0 otherwise.
 */
size_t report_warnings(const crm_warnings *w);
/* One warning (or note) as report_warnings prints it, strict or not, on fp, every time. */
void print_warning(FILE *fp, const crm_error *e);
/* EXIT_DATA after report_warnings printed errors under --strict (n > 0), else status. */
int strict_status(size_t n, int status);
int exit_status_of(crm_status st);
int parse_format(const char *s, out_format *out);

/* A whole number from 0 to 18446744073709551615, digits only. 0, or -1 if s is not one. */
int parse_uint64(const char *s, uint64_t *out);

/*
 * ---- output sink: stdout, or a file written whole or not at all ----
 *
 * A regular file (or a new one) is written to a temporary file beside it and
 * renamed over it on commit: a failed or interrupted run leaves the earlier
 * file untouched (SIGINT, SIGTERM and SIGHUP remove the temporary file). A
 * symbolic link is followed (its target is replaced, the link stays); the
 * replaced file's mode is kept, a new file gets 0666 less the umask. A device
 * or FIFO is written in place. An output that is one of the command's inputs
 * (see inputs_add) is refused with CRM_EUSAGE.
 */
typedef struct out_sink {
	FILE *fp;
	int by_path;     /* sink_open_path: a library writes the file itself */
	char *path;      /* name as given, NULL for stdout */
	char *tmp;       /* temporary file, NULL when written in place */
	char *target;    /* the file replaced on commit: path with links followed */
	struct sink_file *file;  /* fp's descriptor and the first write error's errno */
} out_sink;

int sink_open(out_sink *s, const char *path, crm_error *err);
/* Why writing s failed, for a message: the first failed write's reason. */
const char *sink_why(const out_sink *s);
/* Flush and publish: rename the temporary file over the target. Closes s either way. */
int sink_commit(out_sink *s, crm_error *err);
/*
 * Commit several outputs of one command together: all are written out and
 * synced first, and none is renamed unless all of them could be. Closes all.
 */
int sinks_commit(out_sink *const *s, size_t n, crm_error *err);
/*
 * For a library that writes a file by its name (libxlsxwriter): opened as
 * sink_open opens a file (the input check, the links rule, a temporary file
 * beside the target, removed on a signal), but the library writes
 * sink_file(s) itself; sink_commit then syncs it and renames it over the
 * target. Standard output is refused (CRM_EUSAGE).
 */
int sink_open_path(out_sink *s, const char *path, crm_error *err);
/* The name the library writes to: the temporary file, or a device in place. */
const char *sink_file(const out_sink *s);

/*
 * Standard error silenced around a library that prints its own messages
 * (libxlsxwriter's "[ERROR]" lines name its temporary file): the caller
 * reports the failure in its own words. quiet_end restores it.
 */
int quiet_stderr_begin(void);
void quiet_stderr_end(int saved);

/* Drop what was written (the earlier file at path is untouched). */
void sink_abort(out_sink *s);

/*
 * The files a command reads, which no output may replace: call inputs_add
 * with every scenario loaded (it adds the scenario's file and its bases).
 * Thread-safe.
 */
/*
 * The scenario as a variant written to out reaches it (setting,base): a path
 * relative to out's folder when both can be resolved, the scenario's own path
 * otherwise. malloc'd; NULL on no memory.
 */
char *cli_base_path(const char *scenario, const char *out);
void inputs_add(const crm_scenario *sc);
void inputs_add_path(const char *path);
/*
 * Every argument that names an existing regular file is taken for an input,
 * except by the output it names itself: sink_open(path) with path pointing
 * at that very argument (the value of -o) does not match it.
 */
void inputs_add_args(int argc, char **argv);

/*
 * --only: the classes the metrics count. A class named that no benefit has is
 * worth a warning, added to the scenario's warnings (printed, and an error
 * with --strict, as the others). 1 when there is one, 0 when not, -1 on no
 * memory.
 */
int apply_only(crm_scenario *sc, unsigned classes);

/*
 * Load the scenario at path, count only the benefit classes in classes (0:
 * the scenario's own set; --only), compute its business case and lay it out
 * by year or by month (--by month, which needs the monthly grid; by_month
 * LOAD_BY_GRID: by the scenario's own grid) into r.
 * Prints what goes wrong and returns an exit status; r is to be freed with
 * report_free either way.
 */
int load_report(report *r, const char *path, int by_month, unsigned classes);
#define LOAD_BY_GRID (-1)

/* Whether a and b name the same existing file (the same device and inode). */
int same_file(const char *a, const char *b);

/* ---- commands ---- */
int cmd_new(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_tornado(int argc, char **argv);
int cmd_spider(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_breakeven(int argc, char **argv);
int cmd_simulate(int argc, char **argv);
int cmd_voi(int argc, char **argv);
int cmd_plan(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_track(int argc, char **argv);
int cmd_assess(int argc, char **argv);
int cmd_workbook(int argc, char **argv);
int cmd_completion(int argc, char **argv);

#endif
