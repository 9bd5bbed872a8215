/*
 * report_text.c - `crmroi run` for a person: text, or markdown for documents
 * and wikis. The header (what was assumed), the headline metrics with their
 * meaning or why one does not exist, the gates, the cash-flow table, the
 * adoption and after-tax views, and the inputs and lines.
 *
 * Not CSV or JSON (report_csv.c, report_json.c), and no figure is computed
 * here: the rows come from report.c, the figures from the case.
 */
#define _POSIX_C_SOURCE 200809L
#include "report_priv.h"
#include "adoption_view.h"
#include "aftertax_view.h"
#include "calendar.h"
#include "explain.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ header */

/*
 * A line of text after pre: wrapped to the width in text (pre of spaces),
 * escaped (md_text) on one line in markdown.
 */
static void put_line(FILE *fp, const char *pre, const char *text)
{
	if (pre[0] == ' ') {
		print_para(fp, pre, text);
	} else {
		fputs(pre, fp);
		md_text(fp, text);
		fputc('\n', fp);
	}
}

/* A header line (put_line); frees text. */
static void header_line(FILE *fp, const char *pre, char *text)
{
	if (!text)
		return;
	put_line(fp, pre, text);
	free(text);
}

/* A line "pre name value": the value escaped (md_text) in markdown (pre "- "). */
static void named_line(FILE *fp, const char *pre, const char *name, const char *value)
{
	fprintf(fp, "%s%s", pre, name);
	if (pre[0] == ' ')
		fputs(value, fp);
	else
		md_text(fp, value);
	fputc('\n', fp);
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
		header_line(fp, pre, text);
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
		put_line(fp, pre, rd);
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
	if (markdown) {
		fputs("# ", fp);
		md_text(fp, s->title[0] ? s->title : r->sc->file);
		fputs("\n\n", fp);
	} else {
		print_para(fp, "", s->title[0] ? s->title : r->sc->file);
	}
	named_line(fp, b, "Scenario: ", r->sc->file);
	named_line(fp, b, "Currency: ", s->currency);
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

/* A section of sentences, one for each of n things (explain writes thing k's). */
static void sentences_text(const crm_scenario *sc, FILE *fp, int md, const char *title, size_t n,
			   void (*explain)(const crm_scenario *, size_t, char *, size_t))
{
	char buf[2048];

	if (!n)
		return;
	fprintf(fp, md ? "\n## %s\n\n" : "\n%s\n", title);
	for (size_t k = 0; k < n; k++) {
		explain(sc, k, buf, sizeof buf);
		put_line(fp, md ? "- " : "  ", buf);
	}
}

/* Each area row of a roll-out plan in a sentence. */
static void areas_text(const report *r, FILE *fp, int md)
{
	sentences_text(r->sc, fp, md, "Roll-out plan (area rows)", r->sc->nareas, explain_area);
}

/* Each gate (group of lines) in a sentence. */
static void gates_text(const report *r, FILE *fp, int md)
{
	sentences_text(r->sc, fp, md, "Gates (lines that happen together)", r->sc->ngroups,
		       explain_gate);
}

/* ------------------------------------------------------------------ tables */

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


static void metrics_table(const report *r, text_table *t, int with_header)
{
	headline_item it[HEADLINE_MAX];
	size_t n = report_metric_items(r, it);
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
	size_t n = report_metric_items(r, it);

	for (size_t i = 0; i < n; i++) {
		if (!it[i].ok || !it[i].note[0])
			continue;
		header_line(fp, pre, dup_printf("Note on %s: %s.", it[i].label, it[i].note));
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

static int any_label(const crm_scenario *sc)
{
	for (size_t i = 0; i < sc->ninputs; i++)
		if (sc->inputs[i].label && sc->inputs[i].label[0])
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
	int units = any_unit(sc), probs = any_probability(sc), labels = any_label(sc);
	const char *cells[16];   /* the most columns a table has here: 14 */
	size_t n;

	if (table_init(ti, 5 + (size_t)units + (size_t)labels) != 0 || table_init(tl, 7 + (size_t)probs +
							      (md ? 6 : 0)) != 0)
		return -1;
	ti->wrap_last = 1;
	/* table_add reads every column: the unused trailing cells stay NULL. */
	memset(cells, 0, sizeof cells);
	n = 0;
	cells[n++] = "Input";
	if (labels)
		cells[n++] = "Label";
	cells[n++] = "Value";
	if (units)
		cells[n++] = "Unit";
	cells[n++] = "Year 1";
	cells[n++] = "Range";
	cells[n++] = "Note";
	table_add(ti, ROW_NORMAL, cells);
	ti->right[2 + units + labels] = 1;
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		char *range = range_text(&in->range);
		/* Year 1's value as exact as CSV's, in the input's unit: a rate as a percentage. */
		double y1 = r->c->cf->input[i * (size_t)(r->c->cf->nperiods + 1) + 1];
		crm_param ip;
		if (crm_param_of_input(sc, i, &ip, NULL) == CRM_OK && ip.unit == CRM_UNIT_RATE)
			fmt_exact_percent(year1, sizeof year1, y1);
		else
			fmt_exact(year1, sizeof year1, y1);
		n = 0;
		cells[n++] = in->name;
		if (labels)
			cells[n++] = in->label;
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
	if (!md) {
		fprintf(fp, "\n%s\n", title);
		return;
	}
	fputs("\n## ", fp);
	md_text(fp, title);
	fputs("\n\n", fp);
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
	areas_text(r, fp, md);
	snprintf(title, sizeof title, "Cash flow (%s, risk-adjusted%s)", r->sc->settings.currency,
		 r->by_month ? ", by month" : "");
	heading(fp, md, title);
	if (report_rows_build(r, &rows) == 0 && table_init(&t, (size_t)r->ncols + 3) == 0) {
		cash_table(r, &t, &rows, md);
		print_table(&t, fp, md);
		table_free(&t);
		report_rows_free(&rows);
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
