/*
 * simstats.c - order statistics for the Monte Carlo engine: percentiles by
 * selection, ranks by radix sort, percentiles from a histogram.
 *
 * A simulation's fixed costs are these: they must stay at most n log n and
 * small next to the draws. Selection finds the 14 order statistics that seven
 * interpolated percentiles need in O(n) instead of sorting a million values;
 * ranks come from an LSD radix sort on the values' bits in O(n) instead of a
 * comparison sort per uncertain value.
 */
#include "simstats.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <string.h>

#define SMALL 16               /* insertion sort below this many values */
#define RADIX_BITS 11          /* digit width of the radix sort: 2048 buckets */
#define RADIX_PASSES 6         /* 6 x 11 >= 64 bits */
#define RADIX_BUCKETS (1u << RADIX_BITS)
#define MAX_WANT 64            /* order statistics selected at once */

static void insertion_sort(double *a, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		double t = a[i];
		size_t j = i;
		while (j > 0 && t < a[j - 1]) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = t;
	}
}

/*
 * Hoare partition around a median-of-three pivot: afterwards every value of
 * a[0..j] is <= every value of a[j+1..n). Runs of equal values split evenly.
 */
static size_t partition(double *a, size_t n)
{
	size_t mid = n / 2, i = 0, j = n - 1;
	double t, pivot;

	if (a[mid] < a[0]) { t = a[mid]; a[mid] = a[0]; a[0] = t; }
	if (a[n - 1] < a[0]) { t = a[n - 1]; a[n - 1] = a[0]; a[0] = t; }
	if (a[n - 1] < a[mid]) { t = a[n - 1]; a[n - 1] = a[mid]; a[mid] = t; }
	pivot = a[mid];
	for (;;) {
		while (a[i] < pivot)
			i++;
		while (pivot < a[j])
			j--;
		if (i >= j)
			return j;
		t = a[i];
		a[i++] = a[j];
		a[j--] = t;
	}
}

/*
 * Reorder a[0..n) so that a[k] is its k-th smallest value for every k in
 * want[0..nw) (ascending): quickselect that follows only the parts holding
 * a wanted rank, so O(n) on average for a fixed number of ranks.
 */
static void select_ranks(double *a, size_t n, const size_t *want, size_t nw)
{
	while (nw > 0 && n > SMALL) {
		size_t j = partition(a, n), left = 0;
		while (left < nw && want[left] <= j)
			left++;
		/* Ranks 0..j are in a[0..j], the rest in a[j+1..n). */
		size_t right_want[MAX_WANT];
		for (size_t k = left; k < nw; k++)
			right_want[k - left] = want[k] - (j + 1);
		select_ranks(a + j + 1, n - j - 1, right_want, nw - left);
		n = j + 1;
		nw = left;
	}
	if (nw > 0)
		insertion_sort(a, n);
}

void crm_simstats_percentiles(double *v, size_t n, const double *pct, int np, double *out)
{
	size_t want[MAX_WANT] = { 0 }, nw = 0;

	/* gsl_stats_quantile_from_sorted_data reads ranks floor((n - 1) f) and the next. */
	for (int q = 0; q < np && nw + 2 <= MAX_WANT; q++) {
		size_t lhs = (size_t)(pct[q] / 100 * (double)(n - 1));
		for (size_t k = lhs; k <= lhs + 1 && k < n; k++) {
			size_t at = nw;
			while (at > 0 && want[at - 1] > k)
				at--;
			if (at > 0 && want[at - 1] == k)
				continue;
			memmove(want + at + 1, want + at, (nw - at) * sizeof *want);
			want[at] = k;
			nw++;
		}
	}
	select_ranks(v, n, want, nw);
	for (int q = 0; q < np; q++)
		out[q] = gsl_stats_quantile_from_sorted_data(v, 1, n, pct[q] / 100);
}

double crm_simstats_low_mean(double *v, size_t n, size_t m)
{
	size_t want = m - 1;
	long double sum = 0;

	select_ranks(v, n, &want, 1);   /* v[0..m) now holds the m smallest */
	for (size_t i = 0; i < m; i++)
		sum += v[i];
	return (double)(sum / (long double)m);
}

double crm_simstats_hist_low_mean(const crm_simstats_hist *h, uint64_t m, double min, double max)
{
	long double sum = 0;
	uint64_t left = m, take;

	take = h->under < left ? h->under : left;
	sum += (long double)take * (min + (h->lo > min ? h->lo : min)) / 2;
	left -= take;
	for (size_t i = 0; left && i < h->nbins; i++) {
		take = h->count[i] < left ? h->count[i] : left;
		sum += (long double)take * (h->lo + h->width * ((double)i + 0.5));
		left -= take;
	}
	if (left) {
		double end = h->lo + h->width * (double)h->nbins;
		sum += (long double)left * (end + (max > end ? max : end)) / 2;
	}
	return (double)(sum / (long double)m);
}

/* An unsigned key in the order of the doubles (-0 and +0 are one key). */
static uint64_t order_key(double x)
{
	uint64_t b;
	x += 0.0;   /* -0 becomes +0 */
	memcpy(&b, &x, sizeof b);
	return b >> 63 ? ~b : b | 0x8000000000000000ULL;
}

/*
 * Stable LSD radix sort of a[0..n) by order_key of the values; tmp is scratch of n. Returns
 * where the sorted values are (a or tmp). A digit all values share is skipped.
 */
static crm_simstats_keyed *radix_sort(crm_simstats_keyed *a, crm_simstats_keyed *tmp, size_t n)
{
	size_t count[RADIX_PASSES][RADIX_BUCKETS];

	memset(count, 0, sizeof count);
	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < RADIX_PASSES; d++)
			count[d][(order_key(a[i].x) >> (d * RADIX_BITS)) & (RADIX_BUCKETS - 1)]++;
	for (int d = 0; d < RADIX_PASSES; d++) {
		size_t *c = count[d], sum = 0;
		if (n == 0 || c[(order_key(a[0].x) >> (d * RADIX_BITS)) & (RADIX_BUCKETS - 1)] == n)
			continue;
		for (size_t k = 0; k < RADIX_BUCKETS; k++) {
			size_t t = c[k];
			c[k] = sum;
			sum += t;
		}
		for (size_t i = 0; i < n; i++)
			tmp[c[(order_key(a[i].x) >> (d * RADIX_BITS)) & (RADIX_BUCKETS - 1)]++] = a[i];
		crm_simstats_keyed *t = a;
		a = tmp;
		tmp = t;
	}
	return a;
}

/*
 * Sort a[0..n) stably by value: a bucket sort, insertion sort within a
 * bucket, and the radix sort for a bucket with more than BUCKET_MAX values,
 * so the cost stays O(n) whatever the shape. The buckets follow the values'
 * distribution: a first pass counts them in up to COARSE_MAX bins of equal
 * width between the smallest and largest value; each bin is then cut into
 * buckets of equal width, about one per BUCKET_FILL of its values. A value's
 * bucket is a monotone function of it (buckets come in order and equal
 * values share one), and a bell-shaped distribution fills its buckets about
 * as evenly as a flat one. b is scratch of n values and count of 2 n
 * size_t. Returns where the sorted values are.
 */
#define BUCKET_FILL 2
#define BUCKET_MAX 64
#define COARSE_MAX 1024

static crm_simstats_keyed *bucket_sort(crm_simstats_keyed *a, crm_simstats_keyed *b, size_t *count,
				       size_t n)
{
	double lo = a[0].x, hi = a[0].x;
	size_t nc = n / 64, coarse[COARSE_MAX + 1], first[COARSE_MAX + 1];

	nc = nc < 1 ? 1 : nc > COARSE_MAX ? COARSE_MAX : nc;
	for (size_t i = 1; i < n; i++) {
		lo = a[i].x < lo ? a[i].x : lo;
		hi = a[i].x > hi ? a[i].x : hi;
	}
	double scale = (double)nc / (hi - lo);
	if (!(hi > lo) || !isfinite(scale) || !isfinite(hi - lo))
		return radix_sort(a, b, n);
	memset(coarse, 0, sizeof coarse);
	for (size_t i = 0; i < n; i++) {
		double f = (a[i].x - lo) * scale;
		coarse[f < (double)nc ? (size_t)f : nc - 1]++;
	}
	/* Bin c's buckets: first[c] .. first[c + 1] - 1, at least one. */
	size_t nb = 0;
	for (size_t c = 0; c < nc; c++) {
		first[c] = nb;
		nb += coarse[c] / BUCKET_FILL + 1;
	}
	first[nc] = nb;
	memset(count, 0, (nb + 1) * sizeof *count);
	for (size_t i = 0; i < n; i++) {
		double f = (a[i].x - lo) * scale;
		size_t c = f < (double)nc ? (size_t)f : nc - 1;
		size_t w = first[c + 1] - first[c];
		double g = (f - (double)c) * (double)w;
		size_t k = first[c] + (g > 0 ? (g < (double)w ? (size_t)g : w - 1) : 0);
		a[i].bucket = (uint32_t)k;
		count[k + 1]++;
	}
	for (size_t k = 1; k <= nb; k++)
		count[k] += count[k - 1];
	for (size_t i = 0; i < n; i++)
		b[count[a[i].bucket]++] = a[i];
	/* count[k] is now where bucket k ends. */
	for (size_t k = 0, at = 0; k < nb; at = count[k++]) {
		size_t m = count[k] - at;
		crm_simstats_keyed *v = b + at;
		if (m > BUCKET_MAX) {
			crm_simstats_keyed *sorted = radix_sort(v, a, m);
			if (sorted != v)
				memcpy(v, sorted, m * sizeof *v);
			continue;
		}
		for (size_t i = 1; i < m; i++) {
			crm_simstats_keyed t = v[i];
			size_t j = i;
			while (j > 0 && t.x < v[j - 1].x) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = t;
		}
	}
	return b;
}

void crm_simstats_ranks(const double *x, size_t n, double *rank, crm_simstats_keyed *tmp)
{
	crm_simstats_keyed *a = tmp;

	if (n == 0)
		return;
	for (size_t i = 0; i < n; i++)
		a[i] = (crm_simstats_keyed){ x[i], (uint32_t)i, 0 };
	a = bucket_sort(a, tmp + n, (size_t *)(void *)(tmp + 2 * n), n);
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && a[j + 1].x == a[i].x)
			j++;
		double r = 0.5 * (double)(i + j) + 1;
		for (size_t t = i; t <= j; t++)
			rank[a[t].i] = r;
		i = j + 1;
	}
}

double crm_simstats_rank_corr(const double *rx, const double *ry, size_t n)
{
	double m = 0.5 * ((double)n + 1), sxy = 0, sxx = 0, syy = 0;

	for (size_t i = 0; i < n; i++) {
		double dx = rx[i] - m, dy = ry[i] - m;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxy / sqrt(sxx * syy);
}

void crm_simstats_hist_range(crm_simstats_hist *h, const double *v, size_t n)
{
	double lo = 0, hi = 0;
	int any = 0;

	for (size_t i = 0; i < n; i++)
		if (!isnan(v[i])) {
			lo = any && lo < v[i] ? lo : v[i];
			hi = any && hi > v[i] ? hi : v[i];
			any = 1;
		}
	double span = hi - lo > 0 ? hi - lo : fabs(lo) * 1e-6 + 1e-9;
	h->lo = lo - span;
	h->width = 3 * span / (double)h->nbins;
	h->under = h->over = 0;
}

void crm_simstats_hist_add(crm_simstats_hist *h, double x)
{
	if (isnan(x))
		return;
	double f = (x - h->lo) / h->width;
	if (f < 0)
		h->under++;
	else if (f >= (double)h->nbins)
		h->over++;
	else
		h->count[(size_t)f]++;
}

void crm_simstats_hist_percentiles(const crm_simstats_hist *h, uint64_t total, double min,
				   double max, const double *pct, int np, double *out)
{
	for (int q = 0; q < np; q++) {
		double target = (double)(total - 1) * pct[q] / 100.0;
		double cum = (double)h->under;
		double x = h->lo;
		if (target < cum) {
			out[q] = min;
			continue;
		}
		size_t i;
		for (i = 0; i < h->nbins; i++) {
			double c = (double)h->count[i];
			if (cum + c > target) {
				x = h->lo + h->width * ((double)i + (target - cum) / c);
				break;
			}
			cum += c;
		}
		out[q] = i == h->nbins ? max : x;
	}
}
