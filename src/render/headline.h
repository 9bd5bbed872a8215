/*
 * headline.h - the headline metrics of a case in the order every output
 * lists them, with their keys, labels and definitions, and how each is
 * written for people.
 *
 * Not a format, and no metric is computed here: run's report, its after-tax
 * view and the document lay the items out; crm_metrics holds the figures.
 */
#ifndef CRMROI_HEADLINE_H
#define CRMROI_HEADLINE_H

#include "render.h"

/* How a headline figure is written: an amount, a percentage, a ratio, months. */
enum { HEADLINE_MONEY, HEADLINE_PERCENT, HEADLINE_RATIO, HEADLINE_MONTHS };

typedef struct headline_item {
	const char *key;           /* JSON and CSV key: "npv", "payback_months" */
	const char *label;         /* for people: "NPV", "Payback" */
	const char *definition;    /* what it is, for people */
	int kind;                  /* HEADLINE_MONEY ... HEADLINE_MONTHS */
	int ok;                    /* it exists (an IRR may not) */
	double value;
	const char *note;          /* why it does not exist, or a caveat; "" when none */
} headline_item;

/* Most items headline_items writes, with room for a caller's own after them. */
#define HEADLINE_MAX 16

/*
 * The headline metrics of m into out (HEADLINE_MAX entries), NPV first,
 * peak investment last; how many. The strings are static or borrowed from m.
 */
size_t headline_items(const crm_metrics *m, headline_item *out);

/* A figure as a person reads it: "1,234.50", "12.34%", "1.25", "15.7 months"; "n/a" when !ok. */
void headline_text(char *buf, size_t len, int kind, int ok, double value);

#endif
