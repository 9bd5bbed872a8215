/*
 * report.c - `crmroi run` reports: text for a person, markdown, CSV, JSON.
 *
 * Every format carries the same facts: the header (what was assumed), the
 * headline metrics with their definitions or the reason one does not exist,
 * and the cash-flow table by line, by area or category, and in total.
 */
#define _POSIX_C_SOURCE 200809L
#include "report.h"
#include "explain.h"
#include "aftertax_view.h"
#include "adoption_view.h"
#include "calendar.h"
#include "headline.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- row model */

/*
 * The cash-flow table as rows of numbers, shared by text, markdown and CSV.
 * kind: "cost"/"benefit" line, "cost_category"/"benefit_area" subtotal,
 * "total" rows.
 */
typedef struct cf_row {
	const char *section;   /* cost, benefit, cost_category, benefit_area, total */
	const char *name;      /* borrowed from the scenario, or static */
	const char *area;
	double *vals;          /* ncols */
	double total, pv;
	int has_total, has_pv;
	const char *note;
	const crm_line *line;  /* the line of a cost or benefit row, else NULL */
	const char *cls;       /* a benefit line's class, or the class of a class subtotal */
	int heading_before;    /* print a section heading before this row (text) */
	const char *heading;
	int flags;
} cf_row;

typedef struct cf_rows {
	cf_row *rows;
	size_t n;
	double *store;
} cf_rows;

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

static int build_rows(const report *r, cf_rows *out)
{
	const crm_scenario *sc = r->sc;
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;
	size_t maxrows = 2 * sc->nlines + 16 + 2 * CRM_NCLASSES;
	const char **areas = malloc((sc->nlines + 1) * sizeof *areas);

	memset(out, 0, sizeof *out);
	out->rows = calloc(maxrows, sizeof *out->rows);
	out->store = calloc(maxrows * (size_t)r->ncols, sizeof *out->store);
	if (!areas || !out->rows || !out->store) {
		free(areas);
		free(out->rows);
		free(out->store);
		return -1;
	}
	double *tmp = malloc(np * sizeof *tmp);
	if (!tmp) {
		free(areas);
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
			row->name = ln->label;
			row->area = ln->area;
			report_fold_line(r, cf, l, row->vals);
			row->total = report_col_total(r, row->vals);
			row->pv = r->c->line_pv[l];
			row->has_total = row->has_pv = 1;
			row->note = ln->note;
			row->line = ln;
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
			row->name = ln->label;
			row->area = ln->area;
			row->cls = crm_class_name(ln->cls);
			report_fold_line(r, r->c->all_cf, l, row->vals);
			row->total = report_col_total(r, row->vals);
			row->pv = r->c->line_pv[l];
			row->has_total = row->has_pv = 1;
			row->note = ln->note;
			row->line = ln;
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

static void free_rows(cf_rows *rows)
{
	free(rows->rows);
	free(rows->store);
}

/* ----------------------------------------------------------- metric list */

/*
 * The headline metrics in display order, shared by every format; with the
 * present value of flexibility after them when the metrics leave it out.
 */
static size_t metric_items(const report *r, headline_item *it)
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

static void peak_where(const report *r, char *buf, size_t len)
{
	int p = r->c->m.peak_period;

	if (r->c->m.peak_investment == 0)
		snprintf(buf, len, "the cumulative net cash flow never falls below 0");
	else if (p == 0)
		snprintf(buf, len, "reached in the Initial column (month 0)");
	else if (r->c->cf->months_per_period == 12)
		snprintf(buf, len, "reached at the end of Year %d (month %d)", p, 12 * p);
	else
		snprintf(buf, len, "reached at the end of month %d (Year %d)", p,
			 crm_cashflow_year_of(r->c->cf, p));
}

/* ------------------------------------------------------------------ header */

/* A header line: wrapped to the width in text (pre of spaces), as is in markdown; frees text. */
static void header_line(FILE *fp, const char *pre, char *text)
{
	if (!text)
		return;
	if (pre[0] == ' ')
		print_para(fp, pre, text);
	else
		fprintf(fp, "%s%s\n", pre, text);
	free(text);
}

static void describe_conventions(const report *r, FILE *fp, const char *pre)
{
	const crm_settings *s = &r->sc->settings;
	char pct[32];

	fmt_percent(pct, sizeof pct, s->discount_rate);
	fprintf(fp, "%sInitial = month 0, the investment date, not discounted.\n", pre);
	if (s->discounting == CRM_DISCOUNT_DATED) {
		char *text = dup_printf("Dated discounting, as a spreadsheet's XNPV: every flow is "
					"discounted to the investment date %04d-%02d-%02d by (1 + %s)^(days/365), "
					"each period's flows on the day the period ends and a once line with a "
					"date on its own day; IRR is the XIRR of those flows, MIRR and "
					"discounted payback follow the same dates.", s->start_year,
					s->start_month, s->start_day ? s->start_day : 1, pct);
		if (text && pre[0] == ' ')
			print_para(fp, pre, text);
		else if (text)
			fprintf(fp, "%s%s\n", pre, text);
		free(text);
	} else if (s->grid == CRM_GRID_YEAR)
		header_line(fp, pre, dup_printf("Year k is discounted at its end by (1 + %s)^k.", pct));
	else
		header_line(fp, pre, dup_printf("Month m is discounted at its end by (1 + %s)^(m/12); "
						"IRR and MIRR are annual rates.", pct));
	header_line(fp, pre, dup_printf("Amounts are risk-adjusted (TEI): benefit x (1 - risk), "
					"cost x (1 + risk)."));
	if (s->readiness) {
		char rd[1024];
		explain_readiness(s, rd, sizeof rd);
		if (pre[0] == ' ')
			print_para(fp, pre, rd);
		else
			fprintf(fp, "%s%s\n", pre, rd);
	}
}

static void header_text(const report *r, FILE *fp, int markdown)
{
	const crm_settings *s = &r->sc->settings;
	char d[32], f[32], rr[32];
	const char *b = markdown ? "- " : "  ";

	fmt_percent(d, sizeof d, s->discount_rate);
	fmt_percent(f, sizeof f, s->finance_rate);
	fmt_percent(rr, sizeof rr, s->reinvest_rate);
	if (markdown)
		fprintf(fp, "# %s\n\n", s->title[0] ? s->title : r->sc->file);
	else
		print_para(fp, "", s->title[0] ? s->title : r->sc->file);
	fprintf(fp, "%sScenario: %s\n", b, r->sc->file);
	fprintf(fp, "%sCurrency: %s\n", b, s->currency);
	char when[64] = "";
	if (s->start_day)
		snprintf(when, sizeof when, ", investment date %04d-%02d-%02d", s->start_year,
			 s->start_month, s->start_day);
	else if (s->start_year)
		snprintf(when, sizeof when, ", month 1 = %04d-%02d", s->start_year, s->start_month);
	header_line(fp, b, dup_printf("Horizon: %d year%s (%d months), evaluated by %s%s",
				      s->horizon_years, s->horizon_years == 1 ? "" : "s",
				      12 * s->horizon_years, crm_grid_name(s->grid), when));
	if (s->fiscal_year_start)
		header_line(fp, b, dup_printf("Fiscal years start in month %d; a year is labelled by "
					      "the fiscal year it ends in", s->fiscal_year_start));
	header_line(fp, b, dup_printf("Discount rate: %s a year; MIRR finance rate %s, "
				      "reinvestment rate %s", d, f, rr));
	fprintf(fp, "%sConventions:\n", b);
	describe_conventions(r, fp, markdown ? "  - " : "    ");
	if (report_classes_shown(r)) {
		explain_classes rc;
		explain_classes_of(r->sc, r->c->only_given, 1, &rc);
		header_line(fp, b, dup_printf("%s", rc.sentence));
	}
}

/* Each gate (group of lines) in a sentence. */
static void gates_text(const report *r, FILE *fp, int md)
{
	const crm_scenario *sc = r->sc;
	char buf[2048];

	if (!sc->ngroups)
		return;
	fprintf(fp, md ? "\n## %s\n\n" : "\n%s\n", "Gates (lines that happen together)");
	for (size_t g = 0; g < sc->ngroups; g++) {
		explain_gate(sc, g, buf, sizeof buf);
		if (md)
			fprintf(fp, "- %s\n", buf);
		else
			print_para(fp, "  ", buf);
	}
}

/* -------------------------------------------------------------------- text */

static void metrics_table(const report *r, text_table *t, int with_header)
{
	headline_item it[HEADLINE_MAX];
	size_t n = metric_items(r, it);
	char v[FMT_NUM_MAX], where[160];

	if (with_header)
		table_add(t, ROW_NORMAL, (const char *[]){ "Metric", "Value", "Meaning" });
	t->right[1] = 1;
	t->wrap_last = 1;
	for (size_t i = 0; i < n; i++) {
		const char *meaning = it[i].ok ? it[i].definition : it[i].note;
		headline_text(v, sizeof v, it[i].kind, it[i].ok, it[i].value);
		if (!strcmp(it[i].key, "peak_investment")) {
			peak_where(r, where, sizeof where);
			char both[400];
			snprintf(both, sizeof both, "%s, %s", it[i].definition, where);
			table_add(t, ROW_NORMAL, (const char *[]){ it[i].label, v, both });
		} else if (it[i].ok && r->sc->settings.start_year && strstr(it[i].key, "payback")) {
			/* With a start date, the payback is a day as well. */
			char day[32], both[400];
			calendar_date_after(&r->sc->settings, it[i].value, day, sizeof day);
			snprintf(both, sizeof both, "%s; on %s", meaning, day);
			table_add(t, ROW_NORMAL, (const char *[]){ it[i].label, v, both });
		} else {
			table_add(t, ROW_NORMAL, (const char *[]){ it[i].label, v, meaning });
		}
	}
}

static void metric_notes(const report *r, FILE *fp, const char *pre)
{
	headline_item it[HEADLINE_MAX];
	size_t n = metric_items(r, it);

	for (size_t i = 0; i < n; i++) {
		if (!it[i].ok || !it[i].note[0])
			continue;
		char *text = dup_printf("Note on %s: %s.", it[i].label, it[i].note);
		if (text && pre[0] == ' ')
			print_para(fp, pre, text);
		else if (text)
			fprintf(fp, "%s%s\n", pre, text);
		free(text);
	}
}

static void cash_table(const report *r, text_table *t, const cf_rows *rows, int markdown)
{
	size_t nc = (size_t)r->ncols + 3;
	const char **cells = calloc(nc, sizeof *cells);
	char (*buf)[FMT_NUM_MAX] = calloc(nc, sizeof *buf);
	char *label = NULL;

	if (!cells || !buf)
		goto done;
	cells[0] = r->sc->settings.currency;
	for (int c = 0; c < r->ncols; c++) {
		report_col_label(r, c, buf[c + 1], sizeof buf[c + 1]);
		cells[c + 1] = buf[c + 1];
		t->right[c + 1] = 1;
	}
	cells[r->ncols + 1] = "Total";
	cells[r->ncols + 2] = "Present value";
	t->right[r->ncols + 1] = t->right[r->ncols + 2] = 1;
	table_add(t, ROW_NORMAL, cells);
	for (size_t i = 0; i < rows->n; i++) {
		const cf_row *row = &rows->rows[i];
		if (row->heading_before) {
			memset(cells, 0, nc * sizeof *cells);
			cells[0] = row->heading;
			table_add(t, markdown ? ROW_TOTAL : ROW_HEADING, cells);
		}
		free(label);
		if (!(label = dup_printf("%s%s", markdown || row->flags == ROW_TOTAL ? "" : "  ",
					 row->name)))
			goto done;
		cells[0] = label;
		for (int c = 0; c < r->ncols; c++) {
			if (row->flags == -1)
				snprintf(buf[c + 1], sizeof buf[c + 1], "%.6f", row->vals[c]);
			else
				fmt_money(buf[c + 1], sizeof buf[c + 1], row->vals[c], 0);
			cells[c + 1] = buf[c + 1];
		}
		fmt_money(buf[r->ncols + 1], sizeof buf[0], row->total, 0);
		fmt_money(buf[r->ncols + 2], sizeof buf[0], row->pv, 0);
		cells[r->ncols + 1] = row->has_total ? buf[r->ncols + 1] : NULL;
		cells[r->ncols + 2] = row->has_pv ? buf[r->ncols + 2] : NULL;
		table_add(t, row->flags == ROW_TOTAL ? ROW_TOTAL : ROW_NORMAL, cells);
	}
done:
	free(label);
	free(cells);
	free(buf);
}

/* The range column of an input or line: "4% to 12%, triangular"; malloc'd. */
static char *range_text(const crm_range *rg)
{
	if (!rg->given)
		return dup_printf("%s", rg->dist == CRM_DIST_FIXED ? "fixed" : "");
	return dup_printf("%s to %s%s%s", rg->low_text, rg->high_text, rg->dist ? ", " : "",
			  rg->dist ? crm_dist_name(rg->dist) : "");
}

/*
 * The months a line covers, as written: "0", "4-60"; a line that starts after
 * the horizon says so instead of showing an end before its start.
 */
static void line_months(const crm_scenario *sc, const crm_line *ln, char *buf, size_t len)
{
	int horizon = crm_scenario_months(sc);

	if (ln->start > horizon) {
		if (ln->timing == CRM_ONCE || ln->end_given == 0)
			snprintf(buf, len, "%d (after the horizon)", ln->start);
		else
			snprintf(buf, len, "%d-%d (after the horizon)", ln->start, ln->end_given);
	} else if (ln->timing == CRM_ONCE) {
		snprintf(buf, len, "%d", ln->start);
	} else {
		snprintf(buf, len, "%d-%d", ln->start, ln->end);
	}
}

static int any_probability(const crm_scenario *sc)
{
	for (size_t l = 0; l < sc->nlines; l++)
		if (sc->lines[l].probability != 1)
			return 1;
	return 0;
}

static int any_unit(const crm_scenario *sc)
{
	for (size_t i = 0; i < sc->ninputs; i++)
		if (sc->inputs[i].unit && sc->inputs[i].unit[0])
			return 1;
	return 0;
}

/*
 * The inputs and lines tables. In text, a line's owner, metric and note go on
 * a line of their own under it; markdown has them as columns.
 */
static int assumptions_tables(const report *r, text_table *ti, text_table *tl, int md)
{
	const crm_scenario *sc = r->sc;
	char year1[64], months[600], risk[FMT_NUM_MAX], growth[FMT_NUM_MAX], prob[FMT_NUM_MAX];
	char ramp[64];
	int units = any_unit(sc), probs = any_probability(sc);
	const char *cells[16];   /* the most columns a table has here: 14 */
	size_t n;

	if (table_init(ti, units ? 6 : 5) != 0 || table_init(tl, 7 + (size_t)probs +
							      (md ? 6 : 0)) != 0)
		return -1;
	ti->wrap_last = 1;
	/* table_add reads every column: the unused trailing cells stay NULL. */
	memset(cells, 0, sizeof cells);
	n = 0;
	cells[n++] = "Input";
	cells[n++] = "Value";
	if (units)
		cells[n++] = "Unit";
	cells[n++] = "Year 1";
	cells[n++] = "Range";
	cells[n++] = "Note";
	table_add(ti, ROW_NORMAL, cells);
	ti->right[units ? 3 : 2] = 1;
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		char *range = range_text(&in->range);
		fmt_exact(year1, sizeof year1, r->c->cf->input[i * (size_t)(r->c->cf->nperiods + 1) + 1]);
		n = 0;
		cells[n++] = in->name;
		cells[n++] = in->value_text;
		if (units)
			cells[n++] = in->unit ? in->unit : "";
		cells[n++] = year1;
		cells[n++] = range ? range : "";
		cells[n++] = in->note;
		table_add(ti, ROW_NORMAL, cells);
		free(range);
	}
	memset(cells, 0, sizeof cells);
	n = 0;
	cells[n++] = "Line";
	cells[n++] = "Kind";
	if (md) {
		cells[n++] = "Area";
		cells[n++] = "Value";
		cells[n++] = "Range";
	}
	for (const char *const *h = (const char *const[]){ "Timing", "Months", "Ramp", "Growth",
		     "Risk", NULL }; *h; h++)
		cells[n++] = *h;
	if (probs)
		cells[n++] = "Probability";
	if (md) {
		cells[n++] = "Owner";
		cells[n++] = "Metric";
		cells[n++] = "Note";
	}
	table_add(tl, ROW_NORMAL, cells);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		line_months(sc, ln, months, sizeof months);
		if (md) {
			/* The formulas the months follow, as the text table's line under it. */
			char *f = line_inputs_text(sc, ln);
			if (f) {
				size_t k = strlen(months);
				snprintf(months + k, sizeof months - k, " (%s)", f);
			}
			free(f);
		}
		if (ln->ramp)
			snprintf(ramp, sizeof ramp, "%d %s", ln->ramp, crm_curve_name(ln->curve));
		else
			snprintf(ramp, sizeof ramp, "-");
		fmt_percent(growth, sizeof growth, ln->growth);
		fmt_percent(risk, sizeof risk, ln->risk);
		fmt_percent(prob, sizeof prob, ln->probability);
		memset(cells, 0, sizeof cells);
		n = 0;
		cells[n++] = ln->label;
		cells[n++] = ln->kind == CRM_COST ? "cost" : "benefit";
		char *range = range_text(&ln->range);
		if (md) {
			cells[n++] = ln->area;
			cells[n++] = ln->value_text;
			cells[n++] = range ? range : "";
		}
		cells[n++] = crm_timing_name(ln->timing);
		cells[n++] = months;
		cells[n++] = ramp;
		cells[n++] = growth;
		cells[n++] = risk;
		if (probs)
			cells[n++] = prob;
		if (md) {
			cells[n++] = ln->owner;
			cells[n++] = ln->metric;
			cells[n++] = ln->note;
		}
		table_add(tl, ROW_NORMAL, cells);
		if (md) {
			free(range);
			continue;
		}
		/* Text: the value and the free-text columns under the row, each part labelled. */
		char *value = dup_printf("= %s%s%s%s", ln->value_text, range && range[0] ? " (range " : "",
					 range && range[0] ? range : "", range && range[0] ? ")" : "");
		free(range);
		char *who = dup_printf("%s%s%s%s%s%s%s%s%s%s", ln->area[0] ? "area: " : "", ln->area,
				       ln->area[0] && ln->owner[0] ? "; " : "",
				       ln->owner[0] ? "owner: " : "", ln->owner,
				       (ln->area[0] || ln->owner[0]) && ln->metric[0] ? "; " : "",
				       ln->metric[0] ? "metric: " : "", ln->metric,
				       (ln->area[0] || ln->owner[0] || ln->metric[0]) && ln->note[0]
				       ? "; note: " : ln->note[0] ? "note: " : "", ln->note);
		/* The class (when not the default) and the group, after the rest. */
		if (who && ((ln->kind == CRM_BENEFIT && ln->cls != CRM_CLASS_CASH) || ln->group >= 0)) {
			char *more = dup_printf("%s%s%s%s%s%s", who, who[0] ? "; " : "",
						ln->kind == CRM_BENEFIT && ln->cls != CRM_CLASS_CASH
						? "class: " : "",
						ln->kind == CRM_BENEFIT && ln->cls != CRM_CLASS_CASH
						? crm_class_name(ln->cls) : "",
						ln->group >= 0 ? (ln->kind == CRM_BENEFIT &&
						ln->cls != CRM_CLASS_CASH ? "; group: " : "group: ") : "",
						ln->group >= 0 ? sc->groups[ln->group].name : "");
			free(who);
			who = more;
		}
		memset(cells, 0, sizeof cells);
		cells[0] = value;
		if (value)
			table_add(tl, ROW_NOTE, cells);
		char *follows = line_inputs_text(sc, ln);   /* months and share from inputs */
		cells[0] = follows;
		if (follows)
			table_add(tl, ROW_NOTE, cells);
		free(follows);
		cells[0] = who;
		if (who && who[0])
			table_add(tl, ROW_NOTE, cells);
		free(value);
		free(who);
	}
	return 0;
}

/* A section heading: "Title" in text, "## Title" in markdown. */
static void heading(FILE *fp, int md, const char *title)
{
	fprintf(fp, md ? "\n## %s\n\n" : "\n%s\n", title);
}

static void print_table(const text_table *t, FILE *fp, int md)
{
	if (md)
		table_print_markdown(t, fp);
	else
		table_print_text(t, fp, "  ");
}

/* The report for people: text, or markdown for documents and wikis. */
static void report_people(const report *r, FILE *fp, int md)
{
	text_table t, ti, tl;
	cf_rows rows;
	char title[160];

	memset(&ti, 0, sizeof ti);
	memset(&tl, 0, sizeof tl);
	header_text(r, fp, md);
	heading(fp, md, "Headline metrics");
	if (table_init(&t, 3) == 0) {
		metrics_table(r, &t, md);
		print_table(&t, fp, md);
		table_free(&t);
	}
	metric_notes(r, fp, md ? "\n" : "  ");
	gates_text(r, fp, md);
	snprintf(title, sizeof title, "Cash flow (%s, risk-adjusted%s)", r->sc->settings.currency,
		 r->by_month ? ", by month" : "");
	heading(fp, md, title);
	if (build_rows(r, &rows) == 0 && table_init(&t, (size_t)r->ncols + 3) == 0) {
		cash_table(r, &t, &rows, md);
		print_table(&t, fp, md);
		table_free(&t);
		free_rows(&rows);
	}
	adoption_people(r, fp, md);
	if (r->c->has_tax)
		aftertax_people(r->sc, &r->c->m, &r->c->at, fp, md);
	if (assumptions_tables(r, &ti, &tl, md) == 0) {
		if (r->sc->ninputs) {
			heading(fp, md, "Inputs");
			print_table(&ti, fp, md);
		}
		heading(fp, md, md ? "Lines" : "Lines (months: 0 = Initial; ramp in months)");
		print_table(&tl, fp, md);
	}
	table_free(&ti);
	table_free(&tl);
}

void report_text(const report *r, FILE *fp)
{
	report_people(r, fp, 0);
}

void report_markdown(const report *r, FILE *fp)
{
	report_people(r, fp, 1);
}

/* --------------------------------------------------------------------- CSV */

/*
 * The attribute columns between name and the periods. Every column holds one
 * kind of value: numbers only in value, start, end, probability, risk, growth,
 * low, high and the periods; the reason a metric does not exist is in note.
 */
static const char *const csv_attrs[] = {
	"area", "value", "note", "unit", "formula", "timing", "start", "end", "probability",
	"risk", "growth", "low", "high", "dist", "owner", "metric", "class", "group"
};
#define NATTRS (sizeof csv_attrs / sizeof *csv_attrs)

/* One row's attribute cells, in csv_attrs order; NULL text and NAN numbers leave a cell empty. */
typedef struct csv_row {
	const char *text[NATTRS];
	double num[NATTRS];
} csv_row;

static void csv_row_clear(csv_row *c)
{
	for (size_t k = 0; k < NATTRS; k++) {
		c->text[k] = NULL;
		c->num[k] = NAN;
	}
}

enum { A_AREA, A_VALUE, A_NOTE, A_UNIT, A_FORMULA, A_TIMING, A_START, A_END, A_PROB, A_RISK,
       A_GROWTH, A_LOW, A_HIGH, A_DIST, A_OWNER, A_METRIC, A_CLASS, A_GROUP };

static void csv_row_head(FILE *fp, const char *scenario, const char *section, const char *name,
			 const csv_row *c)
{
	int first = 1;

	if (scenario) {
		csv_field(fp, scenario, 1);
		first = 0;
	}
	csv_field(fp, section, first);
	csv_field(fp, name, 0);
	for (size_t k = 0; k < NATTRS; k++) {
		if (c->text[k])
			csv_field(fp, c->text[k], 0);
		else
			csv_number(fp, c->num[k], 0);
	}
}

static void csv_range(csv_row *c, const crm_range *rg)
{
	if (rg->given) {
		c->num[A_LOW] = rg->low;
		c->num[A_HIGH] = rg->high;
	}
	if (rg->dist)
		c->text[A_DIST] = crm_dist_name(rg->dist);
}

int report_csv_header_same(const report *a, const report *b)
{
	char la[48], lb[48];

	if (a->ncols != b->ncols)
		return 0;
	for (int c = 0; c < a->ncols; c++) {
		report_col_label(a, c, la, sizeof la);
		report_col_label(b, c, lb, sizeof lb);
		if (strcmp(la, lb))
			return 0;
	}
	return 1;
}

void report_csv_header(const report *r, FILE *fp, int with_scenario)
{
	char label[48];

	if (with_scenario)
		csv_field(fp, "scenario", 1);
	csv_field(fp, "section", !with_scenario);
	csv_field(fp, "name", 0);
	for (size_t k = 0; k < NATTRS; k++)
		csv_field(fp, csv_attrs[k], 0);
	for (int c = 0; c < r->ncols; c++) {
		report_col_label(r, c, label, sizeof label);
		csv_field(fp, label, 0);
	}
	csv_field(fp, "Total", 0);
	csv_field(fp, "Present value", 0);
	csv_end(fp);
}

/*
 * The after-tax view: its metrics as rows of section after_tax_metric, and
 * per year (the column holding the year's last period) rows of section
 * after_tax; tax_beyond_horizon in the value column.
 */
static void csv_after_tax(const report *r, FILE *fp, const char *scenario)
{
	const crm_after_tax *at = &r->c->at;
	headline_item it[HEADLINE_MAX];
	size_t n = headline_items(&at->metrics, it);
	int ppy = 12 / r->c->cf->months_per_period;
	double *v = malloc((size_t)r->ncols * sizeof *v);
	csv_row c;

	for (size_t i = 0; i < n; i++) {
		csv_row_clear(&c);
		if (it[i].ok)
			c.num[A_VALUE] = it[i].value;
		c.text[A_NOTE] = it[i].note;
		csv_row_head(fp, scenario, "after_tax_metric", it[i].key, &c);
		for (int k = 0; k < r->ncols + 2; k++)
			csv_field(fp, "", 0);
		csv_end(fp);
	}
	csv_row_clear(&c);
	c.num[A_VALUE] = at->tax_beyond;
	c.text[A_NOTE] = "tax of the horizon's years paid after it, left out";
	csv_row_head(fp, scenario, "after_tax", "tax_beyond_horizon", &c);
	for (int k = 0; k < r->ncols + 2; k++)
		csv_field(fp, "", 0);
	csv_end(fp);
	static const char *const names[] = { "capitalised", "profit_before_depreciation",
		"depreciation", "taxable_profit", "loss_carried", "tax", "tax_paid", "salvage",
		"net_after_tax" };
	for (size_t j = 0; v && j < sizeof names / sizeof *names; j++) {
		double total = 0;
		for (int k = 0; k < r->ncols; k++)
			v[k] = j == 8 ? 0 : NAN;
		if (j == 8) {
			report_fold(r, at->cf->net, v);
		} else {
			for (int y = 0; y < at->nyears; y++) {
				const crm_tax_year *t = &at->years[y];
				double x = j == 0 ? at->capitalised[y] : j == 1 ? t->profit
					 : j == 2 ? t->depreciation : j == 3 ? t->taxable
					 : j == 4 ? t->loss_carried : j == 5 ? t->tax
					 : j == 6 ? t->tax_paid : at->salvage[y];
				v[r->col_of[(y + 1) * ppy]] = x;
			}
		}
		csv_row_clear(&c);
		csv_row_head(fp, scenario, "after_tax", names[j], &c);
		for (int k = 0; k < r->ncols; k++) {
			csv_number(fp, v[k], 0);
			total += isfinite(v[k]) ? v[k] : 0;
		}
		if (j == 4)
			csv_field(fp, "", 0);
		else
			csv_number(fp, total, 0);
		csv_field(fp, "", 0);
		csv_end(fp);
	}
	free(v);
}

/*
 * Section "adoption": for each benefit with an adoption column, its amounts
 * before adoption (name "LINE: before adoption"), its share in each column
 * ("LINE: share", value = the input's name in formula) and after adoption.
 */
static void csv_adoption(const report *r, FILE *fp, const char *scenario)
{
	adoption_row *rows;
	size_t n;
	csv_row c;

	if (adoption_rows(r, &rows, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		static const char *const what[] = { "before adoption", "share", "after adoption" };
		for (int k = 0; k < 3; k++) {
			const double *v = k == 0 ? rows[i].before : k == 1 ? rows[i].share : rows[i].after;
			char *name = dup_printf("%s: %s", rows[i].line->label, what[k]);
			if (!name)
				break;
			csv_row_clear(&c);
			c.text[A_AREA] = rows[i].line->area;
			c.text[A_FORMULA] = rows[i].input;
			csv_row_head(fp, scenario, "adoption", name, &c);
			free(name);
			for (int col = 0; col < r->ncols; col++)
				csv_number(fp, v[col], 0);
			if (k == 1) {
				csv_field(fp, "", 0);
				csv_field(fp, "", 0);
			} else {
				csv_number(fp, k ? rows[i].total_after : rows[i].total_before, 0);
				csv_number(fp, k ? rows[i].pv_after : rows[i].pv_before, 0);
			}
			csv_end(fp);
		}
	}
	adoption_rows_free(rows, n);
}

void report_csv_rows(const report *r, FILE *fp, const char *scenario)
{
	const crm_scenario *sc = r->sc;
	size_t np = (size_t)r->c->cf->nperiods + 1;
	headline_item it[HEADLINE_MAX];
	size_t n = metric_items(r, it);
	cf_rows rows;
	csv_row c;
	/* Per-period values of inputs exist per native period, so only on a native view. */
	int native = r->by_month || sc->settings.grid == CRM_GRID_YEAR;

	for (size_t i = 0; i < n; i++) {
		csv_row_clear(&c);
		if (it[i].ok)
			c.num[A_VALUE] = it[i].value;
		c.text[A_NOTE] = it[i].note;
		csv_row_head(fp, scenario, "metric", it[i].key, &c);
		for (int k = 0; k < r->ncols + 2; k++)
			csv_field(fp, "", 0);
		csv_end(fp);
	}
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		csv_row_clear(&c);
		c.num[A_VALUE] = r->c->cf->input[i * np + (np > 1 ? 1 : 0)];
		c.text[A_NOTE] = in->note;
		c.text[A_UNIT] = in->unit ? in->unit : "";
		c.text[A_FORMULA] = in->value_text;
		csv_range(&c, &in->range);
		csv_row_head(fp, scenario, "input", in->name, &c);
		for (int k = 0; k < r->ncols; k++) {
			if (native)
				csv_number(fp, r->c->cf->input[i * np + (size_t)k], 0);
			else
				csv_field(fp, "", 0);
		}
		csv_field(fp, "", 0);
		csv_field(fp, "", 0);
		csv_end(fp);
	}
	if (r->sc->settings.readiness) {
		char rd[1024];
		explain_readiness(&r->sc->settings, rd, sizeof rd);
		csv_row_clear(&c);
		c.num[A_VALUE] = crm_assess_factor(r->sc->settings.readiness_score,
						   r->sc->settings.readiness_floor);
		c.text[A_NOTE] = rd;
		csv_row_head(fp, scenario, "readiness", "execution_factor", &c);
		for (int k = 0; k < r->ncols + 2; k++)
			csv_field(fp, "", 0);
		csv_end(fp);
	}
	for (size_t g = 0; g < sc->ngroups; g++) {
		char sentence[2048];
		explain_gate(sc, g, sentence, sizeof sentence);
		csv_row_clear(&c);
		c.num[A_VALUE] = sc->groups[g].probability;
		c.num[A_PROB] = sc->groups[g].probability;
		c.num[A_START] = sc->groups[g].first_month;
		c.text[A_NOTE] = sentence;
		c.text[A_GROUP] = sc->groups[g].name;
		csv_row_head(fp, scenario, "gate", sc->groups[g].name, &c);
		for (int k = 0; k < r->ncols + 2; k++)
			csv_field(fp, "", 0);
		csv_end(fp);
	}
	if (r->c->has_tax)
		csv_after_tax(r, fp, scenario);
	csv_adoption(r, fp, scenario);
	if (build_rows(r, &rows) != 0)
		return;
	for (size_t i = 0; i < rows.n; i++) {
		const cf_row *row = &rows.rows[i];
		csv_row_clear(&c);
		c.text[A_AREA] = row->area ? row->area : "";
		c.text[A_NOTE] = row->note ? row->note : "";
		if (row->line) {
			const crm_line *ln = row->line;
			c.text[A_FORMULA] = ln->value_text;
			c.text[A_TIMING] = crm_timing_name(ln->timing);
			c.num[A_START] = ln->start;
			c.num[A_END] = ln->timing == CRM_ONCE ? ln->start
				     : ln->start > crm_scenario_months(sc) && ln->end_given ? ln->end_given
				     : ln->end;
			c.num[A_PROB] = ln->probability;
			c.num[A_RISK] = ln->risk;
			c.num[A_GROWTH] = ln->growth;
			csv_range(&c, &ln->range);
			c.text[A_OWNER] = ln->owner;
			c.text[A_METRIC] = ln->metric;
			c.text[A_GROUP] = ln->group >= 0 ? sc->groups[ln->group].name : "";
		}
		c.text[A_CLASS] = row->cls ? row->cls : "";
		csv_row_head(fp, scenario, row->section, row->name, &c);
		for (int k = 0; k < r->ncols; k++)
			csv_number(fp, row->vals[k], 0);
		if (row->has_total)
			csv_number(fp, row->total, 0);
		else
			csv_field(fp, "", 0);
		if (row->has_pv)
			csv_number(fp, row->pv, 0);
		else
			csv_field(fp, "", 0);
		csv_end(fp);
	}
	free_rows(&rows);
}

void report_csv(const report *r, FILE *fp)
{
	report_csv_header(r, fp, 0);
	report_csv_rows(r, fp, NULL);
}

/* -------------------------------------------------------------------- JSON */

static void json_key(FILE *fp, const char *k, int *first)
{
	if (!*first)
		fputc(',', fp);
	*first = 0;
	fputs("\n    ", fp);
	json_string(fp, k);
	fputs(": ", fp);
}

static void json_array(FILE *fp, const double *v, size_t n)
{
	fputc('[', fp);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(", ", fp);
		json_number(fp, v[i]);
	}
	fputc(']', fp);
}

/* ", \"low\": ..., \"high\": ..., \"dist\": ..." (null when not given). */
static void json_range(FILE *fp, const crm_range *rg)
{
	fputs(", \"low\": ", fp);
	if (rg->given)
		json_number(fp, rg->low);
	else
		fputs("null", fp);
	fputs(", \"high\": ", fp);
	if (rg->given)
		json_number(fp, rg->high);
	else
		fputs("null", fp);
	fputs(", \"dist\": ", fp);
	if (rg->dist)
		json_string(fp, crm_dist_name(rg->dist));
	else
		fputs("null", fp);
}

void report_json(const report *r, FILE *fp)
{
	const crm_scenario *sc = r->sc;
	const crm_settings *s = &sc->settings;
	const crm_cashflow *cf = r->c->cf;
	size_t np = (size_t)cf->nperiods + 1;
	headline_item it[HEADLINE_MAX];
	size_t n = metric_items(r, it);
	char buf[64];
	int first;

	fputs("{\n  \"file\": ", fp);
	json_string(fp, sc->file);
	fputs(",\n  \"title\": ", fp);
	json_string(fp, s->title);
	fputs(",\n  \"only\": ", fp);   /* --only: the classes named, as every command writes them */
	if (r->c->only_given) {
		char only[EXPLAIN_CLASSES_LEN];
		explain_class_set(s->classes, only, sizeof only);
		json_string(fp, only);
	} else {
		fputs("null", fp);
	}
	fputs(",\n  \"currency\": ", fp);
	json_string(fp, s->currency);
	fprintf(fp, ",\n  \"horizon_years\": %d,\n  \"grid\": ", s->horizon_years);
	json_string(fp, crm_grid_name(s->grid));
	fputs(",\n  \"discount_rate\": ", fp);
	json_number(fp, s->discount_rate);
	fputs(",\n  \"finance_rate\": ", fp);
	json_number(fp, s->finance_rate);
	fputs(",\n  \"reinvest_rate\": ", fp);
	json_number(fp, s->reinvest_rate);
	fputs(",\n  \"start_date\": ", fp);
	if (s->start_year) {
		if (s->start_day)
			snprintf(buf, sizeof buf, "%04d-%02d-%02d", s->start_year, s->start_month,
				 s->start_day);
		else
			snprintf(buf, sizeof buf, "%04d-%02d", s->start_year, s->start_month);
		json_string(fp, buf);
	} else {
		fputs("null", fp);
	}
	fputs(",\n  \"conventions\": ", fp);
	json_string(fp, s->discounting == CRM_DISCOUNT_DATED
		    ? "dated: every flow is discounted to the investment date by (1+r)^(days/365), as "
		      "XNPV: each period's flows on the day it ends, a once line with a date on its "
		      "day; IRR is the XIRR; amounts are risk-adjusted: benefit x (1 - risk), "
		      "cost x (1 + risk)"
		    : s->grid == CRM_GRID_YEAR
		    ? "Initial is month 0, not discounted; Year k is discounted at its end by (1+r)^k; "
		      "amounts are risk-adjusted: benefit x (1 - risk), cost x (1 + risk)"
		    : "Initial is month 0, not discounted; month m is discounted at its end by "
		      "(1+r)^(m/12); IRR and MIRR are annual; amounts are risk-adjusted: "
		      "benefit x (1 - risk), cost x (1 + risk)");
	if (s->readiness) {
		fputs(",\n  \"readiness\": {\"file\": ", fp);
		json_string(fp, s->readiness);
		fputs(", \"score\": ", fp);
		json_number(fp, s->readiness_score);
		fputs(", \"floor\": ", fp);
		json_number(fp, s->readiness_floor);
		fputs(", \"factor\": ", fp);
		json_number(fp, crm_assess_factor(s->readiness_score, s->readiness_floor));
		fputs(", \"note\": \"benefits x factor, on top of the risk adjustment; a judgement "
		      "from the self-assessment, not a calibrated estimate\"}", fp);
	}
	fputs(",\n  \"metrics\": {", fp);
	first = 1;
	for (size_t i = 0; i < n; i++) {
		json_key(fp, it[i].key, &first);
		if (it[i].ok)
			json_number(fp, it[i].value);
		else
			fputs("null", fp);
		if (it[i].note[0]) {
			snprintf(buf, sizeof buf, "%s_note", it[i].key);
			json_key(fp, buf, &first);
			json_string(fp, it[i].note);
		}
	}
	json_key(fp, "irr_roots", &first);
	json_array(fp, r->c->m.irr.roots, r->c->m.irr.nroots);
	json_key(fp, "peak_investment_month", &first);
	fprintf(fp, "%d", r->c->m.peak_period * cf->months_per_period);
	if (s->start_year) {
		/* Payback as a day too: the investment date plus the months. */
		for (int d = 0; d < 2; d++) {
			const crm_payback *pb = d ? &r->c->m.dpayback : &r->c->m.payback;
			json_key(fp, d ? "discounted_payback_date" : "payback_date", &first);
			calendar_date_after(s, pb->months, buf, sizeof buf);
			if (pb->status == CRM_PAYBACK_REACHED)
				json_string(fp, buf);
			else
				fputs("null", fp);
		}
	}
	fputs("\n  },\n  \"periods\": [", fp);
	for (size_t p = 0; p < np; p++) {
		fputs(p ? ",\n    {" : "\n    {", fp);
		if (p == 0) {
			snprintf(buf, sizeof buf, "Initial");
		} else if (cf->months_per_period == 12) {
			calendar_year_label(s, (int)p, buf, sizeof buf);
		} else if (s->start_year) {
			int mi = s->start_month - 1 + (int)p - 1;
			snprintf(buf, sizeof buf, "%04d-%02d", s->start_year + mi / 12, mi % 12 + 1);
		} else {
			snprintf(buf, sizeof buf, "Month %zu", p);
		}
		fputs("\"label\": ", fp);
		json_string(fp, buf);
		fprintf(fp, ", \"month\": %zu, \"costs\": ", p * (size_t)cf->months_per_period);
		json_number(fp, cf->costs[p]);
		fputs(", \"benefits\": ", fp);
		json_number(fp, cf->benefits[p]);
		fputs(", \"net\": ", fp);
		json_number(fp, cf->net[p]);
		fputs(", \"cumulative\": ", fp);
		json_number(fp, cf->cumulative[p]);
		fputs(", \"discount_factor\": ", fp);
		json_number(fp, cf->df[p]);
		fputs(", \"pv\": ", fp);
		json_number(fp, cf->pv_net[p]);
		fputs(", \"cumulative_pv\": ", fp);
		json_number(fp, cf->cumulative_pv[p]);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"lines\": [", fp);
	for (size_t l = 0; l < sc->nlines; l++) {
		const crm_line *ln = &sc->lines[l];
		fputs(l ? ",\n    {" : "\n    {", fp);
		fputs("\"kind\": ", fp);
		json_string(fp, ln->kind == CRM_COST ? "cost" : "benefit");
		fputs(", \"name\": ", fp);
		json_string(fp, ln->label);
		fputs(", \"area\": ", fp);
		json_string(fp, ln->area);
		fputs(", \"value\": ", fp);
		json_string(fp, ln->value_text);
		fputs(", \"timing\": ", fp);
		json_string(fp, crm_timing_name(ln->timing));
		fprintf(fp, ", \"start\": %d, \"end\": %d, \"ramp\": %d, \"curve\": ", ln->start,
			ln->end, ln->ramp);
		json_string(fp, crm_curve_name(ln->curve));
		fputs(", \"growth\": ", fp);
		json_number(fp, ln->growth);
		fputs(", \"risk\": ", fp);
		json_number(fp, ln->risk);
		fputs(", \"probability\": ", fp);
		json_number(fp, ln->probability);
		json_range(fp, &ln->range);
		fputs(", \"class\": ", fp);
		if (ln->kind == CRM_BENEFIT)
			json_string(fp, crm_class_name(ln->cls));
		else
			fputs("null", fp);
		fputs(", \"counted\": ", fp);
		fputs(crm_case_line_counted(r->c, l) ? "true" : "false", fp);
		fputs(", \"group\": ", fp);
		if (ln->group >= 0)
			json_string(fp, sc->groups[ln->group].name);
		else
			fputs("null", fp);
		fputs(", \"owner\": ", fp);
		json_string(fp, ln->owner);
		fputs(", \"metric\": ", fp);
		json_string(fp, ln->metric);
		fputs(", \"note\": ", fp);
		json_string(fp, ln->note);
		/* A line left out of the metrics shows its amounts from the evaluation counting it. */
		const crm_cashflow *lcf = crm_case_line_flows(r->c, l);
		fputs(", \"amounts\": ", fp);
		json_array(fp, lcf->amount + l * np, np);
		fputs(", \"total\": ", fp);
		json_number(fp, r->c->line_total[l]);
		fputs(", \"present_value\": ", fp);
		json_number(fp, r->c->line_pv[l]);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"benefit_classes\": [", fp);
	first = 1;
	for (int c = 0; c < CRM_NCLASSES; c++) {
		if (!r->c->cls[c].nlines)
			continue;
		fputs(first ? "\n    {\"class\": " : ",\n    {\"class\": ", fp);
		first = 0;
		json_string(fp, crm_class_name((crm_class)c));
		fprintf(fp, ", \"counted\": %s, \"lines\": %zu, \"total\": ",
			(s->classes & CRM_CLASS_BIT(c)) ? "true" : "false", r->c->cls[c].nlines);
		json_number(fp, r->c->cls[c].total);
		fputs(", \"present_value\": ", fp);
		json_number(fp, r->c->cls[c].pv);
		/* Per period, as a line's amounts: a class left out from the evaluation counting it. */
		fputs(", \"amounts\": [", fp);
		for (size_t p = 0; p < np; p++) {
			fputs(p ? ", " : "", fp);
			json_number(fp, report_class_amount(r, (crm_class)c, (int)p));
		}
		fputs("]}", fp);
	}
	fputs("\n  ],\n  \"gates\": [", fp);
	for (size_t g = 0; g < sc->ngroups; g++) {
		char sentence[2048];
		explain_gate(sc, g, sentence, sizeof sentence);
		fputs(g ? ",\n    {\"group\": " : "\n    {\"group\": ", fp);
		json_string(fp, sc->groups[g].name);
		fputs(", \"probability\": ", fp);
		json_number(fp, sc->groups[g].probability);
		fprintf(fp, ", \"decided_at_month\": %d, \"lines\": %zu, \"explanation\": ",
			sc->groups[g].first_month, sc->groups[g].nlines);
		json_string(fp, sentence);
		fputc('}', fp);
	}
	fputs("\n  ],\n  \"inputs\": [", fp);
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		fputs(i ? ",\n    {" : "\n    {", fp);
		fputs("\"name\": ", fp);
		json_string(fp, in->name);
		fputs(", \"value\": ", fp);
		json_string(fp, in->value_text);
		fputs(", \"unit\": ", fp);
		json_string(fp, in->unit ? in->unit : "");
		json_range(fp, &in->range);
		fputs(", \"note\": ", fp);
		json_string(fp, in->note);
		fputs(", \"values\": ", fp);
		json_array(fp, cf->input + i * np, np);
		fputc('}', fp);
	}
	fputs("\n  ]", fp);
	adoption_json(r, fp);
	if (r->c->has_tax) {
		fputs(",\n  ", fp);
		aftertax_json(sc, &r->c->at, fp);
	}
	fputs(",\n  \"warnings\": [", fp);
	for (size_t w = 0; w < sc->warnings.count; w++) {
		fputs(w ? ", " : "", fp);
		json_string(fp, sc->warnings.items[w].msg);
	}
	fputs("]\n}\n", fp);
}
