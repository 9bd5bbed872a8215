/*
 * columns.c - the view every renderer of a case reads: the report that owns
 * a scenario and its case, its column labels, and per-period amounts summed
 * into its columns.
 *
 * Not a format (report_*.c, html*.c and workbook*.c write those), and it
 * computes no metric: folding a period's amount into its column is the only
 * arithmetic here.
 */
#define _POSIX_C_SOURCE 200809L
#include "columns.h"
#include "calendar.h"

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
