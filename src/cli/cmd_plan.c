/*
 * cmd_plan.c - `crmroi plan`: the roll-out plan as an optimisation: which
 * areas go live in which slot, within the scenario's limits (crmroi/plan.h),
 * shown by src/render/plan_view.c; -o FILE writes the best plan as a
 * scenario (a variant of the file planned) and the results go to standard
 * output.
 */
#define _XOPEN_SOURCE 700
#include "cli.h"
#include "options.h"
#include "plan_view.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_DRAWS 2000
#define DEFAULT_SEED 1

struct plan_opts {
	uint64_t n, seed;
	int jobs;
	crm_plan_objective objective;
};

static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct plan_opts *o = ctx;

	switch (id) {
	case OPT_DRAWS:
		return cli_count(p, "--draws", arg, 0, 1000000, &o->n);
	case OPT_SEED:
		return cli_seed(p, arg, &o->seed);
	case OPT_JOBS:
		return cli_jobs(p, arg, &o->jobs);
	case OPT_OBJECTIVE:
		if (!strcmp(arg, "mean") || !strcmp(arg, "npv"))
			o->objective = CRM_PLAN_MEAN;
		else if (!strcmp(arg, "p10"))
			o->objective = CRM_PLAN_P10;
		else if (!strcmp(arg, "after-tax"))
			o->objective = CRM_PLAN_AFTER_TAX;
		else
			return usage_error("plan: --objective '%s' is not known (expected mean: the "
					   "expected NPV, p10: its 10th percentile, or after-tax: the "
					   "expected NPV after tax)", arg);
		break;
	}
	return 0;
}

int cmd_plan(int argc, char **argv)
{
	cli_parser p;
	struct plan_opts o = { DEFAULT_DRAWS, DEFAULT_SEED, 0, CRM_PLAN_MEAN };
	crm_plan_result r;
	crm_error err;
	crm_scenario *sc = NULL;
	int status;

	if ((status = cli_parse(&p, "plan", argc, argv, parse_option, &o)) >= 0)
		return status;
	if (p.nargs == 0)
		return usage_error("plan: no scenario file given");
	if (p.nargs > 1)
		return usage_error("plan: one scenario at a time, not %d", p.nargs);
	if (p.output && !strcmp(p.args[0], "-"))
		return usage_error("plan: -o writes the plan as a variant of its scenario file, "
				   "which standard input is not");
	memset(&r, 0, sizeof r);
	crm_error_clear(&err);
	if (!(sc = crm_scenario_load(p.args[0], &err)))
		return report_error(&err);
	apply_only(sc, p.classes);
	inputs_add(sc);
	if ((status = strict_status(report_warnings(&sc->warnings), EXIT_OK)) != EXIT_OK)
		goto done;
	crm_plan_options po = { o.objective, o.n, o.seed, o.jobs, 3, 0 };
	crm_error_clear(&err);
	if (crm_plan(sc, &po, &r, &err) != CRM_OK) {
		status = err.status == CRM_EUSAGE && err.line == 0 && !err.file[0]
			 ? usage_error("plan: %s", err.msg) : report_error(&err);
		goto done;
	}
	/* -o: the plan as a scenario; the results to standard output. */
	const char *plan_out = p.output;
	if (plan_out && r.any_feasible) {
		out_sink s;
		char *base = cli_base_path(p.args[0], plan_out);
		crm_error_clear(&err);
		if (!base || sink_open(&s, plan_out, &err) != 0) {
			free(base);
			status = base ? report_error(&err) : EXIT_INTERNAL;
			goto done;
		}
		plan_view_scenario(sc, &r, base, s.fp);
		free(base);
		if (sink_commit(&s, &err) != 0) {
			status = report_error(&err);
			goto done;
		}
	}
	p.output = NULL;
	if ((status = cli_out_open(&p)) != EXIT_OK)
		goto done;
	plan_view_write(sc, &r, p.fmt, p.out);
	status = cli_out_close(&p, EXIT_OK);
	if (status == EXIT_OK && !r.any_feasible) {
		fprintf(stderr, "%s: plan: no plan keeps within the limits of %s%s\n", progname,
			p.args[0], plan_out ? "; nothing written to -o" : "");
		status = EXIT_DATA;
	}
done:
	crm_plan_result_free(&r);
	crm_scenario_free(sc);
	return status;
}
