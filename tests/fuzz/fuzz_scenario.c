/*
 * fuzz_scenario.c - the scenario loader, the model and the metrics on
 * arbitrary bytes: parse them as a scenario file, build and evaluate the
 * model, compute every metric. Any error status is fine; a crash, a
 * sanitizer report, a hang or a leak is a finding.
 */
#include "fuzz.h"

#include "crmroi/crmroi.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	crm_error err;
	crm_model *m = NULL;
	crm_cashflow *cf = NULL;
	crm_metrics met;

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
	if ((m = crm_model_new(sc, &err)) && (cf = crm_cashflow_new(m)) &&
	    crm_model_eval(m, cf, &err) == CRM_OK)
		(void)crm_metrics_compute(m, cf, &met, &err);
	crm_cashflow_free(cf);
	crm_model_free(m);
	crm_scenario_free(sc);
	return 0;
}
