/*
 * crmroi/datatable.h - data tables (crmroi sweep): a scenario's metrics at
 * every point of a grid of one parameter (a row per point, a column per
 * metric) or of two (one metric; a row per point of the first parameter, a
 * column per point of the second).
 *
 * Cells are evaluated through crmroi/analysis.h and handed to the caller in
 * blocks of rows, in row order, so that a caller writing a table out never
 * holds all of it. A streamed two-way table is computed by several threads,
 * each with an analysis of its own; its cells do not depend on how many.
 * Nothing here formats or prints a number: that is the caller's.
 */
#ifndef CRMROI_DATATABLE_H
#define CRMROI_DATATABLE_H

#include <stddef.h>

#include "crmroi/analysis.h"
#include "crmroi/error.h"
#include "crmroi/scenario.h"

/* ------------------------------------------------------------------- axes */

/* Decimals a FROM or STEP may have for its axis to be computed in decimals. */
#define CRM_DATATABLE_MAX_DECIMALS 15

/* The points from, from + step, ..., up to to (crm_steps). */
typedef struct crm_datatable_axis {
	double from, to, step;
	size_t n;                  /* points, at least 1 */
	/*
	 * A grid of decimals (FROM and STEP written with at most
	 * CRM_DATATABLE_MAX_DECIMALS decimals): point i is (first + i x stride) /
	 * scale, in whole numbers below 2^53, so that it is the decimal value
	 * written (0.3, not 0.30000000000000004). decimal is 0 for other grids.
	 */
	int decimal;
	double first, stride, scale;
	/* Point i is the grid's point offset + i: a part of an axis (crm_datatable_axis_part). */
	size_t offset;
} crm_datatable_axis;

/*
 * An axis from from to to by step, of at most max points. CRM_EUSAGE, as
 * crm_steps gives it, when step is 0, the points lead away from to, or there
 * would be more than max of them.
 */
crm_status crm_datatable_axis_init(crm_datatable_axis *ax, double from, double to, double step,
				   double max, crm_error *err);
/*
 * Point i: on a decimal grid the decimal itself (one correctly rounded
 * division of exact whole numbers), else crm_step_value(from, to, step, i).
 */
double crm_datatable_axis_value(const crm_datatable_axis *ax, size_t i);
/*
 * Points first .. first + n - 1 of ax as an axis of n points of their own,
 * the same values to the last bit (a table computed a few columns at a time).
 */
void crm_datatable_axis_part(const crm_datatable_axis *ax, size_t first, size_t n,
			     crm_datatable_axis *out);

/* ----------------------------------------------------------------- blocks */

/* Rows first .. first + count - 1 of a table, as handed to the caller. */
typedef struct crm_datatable_block {
	size_t first, count;
	size_t ncols;              /* cells in a row */
	/*
	 * count x ncols, row-major; borrowed for the call. NULL in the emit of
	 * a streamed table with a prepare: the cells were prepare's to use.
	 */
	const crm_value *cells;
	/*
	 * Streamed tables only: the caller's own pointer for the block's slot,
	 * NULL at first. What prepare sets here, emit sees for the same block,
	 * and the next block of the slot sees it again (a buffer kept for
	 * reuse); crm_datatable_stream.release gets it at the end.
	 */
	void *user;
} crm_datatable_block;

/*
 * What the caller does with a block. Anything but CRM_OK (with err filled)
 * stops the table, and the evaluation returns that status and error.
 */
typedef crm_status (*crm_datatable_fn)(void *ctx, crm_datatable_block *b, crm_error *err);

/* ---------------------------------------------------------------- one-way */

/*
 * The metrics metrics[0 .. nmetrics - 1] with p at every point of ax, every
 * other value at its base, evaluated on a in the calling thread: a row per
 * point, a column per metric. emit gets block_rows rows at a time (fewer in
 * the last block), in order. Errors are those of crm_analysis_set and
 * crm_analysis_eval, CRM_ENOMEM, or emit's. p is back at its scenario value
 * on return. a is borrowed; the cells live until emit returns.
 */
crm_status crm_datatable_one_way(crm_analysis *a, const crm_param *p, const crm_datatable_axis *ax,
				 const crm_metric_id *metrics, size_t nmetrics, size_t block_rows,
				 crm_datatable_fn emit, void *ctx, crm_error *err);

/* ---------------------------------------------------------------- two-way */

/*
 * The metric with p1 at every point of ax1 (rows) and p2 at every point of
 * ax2 (columns), evaluated whole on a in the calling thread, every cell in
 * full (NPV as crm_analysis_npv gives it). *cells is malloc'd, ax1->n x
 * ax2->n, row-major: the caller frees it. A setting, which rebuilds the
 * model when it changes, is moved in the outer loop; the cells keep the
 * order asked for. p1 and p2 are back at their scenario values on return.
 */
crm_status crm_datatable_two_way(crm_analysis *a, const crm_param *p1, const crm_datatable_axis *ax1,
				 const crm_param *p2, const crm_datatable_axis *ax2,
				 crm_metric_id metric, crm_value **cells, crm_error *err);

/*
 * How a streamed table is computed and handed over. prepare runs in the
 * thread that computed the block, as soon as it is computed: blocks in any
 * order, several at once, so it may only read what ctx shares. It is where
 * a block is turned into what emit needs (text, in parallel), left in the
 * block's user pointer; the cells are not kept for emit. emit runs in the
 * calling thread, once per block, in row order, with the cells when there
 * is no prepare. release gets every slot's user pointer once the table is
 * done or stopped.
 */
typedef struct crm_datatable_stream {
	int jobs;                          /* threads computing blocks (at least 1) */
	crm_datatable_fn prepare;          /* may be NULL */
	crm_datatable_fn emit;
	void (*release)(void *ctx, void *user);   /* may be NULL */
	void *ctx;
} crm_datatable_stream;

/*
 * The table of crm_datatable_two_way, streamed: blocks of about
 * CRM_DATATABLE_BLOCK_CELLS cells, at least CRM_DATATABLE_SLOTS_PER_JOB per
 * thread, computed by s->jobs threads (fewer when there are fewer blocks),
 * each with an analysis of sc of its own, and handed over in order; at most
 * CRM_DATATABLE_SLOTS_PER_JOB blocks per thread are held at once, so memory
 * does not grow with the table. NPV of two inputs or line values takes the
 * model's short way where the model allows it (crm_model_summary_partial,
 * the same numbers to the last bit), the same way in every thread, so the
 * cells do not depend on the number of threads. sc and everything else are
 * borrowed.
 */
#define CRM_DATATABLE_BLOCK_CELLS 32768
#define CRM_DATATABLE_SLOTS_PER_JOB 3
crm_status crm_datatable_two_way_stream(const crm_scenario *sc, const crm_param *p1,
					const crm_datatable_axis *ax1, const crm_param *p2,
					const crm_datatable_axis *ax2, crm_metric_id metric,
					const crm_datatable_stream *s, crm_error *err);

#endif
