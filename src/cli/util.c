/*
 * util.c - the front end's shared helpers: diagnostics, exit statuses, the
 * all-or-nothing output file, number formats, CSV/JSON writing, text tables.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *progname = "crmroi";

int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
	return EXIT_USAGE;
}

int exit_status_of(crm_status st)
{
	switch (st) {
	case CRM_OK: return EXIT_OK;
	case CRM_EDATA: return EXIT_DATA;
	case CRM_EIO: return EXIT_IO;
	case CRM_EUSAGE: return EXIT_USAGE;
	case CRM_ENOMEM:
	case CRM_ENUM: return EXIT_INTERNAL;
	}
	return EXIT_INTERNAL;
}

static void print_where(const crm_error *e)
{
	if (e->file[0]) {
		fprintf(stderr, "%s:", e->file);
		if (e->line > 0) {
			fprintf(stderr, "%d:", e->line);
			if (e->col > 0)
				fprintf(stderr, "%d:", e->col);
		}
		fputc(' ', stderr);
	}
}

int report_error(const crm_error *err)
{
	fprintf(stderr, "%s: ", progname);
	print_where(err);
	fprintf(stderr, "%s\n", err->msg[0] ? err->msg : crm_strerror(err->status));
	return exit_status_of(err->status);
}

void report_warnings(const crm_warnings *w)
{
	for (size_t i = 0; i < w->count; i++) {
		fprintf(stderr, "%s: ", progname);
		print_where(&w->items[i]);
		fprintf(stderr, "warning: %s\n", w->items[i].msg);
	}
}

int parse_format(const char *s, out_format *out)
{
	static const struct { const char *name; out_format f; } fm[] = {
		{ "text", FMT_TEXT }, { "csv", FMT_CSV }, { "json", FMT_JSON },
		{ "markdown", FMT_MARKDOWN }, { "md", FMT_MARKDOWN }
	};
	for (size_t i = 0; i < sizeof fm / sizeof *fm; i++)
		if (!strcmp(s, fm[i].name)) {
			*out = fm[i].f;
			return 0;
		}
	return -1;
}

/* ------------------------------------------------------------------ sink */

int sink_open(out_sink *s, const char *path, crm_error *err)
{
	memset(s, 0, sizeof *s);
	if (!path || !strcmp(path, "-")) {
		s->fp = stdout;
		return 0;
	}
	size_t n = strlen(path);
	s->path = strdup(path);
	s->tmp = malloc(n + 16);
	if (!s->path || !s->tmp) {
		sink_abort(s);
		crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		return -1;
	}
	/* The temporary file sits beside the target so that rename() is atomic. */
	snprintf(s->tmp, n + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(s->tmp);
	if (fd < 0) {
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot create a file beside it: %s",
			      strerror(errno));
		free(s->tmp);
		s->tmp = NULL;
		sink_abort(s);
		return -1;
	}
	s->fp = fdopen(fd, "w");
	if (!s->fp) {
		close(fd);
		crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
		sink_abort(s);
		return -1;
	}
	return 0;
}

int sink_commit(out_sink *s, crm_error *err)
{
	int rc = 0;

	if (!s->path) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			crm_error_set(err, CRM_EIO, "<stdout>", 0, 0, "cannot write: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	if (fflush(s->fp) != 0 || ferror(s->fp) || fsync(fileno(s->fp)) != 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	if (fclose(s->fp) != 0 && rc == 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	s->fp = NULL;
	if (rc == 0 && rename(s->tmp, s->path) != 0) {
		crm_error_set(err, CRM_EIO, s->path, 0, 0, "cannot replace the file: %s",
			      strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(s->tmp);
	free(s->tmp);
	free(s->path);
	s->tmp = s->path = NULL;
	return rc;
}

void sink_abort(out_sink *s)
{
	if (s->path && s->fp)
		fclose(s->fp);
	if (s->tmp)
		unlink(s->tmp);
	free(s->tmp);
	free(s->path);
	memset(s, 0, sizeof *s);
}

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
