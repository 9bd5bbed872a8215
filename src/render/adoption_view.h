/*
 * adoption_view.h - benefits before and after their share of adoption, in
 * every format of `crmroi run`.
 */
#ifndef CRMROI_ADOPTION_VIEW_H
#define CRMROI_ADOPTION_VIEW_H

#include "columns.h"

/* One benefit with an adoption column, folded into the report's columns. */
typedef struct adoption_row {
	const crm_line *line;      /* borrowed from the scenario */
	const char *input;         /* the adoption input's name (borrowed) */
	double *before, *after;    /* ncols each: the amounts before and after adoption */
	double *share;             /* ncols: after / before; NaN where before is 0 */
	double total_before, total_after, pv_before, pv_after;
} adoption_row;

/*
 * The benefits of r with an adoption column, in file order. *rows is
 * malloc'd (free with adoption_rows_free); *n is 0 when there are none.
 * -1 when out of memory.
 */
int adoption_rows(const report *r, adoption_row **rows, size_t *n);
void adoption_rows_free(adoption_row *rows, size_t n);

/* Text (md 0) or markdown (md 1): the section "Adoption"; nothing when no line has one. */
void adoption_people(const report *r, FILE *fp, int md);
/* The JSON member "adoption": [...], with its key and a leading ",\n  "; nothing when none. */
void adoption_json(const report *r, FILE *fp);

/*
 * The inputs a line's months and share follow, for the text lines table:
 * "start = golive + 6; adoption: adoption"; malloc'd, NULL when none.
 */
char *line_inputs_text(const crm_scenario *sc, const crm_line *ln);

#endif
