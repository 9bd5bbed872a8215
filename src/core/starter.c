/*
 * starter.c - the scenario `crmroi new` writes (crmroi/starter.h): a
 * business case from areas of the library with the usual costs, or a
 * variant of a scenario with commented examples of what a variant states.
 *
 * It builds the file's lines (comments and rows of cells) and writes nothing:
 * src/render/starter_view.c writes them as CSV. The scenario it describes is
 * the one crmroi-scenario(5) reads; tests/unit/test_starter.c loads every
 * starter back and finds no warning but the placeholders.
 */
#include "crmroi/starter.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "crmroi/areas.h"
#include "crmroi/csvread.h"

/* The go-live month a starter assumes, and the range it gives it (months). */
#define GOLIVE 6
#define GOLIVE_LOW 3
#define GOLIVE_HIGH 12
/* Months after go-live that the project team and change management go on. */
#define AFTERCARE 6
/* How much later a variant's example benefit starts, in months. */
#define LATER 6
/* Years a variant's example horizon adds. */
#define LONGER 2

/* ----------------------------------------------------------- the lines */

static char *dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static char *vfmt(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *s = n < 0 ? NULL : malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *s = vfmt(f, ap);
	va_end(ap);
	return s;
}

static crm_starter_line *add_line(crm_starter *s, crm_starter_kind kind)
{
	if (s->nlines == s->caplines) {
		size_t ncap = s->caplines ? 2 * s->caplines : 64;
		crm_starter_line *n = realloc(s->lines, ncap * sizeof *n);
		if (!n)
			return NULL;
		s->lines = n;
		s->caplines = ncap;
	}
	crm_starter_line *l = &s->lines[s->nlines++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	return l;
}

/* A comment line; -1 on no memory. */
static int comment(crm_starter *s, const char *f, ...) __attribute__((format(printf, 2, 3)));
static int comment(crm_starter *s, const char *f, ...)
{
	va_list ap;
	crm_starter_line *l = add_line(s, CRM_STARTER_COMMENT);
	if (!l)
		return -1;
	va_start(ap, f);
	l->text = vfmt(f, ap);
	va_end(ap);
	return l->text ? 0 : -1;
}

/* A line of "#" alone, between the parts of the file. */
static int blank(crm_starter *s)
{
	return comment(s, "%s", "");
}

/* Comment lines of at most this many characters, "# " included. */
#define COMMENT_WIDTH 92

/* text as comment lines, cut at spaces; -1 on no memory. */
static int paragraph(crm_starter *s, const char *text)
{
	const size_t room = COMMENT_WIDTH - 2;

	while (*text) {
		size_t n = strlen(text);
		if (n > room) {
			n = room;
			while (n && text[n] != ' ')
				n--;
			if (!n)
				n = strcspn(text, " ");
		}
		if (comment(s, "%.*s", (int)n, text) != 0)
			return -1;
		text += n;
		while (*text == ' ')
			text++;
	}
	return 0;
}

/* A printf-formatted paragraph of comment lines; -1 on no memory. */
static int say(crm_starter *s, const char *f, ...) __attribute__((format(printf, 2, 3)));
static int say(crm_starter *s, const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	char *t = vfmt(f, ap);
	va_end(ap);
	int st = t ? paragraph(s, t) : -1;
	free(t);
	return st;
}

/* A row (or an example) with every cell empty; NULL on no memory. */
static char **add_row(crm_starter *s, crm_starter_kind kind)
{
	crm_starter_line *l = add_line(s, kind);
	if (!l || !(l->cells = calloc(s->ncolumns, sizeof *l->cells)))
		return NULL;
	for (size_t c = 0; c < s->ncolumns; c++)
		if (!(l->cells[c] = dup("")))
			return NULL;
	if (kind == CRM_STARTER_EXAMPLE)
		s->nexamples++;
	return l->cells;
}

static int column(const crm_starter *s, const char *name)
{
	for (size_t c = 0; c < s->ncolumns; c++)
		if (!strcmp(s->columns[c], name))
			return (int)c;
	return -1;
}

/* Cell column of a row to text (NULL: left empty); a column the header lacks is left out. */
static int set(crm_starter *s, char **cells, const char *name, const char *text)
{
	int c = column(s, name);
	char *t;

	if (c < 0 || !text)
		return 0;
	if (!(t = dup(text)))
		return -1;
	free(cells[c]);
	cells[c] = t;
	return 0;
}

/* A row given as column, text pairs (up to a NULL column); its placeholder counted. */
struct cell {
	const char *col, *text;
};

static int row_of(crm_starter *s, const struct cell *cv)
{
	char **cells = add_row(s, CRM_STARTER_ROW);
	if (!cells)
		return -1;
	for (; cv->col; cv++) {
		if (set(s, cells, cv->col, cv->text) != 0)
			return -1;
		if (!strcmp(cv->col, "placeholder") && cv->text && *cv->text)
			s->nplaceholders++;
		if (!strcmp(cv->col, "kind")) {
			s->ninputs += !strcmp(cv->text, "input");
			s->ncosts += !strcmp(cv->text, "cost");
			s->nbenefits += !strcmp(cv->text, "benefit");
		}
	}
	return 0;
}

void crm_starter_free(crm_starter *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nlines; i++) {
		free(s->lines[i].text);
		for (size_t c = 0; s->lines[i].cells && c < s->ncolumns; c++)
			free(s->lines[i].cells[c]);
		free(s->lines[i].cells);
	}
	free(s->lines);
	for (size_t c = 0; c < s->ncolumns; c++)
		free(s->columns[c]);
	free(s->columns);
	free(s);
}

static int add_column(crm_starter *s, const char *name)
{
	if (column(s, name) >= 0)
		return 0;
	char **n = realloc(s->columns, (s->ncolumns + 1) * sizeof *n);
	if (!n)
		return -1;
	s->columns = n;
	if (!(n[s->ncolumns] = dup(name)))
		return -1;
	s->ncolumns++;
	return 0;
}

/* The header: the first row, its cells the column names. */
static int header_row(crm_starter *s)
{
	crm_starter_line *l = add_line(s, CRM_STARTER_ROW);
	if (!l || !(l->cells = calloc(s->ncolumns, sizeof *l->cells)))
		return -1;
	for (size_t c = 0; c < s->ncolumns; c++)
		if (!(l->cells[c] = dup(s->columns[c])))
			return -1;
	return 0;
}

static crm_starter *fail_nomem(crm_starter *s, crm_error *err)
{
	crm_starter_free(s);
	crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	return NULL;
}

/* ------------------------------------------------------- a new business case */

/* Every column a starter lays out, in the order of its header. */
static const char *const new_columns[] = {
	"kind", "name", "value", "low", "high", "dist", "unit", "area", "timing", "start", "end",
	"ramp", "curve", "growth", "risk", "class", "adoption", "owner", "metric", "label", "note",
	"placeholder"
};

/*
 * Whether a currency can be a scenario's: 1 to 8 bytes (the scenario's
 * limit) of letters, digits or a sign beyond ASCII (EUR, CHF, €), so that a
 * comma or a space typed by mistake is not taken for part of the code.
 */
static int currency_ok(const char *c)
{
	size_t n = strlen(c);
	if (n < 1 || n > 8)
		return 0;
	for (; *c; c++)
		if (!isalnum((unsigned char)*c) && (unsigned char)*c < 0x80)
			return 0;
	return 1;
}

/* Whether text has a control character (a scenario refuses them). */
static int has_control(const char *t)
{
	for (; *t; t++)
		if ((unsigned char)*t < 0x20 || *t == 0x7f)
			return 1;
	return 0;
}

/* The library's area names, as "a, b, c" in list; NULL on no memory. */
static char *area_list(const char ***names)
{
	size_t na = crm_areas_count(), len = 1;
	for (size_t i = 0; i < na; i++)
		len += strlen(crm_areas_at(i)->name) + 2;
	char *list = malloc(len);
	if (!list || !(*names = malloc(na * sizeof **names))) {
		free(list);
		return NULL;
	}
	list[0] = '\0';
	for (size_t i = 0; i < na; i++) {
		(*names)[i] = crm_areas_at(i)->name;
		crm_appendf(list, len, "%s%s", i ? ", " : "", (*names)[i]);
	}
	return list;
}

static crm_status check_options(const crm_starter_options *opt, const crm_area **areas,
				crm_error *err)
{
	const char **names = NULL;
	char *list = area_list(&names);
	crm_status st = CRM_OK;

	if (!list)
		return crm_error_set(err, CRM_ENOMEM, NULL, 0, 0, "out of memory");
	if (!opt->nareas)
		st = crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "no area given (the areas are %s)",
				   list);
	for (size_t i = 0; i < opt->nareas && st == CRM_OK; i++) {
		const char *a = opt->areas[i];
		if (!(areas[i] = crm_areas_find(a))) {
			char sug[160];
			crm_suggest(a, names, crm_areas_count(), sug, sizeof sug);
			st = crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "unknown area '%s'%s; the areas "
					   "are %s (crmroi new --list says what each models)", a, sug,
					   list);
		}
		for (size_t k = 0; k < i && st == CRM_OK; k++)
			if (areas[k] == areas[i])
				st = crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "area '%s' is named "
						   "twice", a);
	}
	free(list);
	free(names);
	if (st != CRM_OK)
		return st;
	if (opt->currency && !currency_ok(opt->currency))
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "currency '%s' is not a currency "
				     "code (expected 1 to 8 letters or a sign, such as USD, EUR, GBP)",
				     opt->currency);
	if (opt->horizon_years && (opt->horizon_years < 1 ||
				   opt->horizon_years > CRM_MAX_HORIZON_YEARS))
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "a horizon of %d years is not "
				     "one a scenario can have (expected 1 to %d)", opt->horizon_years,
				     CRM_MAX_HORIZON_YEARS);
	if (opt->title && has_control(opt->title))
		return crm_error_set(err, CRM_EUSAGE, NULL, 0, 0, "the title has a control "
				     "character (a tab or a line break): a scenario's text cannot");
	return CRM_OK;
}

/* "a, b and c" of the areas' words. */
static char *words_of(const crm_area *const *areas, size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(areas[i]->words) + 5;
	char *s = malloc(len);
	if (!s)
		return NULL;
	s[0] = '\0';
	for (size_t i = 0; i < n; i++)
		crm_appendf(s, len, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ",
			    areas[i]->words);
	return s;
}

static int settings_rows(crm_starter *s, const char *title, const char *currency, int years)
{
	char h[16];

	snprintf(h, sizeof h, "%d", years);
	if (blank(s) || comment(s, "Settings") ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "title" },
				       { "value", title }, { NULL, NULL } }) ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "currency" },
				       { "value", currency },
				       { "note", "The currency of every amount in this file" },
				       { NULL, NULL } }) ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "horizon_years" },
				       { "value", h },
				       { "note", "Years the case runs after the investment date" },
				       { NULL, NULL } }) ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "discount_rate" },
				       { "value", "10%" }, { "owner", "Finance" },
				       { "note", "Your company's cost of capital or hurdle rate for "
					 "projects (finance)" },
				       { "placeholder", "10%" }, { NULL, NULL } }) ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "benefit_risk" },
				       { "value", "10%" },
				       { "note", "TEI risk adjustment: every benefit counts at 90%, "
					 "since estimates of benefits tend to be optimistic; a line's "
					 "risk column overrides it" },
				       { NULL, NULL } }))
		return -1;
	return 0;
}

/* The go-live month and the share of adoption every benefit follows. */
static int program_rows(crm_starter *s, int months, int maxlag)
{
	int high = GOLIVE_HIGH < months - maxlag ? GOLIVE_HIGH : months - maxlag;
	int value = GOLIVE < high ? GOLIVE : high;
	int low = GOLIVE_LOW < value ? GOLIVE_LOW : value;
	char v[16], lo[16], hi[16];

	snprintf(v, sizeof v, "%d", value);
	snprintf(lo, sizeof lo, "%d", low);
	snprintf(hi, sizeof hi, "%d", high);
	if (blank(s) ||
	    comment(s, "The program: when the CRM goes live, and how many of its users really "
		    "work in it") ||
	    row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "golive" }, { "value", v },
				       { "low", lo }, { "high", hi }, { "dist", "triangular" },
				       { "unit", "months" }, { "owner", "Program lead" },
				       { "label", "Go-live month" },
				       { "note", "Month the CRM goes live (month 0 is the investment "
					 "date): the benefits start from it and ramp up; its range is "
					 "the schedule risk (the integrator's project plan)" },
				       { "placeholder", v }, { NULL, NULL } }) ||
	    row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "adoption" },
				       { "value", "80%" }, { "low", "60%" }, { "high", "95%" },
				       { "dist", "pert" }, { "unit", "percent" },
				       { "owner", "Change management" }, { "label", "Adoption" },
				       { "note", "Share of users who really work in the CRM: usage "
					 "reports of a pilot, or of a similar roll-out; it multiplies "
					 "each benefit that names it in its adoption column" },
				       { "placeholder", "80%" }, { NULL, NULL } }))
		return -1;
	return 0;
}

static int area_rows(crm_starter *s, const crm_area *a)
{
	if (blank(s) || comment(s, "%s (%s)", a->title, a->name) || paragraph(s, a->models))
		return -1;
	for (size_t i = 0; i < a->ninputs; i++) {
		const crm_area_input *in = &a->inputs[i];
		if (row_of(s, (struct cell[]){ { "kind", "input" }, { "name", in->name },
					       { "value", in->value }, { "low", in->low },
					       { "high", in->high }, { "dist", in->dist },
					       { "unit", in->unit }, { "owner", in->owner },
					       { "label", in->label }, { "note", in->note },
					       { "placeholder", in->value }, { NULL, NULL } }))
			return -1;
	}
	for (size_t i = 0; i < a->nbenefits; i++) {
		const crm_area_benefit *b = &a->benefits[i];
		char start[32], ramp[16];
		if (b->lag)
			snprintf(start, sizeof start, "golive + %d", b->lag);
		else
			snprintf(start, sizeof start, "golive");
		snprintf(ramp, sizeof ramp, "%d", b->ramp);
		if (row_of(s, (struct cell[]){ { "kind", "benefit" }, { "name", b->label },
					       { "value", b->value }, { "area", a->name },
					       { "timing", "yearly" }, { "start", start },
					       { "ramp", ramp }, { "curve", b->curve },
					       { "risk", b->risk }, { "class", b->cls },
					       { "adoption", b->adoption ? "adoption" : NULL },
					       { "owner", b->owner }, { "metric", b->metric },
					       { "note", b->note }, { NULL, NULL } }))
			return -1;
	}
	return 0;
}

/* The usual costs of a CRM program, with the inputs they are counted from. */
static int cost_rows(crm_starter *s, const crm_area *const *areas, size_t n)
{
	char golive1[32], aftercare[32], setup[32], fte[32], *why;
	size_t len = 1;
	long sum = 0;

	for (size_t i = 0; i < n; i++)
		len += strlen(areas[i]->words) + strlen(areas[i]->setup) + 3;
	if (!(why = malloc(len)))
		return -1;
	why[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		sum += strtol(areas[i]->setup, NULL, 10);
		crm_appendf(why, len, "%s%s %s", i ? ", " : "", areas[i]->words, areas[i]->setup);
	}
	snprintf(setup, sizeof setup, "%ld", sum);
	snprintf(fte, sizeof fte, "%zu", n);
	snprintf(golive1, sizeof golive1, "golive - 1");
	snprintf(aftercare, sizeof aftercare, "golive + %d", AFTERCARE);
	char *impl_note = fmt("Configuration and set-up by the integrator (their quote); the "
			      "placeholder adds up what it typically costs per area: %s", why);
	free(why);
	if (!impl_note)
		return -1;
	int bad = blank(s) ||
		say(s, "Costs: once (paid in the month of start), yearly (a year's amount, spread "
		    "over its months) or monthly (a month's amount).") ||
		row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "crm_users" },
					   { "value", "50" }, { "unit", "count" },
					   { "owner", "Program lead" }, { "label", "CRM users" },
					   { "note", "People who will work in the CRM: licences and "
					     "training are counted per user" },
					   { "placeholder", "50" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "licence_per_user" },
					   { "value", "900" }, { "unit", "currency" },
					   { "owner", "Procurement" }, { "label", "Licence per user and year" },
					   { "note", "Licence or subscription price per user and year "
					     "(the vendor's quote)" },
					   { "placeholder", "900" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "training_per_user" },
					   { "value", "600" }, { "unit", "currency" },
					   { "owner", "HR" }, { "label", "Training per user" },
					   { "note", "Training per user: course days at the trainer's day "
					     "rate, and travel (the training partner's quote)" },
					   { "placeholder", "600" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "project_fte" },
					   { "value", fte }, { "unit", "count" },
					   { "owner", "Program lead" }, { "label", "Project staff (full-time)" },
					   { "note", "Full-time people of your own on the project, until "
					     "six months after go-live (the placeholder: one for each "
					     "area)" },
					   { "placeholder", fte }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "admin_fte" },
					   { "value", "1" }, { "unit", "count" },
					   { "owner", "IT" }, { "label", "CRM administrators (full-time)" },
					   { "note", "Full-time people who run the CRM after go-live: "
					     "administration, support, data quality" },
					   { "placeholder", "1" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "input" }, { "name", "fte_yearly_cost" },
					   { "value", "85000" }, { "unit", "currency" },
					   { "owner", "Finance" }, { "label", "Yearly cost of a full-time person" },
					   { "note", "Loaded yearly cost of one full-time person (HR or "
					     "finance)" },
					   { "placeholder", "85000" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "CRM licences" },
					   { "value", "crm_users * licence_per_user" },
					   { "area", "license" }, { "timing", "yearly" },
					   { "start", "1" }, { "owner", "Procurement" },
					   { "note", "From the contract, every year" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "Implementation" },
					   { "value", setup }, { "area", "implementation" },
					   { "timing", "once" }, { "start", "0" },
					   { "owner", "Program lead" }, { "note", impl_note },
					   { "placeholder", setup }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "Integration" },
					   { "value", "60000" }, { "area", "integration" },
					   { "timing", "once" }, { "start", "0" }, { "owner", "IT" },
					   { "note", "Interfaces to the ERP, e-mail and telephony (the "
					     "integrator's quote)" },
					   { "placeholder", "60000" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "Data migration" },
					   { "value", "40000" }, { "area", "data_migration" },
					   { "timing", "once" }, { "start", "0" }, { "owner", "IT" },
					   { "note", "Cleaning and loading customers, contacts and "
					     "history (the integrator's quote)" },
					   { "placeholder", "40000" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "Training" },
					   { "value", "crm_users * training_per_user" },
					   { "area", "training" }, { "timing", "once" },
					   { "start", golive1 }, { "owner", "HR" },
					   { "note", "The month before go-live" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "Change management" },
					   { "value", "8000" }, { "area", "change_management" },
					   { "timing", "monthly" }, { "start", "1" },
					   { "end", aftercare }, { "owner", "Change management" },
					   { "note", "Communication, champions and coaching, a month's "
					     "cost until six months after go-live" },
					   { "placeholder", "8000" }, { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "Internal project team" },
					   { "value", "project_fte * fte_yearly_cost" },
					   { "area", "internal_staff" }, { "timing", "yearly" },
					   { "start", "1" }, { "end", aftercare },
					   { "owner", "Program lead" },
					   { "note", "Your own people's time on the project" },
					   { NULL, NULL } }) ||
		row_of(s, (struct cell[]){ { "kind", "cost" }, { "name", "CRM administration" },
					   { "value", "admin_fte * fte_yearly_cost" },
					   { "area", "internal_staff" }, { "timing", "yearly" },
					   { "start", "golive" }, { "owner", "IT" },
					   { "note", "Running the CRM from go-live" }, { NULL, NULL } });
	free(impl_note);
	return bad ? -1 : 0;
}

crm_starter *crm_starter_new(const crm_starter_options *opt, crm_error *err)
{
	const crm_area **areas = calloc(opt->nareas + 1, sizeof *areas);
	crm_starter *s = calloc(1, sizeof *s);
	char *words = NULL, *title = NULL;
	const char *file = opt->file ? opt->file : "FILE";
	const char *currency = opt->currency ? opt->currency : "USD";
	int years = opt->horizon_years ? opt->horizon_years : CRM_STARTER_HORIZON, maxlag = 0;

	if (!areas || !s) {
		free(areas);
		return fail_nomem(s, err);
	}
	if (check_options(opt, areas, err) != CRM_OK) {
		free(areas);
		crm_starter_free(s);
		return NULL;
	}
	s->nareas = opt->nareas;
	for (size_t i = 0; i < opt->nareas; i++)
		for (size_t b = 0; b < areas[i]->nbenefits; b++)
			if (areas[i]->benefits[b].lag > maxlag)
				maxlag = areas[i]->benefits[b].lag;
	for (size_t c = 0; c < sizeof new_columns / sizeof *new_columns; c++)
		if (add_column(s, new_columns[c]) != 0)
			goto nomem;
	if (!(words = words_of(areas, opt->nareas)) ||
	    !(title = opt->title ? dup(opt->title) : fmt("CRM business case: %s", words)))
		goto nomem;
	if (say(s, "%s", title) ||
	    say(s, "Written by crmroi new as a starting point; crmroi-scenario(5) describes every "
		"column, those laid out here and those you may add to the header (probability and "
		"group for risks and gates, treatment and life for tax, date, phase).") ||
	    blank(s) ||
	    say(s, "A row with a value in its placeholder column (the last) holds a figure crmroi "
		"cannot know: write your own in its value (and in low and high, the range of your "
		"estimate); its note says where to find it. crmroi check %s warns about each "
		"placeholder still unchanged; empty a placeholder cell to keep its value on "
		"purpose. Then crmroi run %s computes the case, and crmroi new --from %s -o "
		"option2.csv starts an option to compare with it.", file, file, file) ||
	    blank(s) ||
	    say(s, "Months count from the investment date (month 0); rates are written with %% "
		"(12%%). Benefits start at go-live, or a few months after it, and ramp up to full "
		"effect in the months of ramp. An input's label (Leads per year) is the words the "
		"board document and the tables show for it; without one they make them of its "
		"name.") ||
	    header_row(s) ||
	    settings_rows(s, title, currency, years) ||
	    program_rows(s, 12 * years, maxlag))
		goto nomem;
	for (size_t i = 0; i < opt->nareas; i++)
		if (area_rows(s, areas[i]) != 0)
			goto nomem;
	if (cost_rows(s, areas, opt->nareas) != 0)
		goto nomem;
	free(areas);
	free(words);
	free(title);
	return s;
nomem:
	free(areas);
	free(words);
	free(title);
	return fail_nomem(s, err);
}

/* ------------------------------------------------------------ a variant */

/* A file of the base read again: its rows, and its header's columns. */
struct src {
	const char *name;
	crm_csv_table t;
	const crm_csv_row *header;
};

static int is_blank_or_comment(const crm_csv_row *r)
{
	if (r->nfields > 0 && r->fields[0][0] == '#')
		return 1;
	for (int f = 0; f < r->nfields; f++) {
		char *x = r->fields[f];
		while (isspace((unsigned char)*x))
			x++;
		if (*x)
			return 0;
	}
	return 1;
}

static crm_status read_src(struct src *sr, const char *name, crm_error *err)
{
	char *buf;
	size_t len;
	crm_status st;

	memset(sr, 0, sizeof *sr);
	sr->name = name;
	if ((st = crm_read_file(name, "scenario file", &buf, &len, err)) != CRM_OK)
		return st;
	st = crm_csv_parse(buf, len, 0, name, &sr->t, err);
	free(buf);
	if (st != CRM_OK)
		return st;
	for (size_t i = 0; i < sr->t.nrows && !sr->header; i++)
		if (!is_blank_or_comment(&sr->t.rows[i]))
			sr->header = &sr->t.rows[i];
	for (int f = 0; sr->header && f < sr->header->nfields; f++) {
		crm_csv_trim(sr->header->fields[f]);
		for (char *p = sr->header->fields[f]; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	return CRM_OK;
}

/* The row of sr that starts at line, or NULL. */
static const crm_csv_row *row_at(const struct src *sr, int line)
{
	for (size_t i = 0; i < sr->t.nrows; i++)
		if (sr->t.rows[i].line == line)
			return &sr->t.rows[i];
	return NULL;
}

/*
 * A row of the base, as written, as an example row of the variant; NULL on
 * no memory (*nomem set) or when the row is not found.
 */
static char **copy_row(crm_starter *s, const struct src *srcs, size_t nsrc, crm_loc at,
		       int *nomem)
{
	const struct src *sr = NULL;
	const crm_csv_row *r;
	char **cells;

	*nomem = 0;
	for (size_t k = 0; k < nsrc && !sr; k++)
		if (at.file && !strcmp(srcs[k].name, at.file))
			sr = &srcs[k];
	if (!sr || !sr->header || !(r = row_at(sr, at.line)))
		return NULL;
	if (!(cells = add_row(s, CRM_STARTER_EXAMPLE))) {
		*nomem = 1;
		return NULL;
	}
	for (int f = 0; f < r->nfields && f < sr->header->nfields; f++) {
		char *v = dup(r->fields[f]);
		if (!v) {
			*nomem = 1;
			return NULL;
		}
		crm_csv_trim(v);
		int c = column(s, sr->header->fields[f]);
		if (c >= 0) {
			free(cells[c]);
			cells[c] = v;
		} else {
			free(v);
		}
	}
	return cells;
}

/* The start of a line moved LATER months on, as the start column writes it. */
static char *later(const char *start, int current)
{
	double x;
	int plain = 1;

	if (!*start)
		return fmt("%d", current + LATER);
	if (crm_parse_number(start, &x, NULL, NULL, 0) == CRM_OK)
		return fmt("%.0f", x + LATER);
	for (const char *p = start; *p; p++)
		if (!isalnum((unsigned char)*p) && !strchr("_ +-.", *p))
			plain = 0;
	return plain ? fmt("%s + %d", start, LATER) : fmt("(%s) + %d", start, LATER);
}

/*
 * The first (or last) line of a kind but not, recurring when asked; a line
 * whose value is a plain number first when asked, since that is the one an
 * example changes by its value.
 */
static const crm_line *pick_line(const crm_scenario *b, crm_line_kind kind, const crm_line *not,
				 int recurring, int last, int number)
{
	const crm_line *pick = NULL;
	for (int pass = number ? 0 : 1; pass < 2 && !pick; pass++)
		for (size_t l = 0; l < b->nlines; l++) {
			const crm_line *ln = &b->lines[l];
			if (ln->kind != kind || ln == not || (recurring && ln->timing == CRM_ONCE) ||
			    (pass == 0 && crm_expr_kind(ln->value) != CRM_VALUE_NUMBER))
				continue;
			pick = ln;
			if (!last)
				break;
		}
	return pick;
}

static const crm_input *pick_input(const crm_scenario *b)
{
	for (size_t i = 0; i < b->ninputs; i++)
		if (b->inputs[i].timing)
			return &b->inputs[i];
	for (size_t i = 0; i < b->ninputs; i++)
		if (b->inputs[i].range.given)
			return &b->inputs[i];
	return b->ninputs ? &b->inputs[0] : NULL;
}

/* The examples of what a variant states, each after a comment that says what it shows. */
static int examples(crm_starter *s, const crm_scenario *b, const struct src *srcs, size_t nsrc,
		    const char *base)
{
	const crm_input *in = pick_input(b);
	const crm_line *ben = pick_line(b, CRM_BENEFIT, NULL, 1, 0, 0);
	const crm_line *cost = pick_line(b, CRM_COST, NULL, 0, 0, 1);
	const crm_line *gone = pick_line(b, CRM_COST, cost, 0, 1, 0);
	char **cells;
	int nomem;

	if (!gone)
		gone = pick_line(b, CRM_BENEFIT, ben, 0, 1, 0);
	if (in) {
		if (blank(s) ||
		    say(s, "An input at another value: here as in %s; change its value (and low "
			"and high).", base))
			return -1;
		if (!copy_row(s, srcs, nsrc, in->loc, &nomem) && nomem)
			return -1;
	}
	if (ben) {
		crm_loc at = ben->loc;
		if (blank(s) ||
		    say(s, "A benefit that starts %d months later than in %s (a later phase): its "
			"start moved.", LATER, base))
			return -1;
		cells = copy_row(s, srcs, nsrc, at, &nomem);
		if (!cells && nomem)
			return -1;
		int c = column(s, "start");   /* always a column of a variant */
		if (cells && c >= 0) {
			char *t = later(cells[c], ben->start);
			if (!t)
				return -1;
			free(cells[c]);
			cells[c] = t;
		}
	}
	if (cost) {
		if (blank(s) ||
		    say(s, "A cost at another amount: here as in %s; change its value.", base))
			return -1;
		if (!copy_row(s, srcs, nsrc, cost->loc, &nomem) && nomem)
			return -1;
	}
	if (gone) {
		if (blank(s) ||
		    say(s, "A line of %s taken out: remove, and its name.", base) ||
		    !(cells = add_row(s, CRM_STARTER_EXAMPLE)) ||
		    set(s, cells, "kind", "remove") || set(s, cells, "name", gone->label))
			return -1;
	}
	/* A line the base does not have: a name of its own. */
	char name[64] = "Extra consulting";
	for (int k = 2; k < 100; k++) {
		int taken = 0;
		for (size_t l = 0; l < b->nlines; l++)
			taken |= !strcmp(b->lines[l].label, name);
		if (!taken)
			break;
		snprintf(name, sizeof name, "Extra consulting %d", k);
	}
	if (blank(s) ||
	    say(s, "A line %s does not have: a cost here, paid once at the start.", base) ||
	    !(cells = add_row(s, CRM_STARTER_EXAMPLE)) ||
	    set(s, cells, "kind", "cost") || set(s, cells, "name", name) ||
	    set(s, cells, "value", "50000") || set(s, cells, "area", "implementation") ||
	    set(s, cells, "timing", "once") || set(s, cells, "start", "0") ||
	    set(s, cells, "note", "An example: what this option adds") ||
	    set(s, cells, "placeholder", "50000"))
		return -1;
	char years[16];
	int h = b->settings.horizon_years + LONGER;
	snprintf(years, sizeof years, "%d", h > CRM_MAX_HORIZON_YEARS ? CRM_MAX_HORIZON_YEARS : h);
	if (blank(s) ||
	    say(s, "A setting of %s changed: settings are inherited too.", base) ||
	    !(cells = add_row(s, CRM_STARTER_EXAMPLE)) ||
	    set(s, cells, "kind", "setting") || set(s, cells, "name", "horizon_years") ||
	    set(s, cells, "value", years))
		return -1;
	return 0;
}

crm_starter *crm_starter_variant(const crm_scenario *base, const char *base_ref,
				 const char *title, const char *base_shown, const char *file,
				 crm_error *err)
{
	crm_starter *s = calloc(1, sizeof *s);
	struct src *srcs = calloc(base->nfiles + 1, sizeof *srcs);
	size_t nsrc = 0;
	char *own_title = NULL;
	const char *bs = base_shown ? base_shown : "BASE", *fs = file ? file : "FILE";
	crm_status st = CRM_ENOMEM;

	if (!s || !srcs)
		goto done;
	for (; nsrc < base->nfiles; nsrc++)
		if ((st = read_src(&srcs[nsrc], base->files[nsrc], err)) != CRM_OK) {
			crm_csv_table_free(&srcs[nsrc].t);
			goto done;
		}
	st = CRM_ENOMEM;
	/* The columns: kind, name and value, then each file's header in turn. */
	if (add_column(s, "kind") || add_column(s, "name") || add_column(s, "value"))
		goto done;
	for (size_t k = 0; k < nsrc; k++)
		for (int f = 0; srcs[k].header && f < srcs[k].header->nfields; f++)
			if (*srcs[k].header->fields[f] &&
			    add_column(s, srcs[k].header->fields[f]) != 0)
				goto done;
	/* The example benefit that starts later needs it, whether the base has it or not. */
	if (add_column(s, "start") != 0)
		goto done;
	if (!title && !(own_title = *base->settings.title
			? fmt("%s (variant)", base->settings.title) : fmt("Variant of %s", bs)))
		goto done;
	char *intro = fmt("A variant of %s: an option to compare with it (crmroi compare %s %s). "
			  "It inherits every row of %s and states only what differs "
			  "(crmroi-scenario(5), INHERITANCE):", bs, bs, fs, bs);
	int bad = !intro || paragraph(s, intro);
	free(intro);
	if (bad ||
	    comment(s, "  - a row with the kind and name of an inherited row replaces that row "
		    "whole:") ||
	    comment(s, "    give it every column, not only the one you change;") ||
	    comment(s, "  - a row remove,NAME takes the row called NAME out;") ||
	    comment(s, "  - any other row is added.") ||
	    comment(s, "The examples below are commented out: delete the '# ' in front of one "
		    "to use it,") ||
	    comment(s, "then edit it.") ||
	    header_row(s) ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "base" },
				       { "value", base_ref }, { NULL, NULL } }) ||
	    row_of(s, (struct cell[]){ { "kind", "setting" }, { "name", "title" },
				       { "value", title ? title : own_title }, { NULL, NULL } }) ||
	    examples(s, base, srcs, nsrc, bs))
		goto done;
	st = CRM_OK;
done:
	for (size_t k = 0; k < nsrc; k++)
		crm_csv_table_free(&srcs[k].t);
	free(srcs);
	free(own_title);
	if (st == CRM_ENOMEM)
		return fail_nomem(s, err);
	if (st != CRM_OK) {
		crm_starter_free(s);
		return NULL;
	}
	return s;
}
