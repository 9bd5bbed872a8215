/*
 * html.h - the business-case document: one self-contained HTML file with
 * inline SVG charts and print CSS, for `crmroi report`.
 *
 * The front end computes everything (cash flows with and without the risk
 * adjustment, metrics, tornado, break-even values, simulation, Sobol
 * indices) and hands it over in an html_doc; this renderer only lays it out.
 * The document is a list of section functions (see html.c), so a new
 * section is one function and one table entry.
 */
#ifndef CRMROI_HTML_H
#define CRMROI_HTML_H

#include <stdint.h>
#include <stdio.h>

#include "columns.h"

/* Break-even values shown for this many of the most influential inputs. */
#define HTML_BREAKEVENS 5
/* Tornado bars shown. */
#define HTML_TORNADO_ROWS 10

/* One scenario: the proposal (first) or an alternative. */
typedef struct html_case {
	report r;                   /* the case, with and without the risk adjustment */
	/* An alternative: its cash flows minus the proposal's (has_inc set). */
	crm_incremental inc;
	int has_inc;
	/* Analyses, for the proposal only. */
	crm_tornado_row *tornado;   /* NPV, inputs and lines with a range, largest swing first */
	size_t ntornado;
	crm_value tornado_base;
	crm_breakeven be[HTML_BREAKEVENS];   /* NPV = 0 for the top tornado inputs */
	size_t nbe;
	/* Per break-even: why its search could not be made ("" when it was). */
	char be_why[HTML_BREAKEVENS][sizeof ((crm_error *)0)->msg];
	int simulated;              /* sim (and sobol) hold results */
	crm_sim_result sim;
	crm_sobol_result sobol;
	size_t nuncertain;          /* values with a distribution, and risk events */
	/* With setting readiness (the proposal only): its assessment and effect on NPV. */
	crm_assessment *assessment;
	crm_readiness_effect readiness;
} html_case;

typedef struct html_doc {
	const char *title;          /* NULL: the proposal's title */
	const char *author;         /* NULL or "": not shown */
	const char *date;           /* as shown, e.g. 2026-11-30 */
	int letter;                 /* US Letter paper instead of A4 */
	uint64_t draws, seed;
	int no_simulation;          /* asked for --no-simulation */
	html_case *cases;           /* cases[0] is the proposal */
	size_t ncases;
	const crm_track *track;     /* --actuals: the proposal against actuals, or NULL */
} html_doc;

/* The readiness section (assess_html.c); 0 when the proposal has no setting readiness. */
int html_readiness_section(const html_doc *d, FILE *fp);

/* Write the whole document to fp. Reads d, keeps nothing. */
void html_document(const html_doc *d, FILE *fp);

#endif
