/*
 * crmroi/finance.h - finance functions of flows and times, periodic and
 * dated alike: NPV, IRR with every root, MIRR, payback, calendar days, XNPV,
 * XIRR and the dated MIRR.
 *
 * The flow functions work on any equally spaced series v[0..n-1] with v[0]
 * at time 0 and periods_per_year periods in a year (1 or 12), or on flows
 * v[i] at times t[i] in years of 365 days, so they can be checked against a
 * spreadsheet on plain numbers. Rates are annual fractions. Nothing here
 * knows a scenario: crmroi/metrics.h applies these to an evaluated one.
 * Dates are proleptic Gregorian calendar days; a flow on day d is discounted
 * to the investment date d0 by (1 + r)^((d - d0) / 365), as a spreadsheet's
 * XNPV and XIRR do.
 */
#ifndef CRMROI_FINANCE_H
#define CRMROI_FINANCE_H

#include <stddef.h>

#include "crmroi/error.h"

/* A cumulative sum within this x the sum of |flows| of 0 counts as 0 for payback. */
#define CRM_PAYBACK_REL_TOL 1e-9

/* Search interval for IRR roots, as annual rates. */
#define CRM_IRR_MIN (-0.9999)
#define CRM_IRR_MAX 1000.0
#define CRM_IRR_MAX_ROOTS 8

/* sum v[t] / (1 + rate)^(t / periods_per_year). */
double crm_npv(const double *v, size_t n, int periods_per_year, double rate);

typedef enum crm_irr_status {
	CRM_IRR_NONE,       /* no rate in the searched interval gives NPV = 0 */
	CRM_IRR_UNIQUE,
	CRM_IRR_MULTIPLE    /* several rates do: the flows change sign more than once */
} crm_irr_status;

typedef struct crm_irr {
	crm_irr_status status;
	size_t nroots;
	double roots[CRM_IRR_MAX_ROOTS];  /* ascending annual rates */
	int more;                         /* more roots were found than fit */
} crm_irr;

/*
 * All annual rates r in [CRM_IRR_MIN, CRM_IRR_MAX] with NPV(r) = 0: sign
 * changes of NPV on a grid of ln(1 + r), each refined with GSL's Brent
 * solver, plus touching (double) roots found with GSL's Brent minimiser.
 * Returns CRM_ENUM if a GSL solver fails.
 */
crm_status crm_irr_solve(const double *v, size_t n, int periods_per_year, crm_irr *out,
			 crm_error *err);

/*
 * What every rate-of-return search shares (crm_irr_solve here, crm_xirr_solve
 * for dated flows). crm_irr_bracketed refines a root of fn(u, params), u =
 * ln(1 + r), bracketed by [lo, hi], with GSL's Brent solver to the IRR
 * tolerances (CRM_ENOMEM, or CRM_ENUM when GSL fails). crm_irr_add records the
 * rate expm1(u) unless it is already there (within 1e-9 relative);
 * crm_irr_finish sorts the roots and sets the status.
 */
crm_status crm_irr_bracketed(double (*fn)(double u, void *params), void *params, double lo,
			     double hi, double *root, crm_error *err);
void crm_irr_add(crm_irr *out, double u);
void crm_irr_finish(crm_irr *out);

/*
 * The IRR of crm_irr_solve, the short way, for a simulation's many flows of
 * one shape: when v[0..n) changes sign exactly once (then NPV has one root,
 * and it is the IRR), Halley's method on u = ln(1 + r) from the annual rate
 * guess (the base case's IRR), inside a bracket with bisection as the
 * fallback. Returns 1 and sets *rate (the same root crm_irr_solve finds, to
 * about 1e-15 relative); 0 when the flows never change sign (no IRR); -1 when
 * this way cannot decide (several sign changes, a root near or beyond the
 * ends of [CRM_IRR_MIN, CRM_IRR_MAX], an overflow): then call crm_irr_solve.
 * guess_pw is NULL or the n powers of the guess's discount factor from
 * crm_irr_powers, which spare the first step its exponential (the result is
 * the same either way). scratch holds n doubles.
 */
int crm_irr_fast(const double *v, size_t n, int periods_per_year, double guess,
		 const double *guess_pw, double *scratch, double *rate);
/* pw[k] = (1 + rate)^(-k / periods_per_year) for k = 0..n-1, as crm_irr_fast computes them. */
void crm_irr_powers(size_t n, int periods_per_year, double rate, double *pw);

/*
 * MIRR as a spreadsheet defines it, with annual finance and reinvestment
 * rates: (FV of positive flows at reinvest / -PV of negative flows at finance)
 * ^ (1 / T) - 1, T = (n - 1) / periods_per_year years. A flow within
 * CRM_PAYBACK_REL_TOL x sum|v| of 0 is a rounding remainder and counts as no
 * flow. Returns 0 and sets *out, or -1 when there is no positive or no
 * negative flow.
 */
int crm_mirr(const double *v, size_t n, int periods_per_year, double finance_rate,
	     double reinvest_rate, double *out);

typedef enum crm_payback_status {
	CRM_PAYBACK_REACHED,
	CRM_PAYBACK_NEVER     /* the cumulative flow is still negative at the end */
} crm_payback_status;

typedef struct crm_payback {
	crm_payback_status status;
	double months;        /* when reached: the last time the cumulative flow reaches 0
				 (interpolated), after which it stays >= 0 to the end */
	int lost_again;       /* the cumulative flow reached 0 earlier and fell below 0 again */
	double first_months;  /* when lost_again: the first time it reached 0 */
} crm_payback;

/*
 * Payback of v[0..n-1] (v[0] at month 0, each later value at the end of its
 * period of months_per_period months): the point after which the cumulative
 * sum stays at or above 0 until the end, that is the last time it goes from
 * below 0 to 0 or above, linearly interpolated within the period; 0 (reached)
 * if it is never below 0; not reached if it is below 0 at the end. A
 * cumulative sum within CRM_PAYBACK_REL_TOL x sum|v| of 0
 * counts as 0.
 */
void crm_payback_compute(const double *v, size_t n, int months_per_period, crm_payback *out);

/* ------------------------------------------------------------- dated flows */

/* Days since 1970-01-01 of a calendar date (negative before). */
long crm_date_days(int year, int month, int day);
/* Parse YYYY-MM-DD strictly, a real calendar day from 1900 to 2999: 0, or -1. */
int crm_date_parse(const char *s, int *year, int *month, int *day);
/*
 * The same day `months` months later, clamped to the end of a shorter month
 * (the spreadsheet's EDATE: 2027-01-31 plus one month is 2027-02-28).
 */
void crm_date_add_months(int *year, int *month, int *day, int months);

/* sum v[i] / (1 + rate)^t[i], t in years of 365 days from the investment date. */
double crm_xnpv(const double *v, const double *t, size_t n, double rate);

/*
 * Every annual rate r in [CRM_IRR_MIN, CRM_IRR_MAX] with XNPV = 0, ascending,
 * as crm_irr_solve does for equally spaced flows: sign changes of XNPV on a
 * grid of ln(1 + r) refined with GSL's Brent solver, and touching (double)
 * roots located where the derivative vanishes. The flows may come in any
 * order: they are sorted by time and those of one time added up first, so
 * the time taken is n log n to sort and then in proportion to the number of
 * distinct times. CRM_ENUM if GSL fails, CRM_ENOMEM on no memory.
 */
crm_status crm_xirr_solve(const double *v, const double *t, size_t n, crm_irr *out,
			  crm_error *err);

/*
 * The XIRR of crm_xirr_solve the short way, as crm_irr_fast for periodic
 * flows: v[k] at times t[k] in years, ascending and each time once (as a
 * simulation's fixed grid of days gives them). When the flows change sign
 * once, Halley's method on u = ln(1 + r) from the annual rate guess, inside
 * a bracket with bisection as the fallback: 1 and *rate; 0 when they never
 * change sign (no XIRR); -1 when this way cannot decide: then call
 * crm_xirr_solve (or crm_xirr_solve_days). guess_e is NULL or the factors of crm_xirr_factors at
 * guess, which spare the first step its exponentials (the result is the
 * same either way).
 */
int crm_xirr_fast(const double *v, const double *t, size_t n, double guess, const double *guess_e,
		  double *rate);
/* e[k] = (1 + rate)^(-t[k]) for k = 0..n-1, as crm_xirr_fast computes them. */
void crm_xirr_factors(const double *t, size_t n, double rate, double *e);

/*
 * crm_xirr_solve for many sets of flows on the same days (a simulation's
 * draws): the discount factors of the rates it scans depend on the days
 * alone, so crm_xirr_days_new computes them once for the n times t
 * (ascending, each once; copied), and crm_xirr_solve_days then takes each
 * set of flows v[0..n) on those days with multiplications and additions
 * alone (no exponential per flow and rate), and finds the roots crm_xirr_solve finds for the same
 * flows. crm_xirr_days_new returns NULL on no memory; _free(NULL) is a
 * no-op. The days are read only while solving: threads may share them.
 */
typedef struct crm_xirr_days crm_xirr_days;
crm_xirr_days *crm_xirr_days_new(const double *t, size_t n);
void crm_xirr_days_free(crm_xirr_days *d);
crm_status crm_xirr_solve_days(const crm_xirr_days *d, const double *v, crm_irr *out,
			       crm_error *err);

/*
 * MIRR of flows v[i] at times t[i] (years from the investment date): the
 * positive flows reinvested at reinvest_rate to the horizon (in years), the
 * negative ones financed at finance_rate from time 0, (FV / -PV)^(1/horizon)
 * - 1. MIRR is defined on net flows: the flows of one day (times less than
 * half a day apart) are netted first, and a net within CRM_PAYBACK_REL_TOL x
 * sum|v| of 0 counts as no flow. Returns 0 and sets *out, or -1 when there is
 * no positive or no negative flow, no horizon, or no memory.
 */
int crm_xmirr(const double *v, const double *t, size_t n, double horizon, double finance_rate,
	      double reinvest_rate, double *out);

#endif
