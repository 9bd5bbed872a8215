/*
 * workbook_tax.c - the after-tax view of the workbook: the settings of tax as
 * named cells, and the Tax sheet, year by year, as formulas:
 *   benefits and costs of the year (the Cash flow sheet's periods summed),
 *   capitalised spending (each capitalised cost's lines of spending), the
 *   expensed costs, profit before depreciation, depreciation (each asset's
 *   row: SLN, SYD or VDB with declining_factor), taxable profit, the losses
 *   used and carried (tax_losses), the tax of the year (tax_rate), the tax
 *   paid tax_lag_years later, the salvage received at the end of an asset's
 *   life, and the tax of the horizon's years paid after it, left out.
 * The conventions are crmroi-scenario(5)'s (AFTER TAX), as src/core/aftertax.c
 * applies them: tax years are the horizon's years, the Initial column is in
 * Year 1, a capitalised cost is an asset booked in the year it is paid in
 * (one per year's spending of a recurring cost), depreciated for whole years
 * from that year; depreciation after the horizon is left out.
 *
 * Not the after-tax cash flow by period nor its metrics: those are rows of
 * the Cash flow and Summary sheets (workbook_results.c), which read the tax
 * paid and the salvage here. Every cached value is the case's
 * (crm_case.at), or a sum of its figures; an asset's depreciation is
 * crm_depreciation_schedule's.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

/* The column of year y (1-based) of the horizon, of the total, and of the row's tag. */
static int col_year(int y) { return y; }
static int col_total(const struct wb *w) { return 1 + w->sc->settings.horizon_years; }
static int col_tag(const struct wb *w) { return 2 + w->sc->settings.horizon_years; }

/* The periods of year y: the Initial column belongs to Year 1. */
static int first_period(const struct wb *w, int y) { return y == 1 ? 0 : (y - 1) * w->ppy + 1; }
static int last_period(const struct wb *w, int y) { return y * w->ppy; }

static void define_name(struct wb *w, const char *name, int row)
{
	char ref[64], buf[96];

	wb_cell(ref, sizeof ref, SH_SETTINGS, row, 1, 1, 1);
	wb_fmtf(buf, sizeof buf, "=%s", ref);
	wb_check(w, workbook_define_name(w->book, name, buf), "defined name");
}

int wb_settings_tax(struct wb *w, lxw_worksheet *ws, int row)
{
	const crm_settings *s = &w->sc->settings;
	int r;

	wb_put_str(w, ws, row, 0, "tax_rate", w->text);
	wb_put_num(w, ws, row, 1, s->tax_rate, w->rate_in);
	wb_put_str(w, ws, row, 2, "tax_rate", w->text);
	wb_put_str(w, ws, row, 3, "Tax on each year's profit (Tax sheet); the after-tax figures are "
		   "beside the before-tax ones on the Summary", w->note);
	define_name(w, "tax_rate", row++);

	wb_put_str(w, ws, row, 0, "tax_lag_years", w->text);
	wb_put_num(w, ws, row, 1, s->tax_lag_years, w->intg_in);
	wb_put_str(w, ws, row, 2, "tax_lag_years", w->text);
	wb_put_str(w, ws, row, 3, "Whole years from a year's profit to the payment of its tax, at the "
		   "end of a year (0: the same year); tax paid after the horizon is left out", w->note);
	define_name(w, "tax_lag_years", row++);

	r = row++;
	wb_put_str(w, ws, r, 0, "tax_losses", w->text);
	wb_put_str(w, ws, r, 1, s->tax_losses == CRM_LOSSES_OFFSET ? "offset" : "carry_forward",
		   w->text_in);
	wb_put_str(w, ws, r, 2, "tax_losses", w->text);
	wb_put_str(w, ws, r, 3, "offset: a loss lowers the company's other taxable profit (a negative "
		   "tax); carry_forward: a loss is set against the project's later profits only", w->note);
	define_name(w, "tax_losses", r);
	static char offset[] = "offset", carry[] = "carry_forward";
	char *choices[] = { offset, carry, NULL };
	lxw_data_validation dv = { .validate = LXW_VALIDATION_TYPE_LIST, .value_list = choices };
	wb_check(w, worksheet_data_validation_cell(ws, (lxw_row_t)r, 1, &dv), "validation");

	wb_put_str(w, ws, row, 0, "declining_factor", w->text);
	wb_put_num(w, ws, row, 1, s->declining_factor, w->num_in);
	wb_put_str(w, ws, row, 2, "declining_factor", w->text);
	wb_put_str(w, ws, row, 3, "Declining-balance depreciation at declining_factor / life of the "
		   "book value, switching to straight line (VDB)", w->note);
	define_name(w, "declining_factor", row++);
	return row;
}

/* How a method is written, and the spreadsheet function that computes it. */
static const char *method_text(crm_depreciation d)
{
	return d == CRM_DEPR_SYD ? "syd (SYD)" : d == CRM_DEPR_DECLINING ? "declining (VDB)"
	       : "straight (SLN)";
}

/*
 * The years an asset of capitalised cost l may be booked in: those in which
 * the line has an active period; every year when its months follow inputs
 * (changing them in the workbook may move its spending).
 */
static void booking_years(const struct wb *w, size_t l, char *in)
{
	const crm_model *m = w->r->c->model;
	int h = w->sc->settings.horizon_years;
	int any_year = crm_line_has_timing_formula(&w->sc->lines[l]);

	for (int y = 1; y <= h; y++) {
		in[y] = (char)any_year;
		for (int p = first_period(w, y); p <= last_period(w, y) && !in[y]; p++)
			in[y] = crm_model_line_timing(m, l, p) != 0;
	}
}

/* A row's total in the Total column: the sum of its years. */
static void put_total(struct wb *w, lxw_worksheet *ws, int row, double cached)
{
	char range[64], buf[96];

	wb_row_range(range, sizeof range, NULL, row, col_year(1), col_year(w->sc->settings.horizon_years));
	wb_fmtf(buf, sizeof buf, "=SUM(%s)", range);
	wb_put_formula(w, ws, row, col_total(w), buf, cached, w->money_b);
}

/*
 * The block of capitalised cost l from row: its spending per year, one row
 * per asset (a year's spending) with its depreciation, and the salvage it
 * gives back. prm is the row of its parameters. Returns the next free row.
 */
static int capital_block(struct wb *w, lxw_worksheet *ws, size_t l, int prm, int row,
			 double *spend, double *sched, char *years)
{
	const crm_scenario *sc = w->sc;
	const crm_line *ln = &sc->lines[l];
	int h = sc->settings.horizon_years;
	double salvage = ln->salvage_given ? ln->salvage * ln->probability : 0;
	char buf[512], a[64], b[64], lbl[400], spend_ref[64], salv[64], life[64], ylab[48];
	int spend_row = row;

	/* Spending: the line's amounts on the Lines sheet, summed over each year's periods. */
	wb_fmtf(lbl, sizeof lbl, "%s: spending", ln->label);
	wb_put_str(w, ws, row, 0, lbl, w->text);
	wb_put_str(w, ws, row, col_tag(w), "spending", w->note);
	double total = 0;
	for (int y = 1; y <= h; y++) {
		spend[y] = 0;
		for (int p = first_period(w, y); p <= last_period(w, y); p++)
			spend[y] += w->cf->amount[l * w->np + (size_t)p];
		total += spend[y];
		wb_cell(a, sizeof a, SH_LINES, w->lrow[l], LC_PERIOD0 + first_period(w, y), 0, 0);
		wb_cell(b, sizeof b, NULL, w->lrow[l], LC_PERIOD0 + last_period(w, y), 0, 0);
		wb_fmtf(buf, sizeof buf, "=SUM(%s:%s)", a, b);
		wb_put_formula(w, ws, row, col_year(y), buf, spend[y], w->money);
	}
	put_total(w, ws, row, total);
	row++;

	wb_cell(salv, sizeof salv, NULL, prm, 5, 1, 1);
	wb_cell(life, sizeof life, NULL, prm, 2, 1, 1);
	booking_years(w, l, years);
	for (int y0 = 1; y0 <= h; y0++) {
		if (!years[y0])
			continue;
		calendar_year_label(&sc->settings, y0, ylab, sizeof ylab);
		wb_fmtf(lbl, sizeof lbl, "%s: asset of %s", ln->label, ylab);
		wb_put_str(w, ws, row, 0, lbl, w->text);
		wb_put_str(w, ws, row, col_tag(w), "depreciation", w->note);
		if (spend[y0] != 0)
			crm_depreciation_schedule(spend[y0], salvage, ln->life, ln->depreciation,
						  sc->settings.declining_factor, sched);
		wb_cell(spend_ref, sizeof spend_ref, NULL, spend_row, col_year(y0), 1, 1);
		total = 0;
		for (int y = y0; y <= h; y++) {
			int k = y - y0 + 1;   /* the year of the asset's life */
			double v = spend[y0] != 0 && k <= ln->life ? sched[k - 1] : 0;
			if (ln->depreciation == CRM_DEPR_STRAIGHT)
				wb_fmtf(buf, sizeof buf, "=IF(OR(%s=0,%d>%s),0,SLN(%s,%s,%s))", spend_ref, k,
					life, spend_ref, salv, life);
			else if (ln->depreciation == CRM_DEPR_SYD)
				wb_fmtf(buf, sizeof buf, "=IF(OR(%s=0,%d>%s),0,SYD(%s,%s,%s,%d))", spend_ref,
					k, life, spend_ref, salv, life, k);
			else
				wb_fmtf(buf, sizeof buf, "=IF(OR(%s=0,%d>%s),0,VDB(%s,%s,%s,%d,%d,"
					"declining_factor))", spend_ref, k, life, spend_ref, salv, life, k - 1, k);
			wb_put_formula(w, ws, row, col_year(y), buf, v, w->money);
			total += v;
		}
		put_total(w, ws, row, total);
		row++;
	}

	/* The salvage of an asset booked in year b comes back at the end of year b + life - 1. */
	wb_fmtf(lbl, sizeof lbl, "%s: salvage received", ln->label);
	wb_put_str(w, ws, row, 0, lbl, w->text);
	wb_put_str(w, ws, row, col_tag(w), "salvage", w->note);
	wb_row_range(a, sizeof a, NULL, spend_row, col_year(1), col_year(h));
	wb_row_range(b, sizeof b, NULL, TX_YEAR, col_year(1), col_year(h));
	total = 0;
	for (int y = 1; y <= h; y++) {
		int y0 = y - ln->life + 1;
		double v = y0 >= 1 && spend[y0] != 0 ? salvage : 0;
		char yr[32];
		wb_cell(yr, sizeof yr, NULL, TX_YEAR, col_year(y), 1, 0);
		wb_fmtf(buf, sizeof buf, "=SUMPRODUCT((%s<>0)*(%s+%s-1=%s))*%s", a, b, life, yr, salv);
		wb_put_formula(w, ws, row, col_year(y), buf, v, w->money);
		total += v;
	}
	put_total(w, ws, row, total);
	return row + 2;
}

void wb_sheet_tax(struct wb *w, lxw_worksheet *ws)
{
	const crm_scenario *sc = w->sc;
	const crm_after_tax *at = &w->r->c->at;
	int h = sc->settings.horizon_years, nl_cap = 0;
	char buf[1024], a[64], b[64], c[64], d[64], ylab[48];
	double *spend = calloc((size_t)h + 2, sizeof *spend);
	double *sched = calloc(CRM_MAX_HORIZON_YEARS + 1, sizeof *sched);
	char *years = calloc((size_t)h + 2, 1);
	int *prm = calloc(sc->nlines + 1, sizeof *prm);

	if (!spend || !sched || !years || !prm) {
		wb_check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "tax sheet");
		goto done;
	}
	for (size_t l = 0; l < sc->nlines; l++)
		nl_cap += sc->lines[l].kind == CRM_COST && sc->lines[l].capitalise;

	wb_put_str(w, ws, 0, 0, "After tax", w->title);
	wb_put_str(w, ws, 1, 0, "Tax at tax_rate of each year's profit: benefits - expensed costs - "
		   "depreciation of capitalised costs, risk-adjusted as the cash flows are (the Cash flow "
		   "sheet's years; the Initial column belongs to Year 1). With tax_losses = offset a loss "
		   "lowers the company's other profit (a negative tax, a saving); with carry_forward it "
		   "is set against the project's later profits only. The tax of a year is paid "
		   "tax_lag_years later at the end of a year; tax that would be paid after the horizon is "
		   "left out. A capitalised cost is an asset booked in the year it is paid in (a recurring "
		   "one, an asset per year), depreciated for whole years from that year; depreciation "
		   "after the horizon is left out, and its salvage comes back, untaxed, at the end of its "
		   "life. Tax paid and salvage reach the after-tax rows of the Cash flow sheet.",
		   w->subtitle);
	wb_put_str(w, ws, 2, 0, "crmroi refuses a salvage above a year's capitalised spending (the "
		   "Check column says so here) and a life that is not a whole number of years from 1 to "
		   "50; the workbook does not stop you.", w->note);
	wb_put_str(w, ws, TX_HEAD, 0, sc->settings.currency, w->head);
	for (int y = 1; y <= h; y++) {
		calendar_year_label(&sc->settings, y, ylab, sizeof ylab);
		wb_put_str(w, ws, TX_HEAD, col_year(y), ylab, w->head_r);
		wb_put_num(w, ws, TX_YEAR, col_year(y), y, w->intg);
	}
	wb_put_str(w, ws, TX_HEAD, col_total(w), "Total", w->head_r);
	wb_put_str(w, ws, TX_YEAR, 0, "Year of the horizon", w->note);

	static const struct { int row; const char *label; } labels[] = {
		{ TX_BENEFITS, "Benefits counted in the metrics (Cash flow)" },
		{ TX_COSTS, "Costs (Cash flow)" },
		{ TX_CAPITALISED, "Capitalised spending" },
		{ TX_EXPENSED, "Expensed costs" },
		{ TX_PROFIT, "Profit before depreciation" },
		{ TX_DEPRECIATION, "Depreciation" },
		{ TX_TAXABLE, "Taxable profit" },
		{ TX_LOSS_USED, "Losses of earlier years used" },
		{ TX_LOSS_CARRIED, "Losses carried forward at the end of the year" },
		{ TX_TAX, "Tax of the year" },
		{ TX_PAID, "Tax paid" },
		{ TX_SALVAGE, "Salvage received (untaxed)" },
		{ TX_BEYOND, "Tax of the horizon's years paid after it (left out)" },
	};
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
		wb_put_str(w, ws, labels[k].row, 0, labels[k].label,
			   labels[k].row == TX_TAX || labels[k].row == TX_PAID ? w->label_b : w->text);

	/* The capitalised costs: their parameters, then a block each. */
	int row = TX_CAPITAL, first_block = 0, last_block = 0;
	if (nl_cap) {
		static const char *const heads[] = { "Capitalised cost", "Depreciation", "Life (years)",
			"Salvage", "Probability", "Salvage counted", "Check" };
		wb_put_str(w, ws, row++, 0, "Capitalised costs: an asset per year's spending, "
			   "depreciated from that year", w->label_b);
		for (int k = 0; k < 7; k++)
			wb_put_str(w, ws, row, k, heads[k], k >= 2 && k <= 5 ? w->head_r : w->head);
		row++;
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (ln->kind != CRM_COST || !ln->capitalise)
				continue;
			prm[l] = row++;
			wb_put_str(w, ws, prm[l], 0, ln->label, w->text);
			wb_put_str(w, ws, prm[l], 1, method_text(ln->depreciation), w->text);
			wb_put_num(w, ws, prm[l], 2, ln->life, w->intg_in);
			wb_put_num(w, ws, prm[l], 3, ln->salvage_given ? ln->salvage : 0, w->money_in);
			wb_cell(a, sizeof a, SH_LINES, w->lrow[l], LC_PROB, 1, 1);
			wb_fmtf(buf, sizeof buf, "=%s", a);
			wb_put_formula(w, ws, prm[l], 4, buf, ln->probability, w->rate);
			wb_cell(a, sizeof a, NULL, prm[l], 3, 1, 1);
			wb_cell(b, sizeof b, NULL, prm[l], 4, 1, 1);
			wb_fmtf(buf, sizeof buf, "=%s*%s", a, b);
			wb_put_formula(w, ws, prm[l], 5, buf, ln->salvage_given ? ln->salvage *
				       ln->probability : 0, w->money);
		}
		row++;
		first_block = row;
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (ln->kind != CRM_COST || !ln->capitalise)
				continue;
			int spend_row = row;
			row = capital_block(w, ws, l, prm[l], row, spend, sched, years);
			/* The check: crmroi refuses a salvage above a year's spending. */
			wb_row_range(a, sizeof a, NULL, spend_row, col_year(1), col_year(h));
			wb_cell(b, sizeof b, NULL, prm[l], 5, 1, 1);
			wb_fmtf(buf, sizeof buf, "=IF(SUMPRODUCT((%s<>0)*(%s<%s))>0,\"salvage above a year's "
				"spending: crmroi refuses it\",\"ok\")", a, a, b);
			wb_put_formula_str(w, ws, prm[l], 6, buf, "ok", w->text);
		}
		last_block = row - 1;
	} else {
		wb_put_str(w, ws, row++, 0, "No cost is capitalised: every cost is expensed in the year it "
			   "is paid.", w->note);
	}

	/* The year's figures. */
	char tags[64], tax_range[64], paid_range[64];
	wb_cell(a, sizeof a, NULL, first_block, col_tag(w), 1, 1);
	wb_cell(b, sizeof b, NULL, last_block, col_tag(w), 1, 1);
	wb_fmtf(tags, sizeof tags, "%s:%s", a, b);
	wb_row_range(tax_range, sizeof tax_range, NULL, TX_TAX, col_year(1), col_year(h));
	wb_row_range(paid_range, sizeof paid_range, NULL, TX_PAID, col_year(1), col_year(h));
	double tot[TX_BEYOND + 1] = { 0 };
	for (int y = 1; y <= h; y++) {
		const crm_tax_year *t = &at->years[y - 1];
		int col = col_year(y);
		char cur[TX_BEYOND + 1][32], prev_carried[32], yr[32];
		for (int r = TX_BENEFITS; r <= TX_SALVAGE; r++)
			wb_cell(cur[r], sizeof cur[r], NULL, r, col, 0, 0);
		wb_cell(yr, sizeof yr, NULL, TX_YEAR, col, 1, 0);
		if (y > 1)
			wb_cell(prev_carried, sizeof prev_carried, NULL, TX_LOSS_CARRIED, col - 1, 0, 0);
		else
			snprintf(prev_carried, sizeof prev_carried, "0");

		double ben = 0, cost = 0;
		for (int p = first_period(w, y); p <= last_period(w, y); p++) {
			ben += w->cf->benefits[p];
			cost += w->cf->costs[p];
		}
		wb_cell(a, sizeof a, SH_CF_REF, w->view[0].benefits, 1 + first_period(w, y), 0, 0);
		wb_cell(b, sizeof b, NULL, w->view[0].benefits, 1 + last_period(w, y), 0, 0);
		wb_fmtf(buf, sizeof buf, "=SUM(%s:%s)", a, b);
		wb_put_formula(w, ws, TX_BENEFITS, col, buf, ben, w->money);
		wb_cell(a, sizeof a, SH_CF_REF, w->view[0].costs, 1 + first_period(w, y), 0, 0);
		wb_cell(b, sizeof b, NULL, w->view[0].costs, 1 + last_period(w, y), 0, 0);
		wb_fmtf(buf, sizeof buf, "=SUM(%s:%s)", a, b);
		wb_put_formula(w, ws, TX_COSTS, col, buf, cost, w->money);
		if (nl_cap) {
			wb_cell(c, sizeof c, NULL, first_block, col, 1, 0);
			wb_cell(d, sizeof d, NULL, last_block, col, 1, 0);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"spending\",%s:%s)", tags, c, d);
			wb_put_formula(w, ws, TX_CAPITALISED, col, buf, at->capitalised[y - 1], w->money);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"depreciation\",%s:%s)", tags, c, d);
			wb_put_formula(w, ws, TX_DEPRECIATION, col, buf, t->depreciation, w->money);
			wb_fmtf(buf, sizeof buf, "=SUMIF(%s,\"salvage\",%s:%s)", tags, c, d);
			wb_put_formula(w, ws, TX_SALVAGE, col, buf, at->salvage[y - 1], w->money);
		} else {
			wb_put_num(w, ws, TX_CAPITALISED, col, 0, w->money);
			wb_put_num(w, ws, TX_DEPRECIATION, col, 0, w->money);
			wb_put_num(w, ws, TX_SALVAGE, col, 0, w->money);
		}
		wb_fmtf(buf, sizeof buf, "=%s-%s", cur[TX_COSTS], cur[TX_CAPITALISED]);
		wb_put_formula(w, ws, TX_EXPENSED, col, buf, cost - at->capitalised[y - 1], w->money);
		wb_fmtf(buf, sizeof buf, "=%s-%s", cur[TX_BENEFITS], cur[TX_EXPENSED]);
		wb_put_formula(w, ws, TX_PROFIT, col, buf, t->profit, w->money_b);
		wb_fmtf(buf, sizeof buf, "=%s-%s", cur[TX_PROFIT], cur[TX_DEPRECIATION]);
		wb_put_formula(w, ws, TX_TAXABLE, col, buf, t->taxable, w->money_b);
		wb_fmtf(buf, sizeof buf, "=IF(AND(tax_losses=\"carry_forward\",%s>0),MIN(%s,%s),0)",
			cur[TX_TAXABLE], prev_carried, cur[TX_TAXABLE]);
		wb_put_formula(w, ws, TX_LOSS_USED, col, buf, t->loss_used, w->money);
		wb_fmtf(buf, sizeof buf, "=IF(tax_losses=\"carry_forward\",%s+MAX(0,-%s)-%s,0)",
			prev_carried, cur[TX_TAXABLE], cur[TX_LOSS_USED]);
		wb_put_formula(w, ws, TX_LOSS_CARRIED, col, buf, t->loss_carried, w->money);
		wb_fmtf(buf, sizeof buf, "=IF(tax_losses=\"carry_forward\",tax_rate*(MAX(0,%s)-%s),"
			"tax_rate*%s)", cur[TX_TAXABLE], cur[TX_LOSS_USED], cur[TX_TAXABLE]);
		wb_put_formula(w, ws, TX_TAX, col, buf, t->tax, w->money_b);
		wb_fmtf(buf, sizeof buf, "=IF(%s-tax_lag_years>=1,INDEX(%s,1,%s-tax_lag_years),0)", yr,
			tax_range, yr);
		wb_put_formula(w, ws, TX_PAID, col, buf, t->tax_paid, w->money_b);
		tot[TX_BENEFITS] += ben;
		tot[TX_COSTS] += cost;
		tot[TX_CAPITALISED] += at->capitalised[y - 1];
		tot[TX_EXPENSED] += cost - at->capitalised[y - 1];
		tot[TX_PROFIT] += t->profit;
		tot[TX_DEPRECIATION] += t->depreciation;
		tot[TX_TAXABLE] += t->taxable;
		tot[TX_LOSS_USED] += t->loss_used;
		tot[TX_TAX] += t->tax;
		tot[TX_PAID] += t->tax_paid;
		tot[TX_SALVAGE] += at->salvage[y - 1];
	}
	for (int r = TX_BENEFITS; r <= TX_SALVAGE; r++)
		if (r != TX_LOSS_CARRIED)
			put_total(w, ws, r, tot[r]);
	wb_fmtf(buf, sizeof buf, "=SUM(%s)-SUM(%s)", tax_range, paid_range);
	wb_put_formula(w, ws, TX_BEYOND, col_year(1), buf, at->tax_beyond, w->money_b);
	if (nl_cap)
		wb_put_str(w, ws, TX_CAPITAL + 1, col_tag(w), "Adds to", w->head);

	wb_width(w, ws, 0, 52, NULL);
	wb_check(w, worksheet_set_column(ws, (lxw_col_t)col_year(1), (lxw_col_t)col_total(w), W_PERIOD,
					 NULL), "column");
	wb_width(w, ws, col_tag(w), 13, NULL);
	worksheet_freeze_panes(ws, TX_HEAD + 1, 1);
	wb_page_setup(w, ws, row, col_tag(w) > 6 ? col_tag(w) : 6, TX_HEAD, TX_YEAR, 1);
done:
	free(spend);
	free(sched);
	free(years);
	free(prm);
}
