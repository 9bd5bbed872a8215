/*
 * aftertax_view.c - the after-tax section of `crmroi run`: how the tax is
 * computed, in words; profit, depreciation and tax year by year; and every
 * headline metric before and after tax side by side.
 */
#define _POSIX_C_SOURCE 200809L
#include "aftertax_view.h"
#include "calendar.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A table of the section after a blank line: markdown (md 1) or text, indented. */
static void print_table(const text_table *t, FILE *fp, int md)
{
	fputc('\n', fp);
	if (md)
		table_print_markdown(t, fp);
	else
		table_print_text(t, fp, "  ");
}

void aftertax_convention(const crm_scenario *sc, const crm_after_tax *at, char *buf, size_t len)
{
	const crm_settings *s = &sc->settings;
	char rate[32], beyond[64], when[64];

	fmt_percent(rate, sizeof rate, s->tax_rate);
	if (s->tax_lag_years == 0)
		snprintf(when, sizeof when, "at the end of the same year");
	else
		snprintf(when, sizeof when, "%d year%s later, at the end of a year", s->tax_lag_years,
			 s->tax_lag_years == 1 ? "" : "s");
	fmt_money(beyond, sizeof beyond, at->tax_beyond, 2);
	snprintf(buf, len, "Tax at %s of each year's profit (benefits - expensed costs - "
		 "depreciation, risk-adjusted as the cash flows are), paid %s; %s. Capitalised costs "
		 "are paid as their timing says and depreciated for whole years from the year they "
		 "are booked in (month 0 belongs to Year 1); a salvage comes back as cash, untaxed, "
		 "at the end of its life. Tax added to costs, a negative tax (a saving) to benefits.%s%s%s",
		 rate, when, s->tax_losses == CRM_LOSSES_OFFSET
		 ? "a loss lowers the company's other taxable profit, so its tax is negative"
		 : "a loss is carried forward against the project's later profits only",
		 at->tax_beyond != 0 ? " Tax of the horizon's years paid after it is left out: " : "",
		 at->tax_beyond != 0 ? beyond : "", at->tax_beyond != 0 ? "." : "");
}

void aftertax_people(const crm_scenario *sc, const crm_metrics *before, const crm_after_tax *at,
		     FILE *fp, int md)
{
	size_t n = (size_t)at->nyears;
	const char **cells = calloc(n + 2, sizeof *cells);
	char (*buf)[48] = calloc(n + 2, sizeof *buf);
	char line[1200];
	text_table t;
	int any_cap = 0, any_salv = 0, carry = sc->settings.tax_losses == CRM_LOSSES_CARRY_FORWARD;

	if (!cells || !buf)
		goto done;
	fprintf(fp, md ? "\n## After tax (%s)\n\n" : "\nAfter tax (%s)\n", sc->settings.currency);
	aftertax_convention(sc, at, line, sizeof line);
	if (md)
		fprintf(fp, "%s\n", line);
	else
		print_para(fp, "  ", line);
	for (size_t y = 0; y < n; y++) {
		any_cap |= at->capitalised[y] != 0;
		any_salv |= at->salvage[y] != 0;
	}

	/* Year by year. */
	if (table_init(&t, n + 2) == 0) {
		cells[0] = "";
		for (size_t y = 0; y < n; y++) {
			calendar_year_label(&sc->settings, (int)y + 1, buf[y + 1], sizeof buf[0]);
			cells[y + 1] = buf[y + 1];
			t.right[y + 1] = 1;
		}
		cells[n + 1] = "Total";
		t.right[n + 1] = 1;
		table_add(&t, ROW_NORMAL, cells);
		static const char *const names[] = { "Capitalised spending", "Profit before depreciation",
			"Depreciation", "Taxable profit", "Losses carried forward", "Tax of the year",
			"Tax paid", "Salvage received" };
		for (int k = 0; k < 8; k++) {
			if ((k == 0 && !any_cap) || (k == 4 && !carry) || (k == 7 && !any_salv))
				continue;
			double total = 0;
			cells[0] = names[k];
			for (size_t y = 0; y < n; y++) {
				const crm_tax_year *ty = &at->years[y];
				double v = k == 0 ? at->capitalised[y] : k == 1 ? ty->profit
					 : k == 2 ? ty->depreciation : k == 3 ? ty->taxable
					 : k == 4 ? ty->loss_carried : k == 5 ? ty->tax
					 : k == 6 ? ty->tax_paid : at->salvage[y];
				fmt_money(buf[y + 1], sizeof buf[0], v, 0);
				cells[y + 1] = buf[y + 1];
				total += v;
			}
			fmt_money(buf[n + 1], sizeof buf[0], total, 0);
			cells[n + 1] = k == 4 ? "" : buf[n + 1];
			table_add(&t, k == 6 ? ROW_TOTAL : ROW_NORMAL, cells);
		}
		print_table(&t, fp, md);
		table_free(&t);
	}

	/* The after-tax net cash flow by year, Initial first. */
	double *fold = calloc(n + 1, sizeof *fold), *fb = calloc(n + 1, sizeof *fb);
	if (fold && fb && table_init(&t, n + 3) == 0) {
		crm_fold_years(at->cf, at->cf->net, fold);
		cells[0] = "";
		snprintf(buf[0], sizeof buf[0], "Initial");
		const char **row = calloc(n + 3, sizeof *row);
		char (*b2)[48] = calloc(n + 3, sizeof *b2);
		if (row && b2) {
			row[0] = "";
			for (size_t y = 0; y <= n; y++) {
				if (y)
					calendar_year_label(&sc->settings, (int)y, b2[y + 1], sizeof b2[0]);
				else
					snprintf(b2[1], sizeof b2[0], "Initial");
				row[y + 1] = b2[y + 1];
				t.right[y + 1] = 1;
			}
			row[n + 2] = "Total";
			t.right[n + 2] = 1;
			table_add(&t, ROW_NORMAL, row);
			for (int k = 0; k < 2; k++) {
				double total = 0, run = 0;
				row[0] = k ? "Cumulative after tax" : "Net cash flow after tax";
				for (size_t y = 0; y <= n; y++) {
					run += fold[y];
					total += fold[y];
					fmt_money(b2[y + 1], sizeof b2[0], k ? run : fold[y], 0);
				}
				fmt_money(b2[n + 2], sizeof b2[0], total, 0);
				row[n + 2] = k ? "" : b2[n + 2];
				table_add(&t, k ? ROW_NORMAL : ROW_TOTAL, row);
				/* The next row rewrites b2: table_add copied the strings. */
				for (size_t y = 0; y <= n; y++)
					row[y + 1] = b2[y + 1];
			}
			print_table(&t, fp, md);
		}
		free(row);
		free(b2);
		table_free(&t);
	}
	free(fold);
	free(fb);

	/* Metrics before and after tax. */
	headline_item a[HEADLINE_MAX], b[HEADLINE_MAX];
	size_t na = headline_items(before, b);
	headline_items(&at->metrics, a);
	if (table_init(&t, 3) == 0) {
		char x[64], y[64];
		t.right[1] = t.right[2] = 1;
		table_add(&t, ROW_NORMAL, (const char *[]){ "Metric", "Before tax", "After tax" });
		for (size_t i = 0; i < na; i++) {
			headline_text(x, sizeof x, b[i].kind, b[i].ok, b[i].value);
			headline_text(y, sizeof y, a[i].kind, a[i].ok, a[i].value);
			table_add(&t, ROW_NORMAL, (const char *[]){ a[i].label, x, y });
		}
		print_table(&t, fp, md);
		table_free(&t);
	}
	for (size_t i = 0; i < na; i++) {
		if (!a[i].note[0])
			continue;
		char *text = dup_printf("After tax, on %s: %s.", a[i].label, a[i].note);
		if (text && !md)
			print_para(fp, "  ", text);
		else if (text)
			fprintf(fp, "\n%s\n", text);
		free(text);
	}
done:
	free(cells);
	free(buf);
}

static void jnum(FILE *fp, const char *key, double v, int *first)
{
	fprintf(fp, "%s\"%s\": ", *first ? "" : ", ", key);
	json_number(fp, v);
	*first = 0;
}

void aftertax_json(const crm_scenario *sc, const crm_after_tax *at, FILE *fp)
{
	const crm_settings *s = &sc->settings;
	const crm_cashflow *cf = at->cf;
	headline_item it[HEADLINE_MAX];
	size_t n = headline_items(&at->metrics, it);
	char line[1200];
	int first = 1;

	fputs("\"after_tax\": {\n    ", fp);
	for (size_t i = 0; i < n; i++) {
		if (it[i].ok)
			jnum(fp, it[i].key, it[i].value, &first);
		else
			fprintf(fp, "%s\"%s\": null", first ? "" : ", ", it[i].key), first = 0;
		if (it[i].note[0]) {
			fprintf(fp, ", \"%s_note\": ", it[i].key);
			json_string(fp, it[i].note);
		}
	}
	fputs(",\n    \"irr_roots\": [", fp);
	for (size_t i = 0; i < at->metrics.irr.nroots; i++) {
		fputs(i ? ", " : "", fp);
		json_number(fp, at->metrics.irr.roots[i]);
	}
	/* The same keys as the metrics: the month the lowest cumulative is reached. */
	fprintf(fp, "], \"peak_investment_month\": %d,\n    ",
		at->metrics.peak_period * cf->months_per_period);
	first = 1;
	jnum(fp, "tax_rate", s->tax_rate, &first);
	fprintf(fp, ", \"tax_lag_years\": %d, \"tax_losses\": \"%s\"", s->tax_lag_years,
		s->tax_losses == CRM_LOSSES_OFFSET ? "offset" : "carry_forward");
	jnum(fp, "tax_beyond_horizon", at->tax_beyond, &first);
	aftertax_convention(sc, at, line, sizeof line);
	fputs(",\n    \"conventions\": ", fp);
	json_string(fp, line);
	fputs(",\n    \"years\": [", fp);
	for (int y = 0; y < at->nyears; y++) {
		const crm_tax_year *t = &at->years[y];
		fprintf(fp, "%s\n      {\"year\": %d", y ? "," : "", y + 1);
		first = 0;
		jnum(fp, "capitalised", at->capitalised[y], &first);
		jnum(fp, "profit_before_depreciation", t->profit, &first);
		jnum(fp, "depreciation", t->depreciation, &first);
		jnum(fp, "taxable_profit", t->taxable, &first);
		jnum(fp, "loss_used", t->loss_used, &first);
		jnum(fp, "loss_carried", t->loss_carried, &first);
		jnum(fp, "tax", t->tax, &first);
		jnum(fp, "tax_paid", t->tax_paid, &first);
		jnum(fp, "salvage", at->salvage[y], &first);
		fputc('}', fp);
	}
	fputs("\n    ],\n    \"periods\": [", fp);
	for (int p = 0; p <= cf->nperiods; p++) {
		fprintf(fp, "%s\n      {\"month\": %d", p ? "," : "", p * cf->months_per_period);
		first = 0;
		jnum(fp, "costs", cf->costs[p], &first);
		jnum(fp, "benefits", cf->benefits[p], &first);
		jnum(fp, "net", cf->net[p], &first);
		jnum(fp, "cumulative", cf->cumulative[p], &first);
		jnum(fp, "pv", cf->pv_net[p], &first);
		jnum(fp, "cumulative_pv", cf->cumulative_pv[p], &first);
		fputc('}', fp);
	}
	fputs("\n    ]\n  }", fp);
}
