/*
 * crmroi/calibrate.h - how good were the estimates: realised inputs and
 * events (crmroi/track.h's actuals) against the ranges and probabilities
 * the plan gave them.
 *
 * For each realised input with a range: where the value fell in the input's
 * distribution, its percentile (the probability integral transform, PIT: a
 * calibrated estimator's PITs are uniform), and whether it fell inside the
 * central 80% and 90% intervals of that distribution. Per owner (the
 * input's owner column): the share inside each interval with its exact 95%
 * binomial interval (Clopper and Pearson 1934), and the widening factor,
 * the least factor by which that owner's ranges, widened around their
 * median, would have held 90% of the realised values. For realised events
 * and gates: the Brier score of the stated probabilities, the mean of
 * (probability - outcome)^2 (Brier 1950). Research on estimation (Hubbard,
 * How to Measure Anything) finds untrained "90%" ranges hold the truth about
 * 55% of the time.
 */
#ifndef CRMROI_CALIBRATE_H
#define CRMROI_CALIBRATE_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/scenario.h"
#include "crmroi/track.h"

#define CRM_CALIB_BINS 10   /* the histogram of percentiles: tenths */

typedef struct crm_calib_value {
	size_t input;            /* index in sc->inputs */
	int month;               /* of the realised value (the latest one given) */
	double value;
	double pit;              /* its percentile in the input's distribution, 0 to 1 */
	int in80, in90;          /* inside the central 80% / 90% interval */
	double factor;           /* the widening around the median that takes it into the 90% one */
} crm_calib_value;

typedef struct crm_calib_event {
	size_t line;             /* the risk event's line, or the gate's first line */
	double probability;      /* as stated */
	int happened;
} crm_calib_event;

typedef struct crm_calib_owner {
	const char *owner;       /* borrowed; "" for inputs and events with no owner */
	size_t n, in80, in90;    /* realised values with a range, and how many fell inside */
	double cov80, cov90;     /* in80 / n, in90 / n */
	double lo80, hi80, lo90, hi90;   /* Clopper-Pearson 95% intervals of the coverages */
	double widen;            /* the widening factor for 90% (NaN without values) */
	size_t nevents;
	double brier;            /* of its events; NaN without any */
} crm_calib_owner;

typedef struct crm_calibration {
	crm_calib_value *values; /* realised inputs with a range, in input order */
	size_t nvalues;
	size_t nfixed;           /* realised inputs without a range: nothing to judge */
	crm_calib_event *events;
	size_t nevents;
	double brier;            /* of every event; NaN without any */
	crm_calib_owner *owners; /* in order of first appearance */
	size_t nowners;
	size_t hist[CRM_CALIB_BINS];   /* percentiles by tenth */
	size_t in80, in90;
	double lo80, hi80, lo90, hi90;
} crm_calibration;

/*
 * The calibration of sc's estimates from the realised inputs and events of
 * a. CRM_ENOMEM only. Free with crm_calibration_free.
 */
crm_status crm_calibrate(const crm_scenario *sc, const crm_actuals *a, crm_calibration *out,
			 crm_error *err);
void crm_calibration_free(crm_calibration *c);

/* The exact (Clopper-Pearson) two-sided interval of a proportion k of n at confidence conf. */
void crm_clopper_pearson(size_t k, size_t n, double conf, double *lo, double *hi);

/*
 * A distribution's range widened by factor around its median: the low and
 * high of the input's range moved away from the median by factor.
 */
void crm_calib_widen(const crm_input *in, double factor, double *low, double *high);

#endif
