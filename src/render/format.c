/*
 * format.c - what every output format shares: number formats, CSV, JSON and
 * markdown writing with one escaping function each (csv_field, json_string,
 * md_text), and plain text tables.
 */
#define _POSIX_C_SOURCE 200809L
#include "render.h"
#include "shortest.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ------------------------------------------------------------- numbers */

/*
 * v with thousands separators and the given decimals into buf. A number too
 * long for buf (beyond about 1e40 in a 64-byte buffer) is written in
 * scientific notation, "1.1e+308", never cut short.
 */
void fmt_money(char *buf, size_t len, double v, int decimals)
{
	/* DBL_MAX has 309 integer digits: room for them, their separators and the decimals. */
	char digits[FMT_NUM_MAX], full[2 * FMT_NUM_MAX];
	double r = v;
	size_t o = 0;

	if (!isfinite(v)) {
		snprintf(buf, len, "%s", isnan(v) ? "not a number" : v > 0 ? "infinity" : "-infinity");
		return;
	}
	if (decimals < 0 || decimals > 20)
		decimals = 2;
	/* Round half away from zero at the shown decimals; never print "-0". */
	snprintf(digits, sizeof digits, "%.*f", decimals, fabs(r));
	int neg = r < 0 && strspn(digits, "0.") != strlen(digits);
	char *dot = strchr(digits, '.');
	size_t intlen = dot ? (size_t)(dot - digits) : strlen(digits);
	if (neg)
		full[o++] = '-';
	for (size_t i = 0; i < intlen && o + 1 < sizeof full; i++) {
		full[o++] = digits[i];
		size_t left = intlen - i - 1;
		if (left && left % 3 == 0 && o + 1 < sizeof full)
			full[o++] = ',';
	}
	for (const char *p = dot; p && *p && o + 1 < sizeof full; p++)
		full[o++] = *p;
	full[o] = '\0';
	if (o < len)
		memcpy(buf, full, o + 1);
	else
		snprintf(buf, len, "%.6g", v);
}

void fmt_percent(char *buf, size_t len, double fraction)
{
	char num[FMT_NUM_MAX];

	fmt_money(num, sizeof num, fraction * 100.0, 2);
	snprintf(buf, len, "%s%%", num);
}

/* Points with at most two decimals: 640, 37.5, 16.67, 21.25. */
void fmt_points(char *buf, size_t len, double v)
{
	snprintf(buf, len, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *e = buf + strlen(buf) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	if (!strcmp(buf, "-0"))
		snprintf(buf, len, "0");
}

/* A fraction as a percentage with at most two decimals: 64%, 61.71%. */
void fmt_share(char *buf, size_t len, double fraction)
{
	char num[24];

	fmt_points(num, sizeof num, fraction * 100.0);
	snprintf(buf, len, "%s%%", num);
}

/* A factor with at most four decimals: 0.82, 0.8188, 1. */
void fmt_factor(char *buf, size_t len, double v)
{
	snprintf(buf, len, "%.4f", v);
	char *dot = strchr(buf, '.');
	if (dot) {
		char *e = buf + strlen(buf) - 1;
		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
}

void fmt_exact(char *buf, size_t len, double v)
{
	char s[FMT_SHORTEST_MAX];

	fmt_shortest(s, v == 0 ? 0.0 : v);   /* never "-0" */
	snprintf(buf, len, "%s", s);
}

void fmt_exact_percent(char *buf, size_t len, double v)
{
	char s[FMT_SHORTEST_MAX], digits[FMT_SHORTEST_MAX];
	size_t nd = 0;
	int point = 0, seen_point = 0, neg = 0, exp10 = 0;

	if (!isfinite(v)) {
		fmt_shortest(s, v);
		snprintf(buf, len, "%s", s);
		return;
	}
	fmt_shortest(s, v == 0 ? 0.0 : v);
	/*
	 * The shortest text's digits and where its point is (the value is
	 * 0.DIGITS x 10^point), then the point two places on.
	 */
	for (const char *p = s; *p; p++) {
		if (*p == '-') {
			neg = 1;
		} else if (*p == '.') {
			seen_point = 1;
		} else if (*p == 'e' || *p == 'E') {
			exp10 = atoi(p + 1);
			break;
		} else if (*p >= '0' && *p <= '9') {
			digits[nd++] = *p;
			point += !seen_point;
		}
	}
	digits[nd] = '\0';
	point += exp10 + 2;
	size_t lead = 0;
	while (lead < nd && digits[lead] == '0')
		lead++;
	memmove(digits, digits + lead, nd - lead + 1);
	nd -= lead;
	point -= (int)lead;
	while (nd && digits[nd - 1] == '0')
		digits[--nd] = '\0';
	if (!nd) {
		snprintf(buf, len, "0%%");
		return;
	}
	char out[FMT_SHORTEST_MAX + 64], *o = out;
	if (neg)
		*o++ = '-';
	if (point < -20 || point > 40) {
		/* Far from a rate people write: D.DDDe+N, as the shortest text writes such numbers. */
		*o++ = digits[0];
		if (nd > 1)
			o += sprintf(o, ".%s", digits + 1);
		sprintf(o, "e%+d", point - 1);
	} else if (point <= 0) {
		o += sprintf(o, "0.");
		for (int k = 0; k < -point; k++)
			*o++ = '0';
		sprintf(o, "%s", digits);
	} else {
		for (int k = 0; k < point; k++)
			*o++ = (size_t)k < nd ? digits[k] : '0';
		*o = '\0';
		if ((size_t)point < nd)
			sprintf(o, ".%s", digits + point);
	}
	snprintf(buf, len, "%s%%", out);
}

static char *vdup_printf(const char *fmt, va_list ap)
{
	va_list again;
	char *s;

	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n < 0 || !(s = malloc((size_t)n + 1))) {
		va_end(again);
		return NULL;
	}
	vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	return s;
}

char *dup_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *s = vdup_printf(fmt, ap);
	va_end(ap);
	return s;
}

double round15(double v)
{
	char buf[40];

	if (!isfinite(v) || v == 0)
		return v == 0 ? 0.0 : v;
	snprintf(buf, sizeof buf, "%.15g", v);
	return strtod(buf, NULL);
}

/* -------------------------------------------------------------- CSV, JSON */

/*
 * CSV text cells are neutralised unless --raw-text: set once by the command
 * line, before anything is written, and the same for the whole run.
 */
static int csv_raw_text;

void csv_set_raw_text(int raw)
{
	csv_raw_text = raw != 0;
}

/*
 * --decimal-comma: CSV as a spreadsheet with a European locale reads it,
 * fields separated by ';' and numbers with a decimal comma. Set once by the
 * command line, before anything is written, the same for the whole run.
 */
static int csv_comma;

void csv_set_decimal_comma(int on)
{
	csv_comma = on != 0;
}

char csv_sep(void)
{
	return csv_comma ? ';' : ',';
}

void csv_mark(char *s)
{
	char *dot;

	if (csv_comma && (dot = strchr(s, '.')))
		*dot = ',';
}

size_t csv_number_text(char *dst, double v)
{
	size_t n = fmt_shortest(dst, v == 0 ? 0.0 : v);

	dst[n] = '\0';
	csv_mark(dst);
	return n;
}

/*
 * Whether s reads as a number, as a spreadsheet takes it: a sign, digits
 * (thousands separators allowed), a point and decimals (a comma and dots
 * with --decimal-comma), an exponent, and a
 * percent sign, each but the digits optional ("-5000", "-0.5", "-3%",
 * "+1e-6"). Such a cell is a value, never a formula.
 */
static int reads_as_number(const char *s)
{
	int digits = 0;
	char group = csv_comma ? '.' : ',', mark = csv_comma ? ',' : '.';

	if (*s == '+' || *s == '-')
		s++;
	for (; (*s >= '0' && *s <= '9') || (*s == group && digits); s++)
		digits += *s != group;
	if (*s == mark)
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		int exp = 0;
		if (*++s == '+' || *s == '-')
			s++;
		for (; *s >= '0' && *s <= '9'; s++)
			exp++;
		if (!exp)
			return 0;
	}
	if (*s == '%')
		s++;
	return *s == '\0';
}

/*
 * The one rule of CSV text cells (csv_field and csv_text follow it): whether
 * s needs quotes (the separator, a quote or a line break in it, a space at
 * either end; quotes inside are doubled), and whether it is guarded: text that a
 * spreadsheet would take for a formula (=, +, -, @, a tab or a carriage
 * return first) gets a leading ' (OWASP's advice against CSV injection), unless
 * the whole text reads as a number or --raw-text asked for the bytes as they
 * are. Numbers written as numbers (csv_number) are never guarded.
 */
static int csv_guarded(const char *s, int *quote)
{
	size_t n = strlen(s);

	*quote = strchr(s, csv_sep()) || strpbrk(s, "\"\r\n") || s[0] == ' ' ||
		 (n && s[n - 1] == ' ');
	return !csv_raw_text && s[0] && strchr("=+-@\t\r", s[0]) && !reads_as_number(s);
}

size_t csv_text(char *dst, const char *s)
{
	int quote, guard = csv_guarded(s, &quote);
	size_t o = 0;

	if (quote)
		dst[o++] = '"';
	if (guard)
		dst[o++] = '\'';
	for (; *s; s++) {
		if (*s == '"')
			dst[o++] = '"';
		dst[o++] = *s;
	}
	if (quote)
		dst[o++] = '"';
	return o;
}

void csv_field_raw(FILE *fp, const char *s, int first)
{
	int quote;

	s = s ? s : "";
	csv_guarded(s, &quote);
	if (!first)
		fputc(csv_sep(), fp);
	if (quote)
		fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	if (quote)
		fputc('"', fp);
}

/* A cell as it is: a number's text, never guarded. */
static void csv_put_raw(FILE *fp, const char *s, int first)
{
	if (!first)
		fputc(csv_sep(), fp);
	fputs(s, fp);
}

void csv_field(FILE *fp, const char *s, int first)
{
	int quote, guard;

	if (!first)
		fputc(csv_sep(), fp);
	if (!s)
		return;
	guard = csv_guarded(s, &quote);
	if (quote)
		fputc('"', fp);
	if (guard)
		fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	if (quote)
		fputc('"', fp);
}

void csv_number(FILE *fp, double v, int first)
{
	char buf[64];

	if (!isfinite(v)) {
		csv_field(fp, "", first);
		return;
	}
	fmt_exact(buf, sizeof buf, v);
	csv_mark(buf);
	csv_put_raw(fp, buf, first);
}

void csv_number15(FILE *fp, double v, int first)
{
	char buf[64];

	if (!first)
		fputc(csv_sep(), fp);
	if (!isfinite(v))
		return;
	snprintf(buf, sizeof buf, "%.15g", v == 0 ? 0.0 : v);
	csv_mark(buf);
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
		if (cells[c] && !(row[c] = crm_blocks_strdup(&t->text, cells[c])))
			return -1;   /* the row is not counted; its text goes with the table */
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
	static const char spaces[] = "                                ";

	for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
		fwrite(spaces, 1, sizeof spaces - 1, fp);
	fwrite(spaces, 1, n, fp);
}

size_t render_width(FILE *fp)
{
	struct winsize ws;

	if (fp && isatty(fileno(fp)) && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	return RENDER_WIDTH;
}

/*
 * Bytes of s that fit in avail display columns, broken after the last space
 * that fits (anywhere when a word alone is longer).
 */
static size_t chunk(const char *s, size_t avail)
{
	size_t w = 0, i = 0, brk = 0;

	for (; s[i] && s[i] != '\n' && s[i] != '\r'; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (w == avail)
				break;
			w++;
		}
		if (s[i] == ' ')
			brk = i;
	}
	if (!s[i] || s[i] == '\n' || s[i] == '\r' || !brk)
		return i;
	return brk;
}

/* The narrowest column worth wrapping text into. */
#define WRAP_MIN 16

/*
 * Print s in lines of at most avail columns, each further line after col
 * spaces. A line break of s (a note's) starts a further line too, so that
 * none starts at column 0; spaces after it are kept, as written.
 */
static void print_wrapped(FILE *fp, const char *s, size_t avail, size_t col)
{
	if (avail < WRAP_MIN)
		avail = WRAP_MIN;
	for (int first = 1; first || *s; first = 0) {
		size_t n = chunk(s, avail);
		if (!first) {
			fputc('\n', fp);
			if (n)
				pad(fp, col);
		}
		fwrite(s, 1, n, fp);
		s += n;
		if (*s == '\n' || *s == '\r') {
			s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
			if (!*s)
				break;
			continue;
		}
		while (*s == ' ')
			s++;
	}
}

static int render_color;

void render_set_color(int when)
{
	render_color = when;
}

/* Whether numbers printed on fp are coloured. */
static int colored(FILE *fp)
{
	if (render_color == RENDER_COLOR_TTY)
		return fp && isatty(fileno(fp));
	return render_color == RENDER_COLOR_ALWAYS;
}

/* A cell within a row: a line break of its text shown as a space, so that the columns stay aligned. */
static void put_cell(FILE *fp, const char *s)
{
	while (s && *s) {
		size_t n = strcspn(s, "\r\n");
		fwrite(s, 1, n, fp);
		s += n;
		if (*s) {
			fputc(' ', fp);
			s++;
		}
	}
}

/* A number's cell: a negative one in red when colour is on (the escapes take no column). */
static void put_number_cell(FILE *fp, const char *s, int color)
{
	int neg = color && s && s[0] == '-' && isdigit((unsigned char)s[1]);

	if (neg)
		fputs("\033[31m", fp);
	put_cell(fp, s);
	if (neg)
		fputs("\033[0m", fp);
}

/*
 * Print row r's columns cols[0..n-1]. wrap > 0: the last column is free text,
 * wrapped at wrap columns.
 */
static void print_row(const text_table *t, FILE *fp, const char *indent, size_t r,
		      const size_t *w, const size_t *cols, size_t n, size_t limit, size_t wrap,
		      int color)
{
	char **row = t->cells + r * t->ncols;
	size_t at = width(indent);

	fputs(indent, fp);
	if (t->flags[r] == ROW_HEADING) {
		fprintf(fp, "%s\n", row[0] ? row[0] : "");
		return;
	}
	if (t->flags[r] == ROW_NOTE) {
		fputs("    ", fp);
		print_wrapped(fp, row[0] ? row[0] : "", limit > at + 4 ? limit - at - 4 : 0, at + 4);
		fputc('\n', fp);
		return;
	}
	size_t last = n;
	while (last > 0 && (!row[cols[last - 1]] || !row[cols[last - 1]][0]))
		last--;
	for (size_t k = 0; k < last; k++) {
		size_t c = cols[k];
		size_t cw = width(row[c]);
		if (k) {
			fputs("  ", fp);
			at += 2;
		}
		if (wrap && c == t->ncols - 1) {
			print_wrapped(fp, row[c] ? row[c] : "", wrap, at);
			break;
		}
		if (k + 1 == last && !t->right[c] && strpbrk(row[c], "\r\n")) {
			/* Free text that ends the row, on lines of its own from its column. */
			print_wrapped(fp, row[c], limit > at ? limit - at : 0, at);
			break;
		}
		if (k == 0 && cw > w[c]) {
			/* A label wider than its column: on lines of its own, the numbers below. */
			print_wrapped(fp, row[c], limit > at ? limit - at : 0, at);
			fputc('\n', fp);
			fputs(indent, fp);
			pad(fp, w[c]);
			at += w[c];
			continue;
		}
		if (t->right[c] && w[c] > cw)
			pad(fp, w[c] - cw);
		if (t->right[c])
			put_number_cell(fp, row[c], color);
		else
			put_cell(fp, row[c]);
		if (!t->right[c] && k + 1 < last && w[c] > cw)
			pad(fp, w[c] - cw);
		at += w[c];
	}
	fputc('\n', fp);
}

void print_lines(FILE *fp, size_t col, const char *text)
{
	for (const char *s = text; s && *s; s++) {
		if (*s == '\r' && s[1] == '\n')
			s++;
		if (*s != '\n' && *s != '\r') {
			fputc(*s, fp);
			continue;
		}
		fputc('\n', fp);
		if (s[1] && s[1] != '\n' && s[1] != '\r')
			pad(fp, col);
	}
}

void print_para(FILE *fp, const char *indent, const char *text)
{
	size_t limit = render_width(fp), at = width(indent);

	fputs(indent, fp);
	print_wrapped(fp, text, limit > at ? limit - at : 0, at);
	fputc('\n', fp);
}

size_t text_width(const char *s)
{
	return width(s);
}

int text_layout_init(text_layout *l, FILE *fp, const char *indent, size_t ncols,
		     const size_t *widths, int wrap_last)
{
	memset(l, 0, sizeof *l);
	if (!(l->w = malloc((ncols ? ncols : 1) * sizeof *l->w)))
		return -1;
	memcpy(l->w, widths, ncols * sizeof *l->w);
	l->ncols = ncols;
	l->indent = indent;
	l->wrap_last = wrap_last;
	l->limit = render_width(fp);
	l->total = width(indent);
	l->color = colored(fp);

	size_t *w = l->w, limit = l->limit;
	/* The label column takes at most half the width; longer labels get lines of their own. */
	if (ncols > 1 && w[0] > limit / 2)
		w[0] = limit / 2;
	for (size_t c = 0; c < ncols; c++)
		l->total += w[c] + (c ? 2 : 0);
	/*
	 * A last column of free text that makes the table too wide is wrapped
	 * within the room left, when that leaves it a readable width.
	 */
	if (l->total > limit && wrap_last && ncols > 1 && l->total - w[ncols - 1] + WRAP_MIN <= limit) {
		l->wrap = limit - (l->total - w[ncols - 1]);
		l->total = limit;
	}
	/*
	 * Still too wide for the terminal (or for RENDER_WIDTH columns in a file):
	 * print the columns in blocks, each led by the first (label) column. Note
	 * rows go with the first block only.
	 */
	l->per_block = ncols;
	if (l->total > limit) {
		/* As many blocks as the columns need, the columns shared evenly among them. */
		size_t nblocks = 0;
		for (size_t from = 1; from < ncols; nblocks++) {
			size_t used = width(indent) + w[0], k = 0;
			while (from < ncols && (k == 0 || used + 2 + w[from] <= limit)) {
				used += 2 + w[from++];
				k++;
			}
		}
		l->per_block = nblocks ? (ncols - 1 + nblocks - 1) / nblocks : ncols;
	}
	return 0;
}

size_t text_layout_block(const text_layout *l, size_t from, size_t *cols, size_t *n, size_t *bwrap)
{
	const size_t *w = l->w;
	size_t used = width(l->indent) + w[0], k = 0;

	cols[k++] = 0;
	while (from < l->ncols) {
		if (l->total > l->limit && k > 1 && (used + 2 + w[from] > l->limit || k - 1 >= l->per_block))
			break;
		used += 2 + w[from];
		cols[k++] = from++;
	}
	/* Free text that ends a block too wide for it is wrapped within the block. */
	*bwrap = l->wrap;
	if (!*bwrap && l->wrap_last && k > 1 && cols[k - 1] == l->ncols - 1 && used > l->limit &&
	    used - w[l->ncols - 1] + WRAP_MIN <= l->limit)
		*bwrap = l->limit - (used - w[l->ncols - 1]);
	*n = k;
	return from;
}

void text_layout_row(const text_layout *l, const text_table *t, FILE *fp, size_t r,
		     const size_t *cols, size_t n, size_t bwrap)
{
	print_row(t, fp, l->indent, r, l->w, cols, n, l->limit, bwrap, l->color);
}

void text_layout_free(text_layout *l)
{
	free(l->w);
	memset(l, 0, sizeof *l);
}

void table_print_text(const text_table *t, FILE *fp, const char *indent)
{
	size_t *w = calloc(t->ncols, sizeof *w), *cols = calloc(t->ncols, sizeof *cols);
	text_layout l;

	if (!w || !cols)
		goto done;
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			if ((t->flags[r] == ROW_HEADING || t->flags[r] == ROW_NOTE) && c == 0)
				continue;
			if (t->flags[r] == ROW_NOTE)
				break;
			size_t cw = width(t->cells[r * t->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	if (text_layout_init(&l, fp, indent, t->ncols, w, t->wrap_last) != 0)
		goto done;
	for (size_t from = 1, block = 0; from < t->ncols || block == 0; block++) {
		size_t n, bwrap;
		from = text_layout_block(&l, from, cols, &n, &bwrap);
		if (block)
			fputc('\n', fp);
		for (size_t r = 0; r < t->nrows; r++)
			if (block == 0 || t->flags[r] != ROW_NOTE)
				text_layout_row(&l, t, fp, r, cols, n, bwrap);
		if (t->ncols == 1)
			break;
	}
	text_layout_free(&l);
done:
	free(w);
	free(cols);
}

/*
 * Markdown text: the one escaping of markdown (render.h), for table cells
 * and paragraphs alike.
 */
void md_text(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '&': fputs("&amp;", fp); break;
		case '|': fputs("\\|", fp); break;
		case '\r':
			if (s[1] == '\n')
				s++;
			/* fall through */
		case '\n': fputs("<br>", fp); break;
		default: fputc(*s, fp);
		}
	}
}

void md_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *s = vdup_printf(fmt, ap);
	va_end(ap);
	md_text(fp, s);   /* nothing on no memory: never the text unescaped */
	free(s);
}

void table_print_markdown(const text_table *t, FILE *fp)
{
	for (size_t r = 0; r < t->nrows; r++) {
		char **row = t->cells + r * t->ncols;
		if (t->flags[r] == ROW_NOTE)
			continue;
		fputc('|', fp);
		for (size_t c = 0; c < t->ncols; c++) {
			fputc(' ', fp);
			if (t->flags[r] != ROW_NORMAL && row[c] && (c == 0 || t->flags[r] == ROW_TOTAL)) {
				fputs("**", fp);
				md_text(fp, row[c]);
				fputs("**", fp);
			} else {
				md_text(fp, row[c]);
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
	crm_blocks_free(&t->text);
	free(t->cells);
	free(t->flags);
	free(t->right);
	memset(t, 0, sizeof *t);
}
