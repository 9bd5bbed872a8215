/*
 * workbook.c - `crmroi workbook`: the business case as a workbook of live
 * formulas, written with libxlsxwriter.
 *
 * Sheets, in the order an analyst reads them:
 *   Summary      headline metrics as formulas over the Cash flow sheet, the
 *                conventions in words, two charts
 *   Settings     rates and default risks, each a cell with a defined name
 *   Inputs       one row per input: a named cell, or per-period cells when
 *                the input changes from period to period
 *   Lines        one row per cost and benefit: value, growth, risk and the
 *                risk-adjusted amount per period as formulas (times the
 *                adoption input of a benefit that has one); the timing
 *                factors (active months x ramp) as labelled constants; the
 *                values per period of lines whose value changes by period.
 *                A start, end or ramp given as a formula over inputs is
 *                written at those inputs' values, with its formula in a
 *                comment and a note saying that changing them needs a rerun
 *   Cash flow    costs, benefits, net, cumulative, discount factor, present
 *                value, the helper rows of payback, and the benefits by class
 *   Sensitivity  crmroi's tornado, as values (a snapshot)
 * Formulas are translated by xlformula.c; the structure of the model (which
 * periods a line is active in, the period grid) is fixed when the workbook
 * is written. Nothing here computes a metric: cached values come from the
 * report, except for the payback helper rows, whose values follow the same
 * definition as crm_payback_compute.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook.h"
#include "xlformula.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

/* Column widths (characters) and the cap for columns sized to their text. */
#define W_PERIOD 13
#define W_TEXT_MAX 48

/* Sheet names, and as they are written in a reference. */
#define SH_SUMMARY "Summary"
#define SH_SETTINGS "Settings"
#define SH_INPUTS "Inputs"
#define SH_LINES "Lines"
#define SH_CF "Cash flow"
#define SH_CF_REF "'Cash flow'"
#define SH_SENS "Sensitivity"

/* Inputs sheet columns. */
enum { IC_NAME, IC_XLNAME, IC_VALUE, IC_LOW, IC_HIGH, IC_DIST, IC_UNIT, IC_NOTE, IC_PERIOD0 };
/* Lines sheet columns. */
enum { LC_LABEL, LC_KIND, LC_AREA, LC_OWNER, LC_METRIC, LC_NOTE, LC_TIMING, LC_START, LC_END,
       LC_RAMP, LC_CURVE, LC_PROB, LC_GROWTH, LC_RISK, LC_RISKF, LC_VALUE, LC_PERIOD0 };

struct wb {
	lxw_workbook *book;
	const report *r;
	const crm_scenario *sc;
	const crm_cashflow *cf;
	int n;                  /* periods 1..n */
	int mpp, ppy;
	size_t np;              /* n + 1 */
	crm_warnings *warn;
	crm_error *err;
	int failed;

	lxw_format *title, *subtitle, *head, *head_r, *text, *wrap, *note, *snap;
	lxw_format *money, *money_in, *money_b, *rate, *rate_in, *num, *num_in, *months,
		   *factor, *intg, *label_b;

	/* Inputs */
	char **iname;           /* defined name of each input */
	char *ivary;            /* the input has per-period cells */
	int *irow;
	int any_ivary;
	int in_year_row, in_month_row;
	/* Lines */
	char *lvary;            /* the line's value has per-period cells */
	int *lrow, *ltrow, *lvrow;
	int ln_year_row, ln_month_row, ln_first, ln_last;
	/* Settings: rows of the named cells */
	int set_row_discount;
	/* Cash flow rows */
	int cf_month, cf_costs, cf_benefits, cf_net, cf_cum, cf_df, cf_pv, cf_cumpv;
	int cf_tol[2], cf_z[2], cf_stay[2], cf_cross[2];
	/* Summary */
	double *tmp;            /* np scratch values */
};

/* ------------------------------------------------------------------ cells */

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
static void cell(char *buf, size_t len, const char *sheet, int row, int col, int abs_row,
		 int abs_col)
{
	char c[8];

	col_name(col, c);
	snprintf(buf, len, "%s%s%s%s%s%d", sheet ? sheet : "", sheet ? "!" : "", abs_col ? "$" : "",
		 c, abs_row ? "$" : "", row + 1);
}

/* A range on one row, columns c0..c1, absolute. */
static void row_range(char *buf, size_t len, const char *sheet, int row, int c0, int c1)
{
	char a[32], b[32];

	cell(a, sizeof a, NULL, row, c0, 1, 1);
	cell(b, sizeof b, NULL, row, c1, 1, 1);
	snprintf(buf, len, "%s%s%s:%s", sheet ? sheet : "", sheet ? "!" : "", a, b);
}

static void check(struct wb *w, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR || w->failed)
		return;
	w->failed = 1;
	crm_error_set(w->err, CRM_EIO, NULL, 0, 0, "cannot write the workbook (%s): %s", what,
		      lxw_strerror(e));
}

static void put_str(struct wb *w, lxw_worksheet *ws, int row, int col, const char *s,
		    lxw_format *f)
{
	if (s && *s)
		check(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f), "text");
}

static void put_num(struct wb *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
	check(w, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f), "number");
}

/* A formula with crmroi's result as its cached value. */
static void put_formula(struct wb *w, lxw_worksheet *ws, int row, int col, const char *formula,
			double cached, lxw_format *f)
{
	check(w, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, formula, f,
					     isfinite(cached) ? cached : 0), "formula");
}

static void put_formula_str(struct wb *w, lxw_worksheet *ws, int row, int col,
			    const char *formula, const char *cached, lxw_format *f)
{
	check(w, worksheet_write_formula_str(ws, (lxw_row_t)row, (lxw_col_t)col, formula, f, cached),
	      "formula");
}

static void put_comment(struct wb *w, lxw_worksheet *ws, int row, int col, const char *text)
{
	lxw_comment_options opt = { .author = "crmroi" };

	check(w, worksheet_write_comment_opt(ws, (lxw_row_t)row, (lxw_col_t)col, text, &opt),
	      "comment");
}

static void fmtf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fmtf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, len, fmt, ap);
	va_end(ap);
}

static void widths(struct wb *w, lxw_worksheet *ws, int col, double width, lxw_format *f)
{
	check(w, worksheet_set_column(ws, (lxw_col_t)col, (lxw_col_t)col, width, f), "column");
}

/* Width for a column of texts: the longest, within [min, W_TEXT_MAX]. */
static double text_width(const char *const *texts, size_t n, size_t stride, double min)
{
	double wd = min;

	for (size_t i = 0; i < n; i++) {
		const char *s = *(const char *const *)((const char *)texts + i * stride);
		if (s && strlen(s) + 2 > wd)
			wd = (double)strlen(s) + 2;
	}
	return wd > W_TEXT_MAX ? W_TEXT_MAX : wd;
}

/* ---------------------------------------------------------------- formats */

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

static int make_formats(struct wb *w)
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
	w->label_b = new_format(w, NULL, 1, 0);
	if (!w->title || !w->subtitle || !w->head || !w->head_r || !w->text || !w->wrap ||
	    !w->note || !w->snap || !w->money || !w->money_in || !w->money_b || !w->rate ||
	    !w->rate_in || !w->num || !w->num_in || !w->months || !w->factor || !w->intg ||
	    !w->label_b)
		return -1;
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

/* ------------------------------------------------------------ the periods */

/* Period variables as the model defines them (period 0 sees period 1's). */
static int period_year(const struct wb *w, int p)
{
	int q = p ? p : 1;
	return ((q - 1) * w->mpp) / 12 + 1;
}

static int period_month(const struct wb *w, int p)
{
	int q = p ? p : 1;
	return (q - 1) * w->mpp + 1;
}

static void period_label(const struct wb *w, int p, char *buf, size_t len)
{
	report_col_label(w->r, p, buf, len);
}

/* ------------------------------------------------------ formula contexts */

enum { CTX_INPUTS, CTX_LINES };

struct ctx {
	struct wb *w;
	int where;      /* CTX_INPUTS or CTX_LINES */
	int p;          /* the period of the cell being written */
	const crm_expr *series_of;
};

static int ref_input(void *vctx, int i, int prev, char *buf, size_t len)
{
	struct ctx *c = vctx;
	struct wb *w = c->w;
	int p = c->p;

	if (prev) {
		/* prev() is 0 in the first period, and in the Initial column. */
		if (p <= 1) {
			snprintf(buf, len, "0");
			return 0;
		}
		p--;
	}
	if (!w->ivary[i]) {
		snprintf(buf, len, "%s", w->iname[i]);
		return 0;
	}
	cell(buf, len, c->where == CTX_INPUTS ? NULL : SH_INPUTS, w->irow[i], IC_PERIOD0 + p, 0, 0);
	return 0;
}

static int ref_period(void *vctx, int which, char *buf, size_t len)
{
	struct ctx *c = vctx;
	struct wb *w = c->w;

	if (c->where == CTX_INPUTS)
		cell(buf, len, NULL, which ? w->in_month_row : w->in_year_row, IC_PERIOD0 + c->p, 1, 0);
	else
		cell(buf, len, NULL, which ? w->ln_month_row : w->ln_year_row, LC_PERIOD0 + c->p, 1, 0);
	return 0;
}

/* Which inputs and lines change between periods (as the model decides it). */
static void find_varying(struct wb *w)
{
	const crm_scenario *sc = w->sc;
	int changed = 1;

	for (size_t i = 0; i < sc->ninputs; i++)
		w->ivary[i] = (char)crm_expr_uses_time(sc->inputs[i].value);
	while (changed) {
		changed = 0;
		for (size_t i = 0; i < sc->ninputs; i++) {
			const int *deps;
			size_t nd = crm_expr_deps(sc->inputs[i].value, &deps);
			for (size_t k = 0; k < nd && !w->ivary[i]; k++)
				if (w->ivary[deps[k]]) {
					w->ivary[i] = 1;
					changed = 1;
				}
		}
	}
	for (size_t l = 0; l < sc->nlines; l++) {
		const int *deps;
		size_t nd = crm_expr_deps(sc->lines[l].value, &deps);
		w->lvary[l] = (char)crm_expr_uses_time(sc->lines[l].value);
		for (size_t k = 0; k < nd; k++)
			w->lvary[l] |= w->ivary[deps[k]];
	}
	for (size_t i = 0; i < sc->ninputs; i++)
		w->any_ivary |= w->ivary[i];
}

/* crmroi's value of e in period p, from the evaluated inputs. */
static double eval_in(struct wb *w, const crm_expr *e, int p)
{
	size_t ni = w->sc->ninputs;
	double *cur = w->tmp, *prev = w->tmp + ni;

	for (size_t i = 0; i < ni; i++) {
		cur[i] = w->cf->input[i * w->np + (size_t)p];
		prev[i] = p > 1 ? w->cf->input[i * w->np + (size_t)(p - 1)] : 0;
	}
	crm_expr_env env = { cur, prev, period_year(w, p), period_month(w, p) };
	return crm_expr_eval(e, &env);
}

/*
 * Write the formula e for the cell (row, col) in context c, or its value when
 * it has no Excel translation (with a comment, and a warning the first time:
 * *warned).
 */
static void put_expr(struct wb *w, lxw_worksheet *ws, int row, int col, const crm_expr *e,
		     struct ctx *c, double cached, lxw_format *f, const char *what,
		     const crm_loc *loc, int *warned)
{
	xlf_refs refs = { ref_input, ref_period, NULL, c };
	char why[300];
	char *formula = xlf_translate(e, &refs, why, sizeof why);

	if (formula) {
		put_formula(w, ws, row, col, formula, cached, f);
		free(formula);
		return;
	}
	put_num(w, ws, row, col, cached, f);
	char text[600];
	fmtf(text, sizeof text, "crmroi's value: this formula has no Excel equivalent (%s)", why);
	put_comment(w, ws, row, col, text);
	if (!*warned) {
		*warned = 1;
		crm_warnings_add(w->warn, loc->file, loc->line, loc->col, "%s: its formula cannot be "
				 "written as an Excel formula (%s); the workbook holds its values",
				 what, why);
	}
}

/* ------------------------------------------------------------- settings */

static void sheet_settings(struct wb *w, lxw_worksheet *ws)
{
	const crm_settings *s = &w->sc->settings;
	int finance_given = 0, reinvest_given = 0;
	char buf[512], ref[64];
	int row = 4;

	for (size_t k = 0; k < w->sc->norigins; k++) {
		const crm_origin *o = &w->sc->origins[k];
		if (strcmp(o->kind, "setting") || !o->name)
			continue;
		finance_given |= !strcasecmp(o->name, "finance_rate");
		reinvest_given |= !strcasecmp(o->name, "reinvest_rate");
	}
	put_str(w, ws, 0, 0, "Settings", w->title);
	put_str(w, ws, 1, 0, "Blue cells are assumptions: every formula of the workbook refers to "
		"them by their defined names.", w->subtitle);
	put_str(w, ws, 3, 0, "Setting", w->head);
	put_str(w, ws, 3, 1, "Value", w->head_r);
	put_str(w, ws, 3, 2, "Defined name", w->head);
	put_str(w, ws, 3, 3, "Meaning", w->head);

	put_str(w, ws, row, 0, "title", w->text);
	put_str(w, ws, row, 1, s->title, w->text);
	put_str(w, ws, row++, 3, "Title of the business case", w->note);
	put_str(w, ws, row, 0, "currency", w->text);
	put_str(w, ws, row, 1, s->currency, w->text);
	put_str(w, ws, row++, 3, "Currency of every amount", w->note);
	put_str(w, ws, row, 0, "period", w->text);
	put_str(w, ws, row, 1, crm_grid_name(s->grid), w->text);
	put_str(w, ws, row++, 3, "The grid the model is evaluated and discounted on (fixed in "
		"this workbook)", w->note);
	put_str(w, ws, row, 0, "horizon_years", w->text);
	put_num(w, ws, row, 1, s->horizon_years, w->intg);
	put_str(w, ws, row++, 3, "Years in the horizon (fixed in this workbook: the period "
		"columns are built for it)", w->note);
	if (s->start_year) {
		fmtf(buf, sizeof buf, "%04d-%02d", s->start_year, s->start_month);
		put_str(w, ws, row, 0, "start_date", w->text);
		put_str(w, ws, row, 1, buf, w->text);
		put_str(w, ws, row++, 3, "Calendar month of month 1", w->note);
	}

	struct { const char *name; double v; int follows; const char *meaning; } rates[] = {
		{ "discount_rate", s->discount_rate, 0, "Annual discount rate of NPV" },
		{ "finance_rate", s->finance_rate, !finance_given,
		  "Annual finance rate of MIRR (the discount rate unless set)" },
		{ "reinvest_rate", s->reinvest_rate, !reinvest_given,
		  "Annual reinvestment rate of MIRR (the discount rate unless set)" },
		{ "benefit_risk", s->benefit_risk, 0,
		  "Risk of a benefit line without its own: the benefit is x (1 - risk)" },
		{ "cost_risk", s->cost_risk, 0,
		  "Risk of a cost line without its own: the cost is x (1 + risk)" },
	};
	for (size_t k = 0; k < sizeof rates / sizeof *rates; k++, row++) {
		put_str(w, ws, row, 0, rates[k].name, w->text);
		if (rates[k].follows)
			put_formula(w, ws, row, 1, "=discount_rate", rates[k].v, w->rate);
		else
			put_num(w, ws, row, 1, rates[k].v, w->rate_in);
		put_str(w, ws, row, 2, rates[k].name, w->text);
		put_str(w, ws, row, 3, rates[k].meaning, w->note);
		cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
		fmtf(buf, sizeof buf, "=%s", ref);
		check(w, workbook_define_name(w->book, rates[k].name, buf), "defined name");
		if (k == 0)
			w->set_row_discount = row;
	}
	if (s->readiness) {
		/* Execution readiness scales every benefit (crmroi assess). */
		double factor = crm_assess_factor(s->readiness_score, s->readiness_floor);
		put_str(w, ws, row, 0, "readiness", w->text);
		put_str(w, ws, row, 1, s->readiness, w->text);
		put_str(w, ws, row++, 3, "The readiness self-assessment the score comes from", w->note);
		struct { const char *name; double v; lxw_format *f; const char *meaning; } rd[] = {
			{ "readiness_score", s->readiness_score, w->num_in,
			  "Its score, 0 to 1000 points" },
			{ "readiness_floor", s->readiness_floor, w->rate_in,
			  "The factor on benefits at a score of 0" },
		};
		for (size_t k = 0; k < 2; k++, row++) {
			put_str(w, ws, row, 0, rd[k].name, w->text);
			put_num(w, ws, row, 1, rd[k].v, rd[k].f);
			put_str(w, ws, row, 2, rd[k].name, w->text);
			put_str(w, ws, row, 3, rd[k].meaning, w->note);
			cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
			fmtf(buf, sizeof buf, "=%s", ref);
			check(w, workbook_define_name(w->book, rd[k].name, buf), "defined name");
		}
		put_str(w, ws, row, 0, "readiness_factor", w->text);
		put_formula(w, ws, row, 1, "=1-(1-readiness_floor)*(1-readiness_score/1000)", factor,
			    w->rate);
		put_str(w, ws, row, 2, "readiness_factor", w->text);
		put_str(w, ws, row, 3, "Every benefit is x this factor, on top of its risk: "
			"floor + (1 - floor) x score / 1000", w->note);
		cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
		fmtf(buf, sizeof buf, "=%s", ref);
		check(w, workbook_define_name(w->book, "readiness_factor", buf), "defined name");
		row++;
	}
	widths(w, ws, 0, 16, NULL);
	widths(w, ws, 1, 14, NULL);
	widths(w, ws, 2, 16, NULL);
	widths(w, ws, 3, 70, NULL);
	worksheet_freeze_panes(ws, 4, 0);
	check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)row, 3), "print area");
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* ----------------------------------------------------------------- inputs */

/* Give every input a defined name, unique without regard to case. */
static int name_inputs(struct wb *w)
{
	static const char *const settings[] = { "discount_rate", "finance_rate", "reinvest_rate",
		"benefit_risk", "cost_risk", "readiness_score", "readiness_floor", "readiness_factor",
		NULL };
	const crm_scenario *sc = w->sc;

	for (size_t i = 0; i < sc->ninputs; i++) {
		size_t len = strlen(sc->inputs[i].name) + 8;
		char *name = malloc(len + sc->ninputs + 8);
		if (!name)
			return -1;
		if (xlf_name(sc->inputs[i].name, name, len) != 0) {
			free(name);
			crm_error_set(w->err, CRM_EDATA, sc->inputs[i].loc.file, sc->inputs[i].loc.line,
				      0, "input '%s': the name is longer than Excel's %d characters",
				      sc->inputs[i].name, XLF_MAX_NAME);
			w->failed = 1;
			return -1;
		}
		for (int again = 1; again;) {
			again = 0;
			for (int k = 0; settings[k]; k++)
				again |= !strcasecmp(name, settings[k]);
			for (size_t j = 0; j < i; j++)
				again |= !strcasecmp(name, w->iname[j]);
			if (again)
				strcat(name, "_");
		}
		w->iname[i] = name;
	}
	return 0;
}

static const char *unit_text(const crm_input *in)
{
	return in->unit ? in->unit : "";
}

/* A plain number input written with '%' is shown as a percentage. */
static int is_percent(const char *text)
{
	return text && strchr(text, '%') != NULL;
}

/*
 * The inputs that some line's start, end or ramp follows, as "a, b" in names;
 * how many. The months are written as numbers, so these inputs are not live.
 */
static size_t timing_input_names(const crm_scenario *sc, char *names, size_t len)
{
	size_t n = 0;

	names[0] = '\0';
	for (size_t i = 0; i < sc->ninputs; i++)
		if (sc->inputs[i].timing) {
			crm_appendf(names, len, "%s%s", n ? ", " : "", sc->inputs[i].name);
			n++;
		}
	return n;
}

static void sheet_inputs(struct wb *w, lxw_worksheet *ws)
{
	const crm_scenario *sc = w->sc;
	char buf[512], ref[64], tnames[400];
	int row = 3, last_col = w->any_ivary ? IC_PERIOD0 + w->n : IC_NOTE;
	size_t ntiming = timing_input_names(sc, tnames, sizeof tnames);

	put_str(w, ws, 0, 0, "Inputs", w->title);
	if (ntiming) {
		char *text = dup_printf("Blue cells are assumptions: change one and every line, the "
					"cash flow and the metrics follow. Not %s (white, not blue): "
					"%s the months of lines, which this workbook holds at the "
					"values below; changing %s here changes nothing, run crmroi "
					"workbook again. A value given as a formula is a formula over "
					"the defined names; an input that changes from period to period "
					"has a cell per period.", tnames, ntiming == 1 ? "it moves" :
					"they move", ntiming == 1 ? "it" : "them");
		if (text)
			put_str(w, ws, 1, 0, text, w->subtitle);
		free(text);
	} else {
		put_str(w, ws, 1, 0, "Blue cells are assumptions: change one and every line, the "
			"cash flow and the metrics follow. A value given as a formula is a formula over "
			"the defined names; an input that changes from period to period has a cell per "
			"period.", w->subtitle);
	}
	const char *heads[] = { "Input", "Defined name", "Value", "Low", "High", "Distribution",
		"Unit", "Note" };
	for (int c = 0; c < IC_PERIOD0; c++)
		put_str(w, ws, row, c, heads[c], c >= IC_VALUE && c <= IC_HIGH ? w->head_r : w->head);
	if (w->any_ivary) {
		for (int p = 0; p <= w->n; p++) {
			period_label(w, p, buf, sizeof buf);
			put_str(w, ws, row, IC_PERIOD0 + p, buf, w->head_r);
		}
		row++;
		w->in_year_row = row;
		put_str(w, ws, row, IC_NAME, "year", w->note);
		put_str(w, ws, row, IC_NOTE, "The period variable year: year of the horizon", w->note);
		for (int p = 0; p <= w->n; p++)
			put_num(w, ws, row, IC_PERIOD0 + p, period_year(w, p), w->intg);
		row++;
		w->in_month_row = row;
		put_str(w, ws, row, IC_NAME, "month", w->note);
		put_str(w, ws, row, IC_NOTE, w->mpp == 12 ? "The period variable month: first month of "
			"the year" : "The period variable month: month of the horizon", w->note);
		for (int p = 0; p <= w->n; p++)
			put_num(w, ws, row, IC_PERIOD0 + p, period_month(w, p), w->intg);
	}
	row++;
	for (size_t i = 0; i < sc->ninputs; i++, row++) {
		const crm_input *in = &sc->inputs[i];
		int warned = 0, pct = is_percent(in->value_text);
		crm_value_kind kind = crm_expr_kind(in->value);
		char what[300];
		fmtf(what, sizeof what, "input '%s'", in->name);
		w->irow[i] = row;
		put_str(w, ws, row, IC_NAME, in->name, w->text);
		put_str(w, ws, row, IC_DIST, in->range.dist != CRM_DIST_NONE ?
			crm_dist_name(in->range.dist) : "", w->text);
		put_str(w, ws, row, IC_UNIT, unit_text(in), w->text);
		if (in->timing) {
			/* Not an assumption to change here: the months are written as numbers. */
			char *text = dup_printf("Moves lines' months, which this workbook holds at this "
						"value: changing it here changes nothing; run crmroi "
						"workbook again.%s%s", in->note && in->note[0] ? " " : "",
						in->note ? in->note : "");
			put_str(w, ws, row, IC_NOTE, text ? text : in->note, w->note);
			free(text);
		} else {
			put_str(w, ws, row, IC_NOTE, in->note, w->text);
		}
		if (in->range.given) {
			put_num(w, ws, row, IC_LOW, in->range.low, pct ? w->rate : w->num);
			put_num(w, ws, row, IC_HIGH, in->range.high, pct ? w->rate : w->num);
		}
		if (!w->ivary[i]) {
			double v = w->cf->input[i * w->np + 1];
			struct ctx c = { w, CTX_INPUTS, 1, NULL };
			put_str(w, ws, row, IC_XLNAME, w->iname[i], w->text);
			if (kind == CRM_VALUE_NUMBER && in->timing)
				put_num(w, ws, row, IC_VALUE, v, pct ? w->rate : w->num);
			else if (kind == CRM_VALUE_NUMBER)
				put_num(w, ws, row, IC_VALUE, v, pct ? w->rate_in : w->num_in);
			else
				put_expr(w, ws, row, IC_VALUE, in->value, &c, v, pct ? w->rate : w->num,
					 what, &in->loc, &warned);
			cell(ref, sizeof ref, SH_INPUTS, row, IC_VALUE, 1, 1);
			fmtf(buf, sizeof buf, "=%s", ref);
			check(w, workbook_define_name(w->book, w->iname[i], buf), "defined name");
			continue;
		}
		/* Per period: the Initial column takes the first period's value. */
		put_str(w, ws, row, IC_VALUE, in->value_text, w->note);
		for (int p = 0; p <= w->n; p++) {
			double v = w->cf->input[i * w->np + (size_t)p];
			lxw_format *f = pct ? w->rate : w->num;
			int col = IC_PERIOD0 + p;
			if (p == 0 || (kind == CRM_VALUE_SERIES && (p - 1) % (12 / w->mpp) != 0)) {
				/* The Initial column, and later months of a series' year. */
				int from = p == 0 ? 1 : p - (p - 1) % (12 / w->mpp);
				cell(ref, sizeof ref, NULL, row, IC_PERIOD0 + from, 0, 0);
				fmtf(buf, sizeof buf, "=%s", ref);
				put_formula(w, ws, row, col, buf, v, f);
			} else if (kind == CRM_VALUE_SERIES) {
				put_num(w, ws, row, col, v, pct ? w->rate_in : w->num_in);
			} else {
				struct ctx c = { w, CTX_INPUTS, p, NULL };
				put_expr(w, ws, row, col, in->value, &c, v, f, what, &in->loc, &warned);
			}
		}
	}
	double wname = 12;
	for (size_t i = 0; i < sc->ninputs; i++)
		if (strlen(sc->inputs[i].name) + 2 > wname)
			wname = (double)strlen(sc->inputs[i].name) + 2;
	if (wname > W_TEXT_MAX)
		wname = W_TEXT_MAX;
	widths(w, ws, IC_NAME, wname, NULL);
	widths(w, ws, IC_XLNAME, wname, NULL);
	widths(w, ws, IC_VALUE, 14, NULL);
	widths(w, ws, IC_LOW, 10, NULL);
	widths(w, ws, IC_HIGH, 10, NULL);
	widths(w, ws, IC_DIST, 12, NULL);
	widths(w, ws, IC_UNIT, 9, NULL);
	widths(w, ws, IC_NOTE, 40, NULL);
	if (w->any_ivary)
		check(w, worksheet_set_column(ws, IC_PERIOD0, (lxw_col_t)(IC_PERIOD0 + w->n), W_PERIOD,
					      NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)row, (lxw_col_t)last_col), "print area");
	check(w, worksheet_repeat_rows(ws, 3, 3), "print titles");
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* ------------------------------------------------------------------ lines */

/*
 * When some line's start, end or ramp is a formula over inputs: a note in
 * row `row` naming those inputs, saying that the timing factors hold their
 * values at the time of writing and that changing them needs a rerun.
 */
static void timing_note(struct wb *w, lxw_worksheet *ws, int row)
{
	char names[600];
	size_t n = timing_input_names(w->sc, names, sizeof names);

	if (!n)
		return;
	char *text = dup_printf("The start, end or ramp of some lines follow the input%s %s (their "
				"formulas are in comments on the Start, End and Ramp cells): the timing "
				"factors below hold the months at the values of the workbook's writing. "
				"Changing %s moves no month here; run crmroi workbook again for that.",
				n == 1 ? "" : "s", names, n == 1 ? "it" : "them");
	if (text)
		put_str(w, ws, row, 0, text, w->note);
	free(text);
}

static void sheet_lines(struct wb *w, lxw_worksheet *ws, const crm_model *m)
{
	const crm_scenario *sc = w->sc;
	size_t nl = sc->nlines;
	char buf[1024], ref[64], v_ref[64], t_ref[64], y_ref[64], g_ref[64], rf_ref[64], p_ref[64];
	int row = 3, hdr = 3;
	int last_col = LC_PERIOD0 + w->n;

	put_str(w, ws, 0, 0, "Cost and benefit lines", w->title);
	put_str(w, ws, 1, 0, "Amount per period = value x timing factor x (1 + growth)^(year - 1) "
		"x risk factor x probability. Risk factor: 1 - risk for a benefit, 1 + risk for a "
		"cost (and x readiness_factor for a benefit when the scenario sets readiness); a line "
		"without its own risk takes benefit_risk or cost_risk (Settings).",
		w->subtitle);
	timing_note(w, ws, 2);
	const char *heads[] = { "Line", "Kind", "Area", "Owner", "Metric", "Note", "Timing", "Start",
		"End", "Ramp", "Curve", "Probability", "Growth", "Risk", "Risk factor", "Value" };
	for (int c = 0; c < LC_PERIOD0; c++)
		put_str(w, ws, row, c, heads[c], c >= LC_START && c != LC_CURVE ? w->head_r : w->head);
	for (int p = 0; p <= w->n; p++) {
		period_label(w, p, buf, sizeof buf);
		put_str(w, ws, row, LC_PERIOD0 + p, buf, w->head_r);
	}
	row++;
	w->ln_year_row = row;
	put_str(w, ws, row, LC_LABEL, "year", w->note);
	put_str(w, ws, row, LC_NOTE, "Year of the horizon (growth and the period variable year)",
		w->note);
	for (int p = 0; p <= w->n; p++)
		put_num(w, ws, row, LC_PERIOD0 + p, period_year(w, p), w->intg);
	row++;
	w->ln_month_row = row;
	put_str(w, ws, row, LC_LABEL, "month", w->note);
	put_str(w, ws, row, LC_NOTE, w->mpp == 12 ? "The period variable month: first month of "
		"the year" : "The period variable month: month of the horizon", w->note);
	for (int p = 0; p <= w->n; p++)
		put_num(w, ws, row, LC_PERIOD0 + p, period_month(w, p), w->intg);
	row += 2;

	/* Rows of the three blocks first: the amounts refer to the other two. */
	int row_amount0 = row, nvary = 0;
	for (size_t l = 0; l < nl; l++)
		w->lrow[l] = row_amount0 + (int)l;
	int row_timing_head = row_amount0 + (int)nl + 1;
	for (size_t l = 0; l < nl; l++)
		w->ltrow[l] = row_timing_head + 1 + (int)l;
	int row_value_head = row_timing_head + 1 + (int)nl + 1;
	for (size_t l = 0; l < nl; l++)
		w->lvrow[l] = w->lvary[l] ? row_value_head + 1 + nvary++ : -1;
	w->ln_first = row_amount0;
	w->ln_last = row_amount0 + (int)nl - 1;

	put_str(w, ws, row_amount0 - 1, LC_LABEL, "Risk-adjusted amount per period", w->label_b);
	put_str(w, ws, row_timing_head, LC_LABEL, "Timing factor: share of the period's months "
		"the line is active x ramp (fixed by start, end and ramp)", w->label_b);
	if (nvary)
		put_str(w, ws, row_value_head, LC_LABEL, "Values of lines that change from period to "
			"period", w->label_b);

	for (size_t l = 0; l < nl; l++) {
		const crm_line *ln = &sc->lines[l];
		int r = w->lrow[l], warned = 0;
		int benefit = ln->kind == CRM_BENEFIT;
		char what[400];
		fmtf(what, sizeof what, "%s '%s'", benefit ? "benefit" : "cost", ln->label);
		put_str(w, ws, r, LC_LABEL, ln->label, w->text);
		/* A benefit whose class the metrics leave out (flexibility) is not "benefit" to SUMIF. */
		put_str(w, ws, r, LC_KIND, !benefit ? "cost" : crm_case_line_counted(w->r->c, l) ? "benefit"
			: "benefit, not in NPV", w->text);
		put_str(w, ws, r, LC_AREA, ln->area, w->text);
		put_str(w, ws, r, LC_OWNER, ln->owner, w->text);
		put_str(w, ws, r, LC_METRIC, ln->metric, w->text);
		put_str(w, ws, r, LC_NOTE, ln->note, w->text);
		put_str(w, ws, r, LC_TIMING, crm_timing_name(ln->timing), w->text);
		put_num(w, ws, r, LC_START, ln->start, w->intg);
		if (ln->timing != CRM_ONCE)
			put_num(w, ws, r, LC_END, ln->end, w->intg);
		if (ln->ramp) {
			put_num(w, ws, r, LC_RAMP, ln->ramp, w->intg);
			put_str(w, ws, r, LC_CURVE, crm_curve_name(ln->curve), w->text);
		}
		for (int k = 0; k < 3; k++)
			if (ln->timing_text[k]) {
				static const int col_of[3] = { LC_START, LC_END, LC_RAMP };
				static const char *const field[3] = { "start", "end", "ramp" };
				fmtf(buf, sizeof buf, "crmroi: %s = %s, rounded to a whole month, at the "
				     "inputs' values when the workbook was written; changing those inputs "
				     "needs a new crmroi workbook run", field[k], ln->timing_text[k]);
				put_comment(w, ws, r, col_of[k], buf);
			}
		put_num(w, ws, r, LC_PROB, ln->probability, w->rate_in);
		put_num(w, ws, r, LC_GROWTH, ln->growth, w->rate_in);
		if (ln->risk_given)
			put_num(w, ws, r, LC_RISK, ln->risk, w->rate_in);
		else
			put_formula(w, ws, r, LC_RISK, benefit ? "=benefit_risk" : "=cost_risk", ln->risk,
				    w->rate);
		cell(ref, sizeof ref, NULL, r, LC_RISK, 0, 1);
		double rf = benefit ? 1 - ln->risk : 1 + ln->risk;
		if (benefit && sc->settings.readiness) {
			/* As the model: the readiness factor scales benefits on top of their risk. */
			fmtf(buf, sizeof buf, "=(1-%s)*readiness_factor", ref);
			rf *= crm_assess_factor(sc->settings.readiness_score, sc->settings.readiness_floor);
		} else {
			fmtf(buf, sizeof buf, benefit ? "=1-%s" : "=1+%s", ref);
		}
		put_formula(w, ws, r, LC_RISKF, buf, rf, w->factor);

		/* The value: one cell, or a row of per-period values below. */
		crm_value_kind kind = crm_expr_kind(ln->value);
		if (!w->lvary[l]) {
			double v = eval_in(w, ln->value, 1);
			struct ctx c = { w, CTX_LINES, 1, NULL };
			if (kind == CRM_VALUE_NUMBER)
				put_num(w, ws, r, LC_VALUE, v, w->money_in);
			else
				put_expr(w, ws, r, LC_VALUE, ln->value, &c, v, w->money, what, &ln->loc,
					 &warned);
		} else {
			put_str(w, ws, r, LC_VALUE, "per period, below", w->note);
			int vr = w->lvrow[l];
			put_str(w, ws, vr, LC_LABEL, ln->label, w->text);
			put_str(w, ws, vr, LC_KIND, benefit ? "benefit" : "cost", w->text);
			put_str(w, ws, vr, LC_NOTE, ln->value_text, w->note);
		}

		cell(g_ref, sizeof g_ref, NULL, r, LC_GROWTH, 0, 1);
		cell(rf_ref, sizeof rf_ref, NULL, r, LC_RISKF, 0, 1);
		cell(p_ref, sizeof p_ref, NULL, r, LC_PROB, 0, 1);
		put_str(w, ws, w->ltrow[l], LC_LABEL, ln->label, w->text);
		put_str(w, ws, w->ltrow[l], LC_KIND, benefit ? "benefit" : "cost", w->text);
		for (int p = 0; p <= w->n; p++) {
			int col = LC_PERIOD0 + p;
			double t = crm_model_line_timing(m, l, p);
			/* The cached value of a line the metrics leave out: its own amount. */
			const crm_cashflow *acf = crm_case_line_counted(w->r->c, l) ? w->cf : w->r->c->all_cf;
			double amount = acf->amount[l * w->np + (size_t)p];
			put_num(w, ws, w->ltrow[l], col, t, w->factor);
			if (t == 0) {
				put_num(w, ws, r, col, 0, w->money);
				continue;
			}
			if (w->lvary[l]) {
				int vr = w->lvrow[l];
				double v = eval_in(w, ln->value, p);
				if (kind == CRM_VALUE_SERIES && !(p >= 2 && w->mpp == 1 && (p - 1) % 12 &&
								  crm_model_line_timing(m, l, p - 1) != 0)) {
					put_num(w, ws, vr, col, v, w->money_in);
				} else if (kind == CRM_VALUE_SERIES) {
					/* Later months of a series' year repeat its first active month. */
					cell(ref, sizeof ref, NULL, vr, col - 1, 0, 0);
					fmtf(buf, sizeof buf, "=%s", ref);
					put_formula(w, ws, vr, col, buf, v, w->money);
				} else {
					struct ctx c = { w, CTX_LINES, p, NULL };
					put_expr(w, ws, vr, col, ln->value, &c, v, w->money, what, &ln->loc,
						 &warned);
				}
				cell(v_ref, sizeof v_ref, NULL, vr, col, 0, 0);
			} else {
				cell(v_ref, sizeof v_ref, NULL, r, LC_VALUE, 0, 1);
			}
			cell(t_ref, sizeof t_ref, NULL, w->ltrow[l], col, 0, 0);
			cell(y_ref, sizeof y_ref, NULL, w->ln_year_row, col, 1, 0);
			fmtf(buf, sizeof buf, "=%s*%s*(1+%s)^(%s-1)*%s*%s", v_ref, t_ref, g_ref, y_ref,
			     rf_ref, p_ref);
			if (benefit && ln->adoption >= 0) {
				/* The share of adoption, live: its input's cell in this period. */
				struct ctx c = { w, CTX_LINES, p, NULL };
				char a_ref[64];
				ref_input(&c, ln->adoption, 0, a_ref, sizeof a_ref);
				size_t len = strlen(buf);
				fmtf(buf + len, sizeof buf - len, "*%s", a_ref);
			}
			put_formula(w, ws, r, col, buf, amount, w->money);
		}
	}
	int last_row = row_value_head + nvary;

	const char *labels[64];
	size_t nlab = 0;
	for (size_t l = 0; l < nl && nlab < 64; l++)
		labels[nlab++] = sc->lines[l].label;
	widths(w, ws, LC_LABEL, text_width(labels, nlab, sizeof *labels, 24), NULL);
	widths(w, ws, LC_KIND, 8, NULL);
	widths(w, ws, LC_AREA, 20, NULL);
	widths(w, ws, LC_OWNER, 16, NULL);
	widths(w, ws, LC_METRIC, 16, NULL);
	widths(w, ws, LC_NOTE, 24, NULL);
	widths(w, ws, LC_TIMING, 8, NULL);
	check(w, worksheet_set_column(ws, LC_START, LC_RAMP, 6, NULL), "column");
	widths(w, ws, LC_CURVE, 7, NULL);
	check(w, worksheet_set_column(ws, LC_PROB, LC_RISKF, 10, NULL), "column");
	widths(w, ws, LC_VALUE, 14, NULL);
	check(w, worksheet_set_column(ws, LC_PERIOD0, (lxw_col_t)last_col, W_PERIOD, NULL), "column");
	worksheet_freeze_panes(ws, (lxw_row_t)(hdr + 1), 1);
	check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)last_row, (lxw_col_t)last_col),
	      "print area");
	/* Title rows only: Gnumeric reads no title rows and columns together. */
	check(w, worksheet_repeat_rows(ws, (lxw_row_t)hdr, (lxw_row_t)hdr), "print titles");
	worksheet_set_landscape(ws);
}

/* -------------------------------------------------------------- cash flow */

/*
 * The payback helper rows' cached values, by crm_payback_compute's
 * definition: the cumulative sum with values within the tolerance of 0 taken
 * as 0, whether it stays at or above 0 from each period to the end, and the
 * interpolated month of the crossing after which it stays there.
 */
static void payback_helpers(const double *v, const double *cum, size_t np, int mpp, double *tol,
			    double *z, double *stay, double *cross)
{
	double scale = 0;

	for (size_t k = 0; k < np; k++)
		scale += fabs(v[k]);
	*tol = CRM_PAYBACK_REL_TOL * scale;
	for (size_t k = 0; k < np; k++)
		z[k] = fabs(cum[k]) <= *tol ? 0 : cum[k];
	for (size_t k = np; k-- > 0;)
		stay[k] = z[k] >= 0 && (k + 1 == np || stay[k + 1] == 1) ? 1 : 0;
	for (size_t k = 0; k < np; k++)
		cross[k] = k > 0 && stay[k] == 1 && z[k - 1] < 0
			   ? (z[k] == 0 ? (double)k : (double)(k - 1) + (-z[k - 1]) / v[k]) * mpp : 0;
}

/* Most lines a class subtotal adds in one formula; beyond, the row holds crmroi's values. */
#define WB_CLASS_MAX_TERMS 400

/*
 * Benefits by class, below the payback rows, when some benefit has a class
 * other than cash: per period the sum of the class's amounts on the Lines
 * sheet, and its present value. A class the metrics leave out (flexibility)
 * is marked "not in NPV"; its lines are not in the benefits row above.
 * Returns the next free row.
 */
static int class_rows_xlsx(struct wb *w, lxw_worksheet *ws, int row)
{
	const crm_scenario *sc = w->sc;
	const report *r = w->r;
	int c0 = 1, cn = 1 + w->n;
	char a[64], b[64], label[96];

	if (!report_classes_shown(r))
		return row;
	put_str(w, ws, row, 0, "Benefits by class (risk-adjusted)", w->label_b);
	put_str(w, ws, row++, cn + 1, "Present value", w->head_r);
	for (int c = 0; c < CRM_NCLASSES; c++) {
		size_t nterms = r->c->cls[c].nlines;
		if (!nterms)
			continue;
		int in = (sc->settings.classes & CRM_CLASS_BIT(c)) != 0;
		fmtf(label, sizeof label, "Benefits: %s%s", crm_class_name((crm_class)c),
		     in ? "" : " (not in NPV)");
		put_str(w, ws, row, 0, label, w->text);
		char *f = nterms <= WB_CLASS_MAX_TERMS ? malloc(nterms * 24 + 8) : NULL;
		for (int p = 0; p <= w->n; p++) {
			double cached = report_class_amount(r, (crm_class)c, p);
			size_t at = 0;
			if (f)
				f[at++] = '=';
			for (size_t l = 0; f && l < sc->nlines; l++) {
				const crm_line *ln = &sc->lines[l];
				if (ln->kind != CRM_BENEFIT || (int)ln->cls != c)
					continue;
				cell(a, sizeof a, SH_LINES, w->lrow[l], LC_PERIOD0 + p, 0, 0);
				at += (size_t)snprintf(f + at, 24, "%s%s", at > 1 ? "+" : "", a);
			}
			if (f)
				put_formula(w, ws, row, c0 + p, f, cached, w->money);
			else
				put_num(w, ws, row, c0 + p, cached, w->money);
		}
		free(f);
		row_range(a, sizeof a, NULL, row, c0, cn);
		row_range(b, sizeof b, NULL, w->cf_df, c0, cn);
		char pv[160];
		fmtf(pv, sizeof pv, "=SUMPRODUCT(%s,%s)", a, b);
		put_formula(w, ws, row++, cn + 1, pv, r->c->cls[c].pv, w->money);
	}
	return row + 1;
}

static void sheet_cashflow(struct wb *w, lxw_worksheet *ws)
{
	const crm_cashflow *cf = w->cf;
	int n = w->n, row = 3, c0 = 1, cn = 1 + n;
	char buf[1024], a[64], b[64], c[64], d[64], kinds[128], amounts[128];

	put_str(w, ws, 0, 0, "Cash flow", w->title);
	fmtf(buf, sizeof buf, "Initial is month 0 and is not discounted; %s. Every figure is a "
	     "formula over the Lines sheet.", w->mpp == 12 ? "Year k is discounted at its end by "
	     "(1 + discount_rate)^k" : "month m is discounted by (1 + discount_rate)^(m/12)");
	put_str(w, ws, 1, 0, buf, w->subtitle);
	put_str(w, ws, row, 0, w->sc->settings.currency, w->head);
	for (int p = 0; p <= n; p++) {
		period_label(w, p, buf, sizeof buf);
		put_str(w, ws, row, c0 + p, buf, w->head_r);
	}
	row++;
	w->cf_month = row++;
	w->cf_costs = row++;
	w->cf_benefits = row++;
	w->cf_net = row++;
	w->cf_cum = row++;
	w->cf_df = row++;
	w->cf_pv = row++;
	w->cf_cumpv = row++;
	put_str(w, ws, w->cf_month, 0, "Month at the end of the period", w->text);
	put_str(w, ws, w->cf_costs, 0, "Costs (risk-adjusted)", w->text);
	put_str(w, ws, w->cf_benefits, 0, "Benefits (risk-adjusted)", w->text);
	put_str(w, ws, w->cf_net, 0, "Net cash flow", w->label_b);
	put_str(w, ws, w->cf_cum, 0, "Cumulative net cash flow", w->text);
	put_str(w, ws, w->cf_df, 0, "Discount factor", w->text);
	put_str(w, ws, w->cf_pv, 0, "Present value of the net cash flow", w->text);
	put_str(w, ws, w->cf_cumpv, 0, "Cumulative present value", w->text);
	for (int p = 0; p <= n; p++) {
		int col = c0 + p, lc = LC_PERIOD0 + p;
		put_num(w, ws, w->cf_month, col, p * w->mpp, w->intg);
		if (w->sc->nlines) {
			cell(a, sizeof a, NULL, w->ln_first, lc, 1, 0);
			cell(b, sizeof b, NULL, w->ln_last, lc, 1, 0);
			fmtf(amounts, sizeof amounts, "%s!%s:%s", SH_LINES, a, b);
			cell(a, sizeof a, NULL, w->ln_first, LC_KIND, 1, 1);
			cell(b, sizeof b, NULL, w->ln_last, LC_KIND, 1, 1);
			fmtf(kinds, sizeof kinds, "%s!%s:%s", SH_LINES, a, b);
			fmtf(buf, sizeof buf, "=SUMIF(%s,\"cost\",%s)", kinds, amounts);
			put_formula(w, ws, w->cf_costs, col, buf, cf->costs[p], w->money);
			fmtf(buf, sizeof buf, "=SUMIF(%s,\"benefit\",%s)", kinds, amounts);
			put_formula(w, ws, w->cf_benefits, col, buf, cf->benefits[p], w->money);
		} else {
			put_num(w, ws, w->cf_costs, col, 0, w->money);
			put_num(w, ws, w->cf_benefits, col, 0, w->money);
		}
		cell(a, sizeof a, NULL, w->cf_benefits, col, 0, 0);
		cell(b, sizeof b, NULL, w->cf_costs, col, 0, 0);
		fmtf(buf, sizeof buf, "=%s-%s", a, b);
		put_formula(w, ws, w->cf_net, col, buf, cf->net[p], w->money_b);
		cell(a, sizeof a, NULL, w->cf_net, col, 0, 0);
		cell(b, sizeof b, NULL, w->cf_cum, col - 1, 0, 0);
		if (p == 0)
			fmtf(buf, sizeof buf, "=%s", a);
		else
			fmtf(buf, sizeof buf, "=%s+%s", b, a);
		put_formula(w, ws, w->cf_cum, col, buf, cf->cumulative[p], w->money);
		cell(c, sizeof c, NULL, w->cf_month, col, 0, 0);
		fmtf(buf, sizeof buf, "=(1+discount_rate)^(-%s/12)", c);
		put_formula(w, ws, w->cf_df, col, buf, cf->df[p], w->factor);
		cell(d, sizeof d, NULL, w->cf_df, col, 0, 0);
		fmtf(buf, sizeof buf, "=%s*%s", a, d);
		put_formula(w, ws, w->cf_pv, col, buf, cf->pv_net[p], w->money);
		cell(a, sizeof a, NULL, w->cf_pv, col, 0, 0);
		cell(b, sizeof b, NULL, w->cf_cumpv, col - 1, 0, 0);
		if (p == 0)
			fmtf(buf, sizeof buf, "=%s", a);
		else
			fmtf(buf, sizeof buf, "=%s+%s", b, a);
		put_formula(w, ws, w->cf_cumpv, col, buf, cf->cumulative_pv[p], w->money);
	}

	/* Payback helper rows, for the net cash flow and for its present value. */
	row++;
	put_str(w, ws, row++, 0, "Payback: helper rows", w->label_b);
	put_str(w, ws, row++, 0, "Payback is the month after which the cumulative flow stays at or "
		"above 0 to the end of the horizon, interpolated within its period; 0 if it is never "
		"below 0. A cumulative flow within the tolerance of 0 counts as 0.", w->subtitle);
	double *z = w->tmp, *stay = z + w->np, *cross = stay + w->np, tol;
	for (int k = 0; k < 2; k++) {
		const double *v = k ? cf->pv_net : cf->net, *cum = k ? cf->cumulative_pv : cf->cumulative;
		int vrow = k ? w->cf_pv : w->cf_net, cumrow = k ? w->cf_cumpv : w->cf_cum;
		payback_helpers(v, cum, w->np, w->mpp, &tol, z, stay, cross);
		w->cf_tol[k] = row++;
		w->cf_z[k] = row++;
		w->cf_stay[k] = row++;
		w->cf_cross[k] = row++;
		row++;
		put_str(w, ws, w->cf_tol[k], 0, k ? "Tolerance (discounted): 1e-9 x sum of |present "
			"value|" : "Tolerance: 1e-9 x sum of |net cash flow|", w->text);
		/*
		 * Sum of |flows| as SUMIF(>0) - SUMIF(<0): SUMPRODUCT(ABS(range)) is an
		 * array formula in Excel but a single cell in Gnumeric.
		 */
		char k_tol[32];
		xlf_number(CRM_PAYBACK_REL_TOL, k_tol, sizeof k_tol);
		row_range(a, sizeof a, NULL, vrow, c0, cn);
		fmtf(buf, sizeof buf, "=%s*(SUMIF(%s,\">0\")-SUMIF(%s,\"<0\"))", k_tol, a, a);
		put_formula(w, ws, w->cf_tol[k], c0, buf, tol, w->num);
		put_str(w, ws, w->cf_z[k], 0, k ? "Cumulative present value, 0 within the tolerance"
			: "Cumulative net, 0 within the tolerance", w->text);
		put_str(w, ws, w->cf_stay[k], 0, "Stays at or above 0 from here to the end (1 = yes)",
			w->text);
		put_str(w, ws, w->cf_cross[k], 0, k ? "Discounted payback crossing (month)"
			: "Payback crossing (month)", w->text);
		char tolref[64];
		cell(tolref, sizeof tolref, NULL, w->cf_tol[k], c0, 1, 1);
		for (int p = 0; p <= n; p++) {
			int col = c0 + p;
			cell(a, sizeof a, NULL, cumrow, col, 0, 0);
			fmtf(buf, sizeof buf, "=IF(ABS(%s)<=%s,0,%s)", a, tolref, a);
			put_formula(w, ws, w->cf_z[k], col, buf, z[p], w->money);
			cell(a, sizeof a, NULL, w->cf_z[k], col, 0, 0);
			cell(b, sizeof b, NULL, w->cf_stay[k], col + 1, 0, 0);
			if (p == n)
				fmtf(buf, sizeof buf, "=IF(%s>=0,1,0)", a);
			else
				fmtf(buf, sizeof buf, "=IF(AND(%s>=0,%s=1),1,0)", a, b);
			put_formula(w, ws, w->cf_stay[k], col, buf, stay[p], w->intg);
			if (p == 0) {
				put_num(w, ws, w->cf_cross[k], col, 0, w->months);
				continue;
			}
			char zp[64], st[64], vv[64];
			cell(zp, sizeof zp, NULL, w->cf_z[k], col - 1, 0, 0);
			cell(st, sizeof st, NULL, w->cf_stay[k], col, 0, 0);
			cell(vv, sizeof vv, NULL, vrow, col, 0, 0);
			fmtf(buf, sizeof buf, "=IF(AND(%s=1,%s<0),IF(%s=0,%d,%d+(-%s)/%s)*%d,0)", st, zp, a,
			     p, p - 1, zp, vv, w->mpp);
			put_formula(w, ws, w->cf_cross[k], col, buf, cross[p], w->months);
		}
	}
	row = class_rows_xlsx(w, ws, row);
	widths(w, ws, 0, 46, NULL);
	check(w, worksheet_set_column(ws, (lxw_col_t)c0, (lxw_col_t)cn, W_PERIOD, NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)row, (lxw_col_t)cn), "print area");
	check(w, worksheet_repeat_columns(ws, 0, 0), "print titles");
	worksheet_set_landscape(ws);
}

/* ---------------------------------------------------------------- summary */

/* Payback is the month after which the cumulative flow stays at or above 0. */
static void payback_cached(const crm_payback *pb, int *reached, double *months)
{
	*reached = pb->status == CRM_PAYBACK_REACHED;
	*months = pb->months;
}

static void sheet_summary(struct wb *w, lxw_worksheet *ws)
{
	const crm_metrics *m = &w->r->c->m;
	const crm_settings *s = &w->sc->settings;
	int n = w->n, c0 = 1, cn = 1 + n, row;
	char buf[2048], net[128], dfr[128], ben[128], cos[128], cum[128], init[64], tmp[256];

	put_str(w, ws, 0, 0, s->title[0] ? s->title : "CRM business case", w->title);
	fmtf(buf, sizeof buf, "Written by crmroi from %s. Every figure below is a live formula: "
	     "change a blue cell on the Settings, Inputs or Lines sheet and the case recomputes.",
	     w->sc->file);
	put_str(w, ws, 1, 0, buf, w->subtitle);
	fmtf(buf, sizeof buf, "Amounts in %s, risk-adjusted: a benefit x (1 - risk), a cost x "
	     "(1 + risk); a risk event counts at amount x probability. Initial is month 0 and is "
	     "not discounted; %s.", s->currency, w->mpp == 12 ? "Year k is discounted at its end "
	     "by (1 + discount_rate)^k" : "month m is discounted by (1 + discount_rate)^(m/12)");
	put_str(w, ws, 2, 0, buf, w->subtitle);
	char tnames[400];
	size_t ntiming = timing_input_names(w->sc, tnames, sizeof tnames);
	if (ntiming) {
		fmtf(buf, sizeof buf, "Except %s: %s the months of lines, which this workbook holds "
		     "at the values of its writing; changing %s on the Inputs sheet changes nothing "
		     "here. Run crmroi workbook again (or crmroi sweep --vary) for another month.",
		     tnames, ntiming == 1 ? "it moves" : "they move", ntiming == 1 ? "it" : "them");
		put_str(w, ws, 3, 0, buf, w->note);
	}

	row = 4;
	put_str(w, ws, row, 0, "Metric", w->head);
	put_str(w, ws, row, 1, "Value", w->head_r);
	put_str(w, ws, row, 2, "How it is computed", w->head);
	put_str(w, ws, row, 3, "crmroi's note", w->head);
	row++;

	row_range(net, sizeof net, SH_CF_REF, w->cf_net, c0 + 1, cn);
	row_range(dfr, sizeof dfr, SH_CF_REF, w->cf_df, c0 + 1, cn);
	cell(init, sizeof init, SH_CF_REF, w->cf_net, c0, 1, 1);
	char npv_ref[32], pvb_ref[32], pvc_ref[32];
	cell(npv_ref, sizeof npv_ref, NULL, row, 1, 1, 1);
	cell(pvb_ref, sizeof pvb_ref, NULL, row + 1, 1, 1, 1);
	cell(pvc_ref, sizeof pvc_ref, NULL, row + 2, 1, 1, 1);

	put_str(w, ws, row, 0, "NPV", w->label_b);
	fmtf(buf, sizeof buf, "=%s+SUMPRODUCT(%s,%s)", init, net, dfr);
	put_formula(w, ws, row, 1, buf, m->npv, w->money);
	put_str(w, ws, row++, 2, "Initial net + the later net flows x their discount factors",
		w->note);

	row_range(ben, sizeof ben, SH_CF_REF, w->cf_benefits, c0, cn);
	row_range(cos, sizeof cos, SH_CF_REF, w->cf_costs, c0, cn);
	row_range(dfr, sizeof dfr, SH_CF_REF, w->cf_df, c0, cn);
	put_str(w, ws, row, 0, "PV of benefits", w->text);
	fmtf(buf, sizeof buf, "=SUMPRODUCT(%s,%s)", ben, dfr);
	put_formula(w, ws, row, 1, buf, m->pv_benefits, w->money);
	put_str(w, ws, row++, 2, "Benefits x discount factors", w->note);
	put_str(w, ws, row, 0, "PV of costs", w->text);
	fmtf(buf, sizeof buf, "=SUMPRODUCT(%s,%s)", cos, dfr);
	put_formula(w, ws, row, 1, buf, m->pv_costs, w->money);
	put_str(w, ws, row++, 2, "Costs x discount factors", w->note);

	put_str(w, ws, row, 0, "ROI (TEI)", w->label_b);
	fmtf(buf, sizeof buf, "=IF(%s>0,%s/%s,\"undefined\")", pvc_ref, npv_ref, pvc_ref);
	if (m->roi_ok)
		put_formula(w, ws, row, 1, buf, m->roi, w->rate);
	else
		put_formula_str(w, ws, row, 1, buf, "undefined", w->rate);
	put_str(w, ws, row, 2, "NPV / PV of costs", w->note);
	put_str(w, ws, row++, 3, m->roi_note, w->note);

	put_str(w, ws, row, 0, "Benefit-cost ratio", w->text);
	fmtf(buf, sizeof buf, "=IF(%s>0,%s/%s,\"undefined\")", pvc_ref, pvb_ref, pvc_ref);
	if (m->bcr_ok)
		put_formula(w, ws, row, 1, buf, m->bcr, w->factor);
	else
		put_formula_str(w, ws, row, 1, buf, "undefined", w->factor);
	put_str(w, ws, row, 2, "PV of benefits / PV of costs", w->note);
	put_str(w, ws, row++, 3, m->bcr_note, w->note);

	/* IRR on the period flows, annualised; the engine's root is the guess. */
	row_range(net, sizeof net, SH_CF_REF, w->cf_net, c0, cn);
	double guess = pow(1 + (m->irr_ok ? m->irr_value : s->discount_rate), 1.0 / w->ppy) - 1;
	char g[64];
	xlf_number(guess, g, sizeof g);
	put_str(w, ws, row, 0, "IRR", w->label_b);
	if (w->ppy == 1)
		fmtf(buf, sizeof buf, "=IFERROR(IRR(%s,%s),\"no IRR\")", net, g);
	else
		fmtf(buf, sizeof buf, "=IFERROR((1+IRR(%s,%s))^%d-1,\"no IRR\")", net, g, w->ppy);
	if (m->irr_ok)
		put_formula(w, ws, row, 1, buf, m->irr_value, w->rate);
	else
		put_formula_str(w, ws, row, 1, buf, "no IRR", w->rate);
	fmtf(tmp, sizeof tmp, "IRR() of the net flows%s, starting from crmroi's root %s",
	     w->ppy == 12 ? " by month, annualised as (1 + monthly IRR)^12 - 1" : "",
	     m->irr_ok ? "as the guess" : "(none: the discount rate is the guess)");
	put_str(w, ws, row, 2, tmp, w->note);
	put_str(w, ws, row++, 3, m->irr_note, w->note);

	put_str(w, ws, row, 0, "MIRR", w->text);
	if (w->ppy == 1)
		fmtf(buf, sizeof buf, "=IFERROR(MIRR(%s,finance_rate,reinvest_rate),\"no MIRR\")", net);
	else
		fmtf(buf, sizeof buf, "=IFERROR((1+MIRR(%s,(1+finance_rate)^(1/%d)-1,"
		     "(1+reinvest_rate)^(1/%d)-1))^%d-1,\"no MIRR\")", net, w->ppy, w->ppy, w->ppy);
	if (m->mirr_ok)
		put_formula(w, ws, row, 1, buf, m->mirr, w->rate);
	else
		put_formula_str(w, ws, row, 1, buf, "no MIRR", w->rate);
	put_str(w, ws, row, 2, "MIRR() at finance_rate and reinvest_rate", w->note);
	put_str(w, ws, row++, 3, m->mirr_note, w->note);

	for (int k = 0; k < 2; k++) {
		const crm_payback *pb = k ? &m->dpayback : &m->payback;
		int reached;
		double months;
		char st[64], cr[128];
		payback_cached(pb, &reached, &months);
		cell(st, sizeof st, SH_CF_REF, w->cf_stay[k], cn, 1, 1);
		row_range(cr, sizeof cr, SH_CF_REF, w->cf_cross[k], c0, cn);
		put_str(w, ws, row, 0, k ? "Discounted payback (months)" : "Payback (months)",
			k ? w->text : w->label_b);
		fmtf(buf, sizeof buf, "=IF(%s=0,\"not reached\",SUM(%s))", st, cr);
		if (reached)
			put_formula(w, ws, row, 1, buf, months, w->months);
		else
			put_formula_str(w, ws, row, 1, buf, "not reached", w->months);
		put_str(w, ws, row, 2, k ? "As payback, on the cumulative present value"
			: "Month after which the cumulative net stays at or above 0 (Cash flow sheet, "
			"helper rows)", w->note);
		put_str(w, ws, row++, 3, k ? m->dpayback_note : m->payback_note, w->note);
	}

	put_str(w, ws, row, 0, "Total benefits (undiscounted)", w->text);
	fmtf(buf, sizeof buf, "=SUM(%s)", ben);
	put_formula(w, ws, row++, 1, buf, m->total_benefits, w->money);
	put_str(w, ws, row, 0, "Total costs (undiscounted)", w->text);
	fmtf(buf, sizeof buf, "=SUM(%s)", cos);
	put_formula(w, ws, row++, 1, buf, m->total_costs, w->money);
	row_range(cum, sizeof cum, SH_CF_REF, w->cf_cum, c0, cn);
	put_str(w, ws, row, 0, "Peak investment", w->text);
	fmtf(buf, sizeof buf, "=MIN(0,MIN(%s))", cum);
	put_formula(w, ws, row, 1, buf, m->peak_investment, w->money);
	put_str(w, ws, row++, 2, "Lowest cumulative net cash flow", w->note);
	int last_metric_row = row;

	/* Charts of the Cash flow sheet. */
	char cats[128], vals[128];
	row_range(cats, sizeof cats, SH_CF_REF, 3, c0, cn);
	lxw_chart *line = workbook_add_chart(w->book, LXW_CHART_LINE);
	lxw_chart *cols = workbook_add_chart(w->book, LXW_CHART_COLUMN);
	if (!line || !cols) {
		check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
		return;
	}
	row_range(vals, sizeof vals, SH_CF_REF, w->cf_cum, c0, cn);
	lxw_chart_series *sr = chart_add_series(line, cats, vals);
	if (sr)
		chart_series_set_name(sr, "Cumulative net cash flow");
	chart_title_set_name(line, "Cumulative net cash flow");
	chart_axis_set_num_format(line->y_axis, "#,##0");
	chart_legend_set_position(line, LXW_CHART_LEGEND_NONE);
	row_range(vals, sizeof vals, SH_CF_REF, w->cf_costs, c0, cn);
	sr = chart_add_series(cols, cats, vals);
	if (sr) {
		chart_series_set_name(sr, "Costs");
		lxw_chart_fill fill = { .color = 0xC0504D };
		chart_series_set_fill(sr, &fill);
	}
	row_range(vals, sizeof vals, SH_CF_REF, w->cf_benefits, c0, cn);
	sr = chart_add_series(cols, cats, vals);
	if (sr) {
		chart_series_set_name(sr, "Benefits");
		lxw_chart_fill fill = { .color = 0x4F81BD };
		chart_series_set_fill(sr, &fill);
	}
	chart_title_set_name(cols, "Costs and benefits per period");
	chart_axis_set_num_format(cols->y_axis, "#,##0");
	chart_legend_set_position(cols, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.4, .y_scale = 1.1 };
	int chart_row = last_metric_row + 1;
	check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)chart_row, 0, line, &opt), "chart");
	check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)(chart_row + 18), 0, cols, &opt), "chart");

	widths(w, ws, 0, 30, NULL);
	widths(w, ws, 1, 16, NULL);
	widths(w, ws, 2, 60, w->wrap);
	widths(w, ws, 3, 60, w->wrap);
	worksheet_freeze_panes(ws, 5, 0);
	check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)(chart_row + 36), 3), "print area");
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
}

/* ------------------------------------------------------------ sensitivity */

static void sheet_sensitivity(struct wb *w, lxw_worksheet *ws, const crm_tornado_row *rows,
			      size_t nrows)
{
	int row = 4;

	put_str(w, ws, 0, 0, "Sensitivity of NPV (tornado)", w->title);
	put_str(w, ws, 1, 0, "A snapshot of crmroi's result for the scenario as written: these are "
		"values, not formulas (a spreadsheet cannot recompute a tornado without macros). "
		"Run crmroi tornado again after changing the scenario.", w->snap);
	const char *heads[] = { "Input or line", "Low", "High", "NPV at low", "NPV at high",
		"Swing" };
	for (int c = 0; c < 6; c++)
		put_str(w, ws, 3, c, heads[c], c ? w->head_r : w->head);
	for (size_t i = 0; i < nrows; i++, row++) {
		const crm_tornado_row *t = &rows[i];
		lxw_format *f = t->param.unit == CRM_UNIT_RATE ? w->rate : w->num;
		put_str(w, ws, row, 0, t->param.name, w->text);
		put_num(w, ws, row, 1, t->low, f);
		put_num(w, ws, row, 2, t->high, f);
		if (t->at_low.ok)
			put_num(w, ws, row, 3, t->at_low.v, w->money);
		else
			put_str(w, ws, row, 3, t->at_low.why, w->note);
		if (t->at_high.ok)
			put_num(w, ws, row, 4, t->at_high.v, w->money);
		else
			put_str(w, ws, row, 4, t->at_high.why, w->note);
		if (t->swing_ok)
			put_num(w, ws, row, 5, t->swing, w->money);
	}
	widths(w, ws, 0, 34, NULL);
	check(w, worksheet_set_column(ws, 1, 5, 14, NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)row, 5), "print area");
	worksheet_fit_to_pages(ws, 1, 0);
}

/* ------------------------------------------------------------------ write */

static void wb_free(struct wb *w)
{
	if (w->iname)
		for (size_t i = 0; i < w->sc->ninputs; i++)
			free(w->iname[i]);
	free(w->iname);
	free(w->ivary);
	free(w->irow);
	free(w->lvary);
	free(w->lrow);
	free(w->ltrow);
	free(w->lvrow);
	free(w->tmp);
}

crm_status wb_write(const report *r, const crm_tornado_row *tornado, size_t nrows,
		    const char *path, crm_warnings *warn, crm_error *err)
{
	struct wb w;
	const crm_scenario *sc = r->sc;
	size_t ni = sc->ninputs, nl = sc->nlines;
	char *tmp = NULL;
	crm_status st = CRM_OK;

	if (sc->settings.discounting != CRM_DISCOUNT_PERIODIC)
		return crm_error_set(err, CRM_EDATA, sc->file, 0, 0, "the workbook's formulas "
				     "follow periodic (TEI) discounting; a scenario with "
				     "discounting=dated (XNPV, XIRR) cannot be written as a workbook "
				     "yet (use crmroi run)");
	memset(&w, 0, sizeof w);
	w.r = r;
	w.sc = sc;
	w.cf = r->c->cf;
	w.n = r->c->cf->nperiods;
	w.mpp = r->c->cf->months_per_period;
	w.ppy = 12 / w.mpp;
	w.np = (size_t)w.n + 1;
	w.warn = warn;
	w.err = err;
	w.iname = calloc(ni + 1, sizeof *w.iname);
	w.ivary = calloc(ni + 1, 1);
	w.irow = calloc(ni + 1, sizeof *w.irow);
	w.lvary = calloc(nl + 1, 1);
	w.lrow = calloc(nl + 1, sizeof *w.lrow);
	w.ltrow = calloc(nl + 1, sizeof *w.ltrow);
	w.lvrow = calloc(nl + 1, sizeof *w.lvrow);
	/* Scratch: two input vectors, or three period vectors. */
	w.tmp = calloc(2 * ni + 3 * w.np + 1, sizeof *w.tmp);
	if (!w.iname || !w.ivary || !w.irow || !w.lvary || !w.lrow || !w.ltrow || !w.lvrow || !w.tmp) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	find_varying(&w);
	if (name_inputs(&w) != 0) {
		st = w.failed ? err->status : crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}

	/* Written beside the target and renamed over it: whole or not at all. */
	size_t plen = strlen(path);
	tmp = malloc(plen + 16);
	if (!tmp) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	snprintf(tmp, plen + 16, "%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		st = crm_error_set(err, CRM_EIO, path, 0, 0, "cannot create a file beside it: %s",
				   strerror(errno));
		free(tmp);
		tmp = NULL;
		goto done;
	}
	/* mkstemp makes the file private; give it the permissions of any new file. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		st = crm_error_set(err, CRM_EIO, path, 0, 0, "cannot set the permissions of a file "
				   "beside it: %s", strerror(errno));
		close(fd);
		goto done;
	}
	close(fd);

	lxw_workbook_options opts = { .constant_memory = LXW_FALSE, .tmpdir = NULL,
				      .use_zip64 = LXW_FALSE };
	w.book = workbook_new_opt(tmp, &opts);
	if (!w.book || make_formats(&w) != 0) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "cannot start the workbook");
		goto done;
	}
	lxw_worksheet *s_sum = workbook_add_worksheet(w.book, SH_SUMMARY);
	lxw_worksheet *s_set = workbook_add_worksheet(w.book, SH_SETTINGS);
	lxw_worksheet *s_in = workbook_add_worksheet(w.book, SH_INPUTS);
	lxw_worksheet *s_ln = workbook_add_worksheet(w.book, SH_LINES);
	lxw_worksheet *s_cf = workbook_add_worksheet(w.book, SH_CF);
	lxw_worksheet *s_sens = nrows ? workbook_add_worksheet(w.book, SH_SENS) : NULL;
	if (!s_sum || !s_set || !s_in || !s_ln || !s_cf || (nrows && !s_sens)) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "cannot add the sheets");
		goto done;
	}
	lxw_doc_properties props = { .title = sc->settings.title, .comments =
		"Business case written by crmroi: every figure is a formula" };
	check(&w, workbook_set_properties(w.book, &props), "properties");
	sheet_settings(&w, s_set);
	sheet_inputs(&w, s_in);
	sheet_lines(&w, s_ln, r->c->model);
	sheet_cashflow(&w, s_cf);
	sheet_summary(&w, s_sum);
	if (s_sens)
		sheet_sensitivity(&w, s_sens, tornado, nrows);
	worksheet_activate(s_sum);
	if (w.failed) {
		st = err->status;
		goto done;
	}
	lxw_error e = workbook_close(w.book);
	w.book = NULL;
	if (e != LXW_NO_ERROR) {
		st = crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s", lxw_strerror(e));
		goto done;
	}
	if (rename(tmp, path) != 0)
		st = crm_error_set(err, CRM_EIO, path, 0, 0, "cannot replace the file: %s",
				   strerror(errno));
done:
	if (w.book) {
		/* Closing writes the file, which is then thrown away with the rest. */
		workbook_close(w.book);
	}
	if (tmp) {
		if (st != CRM_OK)
			unlink(tmp);
		free(tmp);
	}
	wb_free(&w);
	return st;
}
