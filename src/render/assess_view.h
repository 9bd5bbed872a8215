/*
 * assess_view.h - `crmroi assess` shown in every format: the questionnaire
 * to fill in, and the scores of answers files side by side with their
 * learnings and the outline of the executive review.
 */
#ifndef CRMROI_ASSESS_VIEW_H
#define CRMROI_ASSESS_VIEW_H

#include "render.h"

/* The questionnaire as a CSV table to fill in: the rows about it, then one row per criterion. */
void assess_view_template(FILE *fp);

/*
 * The assessments a[0..n-1] (crm_assess_load; n >= 1, the earliest first)
 * to fp in fmt: text or markdown for people, CSV (one row per figure) or
 * JSON. Borrows a; writes only to fp.
 */
void assess_view_write(crm_assessment *const *a, int n, out_format fmt, FILE *fp);

/*
 * How many of the sections a->by_gap lists first miss points, at most
 * ASSESS_VIEW_ACTIONS: the sections every output recommends to strengthen,
 * the largest gap first.
 */
#define ASSESS_VIEW_ACTIONS 3
int assess_view_gaps(const crm_assessment *a);

#endif
