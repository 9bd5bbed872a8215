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

void wb_sheet_cashflow(struct wb *w, lxw_worksheet *ws)
{
	const crm_cashflow *cf = w->cf;
	int n = w->n, row = 3, c0 = 1, cn = 1 + n;
	char buf[1024], a[64], b[64], c[64], d[64], kinds[128], amounts[128];

	wb_put_str(w, ws, 0, 0, "Cash flow", w->title);
	wb_fmtf(buf, sizeof buf, "Initial is month 0 and is not discounted; %s. Every figure is a "
		"formula over the Lines sheet.", w->mpp == 12 ? "Year k is discounted at its end by "
		"(1 + discount_rate)^k" : "month m is discounted by (1 + discount_rate)^(m/12)");
	wb_put_str(w, ws, 1, 0, buf, w->subtitle);
	wb_put_str(w, ws, row, 0, w->sc->settings.currency, w->head);
	for (int p = 0; p <= n; p++) {
		wb_period_label(w, p, buf, sizeof buf);
		wb_put_str(w, ws, row, c0 + p, buf, w->head_r);
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
	wb_put_str(w, ws, w->cf_month, 0, "Month at the end of the period", w->text);
	wb_put_str(w, ws, w->cf_costs, 0, "Costs (risk-adjusted)", w->text);
	wb_put_str(w, ws, w->cf_benefits, 0, "Benefits (risk-adjusted)", w->text);
	wb_put_str(w, ws, w->cf_net, 0, "Net cash flow", w->label_b);
	wb_put_str(w, ws, w->cf_cum, 0, "Cumulative net cash flow", w->text);
	wb_put_str(w, ws, w->cf_df, 0, "Discount factor", w->text);
	wb_put_str(w, ws, w->cf_pv, 0, "Present value of the net cash flow", w->text);
	wb_put_str(w, ws, w->cf_cumpv, 0, "Cumulative present value", w->text);
	for (int p = 0; p <= n; p++) {
		int col = c0 + p, lc = LC_PERIOD0 + p;
		wb_put_num(w, ws, w->cf_month, col, p * w->mpp, w->intg);
		if (w->sc->nlines) {
			wb_cell(a, sizeof a, NULL, w->ln_first, lc, 1, 0);
			wb_cell(b, sizeof b, NULL, w->ln_last, lc, 1, 0);
			wb_fmtf(amounts, sizeof amounts, "%s!%s:%s", SH_LINES, a, b);
			wb_cell(a, sizeof a, NULL, w->ln_first, LC_KIND, 1, 1);
			wb_cell(b, sizeof b, NULL, w->ln_last, LC_KIND, 1, 1);
			wb_fmtf(kinds, sizeof kinds, "%s!%s:%s", SH_LINES, a, b);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"cost\",%s)", kinds, amounts);
			wb_put_formula(w, ws, w->cf_costs, col, buf, cf->costs[p], w->money);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"benefit\",%s)", kinds, amounts);
			wb_put_formula(w, ws, w->cf_benefits, col, buf, cf->benefits[p], w->money);
		} else {
			wb_put_num(w, ws, w->cf_costs, col, 0, w->money);
			wb_put_num(w, ws, w->cf_benefits, col, 0, w->money);
		}
		wb_cell(a, sizeof a, NULL, w->cf_benefits, col, 0, 0);
		wb_cell(b, sizeof b, NULL, w->cf_costs, col, 0, 0);
		wb_fmtf(buf, sizeof buf, "=%s-%s", a, b);
		wb_put_formula(w, ws, w->cf_net, col, buf, cf->net[p], w->money_b);
		running_sum(w, ws, w->cf_cum, w->cf_net, col, p == 0, cf->cumulative[p]);
		wb_cell(a, sizeof a, NULL, w->cf_net, col, 0, 0);
		wb_cell(c, sizeof c, NULL, w->cf_month, col, 0, 0);
		wb_fmtf(buf, sizeof buf, "=(1+discount_rate)^(-%s/12)", c);
		wb_put_formula(w, ws, w->cf_df, col, buf, cf->df[p], w->factor);
		wb_cell(d, sizeof d, NULL, w->cf_df, col, 0, 0);
		wb_fmtf(buf, sizeof buf, "=%s*%s", a, d);
		wb_put_formula(w, ws, w->cf_pv, col, buf, cf->pv_net[p], w->money);
		running_sum(w, ws, w->cf_cumpv, w->cf_pv, col, p == 0, cf->cumulative_pv[p]);
	}

	/* Payback helper rows, for the net cash flow and for its present value. */
	row++;
	wb_put_str(w, ws, row++, 0, "Payback: helper rows", w->label_b);
	wb_put_str(w, ws, row++, 0, "Payback is the month after which the cumulative flow stays at or "
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
		wb_put_str(w, ws, w->cf_tol[k], 0, k ? "Tolerance (discounted): 1e-9 x sum of |present "
			   "value|" : "Tolerance: 1e-9 x sum of |net cash flow|", w->text);
		/*
		 * Sum of |flows| as SUMIF(>0) - SUMIF(<0): SUMPRODUCT(ABS(range)) is an
		 * array formula in Excel but a single cell in Gnumeric.
		 */
		char k_tol[32];
		xlf_number(CRM_PAYBACK_REL_TOL, k_tol, sizeof k_tol);
		wb_row_range(a, sizeof a, NULL, vrow, c0, cn);
		wb_fmtf(buf, sizeof buf, "=%s*(SUMIF(%s,\">0\")-SUMIF(%s,\"<0\"))", k_tol, a, a);
		wb_put_formula(w, ws, w->cf_tol[k], c0, buf, tol, w->num);
		wb_put_str(w, ws, w->cf_z[k], 0, k ? "Cumulative present value, 0 within the tolerance"
			   : "Cumulative net, 0 within the tolerance", w->text);
		wb_put_str(w, ws, w->cf_stay[k], 0, "Stays at or above 0 from here to the end (1 = yes)",
			   w->text);
		wb_put_str(w, ws, w->cf_cross[k], 0, k ? "Discounted payback crossing (month)"
			   : "Payback crossing (month)", w->text);
		char tolref[64];
		wb_cell(tolref, sizeof tolref, NULL, w->cf_tol[k], c0, 1, 1);
		for (int p = 0; p <= n; p++) {
			int col = c0 + p;
			wb_cell(a, sizeof a, NULL, cumrow, col, 0, 0);
			wb_fmtf(buf, sizeof buf, "=IF(ABS(%s)<=%s,0,%s)", a, tolref, a);
			wb_put_formula(w, ws, w->cf_z[k], col, buf, z[p], w->money);
			wb_cell(a, sizeof a, NULL, w->cf_z[k], col, 0, 0);
			wb_cell(b, sizeof b, NULL, w->cf_stay[k], col + 1, 0, 0);
			if (p == n)
				wb_fmtf(buf, sizeof buf, "=IF(%s>=0,1,0)", a);
			else
				wb_fmtf(buf, sizeof buf, "=IF(AND(%s>=0,%s=1),1,0)", a, b);
			wb_put_formula(w, ws, w->cf_stay[k], col, buf, stay[p], w->intg);
			if (p == 0) {
				wb_put_num(w, ws, w->cf_cross[k], col, 0, w->months);
				continue;
			}
			char zp[64], st[64], vv[64];
			wb_cell(zp, sizeof zp, NULL, w->cf_z[k], col - 1, 0, 0);
			wb_cell(st, sizeof st, NULL, w->cf_stay[k], col, 0, 0);
			wb_cell(vv, sizeof vv, NULL, vrow, col, 0, 0);
			wb_fmtf(buf, sizeof buf, "=IF(AND(%s=1,%s<0),IF(%s=0,%d,%d+(-%s)/%s)*%d,0)", st, zp, a,
				p, p - 1, zp, vv, w->mpp);
			wb_put_formula(w, ws, w->cf_cross[k], col, buf, cross[p], w->months);
		}
	}
	row = class_rows_xlsx(w, ws, row);
	wb_width(w, ws, 0, 46, NULL);
	wb_check(w, worksheet_set_column(ws, (lxw_col_t)c0, (lxw_col_t)cn, W_PERIOD, NULL), "column");
	worksheet_freeze_panes(ws, 4, 1);
	wb_check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)row, (lxw_col_t)cn), "print area");
	wb_check(w, worksheet_repeat_columns(ws, 0, 0), "print titles");
	worksheet_set_landscape(ws);
}

/*
 * A metric's formula in column 1 of row, cached as crmroi's value, or when
 * crmroi has none as the text the formula then gives (none).
 */
static void put_metric(struct wb *w, lxw_worksheet *ws, int row, const char *formula, int ok,
		       double v, const char *none, lxw_format *f)
{
	if (ok)
		wb_put_formula(w, ws, row, 1, formula, v, f);
	else
		wb_put_formula_str(w, ws, row, 1, formula, none, f);
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

void wb_sheet_summary(struct wb *w, lxw_worksheet *ws)
{
	const crm_metrics *m = &w->r->c->m;
	const crm_settings *s = &w->sc->settings;
	int n = w->n, c0 = 1, cn = 1 + n, row;
	char buf[2048], net[128], dfr[128], ben[128], cos[128], cum[128], init[64], tmp[256];

	wb_put_str(w, ws, 0, 0, s->title[0] ? s->title : "CRM business case", w->title);
	wb_fmtf(buf, sizeof buf, "Written by crmroi from %s. Every figure below is a live formula: "
		"change a blue cell on the Settings, Inputs or Lines sheet and the case recomputes.",
		w->sc->file);
	wb_put_str(w, ws, 1, 0, buf, w->subtitle);
	wb_fmtf(buf, sizeof buf, "Amounts in %s, risk-adjusted: a benefit x (1 - risk), a cost x "
		"(1 + risk); a risk event counts at amount x probability. Initial is month 0 and is "
		"not discounted; %s.", s->currency, w->mpp == 12 ? "Year k is discounted at its end "
		"by (1 + discount_rate)^k" : "month m is discounted by (1 + discount_rate)^(m/12)");
	wb_put_str(w, ws, 2, 0, buf, w->subtitle);
	char tnames[400];
	size_t ntiming = wb_timing_input_names(w->sc, tnames, sizeof tnames);
	if (ntiming) {
		wb_fmtf(buf, sizeof buf, "Except %s: %s the months of lines, which this workbook holds "
			"at the values of its writing; changing %s on the Inputs sheet changes nothing "
			"here. Run crmroi workbook again (or crmroi sweep --vary) for another month.",
			tnames, ntiming == 1 ? "it moves" : "they move", ntiming == 1 ? "it" : "them");
		wb_put_str(w, ws, 3, 0, buf, w->note);
	}

	row = 4;
	wb_put_str(w, ws, row, 0, "Metric", w->head);
	wb_put_str(w, ws, row, 1, "Value", w->head_r);
	wb_put_str(w, ws, row, 2, "How it is computed", w->head);
	wb_put_str(w, ws, row, 3, "crmroi's note", w->head);
	row++;

	wb_row_range(net, sizeof net, SH_CF_REF, w->cf_net, c0 + 1, cn);
	wb_row_range(dfr, sizeof dfr, SH_CF_REF, w->cf_df, c0 + 1, cn);
	wb_cell(init, sizeof init, SH_CF_REF, w->cf_net, c0, 1, 1);
	char npv_ref[32], pvb_ref[32], pvc_ref[32];
	wb_cell(npv_ref, sizeof npv_ref, NULL, row, 1, 1, 1);
	wb_cell(pvb_ref, sizeof pvb_ref, NULL, row + 1, 1, 1, 1);
	wb_cell(pvc_ref, sizeof pvc_ref, NULL, row + 2, 1, 1, 1);

	wb_put_str(w, ws, row, 0, "NPV", w->label_b);
	wb_fmtf(buf, sizeof buf, "=%s+SUMPRODUCT(%s,%s)", init, net, dfr);
	wb_put_formula(w, ws, row, 1, buf, m->npv, w->money);
	wb_put_str(w, ws, row++, 2, "Initial net + the later net flows x their discount factors",
		   w->note);

	wb_row_range(ben, sizeof ben, SH_CF_REF, w->cf_benefits, c0, cn);
	wb_row_range(cos, sizeof cos, SH_CF_REF, w->cf_costs, c0, cn);
	wb_row_range(dfr, sizeof dfr, SH_CF_REF, w->cf_df, c0, cn);
	wb_put_str(w, ws, row, 0, "PV of benefits", w->text);
	wb_fmtf(buf, sizeof buf, "=SUMPRODUCT(%s,%s)", ben, dfr);
	wb_put_formula(w, ws, row, 1, buf, m->pv_benefits, w->money);
	wb_put_str(w, ws, row++, 2, "Benefits x discount factors", w->note);
	wb_put_str(w, ws, row, 0, "PV of costs", w->text);
	wb_fmtf(buf, sizeof buf, "=SUMPRODUCT(%s,%s)", cos, dfr);
	wb_put_formula(w, ws, row, 1, buf, m->pv_costs, w->money);
	wb_put_str(w, ws, row++, 2, "Costs x discount factors", w->note);

	wb_put_str(w, ws, row, 0, "ROI (TEI)", w->label_b);
	wb_fmtf(buf, sizeof buf, "=IF(%s>0,%s/%s,\"undefined\")", pvc_ref, npv_ref, pvc_ref);
	put_metric(w, ws, row, buf, m->roi_ok, m->roi, "undefined", w->rate);
	wb_put_str(w, ws, row, 2, "NPV / PV of costs", w->note);
	wb_put_str(w, ws, row++, 3, m->roi_note, w->note);

	wb_put_str(w, ws, row, 0, "Benefit-cost ratio", w->text);
	wb_fmtf(buf, sizeof buf, "=IF(%s>0,%s/%s,\"undefined\")", pvc_ref, pvb_ref, pvc_ref);
	put_metric(w, ws, row, buf, m->bcr_ok, m->bcr, "undefined", w->factor);
	wb_put_str(w, ws, row, 2, "PV of benefits / PV of costs", w->note);
	wb_put_str(w, ws, row++, 3, m->bcr_note, w->note);

	/* IRR on the period flows, annualised; the engine's root is the guess. */
	wb_row_range(net, sizeof net, SH_CF_REF, w->cf_net, c0, cn);
	double guess = pow(1 + (m->irr_ok ? m->irr_value : s->discount_rate), 1.0 / w->ppy) - 1;
	char g[64];
	xlf_number(guess, g, sizeof g);
	wb_put_str(w, ws, row, 0, "IRR", w->label_b);
	if (w->ppy == 1)
		wb_fmtf(buf, sizeof buf, "=IFERROR(IRR(%s,%s),\"no IRR\")", net, g);
	else
		wb_fmtf(buf, sizeof buf, "=IFERROR((1+IRR(%s,%s))^%d-1,\"no IRR\")", net, g, w->ppy);
	put_metric(w, ws, row, buf, m->irr_ok, m->irr_value, "no IRR", w->rate);
	wb_fmtf(tmp, sizeof tmp, "IRR() of the net flows%s, starting from crmroi's root %s",
		w->ppy == 12 ? " by month, annualised as (1 + monthly IRR)^12 - 1" : "",
		m->irr_ok ? "as the guess" : "(none: the discount rate is the guess)");
	wb_put_str(w, ws, row, 2, tmp, w->note);
	wb_put_str(w, ws, row++, 3, m->irr_note, w->note);

	wb_put_str(w, ws, row, 0, "MIRR", w->text);
	if (w->ppy == 1)
		wb_fmtf(buf, sizeof buf, "=IFERROR(MIRR(%s,finance_rate,reinvest_rate),\"no MIRR\")", net);
	else
		wb_fmtf(buf, sizeof buf, "=IFERROR((1+MIRR(%s,(1+finance_rate)^(1/%d)-1,"
			"(1+reinvest_rate)^(1/%d)-1))^%d-1,\"no MIRR\")", net, w->ppy, w->ppy, w->ppy);
	put_metric(w, ws, row, buf, m->mirr_ok, m->mirr, "no MIRR", w->rate);
	wb_put_str(w, ws, row, 2, "MIRR() at finance_rate and reinvest_rate", w->note);
	wb_put_str(w, ws, row++, 3, m->mirr_note, w->note);

	for (int k = 0; k < 2; k++) {
		const crm_payback *pb = k ? &m->dpayback : &m->payback;
		char st[64], cr[128];
		wb_cell(st, sizeof st, SH_CF_REF, w->cf_stay[k], cn, 1, 1);
		wb_row_range(cr, sizeof cr, SH_CF_REF, w->cf_cross[k], c0, cn);
		wb_put_str(w, ws, row, 0, k ? "Discounted payback (months)" : "Payback (months)",
			   k ? w->text : w->label_b);
		wb_fmtf(buf, sizeof buf, "=IF(%s=0,\"not reached\",SUM(%s))", st, cr);
		put_metric(w, ws, row, buf, pb->status == CRM_PAYBACK_REACHED, pb->months, "not reached",
			   w->months);
		wb_put_str(w, ws, row, 2, k ? "As payback, on the cumulative present value"
			   : "Month after which the cumulative net stays at or above 0 (Cash flow sheet, "
			   "helper rows)", w->note);
		wb_put_str(w, ws, row++, 3, k ? m->dpayback_note : m->payback_note, w->note);
	}

	wb_put_str(w, ws, row, 0, "Total benefits (undiscounted)", w->text);
	wb_fmtf(buf, sizeof buf, "=SUM(%s)", ben);
	wb_put_formula(w, ws, row++, 1, buf, m->total_benefits, w->money);
	wb_put_str(w, ws, row, 0, "Total costs (undiscounted)", w->text);
	wb_fmtf(buf, sizeof buf, "=SUM(%s)", cos);
	wb_put_formula(w, ws, row++, 1, buf, m->total_costs, w->money);
	wb_row_range(cum, sizeof cum, SH_CF_REF, w->cf_cum, c0, cn);
	wb_put_str(w, ws, row, 0, "Peak investment", w->text);
	wb_fmtf(buf, sizeof buf, "=MIN(0,MIN(%s))", cum);
	wb_put_formula(w, ws, row, 1, buf, m->peak_investment, w->money);
	wb_put_str(w, ws, row++, 2, "Lowest cumulative net cash flow", w->note);
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
	wb_row_range(vals, sizeof vals, SH_CF_REF, w->cf_cum, c0, cn);
	lxw_chart_series *sr = chart_add_series(line, cats, vals);
	if (sr)
		chart_series_set_name(sr, "Cumulative net cash flow");
	chart_title_set_name(line, "Cumulative net cash flow");
	chart_axis_set_num_format(line->y_axis, "#,##0");
	chart_legend_set_position(line, LXW_CHART_LEGEND_NONE);
	bar_series(w, cols, cats, w->cf_costs, "Costs", 0xC0504D);
	bar_series(w, cols, cats, w->cf_benefits, "Benefits", 0x4F81BD);
	chart_title_set_name(cols, "Costs and benefits per period");
	chart_axis_set_num_format(cols->y_axis, "#,##0");
	chart_legend_set_position(cols, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.4, .y_scale = 1.1 };
	int chart_row = last_metric_row + 1;
	wb_check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)chart_row, 0, line, &opt), "chart");
	wb_check(w, worksheet_insert_chart_opt(ws, (lxw_row_t)(chart_row + 18), 0, cols, &opt), "chart");

	wb_width(w, ws, 0, 30, NULL);
	wb_width(w, ws, 1, 16, NULL);
	wb_width(w, ws, 2, 60, w->wrap);
	wb_width(w, ws, 3, 60, w->wrap);
	worksheet_freeze_panes(ws, 5, 0);
	wb_check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)(chart_row + 36), 3), "print area");
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
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
		lxw_format *f = t->param.unit == CRM_UNIT_RATE ? w->rate : w->num;
		wb_put_str(w, ws, row, 0, t->param.name, w->text);
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
	wb_check(w, worksheet_print_area(ws, 0, 0, (lxw_row_t)row, 5), "print area");
	worksheet_fit_to_pages(ws, 1, 0);
}
