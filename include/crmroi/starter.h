/*
 * crmroi/starter.h - a scenario to start from, as `crmroi new` writes it: a
 * business case made of benefit areas of the library (crmroi/areas.h) and
 * the usual cost lines, or a variant of a scenario that inherits from it.
 *
 * A starter is the file's content in order, each line a comment, a row of
 * cells or a row written commented out (an example to use by deleting its
 * "# "); every row has a cell for every column of the header, which is the
 * first row. The render layer writes it as CSV (starter_view.h); the values
 * are text as crmroi-scenario(5) reads it.
 *
 * Every figure the starter cannot know (a driver's typical value, a cost, the
 * discount rate, the go-live month) has its value repeated in the
 * placeholder column, so that the scenario warns about it until it is
 * changed (crmroi-scenario(5), the placeholder column).
 *
 * A starter is owned by its caller and freed with crm_starter_free.
 */
#ifndef CRMROI_STARTER_H
#define CRMROI_STARTER_H

#include <stddef.h>

#include "crmroi/error.h"
#include "crmroi/scenario.h"

/* A starter's horizon when none is asked for, in years. */
#define CRM_STARTER_HORIZON 5

typedef enum crm_starter_kind {
	CRM_STARTER_COMMENT,    /* text after "# " ("" for a line of "#" alone) */
	CRM_STARTER_ROW,        /* a row of the scenario */
	CRM_STARTER_EXAMPLE     /* a row written after "# ": not read until uncommented */
} crm_starter_kind;

typedef struct crm_starter_line {
	crm_starter_kind kind;
	char *text;             /* a comment's text; NULL for a row */
	char **cells;           /* a row's cells, one per column ("" when empty); NULL for a comment */
} crm_starter_line;

typedef struct crm_starter {
	char **columns;         /* the header's column names */
	size_t ncolumns;
	crm_starter_line *lines;
	size_t nlines, caplines;
	/* What it holds, for a summary: rows of each kind, and values marked placeholders. */
	size_t nareas, ninputs, ncosts, nbenefits, nplaceholders, nexamples;
} crm_starter;

/* What crm_starter_new makes. */
typedef struct crm_starter_options {
	const char *const *areas;   /* names of areas of the library, at least one */
	size_t nareas;
	const char *currency;       /* NULL: USD */
	int horizon_years;          /* 0: CRM_STARTER_HORIZON */
	const char *title;          /* NULL: "CRM business case: " and the areas */
	const char *file;           /* the file's name as the reader types it, for the comments
				       that say what to run; NULL: FILE */
} crm_starter_options;

/*
 * A business case of the areas named in opt: its settings, the go-live
 * month and the share of adoption, each area's drivers and benefit lines,
 * and the usual cost lines (licences, implementation, integration, data
 * migration, training, change management, internal staff). CRM_EUSAGE with
 * a message when an area is not in the library (with a did-you-mean and the
 * list), is named twice, or when the currency or the horizon cannot be a
 * scenario's; CRM_ENOMEM.
 */
crm_starter *crm_starter_new(const crm_starter_options *opt, crm_error *err);

/*
 * A variant of base: the rows setting,base,base_ref (the base's path as the
 * variant reads it: relative to the variant's folder) and setting,title,title
 * (NULL: the base's title and "(variant)"), and commented examples of what a
 * variant states, each a whole row of base (an input at another value, a
 * benefit that starts six months later, a cost at another amount, a line
 * taken out, a line added, a setting changed). The rows are read again from
 * the files base was loaded from (base->files), so that they are copied as
 * written; the header is the union of those files' headers. base_shown and
 * file name the base and the variant in the comments (NULL: BASE, FILE).
 * CRM_EIO when a file of base cannot be read again; CRM_ENOMEM.
 */
crm_starter *crm_starter_variant(const crm_scenario *base, const char *base_ref,
				 const char *title, const char *base_shown, const char *file,
				 crm_error *err);

void crm_starter_free(crm_starter *s);

#endif
