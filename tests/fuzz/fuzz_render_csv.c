/*
 * fuzz_render_csv.c - `crmroi run --format csv` of a scenario made of
 * arbitrary bytes: when the bytes load as a scenario and its business case
 * computes, the report's CSV (src/render/report_csv.c) must read back with
 * libcsv, every row as wide as the header, and no text of the scenario may
 * start a cell like a formula (outcheck.h). And the text round-trips: read
 * back, the cells of every input's row and every counted line's row hold
 * the scenario's text as loaded (the name, the formula as written, the area,
 * owner, metric and note), each guarded with a leading ' where a spreadsheet
 * would take it for a formula and nothing else, so that no quote, comma or
 * line break in the text shifts a cell or is lost. A monthly scenario of an
 * odd length is shown by month (--by month), one of an even length by year.
 */
#include "fuzz_render.h"
#include "outcheck.h"

#include "report.h"

/* The columns whose text is checked, by their header's name. */
enum { RT_SECTION, RT_NAME, RT_FORMULA, RT_AREA, RT_OWNER, RT_METRIC, RT_NOTE, RT_NCOLS };
static const char *const rt_header[RT_NCOLS] = {
	"section", "name", "formula", "area", "owner", "metric", "note"
};

/* The CSV read back: every row's cells, NUL-terminated copies. */
struct rt_table {
	char ***rows;
	size_t *widths;
	size_t nrows, cap;
	char **cur;
	size_t ncur, curcap;
};

static void *rt_alloc(void *p, size_t n)
{
	if (!(p = realloc(p, n ? n : 1)))
		abort();
	return p;
}

static void rt_field(void *s, size_t n, void *data)
{
	struct rt_table *t = data;

	if (t->ncur == t->curcap) {
		t->curcap = t->curcap ? 2 * t->curcap : 32;
		t->cur = rt_alloc(t->cur, t->curcap * sizeof *t->cur);
	}
	char *f = rt_alloc(NULL, n + 1);
	memcpy(f, s, n);
	f[n] = '\0';
	t->cur[t->ncur++] = f;
}

static void rt_row(int c, void *data)
{
	struct rt_table *t = data;

	(void)c;
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->rows = rt_alloc(t->rows, t->cap * sizeof *t->rows);
		t->widths = rt_alloc(t->widths, t->cap * sizeof *t->widths);
	}
	t->rows[t->nrows] = t->cur;
	t->widths[t->nrows++] = t->ncur;
	t->cur = NULL;
	t->ncur = t->curcap = 0;
}

static void rt_free(struct rt_table *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		for (size_t k = 0; k < t->widths[i]; k++)
			free(t->rows[i][k]);
		free(t->rows[i]);
	}
	free(t->rows);
	free(t->widths);
}

/*
 * The cell a spreadsheet must read for text s: s itself, after a ' when s
 * starts with =, +, -, @, a tab or a carriage return and does not read as a
 * number (OWASP's rule, as crmroi(1) states it under OUTPUT).
 */
static int rt_same(const char *cell, const char *s)
{
	if (!s)
		s = "";
	if (s[0] && strchr("=+-@\t\r", s[0]) && !outcheck_is_number(s, strlen(s))) {
		if (cell[0] != '\'')
			return 0;
		cell++;
	}
	return !strcmp(cell, s);
}

static void rt_fail(const char *what, const char *cell, const char *want, const char *buf,
		    size_t len)
{
	fprintf(stderr, "fuzz_render_csv: %s: read back \"%s\", the scenario's \"%s\"\n", what,
		cell, want ? want : "");
	outcheck_fail("CSV", "text does not round-trip", buf, len, 0);
}

/* The rows of the inputs, then of the counted cost lines and benefit lines, in order. */
static void roundtrip(const report *r, const char *buf, size_t len)
{
	const crm_scenario *sc = r->sc;
	struct rt_table t;
	struct csv_parser p;
	size_t col[RT_NCOLS];

	memset(&t, 0, sizeof t);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	if (csv_parse(&p, buf, len, rt_field, rt_row, &t) != len ||
	    csv_fini(&p, rt_field, rt_row, &t) != 0)
		abort();    /* outcheck_csv read it already */
	csv_free(&p);
	for (size_t k = 0; k < t.ncur; k++)
		free(t.cur[k]);
	free(t.cur);
	for (int k = 0; k < RT_NCOLS; k++) {
		for (col[k] = 0; col[k] < t.widths[0] && strcmp(t.rows[0][col[k]], rt_header[k]);
		     col[k]++)
			;
		if (col[k] == t.widths[0])
			rt_fail("a column is missing from the header", rt_header[k], "", buf, len);
	}
	size_t i = 1, in = 0;
	for (int kind = -1; kind <= CRM_BENEFIT; kind++) {
		const char *section = kind < 0 ? "input" : kind == CRM_COST ? "cost" : "benefit";
		size_t n = kind < 0 ? sc->ninputs : sc->nlines;
		for (size_t l = 0; l < n; l++) {
			const char *want[RT_NCOLS];
			if (kind < 0) {
				const crm_input *x = &sc->inputs[in++];
				const char *w[RT_NCOLS] = { section, x->name, x->value_text, "", x->owner,
							    "", x->note };
				memcpy(want, w, sizeof want);
			} else {
				const crm_line *x = &sc->lines[l];
				if ((int)x->kind != kind || !crm_case_line_counted(r->c, l))
					continue;
				const char *w[RT_NCOLS] = { section, x->label, x->value_text, x->area,
							    x->owner, x->metric, x->note };
				memcpy(want, w, sizeof want);
			}
			while (i < t.nrows && strcmp(t.rows[i][col[RT_SECTION]], section))
				i++;
			if (i == t.nrows)
				rt_fail("a row is missing", section, want[RT_NAME], buf, len);
			for (int k = 0; k < RT_NCOLS; k++)
				if (!rt_same(t.rows[i][col[k]], want[k]))
					rt_fail(rt_header[k], t.rows[i][col[k]], want[k], buf, len);
			i++;
		}
	}
	rt_free(&t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	report r;
	fuzz_out o;

	if (fuzz_report_load(&r, data, size, size % 2) != 0)
		return 0;
	report_csv(&r, fuzz_out_open(&o));
	fuzz_out_close(&o);
	outcheck_csv(o.buf, o.len);
	roundtrip(&r, o.buf, o.len);
	free(o.buf);
	report_free(&r);
	return 0;
}
