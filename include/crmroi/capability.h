/*
 * crmroi/capability.h - the capabilities of the scenario language a scenario
 * uses: after tax, dated discounting, benefit classes, flexibility, gates,
 * adoption, timing from inputs, readiness, units and risk events.
 *
 * Each capability changes what a business case means, so every output must
 * carry it (tests/conformance holds the table of capabilities against
 * outputs; a capability added here without its row there fails the suite).
 */
#ifndef CRMROI_CAPABILITY_H
#define CRMROI_CAPABILITY_H

#include "crmroi/scenario.h"

typedef enum crm_capability {
	CRM_CAP_AFTER_TAX,       /* setting tax_rate */
	CRM_CAP_DATED,           /* setting discounting=dated (XNPV, XIRR) */
	CRM_CAP_CLASSES,         /* a benefit of a class other than cash (and --only) */
	CRM_CAP_FLEXIBILITY,     /* a benefit of class flexibility: apart from the metrics */
	CRM_CAP_GATES,           /* lines that happen together (the group column) */
	CRM_CAP_ADOPTION,        /* a benefit scaled by a share of adoption */
	CRM_CAP_TIMING_INPUTS,   /* a line's start, end or ramp is a formula over inputs */
	CRM_CAP_READINESS,       /* setting readiness: benefits x the readiness factor */
	CRM_CAP_UNITS,           /* an input with a unit */
	CRM_CAP_RISK_EVENTS,     /* a line with a probability of its own (not a gate's) */
	CRM_CAP_ROLLOUT_PLAN,    /* kind=area rows: the roll-out plan's areas (golive moves them) */
	CRM_NCAPABILITIES
} crm_capability;

/* The capability's name, as the conformance table writes it: "after_tax", "dated", ... */
const char *crm_capability_name(crm_capability c);
/* The capabilities sc uses, bit (1 << c) for each. */
unsigned crm_scenario_capabilities(const crm_scenario *sc);

#endif
