/*
 * scenario_fields.c - what every stage of the scenario loader uses to read a
 * field and to report a problem with it: the names of the columns and of the
 * settings, errors located at their file, line and column (and the list that
 * checking keeps), "did you mean" suggestions, the name map, typed fields
 * (numbers, rates, whole numbers, text, x_ values), a value cell compiled with
 * its range, and the thousands-dot warning. The names of the enums and the
 * horizon in months are here too, since the stages use them.
 *
 * It is not a stage: it reads no row as a whole and knows no row kind, and it
 * calls no other file of the loader (they all call it).
 */
#include "scenario_priv.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const char *const crm_scen_col_names[NCOLS] = {
	"kind", "name", "value", "low", "high", "dist", "area", "timing", "start",
	"end", "ramp", "curve", "growth", "risk", "owner", "metric", "note", "probability",
	"treatment", "life", "depreciation", "salvage", "date",
	"phase", "baseline", "target", "direction", "due", "unit",
	"group", "class", "adoption", "placeholder", "label", "decide",
	"after", "golive", "skip"
};

const char *const crm_scen_setting_names[] = {
	"title", "currency", "horizon_years", "discount_rate", "period", "start_date",
	"finance_rate", "reinvest_rate", "benefit_risk", "cost_risk",
	"tax_rate", "tax_lag_years", "tax_losses", "declining_factor", "discounting",
	"fiscal_year_start", "readiness", "readiness_floor",
	"plan_slot", "plan_budget", "plan_peak_funding", "plan_golives", "plan_effort",
	"max_loss_probability",
	"decimal_separator",   /* read with its file's rows (scenario_inherit.c), never here */
	NULL
};

_Static_assert(sizeof crm_scen_setting_names / sizeof *crm_scen_setting_names ==
	       CRM_SCEN_NSETTINGS + 1, "CRM_SCEN_NSETTINGS counts every setting");

/* ------------------------------------------------------------- row kinds */

int crm_scen_kind_of(const char *kind)
{
	static const struct { const char *name; int kind; } kinds[] = {
		{ "setting", RK_SETTING }, { "input", RK_INPUT }, { "cost", RK_COST },
		{ "benefit", RK_BENEFIT }, { "correlation", RK_CORRELATION }, { "phase", RK_PHASE },
		{ "criterion", RK_CRITERION }, { "area", RK_AREA }, { "remove", RK_REMOVE },
	};
	int first = tolower((unsigned char)kind[0]);

	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		if (kinds[k].name[0] == first && !strcasecmp(kind, kinds[k].name))
			return kinds[k].kind;
	return RK_OTHER;
}

/* ------------------------------------------------------------ kept text */

/* The scenario's text is in its blocks (crmroi/blocks.h). */
char *crm_scen_keep(crm_scenario *sc, const char *s)
{
	return crm_blocks_strdup(&sc->text, s);
}

void *crm_scen_keep_zeroed(crm_scenario *sc, size_t n)
{
	void *p = crm_blocks_alloc(&sc->text, n, _Alignof(max_align_t));

	if (p)
		memset(p, 0, n);
	return p;
}

char *crm_scen_keep_visible(crm_scenario *sc, const char *s)
{
	char *out = crm_blocks_alloc(&sc->text, crm_csv_visible_size(s), 1);

	if (out)
		crm_csv_visible_to(out, s);
	return out;
}

void crm_scen_text_free(crm_scenario *sc)
{
	crm_blocks_free(&sc->text);
}

/* ----------------------------------------------------------- the name map */

/* A 32-bit hash of len bytes, eight at a time. */
static uint32_t hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ len;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, len - i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 29;
	h *= 0xFF51AFD7ED558CCDULL;
	return (uint32_t)(h >> 32);
}

/* The slot holding key (len bytes, hash h), or the empty slot where it would go. */
static size_t smap_slot(const struct smap *m, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (m->cap - 1);

	while (m->slots[i].key && !(m->slots[i].hash == h && !memcmp(m->slots[i].key, key, len) &&
				    m->slots[i].key[len] == '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Values are stored in 32 bits: an index below UINT32_MAX, or SIZE_MAX. */
static uint32_t val_in(size_t v)
{
	return v == SIZE_MAX ? UINT32_MAX : (uint32_t)v;
}

static size_t val_out(uint32_t v)
{
	return v == UINT32_MAX ? SIZE_MAX : v;
}

/* Whether key is present; its value in *val. */
int crm_scen_smap_get(const struct smap *m, const char *key, size_t len, size_t *val)
{
	if (!m->cap)
		return 0;
	size_t i = smap_slot(m, key, len, hash_bytes(key, len));
	if (!m->slots[i].key)
		return 0;
	*val = val_out(m->slots[i].val);
	return 1;
}

/* Room for one more key: the table stays at most half full. -1 when out of memory. */
static int smap_room(struct smap *m)
{
	if (2 * (m->n + 1) > m->cap) {
		struct smap g = { NULL, m->cap ? 2 * m->cap : 64, 0, m->text };
		if (!(g.slots = calloc(g.cap, sizeof *g.slots)))
			return -1;
		for (size_t k = 0; k < m->cap; k++)
			if (m->slots[k].key) {
				size_t j = m->slots[k].hash & (g.cap - 1);
				while (g.slots[j].key)
					j = (j + 1) & (g.cap - 1);
				g.slots[j] = m->slots[k];
			}
		g.n = m->n;
		free(m->slots);
		*m = g;
	}
	return 0;
}

/* The slot of key, added with val unless there: 1 when it was, 0 when added, -1 on no memory. */
static int smap_put(struct smap *m, const char *key, size_t len, size_t val, int borrow,
		    size_t *slot)
{
	if ((val != SIZE_MAX && val >= UINT32_MAX) || smap_room(m) != 0)
		return -1;   /* the first never happens: rows are far fewer */
	uint32_t h = hash_bytes(key, len);
	size_t i = *slot = smap_slot(m, key, len, h);
	if (m->slots[i].key)
		return 1;
	if (!borrow) {
		char *k = crm_blocks_alloc(&m->text, len + 1, 1);
		if (!k)
			return -1;
		memcpy(k, key, len);
		k[len] = '\0';
		key = k;
	}
	m->slots[i].key = key;
	m->slots[i].hash = h;
	m->slots[i].val = val_in(val);
	m->n++;
	return 0;
}

int crm_scen_smap_add(struct smap *m, const char *key, size_t len, size_t val, int borrow,
		      size_t *existing)
{
	size_t i;
	int had = smap_put(m, key, len, val, borrow, &i);

	if (had == 1)
		*existing = val_out(m->slots[i].val);
	return had;
}

/* Set key to val (adding it if new). -1 when out of memory. */
int crm_scen_smap_set(struct smap *m, const char *key, size_t len, size_t val)
{
	size_t i;
	int had = smap_put(m, key, len, val, 0, &i);

	if (had == 1)
		m->slots[i].val = val_in(val);
	return had < 0 ? -1 : 0;
}

void crm_scen_smap_free(struct smap *m)
{
	crm_blocks_free(&m->text);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

/* ------------------------------------------------------------- small helpers */

/*
 * Every error goes through here: the first one is the caller's err; while
 * checking, each one also goes into the list (the first CRM_MAX_ERRORS of
 * them) and the caller goes on with the next row. Returns e's status.
 */
crm_status crm_scen_record(struct loader *ld, const crm_error *e)
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
void crm_scen_amend_last(struct loader *ld, const char *text)
{
	if (ld->last_is_first && ld->err)
		crm_appendf(ld->err->msg, sizeof ld->err->msg, "%s", text);
	if (ld->last_listed && ld->errors)
		crm_appendf(ld->errors->items[ld->errors->count - 1].msg,
			    sizeof ld->errors->items[0].msg, "%s", text);
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
	return crm_scen_record(ld, &e);
}
crm_status crm_scen_fail_status(struct loader *ld, crm_status status, crm_loc l,
				const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	crm_status st = fail_v(ld, status, l, fmt, ap);
	va_end(ap);
	return st;
}

crm_status crm_scen_fail_at(struct loader *ld, crm_loc l, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	crm_status st = fail_v(ld, CRM_EDATA, l, fmt, ap);
	va_end(ap);
	return st;
}

crm_status crm_scen_nomem(struct loader *ld)
{
	return crm_scen_fail_status(ld, CRM_ENOMEM, (crm_loc){ ld->sc->file, 0, 0 }, "out of memory");
}

/* Edit distance, for "did you mean". Short strings only. */
int crm_scen_distance(const char *a, const char *b)
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
void crm_suggest(const char *word, const char *const *cands, size_t n, char *buf, size_t len)
{
	/* Allow about one edit in three letters, and at least two. */
	int limit = (int)(strlen(word) + 2) / 3, best;
	const char *pick = NULL;

	if (limit < 2)
		limit = 2;
	best = limit + 1;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int dd = crm_scen_distance(word, cands[i]);
		if (dd < best) {
			best = dd;
			pick = cands[i];
		}
	}
	if (pick)
		snprintf(buf, len, " (did you mean '%s'?)", pick);
}

size_t crm_scen_count_list(const char *const *list)
{
	size_t n = 0;
	while (list[n])
		n++;
	return n;
}

int crm_scen_is_identifier(const char *s)
{
	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || *s == '_'))
			return 0;
	return 1;
}

int crm_scen_in_list(const char *s, const char *const *list)
{
	/* The first letter first: most names are in no list (one per input is asked). */
	for (size_t i = 0; list[i]; i++)
		if (s[0] == list[i][0] && strcmp(s, list[i]) == 0)
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

int crm_scenario_months(const crm_scenario *sc) { return 12 * sc->settings.horizon_years; }

int crm_plan_nslots(const crm_scenario *sc)
{
	int len = sc->settings.plan_slot_months > 0 ? sc->settings.plan_slot_months : 3;
	return (crm_scenario_months(sc) + len - 1) / len;
}

int crm_plan_slot_month(const crm_scenario *sc, int slot)
{
	int len = sc->settings.plan_slot_months > 0 ? sc->settings.plan_slot_months : 3;
	return (slot - 1) * len + 1;
}

int crm_line_shift_month(int m, int shift)
{
	int moved = m + shift;

	/* Never before month 1, or month 0 (the Initial column) for a line written there. */
	if (moved < 1 && shift < 0)
		return m == 0 ? 0 : 1;
	return moved;
}


/* --------------------------------------------------------- typed fields */

/*
 * After a message about a number: when v is a number as the other
 * convention writes it (12,5 or 9.500,50 in a file read with decimal
 * points, 12.5 in one read with decimal commas), a sentence that says how
 * to state the file's convention; "" otherwise, and for a number whose one
 * separator is followed by three digits (1,000 groups thousands as often as
 * it is a decimal).
 */
static void convention_hint(const struct srow *r, const char *v, char *hint, size_t len)
{
	crm_decimal other = r->f->dec == CRM_DECIMAL_COMMA ? CRM_DECIMAL_POINT : CRM_DECIMAL_COMMA;
	const char *sep = NULL;
	int nsep = 0;
	double x;

	hint[0] = '\0';
	for (const char *p = v; *p; p++)
		if (*p == ',' || *p == '.') {
			sep = p;
			nsep++;
		}
	if (nsep == 1 && isdigit((unsigned char)sep[1]) && isdigit((unsigned char)sep[2]) &&
	    isdigit((unsigned char)sep[3]) && !isdigit((unsigned char)sep[4]))
		return;
	if (crm_parse_number_in(v, other, &x, NULL, NULL, 0) == CRM_OK)
		snprintf(hint, len, "; if the file writes decimal %ss, say so with the row "
			 "setting%cdecimal_separator%c%s", other == CRM_DECIMAL_COMMA ? "comma" : "point",
			 r->f->sep, r->f->sep, other == CRM_DECIMAL_COMMA ? "comma" : "point");
}

/*
 * Words another column holds, that a number run together with them (3%pert,
 * 12 once) shows a field separator left out between two fields.
 */
static const struct { const char *word, *column; } field_words[] = {
	{ "fixed", "distribution" }, { "triangular", "distribution" }, { "pert", "distribution" },
	{ "uniform", "distribution" }, { "normal", "distribution" }, { "lognormal", "distribution" },
	{ "once", "timing" }, { "monthly", "timing" }, { "yearly", "timing" }, { "annual", "timing" },
	{ "linear", "curve" }, { "scurve", "curve" },
};

/*
 * When the cell v of column c of row r is a number followed by one of
 * field_words (3%pert), writes into buf that the file's field separator (a
 * comma, or ';') seems to be missing between them, and returns 1; else 0.
 * The number is read as r's file writes numbers. v may be any length.
 */
static int run_together(const struct srow *r, const char *v, enum col c, char *buf, size_t len)
{
	size_t n = strlen(v), w, k;
	const char *column = NULL;
	double x;

	while (n && isspace((unsigned char)v[n - 1]))
		n--;
	for (w = n; w && isalpha((unsigned char)v[w - 1]); w--)
		;
	if (w == n || w == 0)
		return 0;
	for (size_t i = 0; i < sizeof field_words / sizeof *field_words; i++)
		if (strlen(field_words[i].word) == n - w &&
		    !strncasecmp(v + w, field_words[i].word, n - w))
			column = field_words[i].column;
	for (k = w; k && isspace((unsigned char)v[k - 1]); k--)
		;
	char *num = column ? malloc(k + 1) : NULL;
	if (!num)
		return 0;
	memcpy(num, v, k);
	num[k] = '\0';
	int ok = crm_parse_number_in(num, r->f->dec, &x, NULL, NULL, 0) == CRM_OK;
	if (ok)
		snprintf(buf, len, "'%.*s' runs two fields together: %s seems to be missing "
			 "between %s%s and the %s %.*s (write %s%c%.*s, each in its column)", (int)n, v,
			 r->f->sep == ';' ? "a ';'" : "a comma", c == COL_VALUE ? "the value " : "", num,
			 column, (int)(n - w), v + w, num, r->f->sep, (int)(n - w), v + w);
	free(num);
	return ok;
}

/* A number cell. what names the field in messages. */
crm_status crm_scen_get_number(struct loader *ld, const struct srow *r, enum col c,
			       const char *what, double *out, int *percent)
{
	char why[512], hint[160];
	const char *v = field(ld, r, c);

	if (crm_parse_number_in(v, r->f->dec, out, percent, why, sizeof why) != CRM_OK) {
		if (run_together(r, v, c, why, sizeof why))
			return FAIL(ld, r, c, "%s: %s", what, why);
		convention_hint(r, v, hint, sizeof hint);
		return FAIL(ld, r, c, "%s: %s%s", what, why, hint);
	}
	return CRM_OK;
}

/*
 * A rate or fraction: "12%" or "0.12". A bare number above 1 is refused because
 * it almost always means a forgotten '%' (discount_rate=12 would be 1200%).
 */
crm_status crm_scen_get_rate(struct loader *ld, const struct srow *r, enum col c,
			     const char *what, double lo, double hi, double *out)
{
	int pct = 0;
	crm_status st = crm_scen_get_number(ld, r, c, what, out, &pct);

	if (st != CRM_OK)
		return st;
	if (!pct && fabs(*out) > RATE_BARE_MAX) {
		/* Suggest only what would be accepted: 20 for a risk means 20%, never 2000%. */
		const char *v = field(ld, r, c);
		int as_percent = *out / 100 >= lo && *out / 100 <= hi;
		int as_written = *out >= lo && *out <= hi;
		char x[32];
		crm_number_text(x, sizeof x, *out * 100, r->f->dec);
		if (as_percent && as_written)
			return FAIL(ld, r, c, "%s: '%s' would mean %s%%; write %s%% for a percentage, "
				    "or %s%% with the sign if that much is meant", what, v, x, v, x);
		if (as_percent)
			return FAIL(ld, r, c, "%s: '%s' would mean %s%%; write %s%% for a percentage "
				    "(%s is %g%% to %g%%)", what, v, x, v, what, lo * 100, hi * 100);
		return FAIL(ld, r, c, "%s: '%s' would mean %s%%, and %s is %g%% to %g%%", what, v,
			    x, what, lo * 100, hi * 100);
	}
	if (!(*out >= lo && *out <= hi))
		return FAIL(ld, r, c, "%s: '%s' is out of range (expected %g%% to %g%%)", what,
			    field(ld, r, c), lo * 100, hi * 100);
	return CRM_OK;
}

/* A whole number of months (or years) >= min. */
crm_status crm_scen_get_whole(struct loader *ld, const struct srow *r, enum col c,
			      const char *what, int min, int max, int *out)
{
	double v;
	int pct;
	crm_status st = crm_scen_get_number(ld, r, c, what, &v, &pct);

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

/* Columns that mean nothing for a row of this kind must be empty. */
crm_status crm_scen_check_unused(struct loader *ld, const struct srow *r, const char *kind,
				 const enum col *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (given(ld, r, cols[i]))
			return FAIL(ld, r, cols[i], "'%s' is given for %s %s row, where it has no "
				    "meaning (leave the %s column empty)", field(ld, r, cols[i]),
				    strchr("aeiouAEIOU", kind[0]) && kind[0] ? "an" : "a", kind,
				    crm_scen_col_names[cols[i]]);
	return CRM_OK;
}

/* ------------------------------------------------------ values and ranges */

int crm_scen_lookup_input(void *ctx, const char *name, size_t len)
{
	struct loader *ld = ctx;
	size_t idx;

	if (crm_scen_smap_get(&ld->input_names, name, len, &idx))
		return (int)idx;
	snprintf(ld->unknown, sizeof ld->unknown, "%.*s", (int)len, name);
	return -1;
}

crm_status crm_scen_compile_value(struct loader *ld, const struct srow *r, const char *what,
				  crm_expr **out)
{
	crm_error e;
	crm_loc l = loc_of(ld, r, COL_VALUE);

	crm_error_clear(&e);
	ld->unknown[0] = '\0';
	*out = crm_expr_compile_in(field(ld, r, COL_VALUE), r->f->dec, crm_scen_lookup_input, ld, &e);
	if (*out) {
		const double *v;
		size_t n = crm_expr_kind(*out) == CRM_VALUE_SERIES ? crm_expr_series(*out, &v) : 0;
		int years = ld->sc->settings.horizon_years;
		char dropped[80];
		if (n <= (size_t)years)
			return CRM_OK;
		if (n == (size_t)years + 1)
			snprintf(dropped, sizeof dropped, "year %d is", years + 1);
		else
			snprintf(dropped, sizeof dropped, "years %d-%zu are", years + 1, n);
		if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: the series gives "
				     "%zu years but the horizon is %d year%s: %s not used", what, n, years,
				     years == 1 ? "" : "s", dropped) != CRM_OK)
			return crm_scen_nomem(ld);
		return CRM_OK;
	}
	if (e.status == CRM_ENOMEM)
		return crm_scen_nomem(ld);
	char hint[160];
	if (run_together(r, field(ld, r, COL_VALUE), COL_VALUE, e.msg, sizeof e.msg))
		return crm_scen_fail_at(ld, l, "%s: %s", what, e.msg);
	/* A did-you-mean for an unknown input, not for a function's name used without '('. */
	if (ld->unknown[0] && strstr(e.msg, "unknown input '")) {
		const char **names = malloc((ld->sc->ninputs + 1) * sizeof *names);
		char sug[160] = "";
		if (names) {
			for (size_t i = 0; i < ld->sc->ninputs; i++)
				names[i] = ld->sc->inputs[i].name;
			crm_suggest(ld->unknown, names, ld->sc->ninputs, sug, sizeof sug);
			free(names);
		}
		return crm_scen_fail_at(ld, l, "%s: %s%s", what, e.msg, sug);
	}
	convention_hint(r, field(ld, r, COL_VALUE), hint, sizeof hint);
	return crm_scen_fail_at(ld, l, "%s: %s%s", what, e.msg, hint);
}

/* Reject "(100)": an accounting-style negative would silently read as +100. */
crm_status crm_scen_check_accounting(struct loader *ld, const struct srow *r, const char *what)
{
	const char *v = field(ld, r, COL_VALUE);
	size_t n = strlen(v);
	double x;

	if (n > 2 && v[0] == '(' && v[n - 1] == ')') {
		char *inner = malloc(n - 1);   /* any length: a long number is still a number */
		crm_status st = CRM_OK;
		if (!inner)
			return crm_scen_nomem(ld);
		memcpy(inner, v + 1, n - 2);
		inner[n - 2] = '\0';
		if (crm_parse_number_in(inner, r->f->dec, &x, NULL, NULL, 0) == CRM_OK)
			st = FAIL(ld, r, COL_VALUE, "%s: '%s' looks like an accounting negative; "
				  "write -%s", what, v, inner);
		free(inner);
		return st;
	}
	return CRM_OK;
}

crm_status crm_scen_read_range(struct loader *ld, const struct srow *r, const char *what,
			       const crm_expr *value, crm_range *rg)
{
	int has_low = given(ld, r, COL_LOW), has_high = given(ld, r, COL_HIGH);
	const char *d = field(ld, r, COL_DIST);
	crm_status st;

	static const enum col cells[3] = { COL_LOW, COL_HIGH, COL_DIST };
	for (int k = 0; k < 3; k++) {
		crm_loc l = loc_of(ld, r, cells[k]);
		rg->file = l.file;
		rg->cell_line[k] = l.line;
		rg->cell_col[k] = l.col;
	}
	if (*d) {
		static const char *const dn[] = { "fixed", "triangular", "pert", "uniform", "normal",
			"lognormal", NULL };
		int k = -1;
		for (int i = 0; dn[i]; i++)
			if (!strcasecmp(d, dn[i]))
				k = i;
		if (k < 0) {
			char sug[160];
			crm_suggest(d, dn, 6, sug, sizeof sug);
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
	if ((st = crm_scen_get_number(ld, r, COL_LOW, "low", &rg->low, NULL)) != CRM_OK ||
	    (st = crm_scen_get_number(ld, r, COL_HIGH, "high", &rg->high, NULL)) != CRM_OK)
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
	rg->low_text = crm_scen_keep(ld->sc, field(ld, r, COL_LOW));
	rg->high_text = crm_scen_keep(ld->sc, field(ld, r, COL_HIGH));
	if (!rg->low_text || !rg->high_text)
		return crm_scen_nomem(ld);
	rg->given = 1;
	return CRM_OK;
}

crm_status crm_scen_copy_text(struct loader *ld, const struct srow *r, enum col c, char **out)
{
	/*
	 * A name shown to people (an area, an owner, a unit): its line breaks and
	 * tabs visible, never a line of its own. A note and a formula keep theirs.
	 */
	const char *raw = field(ld, r, c);
	/* An area, an owner, a unit repeat from row to row: kept once while they do. */
	if (ld->copied_raw[c] && !strcmp(raw, ld->copied_raw[c])) {
		*out = ld->copied[c];
		return CRM_OK;
	}
	*out = c == COL_NOTE || c == COL_VALUE ? crm_scen_keep(ld->sc, raw)
					       : crm_scen_keep_visible(ld->sc, raw);
	if (!*out)
		return crm_scen_nomem(ld);
	ld->copied_raw[c] = raw;
	ld->copied[c] = *out;
	return CRM_OK;
}

/*
 * The x_ values of a row: one block holding the pointer array and the strings,
 * so that a row costs one allocation however many x_ columns there are.
 */
crm_status crm_scen_copy_extra(struct loader *ld, const struct srow *r, char ***out)
{
	crm_scenario *sc = ld->sc;
	size_t bytes = sc->nextra * sizeof **out;

	*out = NULL;
	if (!sc->nextra)
		return CRM_OK;
	for (size_t k = 0; k < sc->nextra; k++)
		bytes += (r->extra && k < r->nextra && r->extra[k] ? strlen(r->extra[k]) : 0) + 1;
	char **block = crm_blocks_alloc(&sc->text, bytes, _Alignof(char *));
	if (!block)
		return crm_scen_nomem(ld);
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

/* ----------------------------------------------------------------- units */

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
crm_status crm_scen_warn_thousands_dot(struct loader *ld, const struct srow *r, enum col c,
				       const char *what)
{
	const char *v = field(ld, r, c);
	crm_loc l = loc_of(ld, r, c);

	/* With decimal commas a dot groups thousands: 850.000 is 850000, as meant. */
	if (r->f->dec == CRM_DECIMAL_COMMA || !looks_like_thousands_dot(v))
		return CRM_OK;
	const char *dot = strchr(v, '.');
	double x = 0;
	crm_parse_number(v, &x, NULL, NULL, 0);
	if (crm_warnings_add(&ld->sc->warnings, l.file, l.line, l.col, "%s: '%s' reads as %g "
			     "(the dot is a decimal point); if %.*s%s is meant, write it without "
			     "the dot", what, v, x, (int)(dot - v), v, dot + 1) != CRM_OK)
		return crm_scen_nomem(ld);
	return CRM_OK;
}
