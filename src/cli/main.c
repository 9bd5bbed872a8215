/*
 * main.c - crmroi's command table, help, and dispatch.
 *
 * One table lists the commands with their one-line help and options; it drives
 * `crmroi --help`, `crmroi help COMMAND` and `crmroi COMMAND --help`.
 */
#include "cli.h"
#include "options.h"

#include <stdlib.h>
#include <string.h>

#define FORMAT_TEXT "text (default), csv, json or markdown"
#define OUTPUT_TEXT "write to FILE, whole or not at all (default: standard output)"
#define RAW_TEXT_TEXT "CSV: write text cells as they are, without the ' put before text that " \
	"a spreadsheet would take for a formula (=, +, -, @ first)"
#define RAW_TEXT_OPT { OPT_RAW_TEXT, NULL, RAW_TEXT_TEXT }
#define DECIMAL_COMMA_TEXT "CSV: separate fields with ';' and write numbers with a decimal " \
	"comma (1234,5), as a spreadsheet with a European locale reads them"
#define DECIMAL_COMMA_OPT { OPT_DECIMAL_COMMA, NULL, DECIMAL_COMMA_TEXT }
#define FORMAT_OPTS { OPT_FORMAT, NULL, FORMAT_TEXT }, { OPT_OUTPUT, NULL, OUTPUT_TEXT }, \
	RAW_TEXT_OPT, DECIMAL_COMMA_OPT
#define ONLY_TEXT "count only these benefit classes (cash, cost_reduction, productivity, " \
	"cost_avoidance, flexibility) in the metrics; default every class but flexibility; costs " \
	"always count"
#define METRIC_TEXT "npv (default), roi, bcr, irr, mirr, payback, discounted_payback, " \
	"pv_benefits, pv_costs, or after tax: after_tax_npv, after_tax_irr, ..."
#define STRICT_TEXT "treat warnings as errors: say each one, write no output, exit 1"
#define COLOR_TEXT "colour warnings, errors and negative numbers: auto (on a terminal, unless " \
	"NO_COLOR is set), always or never"
#define HELP_OPT { OPT_STRICT, NULL, STRICT_TEXT }, { OPT_COLOR, NULL, COLOR_TEXT }, \
	{ OPT_HELP, NULL, "show this help" }, \
	{ OPT_HELP, NULL, NULL }

static const struct cmd_option run_opts[] = {
	{ OPT_FORMAT, NULL, FORMAT_TEXT },
	{ OPT_BY, NULL, "columns of the cash-flow table; month needs setting period=month" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	{ OPT_OUTPUT, NULL, OUTPUT_TEXT },
	RAW_TEXT_OPT,
	DECIMAL_COMMA_OPT,
	HELP_OPT
};

static const struct cmd_option tornado_opts[] = {
	{ OPT_METRIC, NULL, METRIC_TEXT },
	{ OPT_PCT, NULL, "give inputs and lines without a range one of +/-P% of their base value" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option spider_opts[] = {
	{ OPT_METRIC, NULL, METRIC_TEXT },
	{ OPT_STEPS, NULL, "percent changes of each input (default -30,-20,-10,0,10,20,30)" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option sweep_opts[] = {
	{ OPT_VARY, NULL, "an input, a line or a numeric setting to vary; give "
	  "it twice for a two-way table" },
	{ OPT_METRIC, "M[,M...]", "metrics to show (default: all in a one-way table, npv in a "
	  "two-way one)" },
	{ OPT_JOBS, NULL, "threads for a two-way table (default: the number of processors); "
	  "the output does not depend on it" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option breakeven_opts[] = {
	{ OPT_INPUT, NULL, "only this input (or line, or numeric setting); default: every input" },
	{ OPT_METRIC, NULL, METRIC_TEXT },
	{ OPT_TARGET, NULL, "the metric's value to reach (default 0)" },
	{ OPT_INTERVAL, NULL, "where to search (default 0 to 10 x base, inside its domain; every whole month for an input a line's months follow)" },
	{ OPT_PROBABILITY, NULL, "with --input: the value at which P(NPV < 0) is P (such as 10%), "
	  "by simulation on common draws, with its Monte Carlo band" },
	{ OPT_DRAWS, NULL, "--probability: draws per value tried (default 10000)" },
	{ OPT_SEED, NULL, "--probability: random seed (default 1)" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option simulate_opts[] = {
	{ OPT_DRAWS, NULL, "number of draws (default 100000; the cap with --precision, default "
	  "10000000)" },
	{ OPT_SEED, NULL, "random seed (default 1): the same seed gives the same bytes" },
	{ OPT_JOBS, NULL, "threads (default: the number of processors); results do not depend on it" },
	{ OPT_TAIL, NULL, "levels of value at risk and expected shortfall of NPV, in percent "
	  "(default 5,10); the drivers of the worst outcomes are those of Q" },
	{ OPT_PRECISION, NULL, "stop when the 95% half-width of mean NPV is within P of the mean "
	  "(e.g. 1%)" },
	{ OPT_METRIC, "M[,M...]", "metrics per draw: npv, roi, irr, payback, discounted_payback, "
	  "after_tax_npv, after_tax_irr, after_tax_payback, peak_funding (by month; default "
	  "npv,roi,irr,payback)" },
	{ OPT_SOBOL, NULL, "base points for the Sobol indices (default 4096; 0 turns them off)" },
	{ OPT_BINS, NULL, "bins of the NPV histogram (default 20)" },
	{ OPT_SAMPLES, NULL, "write every draw (values and metrics) as CSV, whole or not at all "
	  "(--raw-text applies to it too)" },
	{ OPT_VOI, NULL, "add the value of information of the decision (go ahead or not; the "
	  "choice among several scenarios), as crmroi voi gives it" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option voi_opts[] = {
	{ OPT_DRAWS, NULL, "draws, common to the scenarios (default 20000)" },
	{ OPT_SEED, NULL, "random seed (default 1): the same seed gives the same bytes" },
	{ OPT_GROUP, NULL, "uncertain values resolved together, such as adoption,golive: their "
	  "EVPPI as a group (up to 16 groups of 8)" },
	{ OPT_AFTER_TAX, NULL, "decide on NPV after tax (every scenario has a tax rate)" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option plan_opts[] = {
	{ OPT_OBJECTIVE, NULL, "what the plan maximises: mean (the expected NPV, the default; the "
	  "base case's NPV without uncertainty), p10 (its 10th percentile) or after-tax (the "
	  "expected NPV after tax; the scenario needs tax_rate)" },
	{ OPT_DRAWS, NULL, "draws, common to every plan, when the scenario is uncertain (default "
	  "2000; 0: the base case only)" },
	{ OPT_SEED, NULL, "random seed (default 1): simulate --seed S -n N of the plan written "
	  "with -o gives its figures" },
	{ OPT_JOBS, NULL, "threads of the simulations (default: every processor); the figures do "
	  "not depend on it" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	{ OPT_FORMAT, NULL, FORMAT_TEXT },
	{ OPT_OUTPUT, NULL, "write the best plan as a scenario file (a variant of FILE: its area "
	  "rows with their go-live), whole or not at all; the results go to standard output" },
	RAW_TEXT_OPT, DECIMAL_COMMA_OPT,
	HELP_OPT
};

static const struct cmd_option compare_opts[] = {
	{ OPT_BASELINE, NULL, "the scenario the others are measured against (default: the "
	  "first)" },
	{ OPT_RANK, NULL, "rank the scenarios by this metric (default npv)" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option batch_opts[] = {
	{ OPT_ANALYSIS, NULL, "run (default), tornado, breakeven, simulate, voi (go ahead or not: "
	  "a row per uncertain value) or plan (the best roll-out plan: a row per area), for every "
	  "scenario" },
	{ OPT_BATCH_FORMAT, NULL, "csv (default) or jsonl (JSON lines)" },
	{ OPT_OUTPUT, NULL, OUTPUT_TEXT },
	{ OPT_JOBS, NULL, "scenarios in parallel (default: the number of processors); the output "
	  "does not depend on it" },
	{ OPT_METRIC, NULL, "the metric of tornado and breakeven (default npv)" },
	{ OPT_PCT, NULL, "tornado: give inputs and lines without a range +/-P%" },
	{ OPT_TARGET, NULL, "breakeven: the value to reach (default 0)" },
	{ OPT_DRAWS, NULL, "simulate and voi: draws per scenario (default 10000; voi at least 100)" },
	{ OPT_SEED, NULL, "simulate and voi: random seed (default 1); each scenario's own comes "
	  "from it and the scenario's path below PATH, and is the row's column seed: crmroi "
	  "simulate (or voi) --seed SEED -n N FILE repeats the row" },
	{ OPT_SHARD, NULL, "only part K of N of the sorted file list (for many machines; the "
	  "parts' outputs concatenate into the whole run's)" },
	{ OPT_ONLY, NULL, "count only these benefit classes (cash, "
	  "cost_reduction, productivity, cost_avoidance, flexibility) in the metrics (column "
	  "only); default every class but flexibility; costs always count" },
	RAW_TEXT_OPT,
	DECIMAL_COMMA_OPT,
	HELP_OPT
};

static const struct cmd_option report_opts[] = {
	{ OPT_OUTPUT, NULL, "write the HTML document to FILE, whole or not at all (default: "
	  "standard output)" },
	{ OPT_PDF, NULL, "also print it to FILE as PDF with a headless Chromium" },
	{ OPT_DRAWS, NULL, "Monte Carlo draws for the risk section and each option's risk range "
	  "(default 10000)" },
	{ OPT_SEED, NULL, "random seed (default 1): the same seed gives the same bytes" },
	{ OPT_SOBOL, NULL, "base points for the Sobol indices (default 16384, the fewest the "
	  "document takes; 0 leaves them out)" },
	{ OPT_NO_SIMULATION, NULL, "leave out the simulation (tornado and break-even stay)" },
	{ OPT_TITLE, NULL, "the document's title (default: the first scenario's title)" },
	{ OPT_AUTHOR, NULL, "the author shown under the title" },
	{ OPT_DATE, NULL, "the date shown under the title (default: today)" },
	{ OPT_PAPER, NULL, "paper size when printed (default a4)" },
	{ OPT_ACTUALS, NULL, "add a benefits-realisation section: the first scenario against "
	  "these actuals (see crmroi track); give it once per file" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	HELP_OPT
};

static const struct cmd_option track_opts[] = {
	{ OPT_CALIBRATION, NULL, "only how good the estimates were: realised inputs against their "
	  "ranges per owner, events against their probabilities (shown after the tracking "
	  "whenever the actuals have realised inputs or events)" },
	{ OPT_CALIBRATED_OUT, NULL, "write the scenario with each owner's ranges widened by its "
	  "factor, as a variant of it (whole or not at all)" },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option assess_opts[] = {
	{ OPT_TEMPLATE, NULL, "write the questionnaire as a CSV table to fill in (with -o FILE)" },
	FORMAT_OPTS,
	HELP_OPT
};

static const struct cmd_option check_opts[] = {
	HELP_OPT
};

static const struct cmd_option workbook_opts[] = {
	{ OPT_OUTPUT, NULL, "the workbook to write (.xlsx), whole or not at all; required" },
	{ OPT_ONLY, NULL, ONLY_TEXT },
	HELP_OPT
};

static const struct cmd_option new_opts[] = {
	{ OPT_AREAS, NULL, "the benefit areas of the case, from the library (see --list); all for "
	  "every one" },
	{ OPT_CURRENCY, NULL, "the currency of its amounts (default USD)" },
	{ OPT_HORIZON, NULL, "the years it runs (default 5)" },
	{ OPT_TITLE, NULL, "its title (default: CRM business case and the areas; with --from, the "
	  "base's title and (variant))" },
	{ OPT_FROM, NULL, "write a variant of BASE instead: it inherits BASE and shows, commented "
	  "out, the rows a variant states" },
	{ OPT_LIST, NULL, "list the benefit areas, what each models and its drivers" },
	{ OPT_OUTPUT, NULL, "write the scenario to FILE, whole or not at all; an existing file is "
	  "never replaced (default: standard output)" },
	HELP_OPT
};

static const struct cmd_option completion_opts[] = {
	{ OPT_OUTPUT, NULL, "write to FILE instead of standard output" },
	HELP_OPT
};

const struct command commands[] = {
	{ "new", cmd_new, "write a scenario to start from: areas, drivers and costs, placeholders "
	  "marked", "new --areas AREA[,AREA...] [OPTIONS] [-o FILE] | new --from BASE [-o FILE] | "
	  "new --list", new_opts },
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
	{ "voi", cmd_voi, "the value of information: what resolving each uncertainty before "
	  "deciding is worth", "voi [OPTIONS] FILE...", voi_opts },
	{ "plan", cmd_plan, "the roll-out plan: which areas go live in which slot, within the "
	  "limits, for the best expected NPV", "plan [OPTIONS] FILE [-o PLAN.csv]", plan_opts },
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
	{ "completion", cmd_completion, "the bash completion script (make install installs it)",
	  "completion bash", completion_opts },
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
 * One option of a command's help: its flags in a column of 28 ("-f, --format
 * FORMAT", or "    --by year|month" without a short name), then its text cut
 * at spaces into lines of at most HELP_WIDTH columns, the later ones indented
 * under the first (a word longer than a line stays whole).
 */
#define HELP_WIDTH 100
static void print_option(FILE *fp, const struct cmd_option *o)
{
	const struct cli_option *d = &cli_options[o->id];
	const char *arg = o->arg ? o->arg : d->arg;
	const int indent = 31;   /* "  " + 28 + " " */
	const char *t = o->help;
	char flags[64];

	if (d->letter)
		snprintf(flags, sizeof flags, "-%c, --%s%s%s", d->letter, d->name, arg ? " " : "",
			 arg ? arg : "");
	else
		snprintf(flags, sizeof flags, "    --%s%s%s", d->name, arg ? " " : "", arg ? arg : "");
	fprintf(fp, "  %-28s ", flags);
	int col = (int)strlen(flags) > 28 ? 3 + (int)strlen(flags) : indent;
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
	/* new writes a scenario and reads none from standard input (--from needs a path). */
	if (strcmp(c->name, "new"))
		fputs("FILE may be - for standard input.\n", fp);
	if (c->opts && c->opts[0].help) {
		fputs("\nOptions:\n", fp);
		for (const struct cmd_option *o = c->opts; o->help; o++)
			print_option(fp, o);
	}
	fprintf(fp, "\nSee crmroi(1) and crmroi-scenario(5).\n");
}

static void print_help(FILE *fp)
{
	fprintf(fp, "Usage: %s COMMAND [OPTIONS] FILE...\n", progname);
	fputs("Build the financial business case of a CRM program from scenario files (CSV).\n\n"
	      "Commands:\n", fp);
	for (const struct command *c = commands; c->name; c++)
		fprintf(fp, "  %-11s %s\n", c->name, c->summary);
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
	if (!c) {
		char list[512] = "";
		for (const struct command *k = commands; k->name; k++)
			crm_appendf(list, sizeof list, "%s%s", k == commands ? "" : ", ", k->name);
		return usage_error("no command '%s' (commands: %s)", argv[1], list);
	}
	inputs_add_args(argc - 1, argv + 1);   /* no output may replace a file named here */
	cli_command = c->name;
	(void)cli_set_color("auto");
	return finish(c->fn(argc - 1, argv + 1));
}
