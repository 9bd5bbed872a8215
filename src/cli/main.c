/*
 * main.c - crmroi's command table, help, and dispatch.
 *
 * One table lists the commands with their one-line help and options; it drives
 * `crmroi --help`, `crmroi help COMMAND` and `crmroi COMMAND --help`.
 */
#include "cli.h"
#include "commands.h"

#include <stdlib.h>
#include <string.h>

static const struct opt_doc run_opts[] = {
	{ "-f, --format FORMAT", "text (default), csv, json or markdown" },
	{ "    --by year|month", "columns of the cash-flow table; month needs setting period=month" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	{ "-o, --output FILE", "write to FILE, whole or not at all (default: standard output)" },
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

#define FORMAT_OPTS \
	{ "-f, --format FORMAT", "text (default), csv, json or markdown" }, \
	{ "-o, --output FILE", "write to FILE, whole or not at all (default: standard output)" }
#define METRIC_TEXT "npv (default), roi, bcr, irr, mirr, payback, discounted_payback, " \
	"pv_benefits, pv_costs, or after tax: after_tax_npv, after_tax_irr, ..."

static const struct opt_doc tornado_opts[] = {
	{ "-m, --metric M", METRIC_TEXT },
	{ "    --pct P", "give inputs and lines without a range one of +/-P% of their base value" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc spider_opts[] = {
	{ "-m, --metric M", METRIC_TEXT },
	{ "    --steps LIST", "percent changes of each input (default -30,-20,-10,0,10,20,30)" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc sweep_opts[] = {
	{ "    --vary NAME=FROM:TO:STEP", "an input, a line or a numeric setting to vary; give "
	  "it twice for a two-way table" },
	{ "-m, --metric M[,M...]", "metrics to show (default: all in a one-way table, npv in a "
	  "two-way one)" },
	{ "-j, --jobs J", "threads for a two-way table in CSV or JSON (default: the number of "
	  "processors); "
	  "the output does not depend on it" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc breakeven_opts[] = {
	{ "    --input NAME", "only this input (or line, or numeric setting); default: every input" },
	{ "-m, --metric M", METRIC_TEXT },
	{ "    --target V", "the metric's value to reach (default 0)" },
	{ "    --interval LOW:HIGH", "where to search (default 0 to 10 x base, inside its domain; every whole month for an input a line's months follow)" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc simulate_opts[] = {
	{ "-n, --draws N", "number of draws (default 100000; the cap with --precision, default "
	  "10000000)" },
	{ "    --seed S", "random seed (default 1): the same seed gives the same bytes" },
	{ "-j, --jobs J", "threads (default: the number of processors); results do not depend on it" },
	{ "    --precision P", "stop when the 95% half-width of mean NPV is within P of the mean "
	  "(e.g. 1%)" },
	{ "-m, --metric M[,M...]", "metrics per draw: npv, roi, irr, payback, discounted_payback, "
	  "after_tax_npv, after_tax_irr, after_tax_payback (default npv,roi,irr,payback)" },
	{ "    --sobol N", "base points for the Sobol indices (default 4096; 0 turns them off)" },
	{ "    --bins N", "bins of the NPV histogram (default 20)" },
	{ "    --samples FILE", "write every draw (values and metrics) as CSV, whole or not at all" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc compare_opts[] = {
	{ "    --baseline FILE", "the scenario the others are measured against (default: the "
	  "first)" },
	{ "    --rank M", "rank the scenarios by this metric (default npv)" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics; default "
	  "every class but flexibility; costs always count" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc batch_opts[] = {
	{ "-a, --analysis A", "run (default), tornado, breakeven or simulate, for every scenario" },
	{ "-f, --format FORMAT", "csv (default) or jsonl (JSON lines)" },
	{ "-o, --output FILE", "write to FILE, whole or not at all (default: standard output)" },
	{ "-j, --jobs J", "scenarios in parallel (default: the number of processors); the output "
	  "does not depend on it" },
	{ "-m, --metric M", "the metric of tornado and breakeven (default npv)" },
	{ "    --pct P", "tornado: give inputs and lines without a range +/-P%" },
	{ "    --target V", "breakeven: the value to reach (default 0)" },
	{ "-n, --draws N", "simulate: draws per scenario (default 10000)" },
	{ "    --seed S", "simulate: random seed (default 1); each scenario's own comes from it "
	  "and the scenario's path below PATH, and is the row's column seed: crmroi simulate "
	  "--seed SEED -n N FILE repeats the row" },
	{ "    --shard K/N", "only part K of N of the sorted file list (for many machines; the "
	  "parts' outputs concatenate into the whole run's)" },
	{ "    --only CLASS[,CLASS...]", "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics (column "
	  "only); default every class but flexibility; costs always count" },
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc report_opts[] = {
	{ "-o, --output FILE", "write the HTML document to FILE, whole or not at all (default: "
	  "standard output)" },
	{ "    --pdf FILE", "also print it to FILE as PDF with a headless Chromium" },
	{ "-n, --draws N", "Monte Carlo draws for the risk section (default 10000)" },
	{ "    --seed S", "random seed (default 1): the same seed gives the same bytes" },
	{ "    --no-simulation", "leave out the simulation (tornado and break-even stay)" },
	{ "    --title TEXT", "the document's title (default: the first scenario's title)" },
	{ "    --author TEXT", "the author shown under the title" },
	{ "    --date YYYY-MM-DD", "the date shown under the title (default: today)" },
	{ "    --paper a4|letter", "paper size when printed (default a4)" },
	{ "    --actuals FILE", "add a benefits-realisation section: the first scenario against "
	  "these actuals (see crmroi track); give it once per file" },
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc track_opts[] = {
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc assess_opts[] = {
	{ "    --template", "write the questionnaire as a CSV table to fill in (with -o FILE)" },
	{ "    --strict", "refuse unanswered criteria instead of counting them as 0" },
	FORMAT_OPTS,
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc check_opts[] = {
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

static const struct opt_doc workbook_opts[] = {
	{ "-o, --output FILE", "the workbook to write (.xlsx), whole or not at all; required" },
	{ "-h, --help", "show this help" },
	{ NULL, NULL }
};

const struct command commands[] = {
	{ "run", cmd_run, "compute cash flows, NPV, ROI, IRR, MIRR and payback",
	  "run [OPTIONS] FILE...", run_opts },
	{ "check", cmd_check, "validate scenarios; list inputs, their ranges and where they are used",
	  "check FILE...", check_opts },
	{ "tornado", cmd_tornado, "one-at-a-time sensitivity of a metric to every input with a "
	  "range", "tornado [OPTIONS] FILE...", tornado_opts },
	{ "spider", cmd_spider, "a metric as each input moves by steps of its base value",
	  "spider [OPTIONS] FILE...", spider_opts },
	{ "sweep", cmd_sweep, "one-way or two-way data table over inputs or settings",
	  "sweep --vary NAME=FROM:TO:STEP [--vary ...] [OPTIONS] FILE...", sweep_opts },
	{ "breakeven", cmd_breakeven, "the value of each input at which a metric reaches a target",
	  "breakeven [OPTIONS] FILE...", breakeven_opts },
	{ "simulate", cmd_simulate, "Monte Carlo risk ranges, rank correlations and Sobol indices",
	  "simulate [OPTIONS] FILE...", simulate_opts },
	{ "compare", cmd_compare, "scenarios side by side, against a baseline, with incremental "
	  "NPV and IRR", "compare [OPTIONS] FILE...", compare_opts },
	{ "batch", cmd_batch, "one analysis over many scenario files, as one long table",
	  "batch [OPTIONS] PATH...", batch_opts },
	{ "report", cmd_report, "the business-case document for the board: HTML, and PDF",
	  "report [OPTIONS] SCENARIO... -o FILE.html [--pdf FILE.pdf]", report_opts },
	{ "track", cmd_track, "the approved plan against actuals: variances, indexes, "
	  "re-forecast and phase gates", "track [OPTIONS] SCENARIO ACTUALS...", track_opts },
	{ "assess", cmd_assess, "score the 1000-point organisational readiness self-assessment",
	  "assess [OPTIONS] ANSWERS.csv... | assess --template [-o FILE]", assess_opts },
	{ "workbook", cmd_workbook, "the business case as an Excel workbook of live formulas",
	  "workbook FILE -o OUTPUT.xlsx", workbook_opts },
	{ "help", cmd_help, "show help for a command", "help [COMMAND]", NULL },
	{ NULL, NULL, NULL, NULL, NULL }
};

const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/*
 * One option of a command's help: its flags in a column of 28, then its text
 * cut at spaces into lines of at most HELP_WIDTH columns, the later ones
 * indented under the first (a word longer than a line stays whole).
 */
#define HELP_WIDTH 100
static void print_opt_doc(FILE *fp, const struct opt_doc *o)
{
	const int indent = 31;   /* "  " + 28 + " " */
	const char *t = o->text;

	fprintf(fp, "  %-28s ", o->flags);
	int col = (int)strlen(o->flags) > 28 ? 3 + (int)strlen(o->flags) : indent;
	while (*t) {
		size_t w = strcspn(t, " ");
		if (col > indent && col + 1 + (int)w > HELP_WIDTH) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', fp);
			col++;
		}
		fwrite(t, 1, w, fp);
		col += (int)w;
		t += w;
		while (*t == ' ')
			t++;
	}
	fputc('\n', fp);
}

void print_command_help(const struct command *c, FILE *fp)
{
	fprintf(fp, "Usage: %s %s\n%s.\n", progname, c->usage, c->summary);
	fputs("FILE may be - for standard input.\n", fp);
	if (c->opts && c->opts[0].flags) {
		fputs("\nOptions:\n", fp);
		for (const struct opt_doc *o = c->opts; o->flags; o++)
			print_opt_doc(fp, o);
	}
	fprintf(fp, "\nSee crmroi(1) and crmroi-scenario(5).\n");
}

static void print_help(FILE *fp)
{
	fprintf(fp, "Usage: %s COMMAND [OPTIONS] FILE...\n", progname);
	fputs("Build the financial business case of a CRM program from scenario files (CSV).\n\n"
	      "Commands:\n", fp);
	for (const struct command *c = commands; c->name; c++)
		fprintf(fp, "  %-10s %s\n", c->name, c->summary);
	fputs("\nOptions:\n"
	      "  -h, --help       show this help\n"
	      "  -V, --version    show the version\n"
	      "\nExit status: 0 success, 1 bad scenario data, 2 bad command line,\n"
	      "3 file could not be read or written, 4 out of memory or numerical failure.\n"
	      "\nRun 'crmroi help COMMAND' for a command's options. See crmroi(1) and\n"
	      "crmroi-scenario(5) for the scenario file format.\n", fp);
}

int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		print_help(stdout);
		return EXIT_OK;
	}
	const struct command *c = find_command(argv[1]);
	if (!c)
		return usage_error("no command '%s'", argv[1]);
	print_command_help(c, stdout);
	return EXIT_OK;
}

static int finish(int status)
{
	/* A full disk or a closed pipe on stdout must not pass for success. */
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (status == EXIT_OK) {
			fprintf(stderr, "%s: cannot write to standard output\n", progname);
			status = EXIT_IO;
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	crm_init();
	if (argc < 2)
		return usage_error("no command given");
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		print_help(stdout);
		return finish(EXIT_OK);
	}
	if (!strcmp(argv[1], "-V") || !strcmp(argv[1], "--version")) {
		printf("crmroi %s\n", CRMROI_VERSION);
		return finish(EXIT_OK);
	}
	if (argv[1][0] == '-')
		return usage_error("unknown option '%s' (a command comes first, e.g. crmroi run FILE)",
				   argv[1]);
	const struct command *c = find_command(argv[1]);
	if (!c)
		return usage_error("no command '%s' (commands: run, check, tornado, spider, sweep, "
				   "breakeven, simulate, compare, batch, report, track, assess, workbook, help)", argv[1]);
	inputs_add_args(argc - 1, argv + 1);   /* no output may replace a file named here */
	return finish(c->fn(argc - 1, argv + 1));
}
