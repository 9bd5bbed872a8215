/*
 * workbook_timing.c - the months of lines whose start, end or ramp follow
 * inputs (a go-live month), live in the workbook: the Timing sheet has a row
 * per such line and a column per month of the horizon (0 to 12 x years), each
 * cell the line's factor in that month as crmroi's model weighs it:
 *   once:      1 in the month of its start, 0 elsewhere;
 *   recurring: 0 outside start..end (end cut to the horizon, none for the
 *              horizon's end); inside, the ramp factor of x = (m - start + 1)
 *              / ramp capped at 1 (linear: x; scurve: 3x^2 - 2x^3; 1 without
 *              a ramp), times a twelfth for a yearly value.
 * The start, end and ramp are the Lines sheet's cells, ROUND(formula, 0) of
 * the inputs (halves away from zero, as crmroi rounds them); a line's timing
 * factor in a period, on the Lines sheet, is the sum of its months there.
 *
 * Not the months of lines written as numbers: their timing factors stay
 * constants on the Lines sheet (workbook_model.c). The cached values are the
 * model's, at the inputs' own values.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"

#include <stdio.h>
#include <string.h>

/* The months of the horizon. */
static int months(const struct wb *w)
{
	return 12 * w->sc->settings.horizon_years;
}

size_t wb_timing_input_names(const crm_scenario *sc, char *names, size_t len)
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

void wb_timing_rows(struct wb *w)
{
	int row = TM_FIRST;

	w->any_timed = 0;
	for (size_t l = 0; l < w->sc->nlines; l++) {
		/* A line the roll-out plan leaves out has no months: its factors are 0. */
		w->tm_row[l] = crm_line_has_timing_formula(&w->sc->lines[l]) &&
			       !w->sc->lines[l].skipped ? row++ : -1;
		w->any_timed |= w->tm_row[l] >= 0;
	}
}

void wb_timing_factor(const struct wb *w, size_t l, int p, char *buf, size_t len)
{
	int m0 = p == 0 ? 0 : (p - 1) * w->mpp + 1, m1 = p == 0 ? 0 : p * w->mpp;
	char a[64], b[64];

	wb_cell(a, sizeof a, SH_TIMING, w->tm_row[l], TC_MONTH0 + m0, 0, 0);
	if (m0 == m1) {
		snprintf(buf, len, "=%s", a);
		return;
	}
	wb_cell(b, sizeof b, NULL, w->tm_row[l], TC_MONTH0 + m1, 0, 0);
	snprintf(buf, len, "=SUM(%s:%s)", a, b);
}

void wb_sheet_timing(struct wb *w, lxw_worksheet *ws)
{
	const crm_scenario *sc = w->sc;
	int mm = months(w), last_col = TC_MONTH0 + mm;
	char buf[1024], a[64], s[32], e[32], r[32], m[32], x[160], names[400];

	wb_put_str(w, ws, 0, 0, "Timing of lines whose months follow inputs", w->title);
	wb_timing_input_names(sc, names, sizeof names);
	wb_fmtf(buf, sizeof buf, "The start, end and ramp of these lines are formulas of %s on the "
		"Lines sheet, rounded to a whole month (halves away from zero). Each month's factor: "
		"for a once line 1 in its start month; for a recurring one, within start..end (cut to "
		"the horizon), the ramp factor of x = (month - start + 1) / ramp capped at 1 (linear: "
		"x; scurve: 3x^2 - 2x^3; 1 without a ramp), a twelfth of it for a yearly value. A "
		"line's timing factor in a period (Lines sheet) is the sum of its months there.", names);
	wb_put_str(w, ws, 1, 0, buf, w->subtitle);
	wb_put_str(w, ws, 2, 0, "crmroi refuses a month a line cannot have (a recurring line starting "
		   "before month 1, a once line before month 0, an end before the start, a negative "
		   "ramp); the workbook does not stop you: check the months against the ranges of the "
		   "inputs.", w->note);
	static const char *const heads[] = { "Line", "Kind", "Timing", "Start", "End", "Ramp",
		"Curve" };
	for (int c = 0; c < TC_MONTH0; c++)
		wb_put_str(w, ws, TM_HEAD, c, heads[c], c >= TC_START && c <= TC_RAMP ? w->head_r : w->head);
	for (int mo = 0; mo <= mm; mo++)
		wb_put_num(w, ws, TM_HEAD, TC_MONTH0 + mo, mo, w->head_r);

	int row = TM_FIRST;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (w->tm_row[l] < 0)
			continue;
		row = w->tm_row[l];
		int lr = w->lrow[l], once = ln->timing == CRM_ONCE;
		int end = ln->end_given && ln->end_given < mm ? ln->end_given : mm;
		wb_put_str(w, ws, row, TC_LINE, ln->label, w->text);
		wb_put_str(w, ws, row, TC_KIND, ln->kind == CRM_COST ? "cost" : "benefit", w->text);
		wb_put_str(w, ws, row, TC_TIMING, crm_timing_name(ln->timing), w->text);
		wb_cell(a, sizeof a, SH_LINES, lr, LC_START, 1, 1);
		wb_fmtf(buf, sizeof buf, "=%s", a);
		wb_put_formula(w, ws, row, TC_START, buf, ln->start, w->intg);
		if (!once) {
			if (ln->end_given || crm_line_timing_expr(ln, CRM_TIMING_END)) {
				wb_cell(a, sizeof a, SH_LINES, lr, LC_END, 1, 1);
				wb_fmtf(buf, sizeof buf, "=MIN(%s,%d)", a, mm);
				wb_put_formula(w, ws, row, TC_END, buf, end, w->intg);
			} else {
				wb_put_num(w, ws, row, TC_END, mm, w->intg);
			}
			if (ln->ramp || crm_line_timing_expr(ln, CRM_TIMING_RAMP)) {
				wb_cell(a, sizeof a, SH_LINES, lr, LC_RAMP, 1, 1);
				wb_fmtf(buf, sizeof buf, "=%s", a);
				wb_put_formula(w, ws, row, TC_RAMP, buf, ln->ramp, w->intg);
				wb_put_str(w, ws, row, TC_CURVE, crm_curve_name(ln->curve), w->text);
			} else {
				wb_put_num(w, ws, row, TC_RAMP, 0, w->intg);
			}
		}
		wb_cell(s, sizeof s, NULL, row, TC_START, 0, 1);
		wb_cell(e, sizeof e, NULL, row, TC_END, 0, 1);
		wb_cell(r, sizeof r, NULL, row, TC_RAMP, 0, 1);
		for (int mo = 0; mo <= mm; mo++) {
			int col = TC_MONTH0 + mo;
			wb_cell(m, sizeof m, NULL, TM_HEAD, col, 1, 0);
			if (once) {
				wb_fmtf(buf, sizeof buf, "=IF(%s=%s,1,0)", m, s);
				wb_put_formula(w, ws, row, col, buf, mo == ln->start, w->factor);
				continue;
			}
			if (mo == 0) {
				/* A recurring line starts in month 1 at the earliest. */
				wb_put_num(w, ws, row, col, 0, w->factor);
				continue;
			}
			/* x = (m - start + 1) / ramp, capped at 1; the ramp factor of x. */
			wb_fmtf(x, sizeof x, "MIN(1,(%s-%s+1)/%s)", m, s, r);
			char ramp[512];
			if (ln->curve == CRM_CURVE_SCURVE)
				wb_fmtf(ramp, sizeof ramp, "IF(%s>0,%s*%s*(3-2*%s),1)", r, x, x, x);
			else
				wb_fmtf(ramp, sizeof ramp, "IF(%s>0,%s,1)", r, x);
			int yearly = ln->timing == CRM_YEARLY;
			wb_fmtf(buf, sizeof buf, "=IF(AND(%s>=%s,%s<=%s),%s%s,0)", m, s, m, e, ramp,
				yearly ? "/12" : "");
			double v = mo >= ln->start && mo <= end ?
				   crm_ramp_factor(ln->curve, ln->ramp, ln->start, mo) / (yearly ? 12 : 1) : 0;
			wb_put_formula(w, ws, row, col, buf, v, w->factor);
		}
	}

	const char *labels[64];
	size_t nlab = 0;
	for (size_t l = 0; l < sc->nlines && nlab < 64; l++)
		if (w->tm_row[l] >= 0)
			labels[nlab++] = sc->lines[l].label;
	wb_width(w, ws, TC_LINE, wb_text_width(labels, nlab, sizeof *labels, 24), NULL);
	wb_width(w, ws, TC_KIND, 8, NULL);
	wb_width(w, ws, TC_TIMING, 8, NULL);
	wb_check(w, worksheet_set_column(ws, TC_START, TC_RAMP, 6, NULL), "column");
	wb_width(w, ws, TC_CURVE, 7, NULL);
	wb_check(w, worksheet_set_column(ws, TC_MONTH0, (lxw_col_t)last_col, 7, NULL), "column");
	worksheet_freeze_panes(ws, TM_HEAD + 1, 1);
	wb_page_setup(w, ws, row, last_col, TM_HEAD, TM_HEAD, 1);
}
