/*
 * batch_view.h - `crmroi batch`'s long table: one row per scenario (run), per
 * input (tornado, breakeven), per metric (simulate) or per uncertain value
 * (voi), in CSV with a header or in JSON lines, from the core's results.
 */
#ifndef CRMROI_BATCH_VIEW_H
#define CRMROI_BATCH_VIEW_H

#include <stdint.h>
#include <stdio.h>

#include "crmroi/plan.h"
#include "render.h"

typedef enum batch_analysis {
	BATCH_RUN, BATCH_TORNADO, BATCH_BREAKEVEN, BATCH_SIMULATE, BATCH_VOI, BATCH_PLAN
} batch_analysis;

/* How the rows are written: the same for every scenario of a run. */
typedef struct batch_view {
	batch_analysis an;
	int jsonl;              /* JSON lines instead of CSV */
	unsigned classes;       /* --only's classes; 0 without --only */
	crm_metric_id metric;   /* tornado and breakeven */
	double target;          /* breakeven */
} batch_view;

/* The CSV header row (nothing in JSON lines). */
void batch_view_header(const batch_view *v, FILE *fp);
/* A scenario's row or rows. */
void batch_view_run(const batch_view *v, const crm_scenario *sc, const crm_case *c, FILE *fp);
void batch_view_simulate(const batch_view *v, const crm_scenario *sc, uint64_t seed,
			 const crm_sim_result *res, FILE *fp);
/* The value of information of going ahead: a row per uncertain value, with the EVPI on each. */
void batch_view_voi(const batch_view *v, const crm_scenario *sc, uint64_t seed,
		    const crm_voi_result *res, FILE *fp);
/* The best roll-out plan (crmroi/plan.h): a row per area. */
void batch_view_plan(const batch_view *v, const crm_scenario *sc, uint64_t seed,
		     const crm_plan_result *res, FILE *fp);
void batch_view_tornado(const batch_view *v, const crm_scenario *sc,
			const crm_tornado_row *rows, size_t n, FILE *fp);
void batch_view_breakeven(const batch_view *v, const crm_scenario *sc,
			  const crm_breakeven_row *rows, size_t n, FILE *fp);
/*
 * A scenario that failed, as one row: file, title (may be ""), status error
 * and the message; in CSV padded to the table's width.
 */
void batch_view_error(const batch_view *v, const char *file, const char *title,
		      const char *msg, FILE *fp);

#endif
