/*
 * scenario.c - scenario CSV rows to settings, inputs and lines, fully checked.
 *
 * Loading is two passes over the rows: the first reads the header, settings
 * and the names of all inputs (so a formula may use an input defined further
 * down); the second compiles every value and checks every field; then the
 * months of lines whose start, end or ramp is a formula are computed from the
 * inputs and checked (resolve_timing). The first
 * problem found stops the load, with its file, line and column. Problems that
 * do not make the numbers wrong (a line that starts after the horizon) are
 * collected as warnings instead.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "crmroi/scenario.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/assess.h"
#include "crmroi/csvread.h"
#include "crmroi/finance.h"

enum col {
	COL_KIND, COL_NAME, COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
	COL_TIMING, COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK,
	COL_OWNER, COL_METRIC, COL_NOTE, COL_PROBABILITY,
	COL_TREATMENT, COL_LIFE, COL_DEPRECIATION, COL_SALVAGE, COL_DATE,
	COL_PHASE, COL_BASELINE, COL_TARGET, COL_DIRECTION, COL_DUE, COL_UNIT,
	COL_GROUP, COL_CLASS, COL_ADOPTION, NCOLS
};

static const char *const col_names[NCOLS] = {
	"kind", "name", "value", "low", "high", "dist", "area", "timing", "start",
	"end", "ramp", "curve", "growth", "risk", "owner", "metric", "note", "probability",
	"treatment", "life", "depreciation", "salvage", "date",
	"phase", "baseline", "target", "direction", "due", "unit",
	"group", "class", "adoption"
};

/* crm_class order: the names of the class column. */
static const char *const class_names[CRM_NCLASSES + 1] = {
	"cash", "cost_reduction", "productivity", "cost_avoidance", "flexibility", NULL
};

/* Two probabilities of one group closer than this are the same value written twice. */
#define GROUP_PROB_TOL 1e-12

static const char *const benefit_areas[] = {
	"lead_management", "opportunity_management", "configurator", "proposal_generation",
	"team_selling", "campaign_management", "call_center", "self_service",
	"field_service", "ecommerce", "partner_channel", NULL
};

static const char *const cost_categories[] = {
	"license", "implementation", "integration", "data_migration", "hardware",
	"training", "change_management", "internal_staff", "support", NULL
};

static const char *const setting_names[] = {
	"title", "currency", "horizon_years", "discount_rate", "period", "start_date",
	"finance_rate", "reinvest_rate", "benefit_risk", "cost_risk",
	"tax_rate", "tax_lag_years", "tax_losses", "declining_factor", "discounting",
	"fiscal_year_start", "readiness", "readiness_floor", NULL
};

/* Rates written as a bare number above this are taken as a forgotten '%'. */
#define RATE_BARE_MAX 1.0

/* Marks a merged row (or map entry) that a remove row took out. */
#define GONE SIZE_MAX

/*
 * A string-keyed hash table (open addressing, linear probing) from a key to an
 * index. Merge keys, input names, line labels and correlation pairs go through
 * it, so that loading stays linear in the number of rows.
 */
struct smap {
	char **keys;               /* owned copies; NULL for an empty slot */
	size_t *vals;
	size_t cap, n;             /* cap is 0 or a power of two */
};

static uint64_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;   /* FNV-1a */

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* The slot holding key (len bytes), or the empty slot where it would go. */
static size_t smap_slot(const struct smap *m, const char *key, size_t len)
{
	size_t i = (size_t)hash_bytes(key, len) & (m->cap - 1);

	while (m->keys[i] && !(strncmp(m->keys[i], key, len) == 0 && m->keys[i][len] == '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Whether key is present; its value in *val. */
static int smap_get(const struct smap *m, const char *key, size_t len, size_t *val)
{
	if (!m->cap)
		return 0;
	size_t i = smap_slot(m, key, len);
	if (!m->keys[i])
		return 0;
	*val = m->vals[i];
	return 1;
}

/* Set key to val (adding it if new). -1 when out of memory. */
static int smap_set(struct smap *m, const char *key, size_t len, size_t val)
{
	if (2 * (m->n + 1) > m->cap) {
		struct smap g = { NULL, NULL, m->cap ? 2 * m->cap : 64, 0 };
		g.keys = calloc(g.cap, sizeof *g.keys);
		g.vals = calloc(g.cap, sizeof *g.vals);
		if (!g.keys || !g.vals) {
			free(g.keys);
			free(g.vals);
			return -1;
		}
		for (size_t k = 0; k < m->cap; k++)
			if (m->keys[k]) {
				size_t j = smap_slot(&g, m->keys[k], strlen(m->keys[k]));
				g.keys[j] = m->keys[k];
				g.vals[j] = m->vals[k];
			}
		g.n = m->n;
		free(m->keys);
		free(m->vals);
		*m = g;
	}
	size_t i = smap_slot(m, key, len);
	if (!m->keys[i]) {
		if (!(m->keys[i] = malloc(len + 1)))
			return -1;
		memcpy(m->keys[i], key, len);
		m->keys[i][len] = '\0';
		m->n++;
	}
	m->vals[i] = val;
	return 0;
}

static void smap_free(struct smap *m)
{
	for (size_t k = 0; k < m->cap; k++)
		free(m->keys[k]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/*
 * One row of the merged scenario, its fields in canonical column order.
 * Every field remembers the file, line and column it was written at, so
 * that errors point into the right file whether the row was inherited or not.
 */
struct srow {
	const char *file;          /* owned by sc->files */
	int line;
	int depth;                 /* 0 for the file loaded, 1 for its base, ... */
	/* Its fields: the CSV row and its file's column map (both live while loading).
	 * Read them through field() and loc_of(). A row costs about 100 bytes
	 * however many columns the format has. */
	const crm_csv_row *cr;
	const int *colmap;         /* NCOLS field indices, or -1 */
	const char **extra;        /* by index in sc->extra_names; NULL when the row has none */
	size_t nextra;             /* entries allocated in extra */
	crm_loc replaced;          /* the inherited row it replaced */
	int gone;                  /* taken out by a remove row */
	int bad;                   /* an error was reported for it already (while checking) */
	long input;                /* its index in sc->inputs once declared, or -1 */
	long line_index;           /* its index in sc->lines once read, or -1 */
};

/* What one file's header says. */
struct header {
	int colmap[NCOLS];         /* field index of each known column, or -1 */
	int *extra;                /* field index -> index in sc->extra_names, or -1 */
	int width;                 /* fields the header names */
	const int *kept;           /* colmap's copy in ld->colmaps, which rows point to */
};

struct loader {
	crm_scenario *sc;
	crm_error *err;            /* the first error */
	crm_warnings *errors;      /* while checking: every error (NULL: stop at the first) */
	size_t nerrors;            /* errors found, listed or not */
	unsigned char *input_bad;  /* while checking: inputs whose row had an error */
	unsigned char *line_bad;   /* while checking: lines whose row had an error */
	int last_is_first, last_listed;   /* where the error recorded last went */
	crm_csv_table *tables;     /* every file's CSV, alive while loading */
	size_t ntables;
	struct srow *rows;         /* the merged rows */
	size_t nrows, caprows;
	int **colmaps;             /* each file's column map, alive while loading */
	size_t ncolmaps;
	struct smap merged;        /* merge key -> index in rows (GONE once removed) */
	struct smap input_names;   /* input name -> index in sc->inputs */
	struct smap line_labels;   /* line label -> index in sc->lines */
	struct smap corr_pairs;    /* "a|b" input indices, a < b -> index in sc->correlations */
	struct smap group_names;   /* group name -> index in sc->groups */
	int *group_prob_line;      /* per group: the line that gave its probability, 0 if none */
	const char **group_prob_file;
	/* Settings seen, for duplicates and defaults. */
	int setting_line[sizeof setting_names / sizeof *setting_names];
	int finance_given, reinvest_given;
	/* While compiling: the unknown name a formula used, for a suggestion. */
	char unknown[128];
	size_t caporigins;
};

_Static_assert(sizeof ((struct loader *)0)->setting_line / sizeof (int) >=
	       sizeof setting_names / sizeof *setting_names - 1, "setting_line holds every setting");

/* ------------------------------------------------------------- small helpers */

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* The 1-based field number of column c in the row's file, or 0 when its header lacks it. */
static int fcol(const struct srow *r, int c)
{
	return r->colmap[c] >= 0 ? r->colmap[c] + 1 : 0;
}

/* Field text, "" when absent (borrowed from the CSV tables). */
static const char *rowf(const struct srow *r, int c)
{
	int fi = r->colmap[c];
	return fi >= 0 && fi < r->cr->nfields ? r->cr->fields[fi] : "";
}

static const char *field(const struct loader *ld, const struct srow *r, enum col c)
{
	(void)ld;
	return rowf(r, c);
}

static int given(const struct loader *ld, const struct srow *r, enum col c)
{
	return field(ld, r, c)[0] != '\0';
}

static crm_loc loc_of(const struct loader *ld, const struct srow *r, enum col c)
{
	(void)ld;
	int fi = r->colmap[c];
	crm_loc l = { r->file, fi >= 0 && fi < r->cr->nfields ? r->cr->field_lines[fi] : r->line,
		      fcol(r, c) };
	return l;
}

/*
 * Every error goes through here: the first one is the caller's err; while
 * checking, each one also goes into the list (the first CRM_MAX_ERRORS of
 * them) and the caller goes on with the next row. Returns e's status.
 */
static crm_status record(struct loader *ld, const crm_error *e)
{
	ld->last_is_first = ld->nerrors == 0;
	ld->last_listed = 0;
	if (ld->nerrors == 0 && ld->err)
		*ld->err = *e;
	ld->nerrors++;
	if (ld->errors && ld->errors->count < CRM_MAX_ERRORS) {
		if (crm_warnings_add_error(ld->errors, e) != CRM_OK)
			ld->errors = NULL;   /* no memory left for the list: stop at this error */
		else
			ld->last_listed = 1;
	}
	return e->status;
}

/* Add a sentence to the error recorded last (wherever it was recorded). */
static void amend_last(struct loader *ld, const char *text)
{
	if (ld->last_is_first && ld->err)
		crm_appendf(ld->err->msg, sizeof ld->err->msg, "%s", text);
	if (ld->last_listed && ld->errors)
		crm_appendf(ld->errors->items[ld->errors->count - 1].msg,
			    sizeof ld->errors->items[0].msg, "%s", text);
}

/* Whether to go on after status st: only while checking, and only past bad data. */
static int go_on(const struct loader *ld, crm_status st)
{
	return ld->errors && (st == CRM_EDATA || st == CRM_EIO);
}

static crm_status fail_v(struct loader *ld, crm_status status, crm_loc l, const char *fmt,
			 va_list ap) __attribute__((format(printf, 4, 0)));

static crm_status fail_v(struct loader *ld, crm_status status, crm_loc l, const char *fmt,
			 va_list ap)
{
	char msg[sizeof ld->err->msg];
	crm_error e;

	vsnprintf(msg, sizeof msg, fmt, ap);
	crm_error_set(&e, status, l.file ? l.file : ld->sc->file, l.line, l.col, "%s", msg);
	return record(ld, &e);
}

static crm_status fail_status(struct loader *ld, crm_status status, crm_loc l,
			      const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static crm_status fail_status(struct loader *ld, crm_status status, crm_loc l,
			      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	crm_status st = fail_v(ld, status, l, fmt, ap);
	va_end(ap);
	return st;
}

static crm_status fail_at(struct loader *ld, crm_loc l, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static crm_status fail_at(struct loader *ld, crm_loc l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	crm_status st = fail_v(ld, CRM_EDATA, l, fmt, ap);
	va_end(ap);
	return st;
}

#define FAIL(ld, r, c, ...) fail_at((ld), loc_of((ld), (r), (c)), __VA_ARGS__)

static crm_status nomem(struct loader *ld)
{
	return fail_status(ld, CRM_ENOMEM, (crm_loc){ ld->sc->file, 0, 0 }, "out of memory");
}

/* Edit distance, for "did you mean". Short strings only. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int d[64 + 1];

	if (la > 64 || lb > 64)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		d[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = d[0];
		d[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int tmp = d[j];
			int cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			int best = prev + cost;
			if (d[j] + 1 < best)
				best = d[j] + 1;
			if (d[j - 1] + 1 < best)
				best = d[j - 1] + 1;
			d[j] = best;
			prev = tmp;
		}
	}
	return d[lb];
}

/* Write " (did you mean 'x'?)" into buf when a candidate is close, else "". */
static void suggest(const char *word, const char *const *cands, size_t n, char *buf, size_t len)
{
	/* Allow about one edit in three letters, and at least two. */
	int limit = (int)(strlen(word) + 2) / 3, best;
	const char *pick = NULL;

	if (limit < 2)
		limit = 2;
	best = limit + 1;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int dd = distance(word, cands[i]);
		if (dd < best) {
			best = dd;
			pick = cands[i];
		}
	}
	if (pick)
		snprintf(buf, len, " (did you mean '%s'?)", pick);
}

static size_t count_list(const char *const *list)
{
	size_t n = 0;
	while (list[n])
		n++;
	return n;
}

static int is_identifier(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}

static int in_list(const char *s, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

/* ----------------------------------------------------------- enum names */

const char *crm_dist_name(crm_dist d)
{
	static const char *const n[] = { "", "fixed", "triangular", "pert", "uniform", "normal", "lognormal" };
	return n[d];
}

const char *crm_timing_name(crm_timing t)
{
	static const char *const n[] = { "once", "monthly", "yearly" };
	return n[t];
}

const char *crm_curve_name(crm_curve c) { return c == CRM_CURVE_SCURVE ? "scurve" : "linear"; }
const char *crm_grid_name(crm_grid g) { return g == CRM_GRID_MONTH ? "month" : "year"; }

int crm_area_is_standard(crm_line_kind kind, const char *area)
{
	return in_list(area, kind == CRM_BENEFIT ? benefit_areas : cost_categories);
}

int crm_scenario_months(const crm_scenario *sc) { return 12 * sc->settings.horizon_years; }

int crm_scenario_find_input(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->ninputs; i++)
		if (strcmp(sc->inputs[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* --------------------------------------------------------- typed fields */

/* A number cell. what names the field in messages. */
static crm_status get_number(struct loader *ld, const struct srow *r, enum col c,
			     const char *what, double *out, int *percent)
{
	char why[512];

	if (crm_parse_number(field(ld, r, c), out, percent, why, sizeof why) != CRM_OK)
		return FAIL(ld, r, c, "%s: %s", what, why);
	return CRM_OK;
}

/*
 * A rate or fraction: "12%" or "0.12". A bare number above 1 is refused because
 * it almost always means a forgotten '%' (discount_rate=12 would be 1200%).
 */
static crm_status get_rate(struct loader *ld, const struct srow *r, enum col c,
			   const char *what, double lo, double hi, double *out)
{
	int pct = 0;
	crm_status st = get_number(ld, r, c, what, out, &pct);

	if (st != CRM_OK)
		return st;
	if (!pct && fabs(*out) > RATE_BARE_MAX) {
		/* Suggest only what would be accepted: 20 for a risk means 20%, never 2000%. */
		const char *v = field(ld, r, c);
		int as_percent = *out / 100 >= lo && *out / 100 <= hi;
		int as_written = *out >= lo && *out <= hi;
		if (as_percent && as_written)
			return FAIL(ld, r, c, "%s: '%s' would mean %g%%; write %s%% for a percentage, "
				    "or %g%% with the sign if that much is meant", what, v, *out * 100, v,
				    *out * 100);
		if (as_percent)
			return FAIL(ld, r, c, "%s: '%s' would mean %g%%; write %s%% for a percentage "
				    "(%s is %g%% to %g%%)", what, v, *out * 100, v, what, lo * 100,
				    hi * 100);
		return FAIL(ld, r, c, "%s: '%s' would mean %g%%, and %s is %g%% to %g%%", what, v,
			    *out * 100, what, lo * 100, hi * 100);
	}
	if (!(*out >= lo && *out <= hi))
		return FAIL(ld, r, c, "%s: '%s' is out of range (expected %g%% to %g%%)", what,
			    field(ld, r, c), lo * 100, hi * 100);
	return CRM_OK;
}

/* A whole number of months (or years) >= min. */
static crm_status get_whole(struct loader *ld, const struct srow *r, enum col c,
			    const char *what, int min, int max, int *out)
{
	double v;
	int pct;
	crm_status st = get_number(ld, r, c, what, &v, &pct);

	if (st != CRM_OK)
		return st;
	if (pct || v != floor(v))
		return FAIL(ld, r, c, "%s: '%s' is not a whole number", what, field(ld, r, c));
	if (v < min || v > max)
		return FAIL(ld, r, c, "%s: %s is out of range (expected %d to %d)", what,
			    field(ld, r, c), min, max);
	*out = (int)v;
	return CRM_OK;
}

/* ------------------------------------------------------------- header */

/* The index of an x_ column name already seen, or -1. */
static int extra_known(const struct loader *ld, const char *name)
{
	for (size_t k = 0; k < ld->sc->nextra; k++)
		if (!strcmp(ld->sc->extra_names[k], name))
			return (int)k;
	return -1;
}

/* Add an x_ column name to the scenario's list (shared by all files); its index, or -1. */
static int extra_index(struct loader *ld, const char *name)
{
	crm_scenario *sc = ld->sc;

	for (size_t k = 0; k < sc->nextra; k++)
		if (!strcmp(sc->extra_names[k], name))
			return (int)k;
	char **n = realloc(sc->extra_names, (sc->nextra + 1) * sizeof *n);
	if (!n)
		return -1;
	sc->extra_names = n;
	if (!(n[sc->nextra] = xstrdup(name)))
		return -1;
	return (int)sc->nextra++;
}

static crm_status read_header(struct loader *ld, const crm_csv_row *r, const char *file,
			      struct header *hd)
{
	for (int c = 0; c < NCOLS; c++)
		hd->colmap[c] = -1;
	hd->width = 0;
	hd->extra = malloc(((size_t)r->nfields + 1) * sizeof *hd->extra);
	if (!hd->extra)
		return nomem(ld);
	if (r->nfields == 1 && (strchr(r->fields[0], ';') || strchr(r->fields[0], '\t')))
		return fail_at(ld, (crm_loc){ file, r->line, 1 }, "header '%s' is one column: the "
			       "file seems to use '%c' between fields; save it as comma-separated CSV",
			       r->fields[0], strchr(r->fields[0], ';') ? ';' : '\t');
	for (int fi = 0; fi < r->nfields; fi++) {
		char *h = r->fields[fi];
		crm_loc l = { file, r->field_lines[fi], fi + 1 };
		int found = -1;

		hd->extra[fi] = -1;
		for (char *p = h; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (h[0] == '\0') {
			/* Spreadsheets often leave trailing empty header cells. */
			int rest_empty = 1;
			for (int k = fi; k < r->nfields; k++)
				rest_empty &= r->fields[k][0] == '\0';
			if (rest_empty)
				break;
			return fail_at(ld, l, "empty column name in the header (expected one of kind, "
				       "name, value, ... or a name starting with x_)");
		}
		if (!strncmp(h, "x_", 2)) {
			if (ld->sc->nextra >= CRM_MAX_EXTRA_COLUMNS &&
			    extra_known(ld, h) < 0)
				return fail_at(ld, l, "more than %d x_ columns (the limit of "
					       "crmroi-scenario(5))", CRM_MAX_EXTRA_COLUMNS);
			for (int k = 0; k < fi; k++)
				if (!strcmp(r->fields[k], h))
					return fail_at(ld, l, "column '%s' appears twice in the header", h);
			if ((hd->extra[fi] = extra_index(ld, h)) < 0)
				return nomem(ld);
			hd->width = fi + 1;
			continue;
		}
		for (int c = 0; c < NCOLS; c++)
			if (!strcmp(h, col_names[c]))
				found = c;
		if (found < 0) {
			char sug[160];
			suggest(h, col_names, NCOLS, sug, sizeof sug);
			return fail_at(ld, l, "unknown column '%s'%s (expected kind, name, value, low, high, "
				       "dist, area, timing, start, end, ramp, curve, growth, risk, "
				       "probability, owner, metric, note, treatment, life, depreciation, "
				       "salvage, date, phase, baseline, target, direction, due, unit, group, "
				       "class, or a "
				       "name starting with x_ for your own notes)", h, sug);
		}
		if (hd->colmap[found] >= 0)
			return fail_at(ld, l, "column '%s' appears twice in the header (first as column %d)",
				       h, hd->colmap[found] + 1);
		hd->colmap[found] = fi;
		hd->width = fi + 1;
	}
	for (int c = COL_KIND; c <= COL_VALUE; c++)
		if (hd->colmap[c] < 0)
			return fail_at(ld, (crm_loc){ file, r->line, 0 }, "the header has no '%s' column "
				       "(kind, name and value are required)", col_names[c]);
	return CRM_OK;
}

static int is_comment(const crm_csv_row *r)
{
	return r->nfields > 0 && r->fields[0][0] == '#';
}

static int is_blank_row(const crm_csv_row *r)
{
	for (int i = 0; i < r->nfields; i++)
		if (r->fields[i][0] != '\0')
			return 0;
	return 1;
}

/* Fields past the header's columns must be empty: a stray comma shifts values. */
static crm_status check_width(struct loader *ld, const crm_csv_row *r, const char *file,
			      const struct header *hd)
{
	for (int fi = hd->width; fi < r->nfields; fi++)
		if (r->fields[fi][0] != '\0')
			return fail_at(ld, (crm_loc){ file, r->field_lines[fi], fi + 1 },
				       "'%s' is past the last column of the header (the header has %d "
				       "columns; a comma inside a value shifts the fields: quote the "
				       "value, or write 12.5 rather than 12,5)", r->fields[fi],
				       hd->width);
	return CRM_OK;
}

/* Columns that mean nothing for a row of this kind must be empty. */
static crm_status check_unused(struct loader *ld, const struct srow *r, const char *kind,
			       const enum col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (given(ld, r, cols[i]))
			return FAIL(ld, r, cols[i], "'%s' is given for a %s row, where it has no "
				    "meaning (leave the %s column empty)", field(ld, r, cols[i]), kind,
				    col_names[cols[i]]);
	return CRM_OK;
}

/* ------------------------------------------------------ tax and dates */

/* The line a setting was given on, or 0. */
static int setting_given_at(const struct loader *ld, const char *name)
{
	for (int i = 0; setting_names[i]; i++)
		if (!strcmp(setting_names[i], name))
			return ld->setting_line[i];
	return 0;
}

/*
 * The settings of the after-tax and dated views. Returns CRM_EUSAGE when name
 * is not one of them, so that read_setting goes on.
 */
static crm_status read_tax_setting(struct loader *ld, const struct srow *r, const char *name,
				   const char *v)
{
	crm_settings *s = &ld->sc->settings;
	crm_status st;
	int pct;

	if (!strcmp(name, "tax_rate")) {
		s->tax_given = 1;
		return get_rate(ld, r, COL_VALUE, "tax_rate", 0.0, 1.0, &s->tax_rate);
	}
	if (!strcmp(name, "tax_lag_years"))
		return get_whole(ld, r, COL_VALUE, "tax_lag_years", 0, CRM_MAX_HORIZON_YEARS,
				 &s->tax_lag_years);
	if (!strcmp(name, "tax_losses")) {
		if (!strcasecmp(v, "offset"))
			s->tax_losses = CRM_LOSSES_OFFSET;
		else if (!strcasecmp(v, "carry_forward"))
			s->tax_losses = CRM_LOSSES_CARRY_FORWARD;
		else
			return FAIL(ld, r, COL_VALUE, "tax_losses: '%s' is not known (expected offset: "
				    "a loss lowers the company's other taxable profit, or carry_forward: "
				    "it is set against the project's later profits only)", v);
		return CRM_OK;
	}
	if (!strcmp(name, "declining_factor")) {
		if ((st = get_number(ld, r, COL_VALUE, "declining_factor", &s->declining_factor,
				     &pct)) != CRM_OK)
			return st;
		if (pct || !(s->declining_factor > 0 && s->declining_factor <= 10))
			return FAIL(ld, r, COL_VALUE, "declining_factor: '%s' is not a factor from 0 "
				    "to 10 (expected e.g. 2 for double declining balance, 1.5 for 150%%)",
				    v);
		return CRM_OK;
	}
	if (!strcmp(name, "discounting")) {
		if (!strcasecmp(v, "periodic"))
			s->discounting = CRM_DISCOUNT_PERIODIC;
		else if (!strcasecmp(v, "dated"))
			s->discounting = CRM_DISCOUNT_DATED;
		else
			return FAIL(ld, r, COL_VALUE, "discounting: '%s' is not known (expected periodic: "
				    "Initial undiscounted and each period at its end, or dated: every "
				    "flow on its day, as XNPV)", v);
		return CRM_OK;
	}
	if (!strcmp(name, "fiscal_year_start"))
		return get_whole(ld, r, COL_VALUE, "fiscal_year_start", 1, 12, &s->fiscal_year_start);
	return CRM_EUSAGE;
}

/* The month (0 = the investment date) whose period holds calendar day d. */
static int month_of_day(const crm_settings *s, long d)
{
	int day0 = s->start_day ? s->start_day : 1;
	long d0 = crm_date_days(s->start_year, s->start_month, day0);
	int m = 0;

	if (d <= d0)
		return 0;
	/* Month m covers the days after the end of month m - 1 up to m months after d0. */
	m = (int)((d - d0) / 31);
	for (;; m++) {
		int y = s->start_year, mo = s->start_month, dd = day0;
		crm_date_add_months(&y, &mo, &dd, m);
		if (crm_date_days(y, mo, dd) >= d)
			return m;
	}
}

/* The columns only cost and benefit lines have: a row of another kind leaves them empty. */
static crm_status check_line_columns(struct loader *ld, const struct srow *r, const char *kind)
{
	static const enum col cols[] = { COL_TREATMENT, COL_LIFE, COL_DEPRECIATION, COL_SALVAGE,
		COL_DATE, COL_GROUP, COL_CLASS, COL_ADOPTION };
	return check_unused(ld, r, kind, cols, sizeof cols / sizeof *cols);
}

/* treatment, life, depreciation and salvage of a cost; date of a once line. */
static crm_status read_tax_columns(struct loader *ld, const struct srow *r, crm_line *ln,
				   const char *what)
{
	const crm_settings *s = &ld->sc->settings;
	const char *t = field(ld, r, COL_TREATMENT), *d = field(ld, r, COL_DEPRECIATION);
	crm_status st;

	if (ln->kind == CRM_BENEFIT) {
		static const enum col cols[] = { COL_TREATMENT, COL_LIFE, COL_DEPRECIATION,
			COL_SALVAGE };
		if ((st = check_unused(ld, r, "benefit", cols, sizeof cols / sizeof *cols)) != CRM_OK)
			return st;
	} else if (*t && strcasecmp(t, "expense")) {
		if (strcasecmp(t, "capitalise") && strcasecmp(t, "capitalize"))
			return FAIL(ld, r, COL_TREATMENT, "%s: treatment '%s' is not known (expected "
				    "expense or capitalise)", what, t);
		ln->capitalise = 1;
		if (!given(ld, r, COL_LIFE))
			return FAIL(ld, r, COL_LIFE, "%s: a capitalised cost needs its life: the whole "
				    "years it is depreciated over (e.g. 5)", what);
		if ((st = get_whole(ld, r, COL_LIFE, "life", 1, CRM_MAX_HORIZON_YEARS, &ln->life)) !=
		    CRM_OK)
			return st;
		if (!*d || !strcasecmp(d, "straight"))
			ln->depreciation = CRM_DEPR_STRAIGHT;
		else if (!strcasecmp(d, "declining"))
			ln->depreciation = CRM_DEPR_DECLINING;
		else if (!strcasecmp(d, "syd"))
			ln->depreciation = CRM_DEPR_SYD;
		else
			return FAIL(ld, r, COL_DEPRECIATION, "%s: depreciation '%s' is not known "
				    "(expected straight, declining or syd)", what, d);
		if (given(ld, r, COL_SALVAGE)) {
			int pct;
			if (ln->timing != CRM_ONCE)
				return FAIL(ld, r, COL_SALVAGE, "%s: salvage is for a capitalised cost "
					    "paid once; each year's spending of a recurring cost is an "
					    "asset of its own", what);
			if ((st = get_number(ld, r, COL_SALVAGE, "salvage", &ln->salvage, &pct)) !=
			    CRM_OK)
				return st;
			if (pct || ln->salvage < 0)
				return FAIL(ld, r, COL_SALVAGE, "%s: salvage '%s' is not an amount of 0 "
					    "or more", what, field(ld, r, COL_SALVAGE));
			if (crm_expr_kind(ln->value) == CRM_VALUE_NUMBER &&
			    ln->salvage > crm_expr_number(ln->value))
				return FAIL(ld, r, COL_SALVAGE, "%s: salvage %s is above the cost %s "
					    "(the depreciable base is cost - salvage)", what,
					    field(ld, r, COL_SALVAGE), field(ld, r, COL_VALUE));
			ln->salvage_given = 1;
		}
	} else {
		static const enum col cols[] = { COL_LIFE, COL_DEPRECIATION, COL_SALVAGE };
		for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
			if (given(ld, r, cols[k]))
				return FAIL(ld, r, cols[k], "%s: %s is for a capitalised cost (give "
					    "treatment capitalise, or leave %s empty)", what,
					    col_names[cols[k]], col_names[cols[k]]);
	}
	if (given(ld, r, COL_DATE)) {
		const char *v = field(ld, r, COL_DATE);
		int y, m, dd;
		if (ln->timing != CRM_ONCE)
			return FAIL(ld, r, COL_DATE, "%s: a date is for a line paid once; a recurring "
				    "line runs from its start month to its end month", what);
		if (given(ld, r, COL_START))
			return FAIL(ld, r, COL_DATE, "%s: give start or date, not both (the date "
				    "decides the month)", what);
		if (crm_date_parse(v, &y, &m, &dd) != 0)
			return FAIL(ld, r, COL_DATE, "%s: date '%s' is not a day (expected YYYY-MM-DD, "
				    "e.g. 2027-03-15)", what, v);
		if (!s->start_year)
			return FAIL(ld, r, COL_DATE, "%s: a date needs the setting start_date (the "
				    "investment date the months count from)", what);
		long day = crm_date_days(y, m, dd);
		long d0 = crm_date_days(s->start_year, s->start_month, s->start_day ? s->start_day : 1);
		if (day < d0)
			return FAIL(ld, r, COL_DATE, "%s: date %s is before the investment date "
				    "%04d-%02d-%02d (start_date)", what, v, s->start_year, s->start_month,
				    s->start_day ? s->start_day : 1);
		ln->date_year = y;
		ln->date_month = m;
		ln->date_day = dd;
		ln->start = ln->end = month_of_day(s, day);
		int months = crm_scenario_months(ld->sc);
		if (ln->start > months)
			crm_warnings_add(&ld->sc->warnings, r->file, r->line, loc_of(ld, r, COL_DATE).col,
					 "%s: %s is in month %d, after the %d-month horizon; the line adds "
					 "nothing", what, v, ln->start, months);
	}
	return CRM_OK;
}

/* ------------------------------------------------------------- settings */

static crm_status read_setting(struct loader *ld, const struct srow *r)
{
	crm_settings *s = &ld->sc->settings;
	const char *name = field(ld, r, COL_NAME);
	const char *v = field(ld, r, COL_VALUE);
	static const enum col unused[] = { COL_LOW, COL_HIGH, COL_DIST, COL_AREA, COL_TIMING,
		COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY,
		COL_UNIT };
	int idx = -1;
	crm_status st;

	for (int i = 0; setting_names[i]; i++)
		if (!strcmp(name, setting_names[i]))
			idx = i;
	if (idx < 0) {
		char sug[160];
		suggest(name, setting_names, count_list(setting_names), sug, sizeof sug);
		return FAIL(ld, r, COL_NAME, "unknown setting '%s'%s (expected title, currency, "
			    "horizon_years, discount_rate, period, start_date, finance_rate, "
			    "reinvest_rate, benefit_risk, cost_risk, tax_rate, tax_lag_years, "
			    "tax_losses, declining_factor, discounting, fiscal_year_start, readiness "
			    "or readiness_floor)", name, sug);
	}
	if (ld->setting_line[idx])
		return FAIL(ld, r, COL_NAME, "setting '%s' is given twice (first on line %d)", name,
			    ld->setting_line[idx]);
	ld->setting_line[idx] = r->line;
	if ((st = check_unused(ld, r, "setting", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!strcmp(name, "title")) {
		free(s->title);
		return (s->title = xstrdup(v)) ? CRM_OK : nomem(ld);
	}
	if (!strcmp(name, "currency")) {
		if (!*v || strlen(v) > 8)
			return FAIL(ld, r, COL_VALUE, "currency: '%s' is not a currency code (expected "
				    "a short code such as USD, EUR, GBP)", v);
		free(s->currency);
		return (s->currency = xstrdup(v)) ? CRM_OK : nomem(ld);
	}
	if (!strcmp(name, "horizon_years"))
		return get_whole(ld, r, COL_VALUE, "horizon_years", 1, CRM_MAX_HORIZON_YEARS,
				 &s->horizon_years);
	if (!strcmp(name, "discount_rate"))
		return get_rate(ld, r, COL_VALUE, "discount_rate", -0.99, 10.0, &s->discount_rate);
	if (!strcmp(name, "finance_rate")) {
		ld->finance_given = 1;
		return get_rate(ld, r, COL_VALUE, "finance_rate", -0.99, 10.0, &s->finance_rate);
	}
	if (!strcmp(name, "reinvest_rate")) {
		ld->reinvest_given = 1;
		return get_rate(ld, r, COL_VALUE, "reinvest_rate", -0.99, 10.0, &s->reinvest_rate);
	}
	if (!strcmp(name, "benefit_risk"))
		return get_rate(ld, r, COL_VALUE, "benefit_risk", 0.0, 1.0, &s->benefit_risk);
	if (!strcmp(name, "cost_risk"))
		return get_rate(ld, r, COL_VALUE, "cost_risk", 0.0, 10.0, &s->cost_risk);
	if (!strcmp(name, "readiness_floor"))
		return get_rate(ld, r, COL_VALUE, "readiness_floor", 0.0, 1.0, &s->readiness_floor);
	if (!strcmp(name, "readiness")) {
		/* The answers file is read and scored by crmroi/assess.h, relative to this row's file. */
		free(s->readiness);
		s->readiness = NULL;
		crm_error ae;
		crm_error_clear(&ae);
		crm_status rs = crm_assess_readiness(r->file, v, &s->readiness, &s->readiness_score,
						     &ld->sc->warnings, &ae);
		/* Every error goes through record(), so that check lists it and the first stays first. */
		if (rs == CRM_EUSAGE)
			return FAIL(ld, r, COL_VALUE, "%s", ae.msg);
		return rs == CRM_OK ? CRM_OK : record(ld, &ae);
	}
	if ((st = read_tax_setting(ld, r, name, v)) != CRM_EUSAGE)
		return st;
	if (!strcmp(name, "period")) {
		if (!strcasecmp(v, "year"))
			s->grid = CRM_GRID_YEAR;
		else if (!strcasecmp(v, "month"))
			s->grid = CRM_GRID_MONTH;
		else
			return FAIL(ld, r, COL_VALUE, "period: '%s' is not a period (expected year or month)", v);
		return CRM_OK;
	}
	/* start_date: a month (month 1's calendar month) or the investment day. */
	{
		int y, m, d = 0;
		char tail;
		if (strlen(v) == 10 ? crm_date_parse(v, &y, &m, &d) != 0
		    : sscanf(v, "%4d-%2d%c", &y, &m, &tail) != 2 || strlen(v) != 7 || y < 1900 ||
		      y > 2999 || m < 1 || m > 12)
			return FAIL(ld, r, COL_VALUE, "start_date: '%s' is not a month or a day "
				    "(expected YYYY-MM, e.g. 2027-01, or the investment date YYYY-MM-DD, "
				    "e.g. 2027-01-15)", v);
		s->start_year = y;
		s->start_month = m;
		s->start_day = d;
	}
	return CRM_OK;
}

/* ------------------------------------------------------------ inputs, lines */

static int lookup_input(void *ctx, const char *name, size_t len)
{
	struct loader *ld = ctx;
	size_t idx;

	if (smap_get(&ld->input_names, name, len, &idx))
		return (int)idx;
	snprintf(ld->unknown, sizeof ld->unknown, "%.*s", (int)len, name);
	return -1;
}

static crm_status compile_value(struct loader *ld, const struct srow *r, const char *what,
				crm_expr **out)
{
	crm_error e;
	crm_loc l = loc_of(ld, r, COL_VALUE);

	crm_error_clear(&e);
	ld->unknown[0] = '\0';
	*out = crm_expr_compile(field(ld, r, COL_VALUE), lookup_input, ld, &e);
	if (*out) {
		const double *v;
		size_t n = crm_expr_kind(*out) == CRM_VALUE_SERIES ? crm_expr_series(*out, &v) : 0;
		int years = ld->sc->settings.horizon_years;
		char dropped[80];
		if (n == (size_t)years + 1)
			snprintf(dropped, sizeof dropped, "year %d is", years + 1);
		else
			snprintf(dropped, sizeof dropped, "years %d-%zu are", years + 1, n);
		if (n > (size_t)years &&
		    crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: the series gives "
				     "%zu years but the horizon is %d year%s: %s not used", what, n, years,
				     years == 1 ? "" : "s", dropped) != CRM_OK)
			return nomem(ld);
		return CRM_OK;
	}
	if (e.status == CRM_ENOMEM)
		return nomem(ld);
	if (ld->unknown[0]) {
		const char **names = malloc((ld->sc->ninputs + 1) * sizeof *names);
		char sug[160] = "";
		if (names) {
			for (size_t i = 0; i < ld->sc->ninputs; i++)
				names[i] = ld->sc->inputs[i].name;
			suggest(ld->unknown, names, ld->sc->ninputs, sug, sizeof sug);
			free(names);
		}
		return fail_at(ld, l, "%s: %s%s", what, e.msg, sug);
	}
	return fail_at(ld, l, "%s: %s", what, e.msg);
}

/* Reject "(100)": an accounting-style negative would silently read as +100. */
static crm_status check_accounting(struct loader *ld, const struct srow *r, const char *what)
{
	const char *v = field(ld, r, COL_VALUE);
	size_t n = strlen(v);
	double x;

	if (n > 2 && v[0] == '(' && v[n - 1] == ')') {
		char *inner = malloc(n - 1);   /* any length: a long number is still a number */
		crm_status st = CRM_OK;
		if (!inner)
			return nomem(ld);
		memcpy(inner, v + 1, n - 2);
		inner[n - 2] = '\0';
		if (crm_parse_number(inner, &x, NULL, NULL, 0) == CRM_OK)
			st = FAIL(ld, r, COL_VALUE, "%s: '%s' looks like an accounting negative; "
				  "write -%s", what, v, inner);
		free(inner);
		return st;
	}
	return CRM_OK;
}

static crm_status read_range(struct loader *ld, const struct srow *r, const char *what,
			     const crm_expr *value, crm_range *rg)
{
	int has_low = given(ld, r, COL_LOW), has_high = given(ld, r, COL_HIGH);
	const char *d = field(ld, r, COL_DIST);
	crm_status st;

	rg->low_loc = loc_of(ld, r, COL_LOW);
	rg->high_loc = loc_of(ld, r, COL_HIGH);
	rg->dist_loc = loc_of(ld, r, COL_DIST);
	if (*d) {
		static const char *const dn[] = { "fixed", "triangular", "pert", "uniform", "normal",
			"lognormal", NULL };
		int k = -1;
		for (int i = 0; dn[i]; i++)
			if (!strcasecmp(d, dn[i]))
				k = i;
		if (k < 0) {
			char sug[160];
			suggest(d, dn, 6, sug, sizeof sug);
			return FAIL(ld, r, COL_DIST, "%s: unknown distribution '%s'%s (expected "
				    "triangular, pert, uniform, normal, lognormal or fixed)", what, d, sug);
		}
		rg->dist = (crm_dist)(k + CRM_DIST_FIXED);
	}
	if (!has_low && !has_high) {
		if (rg->dist != CRM_DIST_NONE && rg->dist != CRM_DIST_FIXED)
			return FAIL(ld, r, COL_DIST, "%s: dist=%s needs low and high", what,
				    crm_dist_name(rg->dist));
		return CRM_OK;
	}
	if (!has_low || !has_high)
		return FAIL(ld, r, has_low ? COL_HIGH : COL_LOW, "%s: a range needs both low and "
			    "high (only %s is given)", what, has_low ? "low" : "high");
	if (crm_expr_kind(value) != CRM_VALUE_NUMBER)
		return FAIL(ld, r, COL_LOW, "%s: low and high need a plain number as value, and "
			    "'%s' is %s (give the range to the inputs it is built from)", what,
			    field(ld, r, COL_VALUE),
			    crm_expr_kind(value) == CRM_VALUE_SERIES ? "a series" : "a formula");
	if ((st = get_number(ld, r, COL_LOW, "low", &rg->low, NULL)) != CRM_OK ||
	    (st = get_number(ld, r, COL_HIGH, "high", &rg->high, NULL)) != CRM_OK)
		return st;
	double v = crm_expr_number(value);
	if (rg->low > rg->high)
		return FAIL(ld, r, COL_LOW, "%s: low %s is above high %s", what,
			    field(ld, r, COL_LOW), field(ld, r, COL_HIGH));
	if (v < rg->low || v > rg->high)
		return FAIL(ld, r, COL_VALUE, "%s: value %s is outside its range %s to %s "
			    "(expected low <= value <= high)", what, field(ld, r, COL_VALUE),
			    field(ld, r, COL_LOW), field(ld, r, COL_HIGH));
	if (rg->dist == CRM_DIST_LOGNORMAL && rg->low <= 0)
		return FAIL(ld, r, COL_LOW, "%s: dist=lognormal needs low > 0 (low and high are "
			    "its 5th and 95th percentiles), not %s", what, field(ld, r, COL_LOW));
	if ((rg->dist == CRM_DIST_NORMAL || rg->dist == CRM_DIST_LOGNORMAL) && rg->low == rg->high)
		return FAIL(ld, r, COL_HIGH, "%s: dist=%s needs low < high (they are its 5th and "
			    "95th percentiles)", what, crm_dist_name(rg->dist));
	rg->low_text = xstrdup(field(ld, r, COL_LOW));
	rg->high_text = xstrdup(field(ld, r, COL_HIGH));
	if (!rg->low_text || !rg->high_text)
		return nomem(ld);
	rg->given = 1;
	return CRM_OK;
}

static crm_status copy_text(struct loader *ld, const struct srow *r, enum col c, char **out)
{
	*out = xstrdup(field(ld, r, c));
	return *out ? CRM_OK : nomem(ld);
}

/*
 * The x_ values of a row: one block holding the pointer array and the strings,
 * so that a row costs one allocation however many x_ columns there are.
 */
static crm_status copy_extra(struct loader *ld, const struct srow *r, char ***out)
{
	crm_scenario *sc = ld->sc;
	size_t bytes = sc->nextra * sizeof **out;

	*out = NULL;
	if (!sc->nextra)
		return CRM_OK;
	for (size_t k = 0; k < sc->nextra; k++)
		bytes += (r->extra && k < r->nextra && r->extra[k] ? strlen(r->extra[k]) : 0) + 1;
	char **block = malloc(bytes);
	if (!block)
		return nomem(ld);
	char *text = (char *)(block + sc->nextra);
	for (size_t k = 0; k < sc->nextra; k++) {
		const char *v = r->extra && k < r->nextra && r->extra[k] ? r->extra[k] : "";
		size_t n = strlen(v) + 1;
		memcpy(text, v, n);
		block[k] = text;
		text += n;
	}
	*out = block;
	return CRM_OK;
}

/* Pass 1: register an input's name, so formulas anywhere can use it. */
static crm_status declare_input(struct loader *ld, const struct srow *r)
{
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_input *in;

	if (!is_identifier(name))
		return FAIL(ld, r, COL_NAME, "input name '%s' is not an identifier (expected a "
			    "letter or _ followed by letters, digits or _, e.g. leads_per_year)", name);
	if (crm_expr_reserved(name))
		return FAIL(ld, r, COL_NAME, "input name '%s' is reserved for formulas (min, max, "
			    "abs, round, prev, year, month); choose another name", name);
	if (in_list(name, setting_names))
		return FAIL(ld, r, COL_NAME, "input name '%s' is the name of a setting; choose "
			    "another name, or make the row kind=setting", name);
	size_t first;
	if (smap_get(&ld->input_names, name, strlen(name), &first))
		return FAIL(ld, r, COL_NAME, "input '%s' is defined twice (first on line %d)",
			    name, sc->inputs[first].loc.line);
	if (smap_set(&ld->input_names, name, strlen(name), sc->ninputs) != 0)
		return nomem(ld);
	in = &sc->inputs[sc->ninputs];
	memset(in, 0, sizeof *in);
	if (!(in->name = xstrdup(name)))
		return nomem(ld);
	in->loc = loc_of(ld, r, COL_VALUE);
	in->loc.line = r->line;
	sc->ninputs++;
	return CRM_OK;
}

/* ------------------------------------------------------- shifted fields */

enum look { LOOK_EMPTY, LOOK_NUMBER, LOOK_TIMING, LOOK_DIST, LOOK_CURVE, LOOK_AREA, LOOK_TEXT };

static enum look look_of(const char *v)
{
	static const char *const timings[] = { "once", "monthly", "yearly", "annual", NULL };
	static const char *const dists[] = { "fixed", "triangular", "pert", "uniform", "normal",
		"lognormal", NULL };
	double x;

	if (!*v)
		return LOOK_EMPTY;
	for (int i = 0; timings[i]; i++)
		if (!strcasecmp(v, timings[i]))
			return LOOK_TIMING;
	for (int i = 0; dists[i]; i++)
		if (!strcasecmp(v, dists[i]))
			return LOOK_DIST;
	if (!strcasecmp(v, "linear") || !strcasecmp(v, "scurve"))
		return LOOK_CURVE;
	if (in_list(v, benefit_areas) || in_list(v, cost_categories))
		return LOOK_AREA;
	if (crm_parse_number(v, &x, NULL, NULL, 0) == CRM_OK)
		return LOOK_NUMBER;
	return LOOK_TEXT;
}

/* What a line's column holds when it is right (LOOK_EMPTY: anything). */
static enum look look_wanted(enum col c)
{
	switch (c) {
	case COL_DIST: return LOOK_DIST;
	case COL_AREA: return LOOK_AREA;
	case COL_TIMING: return LOOK_TIMING;
	case COL_START: case COL_END: case COL_RAMP: case COL_GROWTH: case COL_RISK:
	case COL_PROBABILITY: return LOOK_NUMBER;
	case COL_CURVE: return LOOK_CURVE;
	default: return LOOK_EMPTY;
	}
}

/* The line column written in field fcol (1-based) of this row's header, or -1. */
static int col_at(const struct srow *r, int at)
{
	for (int c = 0; c < NCOLS; c++)
		if (fcol(r, c) == at && at > 0)
			return c;
	return -1;
}

/*
 * After an error in a cost or benefit row: when two or more of its cells hold
 * what the next (or previous) column wants and not what their own wants, a
 * field was probably left out (or one too many written) before them. Say so,
 * since the error itself names only one of the shifted cells.
 */
static void explain_shift(struct loader *ld, const struct srow *r)
{
	int left = 0, right = 0, first_left = 0, first_right = 0;
	char hint[200];

	for (int c = 0; c < NCOLS; c++) {
		enum look want = look_wanted((enum col)c), got;
		if (want == LOOK_EMPTY || !fcol(r, c) || (got = look_of(rowf(r, c))) == LOOK_EMPTY ||
		    got == want)
			continue;
		int next = col_at(r, fcol(r, c) + 1), prev = col_at(r, fcol(r, c) - 1);
		if (next >= 0 && look_wanted((enum col)next) == got && got != LOOK_EMPTY) {
			left++;
			if (!first_left || fcol(r, c) < fcol(r, first_left))
				first_left = c;
		}
		if (prev >= 0 && look_wanted((enum col)prev) == got && got != LOOK_EMPTY) {
			right++;
			if (!first_right || fcol(r, c) < fcol(r, first_right))
				first_right = c;
		}
	}
	if (left >= 2 && left >= right)
		snprintf(hint, sizeof hint, " (the fields from column '%s' on look shifted one "
			 "column to the left: is a field missing before it? an empty field still "
			 "needs its comma)", col_names[first_left]);
	else if (right >= 2)
		snprintf(hint, sizeof hint, " (the fields from column '%s' on look shifted one "
			 "column to the right: is there one field too many before it?)",
			 col_names[first_right]);
	else
		return;
	amend_last(ld, hint);
}

/*
 * An area that is not a documented one is allowed (it is a label), but one
 * within two letters of a documented area is probably a typo.
 */
static crm_status check_area(struct loader *ld, const struct srow *r, const crm_line *ln,
			     const char *what)
{
	const char *const *list = ln->kind == CRM_BENEFIT ? benefit_areas : cost_categories;
	const char *pick = NULL;
	int best = 3;

	if (!*ln->area || in_list(ln->area, list))
		return CRM_OK;
	for (size_t i = 0; list[i]; i++) {
		int d = distance(ln->area, list[i]);
		if (d < best) {
			best = d;
			pick = list[i];
		}
	}
	if (!pick)
		return CRM_OK;
	crm_loc l = loc_of(ld, r, COL_AREA);
	if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: area '%s' is not a "
			     "documented %s (did you mean '%s'?); it is kept as written", what,
			     ln->area, ln->kind == CRM_BENEFIT ? "benefit area" : "cost category",
			     pick) != CRM_OK)
		return nomem(ld);
	return CRM_OK;
}

/* ----------------------------------------------------------------- units */

/* Units an input may name; anything else is kept as free text. */
static const char *const known_units[] = {
	"percent", "rate", "currency", "count", "hours", "months", "ratio", NULL
};

/* Name endings that read like a rate or share: a value above 1 there is suspicious. */
static const char *const rate_suffixes[] = {
	"_rate", "_uplift", "_share", "_pct", "_percent", "_percentage", "_margin",
	"_growth", "_churn", "_conversion", "_reduction", "_improvement", "_increase",
	"_decrease", "_discount", "_probability", NULL
};

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

/*
 * A thousands dot: 1 to 3 digits (not starting with 0), one dot, exactly three
 * digits, as a European spreadsheet groups 850000 as 850.000. It reads as 850.
 */
static int looks_like_thousands_dot(const char *v)
{
	size_t i = 0, lead = 0;

	if (v[i] == '+' || v[i] == '-')
		i++;
	if (v[i] == '0')
		return 0;
	while (isdigit((unsigned char)v[i])) {
		i++;
		lead++;
	}
	if (lead < 1 || lead > 3 || v[i] != '.')
		return 0;
	for (int k = 1; k <= 3; k++)
		if (!isdigit((unsigned char)v[i + (size_t)k]))
			return 0;
	return v[i + 4] == '\0';
}

/* Warn about a value written with a thousands dot in cell c. */
static crm_status warn_thousands_dot(struct loader *ld, const struct srow *r, enum col c,
				     const char *what)
{
	const char *v = field(ld, r, c);
	crm_loc l = loc_of(ld, r, c);

	if (!looks_like_thousands_dot(v))
		return CRM_OK;
	const char *dot = strchr(v, '.');
	double x = 0;
	crm_parse_number(v, &x, NULL, NULL, 0);
	if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: '%s' reads as %g "
			     "(the dot is a decimal point); if %.*s%s is meant, write it without "
			     "the dot", what, v, x, (int)(dot - v), v, dot + 1) != CRM_OK)
		return nomem(ld);
	return CRM_OK;
}

/* A percent cell (value, low or high) written as a bare number above 1 is refused. */
static crm_status check_percent_cell(struct loader *ld, const struct srow *r, enum col c,
				     const char *what)
{
	const char *v = field(ld, r, c);
	double x;
	int pct = 0;

	if (!*v || crm_parse_number(v, &x, &pct, NULL, 0) != CRM_OK || pct || fabs(x) <= RATE_BARE_MAX)
		return CRM_OK;
	return FAIL(ld, r, c, "%s: '%s' would mean %g%%: write %s%% (the unit is percent)", what,
		    v, x * 100, v);
}

/*
 * The unit column of an input: percent (or rate) makes a bare number above 1
 * an error, as for rates; without a unit, a name that reads like a rate with
 * a value above 1 gets a warning. A thousands dot gets a warning whatever
 * the unit.
 */
static crm_status check_input_unit(struct loader *ld, const struct srow *r, const char *what,
				   const crm_input *in)
{
	const char *u = in->unit;
	crm_status st;

	if ((st = warn_thousands_dot(ld, r, COL_VALUE, what)) != CRM_OK ||
	    (st = warn_thousands_dot(ld, r, COL_LOW, what)) != CRM_OK ||
	    (st = warn_thousands_dot(ld, r, COL_HIGH, what)) != CRM_OK)
		return st;
	if (!strcasecmp(u, "percent") || !strcasecmp(u, "rate")) {
		if ((st = check_percent_cell(ld, r, COL_VALUE, what)) != CRM_OK ||
		    (st = check_percent_cell(ld, r, COL_LOW, what)) != CRM_OK ||
		    (st = check_percent_cell(ld, r, COL_HIGH, what)) != CRM_OK)
			return st;
		/* A series: each year's item. */
		if (crm_expr_kind(in->value) == CRM_VALUE_SERIES) {
			const char *v = field(ld, r, COL_VALUE);
			while (*v) {
				size_t n = strcspn(v, ";");
				char *item = malloc(n + 1);
				double x;
				int pct = 0;
				if (!item)
					return nomem(ld);
				memcpy(item, v, n);
				item[n] = '\0';
				crm_csv_trim(item);
				if (crm_parse_number(item, &x, &pct, NULL, 0) == CRM_OK && !pct &&
				    fabs(x) > RATE_BARE_MAX)
					st = FAIL(ld, r, COL_VALUE, "%s: '%s' in the series would mean "
						  "%g%%: write %s%% (the unit is percent)", what, item,
						  x * 100, item);
				free(item);
				if (st != CRM_OK)
					return st;
				v += n + (v[n] == ';');
			}
		}
		return CRM_OK;
	}
	if (*u) {
		/* Free text is allowed; one close to a known unit is probably a typo. */
		char sug[160];
		if (!in_list(u, known_units)) {
			suggest(u, known_units, count_list(known_units), sug, sizeof sug);
			crm_loc l = loc_of(ld, r, COL_UNIT);
			if (sug[0] && crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: "
						       "unit '%s' is not one crmroi knows%s (it is kept "
						       "as text)", what, u, sug) != CRM_OK)
				return nomem(ld);
		}
		return CRM_OK;   /* a unit is given: the number means what it says */
	}
	/* No unit: a rate-like name with a bare value above 1 was probably meant as a percentage. */
	int pct = 0;
	double x;
	const char *v = field(ld, r, COL_VALUE);
	for (size_t k = 0; rate_suffixes[k]; k++)
		if (ends_with(in->name, rate_suffixes[k]) &&
		    crm_parse_number(v, &x, &pct, NULL, 0) == CRM_OK && !pct && fabs(x) > RATE_BARE_MAX) {
			crm_loc l = loc_of(ld, r, COL_VALUE);
			if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: %s is read "
					     "as the number %s (%g%%), and the name reads like a rate: if "
					     "%s%% is meant, write %s%% and give the unit percent; if the "
					     "number is meant, give a unit (such as ratio or count) to say so",
					     what, v, v, x * 100, v, v) != CRM_OK)
				return nomem(ld);
			break;
		}
	return CRM_OK;
}

static crm_status read_input(struct loader *ld, const struct srow *r, crm_input *in)
{
	static const enum col unused[] = { COL_AREA, COL_TIMING, COL_START, COL_END, COL_RAMP,
		COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY };
	char what[160];
	crm_status st;

	snprintf(what, sizeof what, "input '%s'", in->name);
	if ((st = check_unused(ld, r, "input", unused, sizeof unused / sizeof *unused)) != CRM_OK ||
	    (st = check_accounting(ld, r, what)) != CRM_OK ||
	    (st = compile_value(ld, r, what, &in->value)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_UNIT, &in->unit)) != CRM_OK ||
	    (st = check_input_unit(ld, r, what, in)) != CRM_OK ||
	    (st = read_range(ld, r, what, in->value, &in->range)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_VALUE, &in->value_text)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_NOTE, &in->note)) != CRM_OK ||
	    (st = copy_extra(ld, r, &in->extra)) != CRM_OK)
		return st;
	return CRM_OK;
}

/* The largest month a start, end or ramp may give. */
#define MONTH_MAX 100000

/*
 * A start, end or ramp cell: a whole number as before, or a formula over
 * inputs, compiled here and resolved by resolve_timing once every input is
 * read. *formula tells which; *out gets min as a stand-in for a formula.
 */
static crm_status get_month(struct loader *ld, const struct srow *r, enum col c, const char *what,
			    int min, crm_line *ln, int *out, int *formula)
{
	const char *v = field(ld, r, c);
	int k = c == COL_START ? CRM_TIMING_START : c == COL_END ? CRM_TIMING_END : CRM_TIMING_RAMP;
	crm_error e;
	double x;

	*formula = 0;
	if (crm_parse_number(v, &x, NULL, NULL, 0) == CRM_OK)
		return get_whole(ld, r, c, col_names[c], min, MONTH_MAX, out);
	crm_error_clear(&e);
	ld->unknown[0] = '\0';
	crm_expr *ex = crm_expr_compile(v, lookup_input, ld, &e);
	if (!ex) {
		char sug[160] = "";
		if (e.status == CRM_ENOMEM)
			return nomem(ld);
		if (ld->unknown[0]) {
			const char **names = malloc((ld->sc->ninputs + 1) * sizeof *names);
			if (!names)
				return nomem(ld);
			for (size_t i = 0; i < ld->sc->ninputs; i++)
				names[i] = ld->sc->inputs[i].name;
			suggest(ld->unknown, names, ld->sc->ninputs, sug, sizeof sug);
			free(names);
		}
		return FAIL(ld, r, c, "%s: %s: %s%s", what, col_names[c], e.msg, sug);
	}
	if (crm_expr_kind(ex) == CRM_VALUE_SERIES) {
		crm_expr_free(ex);
		return FAIL(ld, r, c, "%s: %s '%s' is a series, and a %s is one month (give a whole "
			    "number or a formula over inputs)", what, col_names[c], v, col_names[c]);
	}
	ln->timing_expr[k] = ex;
	if (!(ln->timing_text[k] = xstrdup(v)))
		return nomem(ld);
	ln->timing_loc[k] = loc_of(ld, r, c);
	*out = min;
	*formula = 1;
	return CRM_OK;
}

/* The adoption column of a benefit: the name of an input holding a share from 0 to 1. */
static crm_status read_adoption(struct loader *ld, const struct srow *r, crm_line *ln,
				const char *what)
{
	const char *v = field(ld, r, COL_ADOPTION);
	size_t idx;

	ln->adoption_loc = loc_of(ld, r, COL_ADOPTION);
	if (ln->kind == CRM_COST)
		return FAIL(ld, r, COL_ADOPTION, "%s: adoption is for benefits (the share of users "
			    "who really work in the CRM multiplies what they gain); leave it empty "
			    "for a cost", what);
	if (!smap_get(&ld->input_names, v, strlen(v), &idx)) {
		const char **names = malloc((ld->sc->ninputs + 1) * sizeof *names);
		char sug[160] = "";
		if (!names)
			return nomem(ld);
		for (size_t i = 0; i < ld->sc->ninputs; i++)
			names[i] = ld->sc->inputs[i].name;
		suggest(v, names, ld->sc->ninputs, sug, sizeof sug);
		free(names);
		return FAIL(ld, r, COL_ADOPTION, "%s: adoption '%s' is not an input%s (expected the "
			    "name of an input holding a share from 0%% to 100%%)", what, v, sug);
	}
	ln->adoption = (int)idx;
	ld->sc->inputs[idx].adoption = 1;
	return CRM_OK;
}

/*
 * The class of a benefit, and the group of a line: a line joining a group
 * that already has a probability must give the same one, or none.
 */
static crm_status read_class_group(struct loader *ld, const struct srow *r, crm_line *ln,
				   const char *what)
{
	crm_scenario *sc = ld->sc;
	const char *cl = field(ld, r, COL_CLASS), *g = field(ld, r, COL_GROUP);
	size_t gi;

	ln->cls = CRM_CLASS_CASH;
	ln->group = -1;
	if (*cl && ln->kind == CRM_COST)
		return FAIL(ld, r, COL_CLASS, "%s: class '%s' is for benefits (a cost always counts "
			    "in full); leave the class column empty", what, cl);
	if (*cl) {
		char lower[64], sug[160];
		size_t k;
		for (k = 0; cl[k] && k + 1 < sizeof lower; k++)
			lower[k] = (char)tolower((unsigned char)cl[k]);
		lower[k] = '\0';
		int c = crm_class_parse(lower);
		if (c < 0) {
			suggest(cl, class_names, CRM_NCLASSES, sug, sizeof sug);
			return FAIL(ld, r, COL_CLASS, "%s: class '%s' is not known%s (expected cash, "
				    "cost_reduction, productivity, cost_avoidance or flexibility)",
				    what, cl, sug);
		}
		ln->cls = (crm_class)c;
	}
	if (!*g)
		return CRM_OK;
	if (!smap_get(&ld->group_names, g, strlen(g), &gi)) {
		/* Names that differ only in case would silently make two gates. */
		for (size_t o = 0; o < sc->ngroups; o++) {
			const crm_group *og = &sc->groups[o];
			if (strcasecmp(og->name, g))
				continue;
			if (og->loc.file != r->file)
				return FAIL(ld, r, COL_GROUP, "%s: group '%s' differs only in case from "
					    "group '%s' on line %d of %s (expected the same spelling: "
					    "group names are case-sensitive, and two spellings would "
					    "be two gates drawn apart)", what, g, og->name,
					    og->loc.line, og->loc.file);
			return FAIL(ld, r, COL_GROUP, "%s: group '%s' differs only in case from group "
				    "'%s' on line %d (expected the same spelling: group names are "
				    "case-sensitive, and two spellings would be two gates drawn "
				    "apart)", what, g, og->name, og->loc.line);
		}
		crm_group *grp = &sc->groups[sc->ngroups];
		memset(grp, 0, sizeof *grp);
		if (!(grp->name = xstrdup(g)))
			return nomem(ld);
		gi = sc->ngroups++;
		if (smap_set(&ld->group_names, g, strlen(g), gi) != 0)
			return nomem(ld);
		grp->probability = 1.0;
		grp->first_line = (int)(ln - sc->lines);
		grp->first_month = ln->start;
		grp->loc = (crm_loc){ r->file, r->line, 0 };
	}
	crm_group *grp = &sc->groups[gi];
	ln->group = (int)gi;
	grp->nlines++;
	if (!given(ld, r, COL_PROBABILITY))
		return CRM_OK;
	if (!ld->group_prob_line[gi]) {
		ld->group_prob_line[gi] = r->line;
		ld->group_prob_file[gi] = r->file;
		grp->probability = ln->probability;
		return CRM_OK;
	}
	if (fabs(ln->probability - grp->probability) > GROUP_PROB_TOL) {
		char here[32], there[32];
		snprintf(here, sizeof here, "%g%%", 100 * ln->probability);
		snprintf(there, sizeof there, "%g%%", 100 * grp->probability);
		if (ld->group_prob_file[gi] != r->file)
			return FAIL(ld, r, COL_PROBABILITY, "%s: probability %s, but group '%s' has "
				    "probability %s on line %d of %s (the lines of a group happen "
				    "together: give the probability once, or the same on every line)",
				    what, here, grp->name, there, ld->group_prob_line[gi],
				    ld->group_prob_file[gi]);
		return FAIL(ld, r, COL_PROBABILITY, "%s: probability %s, but group '%s' has "
			    "probability %s on line %d (the lines of a group happen together: give "
			    "the probability once, or the same on every line)", what, here,
			    grp->name, there, ld->group_prob_line[gi]);
	}
	return CRM_OK;
}

/* Each group's first month, once every line's timing is known (timing may be a formula). */
static void group_months(crm_scenario *sc)
{
	for (size_t g = 0; g < sc->ngroups; g++)
		sc->groups[g].first_month = INT_MAX;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->group >= 0 && ln->start < sc->groups[ln->group].first_month)
			sc->groups[ln->group].first_month = ln->start;
	}
}

static crm_status read_line(struct loader *ld, const struct srow *r, crm_line_kind kind)
{
	crm_scenario *sc = ld->sc;
	crm_line *ln = &sc->lines[sc->nlines];
	const char *label = field(ld, r, COL_NAME);
	const char *kname = kind == CRM_COST ? "cost" : "benefit";
	char what[300];
	crm_status st;
	int months = crm_scenario_months(sc);

	memset(ln, 0, sizeof *ln);
	ln->kind = kind;
	ln->group = -1;
	ln->loc = loc_of(ld, r, COL_VALUE);
	ln->loc.line = r->line;
	if (!*label)
		return FAIL(ld, r, COL_NAME, "a %s row needs a name (a label such as 'CRM licences')",
			    kname);
	size_t first;
	if (smap_get(&ld->line_labels, label, strlen(label), &first))
		return FAIL(ld, r, COL_NAME, "line '%s' is defined twice (first on line %d; "
			    "labels of costs and benefits must be unique)", label,
			    sc->lines[first].loc.line);
	if (smap_set(&ld->line_labels, label, strlen(label), sc->nlines) != 0)
		return nomem(ld);
	sc->nlines++;   /* from here on, crm_scenario_free releases what ln holds */
	if (!(ln->label = xstrdup(label)))
		return nomem(ld);
	snprintf(what, sizeof what, "%s '%s'", kname, label);
	static const enum col line_unused[] = { COL_UNIT };
	if ((st = check_unused(ld, r, kname, line_unused, 1)) != CRM_OK ||
	    (st = warn_thousands_dot(ld, r, COL_VALUE, what)) != CRM_OK ||
	    (st = warn_thousands_dot(ld, r, COL_LOW, what)) != CRM_OK ||
	    (st = warn_thousands_dot(ld, r, COL_HIGH, what)) != CRM_OK ||
	    (st = check_accounting(ld, r, what)) != CRM_OK ||
	    (st = compile_value(ld, r, what, &ln->value)) != CRM_OK ||
	    (st = read_range(ld, r, what, ln->value, &ln->range)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_VALUE, &ln->value_text)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_AREA, &ln->area)) != CRM_OK ||
	    (st = check_area(ld, r, ln, what)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_OWNER, &ln->owner)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_METRIC, &ln->metric)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_NOTE, &ln->note)) != CRM_OK ||
	    (st = copy_extra(ld, r, &ln->extra)) != CRM_OK)
		return st;

	/* timing */
	const char *t = field(ld, r, COL_TIMING);
	if (!*t)
		ln->timing = kind == CRM_COST ? CRM_ONCE : CRM_YEARLY;
	else if (!strcasecmp(t, "once"))
		ln->timing = CRM_ONCE;
	else if (!strcasecmp(t, "monthly"))
		ln->timing = CRM_MONTHLY;
	else if (!strcasecmp(t, "yearly") || !strcasecmp(t, "annual"))
		ln->timing = CRM_YEARLY;
	else
		return FAIL(ld, r, COL_TIMING, "%s: timing '%s' is not known (expected once, "
			    "monthly or yearly)", what, t);

	/* start, end, ramp: whole months, or formulas resolved once every input is read */
	int fs = 0, fe = 0, fr = 0;
	ln->adoption = -1;
	if (ln->timing == CRM_ONCE) {
		ln->start = 0;
		if (given(ld, r, COL_START) &&
		    (st = get_month(ld, r, COL_START, what, 0, ln, &ln->start, &fs)) != CRM_OK)
			return st;
		if (given(ld, r, COL_END))
			return FAIL(ld, r, COL_END, "%s: end is for recurring lines; a 'once' amount "
				    "is booked whole at month start (leave end empty, or make timing "
				    "monthly or yearly)", what);
		if (given(ld, r, COL_RAMP))
			return FAIL(ld, r, COL_RAMP, "%s: ramp is for recurring lines, and this one "
				    "has timing once", what);
		ln->end = ln->start;
		if (!fs && ln->start > months)
			crm_warnings_add(&sc->warnings, r->file, r->line, loc_of(ld, r, COL_START).col,
					 "%s: month %d is after the %d-month horizon; the line adds nothing",
					 what, ln->start, months);
	} else {
		ln->start = 1;
		ln->end = months;
		if (given(ld, r, COL_START) &&
		    (st = get_month(ld, r, COL_START, what, 0, ln, &ln->start, &fs)) != CRM_OK)
			return st;
		if (!fs && ln->start == 0)
			return FAIL(ld, r, COL_START, "%s: a recurring line starts at month 1 or later "
				    "(month 0 is the Initial column, for amounts with timing once)", what);
		if (given(ld, r, COL_END)) {
			if ((st = get_month(ld, r, COL_END, what, 1, ln, &ln->end, &fe)) != CRM_OK)
				return st;
			if (!fs && !fe && ln->end < ln->start)
				return FAIL(ld, r, COL_END, "%s: end month %d is before start month %d",
					    what, ln->end, ln->start);
			ln->end_given = ln->end;
		}
		if (!fs && ln->start > months)
			crm_warnings_add(&sc->warnings, r->file, r->line, loc_of(ld, r, COL_START).col,
					 "%s: starts in month %d, after the %d-month horizon; the line "
					 "adds nothing", what, ln->start, months);
		if (ln->end > months)
			ln->end = months;
		if (given(ld, r, COL_RAMP) &&
		    (st = get_month(ld, r, COL_RAMP, what, 0, ln, &ln->ramp, &fr)) != CRM_OK)
			return st;
	}
	if (given(ld, r, COL_ADOPTION) && (st = read_adoption(ld, r, ln, what)) != CRM_OK)
		return st;
	const char *cv = field(ld, r, COL_CURVE);
	if (*cv) {
		if (!strcasecmp(cv, "linear"))
			ln->curve = CRM_CURVE_LINEAR;
		else if (!strcasecmp(cv, "scurve"))
			ln->curve = CRM_CURVE_SCURVE;
		else
			return FAIL(ld, r, COL_CURVE, "%s: curve '%s' is not known (expected linear or "
				    "scurve)", what, cv);
		if (ln->ramp == 0 && !fr)
			crm_warnings_add(&sc->warnings, r->file, r->line, loc_of(ld, r, COL_CURVE).col,
					 "%s: curve is given but ramp is 0, so it has no effect", what);
	}
	if (given(ld, r, COL_GROWTH) &&
	    (st = get_rate(ld, r, COL_GROWTH, "growth", -0.99, 10.0, &ln->growth)) != CRM_OK)
		return st;
	ln->probability = 1.0;
	if (given(ld, r, COL_PROBABILITY)) {
		if ((st = get_rate(ld, r, COL_PROBABILITY, "probability", 0.0, 1.0,
				   &ln->probability)) != CRM_OK)
			return st;
		if (ln->probability == 0)
			return FAIL(ld, r, COL_PROBABILITY, "%s: probability 0 means the line never "
				    "happens (expected more than 0%% and at most 100%%)", what);
	}
	if (given(ld, r, COL_RISK)) {
		ln->risk_given = 1;
		if ((st = get_rate(ld, r, COL_RISK, "risk", 0.0, kind == CRM_BENEFIT ? 1.0 : 10.0,
				   &ln->risk)) != CRM_OK)
			return st;
	}
	if ((st = read_class_group(ld, r, ln, what)) != CRM_OK)
		return st;
	return read_tax_columns(ld, r, ln, what);
}

/* ----------------------------------------------------------- correlations */

/* kind=correlation, name=a|b, value=rank correlation between inputs a and b. */
static crm_status read_correlation(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_LOW, COL_HIGH, COL_DIST, COL_AREA, COL_TIMING,
		COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY,
		COL_UNIT };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	const char *bar = strchr(name, '|');
	crm_correlation *c = &sc->correlations[sc->ncorrelations];
	char why[512], pair[64];
	crm_status st;
	size_t ia, ib, first;

	if ((st = check_unused(ld, r, "correlation", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!bar || strchr(bar + 1, '|'))
		return FAIL(ld, r, COL_NAME, "correlation name '%s' is not two inputs (expected "
			    "input_a|input_b)", name);
	/* The two names, blanks around them left out (fields are trimmed already). */
	const char *a = name, *b = bar + 1;
	size_t la = (size_t)(bar - name), lb = strlen(b);
	while (la && isspace((unsigned char)a[la - 1]))
		la--;
	while (isspace((unsigned char)*b)) {
		b++;
		lb--;
	}
	if (!smap_get(&ld->input_names, a, la, &ia) || !smap_get(&ld->input_names, b, lb, &ib)) {
		int first_bad = !smap_get(&ld->input_names, a, la, &ia);
		return FAIL(ld, r, COL_NAME, "correlation '%s': '%.*s' is not an input", name,
			    first_bad ? (int)la : (int)lb, first_bad ? a : b);
	}
	if (ia == ib)
		return FAIL(ld, r, COL_NAME, "correlation '%s' names the same input twice", name);
	if (ld->input_bad && (ld->input_bad[ia] || ld->input_bad[ib]))
		return CRM_OK;   /* checking: the input's own error is reported already */
	for (int k = 0; k < 2; k++) {
		const crm_input *in = &sc->inputs[k ? ib : ia];
		if (!in->range.given)
			return FAIL(ld, r, COL_NAME, "correlation '%s': input '%s' is not uncertain "
				    "(give it low and high, and a dist other than fixed)", name, in->name);
		if (in->range.dist == CRM_DIST_FIXED)
			return FAIL(ld, r, COL_NAME, "correlation '%s': input '%s' has dist fixed, so it "
				    "is not uncertain and has nothing to correlate (correlations are "
				    "between inputs that vary: give it another dist, or remove the "
				    "correlation)", name, in->name);
	}
	snprintf(pair, sizeof pair, "%zu|%zu", ia < ib ? ia : ib, ia < ib ? ib : ia);
	if (smap_get(&ld->corr_pairs, pair, strlen(pair), &first))
		return FAIL(ld, r, COL_NAME, "the correlation of %.*s and %.*s is given twice "
			    "(first on line %d)", (int)la, a, (int)lb, b, sc->correlations[first].loc.line);
	if (crm_parse_number(field(ld, r, COL_VALUE), &c->rho, NULL, why, sizeof why) != CRM_OK)
		return FAIL(ld, r, COL_VALUE, "correlation '%s': %s", name, why);
	if (c->rho < -1 || c->rho > 1)
		return FAIL(ld, r, COL_VALUE, "correlation '%s': %s is not a rank correlation "
			    "(expected -1 to 1)", name, field(ld, r, COL_VALUE));
	if (smap_set(&ld->corr_pairs, pair, strlen(pair), sc->ncorrelations) != 0)
		return nomem(ld);
	c->a = (int)ia;
	c->b = (int)ib;
	c->loc = loc_of(ld, r, COL_VALUE);
	c->loc.line = r->line;
	sc->ncorrelations++;
	return CRM_OK;
}

/* ----------------------------------------------------------------- cycles */

/*
 * Inputs may refer to each other in any order, but not in a circle unless the
 * circle passes through prev(). Depth-first search with colours; on a back
 * edge the stack holds the cycle, which the message spells out.
 */
static crm_status check_cycles(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t n = sc->ninputs;
	int *colour = calloc(n + 1, sizeof *colour);   /* 0 new, 1 on stack, 2 done */
	int *stack = malloc((n + 1) * sizeof *stack);
	size_t *next = calloc(n + 1, sizeof *next);
	crm_status st = CRM_OK;

	if (!colour || !stack || !next) {
		st = nomem(ld);
		goto done;
	}
	for (size_t root = 0; root < n; root++) {
		size_t sp = 0;
		if (colour[root])
			continue;
		stack[sp++] = (int)root;
		colour[root] = 1;
		while (sp) {
			int v = stack[sp - 1];
			const int *deps;
			/* An input whose value failed to compile (while checking) has none. */
			size_t nd = sc->inputs[v].value ? crm_expr_deps(sc->inputs[v].value, &deps) : 0;
			if (next[v] < nd) {
				int w = deps[next[v]++];
				if (colour[w] == 1) {
					char msg[600] = "";
					size_t from = sp;
					while (from > 0 && stack[from - 1] != w)
						from--;
					from = from ? from - 1 : 0;
					for (size_t k = from; k < sp; k++)
						crm_appendf(msg, sizeof msg, "%s -> ", sc->inputs[stack[k]].name);
					crm_appendf(msg, sizeof msg, "%s", sc->inputs[w].name);
					st = fail_at(ld, sc->inputs[w].loc, "inputs refer to each other in a "
						     "circle: %s (break the circle with prev(name) or a number)",
						     msg);
					goto done;
				}
				if (colour[w] == 0) {
					colour[w] = 1;
					stack[sp++] = w;
				}
			} else {
				colour[v] = 2;
				sp--;
			}
		}
	}
done:
	free(colour);
	free(stack);
	free(next);
	return st;
}

/* ------------------------------------------------------- timing from inputs */

int crm_line_has_timing_formula(const crm_line *ln)
{
	return ln->timing_expr[0] || ln->timing_expr[1] || ln->timing_expr[2];
}

/* "golive = 14, lag = 2": the inputs formula e uses and their values. */
static void name_values(const crm_scenario *sc, const crm_expr *e, const double *vals, char *buf,
			size_t len)
{
	const int *deps;
	size_t n = e ? crm_expr_deps(e, &deps) : 0;

	for (size_t k = 0; k < n; k++) {
		char needle[160];
		snprintf(needle, sizeof needle, ", %s = ", sc->inputs[deps[k]].name);
		if (!strncmp(buf, needle + 2, strlen(needle + 2)) || strstr(buf, needle))
			continue;   /* named already by another formula */
		crm_appendf(buf, len, "%s%s = %.10g", buf[0] ? ", " : "", sc->inputs[deps[k]].name,
			    vals[deps[k]]);
	}
}

crm_status crm_line_timing_eval(const crm_scenario *sc, const crm_line *ln, const double *vals,
				crm_line_timing *out, crm_error *err)
{
	static const char *const field_name[3] = { "start", "end", "ramp" };
	crm_expr_env env = { vals, vals, 1, 1 };
	int got[3] = { ln->start, ln->end_given, ln->ramp };
	const char *what = ln->kind == CRM_COST ? "cost" : "benefit";

	for (int k = 0; k < 3; k++) {
		const crm_expr *e = ln->timing_expr[k];
		if (!e)
			continue;
		double x = round(crm_expr_eval(e, &env));   /* halves away from zero */
		int lo = k == CRM_TIMING_END || (k == CRM_TIMING_START && ln->timing != CRM_ONCE) ? 1 : 0;
		if (isfinite(x) && x >= lo && x <= MONTH_MAX) {
			got[k] = (int)x;
			continue;
		}
		char used[400] = "", why[160];
		name_values(sc, e, vals, used, sizeof used);
		/* A month of many digits is shown in 6 significant ones (1e+300, not 300 digits). */
		const char *mf = fabs(x) < 1e9 ? "%.0f" : "%.6g";
		char num[64];
		snprintf(num, sizeof num, mf, x);
		if (!isfinite(x))
			snprintf(why, sizeof why, "not a number");
		else if (k == CRM_TIMING_RAMP)
			snprintf(why, sizeof why, "%s months", num);
		else
			snprintf(why, sizeof why, "month %s", num);
		return crm_error_set(err, CRM_EDATA, ln->timing_loc[k].file, ln->timing_loc[k].line,
				     ln->timing_loc[k].col, "%s '%s': %s '%s' gives %s%s%s (expected %s "
				     "to %d%s)", what, ln->label, field_name[k], ln->timing_text[k], why,
				     used[0] ? " with " : "", used,
				     k == CRM_TIMING_RAMP ? "0 months" : lo ? "month 1" : "month 0",
				     MONTH_MAX, k == CRM_TIMING_START && lo ? ": a recurring line starts "
				     "in month 1 at the earliest" : k == CRM_TIMING_START ? ": month 0 is "
				     "the Initial column" : k == CRM_TIMING_RAMP ? " months" : "");
	}
	if (ln->timing != CRM_ONCE && got[CRM_TIMING_END] && got[CRM_TIMING_END] < got[CRM_TIMING_START]) {
		int k = ln->timing_expr[CRM_TIMING_END] ? CRM_TIMING_END : CRM_TIMING_START;
		char used[400] = "";
		name_values(sc, ln->timing_expr[CRM_TIMING_START], vals, used, sizeof used);
		name_values(sc, ln->timing_expr[CRM_TIMING_END], vals, used, sizeof used);
		/* Each month with the formula that gave it: "end 'golive - 2' gives month 2". */
		char endw[300], startw[300];
		if (ln->timing_expr[CRM_TIMING_END])
			snprintf(endw, sizeof endw, "end '%s' gives month %d",
				 ln->timing_text[CRM_TIMING_END], got[CRM_TIMING_END]);
		else
			snprintf(endw, sizeof endw, "end month %d", got[CRM_TIMING_END]);
		if (ln->timing_expr[CRM_TIMING_START])
			snprintf(startw, sizeof startw, "start '%s' (month %d)",
				 ln->timing_text[CRM_TIMING_START], got[CRM_TIMING_START]);
		else
			snprintf(startw, sizeof startw, "start month %d", got[CRM_TIMING_START]);
		return crm_error_set(err, CRM_EDATA, ln->timing_loc[k].file, ln->timing_loc[k].line,
				     ln->timing_loc[k].col, "%s '%s': %s, before %s%s%s (expected an "
				     "end at or after the start)", what, ln->label, endw, startw,
				     used[0] ? " with " : "", used);
	}
	out->start = got[CRM_TIMING_START];
	out->end_given = got[CRM_TIMING_END];
	out->ramp = got[CRM_TIMING_RAMP];
	return CRM_OK;
}

int crm_scenario_input_order(const crm_scenario *sc, int *order)
{
	size_t n = sc->ninputs, k = 0;
	char *seen = calloc(n + 1, 1);
	int *stack = malloc((n + 1) * sizeof *stack);
	size_t *next = calloc(n + 1, sizeof *next);
	int rc = -1;

	if (!seen || !stack || !next)
		goto done;
	for (size_t root = 0; root < n; root++) {
		size_t sp = 0;
		if (seen[root])
			continue;
		seen[root] = 1;
		stack[sp++] = (int)root;
		while (sp) {
			int v = stack[sp - 1];
			const int *deps;
			size_t nd = sc->inputs[v].value ? crm_expr_deps(sc->inputs[v].value, &deps) : 0;
			if (next[v] < nd) {
				int w = deps[next[v]++];
				if (!seen[w]) {
					seen[w] = 1;
					stack[sp++] = w;
				}
			} else {
				order[k++] = v;
				sp--;
			}
		}
	}
	rc = 0;
done:
	free(seen);
	free(stack);
	free(next);
	return rc;
}

/*
 * Marks every input e uses, directly or through others, as driving timing
 * field k. stack has room for every input. Depth-first without recursion:
 * a chain of inputs may be as long as the file.
 */
static void mark_timing(crm_scenario *sc, const crm_expr *e, int k, int *stack)
{
	const int *deps;
	size_t n = crm_expr_deps(e, &deps), sp = 0;

	for (size_t d = 0; d < n; d++)
		if (!(sc->inputs[deps[d]].timing & (1 << k))) {
			sc->inputs[deps[d]].timing |= 1 << k;
			stack[sp++] = deps[d];
		}
	while (sp) {
		const crm_input *in = &sc->inputs[stack[--sp]];
		n = in->value ? crm_expr_deps(in->value, &deps) : 0;
		for (size_t d = 0; d < n; d++)
			if (!(sc->inputs[deps[d]].timing & (1 << k))) {
				sc->inputs[deps[d]].timing |= 1 << k;
				stack[sp++] = deps[d];
			}
	}
}

/* An adoption input written as numbers: every one a share from 0 to 1. */
static crm_status check_adoption_input(struct loader *ld, const crm_input *in)
{
	crm_scenario *sc = ld->sc;
	const char *user = "";

	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].adoption >= 0 && &sc->inputs[sc->lines[l].adoption] == in) {
			user = sc->lines[l].label;
			break;
		}
	if (crm_expr_kind(in->value) == CRM_VALUE_NUMBER) {
		double x = crm_expr_number(in->value);
		if (!(x >= 0 && x <= 1))
			return fail_at(ld, in->loc, "input '%s': %s is not a share of adoption (expected "
				       "0%% to 100%%; benefit '%s' is multiplied by it)", in->name,
				       in->value_text, user);
	} else if (crm_expr_kind(in->value) == CRM_VALUE_SERIES) {
		const double *v;
		size_t n = crm_expr_series(in->value, &v);
		for (size_t y = 0; y < n && y < (size_t)sc->settings.horizon_years; y++)
			if (!(v[y] >= 0 && v[y] <= 1))
				return fail_at(ld, in->loc, "input '%s': %g%% in year %zu is not a share "
					       "of adoption (expected 0%% to 100%%; benefit '%s' is "
					       "multiplied by it)", in->name, v[y] * 100, y + 1, user);
	}
	if (in->range.given &&
	    (in->range.dist == CRM_DIST_NORMAL || in->range.dist == CRM_DIST_LOGNORMAL))
		/* Draws beyond low and high are checked nowhere: a share must be bounded. */
		return fail_at(ld, in->range.dist_loc, "input '%s': dist %s draws beyond low and high, "
			       "and the input is a share of adoption (benefit '%s' is multiplied by it), "
			       "so a draw could give a share below 0%% or above 100%% (use triangular, "
			       "pert or uniform, which stay within %s to %s)", in->name,
			       crm_dist_name(in->range.dist), user, in->range.low_text,
			       in->range.high_text);
	if (in->range.given) {
		int bad_low = !(in->range.low >= 0 && in->range.low <= 1);
		if (bad_low || !(in->range.high >= 0 && in->range.high <= 1))
			return fail_at(ld, bad_low ? in->range.low_loc : in->range.high_loc, "input '%s': "
				       "%s %s is not a share of adoption (expected 0%% to 100%%; "
				       "benefit '%s' is multiplied by it)", in->name,
				       bad_low ? "low" : "high",
				       bad_low ? in->range.low_text : in->range.high_text, user);
	}
	return CRM_OK;
}

/*
 * Once every input and line is read: the lines whose start, end or ramp is a
 * formula get their months at the inputs' own values, checked as if written;
 * a formula that could give another month in each period is refused; an
 * input with a range that drives timing is checked at both ends of it, so
 * that sensitivity and simulation do not find a bad month halfway.
 */
static crm_status resolve_timing(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t ni = sc->ninputs;
	int any = 0;
	crm_status st = CRM_OK;

	for (size_t i = 0; i < ni; i++)
		if (sc->inputs[i].adoption && !ld->input_bad[i] && sc->inputs[i].value &&
		    (st = check_adoption_input(ld, &sc->inputs[i])) != CRM_OK && !go_on(ld, st))
			return st;
	for (size_t l = 0; l < sc->nlines; l++)
		any |= !ld->line_bad[l] && crm_line_has_timing_formula(&sc->lines[l]);
	if (!any)
		return CRM_OK;
	int *order = malloc((ni + 1) * sizeof *order);
	double *vals = calloc(ni + 1, sizeof *vals), *trial = calloc(ni + 1, sizeof *trial);
	char *fixed = calloc(ni + 1, 1), *ok = calloc(ni + 1, 1);
	int *stack = malloc((ni + 1) * sizeof *stack);
	if (!order || !vals || !trial || !fixed || !ok || !stack ||
	    crm_scenario_input_order(sc, order) != 0) {
		st = nomem(ld);
		goto done;
	}
	/* The inputs' own values in month 1; which of them never change; which compiled. */
	crm_expr_env env = { vals, trial, 1, 1 };   /* trial is all zeros: prev() in month 1 */
	for (size_t k = 0; k < ni; k++) {
		int i = order[k];
		const crm_input *in = &sc->inputs[i];
		const int *deps;
		size_t nd;
		if (ld->input_bad[i] || !in->value)
			continue;
		nd = crm_expr_deps(in->value, &deps);
		ok[i] = fixed[i] = 1;
		fixed[i] = !crm_expr_uses_time(in->value);
		for (size_t d = 0; d < nd; d++) {
			ok[i] &= ok[deps[d]];
			fixed[i] &= fixed[deps[d]];
		}
		vals[i] = ok[i] ? crm_expr_eval(in->value, &env) : NAN;
	}
	for (size_t l = 0; l < sc->nlines; l++) {
		crm_line *ln = &sc->lines[l];
		crm_line_timing t;
		crm_error e;
		const char *what = ln->kind == CRM_COST ? "cost" : "benefit";
		int usable = 1;
		if (ld->line_bad[l] || !crm_line_has_timing_formula(ln))
			continue;
		for (int k = 0; k < 3 && usable; k++) {
			static const char *const field_name[3] = { "start", "end", "ramp" };
			const crm_expr *ex = ln->timing_expr[k];
			const int *deps;
			if (!ex)
				continue;
			if (crm_expr_uses_time(ex)) {
				st = fail_at(ld, ln->timing_loc[k], "%s '%s': %s '%s' can change from period "
					     "to period (it uses year, month, prev() or a series), and a "
					     "line has one %s month (use inputs that keep one value)",
					     what, ln->label, field_name[k], ln->timing_text[k],
					     field_name[k]);
				usable = 0;
				break;
			}
			size_t nd = crm_expr_deps(ex, &deps);
			for (size_t d = 0; d < nd; d++) {
				if (!ok[deps[d]]) {
					usable = 0;   /* its input's own error is reported already */
					break;
				}
				if (!fixed[deps[d]]) {
					st = fail_at(ld, ln->timing_loc[k], "%s '%s': %s '%s' uses input "
						     "'%s', which changes from period to period (a series, "
						     "year, month or prev()), and a line has one %s month "
						     "(use inputs that keep one value)", what, ln->label,
						     field_name[k], ln->timing_text[k],
						     sc->inputs[deps[d]].name, field_name[k]);
					usable = 0;
					break;
				}
			}
		}
		if (!usable) {
			if (st != CRM_OK && !go_on(ld, st))
				goto done;
			st = CRM_OK;
			continue;
		}
		crm_error_clear(&e);
		if (crm_line_timing_eval(sc, ln, vals, &t, &e) != CRM_OK) {
			st = record(ld, &e);
			if (!go_on(ld, st))
				goto done;
			st = CRM_OK;
			continue;
		}
		int months = crm_scenario_months(sc);
		ln->start = t.start;
		ln->end_given = t.end_given;
		ln->ramp = t.ramp;
		ln->end = ln->timing == CRM_ONCE ? ln->start : t.end_given ? t.end_given : months;
		if (ln->end > months)
			ln->end = months;
		if (ln->start > months &&
		    crm_warnings_add(&sc->warnings, ln->timing_loc[0].file ? ln->timing_loc[0].file
				     : ln->loc.file, ln->timing_loc[0].file ? ln->timing_loc[0].line
				     : ln->loc.line, ln->timing_loc[0].col, "%s '%s': starts in month "
				     "%d, after the %d-month horizon; the line adds nothing", what,
				     ln->label, ln->start, months) != CRM_OK) {
			st = nomem(ld);
			goto done;
		}
		for (int k = 0; k < 3; k++)
			if (ln->timing_expr[k])
				mark_timing(sc, ln->timing_expr[k], k, stack);
	}
	/* The ends of every range that moves a timing: each one on its own, the rest at base. */
	for (size_t i = 0; i < ni; i++) {
		const crm_input *in = &sc->inputs[i];
		if (!in->timing || !in->range.given || !ok[i])
			continue;
		if (in->range.dist == CRM_DIST_NORMAL || in->range.dist == CRM_DIST_LOGNORMAL) {
			/* Draws beyond low and high are checked nowhere: such a month must be bounded. */
			st = fail_at(ld, in->range.dist_loc, "input '%s': dist %s draws beyond low and "
				     "high, and the input moves a line's months, so a draw could give "
				     "a month no line can have (use triangular, pert or uniform, which "
				     "stay within %s to %s)", in->name, crm_dist_name(in->range.dist),
				     in->range.low_text, in->range.high_text);
			if (!go_on(ld, st))
				goto done;
			st = CRM_OK;
			continue;
		}
		for (int end = 0; end < 2; end++) {
			double x = end ? in->range.high : in->range.low;
			memcpy(trial, vals, ni * sizeof *trial);
			trial[i] = x;
			crm_expr_env te = { trial, vals, 1, 1 };
			for (size_t k = 0; k < ni; k++) {
				int j = order[k];
				if ((size_t)j != i && ok[j] && fixed[j] && sc->inputs[j].timing)
					trial[j] = crm_expr_eval(sc->inputs[j].value, &te);
			}
			for (size_t l = 0; l < sc->nlines; l++) {
				const crm_line *ln = &sc->lines[l];
				crm_line_timing t;
				crm_error e;
				if (ld->line_bad[l] || !crm_line_has_timing_formula(ln))
					continue;
				crm_error_clear(&e);
				crm_loc at = end ? in->range.high_loc : in->range.low_loc;
				int months = crm_scenario_months(sc);
				if (crm_line_timing_eval(sc, ln, trial, &t, &e) == CRM_OK) {
					/* As a literal start after the horizon: a warning, once an end. */
					if (t.start <= months || ln->start > months)
						continue;
					if (crm_warnings_add(&sc->warnings, at.file ? at.file : sc->file,
							     at.line, at.col, "input '%s': its %s %s starts %s "
							     "'%s' in month %d, after the %d-month horizon; "
							     "there the line adds nothing", in->name,
							     end ? "high" : "low", end ? in->range.high_text
							     : in->range.low_text, ln->kind == CRM_COST
							     ? "cost" : "benefit", ln->label, t.start,
							     months) != CRM_OK) {
						st = nomem(ld);
						goto done;
					}
					break;
				}
				st = fail_at(ld, at, "input '%s': its %s %s gives a bad month: %s", in->name,
					     end ? "high" : "low", end ? in->range.high_text
					     : in->range.low_text, e.msg);
				if (!go_on(ld, st))
					goto done;
				st = CRM_OK;
				break;
			}
		}
	}
done:
	free(order);
	free(stack);
	free(vals);
	free(trial);
	free(fixed);
	free(ok);
	return st;
}

/* ------------------------------------------------------------------- load */

static int is_tracking_kind(const char *kind);
static crm_status read_tracking(struct loader *ld);
static void free_tracking(crm_scenario *sc);

static crm_status load_rows(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t ninputs = 0, nlines = 0, ncorr = 0;
	crm_status st;
	size_t i;

	/* Pass 1: kinds, settings, input names. A bad row is marked and, while
	 * checking, skipped from then on, so that it is reported once. */
	for (i = 0; i < ld->nrows; i++) {
		struct srow *r = &ld->rows[i];
		const char *kind;
		kind = field(ld, r, COL_KIND);
		st = CRM_OK;
		if (strcasecmp(kind, "cost") && strcasecmp(kind, "benefit"))
			st = check_line_columns(ld, r, kind);
		if (is_tracking_kind(kind)) {
			/* phases and criteria: read_tracking */
			if (st != CRM_OK) {
				if (!go_on(ld, st))
					return st;
				r->bad = 1;
			}
			continue;
		}
		/* Every input, line and correlation row is counted, a bad one too: the
		 * arrays are sized from these counts. */
		if (!strcasecmp(kind, "input"))
			ninputs++;
		else if (!strcasecmp(kind, "cost") || !strcasecmp(kind, "benefit"))
			nlines++;
		else if (!strcasecmp(kind, "correlation"))
			ncorr++;
		else if (st != CRM_OK) {
			/* reported already */
		} else if (!strcasecmp(kind, "setting")) {
			st = read_setting(ld, r);
		} else if (!*kind) {
			st = FAIL(ld, r, COL_KIND, "the row has no kind (expected setting, input, cost, "
				  "benefit, correlation, phase or criterion; a comment row starts with #)");
		} else {
			static const char *const kinds[] = { "setting", "input", "cost", "benefit",
				"correlation", "phase", "criterion" };
			char sug[160];
			suggest(kind, kinds, 7, sug, sizeof sug);
			st = FAIL(ld, r, COL_KIND, "unknown kind '%s'%s (expected setting, input, "
				  "cost, benefit, correlation, phase or criterion)", kind, sug);
		}
		if (st == CRM_OK && strcasecmp(kind, "setting") && !given(ld, r, COL_VALUE))
			st = FAIL(ld, r, COL_VALUE, "%s '%s' has no value (expected a number, a "
				  "series like 100;120;150, or a formula)", kind, field(ld, r, COL_NAME));
		if (st != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			r->bad = 1;
		}
	}
	if (sc->settings.discounting == CRM_DISCOUNT_DATED && !sc->settings.start_year)
		if ((st = fail_at(ld, (crm_loc){ sc->file, setting_given_at(ld, "discounting"), 0 },
				  "discounting dated needs the setting start_date (the investment "
				  "date every flow is discounted to)")) != CRM_OK && !go_on(ld, st))
			return st;
	if (!ld->finance_given)
		sc->settings.finance_rate = sc->settings.discount_rate;
	if (!ld->reinvest_given)
		sc->settings.reinvest_rate = sc->settings.discount_rate;
	sc->settings.finance_given = ld->finance_given;
	sc->settings.reinvest_given = ld->reinvest_given;
	sc->inputs = calloc(ninputs + 1, sizeof *sc->inputs);
	sc->lines = calloc(nlines + 1, sizeof *sc->lines);
	sc->correlations = calloc(ncorr + 1, sizeof *sc->correlations);
	ld->input_bad = calloc(ninputs + 1, 1);
	ld->line_bad = calloc(nlines + 1, 1);
	sc->groups = calloc(nlines + 1, sizeof *sc->groups);
	ld->group_prob_line = calloc(nlines + 1, sizeof *ld->group_prob_line);
	ld->group_prob_file = calloc(nlines + 1, sizeof *ld->group_prob_file);
	if (!sc->inputs || !sc->lines || !sc->correlations || !ld->input_bad || !sc->groups ||
	    !ld->group_prob_line || !ld->group_prob_file || !ld->line_bad)
		return nomem(ld);
	/* Every input's name is known before any formula is compiled. An input whose
	 * row is bad still declares its name, so formulas using it are not blamed. */
	for (i = 0; i < ld->nrows; i++) {
		struct srow *r = &ld->rows[i];
		if (strcasecmp(field(ld, r, COL_KIND), "input"))
			continue;
		r->input = (long)sc->ninputs;
		if ((st = declare_input(ld, r)) != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			r->bad = 1;
			r->input = -1;
		}
	}

	/* Pass 2: compile and check inputs and lines. */
	for (i = 0; i < ld->nrows; i++) {
		struct srow *r = &ld->rows[i];
		const char *kind = field(ld, r, COL_KIND);
		int is_input = !strcasecmp(kind, "input");
		size_t lines_before = sc->nlines;
		r->line_index = -1;
		if (is_input && r->input < 0)
			continue;
		if (r->bad) {
			if (is_input)
				ld->input_bad[r->input] = 1;
			continue;
		}
		if (is_input)
			st = read_input(ld, r, &sc->inputs[r->input]);
		else if (!strcasecmp(kind, "cost"))
			st = read_line(ld, r, CRM_COST);
		else if (!strcasecmp(kind, "benefit"))
			st = read_line(ld, r, CRM_BENEFIT);
		else
			st = CRM_OK;
		if (st == CRM_EDATA && !is_input)
			explain_shift(ld, r);
		if (sc->nlines > lines_before)
			r->line_index = (long)lines_before;
		if (st != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			if (is_input)
				ld->input_bad[r->input] = 1;
			else if (sc->nlines > lines_before)
				ld->line_bad[lines_before] = 1;
		}
	}
	/* Every line of a group carries the group's probability. */
	for (i = 0; i < sc->nlines; i++)
		if (sc->lines[i].group >= 0)
			sc->lines[i].probability = sc->groups[sc->lines[i].group].probability;
	/* Correlations last: they refer to inputs' ranges. */
	for (i = 0; i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		if (r->bad || strcasecmp(field(ld, r, COL_KIND), "correlation"))
			continue;
		st = read_correlation(ld, r);
		if (st != CRM_OK && !go_on(ld, st))
			return st;
	}
	if ((st = read_tracking(ld)) != CRM_OK && !go_on(ld, st))
		return st;
	for (i = 0; i < sc->nlines; i++) {
		crm_line *ln = &sc->lines[i];
		if (!ln->risk_given)
			ln->risk = ln->kind == CRM_BENEFIT ? sc->settings.benefit_risk : sc->settings.cost_risk;
	}
	if (sc->nlines == 0 && !ld->nerrors)
		crm_warnings_add(&sc->warnings, sc->file, 0, 0, "the scenario has no cost or benefit "
				 "lines; every result is 0");
	st = check_cycles(ld);
	if (st == CRM_OK)
		st = resolve_timing(ld);
	group_months(sc);
	return go_on(ld, st) ? CRM_OK : st;
}

static crm_scenario *scenario_new(const char *name)
{
	crm_scenario *sc = calloc(1, sizeof *sc);

	if (!sc)
		return NULL;
	sc->file = xstrdup(name);
	sc->settings.title = xstrdup("");
	sc->settings.currency = xstrdup("USD");
	sc->settings.horizon_years = 3;
	sc->settings.discount_rate = 0.10;
	sc->settings.grid = CRM_GRID_YEAR;
	sc->settings.readiness_score = CRM_ASSESS_MAX_POINTS;
	sc->settings.readiness_floor = 0.50;
	sc->settings.declining_factor = 2.0;
	sc->settings.classes = CRM_CLASSES_DEFAULT;
	if (!sc->file || !sc->settings.title || !sc->settings.currency) {
		crm_scenario_free(sc);
		return NULL;
	}
	return sc;
}

/* The x_ values of a row are one block (see copy_extra). */
static void free_extra(char **extra, size_t n)
{
	(void)n;
	free(extra);
}

void crm_scenario_free(crm_scenario *sc)
{
	if (!sc)
		return;
	for (size_t i = 0; i < sc->ninputs; i++) {
		crm_input *in = &sc->inputs[i];
		free(in->name);
		free(in->value_text);
		crm_expr_free(in->value);
		free(in->unit);
		free(in->note);
		free(in->range.low_text);
		free(in->range.high_text);
		free_extra(in->extra, sc->nextra);
	}
	free(sc->inputs);
	for (size_t i = 0; i < sc->nlines; i++) {
		crm_line *ln = &sc->lines[i];
		free(ln->label);
		free(ln->value_text);
		crm_expr_free(ln->value);
		for (int k = 0; k < 3; k++) {
			crm_expr_free(ln->timing_expr[k]);
			free(ln->timing_text[k]);
		}
		free(ln->area);
		free(ln->owner);
		free(ln->metric);
		free(ln->note);
		free(ln->range.low_text);
		free(ln->range.high_text);
		free_extra(ln->extra, sc->nextra);
	}
	free(sc->lines);
	for (size_t g = 0; g < sc->ngroups; g++)
		free(sc->groups[g].name);
	free(sc->groups);
	free(sc->correlations);
	free_tracking(sc);
	for (size_t k = 0; k < sc->nfiles; k++)
		free(sc->files[k]);
	free(sc->files);
	for (size_t k = 0; k < sc->norigins; k++)
		free(sc->origins[k].name);
	free(sc->origins);
	for (size_t k = 0; k < sc->nextra; k++)
		free(sc->extra_names[k]);
	free(sc->extra_names);
	free(sc->settings.title);
	free(sc->settings.currency);
	free(sc->settings.readiness);
	crm_warnings_free(&sc->warnings);
	free(sc->file);
	free(sc);
}

/* ------------------------------------------------------------ inheritance */

/*
 * The merge key of a row, malloc'd: kind (lower case) and name; a
 * correlation's two inputs in sorted order. NULL when out of memory.
 */
static char *row_key(const char *kind, const char *name)
{
	size_t lk = strlen(kind), ln = strlen(name);
	char *key = malloc(lk + ln + 2);

	if (!key)
		return NULL;
	for (size_t i = 0; i < lk; i++)
		key[i] = (char)tolower((unsigned char)kind[i]);
	key[lk] = '\n';
	const char *bar = strchr(name, '|');
	if (lk == 11 && !strncmp(key, "correlation", 11) && bar) {
		/* Blanks around either name do not count; the two are put in order. */
		const char *a = name, *b = bar + 1;
		size_t la = (size_t)(bar - name), lb = strlen(b);
		while (la && isspace((unsigned char)a[la - 1]))
			la--;
		while (isspace((unsigned char)*a)) {
			a++;
			la--;
		}
		while (lb && isspace((unsigned char)b[lb - 1]))
			lb--;
		while (isspace((unsigned char)*b)) {
			b++;
			lb--;
		}
		size_t m = la < lb ? la : lb;
		int cmp = strncmp(a, b, m);
		if (cmp > 0 || (cmp == 0 && la > lb)) {
			const char *t = a;
			size_t lt = la;
			a = b;
			la = lb;
			b = t;
			lb = lt;
		}
		char *k = key + lk + 1;
		memcpy(k, a, la);
		k[la] = '|';
		memcpy(k + la + 1, b, lb);
		k[la + 1 + lb] = '\0';
		return key;
	}
	memcpy(key + lk + 1, name, ln + 1);
	return key;
}

static crm_status add_origin(struct loader *ld, const char *kind, const char *name, crm_loc loc,
			     crm_loc replaced)
{
	crm_scenario *sc = ld->sc;
	crm_origin *o;

	if (sc->norigins == ld->caporigins) {
		size_t ncap = ld->caporigins ? 2 * ld->caporigins : 64;
		o = realloc(sc->origins, ncap * sizeof *o);
		if (!o)
			return nomem(ld);
		sc->origins = o;
		ld->caporigins = ncap;
	}
	o = &sc->origins[sc->norigins];
	memset(o, 0, sizeof *o);
	snprintf(o->kind, sizeof o->kind, "%s", kind);
	if (!(o->name = xstrdup(name)))
		return nomem(ld);
	o->loc = loc;
	o->replaced = replaced;
	sc->norigins++;
	return CRM_OK;
}

/* The merged row a key names, if it is inherited (from a deeper file than depth). */
static int inherited(struct loader *ld, const char *key, int depth, size_t *at)
{
	size_t i;

	if (!smap_get(&ld->merged, key, strlen(key), &i) || i == GONE)
		return 0;
	if (ld->rows[i].gone || ld->rows[i].depth <= depth)
		return 0;
	*at = i;
	return 1;
}

/*
 * Put row nr into the merged rows: it replaces an inherited row with the same
 * kind and name, removes inherited rows (kind=remove), or is added. Removed
 * rows are only marked (gone) here and dropped once every file is read, so
 * that indices in ld->merged stay valid.
 */
static crm_status merge_row(struct loader *ld, struct srow *nr)
{
	crm_loc here = { nr->file, nr->line, 0 };
	size_t i;

	if (!strcasecmp(rowf(nr, COL_KIND), "remove")) {
		static const char *const kinds[] = { "input", "cost", "benefit", "correlation",
			"phase", "criterion" };
		static const enum col unused[] = { COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
			COL_TIMING, COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK,
			COL_PROBABILITY, COL_GROUP, COL_CLASS };
		int removed = 0;
		for (size_t u = 0; u < sizeof unused / sizeof *unused; u++)
			if (rowf(nr, unused[u])[0])
				return FAIL(ld, nr, unused[u], "a remove row names what to remove in its "
					    "name column; leave %s empty", col_names[unused[u]]);
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			char *key = row_key(kinds[k], rowf(nr, COL_NAME));
			if (!key)
				return nomem(ld);
			if (inherited(ld, key, nr->depth, &i)) {
				crm_loc was = { ld->rows[i].file, ld->rows[i].line, 0 };
				crm_status st = add_origin(ld, "remove", rowf(nr, COL_NAME), here, was);
				if (st == CRM_OK && smap_set(&ld->merged, key, strlen(key), GONE) != 0)
					st = nomem(ld);
				if (st != CRM_OK) {
					free(key);
					return st;
				}
				free(ld->rows[i].extra);
				ld->rows[i].extra = NULL;
				ld->rows[i].gone = 1;
				removed++;
			}
			free(key);
		}
		if (!removed)
			return FAIL(ld, nr, COL_NAME, "remove: nothing named '%s' is inherited (expected "
				    "the name of an input, cost, benefit or correlation of a base "
				    "scenario)", rowf(nr, COL_NAME));
		return CRM_OK;
	}
	char *key = row_key(rowf(nr, COL_KIND), rowf(nr, COL_NAME));
	if (!key)
		return nomem(ld);
	if (inherited(ld, key, nr->depth, &i)) {
		nr->replaced = (crm_loc){ ld->rows[i].file, ld->rows[i].line, 0 };
		free(ld->rows[i].extra);
		ld->rows[i] = *nr;
		free(key);
		return CRM_OK;
	}
	if (ld->nrows >= CRM_MAX_ROWS) {
		free(key);
		return FAIL(ld, nr, COL_KIND, "more than %d rows in the scenario and its bases (the "
			    "limit of crmroi-scenario(5))", CRM_MAX_ROWS);
	}
	if (ld->nrows == ld->caprows) {
		size_t ncap = ld->caprows ? 2 * ld->caprows : 64;
		struct srow *n = realloc(ld->rows, ncap * sizeof *n);
		if (!n) {
			free(key);
			return nomem(ld);
		}
		ld->rows = n;
		ld->caprows = ncap;
	}
	/* The first row with a key is the one a later file replaces (a second one in
	 * the same file is an error found when rows are read). */
	size_t old;
	if ((!smap_get(&ld->merged, key, strlen(key), &old) || old == GONE) &&
	    smap_set(&ld->merged, key, strlen(key), ld->nrows) != 0) {
		free(key);
		return nomem(ld);
	}
	free(key);
	ld->rows[ld->nrows++] = *nr;
	return CRM_OK;
}

/* The scenario keeps every file name, for messages: return the stored copy. */
static const char *keep_name(struct loader *ld, const char *name)
{
	crm_scenario *sc = ld->sc;
	char **n = realloc(sc->files, (sc->nfiles + 1) * sizeof *n);

	if (!n)
		return NULL;
	sc->files = n;
	if (!(n[sc->nfiles] = xstrdup(name)))
		return NULL;
	return n[sc->nfiles++];
}

/* A base named in file `from`: relative to from's directory. Malloc'd; NULL when out of memory. */
static char *base_path(const char *from, const char *value)
{
	const char *slash = strrchr(from, '/');
	size_t dir = slash ? (size_t)(slash - from) : 0;

	if (value[0] == '/' || !slash || !strcmp(from, "<stdin>"))
		return xstrdup(value);
	char *p = malloc(dir + 1 + strlen(value) + 1);
	if (p) {
		memcpy(p, from, dir);
		p[dir] = '/';
		strcpy(p + dir + 1, value);
	}
	return p;
}

struct chain {
	char *real[CRM_MAX_BASE_DEPTH + 1];   /* canonical paths of the files being read */
	const char *name[CRM_MAX_BASE_DEPTH + 1];
	int n;
};

static crm_status read_rows(struct loader *ld, const char *buf, size_t len, const char *name,
			    size_t chunk, struct chain *ch, int depth);

static crm_status read_base(struct loader *ld, const struct srow *r, const char *from,
			    struct chain *ch, int depth)
{
	const char *value = rowf(r, COL_VALUE);
	char *path, *buf;
	size_t len;
	crm_error e;
	crm_status st;

	if (!value[0])
		return FAIL(ld, r, COL_VALUE, "setting 'base' needs the path of a base scenario "
			    "(relative to this file)");
	if (depth + 1 > CRM_MAX_BASE_DEPTH)
		return FAIL(ld, r, COL_VALUE, "bases nest more than %d deep", CRM_MAX_BASE_DEPTH);
	if (!(path = base_path(from, value)))
		return nomem(ld);
	char *real = realpath(path, NULL);
	if (!real) {
		/* A base that cannot be read is a file problem (exit 3), said at the row naming it. */
		crm_loc l = loc_of(ld, r, COL_VALUE);
		st = fail_status(ld, CRM_EIO, l, "base scenario '%s' cannot be opened (looked for "
				 "%s: %s)", value, path, strerror(errno));
		free(path);
		return st;
	}
	for (int k = 0; k < ch->n; k++)
		if (ch->real[k] && !strcmp(ch->real[k], real)) {
			char msg[700] = "";
			for (int j = k; j < ch->n; j++)
				crm_appendf(msg, sizeof msg, "%s -> ", ch->name[j]);
			crm_appendf(msg, sizeof msg, "%s", path);
			free(real);
			free(path);
			return FAIL(ld, r, COL_VALUE, "scenarios inherit from each other in a circle: %s",
				    msg);
		}
	crm_error_clear(&e);
	if ((st = crm_read_file(path, &buf, &len, &e)) != CRM_OK) {
		crm_loc l = loc_of(ld, r, COL_VALUE);
		free(real);
		st = fail_status(ld, st, l, "base scenario '%s': %s", path, e.msg);
		free(path);
		return st;
	}
	const char *kept = keep_name(ld, path);
	free(path);
	ch->real[ch->n] = real;
	ch->name[ch->n] = kept;
	ch->n++;
	st = kept ? read_rows(ld, buf, len, kept, 0, ch, depth + 1) : nomem(ld);
	ch->n--;
	free(real);
	ch->real[ch->n] = NULL;
	free(buf);
	return st;
}

/* Whether a CSV row is `setting,base,...`. */
static int is_base_row(const crm_csv_row *cr, const struct header *hd)
{
	int k = hd->colmap[COL_KIND], n = hd->colmap[COL_NAME];

	return k < cr->nfields && n < cr->nfields && !strcasecmp(cr->fields[k], "setting") &&
	       !strcmp(cr->fields[n], "base");
}

/* A CSV row in canonical column order. r->extra is the caller's to free. */
static crm_status make_row(struct loader *ld, const crm_csv_row *cr, const char *name,
			   int depth, const struct header *hd, struct srow *r)
{
	memset(r, 0, sizeof *r);
	r->file = name;
	r->line = cr->line;
	r->depth = depth;
	r->input = -1;
	r->cr = cr;
	r->colmap = hd->kept;
	/* x_ values: an array only for a row that has any, so that memory stays in
	 * proportion to the file. */
	for (int fi = 0; fi < cr->nfields && fi < hd->width; fi++)
		if (hd->extra[fi] >= 0 && cr->fields[fi][0]) {
			if (!r->extra) {
				r->nextra = ld->sc->nextra;
				if (!(r->extra = calloc(r->nextra + 1, sizeof *r->extra)))
					return nomem(ld);
			}
			r->extra[hd->extra[fi]] = cr->fields[fi];
		}
	return CRM_OK;
}

/*
 * Read one file's rows: its header, its base (read first, recursively), then
 * its own rows merged over what it inherits.
 */
static crm_status read_rows(struct loader *ld, const char *buf, size_t len, const char *name,
			    size_t chunk, struct chain *ch, int depth)
{
	crm_csv_table *tabs = realloc(ld->tables, (ld->ntables + 1) * sizeof *tabs);
	struct header hd;
	crm_status st;
	size_t i, h;

	if (!tabs)
		return nomem(ld);
	ld->tables = tabs;
	size_t mine = ld->ntables;
	crm_csv_table *t = &ld->tables[mine];
	crm_error e;
	crm_error_clear(&e);
	if ((st = crm_csv_parse(buf, len, chunk, name, t, &e)) != CRM_OK)
		return record(ld, &e);
	ld->ntables++;
	for (i = 0; i < t->nrows; i++)
		for (int f = 0; f < t->rows[i].nfields; f++)
			crm_csv_trim(t->rows[i].fields[f]);
	for (h = 0; h < t->nrows; h++)
		if (!is_comment(&t->rows[h]) && !is_blank_row(&t->rows[h]))
			break;
	if (h == t->nrows)
		return fail_at(ld, (crm_loc){ name, 0, 0 }, "no header row: the file is empty or "
			       "holds only comments (expected a header such as kind,name,value)");
	memset(&hd, 0, sizeof hd);
	if ((st = read_header(ld, &t->rows[h], name, &hd)) != CRM_OK)
		goto done;
	int **maps = realloc(ld->colmaps, (ld->ncolmaps + 1) * sizeof *maps);
	if (!maps) {
		st = nomem(ld);
		goto done;
	}
	ld->colmaps = maps;
	if (!(maps[ld->ncolmaps] = malloc(sizeof hd.colmap))) {
		st = nomem(ld);
		goto done;
	}
	memcpy(maps[ld->ncolmaps], hd.colmap, sizeof hd.colmap);
	hd.kept = maps[ld->ncolmaps++];

	/* The base first (its own base before it): a file's rows are merged over it. */
	struct srow base;
	int have_base = 0;
	for (i = h + 1; i < t->nrows; i++) {
		const crm_csv_row *cr = &t->rows[i];
		if (is_comment(cr) || is_blank_row(cr) || !is_base_row(cr, &hd))
			continue;
		if ((st = check_width(ld, cr, name, &hd)) != CRM_OK) {
			if (go_on(ld, st))
				continue;
			goto done_base;
		}
		if (have_base) {
			st = fail_at(ld, (crm_loc){ name, cr->field_lines[hd.colmap[COL_NAME]],
				     hd.colmap[COL_NAME] + 1 }, "setting 'base' is given twice (first on "
				     "line %d)", base.line);
			if (go_on(ld, st))
				continue;
			goto done_base;
		}
		if ((st = make_row(ld, cr, name, depth, &hd, &base)) != CRM_OK)
			goto done;
		have_base = 1;
	}
	/* A base that cannot be read: while checking, this file's own rows are still read. */
	if (have_base && (st = read_base(ld, &base, name, ch, depth)) != CRM_OK && !go_on(ld, st))
		goto done_base;
	t = &ld->tables[mine];   /* reading the base may have moved the tables */
	for (i = h + 1; i < t->nrows; i++) {
		const crm_csv_row *cr = &t->rows[i];
		struct srow r;
		if (is_comment(cr) || is_blank_row(cr) || is_base_row(cr, &hd))
			continue;
		if ((st = check_width(ld, cr, name, &hd)) != CRM_OK) {
			if (go_on(ld, st))
				continue;   /* the row is skipped; its fields cannot be trusted */
			goto done_base;
		}
		if ((st = make_row(ld, cr, name, depth, &hd, &r)) != CRM_OK)
			goto done_base;
		st = merge_row(ld, &r);
		/* A merged row now owns its extra array; a remove row is not kept. */
		if (st != CRM_OK || !strcasecmp(rowf(&r, COL_KIND), "remove"))
			free(r.extra);
		if (st != CRM_OK) {
			if (go_on(ld, st))
				continue;
			goto done_base;
		}
	}
done_base:
	if (have_base)
		free(base.extra);
done:
	free(hd.extra);
	/* While checking, an error is counted and reading goes on with the next file. */
	return go_on(ld, st) ? CRM_OK : st;
}

struct ranked {
	const crm_error *e;
	size_t file_rank, seq;
};

static int cmp_ranked(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;

	if (a->file_rank != b->file_rank)
		return a->file_rank < b->file_rank ? -1 : 1;
	if (a->e->line != b->e->line)
		return a->e->line < b->e->line ? -1 : 1;
	if (a->e->col != b->e->col)
		return a->e->col < b->e->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Errors are found pass by pass (settings before inputs before lines); a
 * reader wants them in the order of the file, each file's together: the file
 * checked first, then its base, its base's base, ...
 */
static void sort_errors(crm_warnings *errors, char *const *files, size_t nfiles)
{
	size_t n = errors->count;
	if (n < 2)
		return;
	struct ranked *r = malloc((n + 1) * sizeof *r);
	crm_error *sorted = malloc((n + 1) * sizeof *sorted);

	if (r && sorted) {
		for (size_t i = 0; i < n; i++) {
			size_t k = 0;
			while (k < nfiles && strcmp(files[k], errors->items[i].file))
				k++;
			r[i] = (struct ranked){ &errors->items[i], k, i };
		}
		qsort(r, n, sizeof *r, cmp_ranked);
		for (size_t i = 0; i < n; i++)
			sorted[i] = *r[i].e;
		memcpy(errors->items, sorted, n * sizeof *sorted);
	}
	free(r);
	free(sorted);
}

/*
 * Load from memory. errors NULL: stop at the first error (in err). Otherwise
 * go on after bad data, listing every error in errors; err still gets the first.
 */
static crm_scenario *parse(const char *buf, size_t len, const char *name, size_t chunk,
			   crm_warnings *errors, size_t *unlisted, crm_error *err)
{
	struct loader ld;
	struct chain ch;
	crm_status st = CRM_OK;

	memset(&ld, 0, sizeof ld);
	memset(&ch, 0, sizeof ch);
	ld.err = err;
	ld.errors = errors;
	ld.sc = scenario_new(name);
	if (!ld.sc) {
		crm_error_set(err, CRM_ENOMEM, name, 0, 0, "out of memory");
		return NULL;
	}
	const char *kept = keep_name(&ld, ld.sc->file);
	ch.real[0] = strcmp(name, "<stdin>") ? realpath(name, NULL) : NULL;
	ch.name[0] = kept;
	ch.n = 1;
	if (!kept)
		st = nomem(&ld);
	if (st == CRM_OK)
		st = read_rows(&ld, buf, len, kept, chunk, &ch, 0);
	free(ch.real[0]);
	/* Rows taken out by remove rows go now; the others keep their order. */
	size_t kept_rows = 0;
	for (size_t i = 0; i < ld.nrows; i++) {
		if (ld.rows[i].gone)
			continue;
		ld.rows[kept_rows++] = ld.rows[i];
	}
	ld.nrows = kept_rows;
	for (size_t i = 0; st == CRM_OK && i < ld.nrows; i++) {
		const struct srow *r = &ld.rows[i];
		char kind[16];
		snprintf(kind, sizeof kind, "%s", rowf(r, COL_KIND));
		for (char *p = kind; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		st = add_origin(&ld, kind, rowf(r, COL_NAME), (crm_loc){ r->file, r->line, 0 }, r->replaced);
	}
	if (st == CRM_OK)
		st = load_rows(&ld);
	if (st == CRM_OK && ld.nerrors)
		st = err ? err->status : CRM_EDATA;
	if (unlisted)
		*unlisted = errors && ld.nerrors > errors->count ? ld.nerrors - errors->count : 0;
	/* A row read twice (a base reached by two paths) says a thing once. */
	if (ld.sc)
		crm_warnings_dedupe(&ld.sc->warnings);
	/* A file with errors: its warnings are listed with them (status CRM_OK). */
	if (errors && st != CRM_OK && ld.sc)
		for (size_t i = 0; i < ld.sc->warnings.count; i++)
			crm_warnings_add_error(errors, &ld.sc->warnings.items[i]);
	if (errors)
		sort_errors(errors, ld.sc ? ld.sc->files : NULL, ld.sc ? ld.sc->nfiles : 0);
	for (size_t i = 0; i < ld.nrows; i++)
		free(ld.rows[i].extra);
	free(ld.rows);
	for (size_t i = 0; i < ld.ntables; i++)
		crm_csv_table_free(&ld.tables[i]);
	free(ld.tables);
	for (size_t i = 0; i < ld.ncolmaps; i++)
		free(ld.colmaps[i]);
	free(ld.colmaps);
	smap_free(&ld.merged);
	smap_free(&ld.input_names);
	smap_free(&ld.line_labels);
	smap_free(&ld.corr_pairs);
	smap_free(&ld.group_names);
	free(ld.group_prob_line);
	free(ld.group_prob_file);
	free(ld.input_bad);
	free(ld.line_bad);
	if (st != CRM_OK) {
		crm_scenario_free(ld.sc);
		return NULL;
	}
	return ld.sc;
}

crm_scenario *crm_scenario_parse(const char *buf, size_t len, const char *name, size_t chunk,
				 crm_error *err)
{
	return parse(buf, len, name, chunk, NULL, NULL, err);
}

crm_scenario *crm_scenario_load(const char *path, crm_error *err)
{
	char *buf;
	size_t len;
	crm_scenario *sc;
	const char *name = strcmp(path, "-") ? path : "<stdin>";

	if (crm_read_file(path, &buf, &len, err) != CRM_OK)
		return NULL;
	sc = crm_scenario_parse(buf, len, name, 0, err);
	free(buf);
	return sc;
}

crm_scenario *crm_scenario_check_text(const char *buf, size_t len, const char *name,
				      crm_warnings *errors, size_t *unlisted, crm_error *err)
{
	crm_error first;

	crm_error_clear(&first);
	crm_scenario *sc = parse(buf, len, name, 0, errors, unlisted, &first);
	if (err)
		*err = first;
	/* Out of memory before the list could take it: the list still says why. */
	if (!sc && errors->count == 0 && crm_warnings_add_error(errors, &first) != CRM_OK)
		return NULL;
	return sc;
}

crm_scenario *crm_scenario_check(const char *path, crm_warnings *errors, size_t *unlisted,
				 crm_error *err)
{
	char *buf;
	size_t len;
	crm_scenario *sc;
	crm_error first;
	const char *name = strcmp(path, "-") ? path : "<stdin>";

	*unlisted = 0;
	crm_error_clear(&first);
	if (crm_read_file(path, &buf, &len, &first) != CRM_OK) {
		if (err)
			*err = first;
		crm_warnings_add_error(errors, &first);
		return NULL;
	}
	sc = crm_scenario_check_text(buf, len, name, errors, unlisted, err);
	free(buf);
	return sc;
}

/* --------------------------------------------------- phases and criteria */

/*
 * kind=phase and kind=criterion rows describe how the program is followed
 * after approval (crmroi track): they add no cash flow. They are read after
 * every other row, so that criteria and lines can name any phase.
 */

static int is_tracking_kind(const char *kind)
{
	return !strcasecmp(kind, "phase") || !strcasecmp(kind, "criterion");
}

int crm_scenario_find_phase(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->nphases; i++)
		if (!strcmp(sc->phases[i].name, name))
			return (int)i;
	return -1;
}

int crm_scenario_find_criterion(const crm_scenario *sc, const char *name)
{
	for (size_t i = 0; i < sc->ncriteria; i++)
		if (!strcmp(sc->criteria[i].name, name))
			return (int)i;
	return -1;
}

static void free_tracking(crm_scenario *sc)
{
	for (size_t i = 0; i < sc->nphases; i++) {
		free(sc->phases[i].name);
		free(sc->phases[i].owner);
		free(sc->phases[i].note);
	}
	free(sc->phases);
	for (size_t i = 0; i < sc->ncriteria; i++) {
		crm_criterion *c = &sc->criteria[i];
		free(c->name);
		free(c->metric);
		free(c->baseline_text);
		free(c->target_text);
		free(c->unit);
		free(c->owner);
		free(c->note);
	}
	free(sc->criteria);
}

/* The phase named in a row's phase column: its index, or an error with a suggestion. */
static crm_status find_phase_of(struct loader *ld, const struct srow *r, const char *what,
				int *out)
{
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_PHASE);
	char sug[160] = "";

	if ((*out = crm_scenario_find_phase(sc, name)) >= 0)
		return CRM_OK;
	const char **names = malloc((sc->nphases + 1) * sizeof *names);
	if (names) {
		for (size_t i = 0; i < sc->nphases; i++)
			names[i] = sc->phases[i].name;
		suggest(name, names, sc->nphases, sug, sizeof sug);
		free(names);
	}
	if (!sc->nphases)
		return FAIL(ld, r, COL_PHASE, "%s: phase '%s' is not defined (the scenario has no "
			    "kind=phase rows)", what, name);
	return FAIL(ld, r, COL_PHASE, "%s: phase '%s' is not defined%s (expected the name of a "
		    "kind=phase row)", what, name, sug);
}

static crm_status read_phase(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
		COL_TIMING, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK, COL_PROBABILITY, COL_METRIC,
		COL_PHASE, COL_BASELINE, COL_TARGET, COL_DIRECTION, COL_DUE, COL_UNIT };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_phase *ph = &sc->phases[sc->nphases];
	int months = crm_scenario_months(sc), k;
	crm_status st;

	if ((st = check_unused(ld, r, "phase", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!is_identifier(name))
		return FAIL(ld, r, COL_NAME, "phase name '%s' is not an identifier (expected a letter "
			    "or _ followed by letters, digits or _, e.g. implementation)", name);
	if ((k = crm_scenario_find_phase(sc, name)) >= 0)
		return FAIL(ld, r, COL_NAME, "phase '%s' is defined twice (first on line %d)", name,
			    sc->phases[k].loc.line);
	memset(ph, 0, sizeof *ph);
	if (!given(ld, r, COL_START) || !given(ld, r, COL_END))
		return FAIL(ld, r, given(ld, r, COL_START) ? COL_END : COL_START, "phase '%s' needs "
			    "its start and end months (e.g. start 1, end 6)", name);
	if ((st = get_whole(ld, r, COL_START, "start", 0, months, &ph->start)) != CRM_OK ||
	    (st = get_whole(ld, r, COL_END, "end", 0, months, &ph->end)) != CRM_OK)
		return st;
	if (ph->end < ph->start)
		return FAIL(ld, r, COL_END, "phase '%s': end month %d is before start month %d", name,
			    ph->end, ph->start);
	ph->loc = (crm_loc){ r->file, r->line, 0 };
	sc->nphases++;   /* from here on, crm_scenario_free releases what ph holds */
	if ((st = copy_text(ld, r, COL_NAME, &ph->name)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_OWNER, &ph->owner)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_NOTE, &ph->note)) != CRM_OK)
		return st;
	return CRM_OK;
}

/* A baseline or target cell: a plain number, '%' allowed. */
static crm_status get_level(struct loader *ld, const struct srow *r, enum col c, const char *what,
			    int *has, double *out, int *pct, char **text)
{
	crm_status st;

	*pct = 0;
	if ((st = copy_text(ld, r, c, text)) != CRM_OK)
		return st;
	if (!given(ld, r, c))
		return CRM_OK;
	if ((st = get_number(ld, r, c, what, out, pct)) != CRM_OK)
		return st;
	*has = 1;
	return CRM_OK;
}

static crm_status read_criterion(struct loader *ld, const struct srow *r)
{
	static const enum col unused[] = { COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
		COL_TIMING, COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK,
		COL_PROBABILITY };
	crm_scenario *sc = ld->sc;
	const char *name = field(ld, r, COL_NAME);
	crm_criterion *cr = &sc->criteria[sc->ncriteria];
	char what[200];
	int k, bpct = 0, tpct = 0;
	crm_status st;

	if ((st = check_unused(ld, r, "criterion", unused, sizeof unused / sizeof *unused)) != CRM_OK)
		return st;
	if (!is_identifier(name))
		return FAIL(ld, r, COL_NAME, "criterion name '%s' is not an identifier (expected a "
			    "letter or _ followed by letters, digits or _, e.g. lead_conversion)", name);
	if ((k = crm_scenario_find_criterion(sc, name)) >= 0)
		return FAIL(ld, r, COL_NAME, "criterion '%s' is defined twice (first on line %d)",
			    name, sc->criteria[k].loc.line);
	snprintf(what, sizeof what, "criterion '%s'", name);
	memset(cr, 0, sizeof *cr);
	cr->loc = (crm_loc){ r->file, r->line, 0 };
	sc->ncriteria++;   /* from here on, crm_scenario_free releases what cr holds */
	if ((st = copy_text(ld, r, COL_NAME, &cr->name)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_METRIC, &cr->metric)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_UNIT, &cr->unit)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_OWNER, &cr->owner)) != CRM_OK ||
	    (st = copy_text(ld, r, COL_NOTE, &cr->note)) != CRM_OK ||
	    (st = get_level(ld, r, COL_BASELINE, "baseline", &cr->has_baseline, &cr->baseline,
			    &bpct, &cr->baseline_text)) != CRM_OK ||
	    (st = get_level(ld, r, COL_TARGET, "target", &cr->has_target, &cr->target, &tpct,
			    &cr->target_text)) != CRM_OK)
		return st;
	if (!given(ld, r, COL_PHASE))
		return FAIL(ld, r, COL_PHASE, "%s needs the phase it measures (the phase column)",
			    what);
	if ((st = find_phase_of(ld, r, what, &cr->phase)) != CRM_OK)
		return st;
	if (cr->has_baseline && cr->has_target && bpct != tpct)
		return FAIL(ld, r, COL_TARGET, "%s: baseline '%s' and target '%s' must both be "
			    "percentages or both plain numbers", what, cr->baseline_text, cr->target_text);
	cr->percent = bpct || tpct;
	const char *d = field(ld, r, COL_DIRECTION);
	if (!*d || !strcasecmp(d, "up"))
		cr->direction = CRM_DIR_UP;
	else if (!strcasecmp(d, "down"))
		cr->direction = CRM_DIR_DOWN;
	else
		return FAIL(ld, r, COL_DIRECTION, "%s: direction '%s' is not known (expected up, "
			    "higher is better, or down, lower is better)", what, d);
	if (cr->has_baseline && cr->has_target) {
		if (cr->baseline == cr->target)
			return FAIL(ld, r, COL_TARGET, "%s: target %s equals the baseline (progress "
				    "runs from baseline to target; expected a different target)", what,
				    cr->target_text);
		if ((cr->direction == CRM_DIR_UP) != (cr->target > cr->baseline))
			return FAIL(ld, r, COL_TARGET, "%s: target %s is %s the baseline %s, but "
				    "direction is %s (expected direction=%s, or another target)", what,
				    cr->target_text, cr->target > cr->baseline ? "above" : "below",
				    cr->baseline_text, cr->direction == CRM_DIR_UP ? "up" : "down",
				    cr->direction == CRM_DIR_UP ? "down" : "up");
	}
	if (given(ld, r, COL_DUE) &&
	    (st = get_whole(ld, r, COL_DUE, "due", 1, crm_scenario_months(sc), &cr->due)) != CRM_OK)
		return st;
	return CRM_OK;
}

static crm_status read_tracking(struct loader *ld)
{
	crm_scenario *sc = ld->sc;
	size_t nph = 0, ncr = 0, i;
	crm_status st;

	for (i = 0; i < ld->nrows; i++) {
		const char *kind = field(ld, &ld->rows[i], COL_KIND);
		nph += !strcasecmp(kind, "phase");
		ncr += !strcasecmp(kind, "criterion");
	}
	sc->phases = calloc(nph + 1, sizeof *sc->phases);
	sc->criteria = calloc(ncr + 1, sizeof *sc->criteria);
	if (!sc->phases || !sc->criteria)
		return nomem(ld);
	for (i = 0; i < ld->nrows; i++)
		if (!ld->rows[i].bad && !strcasecmp(field(ld, &ld->rows[i], COL_KIND), "phase") &&
		    (st = read_phase(ld, &ld->rows[i])) != CRM_OK && !go_on(ld, st))
			return st;
	for (i = 0; i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		const char *kind = field(ld, r, COL_KIND);
		int is_line = !strcasecmp(kind, "cost") || !strcasecmp(kind, "benefit");
		if (r->bad)
			continue;
		if (!strcasecmp(kind, "criterion")) {
			if ((st = read_criterion(ld, r)) != CRM_OK && !go_on(ld, st))
				return st;
			continue;
		}
		if (!strcasecmp(kind, "phase"))
			continue;
		/* Other rows: the tracking columns mean nothing there. */
		static const enum col tracking_cols[] = { COL_BASELINE, COL_TARGET, COL_DIRECTION,
			COL_DUE };
		if ((st = check_unused(ld, r, kind, tracking_cols,
				       sizeof tracking_cols / sizeof *tracking_cols)) != CRM_OK) {
			if (!go_on(ld, st))
				return st;
			continue;
		}
		if (!is_line) {
			static const enum col phase_col[] = { COL_PHASE };
			if ((st = check_unused(ld, r, kind, phase_col, 1)) != CRM_OK && !go_on(ld, st))
				return st;
			continue;
		}
		/* The line this row was read into (none when its row had an error). */
		if (r->line_index < 0)
			continue;
		crm_line *ln = &sc->lines[r->line_index];
		ln->phase = -1;
		if (given(ld, r, COL_PHASE)) {
			char what[300];
			snprintf(what, sizeof what, "%s '%s'", ln->kind == CRM_COST ? "cost" : "benefit",
				 ln->label);
			if ((st = find_phase_of(ld, r, what, &ln->phase)) != CRM_OK && !go_on(ld, st))
				return st;
		}
	}
	return CRM_OK;
}

void crm_suggest(const char *word, const char *const *cands, size_t n, char *buf, size_t len)
{
	suggest(word, cands, n, buf, len);
}

/* ------------------------------------------------------ classes and groups */

const char *crm_class_name(crm_class c)
{
	return c >= 0 && c < CRM_NCLASSES ? class_names[c] : "?";
}

int crm_class_parse(const char *name)
{
	for (int c = 0; c < CRM_NCLASSES; c++)
		if (!strcmp(name, class_names[c]))
			return c;
	return -1;
}

crm_status crm_classes_parse(const char *list, unsigned *classes, crm_error *err)
{
	const char *p = list;
	unsigned set = 0;

	for (;;) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char name[64], sug[160];
		int c = -1;
		if (len < sizeof name) {
			memcpy(name, p, len);
			name[len] = '\0';
			/* Any case, as in the class column: Cash is cash. */
			char lower[64];
			for (size_t k = 0; k <= len; k++)
				lower[k] = (char)tolower((unsigned char)name[k]);
			c = crm_class_parse(lower);
		} else {
			snprintf(name, sizeof name, "%.60s...", p);
		}
		if (c < 0 && !name[0])
			return crm_error_set(err, CRM_EUSAGE, "", 0, 0, "an empty class name in '%s' "
					     "(expected a comma-separated list of cash, cost_reduction, "
					     "productivity, cost_avoidance, flexibility)", list);
		if (c < 0) {
			suggest(name, class_names, CRM_NCLASSES, sug, sizeof sug);
			return crm_error_set(err, CRM_EUSAGE, "", 0, 0, "unknown class '%s'%s in '%s' "
					     "(expected a comma-separated list of cash, cost_reduction, "
					     "productivity, cost_avoidance, flexibility)", name, sug, list);
		}
		set |= CRM_CLASS_BIT(c);
		if (!end)
			break;
		p = end + 1;
	}
	*classes = set;
	return CRM_OK;
}

int crm_scenario_find_group(const crm_scenario *sc, const char *name)
{
	for (size_t g = 0; g < sc->ngroups; g++)
		if (!strcmp(sc->groups[g].name, name))
			return (int)g;
	return -1;
}
