/*
 * compare_view.c - `crmroi compare` shown (compare_view.h): the metrics of
 * the scenarios side by side with the best of each row marked, their
 * differences from the baseline, the ranking, benefits by class, gates, net
 * cash flow by year and the incremental cash flows over the baseline, in
 * text, markdown, CSV and JSON.
 *
 * Every number comes from the core: the metrics from each scenario's case
 * (crm_case_value), the best and the places from the core's ranking, the
 * incremental flows and what their IRR means from crmroi/compare.h. This
 * file only folds flows into year columns, subtracts the baseline's figures
 * for the table of differences, and chooses words and layout. It does not
 * load, evaluate, open outputs or report errors.
 */
#define _POSIX_C_SOURCE 200809L
#include "calendar.h"
#include "compare_view.h"
#include "explain.h"
#include "rtable.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/*
 * The rows of the metrics tables: how each figure of a case is named and
 * shown. Which value is better is the core's (crm_compare_better).
 */
struct row_def {
	const char *key, *label;
	int unit;
	crm_metric_id id;          /* the figure (crm_case_value) */
	int after_tax;             /* shown when some scenario has the setting tax_rate */
};

static const struct row_def rows[] = {
	{ "npv", "NPV", CRM_UNIT_MONEY, CRM_METRIC_NPV, 0 },
	{ "roi", "ROI (TEI)", CRM_UNIT_RATE, CRM_METRIC_ROI, 0 },
	{ "bcr", "Benefit-cost ratio", CRM_UNIT_RATIO, CRM_METRIC_BCR, 0 },
	{ "irr", "IRR", CRM_UNIT_RATE, CRM_METRIC_IRR, 0 },
	{ "mirr", "MIRR", CRM_UNIT_RATE, CRM_METRIC_MIRR, 0 },
	{ "payback_months", "Payback (months)", CRM_UNIT_MONTHS, CRM_METRIC_PAYBACK, 0 },
	{ "discounted_payback_months", "Discounted payback (months)", CRM_UNIT_MONTHS,
	  CRM_METRIC_DPAYBACK, 0 },
	{ "pv_benefits", "PV of benefits", CRM_UNIT_MONEY, CRM_METRIC_PV_BENEFITS, 0 },
	{ "pv_costs", "PV of costs", CRM_UNIT_MONEY, CRM_METRIC_PV_COSTS, 0 },
	{ "after_tax_npv", "NPV after tax", CRM_UNIT_MONEY, CRM_METRIC_AFTER_TAX_NPV, 1 },
	{ "after_tax_roi", "ROI after tax", CRM_UNIT_RATE, CRM_METRIC_AFTER_TAX_ROI, 1 },
	{ "after_tax_irr", "IRR after tax", CRM_UNIT_RATE, CRM_METRIC_AFTER_TAX_IRR, 1 },
	{ "after_tax_mirr", "MIRR after tax", CRM_UNIT_RATE, CRM_METRIC_AFTER_TAX_MIRR, 1 },
	{ "after_tax_payback_months", "Payback after tax (months)", CRM_UNIT_MONTHS,
	  CRM_METRIC_AFTER_TAX_PAYBACK, 1 },
	{ "after_tax_discounted_payback_months", "Discounted payback after tax (months)",
	  CRM_UNIT_MONTHS, CRM_METRIC_AFTER_TAX_DPAYBACK, 1 },
	{ "peak_investment", "Peak investment", CRM_UNIT_MONEY, CRM_CASE_PEAK_INVESTMENT, 0 },
	{ "peak_investment_month", "Peak investment at month", CRM_UNIT_NUMBER,
	  CRM_CASE_PEAK_MONTH, 0 },
};
#define NROWS (sizeof rows / sizeof *rows)

/* Row k's figure of scenario i. */
static crm_value value_of(const compare_view *c, int i, size_t k)
{
	return crm_case_value(c->cases[i], rows[k].id);
}

/* Whether row k is shown: the after-tax rows only when some scenario has tax_rate. */
static int shown(const compare_view *c, size_t k)
{
	return !rows[k].after_tax || c->any_tax;
}

/* Index of the scenario marked best in row k, or -1 (not ranked, no preference, nothing defined). */
static int best_of(const compare_view *c, size_t k)
{
	return c->ranked ? crm_compare_best(c->cases, (size_t)c->n, rows[k].id) : -1;
}

/* Place of scenario i in the ranking by c->rank_by, 1 = best. */
static int rank_place(const compare_view *c, int i)
{
	return (int)crm_compare_place(c->cases, (size_t)c->n, c->rank_by, (size_t)i);
}

/*
 * A per-period series of scenario r folded into years 0 (Initial) to years,
 * summed from the start when cumulative; NaN past r's own horizon (and
 * everywhere on no memory).
 */
static void yearly(const report *r, const double *per_period, double *out, int years, int cumulative)
{
	int own = r->sc->settings.horizon_years;
	double *tmp = calloc((size_t)own + 1, sizeof *tmp);

	for (int y = 0; y <= years; y++)
		out[y] = NAN;
	if (!tmp)
		return;
	crm_fold_years(r->c->cf, per_period, tmp);
	double run = 0;
	for (int y = 0; y <= own; y++) {
		run += tmp[y];
		out[y] = cumulative ? run : tmp[y];
	}
	free(tmp);
}

/* The row of rows[] that ranks by c->rank_by. */
static size_t rank_row(const compare_view *c)
{
	for (size_t k = 0; k < NROWS; k++)
		if (rows[k].id == c->rank_by)
			return k;
	return 0;
}

char *compare_view_horizon_note(const compare_view *c)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	fputs("the horizons differ (", f);
	for (int i = 0; i < c->n; i++)
		fprintf(f, "%s%s %d year%s", i ? ", " : "", c->names[i],
			c->r[i].sc->settings.horizon_years, c->r[i].sc->settings.horizon_years == 1 ? "" : "s");
	fputs("): NPV and the totals sum different periods", f);
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* ------------------------------------------------------------------ text */

/*
 * A sentence or paragraph: in markdown after lead ("- " for a list item, "\n"
 * for a paragraph), its text escaped (md_text), in text indented and wrapped
 * to the width.
 */
static void para(FILE *fp, int md, const char *lead, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void para(FILE *fp, int md, const char *lead, const char *fmt, ...)
{
	va_list ap;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	if (fclose(f) != 0) {
		free(text);
		return;
	}
	if (md) {
		fputs(lead, fp);
		md_text(fp, text);
		fputc('\n', fp);
	} else {
		print_para(fp, "  ", text);
	}
	free(text);
}

/*
 * A heading of a section: "\n### TEXT\n\n" in markdown, TEXT escaped
 * (md_text); "\nTEXT\n" in text.
 */
static void section(FILE *fp, int md, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void section(FILE *fp, int md, const char *fmt, ...)
{
	va_list ap;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f)
		return;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	if (fclose(f) != 0) {
		free(text);
		return;
	}
	fputs(md ? "\n### " : "\n", fp);
	if (md)
		md_text(fp, text);
	else
		fputs(text, fp);
	fputs(md ? "\n\n" : "\n", fp);
	free(text);
}

/*
 * Whether every scenario starts on the same date with the same fiscal year:
 * then Year k is one calendar (or fiscal) year for all of them and is named
 * as run names it (2028, FY2028); else each counts from its own start.
 */
static int same_calendar(const compare_view *c)
{
	const crm_settings *a = &c->r[0].sc->settings;

	if (!a->start_year)
		return 0;
	for (int i = 1; i < c->n; i++) {
		const crm_settings *b = &c->r[i].sc->settings;
		if (b->start_year != a->start_year || b->start_month != a->start_month ||
		    b->start_day != a->start_day || b->fiscal_year_start != a->fiscal_year_start)
			return 0;
	}
	return 1;
}

static void year_label(const compare_view *c, int y, char *buf, size_t len)
{
	if (!y)
		snprintf(buf, len, "Initial");
	else if (same_calendar(c))
		calendar_year_label(&c->r[0].sc->settings, y, buf, len);
	else
		snprintf(buf, len, "Year %d", y);
}

/* Columns 1..years+1 of t: Initial, Year 1 (or 2028), ... */
static void year_cols(const compare_view *c, rtable *t, int years)
{
	char label[32];

	for (int y = 0; y <= years; y++) {
		year_label(c, y, label, sizeof label);
		rtable_col(t, (size_t)y + 1, label, label, CRM_UNIT_MONEY);
	}
}

/* When some scenario has a start date but they differ: say that Year k is each one's own. */
static void dates_note(const compare_view *c, FILE *fp, int md, const char *b)
{
	char *text = NULL;
	size_t len = 0;
	int dated = 0;
	FILE *f;

	static const char *const month[] = { "January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December" };
	int fiscal_differ = 0;

	for (int i = 0; i < c->n; i++) {
		dated |= c->r[i].sc->settings.start_year != 0;
		fiscal_differ |= c->r[i].sc->settings.fiscal_year_start !=
				 c->r[0].sc->settings.fiscal_year_start;
	}
	if (!dated || !(f = open_memstream(&text, &len)))
		return;
	for (int i = 0; i < c->n; i++) {
		const crm_settings *s = &c->r[i].sc->settings;
		fprintf(f, "%s%s ", i ? "; " : "", c->names[i]);
		if (!s->start_year)
			fputs("no start date", f);
		else if (s->start_day)
			fprintf(f, "%04d-%02d-%02d", s->start_year, s->start_month, s->start_day);
		else
			fprintf(f, "%04d-%02d", s->start_year, s->start_month);
		if (fiscal_differ && s->fiscal_year_start >= 1 && s->fiscal_year_start <= 12)
			fprintf(f, ", fiscal years from %s", month[s->fiscal_year_start - 1]);
		else if (fiscal_differ)
			fputs(", calendar years", f);
	}
	if (fclose(f) == 0)
		para(fp, md, b, "The scenarios start on different dates or fiscal years (%s): Year k "
		     "is the k-th year from each one's own start.", text);
	if (md)
		fputc('\n', fp);
	free(text);
}

static void show(const rtable *t, FILE *fp, int md)
{
	if (md)
		rtable_print_markdown(t, fp);
	else
		rtable_print_text(t, fp, "  ");
}

static void gates_and_classes_text(const compare_view *c, FILE *fp, int md, const char *b);
static void class_table(const compare_view *c, FILE *fp, int md);

static void compare_view_text(const compare_view *c, FILE *fp, int md)
{
	const char *b = md ? "- " : "  ";
	rtable t;
	char buf[FMT_NUM_MAX + 16];
	const report *base = &c->r[c->base];

	fprintf(fp, md ? "## Comparison of %d scenarios\n\n" : "Comparison of %d scenarios\n", c->n);
	if (md) {
		fputs(b, fp);
		md_printf(fp, "Baseline: %s (%s)", c->names[c->base], base->sc->file);
		fputc('\n', fp);
	} else {
		fprintf(fp, "%sBaseline: %s (%s)\n", b, c->names[c->base], base->sc->file);
	}
	for (int i = 0; i < c->n; i++)
		para(fp, md, b, "%s: %s (%s)", c->names[i],
		     c->r[i].sc->settings.title[0] ? c->r[i].sc->settings.title : "untitled",
		     c->r[i].sc->file);
	for (int i = 0; i < c->n; i++) {
		char rd[1024];
		if (!c->r[i].sc->settings.readiness)
			continue;
		explain_readiness(&c->r[i].sc->settings, rd, sizeof rd);
		para(fp, md, b, "%s: %s", c->names[i], rd);
	}
	if (c->min_years != c->years) {
		char *note = compare_view_horizon_note(c);
		para(fp, md, b, "Note: %s.", note ? note : "the horizons differ");
		free(note);
	}
	gates_and_classes_text(c, fp, md, b);

	/* Metrics side by side, the best of each row marked. */
	rtable_init(&t, (size_t)c->n + 1);
	rtable_col(&t, 0, "metric", "Metric", UNIT_TEXT);
	for (int i = 0; i < c->n; i++)
		rtable_col(&t, (size_t)i + 1, c->names[i], c->names[i], CRM_UNIT_NUMBER);
	for (size_t k = 0; k < NROWS; k++) {
		if (!shown(c, k))
			continue;
		long r = rtable_row(&t);
		int best = best_of(c, k);
		rtable_text(&t, r, 0, rows[k].label);
		for (int i = 0; i < c->n; i++) {
			crm_value v = value_of(c, i, k);
			if (!v.ok) {
				snprintf(buf, sizeof buf, "n/a (%s)", v.why);
			} else {
				fmt_unit(buf, sizeof buf, v.v, rows[k].unit);
				if (i == best)
					strcat(buf, "*");
			}
			rtable_text(&t, r, (size_t)i + 1, buf);
		}
	}
	fputc('\n', fp);
	show(&t, fp, md);
	rtable_free(&t);
	if (c->ranked)
		fprintf(fp, "%s* marks the best value of each row (for payback and PV of costs, the "
			"lowest).\n", md ? "\n" : "  ");
	class_table(c, fp, md);

	/* Differences from the baseline. */
	section(fp, md, "Difference from the baseline (scenario - %s)", c->names[c->base]);
	rtable_init(&t, (size_t)c->n + 1);
	rtable_col(&t, 0, "metric", "Metric", UNIT_TEXT);
	for (int i = 0; i < c->n; i++)
		rtable_col(&t, (size_t)i + 1, c->names[i], c->names[i], CRM_UNIT_NUMBER);
	for (size_t k = 0; k < NROWS - 1; k++) {
		if (!shown(c, k))
			continue;
		long r = rtable_row(&t);
		crm_value bv = value_of(c, c->base, k);
		rtable_text(&t, r, 0, rows[k].label);
		for (int i = 0; i < c->n; i++) {
			crm_value v = value_of(c, i, k);
			if (!v.ok || !bv.ok) {
				snprintf(buf, sizeof buf, "n/a");
			} else {
				double d = v.v - bv.v;
				fmt_unit(buf, sizeof buf, d, rows[k].unit);
				if (d > 0 && buf[0] != '-') {
					memmove(buf + 1, buf, strlen(buf) + 1);
					buf[0] = '+';
				}
				if (rows[k].unit == CRM_UNIT_RATE)
					strcat(buf, " pts");
			}
			rtable_text(&t, r, (size_t)i + 1, buf);
		}
	}
	show(&t, fp, md);
	rtable_free(&t);
	fprintf(fp, "%sRates differ in percentage points (pts).\n", md ? "\n" : "  ");

	/* Ranking. */
	const crm_metric_info *mi = crm_metric_info_of(c->rank_by);
	size_t rk = rank_row(c);
	section(fp, md, "Ranking by %s", mi->label);
	if (!c->ranked) {
		para(fp, md, b, "Not ranked: the scenarios cover different horizons (%d to %d years), "
		     "so their NPVs and totals sum different periods. Give --rank METRIC to rank "
		     "them anyway.", c->min_years, c->years);
		goto yearly_tables;
	}
	if (c->min_years != c->years)
		fprintf(fp, "%sRanked as asked (--rank), although the horizons differ (%d to %d "
			"years).%s", b, c->min_years, c->years, md ? "\n\n" : "\n");
	for (int pos = 1; pos <= c->n; pos++)
		for (int i = 0; i < c->n; i++) {
			if (rank_place(c, i) != pos)
				continue;
			crm_value v = value_of(c, i, rk);
			if (v.ok)
				fmt_unit(buf, sizeof buf, v.v, rows[rk].unit);
			else
				snprintf(buf, sizeof buf, "n/a (%s)", v.why);
			if (md) {
				fprintf(fp, "%d. ", pos);
				md_printf(fp, "%-20s %s", c->names[i], buf);
				fputs("\n\n", fp);
			} else {
				fprintf(fp, "  %d. %-20s %s\n", pos, c->names[i], buf);
			}
		}

yearly_tables:
	/* Yearly cash flows. */
	for (int cum = 0; cum < 2; cum++) {
		section(fp, md, "%s by year (%s)", cum ? "Cumulative net cash flow" : "Net cash flow",
			base->sc->settings.currency);
		if (!cum && !same_calendar(c))
			dates_note(c, fp, md, b);
		rtable_init(&t, (size_t)c->years + 2);
		rtable_col(&t, 0, "scenario", "Scenario", UNIT_TEXT);
		year_cols(c, &t, c->years);
		double *v = malloc(((size_t)c->years + 1) * sizeof *v);
		for (int i = 0; v && i < c->n; i++) {
			long r = rtable_row(&t);
			rtable_text(&t, r, 0, c->names[i]);
			yearly(&c->r[i], c->r[i].c->cf->net, v, c->years, cum);
			for (int y = 0; y <= c->years; y++)
				if (isnan(v[y]))
					rtable_text(&t, r, (size_t)y + 1, "");
				else
					rtable_num(&t, r, (size_t)y + 1, v[y]);
		}
		free(v);
		show(&t, fp, md);
		rtable_free(&t);
	}

	/* Incremental cash flows. */
	section(fp, md, "Incremental cash flow over %s (scenario - %s), by year", c->names[c->base],
		c->names[c->base]);
	para(fp, md, b, "Is the extra spend worth it? Incremental NPV is the difference of the NPVs; "
	     "incremental IRR is the rate of return of the difference in cash flows.");
	if (md)
		fputc('\n', fp);
	rtable_init(&t, (size_t)c->years + 4);
	rtable_col(&t, 0, "scenario", "Scenario", UNIT_TEXT);
	year_cols(c, &t, c->years);
	rtable_col(&t, (size_t)c->years + 2, "incremental_npv", "Incremental NPV", CRM_UNIT_MONEY);
	rtable_col(&t, (size_t)c->years + 3, "incremental_irr", "Incremental IRR", CRM_UNIT_RATE);

	int rate_note = 0;
	for (int i = 0; i < c->n; i++) {
		if (i == c->base)
			continue;
		const crm_incremental *inc = &c->inc[i];
		long r = rtable_row(&t);
		double *yv = calloc((size_t)c->years + 1, sizeof *yv);
		rtable_text(&t, r, 0, c->names[i]);
		for (size_t p = 0; yv && p < inc->n; p++) {
			int y = p == 0 ? 0 : (int)((p - 1) * (size_t)inc->months_per_period / 12 + 1);
			if (y <= c->years)
				yv[y] += inc->flows[p];
		}
		for (int y = 0; yv && y <= c->years; y++)
			rtable_num(&t, r, (size_t)y + 1, yv[y]);
		free(yv);
		rtable_num(&t, r, (size_t)c->years + 2, inc->npv);
		if (inc->kind == CRM_INCREMENTAL_NONE) {
			rtable_text(&t, r, (size_t)c->years + 3, "n/a");
		} else if (inc->kind == CRM_INCREMENTAL_BORROWING) {
			fmt_percent(buf, sizeof buf, inc->irr_value);
			strcat(buf, " (borrowing)");
			rtable_text(&t, r, (size_t)c->years + 3, buf);
		} else {
			rtable_num(&t, r, (size_t)c->years + 3, inc->irr_value);
		}
		rate_note |= !inc->same_rate;
	}
	show(&t, fp, md);
	rtable_free(&t);
	if (md)
		fputc('\n', fp);
	for (int i = 0; i < c->n; i++)
		if (i != c->base)
			para(fp, md, b, "%s: %s.", c->names[i], c->inc[i].why);
	para(fp, md, "\n", "An incremental IRR is a rate of return only when the difference in cash "
	     "flows changes sign once, from negative to positive. When it starts positive (the "
	     "scenario spends less first and earns less later), the IRR is a borrowing rate: the "
	     "scenario is worth it when that rate is below the discount rate. A difference that "
	     "never changes sign, or changes sign more than once, has no meaningful IRR.");
	if (rate_note)
		para(fp, md, b, "Note: the scenarios do not all use the same discount rate, so "
		     "incremental NPV compares values discounted differently.");
}

/* ------------------------------------------------------ gates and classes */

/* Whether some scenario has a benefit of class cls, or any class other than cash. */
static int any_class(const compare_view *c, int cls)
{
	for (int i = 0; i < c->n; i++)
		for (int k = 0; k < CRM_NCLASSES; k++)
			if (c->r[i].c->cls[k].nlines && (cls < 0 ? k != CRM_CLASS_CASH || c->r[i].c->only_given
						     : k == cls))
				return 1;
	return 0;
}

/* Each scenario's gates in a sentence, and the classes its metrics count. */
static void gates_and_classes_text(const compare_view *c, FILE *fp, int md, const char *b)
{
	char buf[2048], in[160], out[160];

	for (int i = 0; i < c->n; i++) {
		const report *r = &c->r[i];
		for (size_t g = 0; g < r->sc->ngroups; g++) {
			explain_gate(r->sc, g, buf, sizeof buf);
			para(fp, md, b, "%s, gate %s", c->names[i], buf);
		}
		if (!any_class(c, -1))
			continue;
		explain_class_list(r->sc, r->c->only_given, 1, in, sizeof in);
		explain_class_list(r->sc, r->c->only_given, 0, out, sizeof out);
		/* Named only when some class is left out, or chosen by --only. */
		if (!out[0] && !r->c->only_given)
			continue;
		para(fp, md, b, "%s: benefit classes in the metrics: %s%s; costs always count%s%s.",
		     c->names[i], in[0] ? in : "none", r->c->only_given ? " (--only)" : "",
		     out[0] ? "; left out: " : "", out);
	}
}

/* Present value of each class's benefits, by scenario; "(left out)" marks those not counted. */
static void class_table(const compare_view *c, FILE *fp, int md)
{
	rtable t;
	char buf[FMT_NUM_MAX + 16];

	if (!any_class(c, -1))
		return;
	section(fp, md, "Benefits by class (present value, %s)", c->r[c->base].sc->settings.currency);
	rtable_init(&t, (size_t)c->n + 1);
	rtable_col(&t, 0, "class", "Class", UNIT_TEXT);
	for (int i = 0; i < c->n; i++)
		rtable_col(&t, (size_t)i + 1, c->names[i], c->names[i], CRM_UNIT_NUMBER);
	for (int k = 0; k < CRM_NCLASSES; k++) {
		if (!any_class(c, k))
			continue;
		long r = rtable_row(&t);
		rtable_text(&t, r, 0, crm_class_name((crm_class)k));
		for (int i = 0; i < c->n; i++) {
			const report *ri = &c->r[i];
			if (!ri->c->cls[k].nlines) {
				rtable_text(&t, r, (size_t)i + 1, "-");
				continue;
			}
			fmt_unit(buf, sizeof buf, ri->c->cls[k].pv, CRM_UNIT_MONEY);
			if (!(ri->sc->settings.classes & CRM_CLASS_BIT(k)))
				strcat(buf, " (left out)");
			rtable_text(&t, r, (size_t)i + 1, buf);
		}
	}
	show(&t, fp, md);
	rtable_free(&t);
	fprintf(fp, "%sA class marked (left out) is not in NPV: flexibility never is, unless "
		"--only names it.\n", md ? "\n" : "  ");
}

/* ------------------------------------------------------------- CSV, JSON */

static void compare_view_csv(const compare_view *c, FILE *fp)
{
	char key[64];

	csv_field(fp, "section", 1);
	csv_field(fp, "item", 0);
	for (int i = 0; i < c->n; i++)
		csv_field(fp, c->names[i], 0);
	csv_end(fp);
	csv_field(fp, "scenario", 1);
	csv_field(fp, "file", 0);
	for (int i = 0; i < c->n; i++)
		csv_field(fp, c->r[i].sc->file, 0);
	csv_end(fp);
	csv_field(fp, "scenario", 1);
	csv_field(fp, "title", 0);
	for (int i = 0; i < c->n; i++)
		csv_field(fp, c->r[i].sc->settings.title, 0);
	csv_end(fp);
	csv_field(fp, "scenario", 1);
	csv_field(fp, "horizon_years", 0);
	for (int i = 0; i < c->n; i++)
		csv_number(fp, c->r[i].sc->settings.horizon_years, 0);
	csv_end(fp);
	csv_field(fp, "scenario", 1);
	csv_field(fp, "discount_rate", 0);
	for (int i = 0; i < c->n; i++)
		csv_number(fp, c->r[i].sc->settings.discount_rate, 0);
	csv_end(fp);
	/*
	 * Metric and delta rows hold numbers only; where a metric does not exist,
	 * the cell is empty and a metric_note row below it says why.
	 */
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < NROWS - (size_t)pass; k++) {
			if (!shown(c, k))
				continue;
			crm_value bv = value_of(c, c->base, k);
			int undefined = 0;
			csv_field(fp, pass ? "delta" : "metric", 1);
			csv_field(fp, rows[k].key, 0);
			for (int i = 0; i < c->n; i++) {
				crm_value v = value_of(c, i, k);
				if (!v.ok || (pass && !bv.ok)) {
					csv_field(fp, "", 0);
					undefined = 1;
				} else {
					csv_number(fp, pass ? v.v - bv.v : v.v, 0);
				}
			}
			csv_end(fp);
			if (!undefined)
				continue;
			csv_field(fp, pass ? "delta_note" : "metric_note", 1);
			csv_field(fp, rows[k].key, 0);
			for (int i = 0; i < c->n; i++) {
				crm_value v = value_of(c, i, k);
				csv_field(fp, !v.ok ? v.why : pass && !bv.ok ? "undefined for the baseline"
					  : "", 0);
			}
			csv_end(fp);
		}
	/* Present value of each class's benefits; class_counted says whether NPV has it. */
	for (int k = 0; any_class(c, -1) && k < CRM_NCLASSES; k++) {
		if (!any_class(c, k))
			continue;
		for (int w = 0; w < 2; w++) {
			csv_field(fp, w ? "class_counted" : "class_pv", 1);
			csv_field(fp, crm_class_name((crm_class)k), 0);
			for (int i = 0; i < c->n; i++) {
				const report *ri = &c->r[i];
				if (!ri->c->cls[k].nlines)
					csv_field(fp, "", 0);
				else if (w)
					csv_number(fp, (ri->sc->settings.classes & CRM_CLASS_BIT(k)) ? 1 : 0, 0);
				else
					csv_number(fp, ri->c->cls[k].pv, 0);
			}
			csv_end(fp);
		}
	}
	/* Each gate: its probability in the scenario that has it, and the sentence. */
	for (int i = 0; i < c->n; i++)
		for (size_t g = 0; g < c->r[i].sc->ngroups; g++) {
			char sentence[2048];
			explain_gate(c->r[i].sc, g, sentence, sizeof sentence);
			for (int w = 0; w < 2; w++) {
				csv_field(fp, w ? "gate_note" : "gate", 1);
				csv_field(fp, c->r[i].sc->groups[g].name, 0);
				for (int j = 0; j < c->n; j++) {
					if (j != i)
						csv_field(fp, "", 0);
					else if (w)
						csv_field(fp, sentence, 0);
					else
						csv_number(fp, c->r[i].sc->groups[g].probability, 0);
				}
				csv_end(fp);
			}
		}
	if (c->ranked) {
		/* The place of each scenario in the ranking (1 = best). */
		int *order = malloc((size_t)c->n * sizeof *order);
		for (int i = 0; order && i < c->n; i++)
			order[i] = rank_place(c, i);
		csv_field(fp, "rank", 1);
		csv_field(fp, crm_metric_info_of(c->rank_by)->name, 0);
		for (int i = 0; order && i < c->n; i++)
			csv_number(fp, order[i], 0);
		csv_end(fp);
		free(order);
	}
	double *v = malloc(((size_t)c->years + 1) * sizeof *v);
	for (int cum = 0; v && cum < 2; cum++)
		for (int y = 0; y <= c->years; y++) {
			csv_field(fp, cum ? "cumulative_net" : "net", 1);
			year_label(c, y, key, sizeof key);
			csv_field(fp, key, 0);
			for (int i = 0; i < c->n; i++) {
				yearly(&c->r[i], c->r[i].c->cf->net, v, c->years, cum);
				if (isnan(v[y]))
					csv_field(fp, "", 0);
				else
					csv_number(fp, v[y], 0);
			}
			csv_end(fp);
		}
	free(v);
	/* npv and irr hold numbers only; irr_kind and irr_note say what the IRR means. */
	static const char *const inc_items[] = { "npv", "irr", "irr_kind", "irr_note" };
	for (int w = 0; w < 4; w++) {
		csv_field(fp, "incremental", 1);
		csv_field(fp, inc_items[w], 0);
		for (int i = 0; i < c->n; i++) {
			const crm_incremental *inc = &c->inc[i];
			if (i == c->base)
				csv_field(fp, "", 0);
			else if (w == 0)
				csv_number(fp, inc->npv, 0);
			else if (w == 1 && inc->kind != CRM_INCREMENTAL_NONE)
				csv_number(fp, inc->irr_value, 0);
			else if (w == 2)
				csv_field(fp, crm_incremental_kind_name(inc->kind), 0);
			else if (w == 3)
				csv_field(fp, inc->why, 0);
			else
				csv_field(fp, "", 0);
		}
		csv_end(fp);
	}
}

static void compare_view_json(const compare_view *c, FILE *fp)
{
	fputs("{\n  \"baseline\": ", fp);
	json_string(fp, c->r[c->base].sc->file);
	fputs(",\n  \"rank_by\": ", fp);
	if (c->ranked) {
		json_string(fp, crm_metric_info_of(c->rank_by)->name);
	} else {
		fputs("null,\n  \"rank_note\": ", fp);
		json_string(fp, "not ranked: the scenarios cover different horizons; give --rank "
			    "METRIC to rank them anyway");
	}
	fprintf(fp, ",\n  \"same_horizon\": %s", c->min_years == c->years ? "true" : "false");
	fputs(",\n  \"scenarios\": [", fp);
	double *v = malloc(((size_t)c->years + 1) * sizeof *v);
	for (int i = 0; i < c->n; i++) {
		const report *r = &c->r[i];
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
		json_string(fp, c->names[i]);
		fputs(", \"file\": ", fp);
		json_string(fp, r->sc->file);
		fputs(", \"title\": ", fp);
		json_string(fp, r->sc->settings.title);
		fprintf(fp, ", \"horizon_years\": %d, \"discount_rate\": ",
			r->sc->settings.horizon_years);
		json_number(fp, r->sc->settings.discount_rate);
		if (c->ranked)
			fprintf(fp, ", \"rank\": %d", rank_place(c, i));
		fputs(",\n     \"metrics\": {", fp);
		for (size_t k = 0; k < NROWS; k++) {
			if (!shown(c, k))
				continue;
			crm_value x = value_of(c, i, k);
			fprintf(fp, "%s\"%s\": ", k ? ", " : "", rows[k].key);
			if (x.ok) {
				json_number(fp, x.v);
			} else {
				fprintf(fp, "null, \"%s_note\": ", rows[k].key);
				json_string(fp, x.why);
			}
		}
		fputs("},\n     \"benefit_classes\": [", fp);
		for (int k = 0, first = 1; k < CRM_NCLASSES; k++) {
			if (!r->c->cls[k].nlines)
				continue;
			fputs(first ? "{\"class\": " : ", {\"class\": ", fp);
			first = 0;
			json_string(fp, crm_class_name((crm_class)k));
			fprintf(fp, ", \"counted\": %s, \"present_value\": ",
				(r->sc->settings.classes & CRM_CLASS_BIT(k)) ? "true" : "false");
			json_number(fp, r->c->cls[k].pv);
			fputc('}', fp);
		}
		fputs("],\n     \"gates\": [", fp);
		for (size_t g = 0; g < r->sc->ngroups; g++) {
			char sentence[2048];
			explain_gate(r->sc, g, sentence, sizeof sentence);
			fputs(g ? ", {\"group\": " : "{\"group\": ", fp);
			json_string(fp, r->sc->groups[g].name);
			fputs(", \"probability\": ", fp);
			json_number(fp, r->sc->groups[g].probability);
			fprintf(fp, ", \"decided_at_month\": %d, \"explanation\": ",
				r->sc->groups[g].first_month);
			json_string(fp, sentence);
			fputc('}', fp);
		}
		fputs("],\n     \"net_by_year\": [", fp);
		yearly(r, r->c->cf->net, v, r->sc->settings.horizon_years, 0);
		for (int y = 0; y <= r->sc->settings.horizon_years; y++) {
			fputs(y ? ", " : "", fp);
			json_number(fp, v[y]);
		}
		fputs("],\n     \"cumulative_by_year\": [", fp);
		yearly(r, r->c->cf->net, v, r->sc->settings.horizon_years, 1);
		for (int y = 0; y <= r->sc->settings.horizon_years; y++) {
			fputs(y ? ", " : "", fp);
			json_number(fp, v[y]);
		}
		fputc(']', fp);
		if (i != c->base) {
			const crm_incremental *inc = &c->inc[i];
			fprintf(fp, ",\n     \"incremental\": {\"months_per_period\": %d, \"flows\": [",
				inc->months_per_period);
			for (size_t p = 0; p < inc->n; p++) {
				fputs(p ? ", " : "", fp);
				json_number(fp, inc->flows[p]);
			}
			fputs("], \"npv\": ", fp);
			json_number(fp, inc->npv);
			fputs(", \"irr\": ", fp);
			if (inc->kind != CRM_INCREMENTAL_NONE)
				json_number(fp, inc->irr_value);
			else
				fputs("null", fp);
			fputs(", \"irr_kind\": ", fp);
			json_string(fp, crm_incremental_kind_name(inc->kind));
			fputs(", \"irr_note\": ", fp);
			json_string(fp, inc->why);
			fputc('}', fp);
		}
		fputc('}', fp);
	}
	free(v);
	fputs("\n  ]\n}\n", fp);
}

void compare_view_write(const compare_view *c, out_format fmt, FILE *fp)
{
	switch (fmt) {
	case FMT_TEXT:
	case FMT_MARKDOWN: compare_view_text(c, fp, fmt == FMT_MARKDOWN); break;
	case FMT_CSV: compare_view_csv(c, fp); break;
	case FMT_JSON: compare_view_json(c, fp); break;
	}
}
