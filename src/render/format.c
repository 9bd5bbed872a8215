/*
 * format.c - what every output format shares: number formats, CSV and JSON
 * writing with one escaping function each, and plain text tables.
 */
#define _POSIX_C_SOURCE 200809L
#include "render.h"

#include <csv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- numbers */

void fmt_money(char *buf, size_t len, double v, int decimals)
{
	char digits[64];
	double r = v;
	size_t o = 0;

	/* Round half away from zero at the shown decimals; never print "-0". */
	snprintf(digits, sizeof digits, "%.*f", decimals, fabs(r));
	int neg = r < 0 && strspn(digits, "0.") != strlen(digits);
	char *dot = strchr(digits, '.');
	size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	if (neg && o + 1 < len)
		buf[o++] = '-';
	for (size_t i = 0; i < intlen && o + 1 < len; i++) {
		buf[o++] = digits[i];
		size_t left = intlen - i - 1;
		if (left && left % 3 == 0 && o + 1 < len)
			buf[o++] = ',';
	}
	for (const char *p = dot; p && *p && o + 1 < len; p++)
		buf[o++] = *p;
	buf[o] = '\0';
}

void fmt_percent(char *buf, size_t len, double fraction)
{
	char num[64];

	fmt_money(num, sizeof num, fraction * 100.0, 2);
	snprintf(buf, len, "%s%%", num);
}

void fmt_exact(char *buf, size_t len, double v)
{
	if (v == 0) {
		snprintf(buf, len, "0");
		return;
	}
	snprintf(buf, len, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, len, "%.17g", v);
}

/* -------------------------------------------------------------- CSV, JSON */

void csv_field(FILE *fp, const char *s, int first)
{
	if (!first)
		fputc(',', fp);
	if (!s)
		return;
	/* Quote only when needed; libcsv does the quoting and doubling of quotes. */
	if (strpbrk(s, ",\"\r\n") || (s[0] == ' ') || (s[0] && s[strlen(s) - 1] == ' '))
		csv_fwrite(fp, s, strlen(s));
	else
		fputs(s, fp);
}

void csv_number(FILE *fp, double v, int first)
{
	char buf[64];

	if (!isfinite(v)) {
		csv_field(fp, "", first);
		return;
	}
	fmt_exact(buf, sizeof buf, v);
	csv_field(fp, buf, first);
}

void csv_number15(FILE *fp, double v, int first)
{
	char buf[64];

	if (!first)
		fputc(',', fp);
	if (!isfinite(v))
		return;
	snprintf(buf, sizeof buf, "%.15g", v == 0 ? 0.0 : v);
	fputs(buf, fp);
}

void csv_end(FILE *fp)
{
	fputs("\r\n", fp);
}

void json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
}

void json_number(FILE *fp, double v)
{
	char buf[64];

	if (!isfinite(v)) {
		fputs("null", fp);
		return;
	}
	fmt_exact(buf, sizeof buf, v);
	fputs(buf, fp);
}

/* ----------------------------------------------------------------- tables */

int table_init(text_table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->right = calloc(ncols, sizeof *t->right);
	return t->right ? 0 : -1;
}

int table_add(text_table *t, int flags, const char *const *cells)
{
	if (t->nrows == t->cap) {
		size_t ncap = t->cap ? 2 * t->cap : 32;
		char **c = realloc(t->cells, ncap * t->ncols * sizeof *c);
		if (!c)
			return -1;
		t->cells = c;
		int *f = realloc(t->flags, ncap * sizeof *f);
		if (!f)
			return -1;
		t->flags = f;
		t->cap = ncap;
	}
	char **row = t->cells + t->nrows * t->ncols;
	for (size_t c = 0; c < t->ncols; c++) {
		row[c] = NULL;
		if (cells[c] && !(row[c] = strdup(cells[c]))) {
			while (c--)
				free(row[c]);
			return -1;
		}
	}
	t->flags[t->nrows++] = flags;
	return 0;
}

/* Display width of UTF-8 text: code points, not bytes. */
static size_t width(const char *s)
{
	size_t w = 0;

	for (; s && *s; s++)
		w += ((unsigned char)*s & 0xC0) != 0x80;
	return w;
}

static void pad(FILE *fp, size_t n)
{
	while (n--)
		fputc(' ', fp);
}

void table_print_text(const text_table *t, FILE *fp, const char *indent)
{
	size_t *w = calloc(t->ncols, sizeof *w);

	if (!w)
		return;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			if (t->flags[r] == ROW_HEADING && c == 0)
				continue;
			size_t cw = width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	for (size_t r = 0; r < t->nrows; r++) {
		char **row = t->cells + r * t->ncols;
		fputs(indent, fp);
		if (t->flags[r] == ROW_HEADING) {
			fprintf(fp, "%s\n", row[0] ? row[0] : "");
			continue;
		}
		size_t last = t->ncols;
		while (last > 0 && (!row[last - 1] || !row[last - 1][0]))
			last--;
		for (size_t c = 0; c < last; c++) {
			size_t cw = width(row[c]);
			if (c)
				fputs("  ", fp);
			if (t->right[c])
				pad(fp, w[c] - cw);
			fputs(row[c] ? row[c] : "", fp);
			if (!t->right[c] && c + 1 < last)
				pad(fp, w[c] - cw);
		}
		fputc('\n', fp);
	}
	free(w);
}

static void md_cell(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '|')
			fputc('\\', fp);
		fputc(*s == '\n' ? ' ' : *s, fp);
	}
}

void table_print_markdown(const text_table *t, FILE *fp)
{
	for (size_t r = 0; r < t->nrows; r++) {
		char **row = t->cells + r * t->ncols;
		fputc('|', fp);
		for (size_t c = 0; c < t->ncols; c++) {
			fputc(' ', fp);
			if (t->flags[r] != ROW_NORMAL && row[c] && (c == 0 || t->flags[r] == ROW_TOTAL)) {
				fputs("**", fp);
				md_cell(fp, row[c]);
				fputs("**", fp);
			} else {
				md_cell(fp, row[c]);
			}
			fputs(" |", fp);
		}
		fputc('\n', fp);
		if (r == 0) {
			fputc('|', fp);
			for (size_t c = 0; c < t->ncols; c++)
				fputs(t->right[c] ? " ---: |" : " --- |", fp);
			fputc('\n', fp);
		}
	}
}

void table_free(text_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->flags);
	free(t->right);
	memset(t, 0, sizeof *t);
}
