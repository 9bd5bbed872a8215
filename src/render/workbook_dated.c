/*
 * workbook_dated.c - dated discounting in the workbook (discounting=dated):
 * the Dated flows sheet, one row per flow on its day, as a finance team lays
 * out XNPV and XIRR: each period's net flow on the day the period ends (the
 * Cash flow sheet's date, EDATE of start_date), and each once line paid on a
 * day of its own (its date column) as a flow of its own, taken out of its
 * period's net; days and years (days / 365) from the investment date, the
 * discount factor (1 + discount_rate)^(-years), the present value, and the
 * parts of MIRR (a positive flow reinvested at reinvest_rate to the horizon,
 * a negative one financed at finance_rate from the investment date), before
 * tax and after. The Summary's NPV is XNPV and its IRR XIRR over these rows.
 *
 * As crmroi does it (src/core/model.c, metrics.c, crmroi-scenario(5) DATED
 * CASH FLOWS); nothing here computes a metric, and the cached values are the
 * case's flows on their days.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double wb_date_serial(int year, int month, int day)
{
	/* 1970-01-01 is serial 25569 in the 1900 date system. */
	return (double)crm_date_days(year, month, day) + 25569.0;
}

int wb_line_period(const struct wb *w, size_t l)
{
	int start = w->sc->lines[l].start;

	return start == 0 ? 0 : (start + w->mpp - 1) / w->mpp;
}

/* The signed amount of line l paid on its own day: a benefit comes in, a cost goes out. */
static double line_flow(const struct wb *w, size_t l)
{
	double a = w->cf->amount[l * w->np + (size_t)wb_line_period(w, l)];

	return w->sc->lines[l].kind == CRM_COST ? -a : a;
}

void wb_dated_rows(struct wb *w)
{
	int row = DT_FIRST + w->n + 1;

	for (size_t l = 0; l < w->sc->nlines; l++) {
		const crm_line *ln = &w->sc->lines[l];
		/* A line dated after the horizon adds nothing (its period is past the last): no row. */
		w->dt_row[l] = w->dated && ln->date_year && wb_line_period(w, l) <= w->n &&
			       crm_case_line_counted(w->r->c, l) ? row++ : -1;
	}
	w->dt_last = row - 1;
}

int wb_dated_adjust(const struct wb *w, crm_line_kind kind, char *buf, size_t len, double *cached)
{
	size_t at = 0;

	buf[0] = '\0';
	*cached = 0;
	for (size_t l = 0; l < w->sc->nlines; l++) {
		if (w->dt_row[l] < 0 || w->sc->lines[l].kind != kind)
			continue;
		int p = wb_line_period(w, l);
		char a[64], d[64], dp[64];
		wb_cell(a, sizeof a, SH_LINES, w->lrow[l], LC_PERIOD0 + p, 1, 1);
		wb_cell(d, sizeof d, SH_DATED_REF, w->dt_row[l], DC_DF, 1, 1);
		wb_cell(dp, sizeof dp, SH_CF_REF, w->cf_df, 1 + p, 1, 1);
		int k = snprintf(buf + at, len - at, "+%s*(%s-%s)", a, d, dp);
		if (k < 0 || (size_t)k >= len - at) {
			buf[0] = '\0';
			return -1;
		}
		at += (size_t)k;
		*cached += w->cf->amount[l * w->np + (size_t)p] * (w->cf->line_df[l] - w->cf->df[p]);
	}
	return 0;
}

/*
 * A flow's row: its days, years, discount factor and present values from its
 * date; the cached values are added to the columns' sums.
 */
static void flow_row(struct wb *w, lxw_worksheet *ws, int row, double days, double df, double net,
		     double net_at, double horizon, double *sum)
{
	const crm_settings *s = &w->sc->settings;
	char buf[512], c[64], d[64], e[64], f[64], t[64];

	wb_cell(c, sizeof c, NULL, row, DC_DATE, 0, 1);
	wb_fmtf(buf, sizeof buf, "=%s-start_date", c);
	wb_put_formula(w, ws, row, DC_DAYS, buf, days, w->intg);
	wb_cell(c, sizeof c, NULL, row, DC_DAYS, 0, 1);
	wb_fmtf(buf, sizeof buf, "=%s/365", c);
	wb_put_formula(w, ws, row, DC_YEARS, buf, days / 365.0, w->factor);
	wb_cell(d, sizeof d, NULL, row, DC_YEARS, 0, 1);
	wb_fmtf(buf, sizeof buf, "=(1+discount_rate)^(-%s)", d);
	wb_put_formula(w, ws, row, DC_DF, buf, df, w->factor);
	wb_cell(e, sizeof e, NULL, row, DC_DF, 0, 1);
	wb_cell(t, sizeof t, NULL, DT_FIRST + w->n, DC_YEARS, 1, 1);
	for (int v = 0; v < w->nviews; v++) {
		int cn = v ? DC_NET_AT : DC_NET;
		double x = v ? net_at : net;
		double pv = x * df;
		double fv = x > 0 ? x * pow(1 + s->reinvest_rate, horizon - days / 365.0) : 0;
		double fin = x < 0 ? x * pow(1 + s->finance_rate, -days / 365.0) : 0;
		wb_cell(f, sizeof f, NULL, row, cn, 0, 1);
		wb_fmtf(buf, sizeof buf, "=%s*%s", f, e);
		wb_put_formula(w, ws, row, cn + 1, buf, pv, w->money);
		wb_fmtf(buf, sizeof buf, "=IF(%s>0,%s*(1+reinvest_rate)^(%s-%s),0)", f, f, t, d);
		wb_put_formula(w, ws, row, cn + 2, buf, fv, w->money);
		wb_fmtf(buf, sizeof buf, "=IF(%s<0,%s*(1+finance_rate)^(-%s),0)", f, f, d);
		wb_put_formula(w, ws, row, cn + 3, buf, fin, w->money);
		sum[cn] += x;
		sum[cn + 1] += pv;
		sum[cn + 2] += fv;
		sum[cn + 3] += fin;
	}
}

void wb_sheet_dated(struct wb *w, lxw_worksheet *ws)
{
	const crm_scenario *sc = w->sc;
	const crm_cashflow *cf = w->cf, *at = w->nviews > 1 ? w->r->c->at.cf : NULL;
	int last_col = w->nviews > 1 ? DC_FINANCE_AT : DC_FINANCE;
	double d0 = wb_date_serial(sc->settings.start_year, sc->settings.start_month,
				   sc->settings.start_day ? sc->settings.start_day : 1);
	double horizon = cf->t_years[w->n];
	double sum[DC_FINANCE_AT + 1] = { 0 };
	char buf[2048], a[64], lbl[400];

	wb_put_str(w, ws, 0, 0, "Dated flows (XNPV, XIRR)", w->title);
	wb_put_str(w, ws, 1, 0, "Every flow is discounted to the investment date (start_date, "
		   "Settings) by (1 + discount_rate)^(days / 365), as XNPV does: each period's net flow "
		   "on the day the period ends (the Cash flow sheet's dates), and a once line paid on a "
		   "day of its own at that day, taken out of its period's net. The Summary's NPV is "
		   "XNPV and its IRR XIRR of these flows; its MIRR reinvests the positive flows at "
		   "reinvest_rate to the end of the horizon and finances the negative ones at "
		   "finance_rate from the investment date.", w->subtitle);
	wb_put_str(w, ws, 2, 0, "The period a dated line falls in, and the period labels, are fixed "
		   "when the workbook is written; changing start_date or a line's date moves its "
		   "discounting, not its period.", w->note);
	static const char *const heads[] = { "Flow", "Date", "Days", "Years", "Discount factor",
		"Net flow", "Present value", "Positive flows at the horizon (MIRR)",
		"Negative flows at the start (MIRR)", "Net flow after tax", "Present value after tax",
		"Positive flows at the horizon after tax", "Negative flows at the start after tax" };
	for (int c = 0; c <= last_col; c++)
		wb_put_str(w, ws, DT_HEAD, c, heads[c], c ? w->head_r : w->head);

	/* Each period's net on the day it ends, less its lines paid on days of their own. */
	for (int p = 0; p <= w->n; p++) {
		int row = DT_FIRST + p;
		double own = 0;
		char terms[1024] = "";
		size_t len = 0;
		for (size_t l = 0; l < sc->nlines; l++) {
			if (w->dt_row[l] < 0 || wb_line_period(w, l) != p)
				continue;
			own += line_flow(w, l);
			wb_cell(a, sizeof a, NULL, w->dt_row[l], DC_NET, 0, 1);
			int k = snprintf(terms + len, sizeof terms - len, "-%s", a);
			if (k > 0 && (size_t)k < sizeof terms - len)
				len += (size_t)k;
		}
		wb_period_label(w, p, lbl, sizeof lbl);
		wb_put_str(w, ws, row, DC_FLOW, lbl, w->text);
		wb_cell(a, sizeof a, SH_CF_REF, w->cf_date, 1 + p, 0, 0);
		wb_fmtf(buf, sizeof buf, "=%s", a);
		double days = round(cf->t_years[p] * 365.0);   /* a whole number of days */
		wb_put_formula(w, ws, row, DC_DATE, buf, d0 + days, w->date);
		for (int v = 0; v < w->nviews; v++) {
			wb_cell(a, sizeof a, SH_CF_REF, w->view[v].net, 1 + p, 0, 0);
			wb_fmtf(buf, sizeof buf, "=%s%s", a, terms);
			wb_put_formula(w, ws, row, v ? DC_NET_AT : DC_NET, buf,
				       (v ? at->net[p] : cf->net[p]) - own, w->money);
		}
		flow_row(w, ws, row, days, cf->df[p], cf->net[p] - own, at ? at->net[p] - own : 0,
			 horizon, sum);
	}
	/* The lines paid on days of their own: their amounts on the Lines sheet, out or in. */
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		int row = w->dt_row[l];
		if (row < 0)
			continue;
		double day = wb_date_serial(ln->date_year, ln->date_month, ln->date_day);
		wb_fmtf(lbl, sizeof lbl, "%s (%s, its own day)", ln->label, ln->kind == CRM_COST ? "cost"
			: "benefit");
		wb_put_str(w, ws, row, DC_FLOW, lbl, w->text);
		wb_put_num(w, ws, row, DC_DATE, day, w->date);
		wb_cell(a, sizeof a, SH_LINES, w->lrow[l], LC_PERIOD0 + wb_line_period(w, l), 0, 0);
		wb_fmtf(buf, sizeof buf, ln->kind == CRM_COST ? "=-%s" : "=%s", a);
		for (int v = 0; v < w->nviews; v++)
			wb_put_formula(w, ws, row, v ? DC_NET_AT : DC_NET, buf, line_flow(w, l), w->money);
		flow_row(w, ws, row, day - d0, cf->line_df[l], line_flow(w, l), line_flow(w, l), horizon,
			 sum);
	}

	/* The sums: the present values' are the NPV. */
	int row = w->dt_last + 1;
	wb_put_str(w, ws, row, DC_FLOW, "Total (the present values: NPV)", w->label_b);
	for (int c = DC_NET; c <= last_col; c++) {
		char from[32], to[32];
		wb_cell(from, sizeof from, NULL, DT_FIRST, c, 0, 0);
		wb_cell(to, sizeof to, NULL, w->dt_last, c, 0, 0);
		wb_fmtf(buf, sizeof buf, "=SUM(%s:%s)", from, to);
		wb_put_formula(w, ws, row, c, buf, sum[c], w->money_b);
	}

	wb_width(w, ws, DC_FLOW, 34, NULL);
	wb_width(w, ws, DC_DATE, 12, NULL);
	wb_width(w, ws, DC_DAYS, 8, NULL);
	wb_width(w, ws, DC_YEARS, 10, NULL);
	wb_width(w, ws, DC_DF, 10, NULL);
	wb_check(w, worksheet_set_column(ws, DC_NET, (lxw_col_t)last_col, 16, NULL), "column");
	worksheet_freeze_panes(ws, DT_HEAD + 1, 1);
	wb_page_setup(w, ws, row, last_col, DT_HEAD, DT_HEAD, 1);
}
