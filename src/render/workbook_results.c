/*
 * workbook_results.c - the sheets of the workbook that read the model: the
 * cash flow (costs, benefits, net, cumulative, discount factors, present
 * values, the payback helper rows and the benefits by class), the summary
 * (headline metrics as formulas, conventions, two charts) and the tornado as
 * a snapshot of values.
 *
 * Not the model's sheets (workbook_model.c). Every cached value is the
 * case's, except the payback helper rows, which follow crm_payback_compute.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"
#include "explain.h"
#include "xlformula.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

	for (int c = 0; c < CRM_NCLASSES; c++)
		w->cf_class[c] = -1;
	if (!report_classes_shown(r))
		return row;
	wb_put_str(w, ws, row, 0, "Benefits by class (risk-adjusted)", w->label_b);
	wb_put_str(w, ws, row++, cn + 1, "Present value", w->head_r);
	for (int c = 0; c < CRM_NCLASSES; c++) {
		size_t nterms = r->c->cls[c].nlines;
		if (!nterms)
			continue;
		int in = (sc->settings.classes & CRM_CLASS_BIT(c)) != 0;
		wb_fmtf(label, sizeof label, "Benefits: %s%s", crm_class_name((crm_class)c),
			in ? "" : " (not in NPV)");
		wb_put_str(w, ws, row, 0, label, w->text);
		w->cf_class[c] = row;
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
				wb_cell(a, sizeof a, SH_LINES, w->lrow[l], LC_PERIOD0 + p, 0, 0);
				at += (size_t)snprintf(f + at, 24, "%s%s", at > 1 ? "+" : "", a);
			}
			if (f)
				wb_put_formula(w, ws, row, c0 + p, f, cached, w->money);
			else
				wb_put_num(w, ws, row, c0 + p, cached, w->money);
		}
		free(f);
		wb_row_range(a, sizeof a, NULL, row, c0, cn);
		wb_row_range(b, sizeof b, NULL, w->cf_df, c0, cn);
		char pv[160];
		wb_fmtf(pv, sizeof pv, "=SUMPRODUCT(%s,%s)", a, b);
		wb_put_formula(w, ws, row++, cn + 1, pv, r->c->cls[c].pv, w->money);
	}
	return row + 1;
}

/*
 * Row sum_row at col: the running total of row v_row, its cell there plus
 * the total in the column before (first: its cell alone).
 */
static void running_sum(struct wb *w, lxw_worksheet *ws, int sum_row, int v_row, int col,
			int first, double cached)
{
	char v[64], before[64], f[160];

	wb_cell(v, sizeof v, NULL, v_row, col, 0, 0);
	wb_cell(before, sizeof before, NULL, sum_row, col - 1, 0, 0);
	if (first)
		wb_fmtf(f, sizeof f, "=%s", v);
	else
		wb_fmtf(f, sizeof f, "=%s+%s", before, v);
	wb_put_formula(w, ws, sum_row, col, f, cached, w->money);
}

/*
 * The rows of view v from row: costs, benefits, net, cumulative, present
 * value and its running total. Before tax (v = 0) they are the Lines
 * sheet's amounts summed by kind, with the discount factor's row after the
 * cumulative net; after tax (v = 1) the before-tax ones with the tax paid and
 * the salvage of the Tax sheet at each year's end, in rows before them.
 * Returns the next free row.
 */
static int view_rows(struct wb *w, lxw_worksheet *ws, int v, int row)
{
	const crm_cashflow *cf = v ? w->r->c->at.cf : w->cf;
	const crm_after_tax *at = &w->r->c->at;
	struct cf_view *vw = &w->view[v];
	int n = w->n, c0 = 1;
	char buf[XLF_MAX_LEN + 1], a[64], b[64], c[64], d[64], kinds[128], amounts[128];
	const char *sfx = v ? " after tax" : "";

	if (v) {
		wb_put_str(w, ws, row++, 0, "After tax (the Tax sheet's tax paid and salvage at the end "
			   "of each year)", w->label_b);
		w->cf_taxpaid = row++;
		w->cf_salvage = row++;
		wb_put_str(w, ws, w->cf_taxpaid, 0, "Tax paid (a negative tax is a saving)", w->text);
		wb_put_str(w, ws, w->cf_salvage, 0, "Salvage of capitalised costs", w->text);
	}
	vw->costs = row++;
	vw->benefits = row++;
	vw->net = row++;
	vw->cum = row++;
	if (!v)
		w->cf_df = row++;
	vw->pv = row++;
	vw->cumpv = row++;
	wb_fmtf(buf, sizeof buf, v ? "Costs after tax" : "Costs (risk-adjusted)");
	wb_put_str(w, ws, vw->costs, 0, buf, w->text);
	wb_fmtf(buf, sizeof buf, v ? "Benefits after tax" : "Benefits (risk-adjusted)");
	wb_put_str(w, ws, vw->benefits, 0, buf, w->text);
	wb_fmtf(buf, sizeof buf, "Net cash flow%s", sfx);
	wb_put_str(w, ws, vw->net, 0, buf, w->label_b);
	wb_fmtf(buf, sizeof buf, "Cumulative net cash flow%s", sfx);
	wb_put_str(w, ws, vw->cum, 0, buf, w->text);
	if (!v)
		wb_put_str(w, ws, w->cf_df, 0, "Discount factor", w->text);
	wb_fmtf(buf, sizeof buf, "Present value of the net cash flow%s", sfx);
	wb_put_str(w, ws, vw->pv, 0, buf, w->text);
	wb_fmtf(buf, sizeof buf, "Cumulative present value%s", sfx);
	wb_put_str(w, ws, vw->cumpv, 0, buf, w->text);

	for (int p = 0; p <= n; p++) {
		int col = c0 + p, lc = LC_PERIOD0 + p;
		int year_end = p > 0 && p % w->ppy == 0;
		if (v) {
			const struct cf_view *bt = &w->view[0];
			char tp[64], sv[64];
			wb_cell(a, sizeof a, NULL, bt->costs, col, 0, 0);
			wb_cell(b, sizeof b, NULL, bt->benefits, col, 0, 0);
			wb_cell(tp, sizeof tp, NULL, w->cf_taxpaid, col, 0, 0);
			wb_cell(sv, sizeof sv, NULL, w->cf_salvage, col, 0, 0);
			if (year_end) {
				int y = p / w->ppy;
				wb_cell(c, sizeof c, SH_TAX, TX_PAID, y, 0, 0);
				wb_fmtf(buf, sizeof buf, "=%s", c);
				wb_put_formula(w, ws, w->cf_taxpaid, col, buf, at->years[y - 1].tax_paid,
					       w->money);
				wb_cell(c, sizeof c, SH_TAX, TX_SALVAGE, y, 0, 0);
				wb_fmtf(buf, sizeof buf, "=%s", c);
				wb_put_formula(w, ws, w->cf_salvage, col, buf, at->salvage[y - 1], w->money);
				wb_fmtf(buf, sizeof buf, "=%s+MAX(0,%s)", a, tp);
				wb_put_formula(w, ws, vw->costs, col, buf, cf->costs[p], w->money);
				wb_fmtf(buf, sizeof buf, "=%s+MAX(0,-%s)+%s", b, tp, sv);
				wb_put_formula(w, ws, vw->benefits, col, buf, cf->benefits[p], w->money);
			} else {
				wb_fmtf(buf, sizeof buf, "=%s", a);
				wb_put_formula(w, ws, vw->costs, col, buf, cf->costs[p], w->money);
				wb_fmtf(buf, sizeof buf, "=%s", b);
				wb_put_formula(w, ws, vw->benefits, col, buf, cf->benefits[p], w->money);
			}
		} else if (w->sc->nlines) {
			wb_cell(a, sizeof a, NULL, w->ln_first, lc, 1, 0);
			wb_cell(b, sizeof b, NULL, w->ln_last, lc, 1, 0);
			wb_fmtf(amounts, sizeof amounts, "%s!%s:%s", SH_LINES, a, b);
			wb_cell(a, sizeof a, NULL, w->ln_first, LC_KIND, 1, 1);
			wb_cell(b, sizeof b, NULL, w->ln_last, LC_KIND, 1, 1);
			wb_fmtf(kinds, sizeof kinds, "%s!%s:%s", SH_LINES, a, b);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"cost\",%s)", kinds, amounts);
			wb_put_formula(w, ws, vw->costs, col, buf, cf->costs[p], w->money);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"benefit\",%s)", kinds, amounts);
			wb_put_formula(w, ws, vw->benefits, col, buf, cf->benefits[p], w->money);
		} else {
			wb_put_num(w, ws, vw->costs, col, 0, w->money);
			wb_put_num(w, ws, vw->benefits, col, 0, w->money);
		}
		wb_cell(a, sizeof a, NULL, vw->benefits, col, 0, 0);
		wb_cell(b, sizeof b, NULL, vw->costs, col, 0, 0);
		wb_fmtf(buf, sizeof buf, "=%s-%s", a, b);
		wb_put_formula(w, ws, vw->net, col, buf, cf->net[p], w->money_b);
		running_sum(w, ws, vw->cum, vw->net, col, p == 0, cf->cumulative[p]);
		if (!v && w->dated) {
			/* Dated: the period ends on its day, discounted by days / 365. */
			wb_cell(c, sizeof c, NULL, w->cf_date, col, 0, 0);
			wb_fmtf(buf, sizeof buf, "=(1+discount_rate)^(-(%s-start_date)/365)", c);
			wb_put_formula(w, ws, w->cf_df, col, buf, cf->df[p], w->factor);
		} else if (!v) {
			wb_cell(c, sizeof c, NULL, w->cf_month, col, 0, 0);
			wb_fmtf(buf, sizeof buf, "=(1+discount_rate)^(-%s/12)", c);
			wb_put_formula(w, ws, w->cf_df, col, buf, cf->df[p], w->factor);
		}
		wb_cell(a, sizeof a, NULL, vw->net, col, 0, 0);
		wb_cell(d, sizeof d, NULL, w->cf_df, col, 0, 0);
		wb_fmtf(buf, sizeof buf, "=%s*%s", a, d);
		/*
		 * A period holding lines paid on days of their own: its flows as the
		 * Dated flows sheet discounts them, the rest on the period's day and
		 * each such line on its own.
		 */
		int own = 0, fits = 1;
		for (size_t l = 0; l < w->sc->nlines; l++) {
			if (w->dt_row[l] < 0 || wb_line_period(w, l) != p)
				continue;
			if (!own++) {
				wb_cell(c, sizeof c, SH_DATED_REF, DT_FIRST + p, v ? DC_PV_AT : DC_PV, 0, 0);
				wb_fmtf(buf, sizeof buf, "=%s", c);
			}
			size_t len = strlen(buf);
			wb_cell(c, sizeof c, SH_DATED_REF, w->dt_row[l], v ? DC_PV_AT : DC_PV, 0, 0);
			if (len + strlen(c) + 2 > sizeof buf)
				fits = 0;
			else
				wb_fmtf(buf + len, sizeof buf - len, "+%s", c);
		}
		if (fits) {
			wb_put_formula(w, ws, vw->pv, col, buf, cf->pv_net[p], w->money);
		} else {
			wb_put_num(w, ws, vw->pv, col, cf->pv_net[p], w->money);
			wb_put_comment(w, ws, vw->pv, col, "crmroi's value: the lines paid on days of their "
				       "own in this period are too many for one Excel formula (Dated flows "
				       "sheet)");
		}
		running_sum(w, ws, vw->cumpv, vw->pv, col, p == 0, cf->cumulative_pv[p]);
	}
	return row;
}

/* The payback helper rows of view v from row (see wb_sheet_cashflow); the next free row. */
static int payback_rows(struct wb *w, lxw_worksheet *ws, int v, int row)
{
	const crm_cashflow *cf = v ? w->r->c->at.cf : w->cf;
	struct cf_view *vw = &w->view[v];
	int n = w->n, c0 = 1, cn = 1 + n;
	char buf[1024], a[64], b[64], lbl[160];
	const char *sfx = v ? " after tax" : "";
	double *z = w->tmp, *stay = z + w->np, *cross = stay + w->np, tol;

	for (int k = 0; k < 2; k++) {
		const double *val = k ? cf->pv_net : cf->net, *cum = k ? cf->cumulative_pv : cf->cumulative;
		int vrow = k ? vw->pv : vw->net, cumrow = k ? vw->cumpv : vw->cum;
		payback_helpers(val, cum, w->np, w->mpp, &tol, z, stay, cross);
		vw->tol[k] = row++;
		vw->z[k] = row++;
		vw->stay[k] = row++;
		vw->cross[k] = row++;
		row++;
		wb_fmtf(lbl, sizeof lbl, k ? "Tolerance%s (discounted): 1e-9 x sum of |present value|"
			: "Tolerance%s: 1e-9 x sum of |net cash flow|", sfx);
		wb_put_str(w, ws, vw->tol[k], 0, lbl, w->text);
		/*
		 * Sum of |flows| as SUMIF(>0) - SUMIF(<0): SUMPRODUCT(ABS(range)) is an
		 * array formula in Excel but a single cell in Gnumeric.
		 */
		char k_tol[32];
		xlf_number(CRM_PAYBACK_REL_TOL, k_tol, sizeof k_tol);
		wb_row_range(a, sizeof a, NULL, vrow, c0, cn);
		wb_fmtf(buf, sizeof buf, "=%s*(SUMIF(%s,\">0\")-SUMIF(%s,\"<0\"))", k_tol, a, a);
		wb_put_formula(w, ws, vw->tol[k], c0, buf, tol, w->num);
		wb_fmtf(lbl, sizeof lbl, k ? "Cumulative present value%s, 0 within the tolerance"
			: "Cumulative net%s, 0 within the tolerance", sfx);
		wb_put_str(w, ws, vw->z[k], 0, lbl, w->text);
		wb_fmtf(lbl, sizeof lbl, "Stays at or above 0 from here to the end (1 = yes)%s", sfx);
		wb_put_str(w, ws, vw->stay[k], 0, lbl, w->text);
		wb_fmtf(lbl, sizeof lbl, k ? "Discounted payback crossing%s (month)"
			: "Payback crossing%s (month)", sfx);
		wb_put_str(w, ws, vw->cross[k], 0, lbl, w->text);
		char tolref[64];
		wb_cell(tolref, sizeof tolref, NULL, vw->tol[k], c0, 1, 1);
		for (int p = 0; p <= n; p++) {
			int col = c0 + p;
			wb_cell(a, sizeof a, NULL, cumrow, col, 0, 0);
			wb_fmtf(buf, sizeof buf, "=IF(ABS(%s)<=%s,0,%s)", a, tolref, a);
			wb_put_formula(w, ws, vw->z[k], col, buf, z[p], w->money);
			wb_cell(a, sizeof a, NULL, vw->z[k], col, 0, 0);
			wb_cell(b, sizeof b, NULL, vw->stay[k], col + 1, 0, 0);
			if (p == n)
				wb_fmtf(buf, sizeof buf, "=IF(%s>=0,1,0)", a);
			else
				wb_fmtf(buf, sizeof buf, "=IF(AND(%s>=0,%s=1),1,0)", a, b);
			wb_put_formula(w, ws, vw->stay[k], col, buf, stay[p], w->intg);
			if (p == 0) {
				wb_put_num(w, ws, vw->cross[k], col, 0, w->months);
				continue;
			}
			char zp[64], st[64], vv[64];
			wb_cell(zp, sizeof zp, NULL, vw->z[k], col - 1, 0, 0);
			wb_cell(st, sizeof st, NULL, vw->stay[k], col, 0, 0);
			wb_cell(vv, sizeof vv, NULL, vrow, col, 0, 0);
			wb_fmtf(buf, sizeof buf, "=IF(AND(%s=1,%s<0),IF(%s=0,%d,%d+(-%s)/%s)*%d,0)", st, zp, a,
				p, p - 1, zp, vv, w->mpp);
			wb_put_formula(w, ws, vw->cross[k], col, buf, cross[p], w->months);
		}
	}
	return row;
}

void wb_sheet_cashflow(struct wb *w, lxw_worksheet *ws)
{
	int n = w->n, row = 3, c0 = 1, cn = 1 + n;
	char buf[1024];

	wb_put_str(w, ws, 0, 0, "Cash flow", w->title);
	wb_fmtf(buf, sizeof buf, "Initial is month 0 and is not discounted; %s. Every figure is a "
		"formula over the Lines sheet%s.", w->dated ? "each period's flows are discounted "
		"on the day it ends by (1 + discount_rate)^(days/365), a once line with a date of its "
		"own on that day (Dated flows sheet)" : w->mpp == 12 ? "Year k is discounted at its end "
		"by (1 + discount_rate)^k" : "month m is discounted by (1 + discount_rate)^(m/12)",
		w->nviews > 1 ? " (and, after tax, the Tax sheet)" : "");
	wb_put_str(w, ws, 1, 0, buf, w->subtitle);
	wb_put_str(w, ws, row, 0, w->sc->settings.currency, w->head);
	for (int p = 0; p <= n; p++) {
		wb_period_label(w, p, buf, sizeof buf);
		wb_put_str(w, ws, row, c0 + p, buf, w->head_r);
	}
	row++;
	w->cf_month = row++;
	wb_put_str(w, ws, w->cf_month, 0, "Month at the end of the period", w->text);
	for (int p = 0; p <= n; p++)
		wb_put_num(w, ws, w->cf_month, c0 + p, p * w->mpp, w->intg);
	if (w->dated) {
		/* The day each period ends: start_date plus its months (EDATE, as crmroi). */
		const crm_settings *s = &w->sc->settings;
		double d0 = wb_date_serial(s->start_year, s->start_month, s->start_day ? s->start_day : 1);
		w->cf_date = row++;
		wb_put_str(w, ws, w->cf_date, 0, "Date at the end of the period", w->text);
		for (int p = 0; p <= n; p++) {
			char m[32];
			wb_cell(m, sizeof m, NULL, w->cf_month, c0 + p, 0, 0);
			wb_fmtf(buf, sizeof buf, "=EDATE(start_date,%s)", m);
			wb_put_formula(w, ws, w->cf_date, c0 + p, buf,
				       d0 + round(w->cf->t_years[p] * 365.0), w->date);
		}
	}
	row = view_rows(w, ws, 0, row);
	if (w->nviews > 1)
		row = view_rows(w, ws, 1, row + 1);

	/* Payback helper rows, for the net cash flow and for its present value. */
	row++;
	wb_put_str(w, ws, row++, 0, "Payback: helper rows", w->label_b);
	wb_put_str(w, ws, row++, 0, "Payback is the month after which the cumulative flow stays at or "
		   "above 0 to the end of the horizon, interpolated within its period; 0 if it is never "
		   "below 0. A cumulative flow within the tolerance of 0 counts as 0.", w->subtitle);
	for (int v = 0; v < w->nviews; v++)
		row = payback_rows(w, ws, v, row);
	row = class_rows_xlsx(w, ws, row);
	wb_width(w, ws, 0, 46, NULL);
	wb_check(w, worksheet_set_column(ws, (lxw_col_t)c0, (lxw_col_t)cn, W_PERIOD, NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	wb_page_setup(w, ws, row, report_classes_shown(w->r) ? cn + 1 : cn, 3, 3, 1);
}

/*
 * A metric's formula in column col of row, cached as crmroi's value, or when
 * crmroi has none as the text the formula then gives (none).
 */
static void put_metric(struct wb *w, lxw_worksheet *ws, int row, int col, const char *formula,
		       int ok, double v, const char *none, lxw_format *f)
{
	if (ok)
		wb_put_formula(w, ws, row, col, formula, v, f);
	else
		wb_put_formula_str(w, ws, row, col, formula, none, f);
}

/* A series of bars in colour, of a row of the Cash flow sheet over the categories cats. */
static void bar_series(struct wb *w, lxw_chart *chart, const char *cats, int row, const char *name,
		       lxw_color_t color)
{
	char vals[128];

	wb_row_range(vals, sizeof vals, SH_CF_REF, row, 1, 1 + w->n);
	lxw_chart_series *sr = chart_add_series(chart, cats, vals);
	if (sr) {
		chart_series_set_name(sr, name);
		lxw_chart_fill fill = { .color = color };
		chart_series_set_fill(sr, &fill);
	}
}

/* The headline metrics of view v in column col of the Summary, from row; the next free row. */
static int metric_column(struct wb *w, lxw_worksheet *ws, int v, int col, int row)
{
	const crm_metrics *m = v ? &w->r->c->at.metrics : &w->r->c->m;
	const crm_settings *s = &w->sc->settings;
	const struct cf_view *vw = &w->view[v];
	int n = w->n, c0 = 1, cn = 1 + n;
	char buf[XLF_MAX_LEN + 1], net[128], dfr[128], ben[128], cos[128], cum[128], init[64];
	char npv_ref[32], pvb_ref[32], pvc_ref[32];

	wb_row_range(net, sizeof net, SH_CF_REF, vw->net, c0 + 1, cn);
	wb_row_range(dfr, sizeof dfr, SH_CF_REF, w->cf_df, c0 + 1, cn);
	wb_cell(init, sizeof init, SH_CF_REF, vw->net, c0, 1, 1);
	wb_cell(npv_ref, sizeof npv_ref, NULL, row, col, 1, 1);
	wb_cell(pvb_ref, sizeof pvb_ref, NULL, row + 1, col, 1, 1);
	wb_cell(pvc_ref, sizeof pvc_ref, NULL, row + 2, col, 1, 1);

	/* Dated: every flow on its day (the Dated flows sheet). */
	char flows[128], dates[128], a[64], b[64];
	wb_cell(a, sizeof a, NULL, DT_FIRST, v ? DC_NET_AT : DC_NET, 1, 1);
	wb_cell(b, sizeof b, NULL, w->dt_last, v ? DC_NET_AT : DC_NET, 1, 1);
	wb_fmtf(flows, sizeof flows, "%s!%s:%s", SH_DATED_REF, a, b);
	wb_cell(a, sizeof a, NULL, DT_FIRST, DC_DATE, 1, 1);
	wb_cell(b, sizeof b, NULL, w->dt_last, DC_DATE, 1, 1);
	wb_fmtf(dates, sizeof dates, "%s!%s:%s", SH_DATED_REF, a, b);

	if (w->dated)
		wb_fmtf(buf, sizeof buf, "=XNPV(discount_rate,%s,%s)", flows, dates);
	else
		wb_fmtf(buf, sizeof buf, "=%s+SUMPRODUCT(%s,%s)", init, net, dfr);
	wb_put_formula(w, ws, row++, col, buf, m->npv, w->money);

	wb_row_range(ben, sizeof ben, SH_CF_REF, vw->benefits, c0, cn);
	wb_row_range(cos, sizeof cos, SH_CF_REF, vw->costs, c0, cn);
	wb_row_range(dfr, sizeof dfr, SH_CF_REF, w->cf_df, c0, cn);
	for (int k = 0; k < 2; k++) {
		/* A line paid on a day of its own is discounted at that day. */
		char adj[XLF_MAX_LEN - 300];
		double unused, pv = k ? m->pv_costs : m->pv_benefits;
		if (wb_dated_adjust(w, k ? CRM_COST : CRM_BENEFIT, adj, sizeof adj, &unused) != 0) {
			wb_put_num(w, ws, row, col, pv, w->money);
			wb_put_comment(w, ws, row, col, "crmroi's value: the lines paid on days of their "
				       "own are too many for one Excel formula (Dated flows sheet)");
			row++;
			continue;
		}
		wb_fmtf(buf, sizeof buf, "=SUMPRODUCT(%s,%s)%s", k ? cos : ben, dfr, adj);
		wb_put_formula(w, ws, row++, col, buf, pv, w->money);
	}

	wb_fmtf(buf, sizeof buf, "=IF(%s>0,%s/%s,\"undefined\")", pvc_ref, npv_ref, pvc_ref);
	put_metric(w, ws, row++, col, buf, m->roi_ok, m->roi, "undefined", w->rate);
	wb_fmtf(buf, sizeof buf, "=IF(%s>0,%s/%s,\"undefined\")", pvc_ref, pvb_ref, pvc_ref);
	put_metric(w, ws, row++, col, buf, m->bcr_ok, m->bcr, "undefined", w->factor);

	/* IRR on the period flows, annualised; the engine's root is the guess. */
	wb_row_range(net, sizeof net, SH_CF_REF, vw->net, c0, cn);
	double guess = pow(1 + (m->irr_ok ? m->irr_value : s->discount_rate), 1.0 / w->ppy) - 1;
	char g[64];
	xlf_number(guess, g, sizeof g);
	/*
	 * No IRR without a negative and a positive flow, as crmroi says (Gnumeric's
	 * IRR of flows that are all 0 gives back its guess).
	 */
	const char *fl = w->dated ? flows : net;
	int at = snprintf(buf, sizeof buf, "=IF(OR(COUNTIF(%s,\"<0\")=0,COUNTIF(%s,\">0\")=0),\"no IRR\",",
			 fl, fl);
	if (w->dated) {
		xlf_number(m->irr_ok ? m->irr_value : s->discount_rate, g, sizeof g);
		wb_fmtf(buf + at, sizeof buf - (size_t)at, "IFERROR(XIRR(%s,%s,%s),\"no IRR\"))", flows, dates,
			g);
	} else if (w->ppy == 1) {
		wb_fmtf(buf + at, sizeof buf - (size_t)at, "IFERROR(IRR(%s,%s),\"no IRR\"))", net, g);
	} else {
		wb_fmtf(buf + at, sizeof buf - (size_t)at, "IFERROR((1+IRR(%s,%s))^%d-1,\"no IRR\"))", net, g,
			w->ppy);
	}
	put_metric(w, ws, row++, col, buf, m->irr_ok, m->irr_value, "no IRR", w->rate);

	if (w->dated) {
		/* The positive flows reinvested to the horizon, the negative ones financed from day 0. */
		char fv[128], pv[128], t[64];
		wb_cell(a, sizeof a, NULL, DT_FIRST, v ? DC_REINVEST_AT : DC_REINVEST, 1, 1);
		wb_cell(b, sizeof b, NULL, w->dt_last, v ? DC_REINVEST_AT : DC_REINVEST, 1, 1);
		wb_fmtf(fv, sizeof fv, "SUM(%s!%s:%s)", SH_DATED_REF, a, b);
		wb_cell(a, sizeof a, NULL, DT_FIRST, v ? DC_FINANCE_AT : DC_FINANCE, 1, 1);
		wb_cell(b, sizeof b, NULL, w->dt_last, v ? DC_FINANCE_AT : DC_FINANCE, 1, 1);
		wb_fmtf(pv, sizeof pv, "SUM(%s!%s:%s)", SH_DATED_REF, a, b);
		wb_cell(t, sizeof t, SH_DATED_REF, DT_FIRST + n, DC_YEARS, 1, 1);
		wb_fmtf(buf, sizeof buf, "=IF(AND(%s>0,%s<0,%s>0),(%s/-%s)^(1/%s)-1,\"no MIRR\")", fv, pv,
			t, fv, pv, t);
	} else if (w->ppy == 1)
		wb_fmtf(buf, sizeof buf, "=IFERROR(MIRR(%s,finance_rate,reinvest_rate),\"no MIRR\")", net);
	else
		wb_fmtf(buf, sizeof buf, "=IFERROR((1+MIRR(%s,(1+finance_rate)^(1/%d)-1,"
			"(1+reinvest_rate)^(1/%d)-1))^%d-1,\"no MIRR\")", net, w->ppy, w->ppy, w->ppy);
	put_metric(w, ws, row++, col, buf, m->mirr_ok, m->mirr, "no MIRR", w->rate);

	for (int k = 0; k < 2; k++) {
		const crm_payback *pb = k ? &m->dpayback : &m->payback;
		char st[64], cr[128];
		wb_cell(st, sizeof st, SH_CF_REF, vw->stay[k], cn, 1, 1);
		wb_row_range(cr, sizeof cr, SH_CF_REF, vw->cross[k], c0, cn);
		wb_fmtf(buf, sizeof buf, "=IF(%s=0,\"not reached\",SUM(%s))", st, cr);
		put_metric(w, ws, row++, col, buf, pb->status == CRM_PAYBACK_REACHED, pb->months,
			   "not reached", w->months);
	}

	wb_fmtf(buf, sizeof buf, "=SUM(%s)", ben);
	wb_put_formula(w, ws, row++, col, buf, m->total_benefits, w->money);
	wb_fmtf(buf, sizeof buf, "=SUM(%s)", cos);
	wb_put_formula(w, ws, row++, col, buf, m->total_costs, w->money);
	wb_row_range(cum, sizeof cum, SH_CF_REF, vw->cum, c0, cn);
	wb_fmtf(buf, sizeof buf, "=MIN(0,MIN(%s))", cum);
	wb_put_formula(w, ws, row++, col, buf, m->peak_investment, w->money);
	return row;
}

void wb_sheet_summary(struct wb *w, lxw_worksheet *ws)
{
	const crm_metrics *m = &w->r->c->m;
	const crm_metrics *mt = &w->r->c->at.metrics;
	const crm_settings *s = &w->sc->settings;
	int tax = w->nviews > 1;
	/* Columns: the metric, its value before tax (and after), how, crmroi's notes. */
	int c_how = tax ? 3 : 2, c_note = c_how + 1, c_note_at = c_note + 1;
	int last_col = tax ? c_note_at : c_note;
	int c0 = 1, cn = 1 + w->n, row;
	char buf[2048], tmp[256];

	wb_put_str(w, ws, 0, 0, s->title[0] ? s->title : "CRM business case", w->title);
	wb_fmtf(buf, sizeof buf, "Written by crmroi from %s. Every figure below is a live formula: "
		"change a blue cell on the Settings, Inputs or Lines sheet and the case recomputes.",
		w->sc->file);
	wb_put_str(w, ws, 1, 0, buf, w->subtitle);
	wb_fmtf(buf, sizeof buf, "Amounts in %s, risk-adjusted: a benefit x (1 - risk), a cost x "
		"(1 + risk); a risk event counts at amount x probability. Initial is month 0 and is "
		"not discounted; %s.%s", s->currency, w->dated ? "dated discounting, as XNPV: every "
		"flow is discounted to start_date by (1 + discount_rate)^(days/365), each period's on "
		"the day it ends and a once line with a date of its own on that day (Dated flows "
		"sheet); IRR is XIRR" : w->mpp == 12 ? "Year k is discounted at its end "
		"by (1 + discount_rate)^k" : "month m is discounted by (1 + discount_rate)^(m/12)",
		tax ? " After tax: tax at tax_rate of each year's profit, depreciation, losses, the tax "
		"lag and salvage as the Tax sheet computes them." : "");
	wb_put_str(w, ws, 2, 0, buf, w->subtitle);
	/* Which benefit classes count (as run says it), and which inputs move months. */
	char tnames[400];
	explain_classes rc;
	size_t ntiming = wb_timing_input_names(w->sc, tnames, sizeof tnames);
	explain_classes_of(w->sc, w->r->c->only_given, 1, &rc);
	buf[0] = '\0';
	if (rc.shown)
		crm_appendf(buf, sizeof buf, "%s.", rc.sentence);
	if (ntiming)
		crm_appendf(buf, sizeof buf, "%s%s %s the months of lines: change %s on the Inputs sheet "
			    "and the Timing sheet moves them, rounded to whole months as crmroi does.",
			    buf[0] ? " " : "", tnames, ntiming == 1 ? "moves" : "move",
			    ntiming == 1 ? "it" : "them");
	wb_put_str(w, ws, 3, 0, buf, w->note);

	row = 4;
	wb_put_str(w, ws, row, 0, "Metric", w->head);
	wb_put_str(w, ws, row, 1, tax ? "Before tax" : "Value", w->head_r);
	if (tax)
		wb_put_str(w, ws, row, 2, "After tax", w->head_r);
	wb_put_str(w, ws, row, c_how, "How it is computed", w->head);
	wb_put_str(w, ws, row, c_note, tax ? "crmroi's note (before tax)" : "crmroi's note", w->head);
	if (tax)
		wb_put_str(w, ws, row, c_note_at, "crmroi's note (after tax)", w->head);
	row++;

	int first = row;
	for (int v = 0; v < w->nviews; v++)
		row = metric_column(w, ws, v, 1 + v, first);
	struct { const char *label; int bold; const char *how; const char *note, *note_at; } rows[] = {
		{ "NPV", 1, w->dated ? "XNPV() of the flows on their days (Dated flows sheet)"
		  : "Initial net + the later net flows x their discount factors", "", "" },
		{ "PV of benefits", 0, "Benefits x discount factors", "", "" },
		{ "PV of costs", 0, "Costs x discount factors", "", "" },
		{ "ROI (TEI)", 1, "NPV / PV of costs", m->roi_note, mt->roi_note },
		{ "Benefit-cost ratio", 0, "PV of benefits / PV of costs", m->bcr_note, mt->bcr_note },
		{ "IRR", 1, NULL, m->irr_note, mt->irr_note },
		{ "MIRR", 0, w->dated ? "Positive flows reinvested at reinvest_rate to the horizon over "
		  "negative ones financed at finance_rate from start_date, on their days (Dated flows "
		  "sheet), to the power 1 / years" : "MIRR() at finance_rate and reinvest_rate",
		  m->mirr_note, mt->mirr_note },
		{ "Payback (months)", 1, "Month after which the cumulative net stays at or above 0 (Cash "
		  "flow sheet, helper rows)", m->payback_note, mt->payback_note },
		{ "Discounted payback (months)", 0, "As payback, on the cumulative present value",
		  m->dpayback_note, mt->dpayback_note },
		{ "Total benefits (undiscounted)", 0, NULL, "", "" },
		{ "Total costs (undiscounted)", 0, NULL, "", "" },
		{ "Peak investment", 0, "Lowest cumulative net cash flow", "", "" },
	};
	wb_fmtf(tmp, sizeof tmp, "%s, starting from crmroi's root %s", w->dated ? "XIRR() of the "
		"flows on their days (Dated flows sheet)" : w->ppy == 12 ? "IRR() of the net flows by "
		"month, annualised as (1 + monthly IRR)^12 - 1" : "IRR() of the net flows",
		m->irr_ok ? "as the guess" : "(none: the discount rate is the guess)");
	for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
		int r = first + (int)k;
		wb_put_str(w, ws, r, 0, rows[k].label, rows[k].bold ? w->label_b : w->text);
		wb_put_str(w, ws, r, c_how, rows[k].how ? rows[k].how : k == 5 ? tmp : NULL, w->note);
		wb_put_str(w, ws, r, c_note, rows[k].note, w->note);
		if (tax)
			wb_put_str(w, ws, r, c_note_at, rows[k].note_at, w->note);
	}
	if (tax) {
		/* Live: a case that pays before tax and not after (or the other way) says so. */
		char b[32], a[32], ref[64];
		wb_cell(b, sizeof b, NULL, first, 1, 0, 0);
		wb_cell(a, sizeof a, NULL, first, 2, 0, 0);
		wb_fmtf(buf, sizeof buf, "=IF((%s>=0)<>(%s>=0),\"After tax, NPV is on the other side of 0 "
			"than before: the decision is not the same\",\"\")", b, a);
		wb_put_formula_str(w, ws, first, c_note_at, buf, (m->npv >= 0) != (mt->npv >= 0) ?
				   "After tax, NPV is on the other side of 0 than before: the decision is not "
				   "the same" : "", w->note);
		wb_put_str(w, ws, row, 0, "Tax paid after the horizon (left out)", w->text);
		wb_cell(ref, sizeof ref, SH_TAX, TX_BEYOND, 1, 1, 1);
		wb_fmtf(buf, sizeof buf, "=%s", ref);
		wb_put_formula(w, ws, row, 2, buf, w->r->c->at.tax_beyond, w->money);
		wb_put_str(w, ws, row++, c_how, "The tax of the horizon's years that would be paid after "
			   "it (tax_lag_years): not in the figures above (Tax sheet)", w->note);
	}
	/* The benefits whose class the metrics leave out, shown apart (Cash flow sheet). */
	int apart = 0;
	for (int c = 0; c < CRM_NCLASSES; c++) {
		if (w->cf_class[c] < 0 || (s->classes & CRM_CLASS_BIT(c)))
			continue;
		char label[96], ref[64];
		if (!apart++)
			wb_put_str(w, ws, row++, 0, "Benefits left out of the metrics, shown apart", w->label_b);
		wb_fmtf(label, sizeof label, "PV of benefits: %s (not in NPV)", crm_class_name((crm_class)c));
		wb_put_str(w, ws, row, 0, label, w->text);
		wb_cell(ref, sizeof ref, SH_CF_REF, w->cf_class[c], cn + 1, 1, 1);
		wb_fmtf(buf, sizeof buf, "=%s", ref);
		wb_put_formula(w, ws, row, 1, buf, w->r->c->cls[c].pv, w->money);
		wb_put_str(w, ws, row++, c_how, "Its lines' present value (Cash flow sheet, Benefits by "
			   "class); their Kind on the Lines sheet is \"benefit, not in NPV\"", w->note);
	}
	int last_metric_row = row;

	/* Charts of the Cash flow sheet. */
	char cats[128], vals[128];
	wb_row_range(cats, sizeof cats, SH_CF_REF, 3, c0, cn);
	lxw_chart *line = workbook_add_chart(w->book, LXW_CHART_LINE);
	lxw_chart *cols = workbook_add_chart(w->book, LXW_CHART_COLUMN);
	if (!line || !cols) {
		wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart");
		return;
	}
	for (int v = 0; v < w->nviews; v++) {
		wb_row_range(vals, sizeof vals, SH_CF_REF, w->view[v].cum, c0, cn);
		lxw_chart_series *sr = chart_add_series(line, cats, vals);
		if (sr)
			chart_series_set_name(sr, v ? "After tax" : tax ? "Before tax"
					      : "Cumulative net cash flow");
	}
	chart_title_set_name(line, "Cumulative net cash flow");
	chart_axis_set_num_format(line->y_axis, "#,##0");
	/* Axis titles: the periods, and the amounts in the case's currency. */
	chart_axis_set_name(line->x_axis, "Period");
	chart_axis_set_name(line->y_axis, s->currency);
	chart_axis_set_name(cols->x_axis, "Period");
	chart_axis_set_name(cols->y_axis, s->currency);
	chart_legend_set_position(line, tax ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
	bar_series(w, cols, cats, w->view[0].costs, "Costs", 0xC0504D);
	bar_series(w, cols, cats, w->view[0].benefits, "Benefits", 0x4F81BD);
	chart_title_set_name(cols, "Costs and benefits per period");
	chart_axis_set_num_format(cols->y_axis, "#,##0");
	chart_legend_set_position(cols, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.4, .y_scale = 1.1 };
	int chart_row = last_metric_row + 1;
	wb_check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)chart_row, 0, line, &opt), "chart");
	wb_check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)(chart_row + 18), 0, cols, &opt), "chart");

	wb_width(w, ws, 0, 30, NULL);
	wb_width(w, ws, 1, 16, NULL);
	if (tax)
		wb_width(w, ws, 2, 16, NULL);
	wb_width(w, ws, c_how, 60, w->wrap);
	wb_width(w, ws, c_note, 60, w->wrap);
	if (tax)
		wb_width(w, ws, c_note_at, 60, w->wrap);
	worksheet_freeze_panes(ws, 5, 0);
	wb_page_setup(w, ws, chart_row + 36, last_col, 4, 4, 1);
}

void wb_sheet_sensitivity(struct wb *w, lxw_worksheet *ws, const crm_tornado_row *rows,
			  size_t nrows)
{
	int row = 4;

	wb_put_str(w, ws, 0, 0, "Sensitivity of NPV (tornado)", w->title);
	wb_put_str(w, ws, 1, 0, "A snapshot of crmroi's result for the scenario as written: these are "
		   "values, not formulas (a spreadsheet cannot recompute a tornado without macros). "
		   "Run crmroi tornado again after changing the scenario.", w->snap);
	const char *heads[] = { "Input or line", "Low", "High", "NPV at low", "NPV at high",
		"Swing" };
	for (int c = 0; c < 6; c++)
		wb_put_str(w, ws, 3, c, heads[c], c ? w->head_r : w->head);
	for (size_t i = 0; i < nrows; i++, row++) {
		const crm_tornado_row *t = &rows[i];
		lxw_format *f = t->param.unit == CRM_UNIT_RATE ? w->rate :
				t->param.unit == CRM_UNIT_MONEY ? w->money : w->num;
		wb_put_str(w, ws, row, 0, t->param.label ? t->param.label : t->param.name, w->text);
		wb_put_num(w, ws, row, 1, t->low, f);
		wb_put_num(w, ws, row, 2, t->high, f);
		if (t->at_low.ok)
			wb_put_num(w, ws, row, 3, t->at_low.v, w->money);
		else
			wb_put_str(w, ws, row, 3, t->at_low.why, w->note);
		if (t->at_high.ok)
			wb_put_num(w, ws, row, 4, t->at_high.v, w->money);
		else
			wb_put_str(w, ws, row, 4, t->at_high.why, w->note);
		if (t->swing_ok)
			wb_put_num(w, ws, row, 5, t->swing, w->money);
	}
	wb_width(w, ws, 0, 34, NULL);
	wb_check(w, worksheet_set_column(ws, 1, 5, 14, NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	wb_page_setup(w, ws, row, 5, 3, 3, 1);
}
