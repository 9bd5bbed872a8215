/*
 * cmd_compare.c - `crmroi compare`: scenarios side by side, against a
 * baseline, ranked, with their yearly and incremental cash flows.
 */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "explain.h"
#include "commands.h"
#include "report.h"
#include "rtable.h"

#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { BETTER_NONE = 0, BETTER_HIGH = 1, BETTER_LOW = -1 };

struct row_def {
	const char *key, *label;
	int unit, better;
	crm_metric_id metric;      /* for --rank; CRM_METRIC_COUNT when not rankable */
	int after_tax;             /* shown when some scenario has the setting tax_rate */
};

static const struct row_def rows[] = {
	{ "npv", "NPV", CRM_UNIT_MONEY, BETTER_HIGH, CRM_METRIC_NPV, 0 },
	{ "roi", "ROI (TEI)", CRM_UNIT_RATE, BETTER_HIGH, CRM_METRIC_ROI, 0 },
	{ "bcr", "Benefit-cost ratio", CRM_UNIT_RATIO, BETTER_HIGH, CRM_METRIC_BCR, 0 },
	{ "irr", "IRR", CRM_UNIT_RATE, BETTER_HIGH, CRM_METRIC_IRR, 0 },
	{ "mirr", "MIRR", CRM_UNIT_RATE, BETTER_HIGH, CRM_METRIC_MIRR, 0 },
	{ "payback_months", "Payback (months)", CRM_UNIT_MONTHS, BETTER_LOW, CRM_METRIC_PAYBACK, 0 },
	{ "discounted_payback_months", "Discounted payback (months)", CRM_UNIT_MONTHS, BETTER_LOW,
	  CRM_METRIC_DPAYBACK, 0 },
	{ "pv_benefits", "PV of benefits", CRM_UNIT_MONEY, BETTER_HIGH, CRM_METRIC_PV_BENEFITS, 0 },
	{ "pv_costs", "PV of costs", CRM_UNIT_MONEY, BETTER_LOW, CRM_METRIC_PV_COSTS, 0 },
	{ "after_tax_npv", "NPV after tax", CRM_UNIT_MONEY, BETTER_HIGH, CRM_METRIC_AFTER_TAX_NPV, 1 },
	{ "after_tax_roi", "ROI after tax", CRM_UNIT_RATE, BETTER_HIGH, CRM_METRIC_AFTER_TAX_ROI, 1 },
	{ "after_tax_irr", "IRR after tax", CRM_UNIT_RATE, BETTER_HIGH, CRM_METRIC_AFTER_TAX_IRR, 1 },
	{ "after_tax_mirr", "MIRR after tax", CRM_UNIT_RATE, BETTER_HIGH, CRM_METRIC_AFTER_TAX_MIRR, 1 },
	{ "after_tax_payback_months", "Payback after tax (months)", CRM_UNIT_MONTHS, BETTER_LOW,
	  CRM_METRIC_AFTER_TAX_PAYBACK, 1 },
	{ "after_tax_discounted_payback_months", "Discounted payback after tax (months)",
	  CRM_UNIT_MONTHS, BETTER_LOW, CRM_METRIC_AFTER_TAX_DPAYBACK, 1 },
	{ "peak_investment", "Peak investment", CRM_UNIT_MONEY, BETTER_HIGH, CRM_METRIC_COUNT, 0 },
	{ "peak_investment_month", "Peak investment at month", CRM_UNIT_NUMBER, BETTER_NONE,
	  CRM_METRIC_COUNT, 0 },
};
#define NROWS (sizeof rows / sizeof *rows)

struct cmp {
	report *r;
	int n;
	int base;                  /* index of the baseline */
	char **names;              /* short names */
	crm_incremental *inc;      /* against the baseline */
	int years;                 /* longest horizon */
	int min_years;             /* shortest horizon */
	int rank_given;            /* --rank was on the command line */
	int any_tax;               /* some scenario has tax_rate: the after-tax rows are shown */
	int ranked;                /* a ranking is shown: same horizons, or --rank given */
	crm_metric_id rank_by;
};

/*
 * What an incremental IRR means. The difference of two cash flows is an
 * investment when it changes sign once, from negative to positive (spend more
 * now, earn more later): its IRR is a rate of return. One change from positive
 * to negative (the scenario spends less first, and earns less later) makes
 * the IRR a borrowing rate: the scenario is better when it is below the
 * discount rate. No change, or several, give no rate worth printing.
 */
typedef enum { IRR_INVESTMENT, IRR_BORROWING, IRR_NONE } irr_kind;

/* Flows smaller than this fraction of the largest are taken as zero when counting sign changes. */
#define SIGN_REL_TOL 1e-9

static irr_kind incremental_kind(const crm_incremental *inc, const char **why)
{
	double big = 0;
	int changes = 0, first = 0, prev = 0;

	for (size_t p = 0; p < inc->n; p++)
		big = fmax(big, fabs(inc->flows[p]));
	for (size_t p = 0; p < inc->n; p++) {
		if (fabs(inc->flows[p]) <= SIGN_REL_TOL * big)
			continue;
		int sg = inc->flows[p] > 0 ? 1 : -1;
		if (!first)
			first = sg;
		else if (sg != prev)
			changes++;
		prev = sg;
	}
	if (changes == 0) {
		*why = "no IRR: the difference in cash flows never changes sign";
		return IRR_NONE;
	}
	if (changes > 1) {
		*why = "not an investment: the difference in cash flows changes sign more than once, "
		       "so a rate of return is not defined";
		return IRR_NONE;
	}
	if (!inc->irr_ok) {
		*why = "no IRR between -99.99% and 100,000% a year";
		return IRR_NONE;
	}
	if (first < 0) {
		*why = "investment: a rate of return, worth it when above the discount rate";
		return IRR_INVESTMENT;
	}
	*why = "borrowing rate: the scenario spends less first and earns less later; it is better "
	       "when this rate is below the discount rate";
	return IRR_BORROWING;
}

/* The one-word kind for CSV and JSON. */
static const char *kind_word(irr_kind k)
{
	return k == IRR_INVESTMENT ? "investment" : k == IRR_BORROWING ? "borrowing" : "none";
}

static crm_value value_of(const report *r, size_t k)
{
	const crm_metrics *m = &r->c->m;
	switch (k) {
	case 0: return (crm_value){ m->npv, 1, "" };
	case 1: return (crm_value){ m->roi, m->roi_ok, "no PV of costs" };
	case 2: return (crm_value){ m->bcr, m->bcr_ok, "no PV of costs" };
	case 3: return (crm_value){ m->irr_value, m->irr_ok, "no IRR" };
	case 4: return (crm_value){ m->mirr, m->mirr_ok, "no MIRR" };
	case 5: return (crm_value){ m->payback.months, m->payback.status == CRM_PAYBACK_REACHED,
				    "not reached" };
	case 6: return (crm_value){ m->dpayback.months, m->dpayback.status == CRM_PAYBACK_REACHED,
				    "not reached" };
	case 7: return (crm_value){ m->pv_benefits, 1, "" };
	case 8: return (crm_value){ m->pv_costs, 1, "" };
	case 9: case 10: case 11: case 12: case 13: case 14: {
		const crm_metrics *a = &r->c->at.metrics;
		if (!r->c->has_tax)
			return (crm_value){ NAN, 0, "no tax_rate setting" };
		switch (k) {
		case 9: return (crm_value){ a->npv, 1, "" };
		case 10: return (crm_value){ a->roi, a->roi_ok, "no PV of costs" };
		case 11: return (crm_value){ a->irr_value, a->irr_ok, "no IRR" };
		case 12: return (crm_value){ a->mirr, a->mirr_ok, "no MIRR" };
		case 13: return (crm_value){ a->payback.months, a->payback.status == CRM_PAYBACK_REACHED,
					     "not reached" };
		default: return (crm_value){ a->dpayback.months,
					     a->dpayback.status == CRM_PAYBACK_REACHED, "not reached" };
		}
	}
	case 15: return (crm_value){ m->peak_investment, 1, "" };
	default: return (crm_value){ (double)(m->peak_period * r->c->cf->months_per_period), 1, "" };
	}
}

/* Whether row k is shown: the after-tax rows only when some scenario has tax_rate. */
static int shown(const struct cmp *c, size_t k)
{
	return !rows[k].after_tax || c->any_tax;
}

/* Index of the best scenario for row k, or -1 (no preference, or nothing defined). */
static int best_of(const struct cmp *c, size_t k)
{
	int best = -1;

	if (rows[k].better == BETTER_NONE || !c->ranked)
		return -1;
	for (int i = 0; i < c->n; i++) {
		crm_value v = value_of(&c->r[i], k);
		if (!v.ok)
			continue;
		crm_value b = best >= 0 ? value_of(&c->r[best], k) : v;
		if (best < 0 || (rows[k].better == BETTER_HIGH ? v.v > b.v : v.v < b.v))
			best = i;
	}
	return best;
}

static char *short_name(const char *path)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	size_t n = strlen(b);
	if (n > 4 && !strcmp(b + n - 4, ".csv"))
		n -= 4;
	return strndup(b, n);
}

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
static size_t rank_row(const struct cmp *c)
{
	for (size_t k = 0; k < NROWS; k++)
		if (rows[k].metric == c->rank_by)
			return k;
	return 0;
}

/* Whether scenario j comes before scenario i in the ranking: defined values first, ties in order. */
static int precedes(const struct cmp *c, size_t k, int j, int i)
{
	crm_value vj = value_of(&c->r[j], k), vi = value_of(&c->r[i], k);

	if (vj.ok != vi.ok)
		return vj.ok;
	if (vj.ok) {
		int low = rows[k].better == BETTER_LOW;
		if (low ? vj.v < vi.v : vj.v > vi.v)
			return 1;
		if (low ? vi.v < vj.v : vi.v > vj.v)
			return 0;
	}
	return j < i;
}

/* Place of scenario i in the ranking by c->rank_by, 1 = best. */
static int rank_place(const struct cmp *c, int i)
{
	size_t k = rank_row(c);
	int place = 1;

	for (int j = 0; j < c->n; j++)
		if (j != i && precedes(c, k, j, i))
			place++;
	return place;
}

/*
 * "the horizons differ (base 5 years, long 7 years): ..." as a malloc'd
 * string (NULL on no memory).
 */
static char *horizon_note(const struct cmp *c)
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
 * for a paragraph), in text indented and wrapped to the width.
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
	if (md)
		fprintf(fp, "%s%s\n", lead, text);
	else
		print_para(fp, "  ", text);
	free(text);
}

static void year_label(int y, char *buf, size_t len)
{
	if (y)
		snprintf(buf, len, "Year %d", y);
	else
		snprintf(buf, len, "Initial");
}

/* Columns 1..years+1 of t: Initial, Year 1, ... */
static void year_cols(rtable *t, int years)
{
	char label[32];

	for (int y = 0; y <= years; y++) {
		year_label(y, label, sizeof label);
		rtable_col(t, (size_t)y + 1, label, label, CRM_UNIT_MONEY);
	}
}

static void show(const rtable *t, FILE *fp, int md)
{
	if (md)
		rtable_print_markdown(t, fp);
	else
		rtable_print_text(t, fp, "  ");
}

static void gates_and_classes_text(const struct cmp *c, FILE *fp, int md, const char *b);
static void class_table(const struct cmp *c, FILE *fp, int md);

static void text_tables(const struct cmp *c, out_format fmt, FILE *fp, crm_metric_id rank_by)
{
	int md = fmt == FMT_MARKDOWN;
	const char *b = md ? "- " : "  ";
	rtable t;
	char buf[FMT_NUM_MAX + 16];
	const report *base = &c->r[c->base];

	fprintf(fp, md ? "## Comparison of %d scenarios\n\n" : "Comparison of %d scenarios\n", c->n);
	fprintf(fp, "%sBaseline: %s (%s)\n", b, c->names[c->base], base->sc->file);
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
		char *note = horizon_note(c);
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
			crm_value v = value_of(&c->r[i], k);
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
	fprintf(fp, md ? "\n### Difference from the baseline (scenario - %s)\n\n"
		       : "\nDifference from the baseline (scenario - %s)\n", c->names[c->base]);
	rtable_init(&t, (size_t)c->n + 1);
	rtable_col(&t, 0, "metric", "Metric", UNIT_TEXT);
	for (int i = 0; i < c->n; i++)
		rtable_col(&t, (size_t)i + 1, c->names[i], c->names[i], CRM_UNIT_NUMBER);
	for (size_t k = 0; k < NROWS - 1; k++) {
		if (!shown(c, k))
			continue;
		long r = rtable_row(&t);
		crm_value bv = value_of(base, k);
		rtable_text(&t, r, 0, rows[k].label);
		for (int i = 0; i < c->n; i++) {
			crm_value v = value_of(&c->r[i], k);
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
	const crm_metric_info *mi = crm_metric_info_of(rank_by);
	size_t rk = rank_row(c);
	fprintf(fp, md ? "\n### Ranking by %s\n\n" : "\nRanking by %s\n", mi->label);
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
			crm_value v = value_of(&c->r[i], rk);
			if (v.ok)
				fmt_unit(buf, sizeof buf, v.v, rows[rk].unit);
			else
				snprintf(buf, sizeof buf, "n/a (%s)", v.why);
			fprintf(fp, "%s%d. %-20s %s\n", md ? "" : "  ", pos, c->names[i], buf);
			if (md)
				fputc('\n', fp);
		}

yearly_tables:
	/* Yearly cash flows. */
	for (int cum = 0; cum < 2; cum++) {
		fprintf(fp, md ? "\n### %s by year (%s)\n\n" : "\n%s by year (%s)\n",
			cum ? "Cumulative net cash flow" : "Net cash flow", base->sc->settings.currency);
		rtable_init(&t, (size_t)c->years + 2);
		rtable_col(&t, 0, "scenario", "Scenario", UNIT_TEXT);
		year_cols(&t, c->years);
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
	fprintf(fp, md ? "\n### Incremental cash flow over %s (scenario - %s), by year\n\n"
		       : "\nIncremental cash flow over %s (scenario - %s), by year\n",
		c->names[c->base], c->names[c->base]);
	para(fp, md, b, "Is the extra spend worth it? Incremental NPV is the difference of the NPVs; "
	     "incremental IRR is the rate of return of the difference in cash flows.");
	if (md)
		fputc('\n', fp);
	rtable_init(&t, (size_t)c->years + 4);
	rtable_col(&t, 0, "scenario", "Scenario", UNIT_TEXT);
	year_cols(&t, c->years);
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
		const char *why;
		irr_kind kind = incremental_kind(inc, &why);
		(void)why;
		if (kind == IRR_NONE) {
			rtable_text(&t, r, (size_t)c->years + 3, "n/a");
		} else if (kind == IRR_BORROWING) {
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
	for (int i = 0; i < c->n; i++) {
		const char *why;
		if (i == c->base)
			continue;
		incremental_kind(&c->inc[i], &why);
		para(fp, md, b, "%s: %s.", c->names[i], why);
	}
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
static int any_class(const struct cmp *c, int cls)
{
	for (int i = 0; i < c->n; i++)
		for (int k = 0; k < CRM_NCLASSES; k++)
			if (c->r[i].c->cls[k].nlines && (cls < 0 ? k != CRM_CLASS_CASH || c->r[i].c->only_given
						     : k == cls))
				return 1;
	return 0;
}

/* Each scenario's gates in a sentence, and the classes its metrics count. */
static void gates_and_classes_text(const struct cmp *c, FILE *fp, int md, const char *b)
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
static void class_table(const struct cmp *c, FILE *fp, int md)
{
	rtable t;
	char buf[FMT_NUM_MAX + 16];

	if (!any_class(c, -1))
		return;
	fprintf(fp, md ? "\n### Benefits by class (present value, %s)\n\n"
		       : "\nBenefits by class (present value, %s)\n",
		c->r[c->base].sc->settings.currency);
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

static void csv_compare(const struct cmp *c, FILE *fp)
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
			crm_value bv = value_of(&c->r[c->base], k);
			int undefined = 0;
			csv_field(fp, pass ? "delta" : "metric", 1);
			csv_field(fp, rows[k].key, 0);
			for (int i = 0; i < c->n; i++) {
				crm_value v = value_of(&c->r[i], k);
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
				crm_value v = value_of(&c->r[i], k);
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
			year_label(y, key, sizeof key);
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
			const char *why;
			irr_kind kind = i == c->base ? IRR_NONE : incremental_kind(&c->inc[i], &why);
			if (i == c->base)
				csv_field(fp, "", 0);
			else if (w == 0)
				csv_number(fp, c->inc[i].npv, 0);
			else if (w == 1 && kind != IRR_NONE)
				csv_number(fp, c->inc[i].irr_value, 0);
			else if (w == 2)
				csv_field(fp, kind_word(kind), 0);
			else if (w == 3)
				csv_field(fp, why, 0);
			else
				csv_field(fp, "", 0);
		}
		csv_end(fp);
	}
}

static void json_compare(const struct cmp *c, FILE *fp, crm_metric_id rank_by)
{
	fputs("{\n  \"baseline\": ", fp);
	json_string(fp, c->r[c->base].sc->file);
	fputs(",\n  \"rank_by\": ", fp);
	if (c->ranked) {
		json_string(fp, crm_metric_info_of(rank_by)->name);
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
			crm_value x = value_of(r, k);
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
			const char *why;
			irr_kind kind = incremental_kind(inc, &why);
			fputs(", \"irr\": ", fp);
			if (kind != IRR_NONE)
				json_number(fp, inc->irr_value);
			else
				fputs("null", fp);
			fputs(", \"irr_kind\": ", fp);
			json_string(fp, kind_word(kind));
			fputs(", \"irr_note\": ", fp);
			json_string(fp, why);
			fputc('}', fp);
		}
		fputc('}', fp);
	}
	free(v);
	fputs("\n  ]\n}\n", fp);
}

/* ------------------------------------------------------------------ driver */

int cmd_compare(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "baseline", required_argument, NULL, 'b' },
		{ "rank", required_argument, NULL, 'r' },
		{ "only", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	out_format fmt = FMT_TEXT;
	const char *output = NULL, *baseline = NULL;
	crm_metric_id rank_by = CRM_METRIC_NPV;
	int c, status = EXIT_OK;
	unsigned classes = 0;       /* 0: each scenario's own (every class but flexibility) */
	struct cmp cmp;
	crm_error err;

	memset(&cmp, 0, sizeof cmp);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &fmt) != 0)
				return usage_error("compare: unknown format '%s' (expected text, csv, json "
						   "or markdown)", optarg);
			break;
		case 'o': output = optarg; break;
		case 'b': baseline = optarg; break;
		case 'O':
			crm_error_clear(&err);
			if (crm_classes_parse(optarg, &classes, &err) != CRM_OK)
				return command_usage_error("compare", "compare: --only: %s", err.msg);
			break;
		case 'r':
			cmp.rank_given = 1;
			if (crm_metric_parse(optarg, &rank_by) != 0)
				return usage_error("compare: --rank: unknown metric '%s' (expected npv, roi, "
						   "bcr, irr, mirr, payback, discounted_payback, pv_benefits, "
						   "pv_costs or an after-tax one: after_tax_npv, after_tax_roi, "
						   "after_tax_irr, after_tax_mirr, after_tax_payback, "
						   "after_tax_discounted_payback)", optarg);
			break;
		case 'h':
			print_command_help(find_command("compare"), stdout);
			return EXIT_OK;
		case ':':
			return usage_error("compare: option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("compare: unknown option '%s'", argv[optind - 1]);
		}
	}
	int nfiles = argc - optind;
	if (nfiles < 1)
		return usage_error("compare: no scenario file given");
	/* The baseline is the first file, or --baseline (added in front when not listed). */
	int extra = 0;
	if (baseline) {
		extra = 1;
		for (int i = 0; i < nfiles; i++)
			if (!strcmp(argv[optind + i], baseline)) {
				extra = 0;
				cmp.base = i;
			}
	}
	cmp.n = nfiles + extra;
	cmp.r = calloc((size_t)cmp.n, sizeof *cmp.r);
	cmp.names = calloc((size_t)cmp.n, sizeof *cmp.names);
	cmp.inc = calloc((size_t)cmp.n, sizeof *cmp.inc);
	if (!cmp.r || !cmp.names || !cmp.inc) {
		fprintf(stderr, "%s: out of memory\n", progname);
		status = EXIT_INTERNAL;
		goto done;
	}
	for (int i = 0; i < cmp.n; i++) {
		const char *path = extra ? (i == 0 ? baseline : argv[optind + i - 1]) : argv[optind + i];
		int st = load_report(&cmp.r[i], path, 0, classes);
		if (st != EXIT_OK) {
			if (status == EXIT_OK || st == EXIT_DATA)
				status = st;
			continue;
		}
		report_warnings(&cmp.r[i].sc->warnings);
		cmp.any_tax |= cmp.r[i].c->has_tax;
		cmp.names[i] = short_name(path);
		if (cmp.r[i].sc->settings.horizon_years > cmp.years)
			cmp.years = cmp.r[i].sc->settings.horizon_years;
		if (!cmp.min_years || cmp.r[i].sc->settings.horizon_years < cmp.min_years)
			cmp.min_years = cmp.r[i].sc->settings.horizon_years;
	}
	if (status != EXIT_OK)
		goto done;
	/* Same short name twice (files of the same name in different directories): use paths. */
	for (int i = 0; i < cmp.n; i++)
		for (int j = i + 1; j < cmp.n; j++)
			if (!strcmp(cmp.names[i], cmp.names[j])) {
				free(cmp.names[i]);
				free(cmp.names[j]);
				cmp.names[i] = strdup(cmp.r[i].sc->file);
				cmp.names[j] = strdup(cmp.r[j].sc->file);
			}
	/*
	 * Scenarios over different horizons sum different periods: their NPVs are
	 * ranked only when the user asks for a ranking.
	 */
	cmp.ranked = cmp.min_years == cmp.years || cmp.rank_given;
	cmp.rank_by = rank_by;
	if (cmp.min_years != cmp.years) {
		char *note = horizon_note(&cmp);
		fprintf(stderr, "%s: warning: %s; %s\n", progname, note ? note : "the horizons differ",
			cmp.rank_given ? "ranked as asked by --rank"
				       : "not ranked (give --rank METRIC to rank them anyway)");
		free(note);
	}
	crm_error_clear(&err);
	for (int i = 0; i < cmp.n; i++) {
		if (i == cmp.base)
			continue;
		const report *a = &cmp.r[cmp.base], *b = &cmp.r[i];
		if (crm_incremental_flows(a->c->cf, &a->c->m, a->sc->settings.discount_rate, b->c->cf, &b->c->m,
					  b->sc->settings.discount_rate, &cmp.inc[i], &err) != CRM_OK) {
			status = report_error(&err);
			goto done;
		}
	}
	out_sink sink;
	if (sink_open(&sink, output, &err) != 0) {
		status = report_error(&err);
		goto done;
	}
	switch (fmt) {
	case FMT_TEXT:
	case FMT_MARKDOWN: text_tables(&cmp, fmt, sink.fp, rank_by); break;
	case FMT_CSV: csv_compare(&cmp, sink.fp); break;
	case FMT_JSON: json_compare(&cmp, sink.fp, rank_by); break;
	}
	if (sink_commit(&sink, &err) != 0)
		status = report_error(&err);
done:
	for (int i = 0; cmp.r && i < cmp.n; i++) {
		report_free(&cmp.r[i]);
		free(cmp.names[i]);
		crm_incremental_free(&cmp.inc[i]);
	}
	free(cmp.r);
	free(cmp.names);
	free(cmp.inc);
	return status;
}
