/*
 * columns.c - the view every renderer of a case reads: the report that owns
 * a scenario and its case, its column labels, and per-period amounts summed
 * into its columns.
 *
 * Not a format (report*.c, html*.c and workbook*.c write those), and it
 * computes no metric: summing amounts the evaluation gave into columns, rows
 * or a class is the only arithmetic here.
 */
#define _POSIX_C_SOURCE 200809L
#include "columns.h"
#include "calendar.h"
#include "explain.h"

#include <stdlib.h>
#include <string.h>

crm_status report_init(report *r, crm_scenario *sc, crm_case *c, int by_month, crm_error *err)
{
	memset(r, 0, sizeof *r);
	r->sc = sc;
	r->c = c;
	r->by_month = by_month;
	int n = c->cf->nperiods;
	r->ncols = by_month ? n + 1 : c->sc->settings.horizon_years + 1;
	if (!(r->col_of = malloc((size_t)(n + 1) * sizeof *r->col_of)))
		return crm_error_set(err, CRM_ENOMEM, c->sc->file, 0, 0, "out of memory");
	for (int p = 0; p <= n; p++)
		r->col_of[p] = by_month ? p : crm_cashflow_year_of(c->cf, p);
	return CRM_OK;
}

void report_free(report *r)
{
	free(r->col_of);
	crm_case_free(r->c);
	crm_scenario_free(r->sc);
	memset(r, 0, sizeof *r);
}

void report_col_label(const report *r, int col, char *buf, size_t len)
{
	const crm_settings *s = &r->sc->settings;

	if (col == 0)
		snprintf(buf, len, "Initial");
	else if (!r->by_month)
		calendar_year_label(s, col, buf, len);
	else if (s->start_year) {
		int mi = s->start_month - 1 + col - 1;
		snprintf(buf, len, "%04d-%02d", s->start_year + mi / 12, mi % 12 + 1);
	} else {
		snprintf(buf, len, "M%d", col);
	}
}

void report_fold(const report *r, const double *per_period, double *out)
{
	memset(out, 0, (size_t)r->ncols * sizeof *out);
	for (int p = 0; p <= r->c->cf->nperiods; p++)
		out[r->col_of[p]] += per_period[p];
}

void report_fold_line(const report *r, const crm_cashflow *cf, size_t l, double *out)
{
	report_fold(r, cf->amount + l * (size_t)(cf->nperiods + 1), out);
}

double report_col_total(const report *r, const double *cols)
{
	double s = 0;

	for (int c = 0; c < r->ncols; c++)
		s += cols[c];
	return s;
}

size_t report_areas(const report *r, crm_line_kind kind, int counted_only, const char **out)
{
	const crm_scenario *sc = r->sc;
	size_t n = 0;

	for (size_t l = 0; l < sc->nlines; l++) {
		if (sc->lines[l].kind != kind || (counted_only && !crm_case_line_counted(r->c, l)))
			continue;
		const char *a = sc->lines[l].area;
		size_t k;
		for (k = 0; k < n && strcmp(out[k], a); k++)
			;
		if (k == n)
			out[n++] = a;
	}
	return n;
}

int report_classes_shown(const report *r)
{
	explain_classes rc;

	explain_classes_of(r->sc, r->c->only_given, 0, &rc);
	return rc.shown;
}

double report_class_amount(const report *r, crm_class cls, int p)
{
	const crm_scenario *sc = r->sc;
	size_t np = (size_t)r->c->cf->nperiods + 1;
	double sum = 0;

	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].kind == CRM_BENEFIT && sc->lines[l].cls == cls)
			sum += crm_case_line_flows(r->c, l)->amount[l * np + (size_t)p];
	return sum;
}
