/*
 * scenario_inherit.c - the first stage of loading: the scenario file and the
 * bases it inherits from, as one list of merged rows. Each file's CSV is
 * parsed and its header read; its `setting,base` row reads the base first
 * (recursively, refusing a circle); then each of its own rows replaces the
 * inherited row of the same kind and name, takes inherited rows out
 * (kind=remove), or is added. Every row kept gets its origin (sc->origins).
 *
 * It does not look into a row beyond its kind and name: the later stages read
 * settings, inputs, lines and the rest from the merged rows.
 */
#define _XOPEN_SOURCE 700   /* realpath */
#include "scenario_priv.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Marks a merged row (or map entry) that a remove row took out. */
#define GONE SIZE_MAX

/* ------------------------------------------------------------- header */

/* What one file's header says. */
struct header {
	int colmap[NCOLS];         /* field index of each known column, or -1 */
	int *extra;                /* field index -> index in sc->extra_names, or -1 */
	int width;                 /* fields the header names */
	const struct sfile *kept;  /* the file as rows point to it, in ld->sfiles */
	char sep;                  /* the file's field separator: ',' or ';' */
	crm_decimal dec;           /* how the file writes numbers */
};

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

static int has_column(const crm_csv_row *r, const char *name)
{
	for (int fi = 0; fi < r->nfields; fi++)
		if (!strcasecmp(r->fields[fi], name))
			return 1;
	return 0;
}

enum other_file { NOT_OTHER, ANSWERS_FILE, ACTUALS_FILE };

/*
 * Whether the header r is that of another file crmroi reads: an answers file
 * of crmroi assess, an actuals file of crmroi track. No scenario has their
 * columns (id, answer; period).
 */
static enum other_file other_file(const crm_csv_row *r)
{
	if (has_column(r, "id") && has_column(r, "answer"))
		return ANSWERS_FILE;
	if (has_column(r, "period") && has_column(r, "kind") && has_column(r, "name") &&
	    has_column(r, "value"))
		return ACTUALS_FILE;
	return NOT_OTHER;
}

static crm_status read_header(struct loader *ld, const crm_csv_row *r, const char *file,
			      struct header *hd)
{
	for (int c = 0; c < NCOLS; c++)
		hd->colmap[c] = -1;
	hd->width = 0;
	hd->extra = malloc(((size_t)r->nfields + 1) * sizeof *hd->extra);
	if (!hd->extra)
		return crm_scen_nomem(ld);
	if (r->nfields == 1 && (strchr(r->fields[0], ';') || strchr(r->fields[0], '\t')))
		return crm_scen_fail_at(ld, (crm_loc){ file, r->line, 1 }, "header '%s' is one "
					"column: the file seems to use '%c' between fields; save "
					"it as CSV, with ',' or ';' between fields", r->fields[0],
					strchr(r->fields[0], ';') ? ';' : '\t');
	/* The other CSV files crmroi reads: say which command reads them. */
	/* As the command line names the file: standard input is -. */
	const char *arg = strcmp(file, "<stdin>") ? file : "-";
	switch (other_file(r)) {
	case ANSWERS_FILE:
		return crm_scen_fail_at(ld, (crm_loc){ file, r->line, 1 }, "this is the answers file "
					"of a readiness self-assessment (its header has the columns id "
					"and answer), not a scenario: crmroi assess reads it (crmroi "
					"assess %s), and a scenario takes its score with the setting "
					"readiness", arg);
	case ACTUALS_FILE:
		return crm_scen_fail_at(ld, (crm_loc){ file, r->line, 1 }, "this is an actuals file "
					"(its header has the columns period, kind, name and value), not "
					"a scenario: crmroi track reads it after the scenario of the plan "
					"(crmroi track PLAN.csv %s)", arg);
	case NOT_OTHER:
		break;
	}
	for (int fi = 0; fi < r->nfields; fi++) {
		char *h = r->fields[fi];
		crm_loc l = { file, crm_csv_field_line(r, fi), fi + 1 };
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
			return crm_scen_fail_at(ld, l, "empty column name in the header (expected "
						"one of kind, name, value, ... or a name starting "
						"with x_)");
		}
		if (!strncmp(h, "x_", 2)) {
			if (ld->sc->nextra >= CRM_MAX_EXTRA_COLUMNS &&
			    extra_known(ld, h) < 0)
				return crm_scen_fail_at(ld, l, "more than %d x_ columns (the limit of "
							"crmroi-scenario(5))", CRM_MAX_EXTRA_COLUMNS);
			for (int k = 0; k < fi; k++)
				if (!strcmp(r->fields[k], h))
					return crm_scen_fail_at(ld, l, "column '%s' appears twice in "
								"the header", h);
			if ((hd->extra[fi] = extra_index(ld, h)) < 0)
				return crm_scen_nomem(ld);
			hd->width = fi + 1;
			continue;
		}
		for (int c = 0; c < NCOLS; c++)
			if (!strcmp(h, crm_scen_col_names[c]))
				found = c;
		if (found < 0) {
			char sug[160];
			crm_suggest(h, crm_scen_col_names, NCOLS, sug, sizeof sug);
			return crm_scen_fail_at(ld, l, "unknown column '%s'%s (expected kind, name, "
						"value, low, high, dist, area, timing, start, end, "
						"ramp, curve, growth, risk, probability, owner, "
						"metric, note, treatment, life, depreciation, salvage, "
						"date, phase, baseline, target, direction, due, unit, "
						"group, class, adoption, placeholder, or a name starting "
						"with x_ for your own notes)", h, sug);
		}
		if (hd->colmap[found] >= 0)
			return crm_scen_fail_at(ld, l, "column '%s' appears twice in the header "
						"(first as column %d)", h, hd->colmap[found] + 1);
		hd->colmap[found] = fi;
		hd->width = fi + 1;
	}
	for (int c = COL_KIND; c <= COL_VALUE; c++)
		if (hd->colmap[c] < 0)
			return crm_scen_fail_at(ld, (crm_loc){ file, r->line, 0 }, "the header has no "
						"'%s' column (kind, name and value are required)",
						crm_scen_col_names[c]);
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

/* Fields past the header's columns must be empty: a stray separator shifts values. */
static crm_status check_width(struct loader *ld, const crm_csv_row *r, const char *file,
			      const struct header *hd)
{
	for (int fi = hd->width; fi < r->nfields; fi++) {
		if (r->fields[fi][0] == '\0')
			continue;
		crm_loc l = { file, crm_csv_field_line(r, fi), fi + 1 };
		if (hd->sep == ';')
			return crm_scen_fail_at(ld, l, "'%s' is past the last column of the header "
						"(the header has %d columns; a ';' inside a value "
						"shifts the fields: quote the value, as in "
						"\"100;120;150\" for a series)", r->fields[fi], hd->width);
		if (hd->dec == CRM_DECIMAL_COMMA)
			return crm_scen_fail_at(ld, l, "'%s' is past the last column of the header "
						"(the header has %d columns; a comma inside a value "
						"shifts the fields: quote the value, as in \"12,5\")",
						r->fields[fi], hd->width);
		return crm_scen_fail_at(ld, l, "'%s' is past the last column of the header (the "
					"header has %d columns; a comma inside a value shifts "
					"the fields: quote the value, or write 12.5 rather "
					"than 12,5)", r->fields[fi], hd->width);
	}
	return CRM_OK;
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
			return crm_scen_nomem(ld);
		sc->origins = o;
		ld->caporigins = ncap;
	}
	o = &sc->origins[sc->norigins];
	memset(o, 0, sizeof *o);
	snprintf(o->kind, sizeof o->kind, "%s", kind);
	if (!(o->name = crm_scen_keep(sc, name)))
		return crm_scen_nomem(ld);
	o->loc = loc;
	o->replaced = replaced;
	sc->norigins++;
	return CRM_OK;
}

/* The merged row a key names, if it is inherited (from a deeper file than depth). */
static int inherited(struct loader *ld, const char *key, int depth, size_t *at)
{
	size_t i;

	if (!crm_scen_smap_get(&ld->merged, key, strlen(key), &i) || i == GONE)
		return 0;
	if (ld->rows[i].gone || ld->rows[i].f->depth <= depth)
		return 0;
	*at = i;
	return 1;
}

static crm_status too_many_rows(struct loader *ld, const struct srow *nr)
{
	return FAIL(ld, nr, COL_KIND, "more than %d rows in the scenario and its bases (the "
		    "limit of crmroi-scenario(5))", CRM_MAX_ROWS);
}

/*
 * Put row nr into the merged rows (read_rows made room for every row of its
 * file): it replaces an inherited row with the same kind and name, removes
 * inherited rows (kind=remove), or is added. Removed rows are only marked
 * (gone) here and dropped once every file is read, so that indices in
 * ld->merged stay valid.
 */
static crm_status merge_row(struct loader *ld, struct srow *nr)
{
	crm_loc here = { srow_file(nr), srow_line(nr), 0 };
	size_t i;

	if (nr->kind == RK_REMOVE) {
		static const char *const kinds[] = { "input", "cost", "benefit", "correlation",
			"phase", "criterion", "area" };
		static const enum col unused[] = { COL_VALUE, COL_LOW, COL_HIGH, COL_DIST, COL_AREA,
			COL_TIMING, COL_START, COL_END, COL_RAMP, COL_CURVE, COL_GROWTH, COL_RISK,
			COL_PROBABILITY, COL_GROUP, COL_CLASS, COL_PLACEHOLDER, COL_LABEL, COL_DECIDE,
			COL_AFTER, COL_GOLIVE, COL_SKIP };
		int removed = 0;
		for (size_t u = 0; u < sizeof unused / sizeof *unused; u++)
			if (rowf(nr, unused[u])[0])
				return FAIL(ld, nr, unused[u], "a remove row names what to remove in its "
					    "name column; leave %s empty", crm_scen_col_names[unused[u]]);
		for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
			char *key = row_key(kinds[k], rowf(nr, COL_NAME));
			if (!key)
				return crm_scen_nomem(ld);
			if (inherited(ld, key, nr->f->depth, &i)) {
				crm_loc was = { srow_file(&ld->rows[i]), srow_line(&ld->rows[i]), 0 };
				crm_status st = add_origin(ld, "remove", rowf(nr, COL_NAME), here, was);
				if (st == CRM_OK &&
				    crm_scen_smap_set(&ld->merged, key, strlen(key), GONE) != 0)
					st = crm_scen_nomem(ld);
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
	if (!ld->merge_lookup && !ld->merge_insert) {
		/* A file with no base, read last: nothing to replace, nothing to look up later. */
		if (ld->nrows >= CRM_MAX_ROWS)
			return too_many_rows(ld, nr);
		ld->rows[ld->nrows++] = *nr;
		return CRM_OK;
	}
	char *key = row_key(rowf(nr, COL_KIND), rowf(nr, COL_NAME));
	if (!key)
		return crm_scen_nomem(ld);
	if (inherited(ld, key, nr->f->depth, &i)) {
		nr->replaced_file = (unsigned char)ld->rows[i].f->index;
		nr->replaced_line = srow_line(&ld->rows[i]);
		free(ld->rows[i].extra);
		ld->rows[i] = *nr;
		free(key);
		return CRM_OK;
	}
	if (ld->nrows >= CRM_MAX_ROWS) {
		free(key);
		return too_many_rows(ld, nr);
	}
	/* The first row with a key is the one a later file replaces (a second one in
	 * the same file is an error found when rows are read). */
	size_t old;
	if ((!crm_scen_smap_get(&ld->merged, key, strlen(key), &old) || old == GONE) &&
	    crm_scen_smap_set(&ld->merged, key, strlen(key), ld->nrows) != 0) {
		free(key);
		return crm_scen_nomem(ld);
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
		return crm_scen_nomem(ld);
	char *real = realpath(path, NULL);
	if (!real) {
		/* A base that cannot be read is a file problem (exit 3), said at the row naming it. */
		crm_loc l = loc_of(ld, r, COL_VALUE);
		st = crm_scen_fail_status(ld, CRM_EIO, l, "base scenario '%s' cannot be opened "
					  "(looked for %s: %s)", value, path, strerror(errno));
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
	if ((st = crm_read_file(path, "scenario file", &buf, &len, &e)) != CRM_OK) {
		crm_loc l = loc_of(ld, r, COL_VALUE);
		free(real);
		st = crm_scen_fail_status(ld, st, l, "base scenario '%s': %s", path, e.msg);
		free(path);
		return st;
	}
	const char *kept = keep_name(ld, path);
	free(path);
	ch->real[ch->n] = real;
	ch->name[ch->n] = kept;
	ch->n++;
	ld->own_buf = buf;
	st = kept ? read_rows(ld, buf, len, kept, 0, ch, depth + 1) : crm_scen_nomem(ld);
	ch->n--;
	free(real);
	ch->real[ch->n] = NULL;
	free(ld->own_buf);   /* NULL once parsed */
	ld->own_buf = NULL;
	return st;
}

/* Whether a CSV row is `setting,base,...`. */
static int is_base_row(const crm_csv_row *cr, const struct header *hd)
{
	int k = hd->colmap[COL_KIND], n = hd->colmap[COL_NAME];

	return k < cr->nfields && n < cr->nfields && !strcasecmp(cr->fields[k], "setting") &&
	       !strcmp(cr->fields[n], "base");
}

/* Whether a CSV row is `setting,decimal_separator,...`: it is about its own file alone. */
static int is_decimal_row(const crm_csv_row *cr, const struct header *hd)
{
	int k = hd->colmap[COL_KIND], n = hd->colmap[COL_NAME];

	return k < cr->nfields && n < cr->nfields && !strcasecmp(cr->fields[k], "setting") &&
	       !strcmp(cr->fields[n], "decimal_separator");
}

/*
 * How a file writes its numbers: with decimal commas when its fields are
 * separated by ';' (a spreadsheet with a European locale saves "CSV" so),
 * with decimal points otherwise, unless its row setting,decimal_separator
 * says which. The row is about the file it is in: a base and the file that
 * inherits from it may differ. A note says how a file was read when that
 * is not with commas and decimal points.
 */
static crm_status read_decimal(struct loader *ld, const crm_csv_table *t, size_t h,
			       const char *name, struct header *hd)
{
	static const char *const words[] = { "comma", "point", "dot", NULL };
	int given = 0, stated = 0;

	hd->dec = hd->sep == ';' ? CRM_DECIMAL_COMMA : CRM_DECIMAL_POINT;
	for (size_t i = h + 1; i < t->nrows; i++) {
		const crm_csv_row *cr = &t->rows[i];
		crm_status st;
		if (is_comment(cr) || is_blank_row(cr) || !is_decimal_row(cr, hd))
			continue;
		if ((st = check_width(ld, cr, name, hd)) != CRM_OK) {
			if (go_on(ld, st))
				continue;
			return st;
		}
		int vi = hd->colmap[COL_VALUE], ni = hd->colmap[COL_NAME];
		const char *v = vi < cr->nfields ? cr->fields[vi] : "";
		crm_loc l = { name, vi < cr->nfields ? crm_csv_field_line(cr, vi) : cr->line, vi + 1 };
		if (given) {
			st = crm_scen_fail_at(ld, (crm_loc){ name, crm_csv_field_line(cr, ni), ni + 1 },
					      "setting 'decimal_separator' is given twice (first on "
					      "line %d)", given);
			if (go_on(ld, st))
				continue;
			return st;
		}
		given = cr->line;
		stated = 1;
		if (!strcasecmp(v, "comma") || !strcmp(v, ","))
			hd->dec = CRM_DECIMAL_COMMA;
		else if (!strcasecmp(v, "point") || !strcasecmp(v, "dot") || !strcmp(v, "."))
			hd->dec = CRM_DECIMAL_POINT;
		else {
			stated = 0;
			char sug[160];
			crm_suggest(v, words, 3, sug, sizeof sug);
			st = crm_scen_fail_at(ld, l, "setting 'decimal_separator': '%s' is not a "
					      "decimal separator%s (expected comma, as in 1.234,56, or "
					      "point, as in 1234.56)", v, sug);
			if (!go_on(ld, st))
				return st;
		}
	}
	if (hd->sep == ',' && hd->dec == CRM_DECIMAL_POINT)
		return CRM_OK;
	static const char args[] = ", a function's arguments separated by ';' (min(a; b))";
	crm_status st;
	if (!stated)
		st = crm_warnings_add_note(&ld->sc->warnings, name, t->rows[h].line, 0,
					   CRM_CSV_SEMICOLON_NOTE "%s", args);
	else if (hd->dec == CRM_DECIMAL_COMMA)
		st = crm_warnings_add_note(&ld->sc->warnings, name, t->rows[h].line, 0, "read as "
					   "the setting decimal_separator says: %snumbers with a decimal "
					   "comma (1.234,56 or 62,5%%)%s", hd->sep == ';' ?
					   "fields separated by ';', " : "", args);
	else
		st = crm_warnings_add_note(&ld->sc->warnings, name, t->rows[h].line, 0, "read as "
					   "the setting decimal_separator says: fields separated by ';', "
					   "numbers with a decimal point (1234.56)");
	return st == CRM_OK ? CRM_OK : crm_scen_nomem(ld);
}

/* A CSV row in canonical column order. r->extra is the caller's to free. */
static crm_status make_row(struct loader *ld, const crm_csv_row *cr, const struct header *hd,
			   struct srow *r)
{
	memset(r, 0, sizeof *r);
	r->f = hd->kept;
	r->input = -1;
	r->cr = cr;
	r->kind = (unsigned char)crm_scen_kind_of(rowf(r, COL_KIND));
	/* x_ values: an array only for a row that has any, so that memory stays in
	 * proportion to the file. */
	for (int fi = 0; fi < cr->nfields && fi < hd->width; fi++)
		if (hd->extra[fi] >= 0 && cr->fields[fi][0]) {
			if (!r->extra) {
				r->nextra = (unsigned short)ld->sc->nextra;
				if (!(r->extra = calloc(r->nextra + 1, sizeof *r->extra)))
					return crm_scen_nomem(ld);
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
		return crm_scen_nomem(ld);
	ld->tables = tabs;
	size_t mine = ld->ntables;
	crm_csv_table *t = &ld->tables[mine];
	crm_error e;
	crm_error_clear(&e);
	memset(&hd, 0, sizeof hd);
	hd.sep = crm_csv_detect_sep(buf, len);
	st = crm_csv_parse_sep(buf, len, chunk, hd.sep, name, t, &e);
	if (buf == ld->own_buf) {
		/* A large file's text and its fields are not both held while rows are read. */
		free(ld->own_buf);
		ld->own_buf = NULL;
	}
	if (st != CRM_OK)
		return crm_scen_record(ld, &e);
	ld->ntables++;
	for (i = 0; i < t->nrows; i++)
		for (int f = 0; f < t->rows[i].nfields; f++)
			crm_csv_trim(t->rows[i].fields[f]);
	for (h = 0; h < t->nrows; h++)
		if (!is_comment(&t->rows[h]) && !is_blank_row(&t->rows[h]))
			break;
	if (h == t->nrows)
		return crm_scen_fail_at(ld, (crm_loc){ name, 0, 0 }, "no header row: the file is "
					"empty or holds only comments (expected a header such as "
					"kind,name,value)");
	if ((st = read_header(ld, &t->rows[h], name, &hd)) != CRM_OK ||
	    (st = read_decimal(ld, t, h, name, &hd)) != CRM_OK)
		goto done;
	struct sfile **files = realloc(ld->sfiles, (ld->nsfiles + 1) * sizeof *files);
	if (!files) {
		st = crm_scen_nomem(ld);
		goto done;
	}
	ld->sfiles = files;
	struct sfile *sf = malloc(sizeof *sf);
	if (!sf || ld->nsfiles > UCHAR_MAX) {   /* never: a base chain is short */
		free(sf);
		st = crm_scen_nomem(ld);
		goto done;
	}
	memcpy(sf->colmap, hd.colmap, sizeof hd.colmap);
	sf->name = name;
	sf->depth = depth;
	sf->index = (int)ld->nsfiles;
	sf->sep = hd.sep;
	sf->dec = hd.dec;
	files[ld->nsfiles++] = sf;
	hd.kept = sf;

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
			st = crm_scen_fail_at(ld, (crm_loc){ name, crm_csv_field_line(cr, hd.colmap[COL_NAME]),
					      hd.colmap[COL_NAME] + 1 }, "setting 'base' is given "
					      "twice (first on line %d)", srow_line(&base));
			if (go_on(ld, st))
				continue;
			goto done_base;
		}
		if ((st = make_row(ld, cr, &hd, &base)) != CRM_OK)
			goto done;
		have_base = 1;
	}
	/* A base that cannot be read: while checking, this file's own rows are still read. */
	if (have_base && (st = read_base(ld, &base, name, ch, depth)) != CRM_OK && !go_on(ld, st))
		goto done_base;
	t = &ld->tables[mine];   /* reading the base may have moved the tables */
	/* Room for every row of the file at once (the table's rows are bounded). */
	if (ld->caprows < ld->nrows + (t->nrows - h)) {
		size_t ncap = ld->nrows + (t->nrows - h);
		struct srow *n = realloc(ld->rows, ncap * sizeof *n);
		if (!n) {
			st = crm_scen_nomem(ld);
			goto done_base;
		}
		ld->rows = n;
		ld->caprows = ncap;
	}
	/* Rows of a base are looked up by later files; a file with bases looks up. */
	ld->merge_lookup = ld->nrows > 0;
	ld->merge_insert = depth > 0;
	for (i = h + 1; i < t->nrows; i++) {
		const crm_csv_row *cr = &t->rows[i];
		struct srow r;
		if (is_comment(cr) || is_blank_row(cr) || is_base_row(cr, &hd) ||
		    is_decimal_row(cr, &hd))
			continue;
		if ((st = check_width(ld, cr, name, &hd)) != CRM_OK) {
			if (go_on(ld, st))
				continue;   /* the row is skipped; its fields cannot be trusted */
			goto done_base;
		}
		if ((st = make_row(ld, cr, &hd, &r)) != CRM_OK)
			goto done_base;
		st = merge_row(ld, &r);
		/* A merged row now owns its extra array; a remove row is not kept. */
		if (st != CRM_OK || r.kind == RK_REMOVE)
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

/*
 * Read the scenario in buf (called name) and every base it names into
 * ld->rows: rows taken out by remove rows are dropped, and each row kept gets
 * its origin. The first error's status; while checking, CRM_OK after bad data.
 */
crm_status crm_scen_read_files(struct loader *ld, const char *buf, size_t len, const char *name,
			       size_t chunk)
{
	struct chain ch;
	crm_status st = CRM_OK;

	memset(&ch, 0, sizeof ch);
	const char *kept = keep_name(ld, ld->sc->file);
	ch.real[0] = strcmp(name, "<stdin>") ? realpath(name, NULL) : NULL;
	ch.name[0] = kept;
	ch.n = 1;
	if (!kept)
		st = crm_scen_nomem(ld);
	if (st == CRM_OK)
		st = read_rows(ld, buf, len, kept, chunk, &ch, 0);
	free(ch.real[0]);
	/* Rows taken out by remove rows go now; the others keep their order. */
	size_t kept_rows = 0;
	for (size_t i = 0; i < ld->nrows; i++) {
		if (ld->rows[i].gone)
			continue;
		ld->rows[kept_rows++] = ld->rows[i];
	}
	ld->nrows = kept_rows;
	/* Merging is over: its map goes. */
	crm_scen_smap_free(&ld->merged);
	/* Origins say where an inheriting scenario's rows come from; one file needs none. */
	if (ld->sc->nfiles < 2)
		return st;
	if (st == CRM_OK && ld->caporigins < ld->sc->norigins + ld->nrows) {
		crm_origin *o = realloc(ld->sc->origins, (ld->sc->norigins + ld->nrows) *
					sizeof *o);
		if (!o)
			return crm_scen_nomem(ld);
		ld->sc->origins = o;
		ld->caporigins = ld->sc->norigins + ld->nrows;
	}
	for (size_t i = 0; st == CRM_OK && i < ld->nrows; i++) {
		const struct srow *r = &ld->rows[i];
		char kind[16];
		snprintf(kind, sizeof kind, "%s", rowf(r, COL_KIND));
		for (char *p = kind; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		crm_loc replaced = { NULL, 0, 0 };
		if (r->replaced_line)
			replaced = (crm_loc){ ld->sfiles[r->replaced_file]->name, r->replaced_line, 0 };
		st = add_origin(ld, kind, rowf(r, COL_NAME), (crm_loc){ srow_file(r), srow_line(r), 0 },
				replaced);
	}
	return st;
}
