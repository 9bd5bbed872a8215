/*
 * track.c - the approved plan against actuals, month by month.
 *
 * Reading actuals files: the same CSV conventions as scenarios (comments,
 * header in any order, x_ columns ignored, located errors). Tracking: the
 * plan is evaluated on the monthly grid twice (as approved, risk-adjusted,
 * and before risk adjustment); actuals replace the plan in the months to
 * date; indexes compare them over the months that have actuals; the
 * re-forecast continues with the plan or with the plan times each line's
 * index, and is discounted on the scenario's own grid. Criteria are judged
 * against their targets and due months, and each phase gets a gate verdict.
 *
 * Not here: printing (src/cli/cmd_track.c), and the cash-flow rules
 * themselves (model.c).
 */
#include "crmroi/track.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/analysis.h"
#include "crmroi/csvread.h"
#include "crmroi/expr.h"
#include "crmroi/model.h"

/*
 * A plan smaller than half a cent (of the scenario's currency) counts as no
 * plan: an index or a variance % would divide by it.
 */
#define TRACK_MIN_PLAN 0.005
/* The largest amount an actual may book in a month: beyond it, a typo (or an overflow). */
#define TRACK_MAX_AMOUNT 1e15
/* The monthly plan folded into years may differ from the yearly plan by rounding only. */
#define TRACK_FOLD_REL_TOL 1e-9

struct crm_actuals {
	const crm_scenario *sc;
	crm_actual *items;
	size_t n, cap;
	size_t nslots;          /* lines + criteria + inputs + lines (events) */
	size_t *seen;           /* (months + 1) x nslots: 1 + index in items, 0 when none */
	char **files;           /* names used in messages, owned */
	size_t nfiles;
	crm_decimal dec;        /* how the file being read writes numbers */
	crm_warnings notes;     /* how files were read, when not with commas and decimal points */
};

/* ------------------------------------------------------------- helpers */

void crm_track_month_label(const crm_scenario *sc, int month, char *buf, size_t len)
{
	const crm_settings *s = &sc->settings;

	if (month == 0)
		snprintf(buf, len, "month 0 (Initial)");
	else if (s->start_year) {
		int mi = s->start_month - 1 + month - 1;
		snprintf(buf, len, "month %d (%04d-%02d)", month, s->start_year + mi / 12, mi % 12 + 1);
	} else {
		snprintf(buf, len, "month %d", month);
	}
}

const char *crm_verdict_name(crm_verdict v)
{
	static const char *const n[] = { "on track", "at risk", "off track" };
	return n[v];
}

const char *crm_crit_status_name(crm_crit_status s)
{
	static const char *const n[] = { "met", "not met", "overdue", "not yet due" };
	return n[s];
}

/* -------------------------------------------------------------- actuals */

/* A row's place among the slots of one month: lines, criteria, inputs, events. */
static size_t slot_of(const crm_scenario *sc, const crm_actual *x)
{
	switch (x->kind) {
	case CRM_ACTUAL_CRITERION: return sc->nlines + (size_t)x->index;
	case CRM_ACTUAL_INPUT: return sc->nlines + sc->ncriteria + (size_t)x->index;
	case CRM_ACTUAL_EVENT: return sc->nlines + sc->ncriteria + sc->ninputs + (size_t)x->index;
	default: return (size_t)x->index;
	}
}

crm_actuals *crm_actuals_new(const crm_scenario *sc)
{
	crm_actuals *a = calloc(1, sizeof *a);
	size_t months = (size_t)crm_scenario_months(sc);

	if (!a)
		return NULL;
	a->sc = sc;
	a->nslots = 2 * sc->nlines + sc->ncriteria + sc->ninputs;
	a->seen = calloc((months + 1) * a->nslots + 1, sizeof *a->seen);
	if (!a->seen) {
		free(a);
		return NULL;
	}
	return a;
}

void crm_actuals_free(crm_actuals *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->items[i].source);
		free(a->items[i].note);
	}
	free(a->items);
	free(a->seen);
	for (size_t k = 0; k < a->nfiles; k++)
		free(a->files[k]);
	free(a->files);
	crm_warnings_free(&a->notes);
	free(a);
}

size_t crm_actuals_count(const crm_actuals *a) { return a->n; }
const crm_actual *crm_actuals_get(const crm_actuals *a, size_t i) { return &a->items[i]; }

enum acol { AC_PERIOD, AC_KIND, AC_NAME, AC_VALUE, AC_SOURCE, AC_NOTE, NACOLS };
static const char *const acol_names[NACOLS] = {
	"period", "kind", "name", "value", "source", "note"
};

static int is_comment(const crm_csv_row *r)
{
	return r->nfields > 0 && r->fields[0][0] == '#';
}

static int is_blank(const crm_csv_row *r)
{
	for (int i = 0; i < r->nfields; i++)
		if (r->fields[i][0])
			return 0;
	return 1;
}

static int has_column(const crm_csv_row *r, const char *name)
{
	for (int fi = 0; fi < r->nfields; fi++)
		if (!strcasecmp(r->fields[fi], name))
			return 1;
	return 0;
}

static crm_status read_aheader(const crm_csv_row *r, const char *file, int *colmap, int *width,
			       crm_error *err)
{
	for (int c = 0; c < NACOLS; c++)
		colmap[c] = -1;
	*width = 0;
	/*
	 * A scenario where the actuals belong (the plan and its actuals swapped):
	 * kind, name and value with a column only a scenario has, and no period.
	 * Without such a column, a header is an actuals file's with a typo.
	 */
	static const char *const scenario_only[] = { "low", "high", "dist", "area", "timing",
		"start", "end", "ramp", "growth", "risk", "probability", "unit", "group", "class" };
	const char *scenario_column = NULL;
	for (size_t k = 0; k < sizeof scenario_only / sizeof *scenario_only; k++)
		if (!scenario_column && has_column(r, scenario_only[k]))
			scenario_column = scenario_only[k];
	if (scenario_column && !has_column(r, "period") && has_column(r, "kind") &&
	    has_column(r, "name") && has_column(r, "value"))
		return crm_error_set(err, CRM_EDATA, file, r->line, 1, "this is a scenario (its header "
				     "has the columns kind, name, value and %s, and no period), not an "
				     "actuals file: crmroi track reads the scenario of the plan first, "
				     "then the actuals files (crmroi track PLAN.csv ACTUALS.csv...)",
				     scenario_column);
	for (int fi = 0; fi < r->nfields; fi++) {
		char *h = r->fields[fi];
		int found = -1;
		for (char *p = h; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (!h[0]) {
			int rest_empty = 1;
			for (int k = fi; k < r->nfields; k++)
				rest_empty &= r->fields[k][0] == '\0';
			if (rest_empty)
				break;
			return crm_error_set(err, CRM_EDATA, file, crm_csv_field_line(r, fi), fi + 1, "empty "
					     "column name in the header (expected period, kind, name, "
					     "value, source, note, or a name starting with x_)");
		}
		*width = fi + 1;
		if (!strncmp(h, "x_", 2))
			continue;
		for (int c = 0; c < NACOLS; c++)
			if (!strcmp(h, acol_names[c]))
				found = c;
		if (found < 0) {
			char sug[160];
			crm_suggest(h, acol_names, NACOLS, sug, sizeof sug);
			return crm_error_set(err, CRM_EDATA, file, crm_csv_field_line(r, fi), fi + 1, "unknown "
					     "column '%s' in an actuals file%s (expected period, kind, "
					     "name, value, source, note, or x_... for your own notes)", h,
					     sug);
		}
		if (colmap[found] >= 0)
			return crm_error_set(err, CRM_EDATA, file, crm_csv_field_line(r, fi), fi + 1, "column "
					     "'%s' appears twice in the header (first as column %d)", h,
					     colmap[found] + 1);
		colmap[found] = fi;
	}
	for (int c = AC_PERIOD; c <= AC_VALUE; c++)
		if (colmap[c] < 0)
			return crm_error_set(err, CRM_EDATA, file, r->line, CRM_NO_COLUMN, "the header of "
					     "an actuals file has no '%s' column (period, kind, name and "
					     "value are required)", acol_names[c]);
	return CRM_OK;
}

/* A period cell: a month number, or YYYY-MM when the scenario has a start date. */
static crm_status parse_period(const crm_scenario *sc, const char *s, crm_decimal dec,
			       const char *file, int line, int col, int *out, crm_error *err)
{
	const crm_settings *st = &sc->settings;
	int months = crm_scenario_months(sc);
	double v;
	int pct = 0;
	char why[300];

	if (strlen(s) == 7 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '-' &&
	    isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[6])) {
		int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		int m = (s[5] - '0') * 10 + (s[6] - '0');
		if (m < 1 || m > 12)
			return crm_error_set(err, CRM_EDATA, file, line, col, "period '%s' is not a "
					     "month (expected YYYY-MM with a month from 01 to 12)", s);
		if (!st->start_year)
			return crm_error_set(err, CRM_EDATA, file, line, col, "period '%s' is a calendar "
					     "month, but the scenario has no start_date (write the month "
					     "number, or add the row setting,start_date,YYYY-MM to the "
					     "scenario)", s);
		long k = ((long)y - st->start_year) * 12 + (m - st->start_month) + 1;
		if (k < 1)
			return crm_error_set(err, CRM_EDATA, file, line, col, "period '%s' is before "
					     "month 1 (the start_date %04d-%02d); write 0 for the Initial "
					     "column", s, st->start_year, st->start_month);
		if (k > months) {
			char endl[64];
			crm_track_month_label(sc, months, endl, sizeof endl);
			return crm_error_set(err, CRM_EDATA, file, line, col, "period '%s' is month %ld, "
					     "after the %d-month horizon (the plan ends in %s)", s, k,
					     months, endl);
		}
		*out = (int)k;
		return CRM_OK;
	}
	if (!*s)
		return crm_error_set(err, CRM_EDATA, file, line, col, "the period is empty (expected "
				     "a month number%s)", st->start_year ? " or YYYY-MM" : "");
	if (crm_parse_number_in(s, dec, &v, &pct, why, sizeof why) != CRM_OK || pct || v != floor(v))
		return crm_error_set(err, CRM_EDATA, file, line, col, "period '%s' is not a month "
				     "(expected a whole month number from 0 to %d%s)", s, months,
				     st->start_year ? ", or YYYY-MM" : "");
	if (v < 0)
		return crm_error_set(err, CRM_EDATA, file, line, col, "period %s is before month 0 "
				     "(expected 0 to %d)", s, months);
	if (v > months) {
		char endl[64];
		crm_track_month_label(sc, months, endl, sizeof endl);
		return crm_error_set(err, CRM_EDATA, file, line, col, "period %s is after the %d-month "
				     "horizon (the plan ends in %s)", s, months, endl);
	}
	*out = (int)v;
	return CRM_OK;
}

/*
 * A realised input by its name, or a realised event: a line with a
 * probability below 1 in no group, or a group (a gate) by its name, whose
 * first line stands for it.
 */
static crm_status find_realised(const crm_scenario *sc, crm_actual_kind kind, const char *name,
				const char *file, int line, int col, int *out, crm_error *err)
{
	if (kind == CRM_ACTUAL_INPUT) {
		if ((*out = crm_scenario_find_input(sc, name)) >= 0)
			return CRM_OK;
		return crm_error_set(err, CRM_EDATA, file, line, col, "input '%s' is not in the plan "
				     "(expected the name of a kind=input row)", name);
	}
	int g = crm_scenario_find_group(sc, name);
	if (g >= 0) {
		*out = sc->groups[g].first_line;
		return CRM_OK;
	}
	for (size_t l = 0; l < sc->nlines; l++)
		if (!strcmp(sc->lines[l].label, name)) {
			if (sc->lines[l].group >= 0)
				return crm_error_set(err, CRM_EDATA, file, line, col, "event '%s': the line "
						     "is in group '%s', which happens as one (expected "
						     "the group's name)", name,
						     sc->groups[sc->lines[l].group].name);
			if (!(sc->lines[l].probability < 1))
				return crm_error_set(err, CRM_EDATA, file, line, col, "event '%s': the line "
						     "has no probability below 1, so it was certain "
						     "(expected a risk event or a gate)", name);
			*out = (int)l;
			return CRM_OK;
		}
	return crm_error_set(err, CRM_EDATA, file, line, col, "event '%s' is not in the plan "
			     "(expected the label of a line with a probability, or a group's name)",
			     name);
}

/* The line or criterion a row names; an error with a suggestion when there is none. */
static crm_status find_name(const crm_scenario *sc, crm_actual_kind kind, const char *name,
			    const char *file, int line, int col, int *out, crm_error *err)
{
	if (kind == CRM_ACTUAL_INPUT || kind == CRM_ACTUAL_EVENT)
		return find_realised(sc, kind, name, file, line, col, out, err);
	const char *kname = kind == CRM_ACTUAL_COST ? "cost" : kind == CRM_ACTUAL_BENEFIT ?
			    "benefit" : "criterion";
	size_t n = kind == CRM_ACTUAL_CRITERION ? sc->ncriteria : sc->nlines, k = 0;
	char sug[160] = "";

	if (kind == CRM_ACTUAL_CRITERION) {
		if ((*out = crm_scenario_find_criterion(sc, name)) >= 0)
			return CRM_OK;
	} else {
		crm_line_kind lk = kind == CRM_ACTUAL_COST ? CRM_COST : CRM_BENEFIT;
		for (size_t l = 0; l < sc->nlines; l++)
			if (!strcmp(sc->lines[l].label, name)) {
				if (sc->lines[l].kind != lk)
					return crm_error_set(err, CRM_EDATA, file, line, col, "'%s' is a %s "
							     "line of the plan, not a %s (expected kind "
							     "%s)", name, lk == CRM_COST ? "benefit" :
							     "cost", kname, lk == CRM_COST ? "benefit" :
							     "cost");
				*out = (int)l;
				return CRM_OK;
			}
	}
	const char **names = malloc((n + 1) * sizeof *names);
	if (names) {
		for (size_t i = 0; i < n; i++) {
			if (kind == CRM_ACTUAL_CRITERION)
				names[k++] = sc->criteria[i].name;
			else if ((sc->lines[i].kind == CRM_COST) == (kind == CRM_ACTUAL_COST))
				names[k++] = sc->lines[i].label;
		}
		crm_suggest(name, names, k, sug, sizeof sug);
		free(names);
	}
	if (kind == CRM_ACTUAL_CRITERION)
		return crm_error_set(err, CRM_EDATA, file, line, col, "criterion '%s' is not in the "
				     "plan%s (expected the name of a kind=criterion row)", name, sug);
	return crm_error_set(err, CRM_EDATA, file, line, col, "%s line '%s' is not in the plan%s "
			     "(expected the name of a kind=%s row, as written there)", kname, name,
			     sug, kname);
}

static crm_status parse_row(crm_actuals *a, const crm_csv_row *r, const char *file,
			    const int *colmap, int width, crm_error *err)
{
	const crm_scenario *sc = a->sc;
	const char *f[NACOLS];
	int fl[NACOLS], fc[NACOLS];
	crm_actual x;
	crm_status st;
	char why[300];
	int pct = 0;

	for (int fi = width; fi < r->nfields; fi++)
		if (r->fields[fi][0])
			return crm_error_set(err, CRM_EDATA, file, crm_csv_field_line(r, fi), fi + 1, "'%s' is "
					     "past the last column of the header (the header has %d "
					     "columns; quote a value that holds a %s)", r->fields[fi],
					     width, a->dec == CRM_DECIMAL_COMMA ? "';'" : "comma");
	for (int c = 0; c < NACOLS; c++) {
		int fi = colmap[c];
		f[c] = fi >= 0 && fi < r->nfields ? r->fields[fi] : "";
		fl[c] = fi >= 0 && fi < r->nfields ? crm_csv_field_line(r, fi) : r->line;
		fc[c] = fi >= 0 ? fi + 1 : CRM_NO_COLUMN;
	}
	memset(&x, 0, sizeof x);
	if (!strcasecmp(f[AC_KIND], "cost"))
		x.kind = CRM_ACTUAL_COST;
	else if (!strcasecmp(f[AC_KIND], "benefit"))
		x.kind = CRM_ACTUAL_BENEFIT;
	else if (!strcasecmp(f[AC_KIND], "criterion"))
		x.kind = CRM_ACTUAL_CRITERION;
	else if (!strcasecmp(f[AC_KIND], "input"))
		x.kind = CRM_ACTUAL_INPUT;
	else if (!strcasecmp(f[AC_KIND], "event"))
		x.kind = CRM_ACTUAL_EVENT;
	else {
		static const char *const kinds[] = { "cost", "benefit", "criterion", "input", "event" };
		char sug[160] = "";
		if (f[AC_KIND][0])
			crm_suggest(f[AC_KIND], kinds, 5, sug, sizeof sug);
		return crm_error_set(err, CRM_EDATA, file, fl[AC_KIND], fc[AC_KIND], "%s%s%s%s "
				     "(expected cost, benefit, criterion, input or event)", f[AC_KIND][0] ?
				     "unknown kind '" : "the row has no kind", f[AC_KIND],
				     f[AC_KIND][0] ? "'" : "", sug);
	}
	if (!f[AC_NAME][0])
		return crm_error_set(err, CRM_EDATA, file, fl[AC_NAME], fc[AC_NAME], "the row has no "
				     "name (expected a line label or a criterion name)");
	if ((st = parse_period(sc, f[AC_PERIOD], a->dec, file, fl[AC_PERIOD], fc[AC_PERIOD],
			       &x.month, err)) != CRM_OK ||
	    (st = find_name(sc, x.kind, f[AC_NAME], file, fl[AC_NAME], fc[AC_NAME], &x.index,
			    err)) != CRM_OK)
		return st;
	if (x.kind == CRM_ACTUAL_EVENT) {
		/* Whether it happened: 1 or 0, yes or no, true or false. */
		const char *v = f[AC_VALUE];
		if (!strcmp(v, "1") || !strcasecmp(v, "yes") || !strcasecmp(v, "true"))
			x.value = 1;
		else if (!strcmp(v, "0") || !strcasecmp(v, "no") || !strcasecmp(v, "false"))
			x.value = 0;
		else
			return crm_error_set(err, CRM_EDATA, file, fl[AC_VALUE], fc[AC_VALUE], "event "
					     "'%s': value '%s' (expected 1 when it happened, 0 when "
					     "not; or yes, no)", f[AC_NAME], v);
	} else if (crm_parse_number_in(f[AC_VALUE], a->dec, &x.value, &pct, why, sizeof why) !=
		   CRM_OK) {
		return crm_error_set(err, CRM_EDATA, file, fl[AC_VALUE], fc[AC_VALUE], "%s '%s': value: "
				     "%s", x.kind == CRM_ACTUAL_CRITERION ? "criterion" :
				     x.kind == CRM_ACTUAL_INPUT ? "input" :
				     x.kind == CRM_ACTUAL_COST ? "cost" : "benefit", f[AC_NAME], why);
	}
	if (x.kind == CRM_ACTUAL_EVENT) {
		;   /* read above */
	} else if (x.kind == CRM_ACTUAL_INPUT) {
		if (!isfinite(x.value))
			return crm_error_set(err, CRM_EDATA, file, fl[AC_VALUE], fc[AC_VALUE], "input "
					     "'%s': value '%s' is not a finite number", f[AC_NAME],
					     f[AC_VALUE]);
	} else if (x.kind == CRM_ACTUAL_CRITERION) {
		const crm_criterion *cr = &sc->criteria[x.index];
		if ((cr->has_baseline || cr->has_target) && pct != cr->percent)
			return crm_error_set(err, CRM_EDATA, file, fl[AC_VALUE], fc[AC_VALUE],
					     "criterion '%s': value '%s' %s a percentage, and its "
					     "baseline and target %s (write it as they are written, "
					     "e.g. %s)", cr->name, f[AC_VALUE], pct ? "is" : "is not",
					     cr->percent ? "are" : "are not",
					     cr->has_target ? cr->target_text : cr->baseline_text);
	} else if (!(fabs(x.value) <= TRACK_MAX_AMOUNT)) {
		return crm_error_set(err, CRM_EDATA, file, fl[AC_VALUE], fc[AC_VALUE], "%s '%s': value "
				     "'%s' is beyond %g (expected the amount booked in one month)",
				     x.kind == CRM_ACTUAL_COST ? "cost" : "benefit", f[AC_NAME],
				     f[AC_VALUE], TRACK_MAX_AMOUNT);
	} else if (pct) {
		return crm_error_set(err, CRM_EDATA, file, fl[AC_VALUE], fc[AC_VALUE], "%s '%s': value "
				     "'%s' is a percentage (expected the amount booked in the month, "
				     "in %s)", x.kind == CRM_ACTUAL_COST ? "cost" : "benefit",
				     f[AC_NAME], f[AC_VALUE], sc->settings.currency);
	}
	size_t slot = (size_t)x.month * a->nslots + slot_of(sc, &x);
	if (a->seen[slot]) {
		const crm_actual *o = &a->items[a->seen[slot] - 1];
		char ml[64];
		crm_track_month_label(sc, x.month, ml, sizeof ml);
		return crm_error_set(err, CRM_EDATA, file, r->line, fc[AC_NAME], "%s '%s' in %s is "
				     "given twice: here and at %s:%d (expected one value per month; "
				     "remove one)", f[AC_KIND], f[AC_NAME], ml, o->loc.file,
				     o->loc.line);
	}
	if (a->n == a->cap) {
		size_t ncap = a->cap ? 2 * a->cap : 64;
		crm_actual *n = realloc(a->items, ncap * sizeof *n);
		if (!n)
			return crm_error_set(err, CRM_ENOMEM, file, 0, 0, "out of memory");
		a->items = n;
		a->cap = ncap;
	}
	x.source = crm_csv_visible(f[AC_SOURCE]);
	x.note = strdup(f[AC_NOTE]);
	x.loc = (crm_loc){ a->files[a->nfiles - 1], r->line, fc[AC_VALUE] };
	if (!x.source || !x.note) {
		free(x.source);
		free(x.note);
		return crm_error_set(err, CRM_ENOMEM, file, 0, 0, "out of memory");
	}
	a->items[a->n++] = x;
	a->seen[slot] = a->n;
	return CRM_OK;
}

crm_status crm_actuals_parse(crm_actuals *a, const char *buf, size_t len, const char *name,
			     size_t chunk, crm_error *err)
{
	crm_csv_table t;
	size_t n0 = a->n, h, i;
	int colmap[NACOLS], width;
	crm_status st;

	memset(&t, 0, sizeof t);
	char **files = realloc(a->files, (a->nfiles + 1) * sizeof *files);
	if (!files)
		return crm_error_set(err, CRM_ENOMEM, name, 0, 0, "out of memory");
	a->files = files;
	if (!(files[a->nfiles] = strdup(name)))
		return crm_error_set(err, CRM_ENOMEM, name, 0, 0, "out of memory");
	a->nfiles++;
	/* A European spreadsheet's "CSV": fields separated by ';', numbers with decimal commas. */
	char sep = crm_csv_detect_sep(buf, len);
	a->dec = sep == ';' ? CRM_DECIMAL_COMMA : CRM_DECIMAL_POINT;
	if ((st = crm_csv_parse_sep(buf, len, chunk, sep, name, &t, err)) != CRM_OK)
		goto fail;
	for (i = 0; i < t.nrows; i++)
		for (int f = 0; f < t.rows[i].nfields; f++)
			crm_csv_trim(t.rows[i].fields[f]);
	for (h = 0; h < t.nrows; h++)
		if (!is_comment(&t.rows[h]) && !is_blank(&t.rows[h]))
			break;
	if (h == t.nrows) {
		st = crm_error_set(err, CRM_EDATA, name, 0, 0, "no header row: the file is empty or "
				   "holds only comments (expected a header such as "
				   "period,kind,name,value)");
		goto fail;
	}
	if ((st = read_aheader(&t.rows[h], name, colmap, &width, err)) != CRM_OK)
		goto fail;
	if (sep == ';' && crm_warnings_add_note(&a->notes, name, t.rows[h].line, 0,
						CRM_CSV_SEMICOLON_NOTE) != CRM_OK) {
		st = crm_error_set(err, CRM_ENOMEM, name, 0, 0, "out of memory");
		goto fail;
	}
	for (i = h + 1; i < t.nrows; i++) {
		if (is_comment(&t.rows[i]) || is_blank(&t.rows[i]))
			continue;
		if ((st = parse_row(a, &t.rows[i], name, colmap, width, err)) != CRM_OK)
			goto fail;
	}
	crm_csv_table_free(&t);
	return CRM_OK;
fail:
	/* Nothing of this file is kept; its name stays, as earlier rows do not point at it. */
	while (a->n > n0) {
		crm_actual *x = &a->items[--a->n];
		size_t slot = (size_t)x->month * a->nslots + slot_of(a->sc, x);
		a->seen[slot] = 0;
		free(x->source);
		free(x->note);
	}
	crm_csv_table_free(&t);
	return st;
}

crm_status crm_actuals_read(crm_actuals *a, const char *path, crm_error *err)
{
	char *buf;
	size_t len;
	crm_status st;

	if ((st = crm_read_file(path, "actuals file", &buf, &len, err)) != CRM_OK)
		return st;
	st = crm_actuals_parse(a, buf, len, strcmp(path, "-") ? path : "<stdin>", 0, err);
	free(buf);
	return st;
}

/* ------------------------------------------------------------- tracking */

void crm_track_free(crm_track *t)
{
	if (!t)
		return;
	for (size_t r = 0; r < t->nrows; r++) {
		free(t->rows[r].month);
		free(t->rows[r].cum);
		free(t->rows[r].given);
		free(t->rows[r].assumed);
	}
	free(t->rows);
	free(t->with_actuals);
	free(t->plan_flow);
	free(t->plan_raw_flow);
	free(t->reforecast_plan_flow);
	free(t->reforecast_trend_flow);
	free(t->criteria);
	free(t->phases);
	crm_warnings_free(&t->warnings);
	free(t);
}

static void set_pct(crm_track_cell *c)
{
	c->variance = c->actual - c->plan;
	c->pct_ok = fabs(c->plan) >= TRACK_MIN_PLAN;
	c->variance_pct = c->pct_ok ? c->variance / fabs(c->plan) : 0.0;
}

/* NPV, IRR (the root nearest the discount rate) and payback of flows on a grid. */
static crm_status figures(const double *v, size_t n, int months_per_period, double rate,
			  crm_track_figures *out, crm_error *err)
{
	int ppy = 12 / months_per_period;
	crm_status st;

	memset(out, 0, sizeof *out);
	out->npv = crm_npv(v, n, ppy, rate);
	if ((st = crm_irr_solve(v, n, ppy, &out->irr, err)) != CRM_OK)
		return st;
	for (size_t i = 0; i < out->irr.nroots; i++)
		if (!out->irr_ok || fabs(out->irr.roots[i] - rate) < fabs(out->irr_value - rate)) {
			out->irr_value = out->irr.roots[i];
			out->irr_ok = 1;
		}
	crm_payback_compute(v, n, months_per_period, &out->payback);
	return CRM_OK;
}

/* Monthly flows (months 0..12 x years) summed into the Initial column and years. */
static void fold_months(const double *monthly, int months, double *years)
{
	memset(years, 0, (size_t)(months / 12 + 1) * sizeof *years);
	for (int m = 0; m <= months; m++)
		years[m == 0 ? 0 : (m - 1) / 12 + 1] += monthly[m];
}

static crm_status eval_monthly(const crm_scenario *sc, int unadjusted, crm_model **m,
			       crm_cashflow **cf, crm_error *err)
{
	crm_settings s = sc->settings;

	s.grid = CRM_GRID_MONTH;
	*m = unadjusted ? crm_model_new_unadjusted(sc, &s, err) : crm_model_new_with(sc, &s, err);
	if (!*m)
		return err->status;
	if (!(*cf = crm_cashflow_new(*m)))
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	return crm_model_eval(*m, *cf, err);
}

static crm_status judge_criteria(crm_track *t, const crm_actuals *a)
{
	const crm_scenario *sc = t->sc;

	/* One pass over the actuals: the latest measured value of each criterion. */
	for (size_t i = 0; i < a->n; i++) {
		const crm_actual *x = &a->items[i];
		if (x->kind != CRM_ACTUAL_CRITERION)
			continue;
		crm_track_criterion *tc = &t->criteria[x->index];
		if (!tc->nmeasured || x->month > tc->latest_month) {
			tc->latest_month = x->month;
			tc->latest = x->value;
		}
		tc->nmeasured++;
	}
	for (size_t k = 0; k < sc->ncriteria; k++) {
		const crm_criterion *cr = &sc->criteria[k];
		crm_track_criterion *tc = &t->criteria[k];
		int met = 0;
		tc->criterion = (int)k;
		if (tc->nmeasured && cr->has_baseline && cr->has_target) {
			tc->progress = (tc->latest - cr->baseline) / (cr->target - cr->baseline);
			tc->progress_ok = 1;
		}
		if (tc->nmeasured && cr->has_target)
			met = cr->direction == CRM_DIR_UP ? tc->latest >= cr->target
							  : tc->latest <= cr->target;
		tc->due_so_far = cr->due > 0 && cr->due <= t->last;
		if (met)
			tc->status = CRM_CRIT_MET;
		else if (!tc->due_so_far)
			tc->status = CRM_CRIT_NOT_YET_DUE;
		else if (tc->nmeasured && tc->latest_month >= cr->due)
			tc->status = CRM_CRIT_NOT_MET;
		else
			tc->status = CRM_CRIT_OVERDUE;
		tc->missed = tc->due_so_far && !met;
	}
	for (size_t p = 0; p < sc->nphases; p++) {
		crm_track_phase *tp = &t->phases[p];
		char names[120] = "";
		size_t len = 0;
		tp->phase = (int)p;
		for (size_t k = 0; k < sc->ncriteria; k++) {
			if (sc->criteria[k].phase != (int)p)
				continue;
			tp->ncriteria++;
			tp->ndue += (size_t)t->criteria[k].due_so_far;
			if (t->criteria[k].missed) {
				tp->nmissed++;
				if (len < sizeof names)
					len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
								len ? ", " : "", sc->criteria[k].name);
			}
		}
		int npv_below = t->trend.npv < 0 && sc->phases[p].start <= t->last;
		if (tp->nmissed >= 2 || npv_below) {
			tp->verdict = CRM_OFF_TRACK;
			if (tp->nmissed >= 2)
				snprintf(tp->reason, sizeof tp->reason, "%zu criteria due and not met "
					 "(%s)%s", tp->nmissed, names, npv_below ? "; the trend NPV is "
					 "below zero" : "");
			else
				snprintf(tp->reason, sizeof tp->reason, "the trend NPV is below zero%s%s%s",
					 tp->nmissed ? "; 1 criterion due and not met (" : "", names,
					 tp->nmissed ? ")" : "");
		} else if (tp->nmissed == 1) {
			tp->verdict = CRM_AT_RISK;
			snprintf(tp->reason, sizeof tp->reason, "1 criterion due and not met (%s)", names);
		} else {
			tp->verdict = CRM_ON_TRACK;
			if (tp->ndue)
				snprintf(tp->reason, sizeof tp->reason, "every criterion due so far is met "
					 "(%zu of %zu due)", tp->ndue, tp->ncriteria);
			else
				snprintf(tp->reason, sizeof tp->reason, "no criterion due yet");
		}
	}
	return CRM_OK;
}

crm_status crm_track_compute(const crm_scenario *sc, const crm_actuals *a, crm_track **out,
			     crm_error *err)
{
	crm_model *madj = NULL, *mraw = NULL, *mnat = NULL;
	crm_cashflow *cadj = NULL, *craw = NULL, *cnat = NULL;
	double *fold = NULL, *fold_plan = NULL;
	crm_status st = CRM_OK;
	crm_track *t = calloc(1, sizeof *t);
	size_t nl = sc->nlines;

	*out = NULL;
	if (!t)
		return crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
	t->sc = sc;
	t->months = crm_scenario_months(sc);
	for (size_t i = 0; i < a->notes.count; i++)
		if (crm_warnings_add_error(&t->warnings, &a->notes.items[i]) != CRM_OK) {
			st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
			goto done;
		}
	if (a->n == 0) {
		st = crm_error_set(err, CRM_EDATA, a->nfiles ? a->files[a->nfiles - 1] : sc->file, 0, 0,
				   "no actuals: the files hold a header but no rows (expected rows "
				   "such as 3,cost,CRM licences,12500)");
		goto done;
	}
	t->last = 0;
	for (size_t i = 0; i < a->n; i++)
		if (a->items[i].month > t->last)
			t->last = a->items[i].month;
	if ((st = eval_monthly(sc, 0, &madj, &cadj, err)) != CRM_OK ||
	    (st = eval_monthly(sc, 1, &mraw, &craw, err)) != CRM_OK)
		goto done;
	if (!(mnat = crm_model_new(sc, err))) {
		st = err->status;
		goto done;
	}
	if (!(cnat = crm_cashflow_new(mnat))) {
		st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
		goto done;
	}
	if ((st = crm_model_eval(mnat, cnat, err)) != CRM_OK)
		goto done;

	int L = t->last, N = t->months;
	size_t nm = (size_t)L + 1, np = (size_t)N + 1;
	t->nrows = nl + 3;
	t->rows = calloc(t->nrows, sizeof *t->rows);
	t->with_actuals = calloc(nm, 1);
	t->plan_flow = calloc(np, sizeof(double));
	t->plan_raw_flow = calloc(np, sizeof(double));
	t->reforecast_plan_flow = calloc(np, sizeof(double));
	t->reforecast_trend_flow = calloc(np, sizeof(double));
	t->criteria = calloc(sc->ncriteria + 1, sizeof *t->criteria);
	t->phases = calloc(sc->nphases + 1, sizeof *t->phases);
	fold = calloc(np, sizeof(double));
	fold_plan = calloc(np, sizeof(double));
	if (!t->rows || !t->with_actuals || !t->plan_flow || !t->plan_raw_flow ||
	    !t->reforecast_plan_flow || !t->reforecast_trend_flow || !t->criteria || !t->phases ||
	    !fold || !fold_plan)
		goto nomem;
	for (size_t r = 0; r < t->nrows; r++) {
		crm_track_row *row = &t->rows[r];
		row->month = calloc(nm, sizeof *row->month);
		row->cum = calloc(nm, sizeof *row->cum);
		row->given = calloc(nm, 1);
		row->assumed = calloc(nm, sizeof *row->assumed);
		if (!row->month || !row->cum || !row->given || !row->assumed)
			goto nomem;
		if (r < nl) {
			row->kind = CRM_TRACK_LINE;
			row->line = (int)r;
			row->name = sc->lines[r].label;
			row->is_cost = sc->lines[r].kind == CRM_COST;
		} else {
			row->kind = (crm_track_row_kind)(CRM_TRACK_COSTS + (r - nl));
			row->line = -1;
			row->name = r == nl ? "Total costs" : r == nl + 1 ? "Total benefits" : "Net";
			row->is_cost = r == nl;
		}
	}

	/* Actuals into the line rows; which months have any. */
	for (size_t i = 0; i < a->n; i++) {
		const crm_actual *x = &a->items[i];
		if (x->kind != CRM_ACTUAL_COST && x->kind != CRM_ACTUAL_BENEFIT)
			continue;
		t->rows[x->index].month[x->month].actual = x->value;
		t->rows[x->index].given[x->month] = 1;
		t->with_actuals[x->month] = 1;
	}
	crm_track_row *costs = &t->rows[nl], *bens = &t->rows[nl + 1], *net = &t->rows[nl + 2];
	for (size_t l = 0; l < nl; l++) {
		crm_track_row *row = &t->rows[l];
		crm_track_row *tot = row->is_cost ? costs : bens;
		double sign = row->is_cost ? -1.0 : 1.0;
		crm_track_cell cum = { 0 };
		for (int m = 0; m <= L; m++) {
			crm_track_cell *c = &row->month[m];
			c->plan = cadj->amount[l * np + (size_t)m];
			c->plan_raw = craw->amount[l * np + (size_t)m];
			if (!row->given[m]) {
				c->actual = c->plan;
				if (t->with_actuals[m] && fabs(c->plan) >= TRACK_MIN_PLAN)
					row->assumed[row->nassumed++] = m;
			}
			set_pct(c);
			cum.plan += c->plan;
			cum.plan_raw += c->plan_raw;
			cum.actual += c->actual;
			row->cum[m] = cum;
			set_pct(&row->cum[m]);
			if (t->with_actuals[m]) {
				row->index_plan += c->plan;
				row->index_actual += c->actual;
			}
			tot->month[m].plan += c->plan;
			tot->month[m].plan_raw += c->plan_raw;
			tot->month[m].actual += c->actual;
			net->month[m].plan += sign * c->plan;
			net->month[m].plan_raw += sign * c->plan_raw;
			net->month[m].actual += sign * c->actual;
		}
		row->index_ok = fabs(row->index_plan) >= TRACK_MIN_PLAN;
		row->index = row->index_ok ? row->index_actual / row->index_plan : 0.0;
		tot->index_plan += row->index_plan;
		tot->index_actual += row->index_actual;
	}
	for (size_t r = nl; r < t->nrows; r++) {
		crm_track_row *row = &t->rows[r];
		crm_track_cell cum = { 0 };
		for (int m = 0; m <= L; m++) {
			set_pct(&row->month[m]);
			cum.plan += row->month[m].plan;
			cum.plan_raw += row->month[m].plan_raw;
			cum.actual += row->month[m].actual;
			row->cum[m] = cum;
			set_pct(&row->cum[m]);
		}
		if (row->kind != CRM_TRACK_NET) {
			row->index_ok = fabs(row->index_plan) >= TRACK_MIN_PLAN;
			row->index = row->index_ok ? row->index_actual / row->index_plan : 0.0;
		}
	}
	/* The trend: each line's own index, else its total's, else the plan. */
	for (size_t l = 0; l < nl; l++) {
		crm_track_row *row = &t->rows[l];
		const crm_track_row *tot = row->is_cost ? costs : bens;
		if (row->index_ok) {
			row->trend = row->index;
			row->trend_basis = CRM_TREND_OWN;
		} else if (tot->index_ok) {
			row->trend = tot->index;
			row->trend_basis = CRM_TREND_ALL;
		} else {
			row->trend = 1.0;
			row->trend_basis = CRM_TREND_PLAN;
		}
	}
	for (int m = 0; m <= N; m++) {
		t->plan_flow[m] = cadj->net[m];
		t->plan_raw_flow[m] = craw->net[m];
		if (m <= L) {
			t->reforecast_plan_flow[m] = t->reforecast_trend_flow[m] = net->month[m].actual;
			continue;
		}
		double trend = 0;
		for (size_t l = 0; l < nl; l++)
			trend += (t->rows[l].is_cost ? -1.0 : 1.0) * cadj->amount[l * np + (size_t)m] *
				 t->rows[l].trend;
		t->reforecast_plan_flow[m] = cadj->net[m];
		t->reforecast_trend_flow[m] = trend;
	}

	/* Figures on the scenario's grid: the approved as `crmroi run` computes them. */
	double rate = sc->settings.discount_rate;
	int mpp = cnat->months_per_period;
	size_t nnat = (size_t)cnat->nperiods + 1;
	if ((st = figures(cnat->net, nnat, mpp, rate, &t->approved, err)) != CRM_OK)
		goto done;
	if (mpp == 12) {
		double worst = 0, scale = 0;
		int worst_year = 0;
		fold_months(t->plan_flow, N, fold_plan);
		for (size_t y = 0; y < nnat; y++) {
			scale += fabs(cnat->net[y]);
			if (fabs(fold_plan[y] - cnat->net[y]) > worst) {
				worst = fabs(fold_plan[y] - cnat->net[y]);
				worst_year = (int)y;
			}
		}
		if (worst > TRACK_FOLD_REL_TOL * scale + TRACK_MIN_PLAN &&
		    crm_warnings_add(&t->warnings, sc->file, 0, 0, "the plan evaluated month by month "
				     "differs from the yearly plan by %.2f in %s%d (values that use "
				     "month, year or prev() change by month here); the re-forecast "
				     "starts from the monthly plan", worst, worst_year ? "Year " :
				     "the Initial column", worst_year) != CRM_OK)
			goto nomem;
		fold_months(t->reforecast_plan_flow, N, fold);
		if ((st = figures(fold, nnat, 12, rate, &t->plan, err)) != CRM_OK)
			goto done;
		fold_months(t->reforecast_trend_flow, N, fold);
		if ((st = figures(fold, nnat, 12, rate, &t->trend, err)) != CRM_OK)
			goto done;
	} else {
		if ((st = figures(t->reforecast_plan_flow, np, 1, rate, &t->plan, err)) != CRM_OK ||
		    (st = figures(t->reforecast_trend_flow, np, 1, rate, &t->trend, err)) != CRM_OK)
			goto done;
	}
	for (int m = 0; m <= N; m++)
		if (!isfinite(t->reforecast_trend_flow[m]) || !isfinite(t->reforecast_plan_flow[m]))
			goto overflow;
	if (!isfinite(t->plan.npv) || !isfinite(t->trend.npv))
		goto overflow;
	st = judge_criteria(t, a);
	goto done;
overflow:
	st = crm_error_set(err, CRM_EDATA, sc->file, 0, 0, "the re-forecast overflows (amounts "
			   "beyond 1e308: a plan of a few cents with large actuals gives a huge index; "
			   "check the magnitudes)");
	goto done;
nomem:
	st = crm_error_set(err, CRM_ENOMEM, sc->file, 0, 0, "out of memory");
done:
	free(fold);
	free(fold_plan);
	crm_cashflow_free(cadj);
	crm_cashflow_free(craw);
	crm_cashflow_free(cnat);
	crm_model_free(madj);
	crm_model_free(mraw);
	crm_model_free(mnat);
	if (st != CRM_OK) {
		crm_track_free(t);
		return st;
	}
	*out = t;
	return CRM_OK;
}

/* ------------------------------------------------------------ plan checks */

crm_status crm_track_plan_warnings(const crm_scenario *sc, crm_warnings *w)
{
	crm_status st = CRM_OK;

	/* A plan without phases is a business case not (yet) tracked: nothing to say. */
	if (!sc->nphases)
		return CRM_OK;
	for (size_t p = 0; p < sc->nphases && st == CRM_OK; p++) {
		const crm_phase *ph = &sc->phases[p];
		size_t n = 0;
		for (size_t k = 0; k < sc->ncriteria; k++)
			n += sc->criteria[k].phase == (int)p;
		if (n < 3)
			st = crm_warnings_add(w, ph->loc.file, ph->loc.line, 0, "phase '%s' is measured "
					      "by %zu criteri%s; give every phase at least three",
					      ph->name, n, n == 1 ? "on" : "a");
	}
	for (size_t k = 0; k < sc->ncriteria && st == CRM_OK; k++) {
		const crm_criterion *cr = &sc->criteria[k];
		char missing[64] = "";
		size_t len = 0;
		const char *what[3] = { "owner", "baseline", "target" };
		int miss[3] = { !cr->owner[0], !cr->has_baseline, !cr->has_target };
		int nmiss = miss[0] + miss[1] + miss[2], nth = 0;
		for (int i = 0; i < 3; i++)
			if (miss[i]) {
				nth++;
				len += (size_t)snprintf(missing + len, sizeof missing - len, "%s%s",
							nth == 1 ? "" : nth == nmiss ? " or " : ", ",
							what[i]);
			}
		if (len)
			st = crm_warnings_add(w, cr->loc.file, cr->loc.line, 0, "criterion '%s' has no "
					      "%s (a criterion needs an owner, a baseline and a target "
					      "to be tracked)", cr->name, missing);
	}
	for (size_t l = 0; l < sc->nlines && st == CRM_OK; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind != CRM_BENEFIT || (ln->owner[0] && ln->metric[0]))
			continue;
		st = crm_warnings_add(w, ln->loc.file, ln->loc.line, 0, "benefit '%s' has no %s (a "
				      "benefit is tracked through a named owner and a metric)",
				      ln->label, !ln->owner[0] && !ln->metric[0] ? "owner or metric" :
				      !ln->owner[0] ? "owner" : "metric");
	}
	return st;
}
