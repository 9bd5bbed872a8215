/*
 * options.h - every option of the command line in one table, and the parser
 * every command uses.
 *
 * The table (options.c) spells each option once: its long name, its short
 * letter and the name of its argument. A command lists the options it takes,
 * each with its help text (the command table in main.c), and that list drives
 * both its parsing and its --help. The parser handles what every command does
 * alike: --help, an unknown option, a missing value, --format (text, csv, json,
 * markdown), --output and --only; it hands the command's own options back one
 * by one, with their argument.
 */
#ifndef CRMROI_OPTIONS_H
#define CRMROI_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

#include "cli.h"

enum cli_opt {
	/* Handled by the parser for every command that takes them. */
	OPT_FORMAT, OPT_OUTPUT, OPT_ONLY, OPT_HELP,
	/* Handed to the command. */
	OPT_BY, OPT_METRIC, OPT_PCT, OPT_STEPS, OPT_VARY, OPT_INPUT, OPT_TARGET, OPT_INTERVAL,
	OPT_JOBS, OPT_DRAWS, OPT_SEED, OPT_PRECISION, OPT_SOBOL, OPT_BINS, OPT_SAMPLES,
	OPT_BASELINE, OPT_RANK, OPT_ANALYSIS, OPT_SHARD, OPT_BATCH_FORMAT, OPT_PDF,
	OPT_NO_SIMULATION, OPT_TITLE, OPT_AUTHOR, OPT_DATE, OPT_PAPER, OPT_ACTUALS, OPT_TEMPLATE,
	OPT_STRICT,
	OPT_COUNT
};

/* One option as every command spells it. */
struct cli_option {
	const char *name;          /* the long name, without "--" */
	char letter;               /* the short name, or 0 */
	const char *arg;           /* the argument's name in help; NULL for a flag */
};

extern const struct cli_option cli_options[OPT_COUNT];

/* A command's use of an option: its argument's name there (NULL: the table's) and its help. */
struct cmd_option {
	enum cli_opt id;
	const char *arg;
	const char *help;
};

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
	const char *usage;
	const struct cmd_option *opts;  /* ends with a NULL help; NULL for none */
};

extern const struct command commands[];
const struct command *find_command(const char *name);
void print_command_help(const struct command *c, FILE *fp);
int cmd_help(int argc, char **argv);

/*
 * One command line being parsed. After cli_next has returned CLI_END, args
 * and nargs are the operands (the files), and fmt, output, classes and
 * only_given the common options' values.
 */
typedef struct cli_parser {
	const struct command *cmd;
	int argc;
	char **argv;
	struct option *longopts;
	char shortopts[2 * OPT_COUNT + 3];
	char **args;
	int nargs;
	out_format fmt;            /* --format: FMT_TEXT when not given */
	int fmt_given;
	const char *output;        /* --output: NULL for standard output */
	unsigned classes;          /* --only: 0 when not given (the scenario's own set) */
	int only_given;
	FILE *out;                 /* the output, once cli_out_open succeeded */
	out_sink sink;
	int sink_open;
} cli_parser;

/* What cli_next returns besides an option of the command. */
enum { CLI_END = -1, CLI_HELP = -2, CLI_USAGE = -3, CLI_NOMEM = -4 };

/* Start parsing argv (argv[0] is the command's name) for the command called name. */
void cli_begin(cli_parser *p, const char *name, int argc, char **argv);
/*
 * The next option of the command, with *arg its argument (NULL for a flag);
 * or CLI_END when the options are over (the operands are then in p->args);
 * CLI_HELP when --help was given (the help is printed); CLI_USAGE after a
 * usage error (printed); CLI_NOMEM.
 */
int cli_next(cli_parser *p, const char **arg);
/* The exit status for what cli_next returned when it is not CLI_END. */
int cli_status(int what);
void cli_end(cli_parser *p);

/*
 * Open the command's output (p->output, or standard output) as p->out, written
 * whole or not at all: EXIT_OK, or the error's exit status (the error is
 * printed). cli_out_close commits it when status is EXIT_OK and drops it
 * otherwise (an earlier file at the path is then untouched), and returns the
 * status, or the commit's error's.
 */
int cli_out_open(cli_parser *p);
int cli_out_close(cli_parser *p, int status);

/* ---- values of options, each with the command's usage error ---- */
/* --seed: a whole number from 0 to 2^64 - 1. */
int cli_seed(const cli_parser *p, const char *arg, uint64_t *out);
/* --jobs: 1 to 256. */
int cli_jobs(const cli_parser *p, const char *arg, int *out);
/* The number of processors, at most 256: the default of --jobs. */
int cli_processors(void);

#endif
