/*
 * cmd_voi.c - `crmroi voi`: the value of information of the decision to go
 * ahead with one scenario, or of the choice among several (crmroi/voi.h),
 * shown by src/render/voi_view.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "voi_view.h"

#include <stdlib.h>
#include <string.h>

#define DEFAULT_DRAWS 20000
#define DEFAULT_SEED 1

struct voi_opts {
	uint64_t n, seed;
	int after_tax;
	const char *groups[CRM_VOI_MAX_GROUPS];
	size_t ngroups;
};

static int parse_option(void *ctx, const cli_parser *p, int id, const char *arg)
{
	struct voi_opts *o = ctx;

	switch (id) {
	case OPT_DRAWS:
		return cli_count(p, "--draws", arg, 100, 10000000, &o->n);
	case OPT_SEED:
		return cli_seed(p, arg, &o->seed);
	case OPT_AFTER_TAX:
		o->after_tax = 1;
		break;
	case OPT_GROUP:
		if (o->ngroups == CRM_VOI_MAX_GROUPS)
			return usage_error("voi: at most %d --group options", CRM_VOI_MAX_GROUPS);
		o->groups[o->ngroups++] = arg;
		break;
	}
	return 0;
}

int cmd_voi(int argc, char **argv)
{
	cli_parser p;
	struct voi_opts o = { DEFAULT_DRAWS, DEFAULT_SEED, 0, { NULL }, 0 };
	int status;

	if ((status = cli_parse(&p, "voi", argc, argv, parse_option, &o)) >= 0)
		return status;
	if (p.nargs < 1)
		return usage_error("voi: no scenario file given");
	if (p.nargs > CRM_JOINT_MAX)
		return usage_error("voi: %d scenarios: at most %d are compared on common draws",
				   p.nargs, CRM_JOINT_MAX);
	status = EXIT_OK;
	crm_scenario **scs = calloc((size_t)p.nargs, sizeof *scs);
	crm_voi_result r;
	crm_error err;
	memset(&r, 0, sizeof r);
	if (!scs) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_INTERNAL;
	}
	for (int i = 0; i < p.nargs; i++) {
		crm_error_clear(&err);
		if (!(scs[i] = crm_scenario_load(p.args[i], &err))) {
			int st = report_error(&err);
			if (status == EXIT_OK)
				status = st;
			continue;
		}
		apply_only(scs[i], p.classes);
		inputs_add(scs[i]);
		status = strict_status(report_warnings(&scs[i]->warnings), status);
		if (o.after_tax && !scs[i]->settings.tax_given && status == EXIT_OK)
			status = usage_error("voi: --after-tax: %s has no tax_rate setting", p.args[i]);
	}
	if (status != EXIT_OK)
		goto done;
	crm_voi_options vo = { o.n, o.seed, o.after_tax, o.groups, o.ngroups };
	crm_error_clear(&err);
	if (crm_voi((const crm_scenario *const *)scs, (size_t)p.nargs, &vo, &r, &err) != CRM_OK) {
		status = err.status == CRM_EUSAGE && !err.file[0]
			 ? usage_error("voi: %s", err.msg) : report_error(&err);
		goto done;
	}
	if ((status = cli_out_open(&p)) != EXIT_OK)
		goto done;
	voi_view_opts view = { p.fmt, o.seed, o.after_tax, p.only_given };
	voi_view_write(&view, (const crm_scenario *const *)scs, (size_t)p.nargs, &r, p.out);
	status = cli_out_close(&p, EXIT_OK);
done:
	crm_voi_result_free(&r);
	for (int i = 0; i < p.nargs; i++)
		crm_scenario_free(scs[i]);
	free(scs);
	return status;
}
