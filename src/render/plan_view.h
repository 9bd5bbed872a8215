/*
 * plan_view.h - crmroi plan's result (crmroi/plan.h) in every format, and
 * the best plan written as a scenario file.
 */
#ifndef CRMROI_PLAN_VIEW_H
#define CRMROI_PLAN_VIEW_H

#include <stdio.h>

#include "crmroi/plan.h"
#include "render.h"

/* Why an area of the plan has its slot, or the limit a plan breaks, in words. */
void plan_view_why(const crm_scenario *sc, const crm_plan_why *w, char *buf, size_t len);
/* "quarter 3 (month 7)", "quarter 3 (2027-07)", "left out", "as written". */
void plan_view_slot(const crm_scenario *sc, int golive, char *buf, size_t len);
/* The scenario's limits of the plan in words ("none" without any). */
void plan_view_limits(const crm_scenario *sc, char *buf, size_t len);
/* Whether a whole plan keeps within the limits: "yes", or "no: " and the first it breaks. */
void plan_view_within(const crm_scenario *sc, const crm_plan_eval *e, char *buf, size_t len);
/* What the plan is ranked by ("expected NPV after tax"), and that figure of plan e. */
const char *plan_view_objective(const crm_plan_result *r);
double plan_view_ranked(const crm_plan_result *r, const crm_plan_eval *e);
/* How the plan was searched, in a sentence. */
void plan_view_method(const crm_scenario *sc, const crm_plan_result *r, char *buf, size_t len);
void plan_view_write(const crm_scenario *sc, const crm_plan_result *r, out_format fmt, FILE *fp);
/*
 * The best plan as a scenario: `setting,base,BASE` (the planned scenario,
 * the path relative to the file written) and each area row again with its
 * golive. run, report and workbook read it as they read any scenario.
 */
void plan_view_scenario(const crm_scenario *sc, const crm_plan_result *r, const char *base,
			FILE *fp);

#endif
