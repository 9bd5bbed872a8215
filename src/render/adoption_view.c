/*
 * adoption_view.c - benefits before and after adoption: the amount a
 * benefit would bring if every user worked in the CRM, the share that does
 * (the input its adoption column names) and what is left. The numbers come
 * from the evaluation (crm_cashflow.before_adoption and amount); a column's
 * share is after / before, so that a year folded from months shows the share
 * the year really had.
 */
#define _POSIX_C_SOURCE 200809L
#include "adoption_view.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void adoption_rows_free(adoption_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++) {
		free(rows[i].before);
		free(rows[i].after);
		free(rows[i].share);
	}
	free(rows);
}

int adoption_rows(const report *r, adoption_row **rowsp, size_t *np_out)
{
	const crm_scenario *sc = r->sc;
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1, n = 0, k = 0;
	adoption_row *rows;

	*rowsp = NULL;
	*np_out = 0;
	for (size_t l = 0; l < sc->nlines; l++)
		n += sc->lines[l].kind == CRM_BENEFIT && sc->lines[l].adoption >= 0;
	if (!n || !cf->before_adoption)
		return 0;
	if (!(rows = calloc(n, sizeof *rows)))
		return -1;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind != CRM_BENEFIT || ln->adoption < 0)
			continue;
		adoption_row *a = &rows[k++];
		a->line = ln;
		a->input = sc->inputs[ln->adoption].name;
		a->before = malloc((size_t)r->ncols * sizeof *a->before);
		a->after = malloc((size_t)r->ncols * sizeof *a->after);
		a->share = malloc((size_t)r->ncols * sizeof *a->share);
		if (!a->before || !a->after || !a->share) {
			adoption_rows_free(rows, k);
			return -1;
		}
		const double *b = cf->before_adoption + l * np, *x = cf->amount + l * np;
		report_fold(r, b, a->before);
		report_fold(r, x, a->after);
		for (int c = 0; c < r->ncols; c++)
			a->share[c] = a->before[c] != 0 ? a->after[c] / a->before[c] : NAN;
		a->total_before = r->c->adoption_before_total[l];
		a->pv_before = r->c->adoption_before_pv[l];
		a->total_after = r->c->adoption_after_total[l];
		a->pv_after = r->c->adoption_after_pv[l];
	}
	*rowsp = rows;
	*np_out = n;
	return 0;
}

void adoption_people(const report *r, FILE *fp, int md)
{
	adoption_row *rows;
	size_t n, nc = (size_t)r->ncols + 3;
	text_table t;

	if (adoption_rows(r, &rows, &n) != 0 || !n)
		return;
	const char **cells = calloc(nc, sizeof *cells);
	char (*buf)[FMT_NUM_MAX] = calloc(nc, sizeof *buf);
	char *label[3] = { NULL, NULL, NULL };
	if (!cells || !buf || table_init(&t, nc) != 0)
		goto done;
	fprintf(fp, md ? "\n## Adoption (%s, risk-adjusted)\n\n" : "\nAdoption (%s, risk-adjusted)\n",
		r->sc->settings.currency);
	const char *intro = "Each benefit with an adoption column, before and after the share of "
			    "adoption its input gives (the share of users who really work in the "
			    "CRM); a column's share is its amount after adoption / before.";
	if (md)
		fprintf(fp, "%s\n\n", intro);
	else
		print_para(fp, "  ", intro);
	cells[0] = r->sc->settings.currency;
	for (int c = 0; c < r->ncols; c++) {
		report_col_label(r, c, buf[c + 1], sizeof buf[0]);
		cells[c + 1] = buf[c + 1];
		t.right[c + 1] = 1;
	}
	cells[nc - 2] = "Total";
	cells[nc - 1] = "Present value";
	t.right[nc - 2] = t.right[nc - 1] = 1;
	table_add(&t, ROW_NORMAL, cells);
	for (size_t i = 0; i < n; i++) {
		const adoption_row *a = &rows[i];
		memset(cells, 0, nc * sizeof *cells);
		cells[0] = a->line->label;
		table_add(&t, md ? ROW_TOTAL : ROW_HEADING, cells);
		for (int k = 0; k < 3; k++) {
			free(label[k]);
			label[k] = NULL;
		}
		label[0] = dup_printf("%sbefore adoption", md ? "" : "  ");
		label[1] = dup_printf("%sshare (%s)", md ? "" : "  ", a->input);
		label[2] = dup_printf("%safter adoption", md ? "" : "  ");
		if (!label[0] || !label[1] || !label[2])
			goto done;
		for (int k = 0; k < 3; k++) {
			const double *v = k == 0 ? a->before : k == 1 ? a->share : a->after;
			cells[0] = label[k];
			for (int c = 0; c < r->ncols; c++) {
				if (k == 1 && isnan(v[c]))
					snprintf(buf[c + 1], sizeof buf[0], "-");
				else if (k == 1)
					fmt_percent(buf[c + 1], sizeof buf[0], v[c]);
				else
					fmt_money(buf[c + 1], sizeof buf[0], v[c], 0);
				cells[c + 1] = buf[c + 1];
			}
			if (k == 1) {
				cells[nc - 2] = cells[nc - 1] = NULL;
			} else {
				fmt_money(buf[nc - 2], sizeof buf[0], k ? a->total_after : a->total_before, 0);
				fmt_money(buf[nc - 1], sizeof buf[0], k ? a->pv_after : a->pv_before, 0);
				cells[nc - 2] = buf[nc - 2];
				cells[nc - 1] = buf[nc - 1];
			}
			table_add(&t, ROW_NORMAL, cells);
		}
	}
	if (md)
		table_print_markdown(&t, fp);
	else
		table_print_text(&t, fp, "  ");
	table_free(&t);
done:
	for (int k = 0; k < 3; k++)
		free(label[k]);
	free(cells);
	free(buf);
	adoption_rows_free(rows, n);
}

/* The native periods' amounts and shares: JSON keeps the evaluation's own grid. */
void adoption_json(const report *r, FILE *fp)
{
	const crm_scenario *sc = r->sc;
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;
	int first = 1;

	if (!cf->before_adoption)
		return;
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		if (ln->kind != CRM_BENEFIT || ln->adoption < 0)
			continue;
		fputs(first ? ",\n  \"adoption\": [\n    {" : ",\n    {", fp);
		first = 0;
		fputs("\"name\": ", fp);
		json_string(fp, ln->label);
		fputs(", \"input\": ", fp);
		json_string(fp, sc->inputs[ln->adoption].name);
		fputs(", \"share\": [", fp);
		for (size_t p = 0; p < np; p++) {
			fputs(p ? ", " : "", fp);
			json_number(fp, cf->input[(size_t)ln->adoption * np + p]);
		}
		double tb = r->c->adoption_before_total[l], ta = r->c->adoption_after_total[l];
		double pb = r->c->adoption_before_pv[l], pa = r->c->adoption_after_pv[l];
		for (int k = 0; k < 2; k++) {
			const double *v = (k ? cf->amount : cf->before_adoption) + l * np;
			fputs(k ? "], \"after\": [" : "], \"before\": [", fp);
			for (size_t p = 0; p < np; p++) {
				fputs(p ? ", " : "", fp);
				json_number(fp, v[p]);
			}
		}
		fputs("], \"total_before\": ", fp);
		json_number(fp, tb);
		fputs(", \"total_after\": ", fp);
		json_number(fp, ta);
		fputs(", \"present_value_before\": ", fp);
		json_number(fp, pb);
		fputs(", \"present_value_after\": ", fp);
		json_number(fp, pa);
		fputc('}', fp);
	}
	if (!first)
		fputs("\n  ]", fp);
}

char *line_inputs_text(const crm_scenario *sc, const crm_line *ln)
{
	static const char *const field[3] = { "start", "end", "ramp" };
	char *text = NULL;

	for (int k = 0; k < 3; k++) {
		if (!crm_line_timing_text(ln, k))
			continue;
		char *more = dup_printf("%s%s%s = %s", text ? text : "", text ? "; " : "", field[k],
					crm_line_timing_text(ln, k));
		free(text);
		if (!(text = more))
			return NULL;
	}
	if (ln->kind == CRM_BENEFIT && ln->adoption >= 0) {
		char *more = dup_printf("%s%sadoption: %s", text ? text : "", text ? "; " : "",
					sc->inputs[ln->adoption].name);
		free(text);
		text = more;
	}
	return text;
}
