/*
 * simulate_view.h - `crmroi simulate` shown in every format: the statistics
 * of each metric over the draws, the NPV histogram, the rank correlations
 * and the Sobol indices; and the rows of the --samples file.
 */
#ifndef CRMROI_SIMULATE_VIEW_H
#define CRMROI_SIMULATE_VIEW_H

#include "render.h"

/* What the views show besides the results: the run as it was asked for. */
typedef struct sim_view_opts {
	out_format fmt;
	uint64_t seed;         /* the seed given to crm_simulate and crm_sobol */
	double precision;      /* --precision, a fraction of mean NPV; 0 when not asked */
	unsigned classes;      /* --only: the benefit classes counted; 0 when not given */
} sim_view_opts;

/*
 * The simulation of n scenarios to fp in o->fmt, one after the other (a JSON
 * array when n > 1): res[i] from crm_simulate of scs[i], sob[i] from
 * crm_sobol of it, or sob NULL when the Sobol stage did not run; dec[i] the
 * decisions at scs[i]'s decided gates (crm_decide; NULL or ngates 0: none);
 * voi, with --voi, the value of information of the decision among them
 * (a section, a CSV block, each JSON object's value_of_information; NULL:
 * none); joint, with
 * several scenarios, their simulation together on common draws (NULL with
 * one): a comparison section in text and markdown, each scenario's
 * common_draws in CSV and JSON. Borrows everything; writes only to fp.
 */
void sim_view_write(const sim_view_opts *o, crm_scenario *const *scs, const crm_sim_result *res,
		    const crm_sobol_result *sob, const crm_decide_result *dec,
		    const crm_joint_result *joint, const crm_voi_result *voi, size_t n, FILE *fp);

/* The key of metric k (CRM_SIM_NPV...) in CSV and JSON, and in --metric: "payback_months". */
const char *sim_view_metric_key(int k);

/*
 * What drives the worst draws: into order, at most max items whose mean in
 * the worst draws shifts at least min_shift standard deviations from their
 * mean in all (items that do not vary left out), the largest shift first;
 * returns how many.
 */
size_t sim_view_drivers(const crm_sim_result *res, double min_shift, size_t *order, size_t max);
/* Item i's shift in the worst draws, in its standard deviations; NaN when it does not vary. */
double sim_view_tail_shift(const crm_sim_result *res, size_t i);

/*
 * The --samples CSV: the header (draw, each uncertain value of items, each
 * metric k with want[k]), then the rows of count draws from draw first (0 is
 * the first; the draw column counts from 1), laid out as crm_sim_options'
 * samples callback hands them.
 */
void sim_view_samples_header(FILE *fp, const crm_uncertain *items, size_t nitems, const int *want);
void sim_view_samples_rows(FILE *fp, uint64_t first, size_t count, size_t nitems,
			   const double *items, const double *metrics, const int *want);

#endif
