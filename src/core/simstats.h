/*
 * simstats.h - the order statistics of a simulation (internal to libcrmroi):
 * exact percentiles by selection, percentiles estimated from a fine
 * histogram, and ranks for rank correlations.
 *
 * Every function here costs O(n) or O(n log n) in the values it is given and
 * allocates nothing: the caller owns every buffer. None of them reads the
 * scenario or the model.
 */
#ifndef CRM_SIMSTATS_H
#define CRM_SIMSTATS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Percentiles pct[0..np) (in percent) of v[0..n), n >= 1, with no NaN, as
 * gsl_stats_quantile_from_sorted_data gives them on the sorted values (the
 * same numbers to the last bit), found by selection instead of a full sort:
 * v is reordered.
 */
void crm_simstats_percentiles(double *v, size_t n, const double *pct, int np, double *out);

/*
 * The mean of the m smallest values of v[0..n) (1 <= m <= n, no NaN), found
 * by selection: v is reordered. The expected shortfall of a simulation: the
 * mean of its worst m outcomes.
 */
double crm_simstats_low_mean(double *v, size_t n, size_t m);

/*
 * Ranks 1..n of x[0..n) (no NaN, no infinity), ties sharing their average
 * rank, into rank, for n below 2^32. tmp is scratch of 3 n crm_simstats_keyed. A bucket sort
 * with a radix sort on the values' bits for crowded buckets: O(n), and the
 * same ranks as any correct sort.
 */
typedef struct crm_simstats_keyed {
	double x;
	uint32_t i;            /* where x was: n is below 2^32 */
	uint32_t bucket;       /* the bucket sort's bucket */
} crm_simstats_keyed;

void crm_simstats_ranks(const double *x, size_t n, double *rank, crm_simstats_keyed *tmp);

/*
 * A fine histogram for percentiles beyond the values kept: nbins bins of
 * equal width from lo, with counts below and above.
 */
typedef struct crm_simstats_hist {
	double lo, width;
	size_t nbins;
	uint64_t *count;       /* nbins; owned by the caller */
	uint64_t under, over;
} crm_simstats_hist;

/* Set the range from values v[0..n) (NaN ignored): three times their span, centred. */
void crm_simstats_hist_range(crm_simstats_hist *h, const double *v, size_t n);
/* Count x (a NaN is not counted). */
void crm_simstats_hist_add(crm_simstats_hist *h, double x);
/*
 * Percentiles pct[0..np) of the total values counted, at the same rank as an
 * exact percentile, (total - 1) p, interpolated within a bin; min and max for
 * ranks outside the bins.
 */
void crm_simstats_hist_percentiles(const crm_simstats_hist *h, uint64_t total, double min,
				   double max, const double *pct, int np, double *out);

/*
 * The mean of the m lowest of the values counted, from the histogram: each
 * bin's values at its middle, those below its range midway between min and
 * the range's start, those above it midway between its end and max. Accurate
 * to about a bin's width.
 */
double crm_simstats_hist_low_mean(const crm_simstats_hist *h, uint64_t m, double min, double max);

/*
 * Pearson's correlation of two rankings of n values (average ranks for ties,
 * as crm_simstats_ranks gives them): Spearman's coefficient. Both means are
 * (n + 1) / 2, and every deviation is a multiple of 1/2, so for n up to
 * CRM_SIM_RANK_MAX the three sums are exact and the result is rounded once
 * per operation. NaN when a ranking is constant.
 */
double crm_simstats_rank_corr(const double *rx, const double *ry, size_t n);

#endif
