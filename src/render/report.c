/*
 * report.c - what every format of `crmroi run` shows the same way: the
 * cash-flow table as rows of numbers (by line, by area or category, by
 * class, in total, and the benefits the metrics leave out), and the list of
 * headline metrics.
 *
 * Not a format: report_text.c writes text and markdown, report_csv.c CSV,
 * report_json.c JSON, each from these rows. Every amount comes from the case
 * (crmroi/case.h); the rows only fold and add what it gives.
 */
#define _POSIX_C_SOURCE 200809L
#include "report_priv.h"

#include <stdlib.h>
#include <string.h>

/* The row of line l, its amounts from cf: name, area, amounts by column, total, present value. */
static void line_row(const report *r, cf_row *row, const crm_cashflow *cf, size_t l)
{
	const crm_line *ln = &r->sc->lines[l];

	row->name = ln->label;
	row->area = ln->area;
	report_fold_line(r, cf, l, row->vals);
	row->total = report_col_total(r, row->vals);
	row->pv = r->c->line_pv[l];
	row->has_total = row->has_pv = 1;
	row->note = ln->note;
	row->line = ln;
}

/* Subtotals of the classes counted (or of those left out), with their heading. */
static void class_rows(const report *r, cf_rows *out, int counted, double *tmp)
{
	const crm_scenario *sc = r->sc;
	int first = 1;

	for (int c = 0; c < CRM_NCLASSES; c++) {
		int in = (sc->settings.classes & CRM_CLASS_BIT(c)) != 0;
		if (!r->c->cls[c].nlines || in != counted)
			continue;
		cf_row *row = &out->rows[out->n];
		row->vals = out->store + out->n++ * (size_t)r->ncols;
		row->section = counted ? "benefit_class" : "benefit_class_not_counted";
		row->name = crm_class_name((crm_class)c);
		row->cls = row->name;
		for (int p = 0; p <= r->c->cf->nperiods; p++)
			tmp[p] = report_class_amount(r, (crm_class)c, p);
		report_fold(r, tmp, row->vals);
		row->total = r->c->cls[c].total;
		row->pv = r->c->cls[c].pv;
		row->has_total = row->has_pv = 1;
		if (first) {
			row->heading_before = 1;
			row->heading = counted ? "Benefits by class" : "Left out, by class";
			first = 0;
		}
	}
}

int report_rows_build(const report *r, cf_rows *out)
{
	const crm_scenario *sc = r->sc;
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;
	size_t maxrows = 2 * sc->nlines + 16 + 2 * CRM_NCLASSES;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);
	double *tmp = malloc(np * sizeof *tmp);

	memset(out, 0, sizeof *out);
	out->rows = calloc(maxrows, sizeof *out->rows);
	out->store = calloc(maxrows * (size_t)r->ncols, sizeof *out->store);
	if (!areas || !tmp || !out->rows || !out->store) {
		free(areas);
		free(tmp);
		report_rows_free(out);
		return -1;
	}
#define NEWROW() (out->rows[out->n].vals = out->store + out->n * (size_t)r->ncols, &out->rows[out->n++])
	for (int kind = CRM_COST; kind <= CRM_BENEFIT; kind++) {
		const char *word = kind == CRM_COST ? "cost" : "benefit";
		int first = 1;
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if ((int)ln->kind != kind || !crm_case_line_counted(r->c, l))
				continue;
			cf_row *row = NEWROW();
			row->section = word;
			row->cls = kind == CRM_BENEFIT ? crm_class_name(ln->cls) : NULL;
			line_row(r, row, cf, l);
			if (first) {
				row->heading_before = 1;
				row->heading = kind == CRM_COST ? "Costs" : "Benefits";
				first = 0;
			}
		}
		/* Subtotals by area or category. */
		size_t na = report_areas(r, (crm_line_kind)kind, 1, areas);
		for (size_t a = 0; a < na; a++) {
			cf_row *row = NEWROW();
			row->section = kind == CRM_COST ? "cost_category" : "benefit_area";
			row->name = areas[a][0] ? areas[a] : "(no area)";
			row->area = areas[a];
			memset(tmp, 0, np * sizeof *tmp);
			row->pv = 0;
			for (size_t l = 0; l < sc->nlines; l++) {
				if ((int)sc->lines[l].kind != kind || strcmp(sc->lines[l].area, areas[a]) ||
				    !crm_case_line_counted(r->c, l))
					continue;
				for (size_t p = 0; p < np; p++)
					tmp[p] += cf->amount[l * np + p];
				row->pv += r->c->line_pv[l];
			}
			report_fold(r, tmp, row->vals);
			row->total = report_col_total(r, row->vals);
			row->has_total = row->has_pv = 1;
			if (a == 0) {
				row->heading_before = 1;
				row->heading = kind == CRM_COST ? "Costs by category" : "Benefits by area";
			}
		}
		if (kind == CRM_BENEFIT && report_classes_shown(r))
			class_rows(r, out, 1, tmp);
		cf_row *row = NEWROW();
		row->section = "total";
		row->name = kind == CRM_COST ? "Total costs" : "Total benefits";
		report_fold(r, kind == CRM_COST ? cf->costs : cf->benefits, row->vals);
		row->total = kind == CRM_COST ? r->c->m.total_costs : r->c->m.total_benefits;
		row->pv = kind == CRM_COST ? r->c->m.pv_costs : r->c->m.pv_benefits;
		row->has_total = row->has_pv = 1;
		row->flags = ROW_TOTAL;
		if (first) {
			row->heading_before = 1;
			row->heading = kind == CRM_COST ? "Costs" : "Benefits";
		}
	}
	cf_row *row = NEWROW();
	row->section = "total";
	row->name = "Net cash flow";
	report_fold(r, cf->net, row->vals);
	row->total = r->c->m.total_benefits - r->c->m.total_costs;
	row->pv = r->c->m.npv;
	row->has_total = row->has_pv = 1;
	row->flags = ROW_TOTAL;

	row = NEWROW();
	row->section = "total";
	row->name = "Cumulative net";
	report_fold(r, cf->net, row->vals);
	for (int c = 1; c < r->ncols; c++)
		row->vals[c] += row->vals[c - 1];

	row = NEWROW();
	row->section = "total";
	row->name = "Present value of net";
	report_fold(r, cf->pv_net, row->vals);
	row->total = r->c->m.npv;
	row->has_total = 1;

	row = NEWROW();
	row->section = "total";
	row->name = "Cumulative present value";
	report_fold(r, cf->pv_net, row->vals);
	for (int c = 1; c < r->ncols; c++)
		row->vals[c] += row->vals[c - 1];

	/* Discount factors exist per native period, so only on a native view. */
	if (r->by_month || r->sc->settings.grid == CRM_GRID_YEAR) {
		row = NEWROW();
		row->section = "total";
		row->name = "Discount factor";
		for (int p = 0; p <= cf->nperiods; p++)
			row->vals[p] = cf->df[p];
		row->flags = -1;  /* printed with 6 decimals */
	}
	if (crm_case_any_left_out(r->c)) {
		/* Benefits of the classes left out: their own lines and subtotals, apart. */
		int first = 1;
		for (size_t l = 0; l < sc->nlines; l++) {
			const crm_line *ln = &sc->lines[l];
			if (crm_case_line_counted(r->c, l))
				continue;
			row = NEWROW();
			row->section = "benefit_not_counted";
			row->cls = crm_class_name(ln->cls);
			line_row(r, row, r->c->all_cf, l);
			if (first) {
				row->heading_before = 1;
				row->heading = r->c->only_given ? "Benefits left out of the metrics (--only)"
					       : "Flexibility, not in NPV (reported apart)";
				first = 0;
			}
		}
		class_rows(r, out, 0, tmp);
	}
#undef NEWROW
	free(tmp);
	free(areas);
	return 0;
}

void report_rows_free(cf_rows *rows)
{
	free(rows->rows);
	free(rows->store);
	memset(rows, 0, sizeof *rows);
}

size_t report_metric_items(const report *r, headline_item *it)
{
	size_t n = headline_items(&r->c->m, it);

	if (r->c->cls[CRM_CLASS_FLEXIBILITY].nlines &&
	    !(r->sc->settings.classes & CRM_CLASS_BIT(CRM_CLASS_FLEXIBILITY)))
		it[n++] = (headline_item){ "flexibility_pv", "Flexibility, not in NPV", "present value "
			"of the flexibility benefits (options the investment opens), reported apart "
			"from every metric above", HEADLINE_MONEY, 1, r->c->cls[CRM_CLASS_FLEXIBILITY].pv,
			"" };
	return n;
}
