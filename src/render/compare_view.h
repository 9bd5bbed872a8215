/*
 * compare_view.h - `crmroi compare` shown: scenarios side by side against a
 * baseline, their differences from it, the ranking, the benefit classes and
 * gates, the yearly and incremental cash flows, in text, markdown, CSV and
 * JSON.
 *
 * It writes to the FILE * it is given what the core computed: each
 * scenario's case (in its report), the ranking and the incremental flows
 * (crmroi/compare.h). It loads nothing, computes no metric, and neither
 * chooses where the output goes nor reports errors: that is the command's
 * (src/cli/cmd_compare.c).
 */
#ifndef CRMROI_COMPARE_VIEW_H
#define CRMROI_COMPARE_VIEW_H

#include <stdio.h>

#include "render.h"
#include "report.h"

/* The scenarios compared, as the command gathered them; everything is borrowed. */
typedef struct compare_view {
	const report *r;                /* n scenarios, each with its case */
	const crm_case *const *cases;   /* n: r[i].c, as the core's ranking takes them */
	char *const *names;             /* n short names, as the tables head their columns */
	const crm_incremental *inc;     /* n: each over the baseline (inc[base] is not read) */
	int n;
	int base;                       /* index of the baseline */
	int years, min_years;           /* the longest and the shortest horizon */
	int any_tax;                    /* some scenario has tax_rate: the after-tax rows are shown */
	int ranked;                     /* a ranking is shown: same horizons, or --rank given */
	crm_metric_id rank_by;
} compare_view;


/*
 * "the horizons differ (base 5 years, long 7 years): NPV and the totals sum
 * different periods" as a malloc'd string (the caller frees it); NULL on no
 * memory.
 */
char *compare_view_horizon_note(const compare_view *c);

/*
 * The comparison in one of the four formats: for people in text or markdown;
 * in CSV one table (section, item, then a column per scenario); JSON.
 */
void compare_view_write(const compare_view *c, out_format fmt, FILE *fp);

#endif
