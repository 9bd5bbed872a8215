/*
 * rng.c - GSL's taus2 generator, eight streams at once.
 *
 * A simulation takes a few dozen uniforms per draw. Through gsl_rng_uniform
 * each costs an indirect call and a step of one generator whose every step
 * waits for the last, about 3 ns on a current processor: more than the
 * model's work for the draw. This generator runs L'Ecuyer's maximally
 * equidistributed combined Tausworthe recurrence, with the seeding of GSL's
 * gsl_rng_taus2, in eight independent streams held in the lanes of a vector
 * register, and hands the numbers out from a buffer: lane k of step i is
 * number 8 i + k. Each lane's sequence is exactly gsl_rng_taus2's for that
 * lane's seed (tests/unit/test_sample.c checks it against GSL's generator),
 * so the statistical quality is GSL's; only the order of delivery is new.
 *
 * It is a gsl_rng_type, so GSL's samplers (the ziggurat, the alias table)
 * take it like any other generator; code in this library that knows it
 * reads the buffer directly (crm_rng_next, crm_rng_fill).
 */
#include "rng.h"

#include <string.h>

#include <stdint.h>

typedef uint32_t v8u __attribute__((vector_size(32), may_alias, aligned(4)));

unsigned long crm_rng_lane_seed(unsigned long seed, int lane)
{
	return (unsigned long)crm_mix64((uint64_t)seed ^ crm_mix64((uint64_t)lane + 1));
}

/* One step of the three Tausworthe components of every lane; their xor is the output. */
#define TAUS(s, a, b, c, d) ((((s) & (c)) << (d)) ^ ((((s) << (a)) ^ (s)) >> (b)))

static inline __attribute__((always_inline)) void refill_body(crm_rng_state *st)
{
	v8u s1 = *(const v8u *)st->s1, s2 = *(const v8u *)st->s2, s3 = *(const v8u *)st->s3;
	for (int i = 0; i < CRM_RNG_STEPS; i++) {
		s1 = TAUS(s1, 13, 19, 4294967294u, 12);
		s2 = TAUS(s2, 2, 25, 4294967288u, 4);
		s3 = TAUS(s3, 3, 11, 4294967280u, 17);
		*(v8u *)(st->buf + i * CRM_RNG_LANES) = s1 ^ s2 ^ s3;
	}
	*(v8u *)st->s1 = s1;
	*(v8u *)st->s2 = s2;
	*(v8u *)st->s3 = s3;
	st->pos = 0;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void refill_avx2(crm_rng_state *st) { refill_body(st); }
#endif
static void refill_base(crm_rng_state *st) { refill_body(st); }

void crm_rng_refill(crm_rng_state *st)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (__builtin_cpu_supports("avx2")) {
		refill_avx2(st);
		return;
	}
#endif
	refill_base(st);
}

/* gsl_rng_taus2's seeding, lane by lane: an LCG for the three components, then six steps. */
static void taus8_set(void *vstate, unsigned long seed)
{
	crm_rng_state *st = vstate;

	for (int k = 0; k < CRM_RNG_LANES; k++) {
		unsigned long s = crm_rng_lane_seed(seed, k);
		if (s == 0)
			s = 1;
		uint32_t s1 = (uint32_t)(69069u * (uint32_t)s);
		if (s1 < 2)
			s1 += 2;
		uint32_t s2 = 69069u * s1;
		if (s2 < 8)
			s2 += 8;
		uint32_t s3 = 69069u * s2;
		if (s3 < 16)
			s3 += 16;
		for (int i = 0; i < 6; i++) {
			s1 = TAUS(s1, 13, 19, 4294967294u, 12);
			s2 = TAUS(s2, 2, 25, 4294967288u, 4);
			s3 = TAUS(s3, 3, 11, 4294967280u, 17);
		}
		st->s1[k] = s1;
		st->s2[k] = s2;
		st->s3[k] = s3;
	}
	st->pos = CRM_RNG_N;
}

static unsigned long taus8_get(void *vstate) { return crm_rng_next_u32(vstate); }

static double taus8_get_double(void *vstate) { return crm_rng_next_u32(vstate) / 4294967296.0; }

static const gsl_rng_type taus8_type = {
	"crmroi-taus2x8",
	0xffffffffUL,
	0,
	sizeof(crm_rng_state),
	&taus8_set,
	&taus8_get,
	&taus8_get_double
};

const gsl_rng_type *crm_rng_taus2x8 = &taus8_type;

/*
 * Numbers to uniforms: u / 2^32, exactly as taus8_get_double gives them, four
 * at a time where the processor has AVX2: a 32-bit u is (u - 2^31) as a
 * signed number plus 2^31, both exact in a double.
 */
typedef int32_t v4s __attribute__((vector_size(16), may_alias, aligned(4)));
typedef double v4d __attribute__((vector_size(32), may_alias, aligned(8)));

static inline __attribute__((always_inline)) void to_uniform_body(const uint32_t *b, double *x,
								   size_t n)
{
	size_t k = 0;
	const v4s flip = { INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN };
	const v4d half = { 2147483648.0, 2147483648.0, 2147483648.0, 2147483648.0 };

	for (; k + 4 <= n; k += 4) {
		v4s s = *(const v4s *)(b + k) ^ flip;
		v4d d = __builtin_convertvector(s, v4d) + half;
		*(v4d *)(x + k) = d / 4294967296.0;
	}
	for (; k < n; k++)
		x[k] = b[k] / 4294967296.0;
}

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx2"))) static void to_uniform_avx2(const uint32_t *b, double *x, size_t n)
{
	to_uniform_body(b, x, n);
}
#endif

static void to_uniform(const uint32_t *b, double *x, size_t n)
{
#if defined(__x86_64__) && defined(__GNUC__)
	if (__builtin_cpu_supports("avx2")) {
		to_uniform_avx2(b, x, n);
		return;
	}
#endif
	to_uniform_body(b, x, n);
}

/* Up to want of the buffered numbers at *run (refilled when empty); how many, taken. */
static size_t take_run(crm_rng_state *st, size_t want, const uint32_t **run)
{
	if (st->pos == CRM_RNG_N)
		crm_rng_refill(st);
	size_t take = CRM_RNG_N - st->pos < want ? CRM_RNG_N - st->pos : want;
	*run = st->buf + st->pos;
	st->pos += (unsigned)take;
	return take;
}

void crm_rng_fill_u32(gsl_rng *r, uint32_t *u, size_t n)
{
	const uint32_t *run;

	for (size_t j = 0, take; j < n; j += take) {
		take = take_run(r->state, n - j, &run);
		memcpy(u + j, run, take * sizeof *u);
	}
}

void crm_rng_fill(gsl_rng *r, double *x, size_t n)
{
	const uint32_t *run;

	if (r->type != crm_rng_taus2x8) {
		for (size_t j = 0; j < n; j++)
			x[j] = gsl_rng_uniform(r);
		return;
	}
	for (size_t j = 0, take; j < n; j += take) {
		take = take_run(r->state, n - j, &run);
		to_uniform(run, x + j, take);
	}
}
