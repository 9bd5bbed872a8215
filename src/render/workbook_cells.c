/*
 * workbook_cells.c - what every sheet of the workbook writes with: A1
 * references and ranges, cells of text, numbers, formulas with their cached
 * values and comments, column widths, the formats (blue on yellow for an
 * assumption), and the period variables and labels of the columns.
 *
 * No sheet (workbook_model.c, workbook_results.c), and no figure: a cached
 * value is whatever the caller gives.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"

#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void col_name(int col, char *buf)
{
	char tmp[8];
	int n = 0;

	col++;
	while (col > 0) {
		int rem = (col - 1) % 26;
		tmp[n++] = (char)('A' + rem);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

/*
 * A1 reference of (row, col), 0-based; absolute row and/or column with '$'.
 * sheet (may be NULL) is prefixed as written.
 */
void wb_cell(char *buf, size_t len, const char *sheet, int row, int col, int abs_row,
	     int abs_col)
{
	char c[8];

	col_name(col, c);
	snprintf(buf, len, "%s%s%s%s%s%d", sheet ? sheet : "", sheet ? "!" : "", abs_col ? "$" : "",
		 c, abs_row ? "$" : "", row + 1);
}

/* A range on one row, columns c0..c1, absolute. */
void wb_row_range(char *buf, size_t len, const char *sheet, int row, int c0, int c1)
{
	char a[32], b[32];

	wb_cell(a, sizeof a, NULL, row, c0, 1, 1);
	wb_cell(b, sizeof b, NULL, row, c1, 1, 1);
	snprintf(buf, len, "%s%s%s:%s", sheet ? sheet : "", sheet ? "!" : "", a, b);
}

void wb_check(struct wb *w, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR || w->failed)
		return;
	w->failed = 1;
	crm_error_set(w->err, CRM_EIO, NULL, 0, 0, "cannot write the workbook (%s): %s", what,
		      lxw_strerror(e));
}

/* ---- the queues of cells (workbook_priv.h says why) */

static struct wb_queue *queue_of(struct wb *w, lxw_worksheet *ws)
{
	for (size_t k = 0; k < w->nqueues; k++)
		if (w->queue[k].ws == ws)
			return &w->queue[k];
	if (w->nqueues == WB_MAX_SHEETS)
		return NULL;
	struct wb_queue *q = &w->queue[w->nqueues++];
	memset(q, 0, sizeof *q);
	q->ws = ws;
	return q;
}

/* Copy s into q's texts; its offset, or (size_t)-1 on no memory. */
static size_t queue_text(struct wb_queue *q, const char *s)
{
	size_t len = strlen(s) + 1;

	if (q->tlen + len > q->tcap) {
		size_t cap = q->tcap ? q->tcap : 4096;
		while (cap < q->tlen + len)
			cap *= 2;
		char *t = realloc(q->text, cap);
		if (!t)
			return (size_t)-1;
		q->text = t;
		q->tcap = cap;
	}
	memcpy(q->text + q->tlen, s, len);
	q->tlen += len;
	return q->tlen - len;
}

/* Queue a cell of ws; s1 and s2 may be NULL. */
static void queue_cell(struct wb *w, lxw_worksheet *ws, int row, int col, int kind, lxw_format *f,
		       double num, const char *s1, const char *s2, const char *what)
{
	struct wb_queue *q = queue_of(w, ws);

	if (!q) {
		wb_check(w, LXW_ERROR_PARAMETER_VALIDATION, what);
		return;
	}
	if (row < 0 || col < 0 || (lxw_row_t)row >= LXW_ROW_MAX || (lxw_col_t)col >= LXW_COL_MAX ||
	    (uint32_t)row < q->flushed) {
		wb_check(w, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, what);
		return;
	}
	if (q->n == q->cap) {
		size_t cap = q->cap ? 2 * q->cap : 256;
		struct wb_pending *c = realloc(q->cell, cap * sizeof *c);
		if (!c) {
			wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, what);
			return;
		}
		q->cell = c;
		q->cap = cap;
	}
	struct wb_pending *c = &q->cell[q->n];
	c->row = (uint32_t)row;
	c->col = (uint16_t)col;
	c->kind = (uint8_t)kind;
	c->seq = q->seq++;
	c->f = f;
	c->num = num;
	c->s1 = c->s2 = (size_t)-1;
	if ((s1 && (c->s1 = queue_text(q, s1)) == (size_t)-1) ||
	    (s2 && (c->s2 = queue_text(q, s2)) == (size_t)-1)) {
		wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, what);
		return;
	}
	q->n++;
}

/* Row, column, a comment after the value of its cell, then the order of queueing. */
static int pending_cmp(const void *a, const void *b)
{
	const struct wb_pending *x = a, *y = b;
	int cx = x->kind == WB_COMMENT, cy = y->kind == WB_COMMENT;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	if (cx != cy)
		return cx - cy;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void write_pending(struct wb *w, lxw_worksheet *ws, const struct wb_queue *q,
			  const struct wb_pending *c)
{
	lxw_row_t r = c->row;
	lxw_col_t k = c->col;
	const char *s1 = c->s1 != (size_t)-1 ? q->text + c->s1 : NULL;
	const char *s2 = c->s2 != (size_t)-1 ? q->text + c->s2 : NULL;

	switch (c->kind) {
	case WB_NUM:
		wb_check(w, worksheet_write_number(ws, r, k, c->num, c->f), "number");
		break;
	case WB_STR:
		wb_check(w, worksheet_write_string(ws, r, k, s1, c->f), "text");
		break;
	case WB_FORMULA:
		wb_check(w, worksheet_write_formula_num(ws, r, k, s1, c->f, c->num), "formula");
		break;
	case WB_FORMULA_STR:
		wb_check(w, worksheet_write_formula_str(ws, r, k, s1, c->f, s2), "formula");
		break;
	default: {
		lxw_comment_options opt = { .author = "crmroi" };
		wb_check(w, worksheet_write_comment_opt(ws, r, k, s1, &opt), "comment");
	}
	}
}

void wb_flush(struct wb *w, lxw_worksheet *ws, int below)
{
	struct wb_queue *q = queue_of(w, ws);
	uint32_t lim = below < 0 ? UINT32_MAX : (uint32_t)below;
	size_t i = 0, sorted = 1;

	if (!q)
		return;
	for (size_t k = 1; k < q->n && sorted; k++)
		sorted = pending_cmp(&q->cell[k - 1], &q->cell[k]) < 0;
	if (!sorted)
		qsort(q->cell, q->n, sizeof *q->cell, pending_cmp);
	for (; i < q->n && q->cell[i].row < lim; i++) {
		const struct wb_pending *c = &q->cell[i], *next = i + 1 < q->n ? &q->cell[i + 1] : NULL;
		/* Of the cells queued to one place, the last one. */
		if (next && next->row == c->row && next->col == c->col &&
		    (next->kind == WB_COMMENT) == (c->kind == WB_COMMENT))
			continue;
		if (!w->failed)
			write_pending(w, ws, q, c);
	}
	if (lim > q->flushed)
		q->flushed = lim;
	if (i == q->n) {
		q->n = 0;
		q->tlen = 0;
		return;
	}
	/* Cells left for later rows: kept, their texts moved to the front. */
	size_t left = q->n - i;
	memmove(q->cell, q->cell + i, left * sizeof *q->cell);
	q->n = left;
	char *old = q->text;
	q->text = NULL;
	q->tlen = q->tcap = 0;
	for (size_t k = 0; k < left; k++) {
		struct wb_pending *c = &q->cell[k];
		if (c->s1 != (size_t)-1 && (c->s1 = queue_text(q, old + c->s1)) == (size_t)-1)
			wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "text");
		if (c->s2 != (size_t)-1 && (c->s2 = queue_text(q, old + c->s2)) == (size_t)-1)
			wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "text");
	}
	free(old);
}

void wb_flush_all(struct wb *w)
{
	for (size_t k = 0; k < w->nqueues; k++)
		wb_flush(w, w->queue[k].ws, -1);
}

void wb_queues_free(struct wb *w)
{
	for (size_t k = 0; k < w->nqueues; k++) {
		free(w->queue[k].cell);
		free(w->queue[k].text);
	}
	w->nqueues = 0;
}

void wb_put_str(struct wb *w, lxw_worksheet *ws, int row, int col, const char *s,
		lxw_format *f)
{
	if (!s || !*s)
		return;
	/* Excel's limit is in characters: k is the byte where the WB_MAX_TEXT + 1st starts. */
	size_t n = 0, k = 0, chars = 0;
	for (; s[n]; n++)
		if (((unsigned char)s[n] & 0xC0) != 0x80 && chars++ == WB_MAX_TEXT)
			k = n;
	if (chars <= WB_MAX_TEXT) {
		queue_cell(w, ws, row, col, WB_STR, f, 0, s, NULL, "text");
		return;
	}
	/* The text cut at the limit, and said so. */
	char *cut = malloc(k + 1), where[64];
	if (!cut) {
		wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "text");
		return;
	}
	memcpy(cut, s, k);
	cut[k] = '\0';
	queue_cell(w, ws, row, col, WB_STR, f, 0, cut, NULL, "text");
	free(cut);
	wb_cell(where, sizeof where, ws->name, row, col, 0, 0);
	crm_warnings_add(w->warn, w->sc->file, 0, 0, "workbook %s: a text of %zu characters is cut to "
			 "the %d a spreadsheet cell holds: \"%.40s...\"", where, chars, WB_MAX_TEXT, s);
}

void wb_put_num(struct wb *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
	queue_cell(w, ws, row, col, WB_NUM, f, v, NULL, NULL, "number");
}

/* A formula with crmroi's result as its cached value. */
void wb_put_formula(struct wb *w, lxw_worksheet *ws, int row, int col, const char *formula,
		    double cached, lxw_format *f)
{
	queue_cell(w, ws, row, col, WB_FORMULA, f, isfinite(cached) ? cached : 0, formula, NULL,
		   "formula");
}

void wb_put_formula_str(struct wb *w, lxw_worksheet *ws, int row, int col,
			const char *formula, const char *cached, lxw_format *f)
{
	queue_cell(w, ws, row, col, WB_FORMULA_STR, f, 0, formula, cached, "formula");
}

void wb_put_comment(struct wb *w, lxw_worksheet *ws, int row, int col, const char *text)
{
	queue_cell(w, ws, row, col, WB_COMMENT, NULL, 0, text, NULL, "comment");
}

void wb_fmtf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

void wb_width(struct wb *w, lxw_worksheet *ws, int col, double width, lxw_format *f)
{
	wb_check(w, worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, width, f), "column");
}

/* Width for a column of texts: the longest, within [min, W_TEXT_MAX]. */
double wb_text_width(const char *const *texts, size_t n, size_t stride, double min)
{
	double wd = min;

	for (size_t i = 0; i < n; i++) {
		const char *s = *(const char *const *)((const char *)texts + i * stride);
		if (s && strlen(s) + 2 > wd)
			wd = (double)strlen(s) + 2;
	}
	return wd > W_TEXT_MAX ? W_TEXT_MAX : wd;
}

static lxw_format *new_format(struct wb *w, const char *num_format, int bold, int input)
{
	lxw_format *f = workbook_add_format(w->book);

	if (!f)
		return NULL;
	if (num_format)
		format_set_num_format(f, num_format);
	if (bold)
		format_set_bold(f);
	if (input) {
		/* The modeller's convention: blue on pale yellow is an assumption to change. */
		format_set_font_color(f, 0x0000CC);
		format_set_bg_color(f, 0xFFF9D6);
	}
	return f;
}

int wb_make_formats(struct wb *w)
{
	w->title = new_format(w, NULL, 1, 0);
	w->subtitle = new_format(w, NULL, 0, 0);
	w->head = new_format(w, NULL, 1, 0);
	w->head_r = new_format(w, NULL, 1, 0);
	w->text = new_format(w, NULL, 0, 0);
	w->wrap = new_format(w, NULL, 0, 0);
	w->note = new_format(w, NULL, 0, 0);
	w->snap = new_format(w, NULL, 0, 0);
	w->money = new_format(w, "#,##0", 0, 0);
	w->money_in = new_format(w, "#,##0", 0, 1);
	w->money_b = new_format(w, "#,##0", 1, 0);
	w->rate = new_format(w, "0.00%", 0, 0);
	w->rate_in = new_format(w, "0.00%", 0, 1);
	w->num = new_format(w, "General", 0, 0);
	w->num_in = new_format(w, "General", 0, 1);
	w->months = new_format(w, "0.0", 0, 0);
	w->factor = new_format(w, "0.0000", 0, 0);
	w->intg = new_format(w, "0", 0, 0);
	w->intg_in = new_format(w, "0", 0, 1);
	w->text_in = new_format(w, NULL, 0, 1);
	w->label_b = new_format(w, NULL, 1, 0);
	w->date = new_format(w, "yyyy-mm-dd", 0, 0);
	w->date_in = new_format(w, "yyyy-mm-dd", 0, 1);
	if (!w->title || !w->subtitle || !w->head || !w->head_r || !w->text || !w->wrap ||
	    !w->note || !w->snap || !w->money || !w->money_in || !w->money_b || !w->rate ||
	    !w->rate_in || !w->num || !w->num_in || !w->months || !w->factor || !w->intg ||
	    !w->intg_in || !w->text_in || !w->label_b || !w->date || !w->date_in)
		return -1;
	/* An input's unit: percent (or rate), currency (with its code), count, hours, months, ratio. */
	char cur[96] = "#,##0.00";
	size_t n = strlen(cur);
	const char *code = w->sc->settings.currency;
	cur[n++] = ' ';
	cur[n++] = '"';
	for (size_t i = 0; code[i] && n < sizeof cur - 3; i++)
		if (code[i] != '"' && code[i] != '\\')
			cur[n++] = code[i];
	cur[n++] = '"';
	cur[n] = '\0';
	const char *unit_fmt[WB_UNITS] = { "0.00%", cur, "#,##0", "#,##0.00", "General", "0.00" };
	for (int u = 0; u < WB_UNITS; u++) {
		w->unit[u] = new_format(w, unit_fmt[u], 0, 0);
		w->unit_in[u] = new_format(w, unit_fmt[u], 0, 1);
		if (!w->unit[u] || !w->unit_in[u])
			return -1;
	}
	format_set_font_size(w->title, 14);
	format_set_italic(w->subtitle);
	format_set_bottom(w->head, LXW_BORDER_THIN);
	format_set_bg_color(w->head, 0xE7E6E6);
	format_set_bottom(w->head_r, LXW_BORDER_THIN);
	format_set_bg_color(w->head_r, 0xE7E6E6);
	format_set_align(w->head_r, LXW_ALIGN_RIGHT);
	format_set_text_wrap(w->wrap);
	format_set_align(w->wrap, LXW_ALIGN_VERTICAL_TOP);
	format_set_italic(w->note);
	format_set_font_color(w->note, 0x595959);
	format_set_italic(w->snap);
	format_set_font_color(w->snap, 0x9C5700);
	format_set_top(w->money_b, LXW_BORDER_THIN);
	return 0;
}

/* Longest header or footer Excel takes, in characters, and the part of it the title may have. */
#define WB_FOOTER_MAX 255
#define WB_FOOTER_TITLE 120

/* U+2060 WORD JOINER: no width, no break, nothing shown. */
#define WB_WORD_JOINER "\xE2\x81\xA0"

/*
 * The footer of every sheet: the case's title on the left ('&' doubled, cut
 * at a character's start when long), the sheet's name in the middle, the page
 * and the number of pages on the right.
 *
 * libxlsxwriter takes "&G" and "&[Picture]" for an image's place even after
 * a doubled '&' (an '&' of the text): it refuses the footer, and frees it
 * twice when the workbook is closed. A title's "&G" or "&[" ("P&G") gets a
 * word joiner after its doubled '&', so that it shows as written.
 */
static void footer_text(const struct wb *w, char *buf, size_t len)
{
	const char *t = w->sc->settings.title[0] ? w->sc->settings.title : "CRM business case";
	char title[2 * WB_FOOTER_TITLE + 1];
	size_t n = 0;

	for (size_t i = 0; t[i] && n < WB_FOOTER_TITLE; i++) {
		unsigned char c = (unsigned char)t[i];
		if (n + 4 > WB_FOOTER_TITLE && (c & 0xC0) != 0x80)
			break;
		title[n++] = (char)c;
		if (c == '&') {
			title[n++] = '&';
			if (t[i + 1] == 'G' || t[i + 1] == '[') {
				memcpy(title + n, WB_WORD_JOINER, 3);
				n += 3;
			}
		}
	}
	while (n > 0 && ((unsigned char)title[n - 1] & 0xC0) == 0xC0)
		n--;   /* never a lead byte without its continuation */
	title[n] = '\0';
	snprintf(buf, len, "&L%s&C&A&RPage &P of &N", title);
}

void wb_page_setup(struct wb *w, lxw_worksheet *ws, int last_row, int last_col, int head_first,
		   int head_last, int landscape)
{
	char footer[2 * WB_FOOTER_MAX];

	wb_check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)last_row, (lxw_col_t)last_col),
		 "print area");
	/*
	 * Header rows only: Gnumeric reads no title rows and columns together, and
	 * a sheet one page wide has its first columns on every page anyway.
	 */
	if (head_first >= 0)
		wb_check(w, worksheet_repeat_rows(ws, (lxw_row_t)head_first, (lxw_row_t)head_last),
			 "print titles");
	if (landscape)
		worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	footer_text(w, footer, sizeof footer);
	wb_check(w, worksheet_set_footer(ws, footer), "footer");
}

lxw_format *wb_input_format(const struct wb *w, const crm_input *in, int input)
{
	static const char *const names[] = { "percent", "currency", "count", "hours", "months",
		"ratio" };
	const char *u = in->unit ? in->unit : "";
	int k = -1;

	for (int i = 0; i < WB_UNITS; i++)
		if (!strcasecmp(u, names[i]))
			k = i;
	if (!strcasecmp(u, "rate"))
		k = WB_UNIT_PERCENT;
	if (k < 0 && in->value_text && strchr(in->value_text, '%'))
		k = WB_UNIT_PERCENT;
	if (k < 0)
		return input ? w->num_in : w->num;
	return input ? w->unit_in[k] : w->unit[k];
}

/* Period variables as the model defines them (period 0 sees period 1's). */
int wb_period_year(const struct wb *w, int p)
{
	int q = p ? p : 1;
	return ((q - 1) * w->mpp) / 12 + 1;
}

int wb_period_month(const struct wb *w, int p)
{
	int q = p ? p : 1;
	return (q - 1) * w->mpp + 1;
}

void wb_period_label(const struct wb *w, int p, char *buf, size_t len)
{
	report_col_label(w->r, p, buf, len);
}
