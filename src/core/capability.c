/*
 * capability.c - which capabilities of the scenario language a scenario
 * uses (crmroi/capability.h). It reads the loaded scenario only.
 */
#include "crmroi/capability.h"

static const char *const names[CRM_NCAPABILITIES] = {
	"after_tax", "dated", "classes", "flexibility", "gates", "adoption", "timing_inputs",
	"readiness", "units", "risk_events", "rollout_plan"
};

const char *crm_capability_name(crm_capability c)
{
	return c < CRM_NCAPABILITIES ? names[c] : "";
}

unsigned crm_scenario_capabilities(const crm_scenario *sc)
{
	const crm_settings *s = &sc->settings;
	unsigned u = 0;

#define USES(c) (u |= 1u << (c))
	if (s->tax_given)
		USES(CRM_CAP_AFTER_TAX);
	if (s->discounting == CRM_DISCOUNT_DATED)
		USES(CRM_CAP_DATED);
	if (s->readiness)
		USES(CRM_CAP_READINESS);
	if (sc->ngroups)
		USES(CRM_CAP_GATES);
	if (sc->nareas)
		USES(CRM_CAP_ROLLOUT_PLAN);
	for (size_t i = 0; i < sc->ninputs; i++)
		if (sc->inputs[i].unit[0])
			USES(CRM_CAP_UNITS);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind == CRM_BENEFIT && ln->cls != CRM_CLASS_CASH)
			USES(CRM_CAP_CLASSES);
		if (ln->kind == CRM_BENEFIT && ln->cls == CRM_CLASS_FLEXIBILITY)
			USES(CRM_CAP_FLEXIBILITY);
		if (ln->adoption >= 0)
			USES(CRM_CAP_ADOPTION);
		if (crm_line_has_timing_formula(ln))
			USES(CRM_CAP_TIMING_INPUTS);
		if (ln->group < 0 && ln->probability < 1)
			USES(CRM_CAP_RISK_EVENTS);
	}
#undef USES
	return u;
}
