/*
 * options.h - every option of the command line in one table, and the parser
 * every command uses.
 *
 * The table (options.c) spells each option once: its long name, its short
 * letter and the name of its argument. A command lists the options it takes,
 * each with its help text (the command table in main.c), and that list drives
 * both its parsing and its --help. The parser handles what every command does
 * alike: --help, an unknown option, a missing value, --format (text, csv, json,
 * markdown), --output, --only, --raw-text and --decimal-comma (the output
 * layer's csv_set_raw_text and csv_set_decimal_comma, once for the run); it
 * hands the command's own options back one by one, with their argument.
 */
#ifndef CRMROI_OPTIONS_H
#define CRMROI_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

#include "cli.h"

enum cli_opt {
	/* Handled by the parser for every command that takes them. */
	OPT_FORMAT, OPT_OUTPUT, OPT_ONLY, OPT_RAW_TEXT, OPT_DECIMAL_COMMA, OPT_HELP,
	/* Handed to the command. */
	OPT_BY, OPT_METRIC, OPT_PCT, OPT_STEPS, OPT_VARY, OPT_INPUT, OPT_TARGET, OPT_INTERVAL,
	OPT_JOBS, OPT_DRAWS, OPT_SEED, OPT_PRECISION, OPT_SOBOL, OPT_BINS, OPT_SAMPLES,
	OPT_BASELINE, OPT_RANK, OPT_ANALYSIS, OPT_SHARD, OPT_BATCH_FORMAT, OPT_PDF,
	OPT_NO_SIMULATION, OPT_TITLE, OPT_AUTHOR, OPT_DATE, OPT_PAPER, OPT_ACTUALS, OPT_TEMPLATE,
	OPT_STRICT, OPT_COLOR, OPT_TAIL,
	OPT_AREAS, OPT_CURRENCY, OPT_HORIZON, OPT_FROM, OPT_LIST, OPT_GROUP, OPT_AFTER_TAX, OPT_PROBABILITY, OPT_VOI, OPT_CALIBRATION, OPT_CALIBRATED_OUT, OPT_OBJECTIVE,
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
 * One command line, parsed by cli_parse: args and nargs are the operands (the
 * files), fmt, output, classes and only_given the common options' values.
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

/*
 * A command's own options: called for each with its argument (NULL for a
 * flag); returns 0, or the exit status of a usage error it printed.
 */
typedef int (*cli_option_fn)(void *ctx, const cli_parser *p, int id, const char *arg);

/*
 * Parse argv (argv[0] is the command's name) for the command called name,
 * handing its own options to fn (may be NULL when it has none): -1 when the
 * command goes on (the operands and the common options are then in p), or
 * the exit status to return at once (0 after --help; a usage error, printed).
 */
int cli_parse(cli_parser *p, const char *name, int argc, char **argv, cli_option_fn fn,
	      void *ctx);

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
/* A count such as --draws: a whole number from min to max; opt names it in the error. */
int cli_count(const cli_parser *p, const char *opt, const char *arg, uint64_t min, uint64_t max,
	      uint64_t *out);
/* --jobs: 1 to 256. */
int cli_jobs(const cli_parser *p, const char *arg, int *out);
/* The number of processors, at most 256: the default of --jobs. */
int cli_processors(void);

#endif
