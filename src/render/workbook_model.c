/*
 * workbook_model.c - the sheets of the workbook that hold the model: the
 * settings and the inputs as named cells, and every cost and benefit line
 * with its risk factor, timing factors and amount per period as formulas (a
 * start, end or ramp given as a formula over inputs as ROUND of it, its
 * timing factors from the Timing sheet, workbook_timing.c). crmroi's
 * formulas become Excel's through xlformula.c, in the contexts of the Inputs
 * and the Lines sheets; a formula Excel cannot say is written as its value
 * with a comment and a warning.
 *
 * Not the sheets of results (workbook_results.c). The cached values are
 * crmroi's own, from the evaluated inputs.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"
#include "xlformula.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * A formula's context (xlf_refs): the sheet and the period of the cell it is
 * written in, which decide how an input or a period variable is referred to.
 */
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
	wb_cell(buf, len, c->where == CTX_INPUTS ? NULL : SH_INPUTS, w->irow[i], IC_PERIOD0 + p, 0, 0);
	return 0;
}

static int ref_period(void *vctx, int which, char *buf, size_t len)
{
	struct ctx *c = vctx;
	struct wb *w = c->w;

	if (c->where == CTX_INPUTS)
		wb_cell(buf, len, NULL, which ? w->in_month_row : w->in_year_row, IC_PERIOD0 + c->p, 1, 0);
	else
		wb_cell(buf, len, NULL, which ? w->ln_month_row : w->ln_year_row, LC_PERIOD0 + c->p, 1, 0);
	return 0;
}

/*
 * The period columns from column period0: their labels in row head, and
 * under them the period variables year and month as the model defines them
 * (their names in column name_col, what they are in note_col). Returns the
 * row of month; year's is the one before.
 */
static int period_columns(struct wb *w, lxw_worksheet *ws, int head, int period0, int name_col,
			  int note_col, const char *year_note)
{
	char label[64];
	int row = head + 1;

	for (int p = 0; p <= w->n; p++) {
		wb_period_label(w, p, label, sizeof label);
		wb_put_str(w, ws, head, period0 + p, label, w->head_r);
	}
	wb_put_str(w, ws, row, name_col, "year", w->note);
	wb_put_str(w, ws, row, note_col, year_note, w->note);
	for (int p = 0; p <= w->n; p++)
		wb_put_num(w, ws, row, period0 + p, wb_period_year(w, p), w->intg);
	row++;
	wb_put_str(w, ws, row, name_col, "month", w->note);
	wb_put_str(w, ws, row, note_col, w->mpp == 12 ? "The period variable month: first month of "
		   "the year" : "The period variable month: month of the horizon", w->note);
	for (int p = 0; p <= w->n; p++)
		wb_put_num(w, ws, row, period0 + p, wb_period_month(w, p), w->intg);
	return row;
}

/*
 * Which inputs and lines change between periods (as the model decides it):
 * the inputs in an order where each comes after those it uses, so that one
 * pass sees every input's dependencies decided. -1 on no memory.
 */
int wb_find_varying(struct wb *w)
{
	const crm_scenario *sc = w->sc;
	int *order = malloc((sc->ninputs + 1) * sizeof *order);

	if (!order || crm_scenario_input_order(sc, order) != 0) {
		free(order);
		return -1;
	}
	for (size_t k = 0; k < sc->ninputs; k++) {
		int i = order[k];
		const int *deps;
		size_t nd = crm_expr_deps(sc->inputs[i].value, &deps);
		w->ivary[i] = (char)crm_expr_uses_time(sc->inputs[i].value);
		for (size_t d = 0; d < nd; d++)
			w->ivary[i] |= w->ivary[deps[d]];
	}
	free(order);
	for (size_t l = 0; l < sc->nlines; l++) {
		const int *deps;
		size_t nd = crm_expr_deps(sc->lines[l].value, &deps);
		w->lvary[l] = (char)crm_expr_uses_time(sc->lines[l].value);
		for (size_t k = 0; k < nd; k++)
			w->lvary[l] |= w->ivary[deps[k]];
	}
	for (size_t i = 0; i < sc->ninputs; i++)
		w->any_ivary |= w->ivary[i];
	return 0;
}

/* crmroi's value of e in period p, from the evaluated inputs. */
static double eval_in(struct wb *w, const crm_expr *e, int p)
{
	size_t ni = w->sc->ninputs;
	const double *cur = w->in_by_period + (size_t)(p + 1) * ni;
	const double *prev = w->in_by_period + (p > 1 ? (size_t)p * ni : 0);
	crm_expr_env env = { cur, prev, wb_period_year(w, p), wb_period_month(w, p) };
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
		wb_put_formula(w, ws, row, col, formula, cached, f);
		free(formula);
		return;
	}
	wb_put_num(w, ws, row, col, cached, f);
	char text[600];
	wb_fmtf(text, sizeof text, "crmroi's value: this formula has no Excel equivalent (%s)", why);
	wb_put_comment(w, ws, row, col, text);
	if (!*warned) {
		*warned = 1;
		crm_warnings_add(w->warn, loc->file, loc->line, loc->col, "%s: its formula cannot be "
				 "written as an Excel formula (%s); the workbook holds its values",
				 what, why);
	}
}

/*
 * A line's start, end or ramp given as formula e over inputs: ROUND(e, 0),
 * a whole month with halves away from zero, as crmroi rounds it; its value
 * with a comment (and a warning) when e has no Excel translation.
 */
static void put_month(struct wb *w, lxw_worksheet *ws, int row, int col, const crm_expr *e,
		      double cached, const char *what, const crm_loc *loc, int shift)
{
	struct ctx c = { w, CTX_LINES, 1, NULL };
	xlf_refs refs = { ref_input, ref_period, NULL, &c };
	char why[300];
	char *formula = xlf_translate_month(e, &refs, why, sizeof why);

	if (formula && shift) {
		/* Moved by the roll-out plan as crm_line_shift_month moves it. */
		const char *r = formula + 1;
		char *moved = shift > 0 ? dup_printf("=%s+%d", r, shift)
			: dup_printf("=IF(%s%d<1,IF(%s=0,0,1),%s%d)", r, shift, r, r, shift);
		free(formula);
		formula = moved;
	}
	if (formula) {
		wb_put_formula(w, ws, row, col, formula, cached, w->intg);
		free(formula);
		return;
	}
	wb_put_num(w, ws, row, col, cached, w->intg);
	char text[600];
	wb_fmtf(text, sizeof text, "crmroi's value: this formula has no Excel equivalent (%s)", why);
	wb_put_comment(w, ws, row, col, text);
	crm_warnings_add(w->warn, loc->file, loc->line, loc->col, "%s: its formula cannot be written "
			 "as an Excel formula (%s); the workbook holds its month", what, why);
}

void wb_sheet_settings(struct wb *w, lxw_worksheet *ws)
{
	const crm_settings *s = &w->sc->settings;
	int finance_given = s->finance_given, reinvest_given = s->reinvest_given;
	char buf[512], ref[64];
	int row = 4;

	wb_put_str(w, ws, 0, 0, "Settings", w->title);
	wb_put_str(w, ws, 1, 0, "Blue cells are assumptions: every formula of the workbook refers to "
		   "them by their defined names.", w->subtitle);
	wb_put_str(w, ws, 3, 0, "Setting", w->head);
	wb_put_str(w, ws, 3, 1, "Value", w->head_r);
	wb_put_str(w, ws, 3, 2, "Defined name", w->head);
	wb_put_str(w, ws, 3, 3, "Meaning", w->head);

	wb_put_str(w, ws, row, 0, "title", w->text);
	wb_put_str(w, ws, row, 1, s->title, w->text);
	wb_put_str(w, ws, row++, 3, "Title of the business case", w->note);
	wb_put_str(w, ws, row, 0, "currency", w->text);
	wb_put_str(w, ws, row, 1, s->currency, w->text);
	wb_put_str(w, ws, row++, 3, "Currency of every amount", w->note);
	wb_put_str(w, ws, row, 0, "period", w->text);
	wb_put_str(w, ws, row, 1, crm_grid_name(s->grid), w->text);
	wb_put_str(w, ws, row++, 3, "The grid the model is evaluated and discounted on (fixed in "
		   "this workbook)", w->note);
	wb_put_str(w, ws, row, 0, "horizon_years", w->text);
	wb_put_num(w, ws, row, 1, s->horizon_years, w->intg);
	wb_put_str(w, ws, row++, 3, "Years in the horizon (fixed in this workbook: the period "
		   "columns are built for it)", w->note);
	if (w->dated) {
		/* Every flow's day counts from it: a date, named, live. */
		wb_put_str(w, ws, row, 0, "start_date", w->text);
		wb_put_num(w, ws, row, 1, wb_date_serial(s->start_year, s->start_month, s->start_day ?
							 s->start_day : 1), w->date_in);
		wb_put_str(w, ws, row, 2, "start_date", w->text);
		wb_put_str(w, ws, row, 3, "The investment date (month 0): every flow is discounted to it "
			   "by (1 + discount_rate)^(days/365) (the period labels stay as written)", w->note);
		wb_cell(ref, sizeof ref, SH_SETTINGS, row++, 1, 1, 1);
		wb_fmtf(buf, sizeof buf, "=%s", ref);
		wb_check(w, workbook_define_name(w->book, "start_date", buf), "defined name");
		wb_put_str(w, ws, row, 0, "discounting", w->text);
		wb_put_str(w, ws, row, 1, "dated", w->text);
		wb_put_str(w, ws, row++, 3, "Each flow on its day, as XNPV and XIRR (Dated flows sheet; "
			   "fixed in this workbook)", w->note);
	} else if (s->start_year) {
		wb_fmtf(buf, sizeof buf, "%04d-%02d", s->start_year, s->start_month);
		wb_put_str(w, ws, row, 0, "start_date", w->text);
		wb_put_str(w, ws, row, 1, buf, w->text);
		wb_put_str(w, ws, row++, 3, "Calendar month of month 1", w->note);
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
		wb_put_str(w, ws, row, 0, rates[k].name, w->text);
		if (rates[k].follows)
			wb_put_formula(w, ws, row, 1, "=discount_rate", rates[k].v, w->rate);
		else
			wb_put_num(w, ws, row, 1, rates[k].v, w->rate_in);
		wb_put_str(w, ws, row, 2, rates[k].name, w->text);
		wb_put_str(w, ws, row, 3, rates[k].meaning, w->note);
		wb_cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
		wb_fmtf(buf, sizeof buf, "=%s", ref);
		wb_check(w, workbook_define_name(w->book, rates[k].name, buf), "defined name");
		if (k == 0)
			w->set_row_discount = row;
	}
	if (w->nviews > 1)
		row = wb_settings_tax(w, ws, row);
	if (s->readiness) {
		/* Execution readiness scales every benefit (crmroi assess). */
		double factor = s->readiness_factor;
		wb_put_str(w, ws, row, 0, "readiness", w->text);
		wb_put_str(w, ws, row, 1, s->readiness, w->text);
		wb_put_str(w, ws, row++, 3, "The readiness self-assessment the score comes from", w->note);
		struct { const char *name; double v; lxw_format *f; const char *meaning; } rd[] = {
			{ "readiness_score", s->readiness_score, w->num_in,
			  "Its score, 0 to 1000 points" },
			{ "readiness_floor", s->readiness_floor, w->rate_in,
			  "The factor on benefits at a score of 0" },
		};
		for (size_t k = 0; k < 2; k++, row++) {
			wb_put_str(w, ws, row, 0, rd[k].name, w->text);
			wb_put_num(w, ws, row, 1, rd[k].v, rd[k].f);
			wb_put_str(w, ws, row, 2, rd[k].name, w->text);
			wb_put_str(w, ws, row, 3, rd[k].meaning, w->note);
			wb_cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
			wb_fmtf(buf, sizeof buf, "=%s", ref);
			wb_check(w, workbook_define_name(w->book, rd[k].name, buf), "defined name");
		}
		wb_put_str(w, ws, row, 0, "readiness_factor", w->text);
		wb_put_formula(w, ws, row, 1, "=1-(1-readiness_floor)*(1-readiness_score/1000)", factor,
			       w->rate);
		wb_put_str(w, ws, row, 2, "readiness_factor", w->text);
		wb_put_str(w, ws, row, 3, "Every benefit is x this factor, on top of its risk: "
			   "floor + (1 - floor) x score / 1000", w->note);
		wb_cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
		wb_fmtf(buf, sizeof buf, "=%s", ref);
		wb_check(w, workbook_define_name(w->book, "readiness_factor", buf), "defined name");
		row++;
	}
	wb_width(w, ws, 0, 16, NULL);
	wb_width(w, ws, 1, 14, NULL);
	wb_width(w, ws, 2, 16, NULL);
	wb_width(w, ws, 3, 70, NULL);
	worksheet_freeze_panes(ws, 4, 0);
	wb_page_setup(w, ws, row, 3, 3, 3, 1);
}

/* A name's hash without regard to case (FNV-1a of its lower-case bytes). */
static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 16777619u;
	return h;
}

/* Whether name is in the open-addressing set (mask + 1 slots); added when not. */
static int name_taken(const char **set, size_t mask, const char *name, int add)
{
	size_t k = name_hash(name) & mask;

	for (; set[k]; k = (k + 1) & mask)
		if (!strcasecmp(set[k], name))
			return 1;
	if (add)
		set[k] = name;
	return 0;
}

/*
 * Give every input a defined name, unique without regard to case: its own,
 * with '_' added while a setting's or an earlier input's name has it. The
 * names taken are kept in a hash set, so that many inputs cost no more than
 * a few each.
 */
int wb_name_inputs(struct wb *w)
{
	static const char *const settings[] = { "discount_rate", "finance_rate", "reinvest_rate",
		"benefit_risk", "cost_risk", "readiness_score", "readiness_floor", "readiness_factor",
		"tax_rate", "tax_lag_years", "tax_losses", "declining_factor", "start_date", NULL };
	const crm_scenario *sc = w->sc;
	size_t nset = sizeof settings / sizeof *settings, slots = 64;

	while (slots < 2 * (sc->ninputs + nset))
		slots *= 2;
	const char **set = calloc(slots, sizeof *set);
	if (!set)
		return -1;
	for (int k = 0; settings[k]; k++)
		name_taken(set, slots - 1, settings[k], 1);
	for (size_t i = 0; i < sc->ninputs; i++) {
		size_t len = strlen(sc->inputs[i].name) + 8;
		char *name = malloc(len + sc->ninputs + 8);
		if (!name) {
			free(set);
			return -1;
		}
		if (xlf_name(sc->inputs[i].name, name, len) != 0) {
			free(name);
			free(set);
			crm_error_set(w->err, CRM_EDATA, sc->inputs[i].loc.file, sc->inputs[i].loc.line,
				      0, "input '%s': the name is longer than Excel's %d characters",
				      sc->inputs[i].name, XLF_MAX_NAME);
			w->failed = 1;
			return -1;
		}
		while (name_taken(set, slots - 1, name, 0))
			strcat(name, "_");
		name_taken(set, slots - 1, name, 1);
		w->iname[i] = name;
	}
	free(set);
	return 0;
}

static const char *unit_text(const crm_input *in)
{
	return in->unit ? in->unit : "";
}

/* An input's name for people: its label when it has one, its name otherwise. */
static const char *input_words(const crm_input *in)
{
	return in->label && in->label[0] ? in->label : in->name;
}

void wb_sheet_inputs(struct wb *w, lxw_worksheet *ws)
{
	const crm_scenario *sc = w->sc;
	char buf[512], ref[64], tnames[400];
	int row = 3, last_col = w->any_ivary ? IC_PERIOD0 + w->n : IC_NOTE;
	size_t ntiming = wb_timing_input_names(sc, tnames, sizeof tnames);

	wb_put_str(w, ws, 0, 0, "Inputs", w->title);
	char *text = dup_printf("Blue cells are assumptions: change one and every line, the cash flow "
				"and the metrics follow.%s%s%s A value given as a formula is a formula over "
				"the defined names; an input that changes from period to period has a cell "
				"per period.", ntiming ? " " : "", ntiming ? tnames : "", ntiming ?
				(ntiming == 1 ? " moves the months of lines (Timing sheet)." :
				 " move the months of lines (Timing sheet).") : "");
	if (text)
		wb_put_str(w, ws, 1, 0, text, w->subtitle);
	free(text);
	const char *heads[] = { "Input", "Defined name", "Value", "Low", "High", "Distribution",
		"Unit", "Note" };
	for (int c = 0; c < IC_PERIOD0; c++)
		wb_put_str(w, ws, row, c, heads[c], c >= IC_VALUE && c <= IC_HIGH ? w->head_r : w->head);
	if (w->any_ivary) {
		row = period_columns(w, ws, row, IC_PERIOD0, IC_NAME, IC_NOTE,
				     "The period variable year: year of the horizon");
		w->in_year_row = row - 1;
		w->in_month_row = row;
	}
	row++;
	for (size_t i = 0; i < sc->ninputs; i++, row++) {
		const crm_input *in = &sc->inputs[i];
		int warned = 0;
		lxw_format *f_in = wb_input_format(w, in, 1), *f_out = wb_input_format(w, in, 0);
		crm_value_kind kind = crm_expr_kind(in->value);
		char what[300];
		wb_fmtf(what, sizeof what, "input '%s'", in->name);
		w->irow[i] = row;
		/* The label people read; the defined name (IC_XLNAME) is the one formulas use. */
		wb_put_str(w, ws, row, IC_NAME, input_words(in), w->text);
		wb_put_str(w, ws, row, IC_DIST, in->range.dist != CRM_DIST_NONE ?
			   crm_dist_name(in->range.dist) : "", w->text);
		wb_put_str(w, ws, row, IC_UNIT, unit_text(in), w->text);
		/*
		 * A labelled input with a cell per period has no defined name: its
		 * name in the scenario goes in the note, so that it can be found.
		 */
		int named_apart = w->ivary[i] && in->label && in->label[0];
		if (in->timing || named_apart) {
			const char *moves = in->timing ? "Moves the months of lines (Timing sheet); "
					    "crmroi rounds them to whole months. " : "";
			char *note = dup_printf("%s%s%s%s%s", moves, named_apart ? "In the scenario: " : "",
						named_apart ? in->name : "", named_apart ? ". " : "",
						in->note ? in->note : "");
			if (note) {   /* no trailing space when there is no note */
				size_t n = strlen(note);
				while (n && note[n - 1] == ' ')
					note[--n] = '\0';
			}
			wb_put_str(w, ws, row, IC_NOTE, note ? note : in->note, w->text);
			free(note);
		} else {
			wb_put_str(w, ws, row, IC_NOTE, in->note, w->text);
		}
		if (in->range.given) {
			wb_put_num(w, ws, row, IC_LOW, in->range.low, f_out);
			wb_put_num(w, ws, row, IC_HIGH, in->range.high, f_out);
		}
		if (!w->ivary[i]) {
			double v = w->cf->input[i * w->np + 1];
			struct ctx c = { w, CTX_INPUTS, 1, NULL };
			wb_put_str(w, ws, row, IC_XLNAME, w->iname[i], w->text);
			if (kind == CRM_VALUE_NUMBER)
				wb_put_num(w, ws, row, IC_VALUE, v, f_in);
			else
				put_expr(w, ws, row, IC_VALUE, in->value, &c, v, f_out,
					 what, &in->loc, &warned);
			wb_cell(ref, sizeof ref, SH_INPUTS, row, IC_VALUE, 1, 1);
			wb_fmtf(buf, sizeof buf, "=%s", ref);
			wb_check(w, workbook_define_name(w->book, w->iname[i], buf), "defined name");
			continue;
		}
		/* Per period: the Initial column takes the first period's value. */
		wb_put_str(w, ws, row, IC_VALUE, in->value_text, w->note);
		for (int p = 0; p <= w->n; p++) {
			double v = w->cf->input[i * w->np + (size_t)p];
			lxw_format *f = f_out;
			int col = IC_PERIOD0 + p;
			if (p == 0 || (kind == CRM_VALUE_SERIES && (p - 1) % (12 / w->mpp) != 0)) {
				/* The Initial column, and later months of a series' year. */
				int from = p == 0 ? 1 : p - (p - 1) % (12 / w->mpp);
				wb_cell(ref, sizeof ref, NULL, row, IC_PERIOD0 + from, 0, 0);
				wb_fmtf(buf, sizeof buf, "=%s", ref);
				wb_put_formula(w, ws, row, col, buf, v, f);
			} else if (kind == CRM_VALUE_SERIES) {
				wb_put_num(w, ws, row, col, v, f_in);
			} else {
				struct ctx c = { w, CTX_INPUTS, p, NULL };
				put_expr(w, ws, row, col, in->value, &c, v, f, what, &in->loc, &warned);
			}
		}
	}
	double wname = 12;
	for (size_t i = 0; i < sc->ninputs; i++)
		if (strlen(input_words(&sc->inputs[i])) + 2 > wname)
			wname = (double)strlen(input_words(&sc->inputs[i])) + 2;
	if (wname > W_TEXT_MAX)
		wname = W_TEXT_MAX;
	wb_width(w, ws, IC_NAME, wname, NULL);
	wb_width(w, ws, IC_XLNAME, wname, NULL);
	wb_width(w, ws, IC_VALUE, 14, NULL);
	wb_width(w, ws, IC_LOW, 10, NULL);
	wb_width(w, ws, IC_HIGH, 10, NULL);
	wb_width(w, ws, IC_DIST, 12, NULL);
	wb_width(w, ws, IC_UNIT, 9, NULL);
	wb_width(w, ws, IC_NOTE, 40, NULL);
	if (w->any_ivary)
		wb_check(w, worksheet_set_column(ws, IC_PERIOD0, (lxw_col_t)(IC_PERIOD0 + w->n), W_PERIOD,
						 NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	wb_page_setup(w, ws, row, last_col, 3, w->any_ivary ? w->in_month_row : 3, 1);
}

/*
 * When some line's start, end or ramp is a formula over inputs: a note in
 * row `row` naming those inputs and saying where their months are computed.
 */
static void timing_note(struct wb *w, lxw_worksheet *ws, int row)
{
	char names[600];
	size_t n = wb_timing_input_names(w->sc, names, sizeof names);

	if (!n)
		return;
	char *text = dup_printf("The start, end or ramp of some lines follow the input%s %s: their "
				"Start, End and Ramp cells are ROUND(formula, 0), and their timing factors "
				"the sums of their months on the Timing sheet, so changing %s moves them.",
				n == 1 ? "" : "s", names, n == 1 ? "it" : "them");
	if (text)
		wb_put_str(w, ws, row, 0, text, w->note);
	free(text);
}

/*
 * Whether line ln has nothing in period p, where its timing factor is t: a
 * period it is not active in is 0, unless its months follow inputs (timed);
 * a recurring line is never active in the Initial column.
 */
static int line_idle(const crm_line *ln, int timed, double t, int p)
{
	return t == 0 && (!timed || (p == 0 && ln->timing != CRM_ONCE));
}

void wb_sheet_lines(struct wb *w, lxw_worksheet *ws, const crm_model *m)
{
	const crm_scenario *sc = w->sc;
	size_t nl = sc->nlines;
	char buf[1024], ref[64], v_ref[64], t_ref[64], y_ref[64], g_ref[64], rf_ref[64], p_ref[64];
	int row = 3, hdr = 3;
	int last_col = LC_PERIOD0 + w->n;

	wb_put_str(w, ws, 0, 0, "Cost and benefit lines", w->title);
	wb_put_str(w, ws, 1, 0, "Amount per period = value x timing factor x (1 + growth)^(year - 1) "
		   "x risk factor x probability. Risk factor: 1 - risk for a benefit, 1 + risk for a "
		   "cost (and x readiness_factor for a benefit when the scenario sets readiness); a line "
		   "without its own risk takes benefit_risk or cost_risk (Settings).",
		   w->subtitle);
	timing_note(w, ws, 2);
	const char *heads[] = { "Line", "Kind", "Area", "Owner", "Metric", "Note", "Timing", "Start",
		"End", "Ramp", "Curve", "Probability", "Growth", "Risk", "Risk factor", "Value" };
	for (int c = 0; c < LC_PERIOD0; c++)
		wb_put_str(w, ws, row, c, heads[c], c >= LC_START && c != LC_CURVE ? w->head_r : w->head);
	row = period_columns(w, ws, row, LC_PERIOD0, LC_LABEL, LC_NOTE,
			     "Year of the horizon (growth and the period variable year)");
	w->ln_year_row = row - 1;
	w->ln_month_row = row;
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

	/*
	 * The three blocks in row order, each row flushed once written (the
	 * workbook is written in constant memory): the amounts, the timing
	 * factors, the values that change by period.
	 */
	wb_put_str(w, ws, row_amount0 - 1, LC_LABEL, "Risk-adjusted amount per period", w->label_b);
	for (size_t l = 0; l < nl; l++) {
		const crm_line *ln = &sc->lines[l];
		int r = w->lrow[l], warned = 0;
		int benefit = ln->kind == CRM_BENEFIT;
		char what[400];
		wb_fmtf(what, sizeof what, "%s '%s'", benefit ? "benefit" : "cost", ln->label);
		wb_put_str(w, ws, r, LC_LABEL, ln->label, w->text);
		/* A benefit whose class the metrics leave out (flexibility) is not "benefit" to SUMIF. */
		wb_put_str(w, ws, r, LC_KIND, !benefit ? "cost" : crm_case_line_counted(w->r->c, l) ? "benefit"
			   : "benefit, not in NPV", w->text);
		wb_put_str(w, ws, r, LC_AREA, ln->area, w->text);
		wb_put_str(w, ws, r, LC_OWNER, ln->owner, w->text);
		wb_put_str(w, ws, r, LC_METRIC, ln->metric, w->text);
		if (ln->skipped) {
			char *t = dup_printf("%s%sLeft out by the roll-out plan (golive skip of area "
					     "%s): no amount", ln->note, ln->note[0] ? "; " : "",
					     sc->areas[ln->area_row].name);
			wb_put_str(w, ws, r, LC_NOTE, t ? t : ln->note, w->text);
			free(t);
		} else {
			wb_put_str(w, ws, r, LC_NOTE, ln->note, w->text);
		}
		wb_put_str(w, ws, r, LC_TIMING, crm_timing_name(ln->timing), w->text);
		/* A month given as a formula over inputs is ROUND of it: live (Timing sheet). */
		const crm_expr *tx[3];
		crm_loc tloc[3];
		for (int k = 0; k < 3; k++) {
			tx[k] = crm_line_timing_expr(ln, k);
			tloc[k] = crm_line_timing_loc(ln, k);
		}
		if (tx[CRM_TIMING_START])
			put_month(w, ws, r, LC_START, tx[CRM_TIMING_START], ln->start, what,
				  &tloc[CRM_TIMING_START], ln->shift);
		else
			wb_put_num(w, ws, r, LC_START, ln->start, w->intg);
		if (tx[CRM_TIMING_END])
			put_month(w, ws, r, LC_END, tx[CRM_TIMING_END], ln->end_given, what,
				  &tloc[CRM_TIMING_END], ln->shift);
		else if (ln->timing != CRM_ONCE)
			wb_put_num(w, ws, r, LC_END, ln->end, w->intg);
		if (tx[CRM_TIMING_RAMP])
			put_month(w, ws, r, LC_RAMP, tx[CRM_TIMING_RAMP], ln->ramp, what,
				  &tloc[CRM_TIMING_RAMP], 0);
		else if (ln->ramp)
			wb_put_num(w, ws, r, LC_RAMP, ln->ramp, w->intg);
		if (ln->ramp || tx[CRM_TIMING_RAMP])
			wb_put_str(w, ws, r, LC_CURVE, crm_curve_name(ln->curve), w->text);
		wb_put_num(w, ws, r, LC_PROB, ln->probability, w->rate_in);
		wb_put_num(w, ws, r, LC_GROWTH, ln->growth, w->rate_in);
		if (ln->risk_given)
			wb_put_num(w, ws, r, LC_RISK, ln->risk, w->rate_in);
		else
			wb_put_formula(w, ws, r, LC_RISK, benefit ? "=benefit_risk" : "=cost_risk", ln->risk,
				       w->rate);
		wb_cell(ref, sizeof ref, NULL, r, LC_RISK, 0, 1);
		double rf = benefit ? 1 - ln->risk : 1 + ln->risk;
		if (benefit && sc->settings.readiness) {
			/* As the model: the readiness factor scales benefits on top of their risk. */
			wb_fmtf(buf, sizeof buf, "=(1-%s)*readiness_factor", ref);
			rf *= sc->settings.readiness_factor;
		} else {
			wb_fmtf(buf, sizeof buf, benefit ? "=1-%s" : "=1+%s", ref);
		}
		wb_put_formula(w, ws, r, LC_RISKF, buf, rf, w->factor);

		/* The value: one cell, or a row of per-period values below. */
		crm_value_kind kind = crm_expr_kind(ln->value);
		if (!w->lvary[l]) {
			double v = eval_in(w, ln->value, 1);
			struct ctx c = { w, CTX_LINES, 1, NULL };
			if (kind == CRM_VALUE_NUMBER)
				wb_put_num(w, ws, r, LC_VALUE, v, w->money_in);
			else
				put_expr(w, ws, r, LC_VALUE, ln->value, &c, v, w->money, what, &ln->loc,
					 &warned);
		} else {
			wb_put_str(w, ws, r, LC_VALUE, "per period, below", w->note);
		}

		wb_cell(g_ref, sizeof g_ref, NULL, r, LC_GROWTH, 0, 1);
		wb_cell(rf_ref, sizeof rf_ref, NULL, r, LC_RISKF, 0, 1);
		wb_cell(p_ref, sizeof p_ref, NULL, r, LC_PROB, 0, 1);
		int timed = w->tm_row[l] >= 0;
		/* The cached value of a line the metrics leave out: its own amount. */
		const crm_cashflow *acf = crm_case_line_counted(w->r->c, l) ? w->cf : w->r->c->all_cf;
		for (int p = 0; p <= w->n; p++) {
			int col = LC_PERIOD0 + p;
			double t = crm_model_line_timing(m, l, p);
			double amount = acf->amount[l * w->np + (size_t)p];
			if (line_idle(ln, timed, t, p)) {
				wb_put_num(w, ws, r, col, 0, w->money);
				continue;
			}
			if (w->lvary[l])
				wb_cell(v_ref, sizeof v_ref, NULL, w->lvrow[l], col, 0, 0);
			else
				wb_cell(v_ref, sizeof v_ref, NULL, r, LC_VALUE, 0, 1);
			wb_cell(t_ref, sizeof t_ref, NULL, w->ltrow[l], col, 0, 0);
			wb_cell(y_ref, sizeof y_ref, NULL, w->ln_year_row, col, 1, 0);
			wb_fmtf(buf, sizeof buf, "=%s*%s*(1+%s)^(%s-1)*%s*%s", v_ref, t_ref, g_ref, y_ref,
				rf_ref, p_ref);
			if (benefit && ln->adoption >= 0) {
				/* The share of adoption, live: its input's cell in this period. */
				struct ctx c = { w, CTX_LINES, p, NULL };
				char a_ref[64];
				ref_input(&c, ln->adoption, 0, a_ref, sizeof a_ref);
				size_t len = strlen(buf);
				wb_fmtf(buf + len, sizeof buf - len, "*%s", a_ref);
			}
			wb_put_formula(w, ws, r, col, buf, amount, w->money);
		}
		wb_flush(w, ws, r + 1);
	}

	wb_put_str(w, ws, row_timing_head, LC_LABEL, "Timing factor: share of the period's months "
		   "the line is active x ramp (fixed by start, end and ramp; from the Timing sheet "
		   "for lines whose months follow inputs)", w->label_b);
	for (size_t l = 0; l < nl; l++) {
		const crm_line *ln = &sc->lines[l];
		int benefit = ln->kind == CRM_BENEFIT, timed = w->tm_row[l] >= 0;
		wb_put_str(w, ws, w->ltrow[l], LC_LABEL, ln->label, w->text);
		wb_put_str(w, ws, w->ltrow[l], LC_KIND, benefit ? "benefit" : "cost", w->text);
		for (int p = 0; p <= w->n; p++) {
			int col = LC_PERIOD0 + p;
			double t = crm_model_line_timing(m, l, p);
			if (timed) {
				wb_timing_factor(w, l, p, buf, sizeof buf);
				wb_put_formula(w, ws, w->ltrow[l], col, buf, t, w->factor);
			} else {
				wb_put_num(w, ws, w->ltrow[l], col, t, w->factor);
			}
		}
		wb_flush(w, ws, w->ltrow[l] + 1);
	}

	if (nvary)
		wb_put_str(w, ws, row_value_head, LC_LABEL, "Values of lines that change from period to "
			   "period", w->label_b);
	for (size_t l = 0; l < nl; l++) {
		const crm_line *ln = &sc->lines[l];
		int vr = w->lvrow[l], warned = 0;
		if (!w->lvary[l])
			continue;
		int benefit = ln->kind == CRM_BENEFIT, timed = w->tm_row[l] >= 0;
		crm_value_kind kind = crm_expr_kind(ln->value);
		char what[400];
		wb_fmtf(what, sizeof what, "%s '%s'", benefit ? "benefit" : "cost", ln->label);
		wb_put_str(w, ws, vr, LC_LABEL, ln->label, w->text);
		wb_put_str(w, ws, vr, LC_KIND, benefit ? "benefit" : "cost", w->text);
		wb_put_str(w, ws, vr, LC_NOTE, ln->value_text, w->note);
		for (int p = 0; p <= w->n; p++) {
			int col = LC_PERIOD0 + p;
			double t = crm_model_line_timing(m, l, p);
			if (line_idle(ln, timed, t, p))
				continue;
			double v = eval_in(w, ln->value, p);
			/* The previous month's value cell is written when that month is. */
			int prev_written = p >= 2 && (timed || crm_model_line_timing(m, l, p - 1) != 0);
			if (kind == CRM_VALUE_SERIES && !(w->mpp == 1 && (p - 1) % 12 && prev_written)) {
				wb_put_num(w, ws, vr, col, v, w->money_in);
			} else if (kind == CRM_VALUE_SERIES) {
				/* Later months of a series' year repeat its first active month. */
				wb_cell(ref, sizeof ref, NULL, vr, col - 1, 0, 0);
				wb_fmtf(buf, sizeof buf, "=%s", ref);
				wb_put_formula(w, ws, vr, col, buf, v, w->money);
			} else {
				struct ctx c = { w, CTX_LINES, p, NULL };
				put_expr(w, ws, vr, col, ln->value, &c, v, w->money, what, &ln->loc,
					 &warned);
			}
		}
		wb_flush(w, ws, vr + 1);
	}
	int last_row = row_value_head + nvary;

	const char *labels[64];
	size_t nlab = 0;
	for (size_t l = 0; l < nl && nlab < 64; l++)
		labels[nlab++] = sc->lines[l].label;
	wb_width(w, ws, LC_LABEL, wb_text_width(labels, nlab, sizeof *labels, 24), NULL);
	wb_width(w, ws, LC_KIND, 8, NULL);
	wb_width(w, ws, LC_AREA, 20, NULL);
	wb_width(w, ws, LC_OWNER, 16, NULL);
	wb_width(w, ws, LC_METRIC, 16, NULL);
	wb_width(w, ws, LC_NOTE, 24, NULL);
	wb_width(w, ws, LC_TIMING, 8, NULL);
	wb_check(w, worksheet_set_column(ws, LC_START, LC_RAMP, 6, NULL), "column");
	wb_width(w, ws, LC_CURVE, 7, NULL);
	wb_check(w, worksheet_set_column(ws, LC_PROB, LC_RISKF, 10, NULL), "column");
	wb_width(w, ws, LC_VALUE, 14, NULL);
	wb_check(w, worksheet_set_column(ws, LC_PERIOD0, (lxw_col_t)last_col, W_PERIOD, NULL), "column");
	worksheet_freeze_panes(ws, (lxw_row_t)(hdr + 1), 1);
	wb_page_setup(w, ws, last_row, last_col, hdr, w->ln_month_row, 1);
}
