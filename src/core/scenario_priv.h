/*
 * scenario_priv.h - what the files of the scenario loader share: the columns,
 * the merged rows, the loader's state, and the helpers that read a field and
 * report a problem. Not part of the library's interface (crmroi/scenario.h).
 *
 * The loader is one file per stage, in the order a scenario is read:
 *   scenario_inherit.c   the file and its bases to merged rows (CSV, header, base, remove)
 *   scenario_settings.c  kind=setting rows, and the settings' defaults (pass 1)
 *   scenario_inputs.c    input rows (names in pass 1, values in pass 2); correlations
 *   scenario_lines.c     cost and benefit rows (pass 2): months, class, group, tax columns
 *   scenario_tracking.c  phases and criteria, once every other row is read
 *   scenario_placeholders.c  then: values still equal to their placeholder cell
 *   scenario_timing.c    once every row is read: circles, months from inputs, adoption
 * scenario.c runs them in that order and holds the entry points; every stage
 * uses scenario_fields.c. Calls go only that way: scenario.c to the stages,
 * the stages and scenario.c to scenario_fields.c; no stage calls another.
 *
 * What these files share beyond the public API has the crm_scen_ prefix (it
 * is visible to the linker); the accessors of a row are static inline here.
 */
#ifndef CRMROI_SCENARIO_PRIV_H
#define CRMROI_SCENARIO_PRIV_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "crmroi/csvread.h"
#include "crmroi/scenario.h"

enum col {
	COL_KIND, COL_NAME, COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
	COL_TIMING, COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK,
	COL_OWNER, COL_METRIC, COL_NOTE, COL_PROBABILITY,
	COL_TREATMENT, COL_LIFE, COL_DEPRECIATION, COL_SALVAGE, COL_DATE,
	COL_PHASE, COL_BASELINE, COL_TARGET, COL_DIRECTION, COL_DUE, COL_UNIT,
	COL_GROUP, COL_CLASS, COL_ADOPTION, COL_PLACEHOLDER, COL_LABEL, COL_DECIDE,
	COL_AFTER, COL_GOLIVE, COL_SKIP, NCOLS
};

/* The column names, in enum col order. */
extern const char *const crm_scen_col_names[NCOLS];

/* The settings a kind=setting row may name, NULL-terminated. */
#define CRM_SCEN_NSETTINGS 25
extern const char *const crm_scen_setting_names[];

/* Rates written as a bare number above this are taken as a forgotten '%'. */
#define RATE_BARE_MAX 1.0

/* The largest month a start, end or ramp may give. */
#define MONTH_MAX 100000

/*
 * Field k's month (or ramp) from its formula's value x: rounded, halves away
 * from zero, and moved by the roll-out plan; 0 when x is out of its range.
 */
static inline int crm_scen_month_of(int k, int once, int shift, double x, int *got)
{
	int lo = k == CRM_TIMING_END || (k == CRM_TIMING_START && !once) ? 1 : 0;

	if (!(isfinite(x) && x >= lo && x <= MONTH_MAX))
		return 0;
	*got = (int)x;
	/* The roll-out plan moves the line's months (crm_scenario_set_golive). */
	if (shift && k != CRM_TIMING_RAMP && (k == CRM_TIMING_START || *got))
		*got = crm_line_shift_month(*got, shift);
	return 1;
}

static inline int crm_scen_timing_month(const crm_line *ln, int k, double x, int *got)
{
	return crm_scen_month_of(k, ln->timing == CRM_ONCE, ln->shift, x, got);
}

/*
 * What crm_scen_timing_of reads of a line, copied once for many draws: in
 * locals the compiler need not read them again after every draw's months
 * are written.
 */
typedef struct crm_timing_consts {
	int base[3];        /* start, end_given, ramp where no formula gives them */
	int has[3];         /* which of the three a formula gives */
	int once, shift;
} crm_timing_consts;

static inline crm_timing_consts crm_scen_timing_consts(const crm_line *ln)
{
	crm_timing_consts c = { { ln->start, ln->end_given, ln->ramp }, { 0, 0, 0 },
				ln->timing == CRM_ONCE, ln->shift };

	for (int k = 0; k < 3; k++)
		c.has[k] = crm_line_timing_expr(ln, k) != NULL;
	return c;
}

/* Field k's month from its formula's value x into *got (left as it is without a formula). */
static inline int crm_scen_timing_field(const crm_timing_consts *c, int k, double x, int *got)
{
	if (!c->has[k])
		return 1;
	/*
	 * round(x), halves away from zero, without the library call for a month
	 * in range: x plus the double just below 1/2, truncated, is round(x) for
	 * every double of that range (the sum rounds up to the next whole number
	 * exactly when x's fraction is at least 1/2).
	 */
	x = fabs(x) <= 4 * MONTH_MAX ? (double)(long)(x + copysign(0.49999999999999994, x))
				     : round(x);
	return crm_scen_month_of(k, c->once, c->shift, x, got);
}

/*
 * The timing of a line (its constants c) from its formulas' values already
 * computed (raw[k] for each k that has one; the others are not read), for
 * many draws at once (crm_model_summary_batch): 0 and *out, or -1 where
 * crm_line_timing_eval gives CRM_EDATA (it says why). Inline, the three
 * fields apart (each stays in a register): it runs per line and draw.
 */
static inline int crm_scen_timing_of(const crm_timing_consts *c, const double raw[3],
				     crm_line_timing *out)
{
	int start = c->base[CRM_TIMING_START], end = c->base[CRM_TIMING_END];
	int ramp = c->base[CRM_TIMING_RAMP];

	if (!crm_scen_timing_field(c, CRM_TIMING_START, raw[CRM_TIMING_START], &start) ||
	    !crm_scen_timing_field(c, CRM_TIMING_END, raw[CRM_TIMING_END], &end) ||
	    !crm_scen_timing_field(c, CRM_TIMING_RAMP, raw[CRM_TIMING_RAMP], &ramp))
		return -1;
	if (!c->once && end && end < start)
		return -1;
	out->start = start;
	out->end_given = end;
	out->ramp = ramp;
	return 0;
}


/*
 * A string-keyed hash table (open addressing, linear probing) from a key to an
 * index. Merge keys, input names, line labels and correlation pairs go through
 * it, so that loading stays linear in the number of rows.
 */
struct smap {
	struct smap_slot {
		const char *key;   /* a copy in text; NULL for an empty slot */
		uint32_t hash, val;
	} *slots;
	size_t cap, n;             /* cap is 0 or a power of two */
	struct crm_block *text;    /* its copied keys (crmroi/blocks.h) */
};

/* Whether key (len bytes) is present; its value in *val. */
int crm_scen_smap_get(const struct smap *m, const char *key, size_t len, size_t *val);
/* Set key to val (adding it if new). -1 when out of memory. */
int crm_scen_smap_set(struct smap *m, const char *key, size_t len, size_t val);
/*
 * Add key with val unless it is there: 1 and its value in *existing when it
 * is, 0 when added, -1 when out of memory. borrow: key stays valid (and is
 * NUL-terminated at len) as long as the map, which keeps it, not a copy.
 */
int crm_scen_smap_add(struct smap *m, const char *key, size_t len, size_t val, int borrow,
		      size_t *existing);
void crm_scen_smap_free(struct smap *m);

/*
 * One row of the merged scenario, its fields in canonical column order.
 * Every field remembers the file, line and column it was written at, so
 * that errors point into the right file whether the row was inherited or not.
 */
/* A row's kind column, read once (case-blind): RK_OTHER for anything else. */
enum row_kind {
	RK_OTHER, RK_SETTING, RK_INPUT, RK_COST, RK_BENEFIT, RK_CORRELATION, RK_PHASE,
	RK_CRITERION, RK_AREA, RK_REMOVE
};
int crm_scen_kind_of(const char *kind);

/* What the rows of one file share (alive while loading, in ld->sfiles). */
struct sfile {
	int colmap[NCOLS];         /* field index of each known column, or -1 */
	const char *name;          /* owned by sc->files */
	int depth;                 /* 0 for the file loaded, 1 for its base, ... */
	int index;                 /* in ld->sfiles */
	char sep;                  /* its field separator: ',' or ';' */
	crm_decimal dec;           /* how it writes numbers (setting decimal_separator) */
};

struct srow {
	/* Its fields: the CSV row and its file (both live while loading). Read
	 * them through field() and loc_of(); its file and line through
	 * srow_file() and srow_line(). A row costs 48 bytes however many columns
	 * the format has. */
	const struct sfile *f;
	const crm_csv_row *cr;
	const char **extra;        /* by index in sc->extra_names; NULL when the row has none */
	int input;                 /* its index in sc->inputs once declared, or -1 */
	int line_index;            /* its index in sc->lines once read, or -1 */
	int replaced_line;         /* the inherited row it replaced: its line (0: none) ... */
	unsigned char replaced_file; /* ... and its file, index in ld->sfiles */
	unsigned char kind;        /* an enum row_kind */
	unsigned short nextra;     /* entries allocated in extra (at most CRM_MAX_EXTRA_COLUMNS) */
	unsigned char gone;        /* taken out by a remove row */
	unsigned char bad;         /* an error was reported for it already (while checking) */
};

static inline const char *srow_file(const struct srow *r)
{
	return r->f->name;
}

static inline int srow_line(const struct srow *r)
{
	return r->cr->line;
}

/* The loader's state while one scenario is read. */
struct loader {
	crm_scenario *sc;
	crm_error *err;            /* the first error */
	crm_warnings *errors;      /* while checking: every error (NULL: stop at the first) */
	size_t nerrors;            /* errors found, listed or not */
	unsigned char *input_bad;  /* while checking: inputs whose row had an error */
	unsigned char *line_bad;   /* while checking: lines whose row had an error */
	int last_is_first, last_listed;   /* where the error recorded last went */
	crm_csv_table *tables;     /* every file's CSV, alive while loading */
	char *own_buf;             /* the text of the file being read, freed once its CSV is
				      parsed (its fields are copies); NULL when the caller's */
	size_t ntables;
	struct srow *rows;         /* the merged rows */
	size_t nrows, caprows;
	struct sfile **sfiles;     /* each file read (at most CRM_MAX_BASE_DEPTH + 1) */
	size_t nsfiles;
	struct smap merged;        /* merge key -> index in rows (GONE once removed) */
	int merge_lookup;          /* the file being merged has rows of bases to replace */
	int merge_insert;          /* ... and is a base: later files look its rows up */
	struct smap input_names;   /* input name -> index in sc->inputs */
	struct smap line_labels;   /* line label -> index in sc->lines */
	struct smap corr_pairs;    /* "a|b" input indices, a < b -> index in sc->correlations */
	struct smap group_names;   /* group name -> index in sc->groups */
	int *group_prob_line;      /* per group: the line that gave its probability, 0 if none */
	const char **group_prob_file;
	size_t capgroups;          /* entries allocated in sc->groups and the two above */
	/* Settings seen, for duplicates and defaults. */
	int setting_line[CRM_SCEN_NSETTINGS];
	crm_loc setting_at[CRM_SCEN_NSETTINGS];  /* its value's cell, for checks across settings */
	int finance_given, reinvest_given;
	/* The text crm_scen_copy_text kept last for each column, and the cell it came from. */
	const char *copied_raw[NCOLS];
	char *copied[NCOLS];
	/* While compiling: the unknown name a formula used, for a suggestion. */
	char unknown[128];
	size_t caporigins;
};

/* A malloc'd copy of s; NULL when out of memory. */
static inline char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/*
 * What a row is called in messages, "kind 'name'" in out (size bytes, cut as
 * snprintf cuts it): written for every row, so without a format's cost.
 */
static inline void crm_scen_what(char *out, size_t size, const char *kind, const char *name)
{
	const char *parts[] = { kind, " '", name, "'" };
	size_t at = 0;

	for (size_t k = 0; k < 4 && at + 1 < size; k++) {
		size_t n = strlen(parts[k]);
		if (n > size - 1 - at)
			n = size - 1 - at;
		memcpy(out + at, parts[k], n);
		at += n;
	}
	out[at] = '\0';
}

/* The 1-based field number of column c in the row's file, or 0 when its header lacks it. */
static inline int fcol(const struct srow *r, int c)
{
	return r->f->colmap[c] >= 0 ? r->f->colmap[c] + 1 : 0;
}

/* Field text, "" when absent (borrowed from the CSV tables). */
static inline const char *rowf(const struct srow *r, int c)
{
	int fi = r->f->colmap[c];
	return fi >= 0 && fi < r->cr->nfields ? r->cr->fields[fi] : "";
}

static inline const char *field(const struct loader *ld, const struct srow *r, enum col c)
{
	(void)ld;
	return rowf(r, c);
}

static inline int given(const struct loader *ld, const struct srow *r, enum col c)
{
	return field(ld, r, c)[0] != '\0';
}

static inline crm_loc loc_of(const struct loader *ld, const struct srow *r, enum col c)
{
	(void)ld;
	int fi = r->f->colmap[c];
	crm_loc l = { r->f->name, fi >= 0 && fi < r->cr->nfields ? crm_csv_field_line(r->cr, fi) : r->cr->line,
		      fcol(r, c) };
	return l;
}

/* Whether to go on after status st: only while checking, and only past bad data. */
static inline int go_on(const struct loader *ld, crm_status st)
{
	return ld->errors && (st == CRM_EDATA || st == CRM_EIO);
}

/* --------------------------------------------- scenario_fields.c: errors */

/*
 * Every error goes through crm_scen_record(): the first is the caller's err;
 * while checking, each one also goes into the list and the caller goes on
 * with the next row. Each of these returns the error's status.
 */
crm_status crm_scen_record(struct loader *ld, const crm_error *e);
/* Add a sentence to the error recorded last. */
void crm_scen_amend_last(struct loader *ld, const char *text);
/* An error of the given status at l (l.file NULL: the scenario's file). */
crm_status crm_scen_fail_status(struct loader *ld, crm_status status, crm_loc l,
				const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A CRM_EDATA error at l; FAIL puts it at a row's cell. */
crm_status crm_scen_fail_at(struct loader *ld, crm_loc l, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
crm_status crm_scen_nomem(struct loader *ld);

#define FAIL(ld, r, c, ...) crm_scen_fail_at((ld), loc_of((ld), (r), (c)), __VA_ARGS__)

/* ------------------------------------- scenario_fields.c: names and fields */

/* Edit distance, case-blind, for "did you mean" (99 past 64 letters). */
int crm_scen_distance(const char *a, const char *b);
/* Entries of a NULL-terminated list; whether s is one of them. */
size_t crm_scen_count_list(const char *const *list);
int crm_scen_in_list(const char *s, const char *const *list);
/* A letter or _, then letters, digits or _. */
int crm_scen_is_identifier(const char *s);

/*
 * Cell c as a number; as a rate or fraction within lo..hi ("12%" or 0.12);
 * as a whole number within min..max. what names the field in messages.
 */
crm_status crm_scen_get_number(struct loader *ld, const struct srow *r, enum col c,
			       const char *what, double *out, int *percent);
crm_status crm_scen_get_rate(struct loader *ld, const struct srow *r, enum col c,
			     const char *what, double lo, double hi, double *out);
crm_status crm_scen_get_whole(struct loader *ld, const struct srow *r, enum col c,
			      const char *what, int min, int max, int *out);
/* Columns that mean nothing for a row of this kind must be empty. */
crm_status crm_scen_check_unused(struct loader *ld, const struct srow *r, const char *kind,
				 const enum col *cols, size_t n);
/*
 * Text the scenario keeps, in its blocks (crm_scenario.text): never freed on
 * its own. crm_scen_keep copies s; crm_scen_keep_visible shows its line
 * breaks and tabs as \n, \r, \t (crm_csv_visible). NULL when out of memory.
 */
char *crm_scen_keep(crm_scenario *sc, const char *s);
char *crm_scen_keep_visible(crm_scenario *sc, const char *s);
/* n bytes of zeros, aligned for any pointer or double. */
void *crm_scen_keep_zeroed(crm_scenario *sc, size_t n);
void crm_scen_text_free(crm_scenario *sc);
/* A copy of cell c's text (kept); of the row's x_ values (one kept block). */
crm_status crm_scen_copy_text(struct loader *ld, const struct srow *r, enum col c, char **out);
crm_status crm_scen_copy_extra(struct loader *ld, const struct srow *r, char ***out);

/* The formula compiler's name lookup (ctx is the loader): an input's index, or -1. */
int crm_scen_lookup_input(void *ctx, const char *name, size_t len);
/* The value cell compiled as a number, series or formula over inputs. */
crm_status crm_scen_compile_value(struct loader *ld, const struct srow *r, const char *what,
				  crm_expr **out);
/* Refuses an accounting negative such as (100) in the value cell. */
crm_status crm_scen_check_accounting(struct loader *ld, const struct srow *r, const char *what);
/* low, high and dist of an input or line whose value is value. */
crm_status crm_scen_read_range(struct loader *ld, const struct srow *r, const char *what,
			       const crm_expr *value, crm_range *rg);
/* A warning for a value written with a thousands dot (850.000) in cell c. */
crm_status crm_scen_warn_thousands_dot(struct loader *ld, const struct srow *r, enum col c,
				       const char *what);

/* ------------------------------------------------------------- the stages */

/*
 * scenario_inherit.c: the file in buf (called name) and its bases to the
 * merged rows ld->rows, each kept row's origin recorded.
 */
crm_status crm_scen_read_files(struct loader *ld, const char *buf, size_t len, const char *name,
			       size_t chunk);

/* scenario_settings.c: a kind=setting row; once all are read, the defaults. */
crm_status crm_scen_read_setting(struct loader *ld, const struct srow *r);
crm_status crm_scen_settings_done(struct loader *ld);

/* scenario_inputs.c: an input's name (pass 1) and value (pass 2); a correlation row. */
crm_status crm_scen_declare_input(struct loader *ld, const struct srow *r);
crm_status crm_scen_read_input(struct loader *ld, const struct srow *r, crm_input *in);
crm_status crm_scen_read_correlation(struct loader *ld, const struct srow *r);

/*
 * scenario_lines.c: the line columns of a row of another kind (empty); a cost
 * or benefit row; after an error in one, a hint when its fields look shifted.
 */
crm_status crm_scen_check_line_columns(struct loader *ld, const struct srow *r, const char *kind);
crm_status crm_scen_read_line(struct loader *ld, const struct srow *r, crm_line_kind kind);
void crm_scen_explain_shift(struct loader *ld, const struct srow *r);

/* scenario_tracking.c: phase and criterion rows, and the lines' phases. */
crm_status crm_scen_read_tracking(struct loader *ld);
void crm_scen_free_tracking(crm_scenario *sc);

/* --------------------------------------------- scenario_plan.c (after timing) */

/* The columns only area rows have (after, golive, skip): other rows leave them empty. */
crm_status crm_scen_check_area_columns(struct loader *ld, const struct srow *r, const char *kind);
/* kind=area rows, once every line's months are known; a golive column moves its lines. */
crm_status crm_scen_read_areas(struct loader *ld);
void crm_scen_free_areas(crm_scenario *sc);

/*
 * scenario_timing.c, once every row is read: inputs in a circle; the months
 * of lines timed by formulas; each group's first month.
 */
crm_status crm_scen_check_cycles(struct loader *ld);
crm_status crm_scen_resolve_timing(struct loader *ld);
void crm_scen_group_months(crm_scenario *sc);

/*
 * scenario_placeholders.c, once every row is read: a warning for each value
 * still equal to its placeholder cell (counted in sc->nplaceholders); the
 * column on a row of another kind is an error.
 */
crm_status crm_scen_check_placeholders(struct loader *ld);

#endif
