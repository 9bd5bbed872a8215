/*
 * rtable.c - typed result tables in text, markdown, CSV and JSON.
 */
#define _POSIX_C_SOURCE 200809L
#include "rtable.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int rtable_init(rtable *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->keys = calloc(ncols, sizeof *t->keys);
	t->labels = calloc(ncols, sizeof *t->labels);
	t->units = calloc(ncols, sizeof *t->units);
	if (!t->keys || !t->labels || !t->units) {
		rtable_free(t);
		return -1;
	}
	return 0;
}

void rtable_col(rtable *t, size_t c, const char *key, const char *label, int unit)
{
	free(t->keys[c]);
	free(t->labels[c]);
	t->keys[c] = strdup(key);
	t->labels[c] = strdup(label);
	t->units[c] = unit;
}

long rtable_row(rtable *t)
{
	if (t->nrows == t->cap) {
		size_t ncap = t->cap ? 2 * t->cap : 64;
		rcell *n = realloc(t->cells, ncap * t->ncols * sizeof *n);
		if (!n)
			return -1;
		t->cells = n;
		t->cap = ncap;
	}
	memset(t->cells + t->nrows * t->ncols, 0, t->ncols * sizeof *t->cells);
	return (long)t->nrows++;
}

static rcell *cell(rtable *t, long r, size_t c)
{
	return &t->cells[(size_t)r * t->ncols + c];
}

void rtable_num(rtable *t, long r, size_t c, double v)
{
	rcell *x = cell(t, r, c);
	x->kind = isfinite(v) ? 1 : 3;
	x->v = v;
	if (!isfinite(v))
		x->text = strdup("not a number");
}

void rtable_text(rtable *t, long r, size_t c, const char *s)
{
	rcell *x = cell(t, r, c);
	x->kind = 2;
	x->text = strdup(s ? s : "");
}

void rtable_text_for(rtable *t, long r, size_t c, const char *machine, const char *people)
{
	rtable_text(t, r, c, machine);
	if (people)
		cell(t, r, c)->people = strdup(people);
}

void rtable_num_in(rtable *t, long r, size_t c, double v, int unit, int decimals)
{
	rcell *x = cell(t, r, c);

	rtable_num(t, r, c, v);
	x->own_unit = 1;
	x->unit = unit;
	x->decimals = decimals;
}

/* The unit and decimals a parameter's values are shown in (decimals -1: the unit's own). */
static void param_format(const crm_param *p, double v, int *unit, int *decimals)
{
	*unit = p->unit;
	*decimals = -1;
	if (!(fabs(v) < 1e15)) {
		/* Beyond what decimals can show (1e308): significant digits, as any number. */
		*unit = CRM_UNIT_NUMBER;
	} else if (p->whole) {
		/* Whole values; a base between them (a go-live of 4.5) as written. */
		*unit = CRM_UNIT_NUMBER;
		*decimals = crm_decimals_of(v);
	} else if (p->kind == CRM_PARAM_INPUT && p->unit != CRM_UNIT_MONEY) {
		/*
		 * A value of the input's own (its base, low, high, or
		 * a --pct end of 0.675 for 0.75) with the decimals they need; a
		 * value computed from them (a break-even of 367.92088) to the
		 * input's own decimals, but with two significant digits at least
		 * (a percentage 1.2%, not 1%; hours 2.2, not 2), a count (the unit
		 * count) in whole things as written.
		 */
		int own = crm_decimals_of(v);
		if (own <= p->decimals + 2) {
			*decimals = own > p->decimals ? own : p->decimals;
		} else {
			*decimals = p->decimals;
			if (v != 0 && !p->count) {
				double a = fabs(v) * (p->unit == CRM_UNIT_RATE ? 100 : 1);
				int need = a >= 10 ? 0 : a >= 1 ? 1 : a >= 0.1 ? 2 : 3;
				need += p->unit == CRM_UNIT_RATE ? 2 : 0;
				if (need > *decimals)
					*decimals = need;
			}
		}
	}
}

void rtable_param(rtable *t, long r, size_t c, const crm_param *p, double v)
{
	int unit, decimals;

	param_format(p, v, &unit, &decimals);
	rtable_num_in(t, r, c, v, unit, decimals);
}

void fmt_param(char *buf, size_t len, const crm_param *p, double v)
{
	int unit, decimals;

	param_format(p, v, &unit, &decimals);
	if (unit == CRM_UNIT_NUMBER && decimals >= 0)
		fmt_money(buf, len, v, decimals);
	else if (unit == CRM_UNIT_RATE && decimals >= 0)
		fmt_rate_in(buf, len, v, decimals);
	else
		fmt_unit(buf, len, v, unit);
}

const char *param_words(const crm_param *p)
{
	return p->label ? p->label : p->name;
}

void rtable_value(rtable *t, long r, size_t c, const crm_value *v)
{
	if (v->ok) {
		rtable_num(t, r, c, v->v);
	} else {
		rcell *x = cell(t, r, c);
		x->kind = 3;
		x->text = strdup(v->why);
	}
}

void rtable_free(rtable *t)
{
	for (size_t i = 0; i < t->nrows * t->ncols; i++) {
		free(t->cells[i].text);
		free(t->cells[i].people);
	}
	for (size_t c = 0; c < t->ncols && t->keys; c++) {
		free(t->keys[c]);
		free(t->labels[c]);
	}
	free(t->keys);
	free(t->labels);
	free(t->units);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

void fmt_rate_in(char *buf, size_t len, double fraction, int decimals)
{
	char num[FMT_NUM_MAX];

	fmt_money(num, sizeof num, fraction * 100.0, decimals > 2 ? decimals - 2 : 0);
	snprintf(buf, len, "%s%%", num);
}

void fmt_unit(char *buf, size_t len, double v, int unit)
{
	switch (unit) {
	case CRM_UNIT_MONEY: fmt_money(buf, len, v, 0); break;
	case CRM_UNIT_RATE: fmt_percent(buf, len, v); break;
	case CRM_UNIT_RATIO: fmt_money(buf, len, v, 2); break;
	case CRM_UNIT_MONTHS: snprintf(buf, len, "%.1f", v); break;
	default: snprintf(buf, len, "%.10g", v); break;
	}
}

/* A cell as people read it. */
static void show(const rtable *t, size_t r, size_t c, char *buf, size_t len)
{
	const rcell *x = &t->cells[r * t->ncols + c];

	switch (x->kind) {
	case 1:
		if (!x->own_unit)
			fmt_unit(buf, len, x->v, t->units[c]);
		else if (x->unit == CRM_UNIT_NUMBER && x->decimals >= 0)
			fmt_money(buf, len, x->v, x->decimals);
		else if (x->unit == CRM_UNIT_RATE && x->decimals >= 0)
			fmt_rate_in(buf, len, x->v, x->decimals);
		else
			fmt_unit(buf, len, x->v, x->unit);
		break;
	case 2: snprintf(buf, len, "%s", x->people ? x->people : x->text ? x->text : ""); break;
	case 3: snprintf(buf, len, "n/a (%s)", x->text ? x->text : ""); break;
	default: buf[0] = '\0'; break;
	}
}

static void to_text_table(const rtable *t, text_table *tt)
{
	const char **cells = calloc(t->ncols, sizeof *cells);
	char (*buf)[FMT_NUM_MAX] = calloc(t->ncols, sizeof *buf);
	char **own = calloc(t->ncols, sizeof *own);

	if (!cells || !buf || !own || table_init(tt, t->ncols) != 0)
		goto done;
	for (size_t c = 0; c < t->ncols; c++) {
		cells[c] = t->labels[c];
		tt->right[c] = t->units[c] != UNIT_TEXT;
	}
	tt->wrap_last = t->ncols > 1 && t->units[t->ncols - 1] == UNIT_TEXT;
	table_add(tt, ROW_NORMAL, cells);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const rcell *x = &t->cells[r * t->ncols + c];
			/* Text of any length is shown whole; numbers fit FMT_NUM_MAX. */
			if (x->kind == 2) {
				cells[c] = x->people ? x->people : x->text ? x->text : "";
			} else if (x->kind == 3) {
				free(own[c]);
				own[c] = dup_printf("n/a (%s)", x->text ? x->text : "");
				cells[c] = own[c] ? own[c] : "n/a";
			} else {
				show(t, r, c, buf[c], sizeof buf[c]);
				cells[c] = buf[c];
			}
		}
		table_add(tt, ROW_NORMAL, cells);
	}
done:
	for (size_t c = 0; own && c < t->ncols; c++)
		free(own[c]);
	free(own);
	free(cells);
	free(buf);
}

void rtable_print_text(const rtable *t, FILE *fp, const char *indent)
{
	text_table tt;

	memset(&tt, 0, sizeof tt);
	to_text_table(t, &tt);
	table_print_text(&tt, fp, indent);
	table_free(&tt);
}

void rtable_print_markdown(const rtable *t, FILE *fp)
{
	text_table tt;

	memset(&tt, 0, sizeof tt);
	to_text_table(t, &tt);
	table_print_markdown(&tt, fp);
	table_free(&tt);
}

/* Whether column c has a cell whose number does not exist. */
static int has_na(const rtable *t, size_t c)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->cells[r * t->ncols + c].kind == 3)
			return 1;
	return 0;
}

void rtable_print_csv(const rtable *t, FILE *fp)
{
	/*
	 * A numeric column holds numbers only: where a number does not exist its
	 * cell is empty, and a "<key>_note" column after it gives the reason.
	 */
	char *na = calloc(t->ncols ? t->ncols : 1, 1);

	for (size_t c = 0; na && c < t->ncols; c++)
		na[c] = (char)has_na(t, c);
	rtable_print_csv_block(t, fp, na, 1);
	free(na);
}

void rtable_print_csv_block(const rtable *t, FILE *fp, const char *na, int header)
{
	for (size_t c = 0; header && c < t->ncols; c++) {
		csv_field(fp, t->keys[c], c == 0);
		if (na && na[c]) {
			char *key = dup_printf("%s_note", t->keys[c]);
			csv_field(fp, key ? key : "note", 0);
			free(key);
		}
	}
	if (header)
		csv_end(fp);
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const rcell *x = &t->cells[r * t->ncols + c];
			if (x->kind == 1)
				csv_number(fp, x->v, c == 0);
			else if (x->kind == 2)
				csv_field(fp, x->text, c == 0);
			else if (x->kind == 3 && !(na && na[c]))
				csv_field(fp, x->text, c == 0);
			else
				csv_field(fp, "", c == 0);
			if (na && na[c])
				csv_field(fp, x->kind == 3 ? x->text : "", 0);
		}
		csv_end(fp);
	}
}

void rtable_print_json(const rtable *t, FILE *fp, int indent)
{
	fputc('[', fp);
	for (size_t r = 0; r < t->nrows; r++) {
		fprintf(fp, "%s\n%*s{", r ? "," : "", indent + 2, "");
		int first = 1;
		for (size_t c = 0; c < t->ncols; c++) {
			const rcell *x = &t->cells[r * t->ncols + c];
			if (!first)
				fputs(", ", fp);
			first = 0;
			json_string(fp, t->keys[c]);
			fputs(": ", fp);
			if (x->kind == 1)
				json_number(fp, x->v);
			else if (x->kind == 2)
				json_string(fp, x->text);
			else
				fputs("null", fp);
			if (x->kind == 3) {
				char key[200];
				snprintf(key, sizeof key, "%s_note", t->keys[c]);
				fputs(", ", fp);
				json_string(fp, key);
				fputs(": ", fp);
				json_string(fp, x->text);
			}
		}
		fputc('}', fp);
	}
	if (t->nrows)
		fprintf(fp, "\n%*s", indent, "");
	fputc(']', fp);
}
