/*
 * readiness.c - the effect of a scenario's execution readiness on its NPV,
 * for the reports: as evaluated, at full readiness, and the break-even score.
 * The questionnaire and the scoring are in assess.c, a leaf below; this file
 * only varies the score through the analysis engine.
 */
#include "crmroi/readiness.h"

#include <math.h>
#include <string.h>

crm_status crm_assess_effect(const crm_scenario *sc, crm_readiness_effect *out, crm_error *err)
{
	crm_metric_id id = CRM_METRIC_NPV;
	crm_param p;
	crm_value v;
	crm_status st;
	crm_analysis *an;

	memset(out, 0, sizeof *out);
	if (!sc->settings.readiness)
		return crm_error_set(err, CRM_EUSAGE, sc->file, 0, 0, "the scenario has no setting "
				     "readiness");
	out->score = sc->settings.readiness_score;
	out->floor = sc->settings.readiness_floor;
	out->factor = sc->settings.readiness_factor;
	if ((st = crm_param_find(sc, "readiness_score", &p, err)) != CRM_OK)
		return st;
	if (!(an = crm_analysis_new(sc, err)))
		return err ? err->status : CRM_ENOMEM;
	if ((st = crm_analysis_eval(an, &id, 1, &v, err)) != CRM_OK)
		goto done;
	out->npv = v.ok ? v.v : NAN;
	if ((st = crm_analysis_set(an, &p, CRM_ASSESS_MAX_POINTS, err)) != CRM_OK ||
	    (st = crm_analysis_eval(an, &id, 1, &v, err)) != CRM_OK)
		goto done;
	out->npv_full = v.ok ? v.v : NAN;
	crm_analysis_reset(an, &p);
	crm_breakeven be;
	if ((st = crm_breakeven_solve(an, &p, CRM_METRIC_NPV, 0, 0, CRM_ASSESS_MAX_POINTS, &be,
				      err)) != CRM_OK)
		goto done;
	out->breakeven_found = be.status == CRM_BE_FOUND;
	out->breakeven_score = out->breakeven_found ? be.value : NAN;
done:
	crm_analysis_free(an);
	return st;
}
