/*
 * workbook.c - `crmroi workbook`: the business case as a workbook of live
 * formulas, written with libxlsxwriter.
 *
 * Sheets, in the order an analyst reads them:
 *   Summary      headline metrics as formulas over the Cash flow sheet, before
 *                and after tax, the conventions in words, two charts
 *   Settings     rates and default risks, each a cell with a defined name
 *   Inputs       one row per input: a named cell, or per-period cells when
 *                the input changes from period to period
 *   Lines        one row per cost and benefit: value, growth, risk and the
 *                risk-adjusted amount per period as formulas (times the
 *                adoption input of a benefit that has one); the timing
 *                factors (active months x ramp) as labelled constants; the
 *                values per period of lines whose value changes by period.
 *                A start, end or ramp given as a formula over inputs is
 *                ROUND of that formula, and the line's timing factors are
 *                sums of the Timing sheet's months
 *   Timing       the lines whose months follow inputs: their factor in each
 *                month of the horizon, from their start, end and ramp cells
 *   Cash flow    costs, benefits, net, cumulative, discount factor, present
 *                value, the helper rows of payback, and the benefits by class;
 *                after tax (with tax_rate) the same with the tax paid and the
 *                salvage at each year's end
 *   Tax          with tax_rate: profit, depreciation of each capitalised
 *                cost's assets, losses, tax and tax paid, year by year
 *   Dated flows  with discounting=dated: every flow on its day (each period's
 *                end, a once line's own date), for XNPV, XIRR and MIRR
 *   Sensitivity  crmroi's tornado, as values (a snapshot)
 * Formulas are translated by xlformula.c; the structure of the model (which
 * periods a line whose months are numbers is active in, the period grid) is
 * fixed when the workbook is written. Nothing here computes a metric: cached values come from the
 * report, except for the payback helper rows, whose values follow the same
 * definition as crm_payback_compute.
 *
 * This file writes the workbook whole or not at all and calls each sheet;
 * the cells, references and formats are in workbook_cells.c, the sheets of
 * the model (Settings, Inputs, Lines) in workbook_model.c, the sheets of
 * results (Cash flow, Summary, Sensitivity) in workbook_results.c, their
 * the Timing sheet in workbook_timing.c, the Tax sheet in workbook_tax.c, the
 * Dated flows sheet in workbook_dated.c, shared state in workbook_priv.h.
 */
#define _POSIX_C_SOURCE 200809L
#include "workbook_priv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Line cells (lines x periods) above which the archive takes ZIP64 extensions. */
#define WB_ZIP64_CELLS 1.5e7

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
	free(w->dt_row);
	free(w->tm_row);
	free(w->tmp);
	free(w->in_by_period);
	wb_queues_free(w);
}

crm_status wb_write(const report *r, const crm_tornado_row *tornado, size_t nrows,
		    const char *file, const char *path, crm_warnings *warn, crm_error *err)
{
	struct wb w;
	const crm_scenario *sc = r->sc;
	size_t ni = sc->ninputs, nl = sc->nlines;
	crm_status st = CRM_OK;

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
	w.nviews = r->c->has_tax ? 2 : 1;
	w.dated = sc->settings.discounting == CRM_DISCOUNT_DATED;
	w.iname = calloc(ni + 1, sizeof *w.iname);
	w.ivary = calloc(ni + 1, 1);
	w.irow = calloc(ni + 1, sizeof *w.irow);
	w.lvary = calloc(nl + 1, 1);
	w.lrow = calloc(nl + 1, sizeof *w.lrow);
	w.ltrow = calloc(nl + 1, sizeof *w.ltrow);
	w.lvrow = calloc(nl + 1, sizeof *w.lvrow);
	w.dt_row = calloc(nl + 1, sizeof *w.dt_row);
	w.tm_row = calloc(nl + 1, sizeof *w.tm_row);
	/* Scratch: three period vectors. */
	w.tmp = calloc(3 * w.np + 1, sizeof *w.tmp);
	/* The inputs period by period: zeros (prev() before period 1), then periods 0..n. */
	w.in_by_period = calloc((w.np + 1) * ni + 1, sizeof *w.in_by_period);
	if (!w.iname || !w.ivary || !w.irow || !w.lvary || !w.lrow || !w.ltrow || !w.lvrow || !w.tmp ||
	    !w.dt_row || !w.tm_row || !w.in_by_period) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	for (size_t i = 0; i < ni; i++)
		for (size_t p = 0; p < w.np; p++)
			w.in_by_period[(p + 1) * ni + i] = w.cf->input[i * w.np + p];
	if (wb_find_varying(&w) != 0) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}
	wb_dated_rows(&w);
	wb_timing_rows(&w);
	if (wb_name_inputs(&w) != 0) {
		st = w.failed ? err->status : crm_error_set(err, CRM_ENOMEM, path, 0, 0, "out of memory");
		goto done;
	}

	/*
	 * Constant memory: each sheet's rows go to a temporary file as they are
	 * written (the queues of workbook_cells.c put them in order), so that
	 * memory does not grow with lines x periods. ZIP64 when a sheet's XML
	 * may pass 4 GB (some 40 million cells).
	 */
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE, .tmpdir = NULL,
				      .use_zip64 = (double)nl * (double)w.np > WB_ZIP64_CELLS };
	w.book = workbook_new_opt(file, &opts);
	if (!w.book || wb_make_formats(&w) != 0) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "cannot start the workbook");
		goto done;
	}
	lxw_worksheet *s_sum = workbook_add_worksheet(w.book, SH_SUMMARY);
	lxw_worksheet *s_set = workbook_add_worksheet(w.book, SH_SETTINGS);
	lxw_worksheet *s_in = workbook_add_worksheet(w.book, SH_INPUTS);
	lxw_worksheet *s_ln = workbook_add_worksheet(w.book, SH_LINES);
	lxw_worksheet *s_tm = w.any_timed ? workbook_add_worksheet(w.book, SH_TIMING) : NULL;
	lxw_worksheet *s_cf = workbook_add_worksheet(w.book, SH_CF);
	lxw_worksheet *s_tax = w.nviews > 1 ? workbook_add_worksheet(w.book, SH_TAX) : NULL;
	lxw_worksheet *s_dated = w.dated ? workbook_add_worksheet(w.book, SH_DATED) : NULL;
	lxw_worksheet *s_sens = nrows ? workbook_add_worksheet(w.book, SH_SENS) : NULL;
	if (!s_sum || !s_set || !s_in || !s_ln || (w.any_timed && !s_tm) || !s_cf ||
	    (w.nviews > 1 && !s_tax) ||
	    (w.dated && !s_dated) || (nrows && !s_sens)) {
		st = crm_error_set(err, CRM_ENOMEM, path, 0, 0, "cannot add the sheets");
		goto done;
	}
	lxw_doc_properties props = { .title = sc->settings.title, .comments =
		"Business case written by crmroi: every figure is a formula" };
	wb_check(&w, workbook_set_properties(w.book, &props), "properties");
	wb_sheet_settings(&w, s_set);
	wb_sheet_inputs(&w, s_in);
	wb_sheet_lines(&w, s_ln, r->c->model);
	if (s_tm)
		wb_sheet_timing(&w, s_tm);
	wb_sheet_cashflow(&w, s_cf);
	if (s_tax)
		wb_sheet_tax(&w, s_tax);
	if (s_dated)
		wb_sheet_dated(&w, s_dated);
	wb_sheet_summary(&w, s_sum);
	if (s_sens)
		wb_sheet_sensitivity(&w, s_sens, tornado, nrows);
	worksheet_activate(s_sum);
	wb_flush_all(&w);
	if (w.failed) {
		st = err->status;
		goto done;
	}
	errno = 0;
	lxw_error e = workbook_close(w.book);
	int why = errno;
	w.book = NULL;
	if (e != LXW_NO_ERROR) {
		/* The system's reason first (a full disk), then libxlsxwriter's words. */
		if (why)
			st = crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s (%s)",
					   strerror(why), lxw_strerror(e));
		else
			st = crm_error_set(err, CRM_EIO, path, 0, 0, "cannot write: %s",
					   lxw_strerror(e));
		goto done;
	}
done:
	if (w.book) {
		/* Closing writes the file, which is then thrown away with the rest. */
		workbook_close(w.book);
	}
	wb_free(&w);
	return st;
}
