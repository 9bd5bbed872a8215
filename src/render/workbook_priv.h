/*
 * workbook_priv.h - what the files of the workbook writer share: the state
 * of a workbook being written (struct wb: where each sheet put its rows, so
 * that the formulas of one sheet can refer to another's), the layout of the
 * Inputs, Lines, Timing, Tax and Dated flows sheets, the cell and format
 * helpers (workbook_cells.c) and the sheets (workbook_model.c,
 * workbook_timing.c, workbook_results.c, workbook_tax.c, workbook_dated.c).
 * Private to workbook*.c; workbook.h is the interface.
 *
 * A helper that fails to write marks the workbook failed with err filled
 * (wb_check); writing goes on, and wb_write reports the first failure.
 */
#ifndef CRMROI_WORKBOOK_PRIV_H
#define CRMROI_WORKBOOK_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <xlsxwriter.h>

#include "workbook.h"

/* Column widths (characters) and the cap for columns sized to their text. */
#define W_PERIOD 13
#define W_TEXT_MAX 48
/* Most characters a spreadsheet cell holds (Excel's limit; libxlsxwriter refuses more). */
#define WB_MAX_TEXT 32767

/* Sheet names, and as they are written in a reference. */
#define SH_SUMMARY "Summary"
#define SH_SETTINGS "Settings"
#define SH_INPUTS "Inputs"
#define SH_LINES "Lines"
#define SH_CF "Cash flow"
#define SH_CF_REF "'Cash flow'"
#define SH_SENS "Sensitivity"
#define SH_TAX "Tax"
#define SH_TIMING "Timing"
#define SH_DATED "Dated flows"
#define SH_DATED_REF "'Dated flows'"

/* Inputs sheet columns. */
enum { IC_NAME, IC_XLNAME, IC_VALUE, IC_LOW, IC_HIGH, IC_DIST, IC_UNIT, IC_NOTE, IC_PERIOD0 };

/* Lines sheet columns. */
enum { LC_LABEL, LC_KIND, LC_AREA, LC_OWNER, LC_METRIC, LC_NOTE, LC_TIMING, LC_START, LC_END,
       LC_RAMP, LC_CURVE, LC_PROB, LC_GROWTH, LC_RISK, LC_RISKF, LC_VALUE, LC_PERIOD0 };

/*
 * A view of the cash flow on the Cash flow sheet: before tax (0) or after tax
 * (1). Its rows: costs, benefits, net, cumulative, present value and its
 * running total, and the payback helper rows of the net flow (k = 0) and of
 * its present value (k = 1).
 */
struct cf_view {
	int costs, benefits, net, cum, pv, cumpv;
	int tol[2], z[2], stay[2], cross[2];
};

/*
 * Rows of the Tax sheet (0-based): one column per year of the horizon from
 * column 1, their total after them. The capitalised costs' blocks follow
 * from TX_CAPITAL.
 */
enum { TX_HEAD = 3, TX_YEAR, TX_BENEFITS = 6, TX_COSTS, TX_CAPITALISED, TX_EXPENSED, TX_PROFIT,
       TX_DEPRECIATION, TX_TAXABLE, TX_LOSS_USED, TX_LOSS_CARRIED, TX_TAX, TX_PAID, TX_SALVAGE,
       TX_BEYOND, TX_CAPITAL = TX_BEYOND + 2 };

/*
 * Columns of the Dated flows sheet: one row per flow (each period's, on the
 * day it ends, and each once line paid on a day of its own), its date, days
 * and years from the investment date, discount factor, net flow and present
 * value, and its parts of MIRR; the same after tax.
 */
enum { DC_FLOW, DC_DATE, DC_DAYS, DC_YEARS, DC_DF, DC_NET, DC_PV, DC_REINVEST, DC_FINANCE,
       DC_NET_AT, DC_PV_AT, DC_REINVEST_AT, DC_FINANCE_AT };
/* Rows of the Dated flows sheet: the header, then the flows from DT_FIRST. */
enum { DT_HEAD = 3, DT_FIRST = 4 };

/* Timing sheet: columns (a line's months, then one per month from 0), and rows. */
enum { TC_LINE, TC_KIND, TC_TIMING, TC_START, TC_END, TC_RAMP, TC_CURVE, TC_MONTH0 };
enum { TM_HEAD = 3, TM_FIRST = 4 };

/* The units of inputs that have a number format of their own (crmroi-scenario(5), unit). */
enum { WB_UNIT_PERCENT, WB_UNIT_CURRENCY, WB_UNIT_COUNT, WB_UNIT_HOURS, WB_UNIT_MONTHS,
       WB_UNIT_RATIO, WB_UNITS };

/*
 * The workbook is written in libxlsxwriter's constant-memory mode, which
 * keeps one row of a sheet in memory and takes a sheet's rows in ascending
 * order only. Cells therefore wait in a queue per sheet (wb_put_*) until
 * wb_flush writes them sorted by row and column, the last one written to a
 * cell winning: a sheet may be written in any order and is written out when
 * the workbook closes, and a sheet as long as the model (the Lines sheet,
 * lines x periods) writes its rows in order and flushes them as it goes, so
 * that its queue never holds more than a few rows. A cell queued in a row
 * already flushed fails the workbook (a writer's mistake, caught by tests).
 */
enum { WB_NUM, WB_STR, WB_FORMULA, WB_FORMULA_STR, WB_COMMENT };

struct wb_pending {
	uint32_t row;
	uint16_t col;
	uint8_t kind;           /* WB_NUM ... WB_COMMENT */
	size_t seq;             /* order of queueing: the last one to a cell wins */
	lxw_format *f;
	double num;             /* a number, or a formula's cached number */
	size_t s1, s2;          /* offsets in text: the text or formula, a formula's cached text */
};

struct wb_queue {
	lxw_worksheet *ws;
	struct wb_pending *cell;
	size_t n, cap, seq;
	char *text;             /* the queued texts, each NUL-terminated */
	size_t tlen, tcap;
	uint32_t flushed;       /* rows below it are written */
};

/* Sheets of a workbook at most (the sheets of workbook.c, with room). */
#define WB_MAX_SHEETS 16

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
		   *factor, *intg, *intg_in, *text_in, *label_b, *date, *date_in;
	/* An input's number in its unit (WB_UNIT_...): an assumption's, and a formula's or a range's */
	lxw_format *unit_in[WB_UNITS], *unit[WB_UNITS];

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
	/* Timing sheet: the row of a line whose months follow inputs, -1 for the others */
	int *tm_row;
	int any_timed;
	/* Settings: rows of the named cells */
	int set_row_discount;
	/* Cash flow rows: the period's month (and date), its discount factor, and the views */
	int cf_month, cf_date, cf_df;
	struct cf_view view[2];
	int nviews;             /* 1; 2 with the after-tax view (the scenario has tax_rate) */
	int cf_taxpaid, cf_salvage;   /* after tax: the Tax sheet's figures at each year's end */
	int cf_class[CRM_NCLASSES];   /* the row of each class's benefits, -1 when not shown */
	/*
	 * Dated discounting (discounting=dated): each period's flows on the day
	 * it ends; dt_row[l] is the Dated flows row of a line paid on a day of
	 * its own (counted in the metrics), -1 for the others; dt_last the last
	 * row of flows.
	 */
	int dated;
	int *dt_row;
	int dt_last;
	/* Scratch: three period vectors (payback) */
	double *tmp;
	/*
	 * The inputs' values period by period, so that a value is evaluated
	 * without gathering them: ninputs zeros, then period p's at
	 * [(p + 1) * ninputs].
	 */
	double *in_by_period;
	/* The cells waiting to be written, a queue per sheet */
	struct wb_queue queue[WB_MAX_SHEETS];
	size_t nqueues;
};

/* ---- cells, references and formats (workbook_cells.c) */

/*
 * A1 reference of (row, col), 0-based; absolute row and/or column with '$'.
 * sheet (may be NULL) is prefixed as written.
 */
void wb_cell(char *buf, size_t len, const char *sheet, int row, int col, int abs_row,
	     int abs_col);
/* A range on one row, columns c0..c1, absolute. */
void wb_row_range(char *buf, size_t len, const char *sheet, int row, int c0, int c1);
/* The workbook failed (err filled, what says in which call) unless e is LXW_NO_ERROR. */
void wb_check(struct wb *w, lxw_error e, const char *what);
/* Text (nothing when s is NULL or ""), a number. */
void wb_put_str(struct wb *w, lxw_worksheet *ws, int row, int col, const char *s,
		lxw_format *f);
void wb_put_num(struct wb *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f);
/* A formula with crmroi's result as its cached value: a number (0 when not finite), or text. */
void wb_put_formula(struct wb *w, lxw_worksheet *ws, int row, int col, const char *formula,
		    double cached, lxw_format *f);
void wb_put_formula_str(struct wb *w, lxw_worksheet *ws, int row, int col,
			const char *formula, const char *cached, lxw_format *f);
/* A cell comment by "crmroi". */
void wb_put_comment(struct wb *w, lxw_worksheet *ws, int row, int col, const char *text);
/*
 * Write the queued cells of ws in rows below `below` (every row: -1), sorted;
 * from then on a cell queued there fails the workbook.
 */
void wb_flush(struct wb *w, lxw_worksheet *ws, int below);
/* Write every sheet's queued cells (before the workbook closes), and free the queues. */
void wb_flush_all(struct wb *w);
void wb_queues_free(struct wb *w);
/* snprintf into buf. */
void wb_fmtf(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The width of column col (characters), and its format (may be NULL). */
void wb_width(struct wb *w, lxw_worksheet *ws, int col, double width, lxw_format *f);
/*
 * Width for a column of texts: the longest, within [min, W_TEXT_MAX]. The n
 * texts are read stride bytes apart from texts (an array of structs works).
 */
double wb_text_width(const char *const *texts, size_t n, size_t stride, double min);
/*
 * How a sheet prints: its print area (rows and columns 0..last), its header
 * rows head_first..head_last repeated on every page (none when head_first <
 * 0), landscape when asked, one page wide, and a footer with the case's
 * title, the sheet's name and the page number.
 */
void wb_page_setup(struct wb *w, lxw_worksheet *ws, int last_row, int last_col, int head_first,
		   int head_last, int landscape);
/* Every format of w; -1 when out of memory. */
int wb_make_formats(struct wb *w);
/*
 * The format of an input's numbers: its unit's (percent or rate, currency,
 * count, hours, months, ratio), or without one of those a percentage when
 * the value was written with '%'; an assumption's (blue) when input is set.
 */
lxw_format *wb_input_format(const struct wb *w, const crm_input *in, int input);
/* The period variables year and month as the model defines them (period 0 sees period 1's). */
int wb_period_year(const struct wb *w, int p);
int wb_period_month(const struct wb *w, int p);
/* The label of period column p: as every renderer labels it (report_col_label). */
void wb_period_label(const struct wb *w, int p, char *buf, size_t len);

/* ---- the model: Settings, Inputs, Lines (workbook_model.c) */

/* Which inputs and lines change between periods (as the model decides it); -1 on no memory. */
int wb_find_varying(struct wb *w);
/*
 * Give every input a defined name, unique without regard to case. -1 on
 * failure: w->failed with err filled (a name too long for Excel), or out of
 * memory.
 */
int wb_name_inputs(struct wb *w);
void wb_sheet_settings(struct wb *w, lxw_worksheet *ws);
void wb_sheet_inputs(struct wb *w, lxw_worksheet *ws);
/* m: the model the lines' timing factors come from. */
void wb_sheet_lines(struct wb *w, lxw_worksheet *ws, const crm_model *m);

/* ---- after tax: the Tax sheet (workbook_tax.c) */

/* The settings of tax as named cells on the Settings sheet, from row; the next free row. */
int wb_settings_tax(struct wb *w, lxw_worksheet *ws, int row);
/*
 * After the Cash flow sheet (its formulas read the costs and benefits of
 * each year there, and the Cash flow's after-tax rows read its tax paid and
 * salvage): profit, depreciation, losses, tax and tax paid year by year,
 * and each capitalised cost's assets.
 */
void wb_sheet_tax(struct wb *w, lxw_worksheet *ws);

/* ---- dated discounting: the Dated flows sheet (workbook_dated.c) */

/* The period holding line l's day, and its flow's sign (a benefit +1, a cost -1). */
int wb_line_period(const struct wb *w, size_t l);
/* The rows of the Dated flows sheet (dt_row, dt_last), before any sheet is written. */
void wb_dated_rows(struct wb *w);
/* Excel's serial number of a calendar day (1 = 1900-01-01; days from 1900-03-01 on are right). */
double wb_date_serial(int year, int month, int day);
/*
 * The terms that move the lines of kind paid on a day of their own from the
 * discount factor of their period to their day's, for a present value of
 * the Summary: "+Lines!X9*('Dated flows'!E12-'Cash flow'!K10)" for each, ""
 * when none; *cached gets their sum. -1 (buf "") when they do not fit in len.
 */
int wb_dated_adjust(const struct wb *w, crm_line_kind kind, char *buf, size_t len, double *cached);
/* After the Cash flow sheet (and the Tax sheet): every flow on its day. */
void wb_sheet_dated(struct wb *w, lxw_worksheet *ws);

/* ---- the months of lines that follow inputs: the Timing sheet (workbook_timing.c) */

/*
 * The inputs that some line's start, end or ramp follows, as "a, b" in names;
 * how many. Their months are the Timing sheet's formulas.
 */
size_t wb_timing_input_names(const crm_scenario *sc, char *names, size_t len);
/* The rows of the Timing sheet (tm_row, any_timed), before any sheet is written. */
void wb_timing_rows(struct wb *w);
/* The formula of line l's timing factor in period p: the sum of its months there. */
void wb_timing_factor(const struct wb *w, size_t l, int p, char *buf, size_t len);
/* After the Lines sheet, whose start, end and ramp cells it reads. */
void wb_sheet_timing(struct wb *w, lxw_worksheet *ws);

/* ---- the results: Cash flow, Summary, Sensitivity (workbook_results.c) */

/* After the Lines sheet: its formulas refer to the lines' rows. */
void wb_sheet_cashflow(struct wb *w, lxw_worksheet *ws);
/* After the Cash flow sheet, for the same reason. */
void wb_sheet_summary(struct wb *w, lxw_worksheet *ws);
/* The tornado rows (nrows of them), as values. */
void wb_sheet_sensitivity(struct wb *w, lxw_worksheet *ws, const crm_tornado_row *rows,
			  size_t nrows);

#endif
