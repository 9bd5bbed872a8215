/*
 * crmroi/readiness.h - what execution readiness does to a business case:
 * NPV as the scenario is evaluated (benefits x the readiness factor), at full
 * readiness, and the score at which NPV reaches 0.
 *
 * An analysis above the case: the readiness score is a setting the model
 * reads as a number (crmroi/scenario.h), and this module varies it through
 * the analysis engine (crmroi/analysis.h) and the break-even search.
 */
#ifndef CRMROI_READINESS_H
#define CRMROI_READINESS_H

#include "crmroi/analysis.h"
#include "crmroi/assess.h"
#include "crmroi/error.h"
#include "crmroi/scenario.h"

/* The effect of a scenario's readiness on NPV (for reports). */
typedef struct crm_readiness_effect {
	double score, floor, factor;
	double npv;                /* with the factor, as the scenario is evaluated */
	double npv_full;           /* at full readiness (score 1000, factor 1) */
	int breakeven_found;       /* NPV reaches 0 at some score in 0..1000 */
	double breakeven_score;    /* the score nearest the scenario's own where NPV = 0 */
} crm_readiness_effect;

/*
 * Evaluate sc as it is and at full readiness, and find the score at which
 * NPV reaches 0 (crm_breakeven_solve over 0..1000). CRM_EUSAGE when sc has
 * no setting readiness; other errors as crm_analysis_eval.
 */
crm_status crm_assess_effect(const crm_scenario *sc, crm_readiness_effect *out,
			     crm_error *err);

#endif
