/*
 * options.c - the table of every option, and the parser every command uses
 * (options.h). What is alike for all commands is done here once: --help, an
 * unknown option or one of another command, a missing value, --format,
 * --output, --only, --raw-text and --decimal-comma, and opening and
 * committing the output.
 */
#define _POSIX_C_SOURCE 200809L
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const struct cli_option cli_options[OPT_COUNT] = {
	[OPT_FORMAT] = { "format", 'f', "FORMAT" },
	[OPT_OUTPUT] = { "output", 'o', "FILE" },
	[OPT_ONLY] = { "only", 0, "CLASS[,CLASS...]" },
	[OPT_RAW_TEXT] = { "raw-text", 0, NULL },
	[OPT_DECIMAL_COMMA] = { "decimal-comma", 0, NULL },
	[OPT_HELP] = { "help", 'h', NULL },
	[OPT_BY] = { "by", 0, "year|month" },
	[OPT_METRIC] = { "metric", 'm', "M" },
	[OPT_PCT] = { "pct", 0, "P" },
	[OPT_STEPS] = { "steps", 0, "LIST" },
	[OPT_VARY] = { "vary", 0, "NAME=FROM:TO:STEP" },
	[OPT_INPUT] = { "input", 0, "NAME" },
	[OPT_TARGET] = { "target", 0, "V" },
	[OPT_INTERVAL] = { "interval", 0, "LOW:HIGH" },
	[OPT_JOBS] = { "jobs", 'j', "J" },
	[OPT_DRAWS] = { "draws", 'n', "N" },
	[OPT_SEED] = { "seed", 0, "S" },
	[OPT_PRECISION] = { "precision", 0, "P" },
	[OPT_SOBOL] = { "sobol", 0, "N" },
	[OPT_BINS] = { "bins", 0, "N" },
	[OPT_SAMPLES] = { "samples", 0, "FILE" },
	[OPT_BASELINE] = { "baseline", 0, "FILE" },
	[OPT_RANK] = { "rank", 0, "M" },
	[OPT_ANALYSIS] = { "analysis", 'a', "A" },
	[OPT_SHARD] = { "shard", 0, "K/N" },
	[OPT_BATCH_FORMAT] = { "format", 'f', "FORMAT" },
	[OPT_PDF] = { "pdf", 0, "FILE" },
	[OPT_NO_SIMULATION] = { "no-simulation", 0, NULL },
	[OPT_TITLE] = { "title", 0, "TEXT" },
	[OPT_AUTHOR] = { "author", 0, "TEXT" },
	[OPT_DATE] = { "date", 0, "YYYY-MM-DD" },
	[OPT_PAPER] = { "paper", 0, "a4|letter" },
	[OPT_ACTUALS] = { "actuals", 0, "FILE" },
	[OPT_TEMPLATE] = { "template", 0, NULL },
	[OPT_STRICT] = { "strict", 0, NULL },
	[OPT_COLOR] = { "color", 0, "WHEN" },
	[OPT_TAIL] = { "tail", 0, "P[,Q]" },
	[OPT_AREAS] = { "areas", 0, "AREA[,AREA...]" },
	[OPT_CURRENCY] = { "currency", 0, "CODE" },
	[OPT_HORIZON] = { "horizon", 0, "YEARS" },
	[OPT_FROM] = { "from", 0, "BASE" },
	[OPT_LIST] = { "list", 0, NULL },
	[OPT_GROUP] = { "group", 0, "NAME[,NAME...]" },
	[OPT_AFTER_TAX] = { "after-tax", 0, NULL },
	[OPT_PROBABILITY] = { "probability", 0, "P" },
	[OPT_VOI] = { "voi", 0, NULL },
	[OPT_CALIBRATION] = { "calibration", 0, NULL },
	[OPT_CALIBRATED_OUT] = { "calibrated-out", 0, "FILE" },
	[OPT_OBJECTIVE] = { "objective", 0, "mean|p10|after-tax" },
};

static void add_option(cli_parser *p, size_t *n, size_t *k, int id)
{
	const struct cli_option *d = &cli_options[id];

	p->longopts[(*n)++] = (struct option){ d->name, d->arg ? required_argument : no_argument,
					       NULL, 256 + id };
	if (d->letter) {
		p->shortopts[(*k)++] = d->letter;
		if (d->arg)
			p->shortopts[(*k)++] = ':';
	}
}

/*
 * getopt sees the command's own options alone, so that an abbreviation is
 * matched among them (--b for --by in run) and not refused as ambiguous
 * with another command's options.
 */
static void cli_begin(cli_parser *p, const char *name, int argc, char **argv)
{
	size_t n = 0, k = 0;
	int help = 0;

	memset(p, 0, sizeof *p);
	p->cmd = find_command(name);
	p->argc = argc;
	p->argv = argv;
	p->fmt = FMT_TEXT;
	p->longopts = calloc(OPT_COUNT + 2, sizeof *p->longopts);
	p->shortopts[k++] = ':';
	for (const struct cmd_option *o = p->cmd->opts; p->longopts && o && o->help; o++) {
		add_option(p, &n, &k, (int)o->id);
		help |= o->id == OPT_HELP;
	}
	if (p->longopts && !help)
		add_option(p, &n, &k, OPT_HELP);
	p->shortopts[k] = '\0';
	optind = 1;
	opterr = 0;
}

/*
 * The option arg (as typed: "--pct", "--pct=5" or "-j") when it is one of
 * another command's, named as the table spells it; NULL otherwise.
 */
static const char *other_command_option(const char *arg, int letter)
{
	if (!strncmp(arg, "--", 2)) {
		size_t len = strcspn(arg + 2, "=");
		for (int i = 0; i < OPT_COUNT; i++)
			if (strlen(cli_options[i].name) == len && !strncmp(arg + 2, cli_options[i].name, len))
				return arg;
		return NULL;
	}
	for (int i = 0; i < OPT_COUNT && letter; i++)
		if (cli_options[i].letter == letter)
			return arg;
	return NULL;
}

/* What cli_next returns besides an option of the command. */
enum { CLI_END = -1, CLI_HELP = -2, CLI_USAGE = -3, CLI_NOMEM = -4 };

/*
 * The next option of the command, with *arg its argument (NULL for a flag);
 * or CLI_END when the options are over (the operands are then in p->args);
 * CLI_HELP when --help was given (the help is printed); CLI_USAGE after a
 * usage error (printed); CLI_NOMEM.
 */
static int cli_next(cli_parser *p, const char **arg)
{
	const char *cmd = p->cmd->name;
	int c;

	if (!p->longopts) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return CLI_NOMEM;
	}
	while ((c = getopt_long(p->argc, p->argv, p->shortopts, p->longopts, NULL)) != -1) {
		if (c == ':')
			return usage_error("%s: option '%s' needs a value", cmd, p->argv[optind - 1]),
			       CLI_USAGE;
		if (c == '?') {
			const char *typed = p->argv[optind - 1], *other = other_command_option(typed, optopt);
			if (other) {
				char shown[64];
				/* A short option is named by its letter as typed, a long one by its name. */
				if (strncmp(other, "--", 2))
					snprintf(shown, sizeof shown, "-%c", optopt);
				else
					snprintf(shown, sizeof shown, "%.*s", (int)strcspn(other, "="), other);
				return usage_error("%s: option '%s' is not one of this command's", cmd,
						   shown), CLI_USAGE;
			}
			return usage_error("%s: unknown option '%s'", cmd, typed), CLI_USAGE;
		}
		int id = c >= 256 ? c - 256 : c == 'h' ? OPT_HELP : -1;
		for (const struct cmd_option *o = p->cmd->opts; id < 0 && o && o->help; o++)
			if (cli_options[o->id].letter == c)
				id = (int)o->id;
		*arg = optarg;
		switch (id) {
		case OPT_HELP:
			print_command_help(p->cmd, stdout);
			return CLI_HELP;
		case OPT_FORMAT:
			if (parse_format(optarg, &p->fmt) != 0)
				return usage_error("%s: unknown format '%s' (expected text, csv, json or "
						   "markdown)", cmd, optarg), CLI_USAGE;
			p->fmt_given = 1;
			break;
		case OPT_OUTPUT:
			p->output = optarg;
			break;
		case OPT_STRICT:
			cli_strict = 1;
			break;
		case OPT_COLOR:
			if (cli_set_color(optarg) != 0)
				return usage_error("%s: --color takes auto, always or never, not '%s'", cmd,
						   optarg), CLI_USAGE;
			break;
		case OPT_RAW_TEXT:
			/* The same for every CSV cell of the run: set once, in the output layer. */
			csv_set_raw_text(1);
			break;
		case OPT_DECIMAL_COMMA:
			/* Every CSV of the run, as for --raw-text. */
			csv_set_decimal_comma(1);
			break;
		case OPT_ONLY: {
			crm_error err;
			crm_error_clear(&err);
			if (crm_classes_parse(optarg, &p->classes, &err) != CRM_OK)
				return usage_error("%s: --only: %s", cmd, err.msg), CLI_USAGE;
			p->only_given = 1;
			break;
		}
		default:
			return id;
		}
	}
	p->args = p->argv + optind;
	p->nargs = p->argc - optind;
	return CLI_END;
}

static int cli_status(int what)
{
	return what == CLI_HELP ? EXIT_OK : what == CLI_NOMEM ? EXIT_INTERNAL : EXIT_USAGE;
}

int cli_parse(cli_parser *p, const char *name, int argc, char **argv, cli_option_fn fn,
	      void *ctx)
{
	const char *arg;
	int opt, status = 0;

	cli_begin(p, name, argc, argv);
	while ((opt = cli_next(p, &arg)) > CLI_END)
		if (!fn || (status = fn(ctx, p, opt, arg)) != 0)
			break;
	free(p->longopts);
	p->longopts = NULL;
	if (opt > CLI_END && !fn) {
		/* The command table lists an option the command has no handler for. */
		fprintf(stderr, "%s: %s: option '--%s' is not handled (an internal error)\n", progname,
			name, cli_options[opt].name);
		return EXIT_INTERNAL;
	}
	if (opt > CLI_END)
		return status;
	return opt == CLI_END ? -1 : cli_status(opt);
}

int cli_out_open(cli_parser *p)
{
	crm_error err;

	crm_error_clear(&err);
	if (sink_open(&p->sink, p->output, &err) != 0)
		return report_error(&err);
	p->sink_open = 1;
	p->out = p->sink.fp;
	return EXIT_OK;
}

int cli_out_close(cli_parser *p, int status)
{
	crm_error err;

	if (!p->sink_open)
		return status;
	p->sink_open = 0;
	p->out = NULL;
	if (status != EXIT_OK) {
		sink_abort(&p->sink);
		return status;
	}
	crm_error_clear(&err);
	if (sink_commit(&p->sink, &err) != 0)
		return report_error(&err);
	return status;
}

int cli_seed(const cli_parser *p, const char *arg, uint64_t *out)
{
	if (parse_uint64(arg, out) != 0)
		return usage_error("%s: --seed takes a whole number from 0 to 18446744073709551615, "
				   "not '%s'", p->cmd->name, arg);
	return 0;
}

int cli_count(const cli_parser *p, const char *opt, const char *arg, uint64_t min, uint64_t max,
	      uint64_t *out)
{
	uint64_t v;

	if (parse_uint64(arg, &v) != 0 || v < min || v > max)
		return usage_error("%s: %s takes a whole number from %llu to %llu, not '%s'",
				   p->cmd->name, opt, (unsigned long long)min,
				   (unsigned long long)max, arg);
	*out = v;
	return 0;
}

int cli_jobs(const cli_parser *p, const char *arg, int *out)
{
	double v;
	char why[512];

	if (crm_parse_number(arg, &v, NULL, why, sizeof why) != CRM_OK || v < 1 || v > 256 ||
	    v != floor(v))
		return usage_error("%s: --jobs takes 1 to 256, not '%s'", p->cmd->name, arg);
	*out = (int)v;
	return 0;
}

int cli_processors(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 256 ? 256 : (int)n;
}
