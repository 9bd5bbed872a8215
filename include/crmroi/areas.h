/*
 * crmroi/areas.h - the library of CRM benefit areas: for each area, the
 * drivers of its benefits (inputs with a typical value, a range, a unit, who
 * usually answers for the estimate and where a company finds its own
 * figure) and the benefit lines that use them.
 *
 * `crmroi new` writes a scenario from it (crmroi/starter.h), so the library
 * is built into the program and needs no source tree. The example files
 * scenarios/areas/NAME.csv hold the same drivers and benefits with costs of
 * their own; tests/unit/test_areas.c checks that the two agree.
 *
 * It is plain static data: nothing is allocated and nothing is freed. Every
 * value is text as a scenario file writes it ("12000", "0.5%"). It knows
 * nothing of scenarios.
 */
#ifndef CRMROI_AREAS_H
#define CRMROI_AREAS_H

#include <stddef.h>

/* A driver of an area's benefits. Its name is unique in the whole library. */
typedef struct crm_area_input {
	const char *name;
	const char *value;       /* a typical value for a mid-sized company */
	const char *low, *high;  /* the range of the estimate; NULL when it has none */
	const char *dist;        /* pert, lognormal, ...; NULL for the default (triangular) */
	const char *unit;        /* count, percent, currency, hours, or words ("minutes per contact") */
	const char *owner;       /* who usually answers for the estimate */
	const char *note;        /* what it counts and where a company finds its own figure */
	const char *label;       /* its name for people (the label column) */
} crm_area_input;

/* A benefit line of an area: yearly, from the area's go-live. */
typedef struct crm_area_benefit {
	const char *label;       /* unique in the whole library */
	const char *value;       /* a formula over the area's inputs */
	int lag;                 /* months after the area's go-live that it starts */
	int ramp;                /* months to full effect */
	const char *curve;       /* linear or scurve */
	const char *risk;        /* its own TEI risk adjustment; NULL for the scenario's */
	const char *cls;         /* benefit class: cash, cost_reduction, productivity, ... */
	int adoption;            /* scaled by the share of users who really work in the CRM */
	const char *owner;       /* who answers for it */
	const char *metric;      /* the KPI that will prove it */
	const char *note;
} crm_area_benefit;

typedef struct crm_area {
	const char *name;        /* the area column's value: lead_management */
	const char *words;       /* the name in a sentence: lead management */
	const char *title;       /* the example file's title */
	const char *models;      /* what its benefits model, one sentence */
	const char *setup;       /* a typical implementation cost of the area alone */
	const crm_area_input *inputs;
	size_t ninputs;
	const crm_area_benefit *benefits;
	size_t nbenefits;
} crm_area;

/* The number of areas, and area i (0-based, in the order crmroi new --list shows). */
size_t crm_areas_count(void);
const crm_area *crm_areas_at(size_t i);
/* The area called name (exact), or NULL. */
const crm_area *crm_areas_find(const char *name);

#endif
