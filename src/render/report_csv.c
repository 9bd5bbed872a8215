/*
 * report_csv.c - `crmroi run --format csv`: one table with a row per metric,
 * input, gate, after-tax figure, adoption share and cash-flow row, for a
 * spreadsheet or a script; the pieces for one table over many scenarios.
 *
 * Not the formats for people (report_text.c) or JSON (report_json.c). Every
 * column holds one kind of value, and nothing is computed here.
 */
#define _POSIX_C_SOURCE 200809L
#include "report_priv.h"
#include "adoption_view.h"
#include "explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* A row without amounts: its head, then the period, total and present value cells empty. */
static void csv_row_alone(const report *r, FILE *fp, const char *scenario, const char *section,
			  const char *name, const csv_row *c)
{
	csv_row_head(fp, scenario, section, name, c);
	for (int k = 0; k < r->ncols + 2; k++)
		csv_field(fp, "", 0);
	csv_end(fp);
}

/* A row per metric of it (n of them): its value, or the reason it has none in note. */
static void csv_metrics(const report *r, FILE *fp, const char *scenario, const char *section,
			const headline_item *it, size_t n)
{
	csv_row c;

	for (size_t i = 0; i < n; i++) {
		csv_row_clear(&c);
		if (it[i].ok)
			c.num[A_VALUE] = it[i].value;
		c.text[A_NOTE] = it[i].note;
		csv_row_alone(r, fp, scenario, section, it[i].key, &c);
	}
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

	csv_metrics(r, fp, scenario, "after_tax_metric", it, n);
	csv_row_clear(&c);
	c.num[A_VALUE] = at->tax_beyond;
	c.text[A_NOTE] = "tax of the horizon's years paid after it, left out";
	csv_row_alone(r, fp, scenario, "after_tax", "tax_beyond_horizon", &c);
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
	size_t n = report_metric_items(r, it);
	cf_rows rows;
	csv_row c;
	/* Per-period values of inputs exist per native period, so only on a native view. */
	int native = r->by_month || sc->settings.grid == CRM_GRID_YEAR;

	csv_metrics(r, fp, scenario, "metric", it, n);
	for (size_t i = 0; i < sc->ninputs; i++) {
		const crm_input *in = &sc->inputs[i];
		csv_row_clear(&c);
		c.num[A_VALUE] = r->c->cf->input[i * np + (np > 1 ? 1 : 0)];
		c.text[A_NOTE] = in->note;
		c.text[A_UNIT] = in->unit ? in->unit : "";
		c.text[A_OWNER] = in->owner;
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
		c.num[A_VALUE] = r->sc->settings.readiness_factor;
		c.text[A_NOTE] = rd;
		csv_row_alone(r, fp, scenario, "readiness", "execution_factor", &c);
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
		csv_row_alone(r, fp, scenario, "gate", sc->groups[g].name, &c);
	}
	for (size_t a = 0; a < sc->nareas; a++) {
		const crm_plan_area *ar = &sc->areas[a];
		char sentence[1024];
		explain_area(sc, a, sentence, sizeof sentence);
		csv_row_clear(&c);
		c.num[A_VALUE] = ar->golive > 0 ? ar->golive : NAN;
		c.num[A_START] = ar->golive > 0 ? crm_plan_slot_month(sc, ar->golive)
			: ar->golive == CRM_GOLIVE_AS_WRITTEN ? ar->written_month : NAN;
		c.text[A_NOTE] = sentence;
		csv_row_alone(r, fp, scenario, "area", ar->name, &c);
	}
	if (r->c->has_tax)
		csv_after_tax(r, fp, scenario);
	csv_adoption(r, fp, scenario);
	if (report_rows_build(r, &rows) != 0)
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
	report_rows_free(&rows);
}

void report_csv(const report *r, FILE *fp)
{
	report_csv_header(r, fp, 0);
	report_csv_rows(r, fp, NULL);
}
