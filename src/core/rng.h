/*
 * rng.h - the simulation's generator (rng.c): GSL's taus2 in eight streams
 * at once, and inline access to its buffer. Not part of the library's
 * interface; crmroi/sample.h names the generator type.
 */
#ifndef CRMROI_RNG_H
#define CRMROI_RNG_H

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#define CRM_RNG_LANES 8
#define CRM_RNG_STEPS 64
#define CRM_RNG_N (CRM_RNG_LANES * CRM_RNG_STEPS)

typedef struct crm_rng_state {
	uint32_t s1[CRM_RNG_LANES], s2[CRM_RNG_LANES], s3[CRM_RNG_LANES];
	uint32_t buf[CRM_RNG_N];   /* the numbers of CRM_RNG_STEPS steps, lanes side by side */
	unsigned pos;              /* the next one to hand out; CRM_RNG_N: none left */
} crm_rng_state;

extern const gsl_rng_type *crm_rng_taus2x8;

/* SplitMix64's step: a well-spread 64-bit hash of a 64-bit number, for seeds and streams. */
static inline uint64_t crm_mix64(uint64_t z)
{
	z += 0x9E3779B97F4A7C15ULL;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* The seed of lane k for the generator's seed s: gsl_rng_taus2 seeded with it gives that lane's numbers. */
unsigned long crm_rng_lane_seed(unsigned long seed, int lane);

/* The next CRM_RNG_N numbers of every lane into the buffer. */
void crm_rng_refill(crm_rng_state *st);

static inline uint32_t crm_rng_next_u32(void *vstate)
{
	crm_rng_state *st = vstate;
	if (st->pos == CRM_RNG_N)
		crm_rng_refill(st);
	return st->buf[st->pos++];
}

/* A uniform in [0, 1), as gsl_rng_uniform gives it, without a call for this generator. */
static inline double crm_rng_next(gsl_rng *r)
{
	if (r->type == crm_rng_taus2x8)
		return crm_rng_next_u32(r->state) / 4294967296.0;
	return gsl_rng_uniform(r);
}

/* The next n 32-bit numbers of the crm_rng_taus2x8 generator r into u. */
void crm_rng_fill_u32(gsl_rng *r, uint32_t *u, size_t n);

/* n uniforms in [0, 1) into x, the numbers n calls of crm_rng_next would give. */
void crm_rng_fill(gsl_rng *r, double *x, size_t n);

#endif
