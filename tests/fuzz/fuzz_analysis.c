/*
 * fuzz_analysis.c - the analyses on a scenario made of arbitrary bytes:
 * tornado (with --pct 10), the break-even of the first inputs, a one-way
 * sweep of a few points, and a short simulation (64 draws, one thread, no
 * Sobol indices). The work per input is bounded: a scenario's horizon is at
 * most 50 years, and only a few inputs are analysed.
 */
#include "fuzz.h"

#include <stdlib.h>

#include "crmroi/crmroi.h"

#define MAX_INPUTS 3
#define SWEEP_POINTS 5

static void sweep(crm_analysis *a, const crm_param *p)
{
	crm_metric_id ids[] = { CRM_METRIC_NPV, CRM_METRIC_IRR, CRM_METRIC_PAYBACK };
	crm_value vals[3];
	crm_error err;
	double from = p->has_base ? p->base * 0.5 : 0, to = p->has_base ? p->base * 1.5 : 1;
	size_t n;

	crm_error_clear(&err);
	if (from > to) {
		double t = from;
		from = to;
		to = t;
	}
	if (from == to)
		to = from + 1;
	if (crm_steps(from, to, (to - from) / (SWEEP_POINTS - 1), 100, &n, &err) != CRM_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		double x = crm_step_value(from, to, (to - from) / (SWEEP_POINTS - 1), i);
		if (crm_analysis_set(a, p, x, &err) != CRM_OK)
			break;
		if (crm_analysis_eval(a, ids, 3, vals, &err) != CRM_OK)
			break;
	}
	crm_analysis_reset(a, p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	crm_error err;
	crm_analysis *a = NULL;

	if (!ready) {
		crm_init();
		ready = 1;
	}
	if (fuzz_names_special_file(data, size))
		return 0;
	crm_error_clear(&err);
	crm_scenario *sc = crm_scenario_parse((const char *)data, size, "fuzz.csv", 0, &err);
	if (!sc)
		return 0;
	if (!(a = crm_analysis_new(sc, &err)))
		goto done;

	crm_tornado_row *rows = NULL;
	size_t n;
	crm_value base;
	crm_error_clear(&err);
	if (crm_tornado(a, CRM_METRIC_NPV, 10, &rows, &n, &base, &err) == CRM_OK)
		free(rows);

	for (size_t i = 0; i < sc->ninputs && i < MAX_INPUTS; i++) {
		crm_param p;
		crm_breakeven be;
		double lo, hi;
		crm_error_clear(&err);
		if (crm_param_find(sc, sc->inputs[i].name, &p, &err) != CRM_OK)
			continue;
		crm_breakeven_interval(&p, &lo, &hi);
		(void)crm_breakeven_solve(a, &p, CRM_METRIC_NPV, 0, lo, hi, &be, &err);
		sweep(a, &p);
	}
	static const char *const settings[] = { "discount_rate", "horizon_years" };
	for (size_t i = 0; i < 2; i++) {
		crm_param p;
		crm_error_clear(&err);
		if (crm_param_find(sc, settings[i], &p, &err) == CRM_OK)
			sweep(a, &p);
	}

	crm_sim_options so;
	crm_sim_result res;
	memset(&so, 0, sizeof so);
	so.n = 64;
	so.seed = 1;
	so.jobs = 1;
	so.hist_bins = 5;
	for (int k = 0; k < CRM_SIM_NMETRICS; k++)
		so.metrics[k] = 1;
	crm_error_clear(&err);
	memset(&res, 0, sizeof res);
	if (crm_simulate(sc, &so, &res, &err) == CRM_OK)
		crm_sim_result_free(&res);
done:
	crm_analysis_free(a);
	crm_scenario_free(sc);
	return 0;
}
