/*
 * rtable.h - a result table with typed cells, printed in every output format.
 *
 * Columns have a key (CSV header, JSON key), a label (text and markdown) and
 * a unit that decides how numbers are shown to people. A cell is a number,
 * a text, or "not available" with the reason, which text and CSV show in
 * place of a number and JSON gives as null with a "<key>_note".
 */
#ifndef CRMROI_RTABLE_H
#define CRMROI_RTABLE_H

#include "render.h"

#define UNIT_TEXT (-1)

typedef struct rcell {
	int kind;          /* 0 empty, 1 number, 2 text, 3 not available */
	double v;
	char *text;        /* text, or the reason for n/a */
	char *people;      /* a text's words for text and markdown (an input's label); NULL: text */
	int own_unit;      /* a number in a unit of its own (unit, decimals), not its column's */
	int unit, decimals;
} rcell;

typedef struct rtable {
	size_t ncols, nrows, cap;
	char **keys, **labels;
	int *units;
	rcell *cells;
} rtable;

int rtable_init(rtable *t, size_t ncols);
void rtable_col(rtable *t, size_t c, const char *key, const char *label, int unit);
/* Append an empty row; returns its index, or -1 on no memory. */
long rtable_row(rtable *t);
void rtable_num(rtable *t, long r, size_t c, double v);
void rtable_text(rtable *t, long r, size_t c, const char *s);
/* A text that CSV and JSON give as `machine` (an input's name) and people read as `people`. */
void rtable_text_for(rtable *t, long r, size_t c, const char *machine, const char *people);
/*
 * A number in a unit of its own for people (an input's value in a column of
 * several inputs: 75% for a share, 368 for a count written without
 * decimals): CRM_UNIT_NUMBER with `decimals` fixed decimals and thousands
 * separators, CRM_UNIT_RATE as a percentage with the decimals a fraction
 * written with `decimals` decimals has (fmt_rate_in); decimals < 0, or
 * another unit: as fmt_unit.
 */
void rtable_num_in(rtable *t, long r, size_t c, double v, int unit, int decimals);
/* A value of parameter p in its unit for people (fmt_param), CSV and JSON as the number. */
void rtable_param(rtable *t, long r, size_t c, const crm_param *p, double v);
/*
 * A value of parameter p for people: an input in its unit with the decimals
 * of its own values (a share as 48%, a count as 368, money without cents),
 * a whole-valued parameter as a whole number, a line's value as money, a
 * setting as a rate or a number.
 */
void fmt_param(char *buf, size_t len, const crm_param *p, double v);
/* Parameter p's name for people: an input's label when it has one, its name otherwise. */
const char *param_words(const crm_param *p);
void rtable_value(rtable *t, long r, size_t c, const crm_value *v);
void rtable_free(rtable *t);

/* A number in a unit for people (money without cents, rates in %, months to 0.1). */
/*
 * A fraction as a percentage with the decimals of a fraction written with
 * `decimals` decimals: 0.4799 with 2 is "48%", 0.0073 with 3 "0.7%".
 */
void fmt_rate_in(char *buf, size_t len, double fraction, int decimals);
void fmt_unit(char *buf, size_t len, double v, int unit);

void rtable_print_text(const rtable *t, FILE *fp, const char *indent);
void rtable_print_markdown(const rtable *t, FILE *fp);
void rtable_print_csv(const rtable *t, FILE *fp);
/*
 * The same for a table written in blocks (a streamed data table): na[c] says
 * whether column c has a "<key>_note" column anywhere in the whole table (NULL:
 * none); the header row only when header is set.
 */
void rtable_print_csv_block(const rtable *t, FILE *fp, const char *na, int header);
/* JSON array of row objects, indented by `indent` spaces. */
void rtable_print_json(const rtable *t, FILE *fp, int indent);

#endif
