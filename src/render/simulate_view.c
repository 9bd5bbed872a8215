/*
 * simulate_view.c - the Monte Carlo simulation and the global sensitivity of
 * a scenario (`crmroi simulate`) in text, markdown, CSV and JSON, and the
 * layout of the --samples file.
 *
 * It shows what crm_simulate and crm_sobol returned: it draws nothing and
 * computes no statistic, and it neither opens files, nor shows progress, nor
 * reports errors (the command does).
 */
#define _POSIX_C_SOURCE 200809L
#include "simulate_view.h"
#include "voi_view.h"
#include "explain.h"
#include "rtable.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Width of the NPV histogram's longest bar, in characters. */
#define BAR_WIDTH 40

static const char *const metric_keys[CRM_SIM_NMETRICS] = {
	"npv", "roi", "irr", "payback_months", "discounted_payback_months", "after_tax_npv",
	"after_tax_irr", "after_tax_payback_months", "peak_funding"
};
static const char *const metric_labels[CRM_SIM_NMETRICS] = {
	"NPV", "ROI", "IRR", "Payback (months)", "Discounted payback (months)", "NPV after tax",
	"IRR after tax", "Payback after tax (months)", "Peak funding (by month)"
};
static const int metric_units[CRM_SIM_NMETRICS] = {
	CRM_UNIT_MONEY, CRM_UNIT_RATE, CRM_UNIT_RATE, CRM_UNIT_MONTHS, CRM_UNIT_MONTHS,
	CRM_UNIT_MONEY, CRM_UNIT_RATE, CRM_UNIT_MONTHS, CRM_UNIT_MONEY
};
static const char *const metric_why[CRM_SIM_NMETRICS] = {
	"the model could not be evaluated", "no positive PV of costs", "no IRR",
	"not reached within the horizon", "not reached within the horizon",
	"no tax_rate setting", "no IRR after tax (or no tax_rate setting)",
	"not reached within the horizon (or no tax_rate setting)",
	"the model could not be evaluated"
};

/* Why the first draw whose model could not be evaluated failed: "file:line:col: message". */
static void first_undefined(const crm_sim_result *res, char *buf, size_t len)
{
	const crm_error *e = &res->first_undefined;

	if (e->file[0] && e->line)
		snprintf(buf, len, "%s:%d:%d: %s", e->file, e->line, e->col, e->msg);
	else if (e->file[0])
		snprintf(buf, len, "%s: %s", e->file, e->msg);
	else
		snprintf(buf, len, "%s", e->msg);
}

/* ----------------------------------------------------------------- report */

static const char *item_kind(const crm_scenario *sc, const crm_uncertain *u)
{
	if (u->kind == CRM_ITEM_INPUT)
		return "input";
	if (u->kind == CRM_ITEM_EVENT)
		return sc->lines[u->index].group >= 0 ? "gate" : "risk event";
	return sc->lines[u->index].kind == CRM_COST ? "cost" : "benefit";
}

/* An uncertain input's label for people, when it has one (NULL: its name serves). */
static const char *item_label(const crm_scenario *sc, const crm_uncertain *u)
{
	const char *l = u->kind == CRM_ITEM_INPUT ? sc->inputs[u->index].label : NULL;

	return l && l[0] ? l : NULL;
}


static void build_stats(rtable *t)
{
	static const char *const pk[CRM_SIM_NPCT] = { "p5", "p10", "p25", "p50", "p75", "p90", "p95" };
	static const char *const pl[CRM_SIM_NPCT] = { "P5", "P10", "P25", "P50", "P75", "P90", "P95" };

	rtable_init(t, 15);
	rtable_col(t, 0, "metric", "Metric", UNIT_TEXT);
	rtable_col(t, 1, "defined", "Draws", CRM_UNIT_NUMBER);
	rtable_col(t, 2, "undefined", "Undefined", CRM_UNIT_NUMBER);
	rtable_col(t, 3, "mean", "Mean", CRM_UNIT_NUMBER);
	rtable_col(t, 4, "sd", "SD", CRM_UNIT_NUMBER);
	rtable_col(t, 5, "sem", "Std error", CRM_UNIT_NUMBER);
	rtable_col(t, 6, "min", "Min", CRM_UNIT_NUMBER);
	for (int q = 0; q < CRM_SIM_NPCT; q++)
		rtable_col(t, (size_t)(7 + q), pk[q], pl[q], CRM_UNIT_NUMBER);
	rtable_col(t, 14, "max", "Max", CRM_UNIT_NUMBER);
}

/* Text/markdown: numbers in each metric's unit, so the table is built as text cells. */
static void stats_rows(const crm_sim_result *res, rtable *t, int for_people)
{
	char buf[FMT_NUM_MAX];

	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		const crm_sim_metric *m = &res->metric[k];
		if (!m->computed)
			continue;
		long r = rtable_row(t);
		if (r < 0)
			return;
		double v[12] = { m->mean, m->sd, m->sem, m->min, m->pct[0], m->pct[1], m->pct[2],
				 m->pct[3], m->pct[4], m->pct[5], m->pct[6], m->max };
		rtable_text(t, r, 0, for_people ? metric_labels[k] : metric_keys[k]);
		if (for_people) {
			fmt_money(buf, sizeof buf, (double)m->defined, 0);
			rtable_text(t, r, 1, buf);
			fmt_money(buf, sizeof buf, (double)m->undefined, 0);
			rtable_text(t, r, 2, buf);
		} else {
			rtable_num(t, r, 1, (double)m->defined);
			rtable_num(t, r, 2, (double)m->undefined);
		}
		for (int c = 0; c < 12; c++) {
			if (!m->defined) {
				rtable_value(t, r, (size_t)(3 + c), &(crm_value){ NAN, 0, metric_why[k] });
			} else if (for_people) {
				fmt_unit(buf, sizeof buf, v[c], metric_units[k]);
				rtable_text(t, r, (size_t)(3 + c), buf);
			} else {
				rtable_num(t, r, (size_t)(3 + c), v[c]);
			}
		}
	}
}

static void print_bar_row(FILE *fp, const char *lo, const char *hi, uint64_t count, uint64_t total,
			  uint64_t most)
{
	int len = most ? (int)lround((double)count / (double)most * BAR_WIDTH) : 0;
	char n[32];
	fmt_money(n, sizeof n, (double)count, 0);
	fprintf(fp, "  %14s to %-14s %10s %6.2f%%%s%.*s\n", lo, hi, n,
		total ? 100.0 * (double)count / (double)total : 0.0, len ? "  " : "", len,
		"########################################");
}

/*
 * One sentence of the report: a wrapped paragraph in text, a list item in
 * markdown, its text escaped (md_text) when escape is set.
 */
static void say_as(FILE *fp, int md, int escape, const char *fmt, va_list ap)
{
	va_list aq;
	char *text;

	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	text = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (text)
		vsnprintf(text, (size_t)n + 1, fmt, aq);
	va_end(aq);
	if (!text)
		return;
	if (md) {
		fputs("- ", fp);
		if (escape)
			md_text(fp, text);
		else
			fputs(text, fp);
		fputc('\n', fp);
	} else {
		print_para(fp, "  ", text);
	}
	free(text);
}

/* A sentence, escaped in markdown: it may quote a file's name or a note. */
static void say(FILE *fp, int md, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(FILE *fp, int md, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_as(fp, md, 1, fmt, ap);
	va_end(ap);
}

/*
 * A sentence of the report's own words and numbers only, written to
 * markdown as it is ("NPV < 0" stays so).
 */
static void say_own(FILE *fp, int md, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say_own(FILE *fp, int md, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say_as(fp, md, 0, fmt, ap);
	va_end(ap);
}

/*
 * A table that follows sentences: in markdown after a blank line, which
 * GitHub-flavoured markdown needs between a list and a table.
 */
static void print_after_list(const rtable *t, FILE *fp, int md)
{
	if (md) {
		fputc('\n', fp);
		rtable_print_markdown(t, fp);
	} else {
		rtable_print_text(t, fp, "  ");
	}
}

/*
 * An input read as a percentage: written as one (75%), with the unit percent
 * or rate, or an adoption share.
 */
static int input_is_rate(const crm_input *in)
{
	return in->adoption || (in->value_text && strchr(in->value_text, '%')) ||
	       (in->unit && (!strcasecmp(in->unit, "percent") || !strcasecmp(in->unit, "rate")));
}

/* An uncertain value for a sentence or a table: in percent for an input read as one. */
static void item_value(const crm_scenario *sc, const crm_uncertain *u, double v, char *buf,
		       size_t len)
{
	if (!isfinite(v))
		snprintf(buf, len, "n/a");
	else if (u->kind == CRM_ITEM_INPUT && input_is_rate(&sc->inputs[u->index]))
		snprintf(buf, len, "%.3g%%", v * 100);
	else if (u->kind == CRM_ITEM_EVENT)
		snprintf(buf, len, "%.0f%% happen", v * 100);
	else if (fabs(v) >= 1000)
		fmt_money(buf, len, v, 0);
	else
		snprintf(buf, len, "%.3g", v);
}

/* An uncertain value's distribution for people: "triangular 60%..90%" for a share. */
static void item_dist(const crm_scenario *sc, const crm_uncertain *u, char *buf, size_t len)
{
	char lo[64], hi[64];

	if (u->kind == CRM_ITEM_EVENT) {
		snprintf(buf, len, "happens with probability %g%%", u->p * 100);
		return;
	}
	item_value(sc, u, u->low, lo, sizeof lo);
	item_value(sc, u, u->high, hi, sizeof hi);
	snprintf(buf, len, "%s %s..%s", crm_dist_name(u->dist), lo, hi);
}

double sim_view_tail_shift(const crm_sim_result *res, size_t i)
{
	return res->item_sd && res->item_sd[i] > 0
	       ? (res->tail_mean[i] - res->item_mean[i]) / res->item_sd[i] : NAN;
}

size_t sim_view_drivers(const crm_sim_result *res, double min_shift, size_t *order, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; res->tail_mean && i < res->nitems; i++) {
		double d = fabs(sim_view_tail_shift(res, i));
		if (!(d >= min_shift))
			continue;   /* too small, or the item does not vary */
		/* Insert after the items shifted as much or more: ties keep the items' order. */
		size_t k = n < max ? n++ : max;
		while (k > 0 && fabs(sim_view_tail_shift(res, order[k - 1])) < d) {
			if (k < max)
				order[k] = order[k - 1];
			k--;
		}
		if (k < max)
			order[k] = i;
	}
	return n;
}

#define DRIVERS_SHOWN 10

/*
 * The bad case: value at risk and expected shortfall of NPV at each level, and
 * what the worst draws have in common (the values whose mean shifts most there).
 */
static void bad_case(const crm_scenario *sc, const crm_sim_result *res, FILE *fp, int md)
{
	const crm_sim_metric *npv = &res->metric[CRM_SIM_NPV];
	char v[FMT_NUM_MAX], e[FMT_NUM_MAX], x[FMT_NUM_MAX], y[FMT_NUM_MAX];

	if (!npv->defined || !(npv->max > npv->min))
		return;   /* no draw, or every draw the same: no bad case to speak of */
	fprintf(fp, md ? "\n### The bad case\n\n" : "\nThe bad case (NPV, %s)\n",
		sc->settings.currency);
	for (int q = 0; q < CRM_SIM_NTAIL; q++) {
		if (q && res->tail_level[q] == res->tail_level[q - 1])
			continue;
		fmt_money(v, sizeof v, res->var[q], 0);
		fmt_money(e, sizeof e, res->es[q], 0);
		say(fp, md, "In the worst %g%% of draws NPV is at most %s (the value at risk at %g%%: "
		    "its %g%s percentile) and %s on average (the expected shortfall at %g%%).",
		    res->tail_level[q], v, res->tail_level[q], res->tail_level[q],
		    res->tail_level[q] == 1 ? "st" : res->tail_level[q] == 2 ? "nd" :
		    res->tail_level[q] == 3 ? "rd" : "th", e, res->tail_level[q]);
	}
	if (!res->tail_exact) {
		fmt_money(x, sizeof x, npv->pct_accuracy, 2);
		say(fp, md, "Estimated from the histogram past the first %d values, to within about %s.",
		    CRM_SIM_EXACT_MAX, x);
	}
	/* Peak funding in the bad case: the cash out at the deepest point, in the worst draws. */
	const crm_sim_metric *peak = &res->metric[CRM_SIM_PEAK_FUNDING];
	for (int q = 0; peak->computed && peak->defined && q < CRM_SIM_NTAIL; q++) {
		if (q && res->tail_level[q] == res->tail_level[q - 1])
			continue;
		fmt_money(v, sizeof v, -res->peak_var[q], 0);
		fmt_money(e, sizeof e, -res->peak_es[q], 0);
		say(fp, md, "In the worst %g%% of draws for funding the program has at least %s out at "
		    "its deepest month (the value at risk of peak funding at %g%%) and %s on average "
		    "(its expected shortfall).", res->tail_level[q], v, res->tail_level[q], e);
	}
	size_t order[DRIVERS_SHOWN];
	size_t n = sim_view_drivers(res, 0, order, DRIVERS_SHOWN), varying = 0;
	for (size_t i = 0; i < res->nitems; i++)
		varying += isfinite(sim_view_tail_shift(res, i));
	if (n && res->tail_draws) {
		rtable t;
		fmt_money(x, sizeof x, (double)res->tail_draws, 0);
		fmt_money(y, sizeof y, (double)res->rank_draws, 0);
		say(fp, md, "What the worst %g%% have in common: each uncertain value's mean in those %s "
		    "draws against its mean in all %s, the largest shifts first (in standard "
		    "deviations of the value)%s.", res->tail_level[CRM_SIM_NTAIL - 1], x, y,
		    varying > DRIVERS_SHOWN ? "; the first ten" : "");
		rtable_init(&t, 4);
		rtable_col(&t, 0, "name", "Value", UNIT_TEXT);
		/* Numbers formatted here, in their units, right-aligned. */
		rtable_col(&t, 1, "tail_mean", "Mean in the worst", CRM_UNIT_NUMBER);
		rtable_col(&t, 2, "mean", "Mean in all", CRM_UNIT_NUMBER);
		rtable_col(&t, 3, "shift", "Shift (SD)", CRM_UNIT_NUMBER);
		for (size_t k = 0; k < n; k++) {
			size_t i = order[k];
			long r = rtable_row(&t);
			char a[64], b[64], c[32];
			item_value(sc, &res->items[i], res->tail_mean[i], a, sizeof a);
			item_value(sc, &res->items[i], res->item_mean[i], b, sizeof b);
			snprintf(c, sizeof c, "%+.2f", sim_view_tail_shift(res, i));
			rtable_text_for(&t, r, 0, res->items[i].name,
					item_label(sc, &res->items[i]));
			rtable_text(&t, r, 1, a);
			rtable_text(&t, r, 2, b);
			rtable_text(&t, r, 3, c);
		}
		print_after_list(&t, fp, md);
		rtable_free(&t);
	}
}

/*
 * Why a rank correlation is not a number: NPV the same in every draw kept
 * for it, the value the same in every draw, or too few draws.
 */
static const char *rank_corr_why(const crm_sim_result *res)
{
	const crm_sim_metric *npv = &res->metric[CRM_SIM_NPV];
	if (res->rank_draws < 3)
		return "fewer than 3 draws with an NPV";
	if (!(npv->max > npv->min))
		return "NPV does not vary";
	return "the value does not vary over the draws";
}

static void report_people(const sim_view_opts *o, const crm_scenario *sc,
			  const crm_sim_result *res, const crm_sobol_result *sob, FILE *fp)
{
	int md = o->fmt == FMT_MARKDOWN;
	const char *b = md ? "- " : "  ";
	const crm_sim_metric *npv = &res->metric[CRM_SIM_NPV];
	rtable t;
	char x[FMT_NUM_MAX], y[FMT_NUM_MAX];
	size_t nin = 0, nline = 0, nev = 0, ngate = 0;

	for (size_t i = 0; i < res->nitems; i++) {
		nin += res->items[i].kind == CRM_ITEM_INPUT;
		nline += res->items[i].kind == CRM_ITEM_LINE;
		if (res->items[i].kind == CRM_ITEM_EVENT && sc->lines[res->items[i].index].group >= 0)
			ngate++;    /* a group of lines drawn together */
		else
			nev += res->items[i].kind == CRM_ITEM_EVENT;
	}
	const char *title = sc->settings.title[0] ? sc->settings.title : sc->file;
	if (md) {
		fputs("## Monte Carlo simulation: ", fp);
		md_text(fp, title);
		fputs("\n\n", fp);
	} else {
		fprintf(fp, "Monte Carlo simulation: %s\n", title);
	}
	say(fp, md, "Scenario: %s", sc->file);
	explain_classes rc;   /* which classes the figures count, as run's report says it */
	explain_classes_of(sc, o->classes != 0, 0, &rc);
	if (rc.shown)
		say(fp, md, "%s", rc.sentence);
	if (sc->settings.readiness) {   /* execution readiness scales benefits (crmroi assess) */
		char rd[1024];
		explain_readiness(&sc->settings, rd, sizeof rd);
		say(fp, md, "%s", rd);
	}
	fmt_money(x, sizeof x, (double)res->iterations, 0);
	say(fp, md, "Draws: %s, seed %llu; the same seed gives the same results whatever "
		"the number of threads", x, (unsigned long long)o->seed);
	fprintf(fp, "%sUncertain values: %zu input%s, %zu line value%s, %zu risk event%s", b, nin,
		nin == 1 ? "" : "s", nline, nline == 1 ? "" : "s", nev, nev == 1 ? "" : "s");
	if (ngate)
		fprintf(fp, ", %zu gate%s (a group of lines drawn together)", ngate, ngate == 1 ? "" : "s");
	if (sc->ncorrelations)
		fprintf(fp, "; %zu rank correlation%s imposed with a Gaussian copula", sc->ncorrelations,
			sc->ncorrelations == 1 ? "" : "s");
	fputc('\n', fp);
	if (o->precision > 0) {
		say(fp, md, "Precision: asked for a 95%% confidence half-width of mean NPV within "
		"%g%% of the mean; %s %.3f%% after %s draws%s", o->precision * 100,
			res->achieved_precision <= o->precision ? "reached" : "not reached, achieved",
			res->achieved_precision * 100, x,
			res->achieved_precision <= o->precision ? "" : " (the cap, -n)");
	} else if (npv->defined) {
		say(fp, md, "95%% confidence half-width of mean NPV: %.3f%% of the mean", res->achieved_precision * 100);
	}
	if (!res->nitems)
		say(fp, md, "The scenario has no uncertain values (no low/high ranges, no "
		"probabilities): every draw is the base case.");

	fprintf(fp, md ? "\n### Results\n\n" : "\nResults\n");
	build_stats(&t);
	stats_rows(res, &t, 1);
	if (md)
		rtable_print_markdown(&t, fp);
	else
		rtable_print_text(&t, fp, "  ");
	rtable_free(&t);
	fputc('\n', fp);
	fmt_money(x, sizeof x, (double)res->npv_negative, 0);
	fmt_money(y, sizeof y, (double)npv->defined, 0);
	if (npv->defined)
		say_own(fp, md, "Probability that NPV < 0: %.2f%% (%s of %s draws)",
			100.0 * (double)res->npv_negative / (double)npv->defined, x, y);
	else
		say_own(fp, md, "Probability that NPV < 0: n/a (no draw has an NPV)");
	if (res->metric[CRM_SIM_PAYBACK].computed && npv->defined) {
		fmt_money(x, sizeof x, (double)res->payback_not_reached, 0);
		say(fp, md, "Probability that payback is not reached within the %d-month horizon: "
		"%.2f%% (%s draws)", 12 * sc->settings.horizon_years,
			npv->defined ? 100.0 * (double)res->payback_not_reached / (double)npv->defined : 0.0,
			x);
	}
	say(fp, md, "Undefined values are counted, not averaged: the statistics of each "
		"metric use only the draws where it exists.");
	if (res->model_undefined) {
		char why[sizeof res->first_undefined.file + sizeof res->first_undefined.msg + 32];
		first_undefined(res, why, sizeof why);
		fmt_money(x, sizeof x, (double)res->model_undefined, 0);
		say(fp, md, "In %s draws the model could not be evaluated (a division by zero or an "
		    "amount beyond 1e308); the first: %s", x, why);
	}
	if (!npv->defined)
		;   /* no percentiles to speak of */
	else if (npv->exact)
		say(fp, md, "Percentiles are exact: every value is kept (P%% by linear "
		"interpolation between order statistics, as a spreadsheet's PERCENTILE "
		"does).");
	else {
		fmt_money(x, sizeof x, npv->pct_accuracy, 2);
		say(fp, md, "Percentiles are estimated: the first %d values are kept, later ones "
		"go into a histogram of %d bins; NPV percentiles are accurate to "
		"within %s.", CRM_SIM_EXACT_MAX, CRM_SIM_HIST_BINS, x);
	}

	/* Histogram of NPV. */
	if (npv->defined && npv->nbins) {
		fprintf(fp, md ? "\n### NPV distribution\n\n```\n" : "\nNPV distribution (%s)\n",
			sc->settings.currency);
		uint64_t most = 0;
		for (size_t i = 0; i < npv->nbins; i++)
			most = npv->bin_count[i] > most ? npv->bin_count[i] : most;
		for (size_t i = 0; i < npv->nbins; i++) {
			fmt_money(x, sizeof x, npv->bin_lo[i], 0);
			fmt_money(y, sizeof y, npv->bin_hi[i], 0);
			print_bar_row(fp, x, y, npv->bin_count[i], npv->defined, most);
		}
		if (md)
			fputs("```\n", fp);
	}

	bad_case(sc, res, fp, md);

	/* Rank correlations. */
	if (res->nitems) {
		fprintf(fp, md ? "\n### Sensitivity: rank correlation with NPV\n\n"
			       : "\nSensitivity: rank correlation with NPV\n");
		fmt_money(x, sizeof x, (double)res->rank_draws, 0);
		say(fp, md, "Spearman rank correlation of each uncertain value with NPV over the "
		"first %s draws.%s", x, sc->ncorrelations ? " It reflects the correlations "
			"imposed between inputs, so a value can rank high through a partner." : "");
		rtable_init(&t, 5);
		rtable_col(&t, 0, "name", "Value", UNIT_TEXT);
		rtable_col(&t, 1, "kind", "Kind", UNIT_TEXT);
		rtable_col(&t, 2, "dist", "Distribution", UNIT_TEXT);
		rtable_col(&t, 3, "rank_corr", "Rank correlation", CRM_UNIT_RATIO);
		rtable_col(&t, 4, "bar", "", UNIT_TEXT);
		for (size_t i = 0; i < res->nitems; i++) {
			long r = rtable_row(&t);
			char d[192], bar[64];
			double c = res->rank_corr[i];
			item_dist(sc, &res->items[i], d, sizeof d);
			rtable_text_for(&t, r, 0, res->items[i].name,
					item_label(sc, &res->items[i]));
			rtable_text(&t, r, 1, item_kind(sc, &res->items[i]));
			rtable_text(&t, r, 2, d);
			if (isnan(c)) {
				rtable_value(&t, r, 3, &(crm_value){ NAN, 0, rank_corr_why(res) });
				bar[0] = '\0';
			} else {
				rtable_num(&t, r, 3, c);
				int len = (int)lround(fabs(c) * 20);
				snprintf(bar, sizeof bar, "%c%.*s", c < 0 ? '-' : '+', len,
					 "####################");
			}
			rtable_text(&t, r, 4, bar);
		}
		print_after_list(&t, fp, md);
		rtable_free(&t);
	}

	/* Sobol indices. */
	if (sob) {
		fprintf(fp, md ? "\n### Sensitivity: Sobol indices of NPV\n\n"
			       : "\nSensitivity: Sobol indices of NPV (variance-based)\n");
		if (!sob->ok) {
			say(fp, md, "No indices: %s.", sob->note);
		} else {
			fmt_money(x, sizeof x, (double)sob->n, 0);
			fmt_money(y, sizeof y, (double)(sob->n * (sob->nitems + 2)), 0);
			say(fp, md, "First-order S (share of NPV's variance due to the value alone) and "
		"total ST (including its interactions), with 95%% bootstrap intervals.");
			say(fp, md, "Saltelli sampling on %s GSL %s points (%s model evaluations); "
		"Saltelli 2010 and Jansen estimators.", x,
				strcmp(sob->sequence, "sobol") ? "Halton" : "Sobol", y);
			say(fp, md, "These indices assume independent inputs: the correlations are ignored "
		"here%s.", sc->ncorrelations ? " (the rank correlations above "
				"include them)" : "");
			rtable_init(&t, 7);
			rtable_col(&t, 0, "name", "Value", UNIT_TEXT);
			rtable_col(&t, 1, "first", "S", CRM_UNIT_RATIO);
			rtable_col(&t, 2, "first_lo", "S from", CRM_UNIT_RATIO);
			rtable_col(&t, 3, "first_hi", "S to", CRM_UNIT_RATIO);
			rtable_col(&t, 4, "total", "ST", CRM_UNIT_RATIO);
			rtable_col(&t, 5, "total_lo", "ST from", CRM_UNIT_RATIO);
			rtable_col(&t, 6, "total_hi", "ST to", CRM_UNIT_RATIO);
			double sum = 0;
			for (size_t i = 0; i < sob->nitems; i++) {
				long r = rtable_row(&t);
				rtable_text_for(&t, r, 0, sob->items[i].name,
						item_label(sc, &sob->items[i]));
				rtable_num(&t, r, 1, sob->first[i]);
				rtable_num(&t, r, 2, sob->first_lo[i]);
				rtable_num(&t, r, 3, sob->first_hi[i]);
				rtable_num(&t, r, 4, sob->total[i]);
				rtable_num(&t, r, 5, sob->total_lo[i]);
				rtable_num(&t, r, 6, sob->total_hi[i]);
				sum += sob->first[i];
			}
			print_after_list(&t, fp, md);
			rtable_free(&t);
			say(fp, md, "Sum of first-order indices: %.2f (1 - sum is the share of variance "
		"due to interactions).", sum);
		}
	}
}

/* A row of the CSV output; note says why a value is empty (NULL: no note). */
static void csv_row_note(FILE *fp, const char *section, const char *name, const char *stat,
			 double v, double lo, double hi, const char *note)
{
	csv_field(fp, section, 1);
	csv_field(fp, name, 0);
	csv_field(fp, stat, 0);
	csv_number(fp, v, 0);
	csv_number(fp, lo, 0);
	csv_number(fp, hi, 0);
	csv_field(fp, note ? note : "", 0);
	csv_end(fp);
}

static void csv_row(FILE *fp, const char *section, const char *name, const char *stat, double v,
		    double lo, double hi)
{
	csv_row_note(fp, section, name, stat, v, lo, hi, NULL);
}

static void report_csv_sim(const sim_view_opts *o, const crm_scenario *sc,
			   const crm_sim_result *res, const crm_sobol_result *sob, FILE *fp)
{
	static const char *const pk[CRM_SIM_NPCT] = { "p5", "p10", "p25", "p50", "p75", "p90", "p95" };
	(void)sc;
	csv_field(fp, "section", 1);
	csv_field(fp, "name", 0);
	csv_field(fp, "statistic", 0);
	csv_field(fp, "value", 0);
	csv_field(fp, "low", 0);
	csv_field(fp, "high", 0);
	csv_field(fp, "note", 0);
	csv_end(fp);
	csv_row(fp, "run", "draws", "count", (double)res->iterations, NAN, NAN);
	csv_row(fp, "run", "precision", "half_width_over_mean", res->achieved_precision, NAN, NAN);
	/* --only: whether each benefit class is in the metrics (1) or left out (0); not
	 * benefit_class, which run's CSV gives to the subtotal of each class. */
	for (int c = 0; o->classes && c < CRM_NCLASSES; c++)
		csv_row(fp, "class_counted", crm_class_name((crm_class)c), "counted",
			(o->classes & CRM_CLASS_BIT(c)) ? 1 : 0, NAN, NAN);
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		const crm_sim_metric *m = &res->metric[k];
		if (!m->computed)
			continue;
		csv_row(fp, "metric", metric_keys[k], "defined", (double)m->defined, NAN, NAN);
		csv_row(fp, "metric", metric_keys[k], "undefined", (double)m->undefined, NAN, NAN);
		if (!m->defined)
			continue;
		csv_row(fp, "metric", metric_keys[k], "mean", m->mean, NAN, NAN);
		csv_row(fp, "metric", metric_keys[k], "sd", m->sd, NAN, NAN);
		csv_row(fp, "metric", metric_keys[k], "sem", m->sem, NAN, NAN);
		csv_row(fp, "metric", metric_keys[k], "min", m->min, NAN, NAN);
		for (int q = 0; q < CRM_SIM_NPCT; q++)
			csv_row(fp, "metric", metric_keys[k], pk[q], m->pct[q],
				m->exact ? NAN : m->pct[q] - m->pct_accuracy,
				m->exact ? NAN : m->pct[q] + m->pct_accuracy);
		csv_row(fp, "metric", metric_keys[k], "max", m->max, NAN, NAN);
	}
	const crm_sim_metric *npv = &res->metric[CRM_SIM_NPV];
	const char *no_npv = npv->defined ? NULL : "no draw has an NPV";
	csv_row_note(fp, "probability", "npv_negative", "share", res->p_npv_negative, NAN, NAN, no_npv);
	if (res->model_undefined) {
		char why[sizeof res->first_undefined.file + sizeof res->first_undefined.msg + 32];
		first_undefined(res, why, sizeof why);
		csv_row_note(fp, "model", "not_evaluated", "draws", (double)res->model_undefined, NAN,
			     NAN, why);
	}
	if (res->metric[CRM_SIM_PAYBACK].computed)
		csv_row_note(fp, "probability", "payback_not_reached", "share", res->p_payback_not_reached, NAN, NAN,
			     no_npv);
	for (size_t i = 0; i < npv->nbins; i++)
		csv_row(fp, "histogram", "npv", "count", (double)npv->bin_count[i], npv->bin_lo[i],
			npv->bin_hi[i]);
	for (int q = 0; npv->defined && q < CRM_SIM_NTAIL; q++) {
		char key[64];
		double acc = res->tail_exact ? NAN : npv->pct_accuracy;
		snprintf(key, sizeof key, "value_at_risk_%g", res->tail_level[q]);
		csv_row(fp, "bad_case", "npv", key, res->var[q], res->var[q] - acc, res->var[q] + acc);
		snprintf(key, sizeof key, "expected_shortfall_%g", res->tail_level[q]);
		csv_row(fp, "bad_case", "npv", key, res->es[q], res->es[q] - acc, res->es[q] + acc);
	}
	if (npv->defined)
		csv_row(fp, "bad_case", "npv", "worst_draws", (double)res->tail_draws, NAN, NAN);
	const crm_sim_metric *peak = &res->metric[CRM_SIM_PEAK_FUNDING];
	for (int q = 0; peak->computed && peak->defined && q < CRM_SIM_NTAIL; q++) {
		char key[64];
		snprintf(key, sizeof key, "value_at_risk_%g", res->tail_level[q]);
		csv_row(fp, "bad_case", "peak_funding", key, res->peak_var[q], NAN, NAN);
		snprintf(key, sizeof key, "expected_shortfall_%g", res->tail_level[q]);
		csv_row(fp, "bad_case", "peak_funding", key, res->peak_es[q], NAN, NAN);
	}
	for (size_t i = 0; npv->defined && res->tail_mean && i < res->nitems; i++) {
		csv_row(fp, "worst_draws", res->items[i].name, "mean_in_worst", res->tail_mean[i], NAN,
			NAN);
		csv_row(fp, "worst_draws", res->items[i].name, "mean", res->item_mean[i], NAN, NAN);
		csv_row(fp, "worst_draws", res->items[i].name, "sd", res->item_sd[i], NAN, NAN);
	}
	for (size_t i = 0; i < res->nitems; i++)
		csv_row_note(fp, "rank_correlation", res->items[i].name, "spearman", res->rank_corr[i],
			     NAN, NAN, isnan(res->rank_corr[i]) ? rank_corr_why(res) : NULL);
	if (sob && !sob->ok)
		csv_row_note(fp, "sobol", "npv", "indices", NAN, NAN, NAN, sob->note);
	if (sob && sob->ok)
		for (size_t i = 0; i < sob->nitems; i++) {
			csv_row(fp, "sobol", sob->items[i].name, "first_order", sob->first[i],
				sob->first_lo[i], sob->first_hi[i]);
			csv_row(fp, "sobol", sob->items[i].name, "total", sob->total[i], sob->total_lo[i],
				sob->total_hi[i]);
		}
}

static void jnum(FILE *fp, const char *key, double v, int comma)
{
	fprintf(fp, "%s\"%s\": ", comma ? ", " : "", key);
	json_number(fp, v);
}

static void report_json_sim(const sim_view_opts *o, const crm_scenario *sc,
			    const crm_sim_result *res, const crm_sobol_result *sob, FILE *fp)
{
	/* The caller closes the object (after the common draws, with several scenarios). */
	static const char *const pk[CRM_SIM_NPCT] = { "p5", "p10", "p25", "p50", "p75", "p90", "p95" };

	fputs("{\n  \"file\": ", fp);
	json_string(fp, sc->file);
	fputs(",\n  \"title\": ", fp);
	json_string(fp, sc->settings.title);
	fprintf(fp, ",\n  \"draws\": %llu, \"seed\": %llu", (unsigned long long)res->iterations,
		(unsigned long long)o->seed);
	fputs(",\n  \"only\": ", fp);   /* --only, as crmroi batch writes it; null without */
	if (o->classes) {
		char only[EXPLAIN_CLASSES_LEN];
		explain_class_set(o->classes, only, sizeof only);
		json_string(fp, only);
	} else {
		fputs("null", fp);
	}
	fputs(",\n  \"precision\": {", fp);
	jnum(fp, "asked", o->precision > 0 ? o->precision : NAN, 0);
	jnum(fp, "achieved", res->achieved_precision, 1);
	fprintf(fp, ", \"stopped_early\": %s}", res->stopped_early ? "true" : "false");
	fputs(",\n  \"metrics\": {", fp);
	int first = 1;
	for (int k = 0; k < CRM_SIM_NMETRICS; k++) {
		const crm_sim_metric *m = &res->metric[k];
		if (!m->computed)
			continue;
		fprintf(fp, "%s\n    \"%s\": {\"defined\": %llu, \"undefined\": %llu", first ? "" : ",",
			metric_keys[k], (unsigned long long)m->defined, (unsigned long long)m->undefined);
		first = 0;
		if (m->undefined) {
			fputs(", \"undefined_note\": ", fp);
			json_string(fp, metric_why[k]);
		}
		if (m->defined) {
			jnum(fp, "mean", m->mean, 1);
			jnum(fp, "sd", m->sd, 1);
			jnum(fp, "sem", m->sem, 1);
			jnum(fp, "min", m->min, 1);
			for (int q = 0; q < CRM_SIM_NPCT; q++)
				jnum(fp, pk[q], m->pct[q], 1);
			jnum(fp, "max", m->max, 1);
			fprintf(fp, ", \"percentiles_exact\": %s", m->exact ? "true" : "false");
			if (!m->exact)
				jnum(fp, "percentile_accuracy", m->pct_accuracy, 1);
		}
		fputc('}', fp);
	}
	const crm_sim_metric *npv = &res->metric[CRM_SIM_NPV];
	fputs("\n  },\n  \"probability\": {", fp);
	jnum(fp, "npv_negative", res->p_npv_negative, 0);
	if (res->metric[CRM_SIM_PAYBACK].computed)
		jnum(fp, "payback_not_reached", res->p_payback_not_reached, 1);
	fprintf(fp, "},\n  \"model_not_evaluated\": {\"draws\": %llu, \"first\": ",
		(unsigned long long)res->model_undefined);
	if (res->model_undefined) {
		char why[sizeof res->first_undefined.file + sizeof res->first_undefined.msg + 32];
		first_undefined(res, why, sizeof why);
		json_string(fp, why);
	} else {
		fputs("null", fp);
	}
	fputs("},\n  \"npv_histogram\": [", fp);
	for (size_t i = 0; i < npv->nbins; i++) {
		fputs(i ? ",\n    {" : "\n    {", fp);
		jnum(fp, "from", npv->bin_lo[i], 0);
		jnum(fp, "to", npv->bin_hi[i], 1);
		fprintf(fp, ", \"count\": %llu}", (unsigned long long)npv->bin_count[i]);
	}
	fputs(npv->nbins ? "\n  ],\n  \"bad_case\": {\"levels\": [" : "],\n  \"bad_case\": {\"levels\": [",
	      fp);
	for (int q = 0; q < CRM_SIM_NTAIL; q++) {
		fputs(q ? ", {" : "{", fp);
		jnum(fp, "level", res->tail_level[q] / 100, 0);
		jnum(fp, "value_at_risk", res->var[q], 1);
		jnum(fp, "expected_shortfall", res->es[q], 1);
		fputc('}', fp);
	}
	fprintf(fp, "], \"exact\": %s", res->tail_exact ? "true" : "false");
	if (!res->tail_exact)
		jnum(fp, "accuracy", npv->pct_accuracy, 1);
	const crm_sim_metric *peak = &res->metric[CRM_SIM_PEAK_FUNDING];
	if (peak->computed && peak->defined) {
		fputs(", \"peak_funding\": [", fp);
		for (int q = 0; q < CRM_SIM_NTAIL; q++) {
			fprintf(fp, "%s{\"level\": ", q ? ", " : "");
			json_number(fp, res->tail_level[q] / 100);
			jnum(fp, "value_at_risk", res->peak_var[q], 1);
			jnum(fp, "expected_shortfall", res->peak_es[q], 1);
			fputc('}', fp);
		}
		fputc(']', fp);
	}
	fprintf(fp, ", \"worst_draws\": %llu, \"of_draws\": %llu, \"drivers\": [",
		(unsigned long long)res->tail_draws, (unsigned long long)res->rank_draws);
	for (size_t i = 0; res->tail_mean && i < res->nitems; i++) {
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
		json_string(fp, res->items[i].name);
		jnum(fp, "mean_in_worst", res->tail_mean[i], 1);
		jnum(fp, "mean", res->item_mean[i], 1);
		jnum(fp, "sd", res->item_sd[i], 1);
		jnum(fp, "shift_sd", sim_view_tail_shift(res, i), 1);
		fputc('}', fp);
	}
	fprintf(fp, "%s]}", res->nitems && res->tail_mean ? "\n  " : "");
	fprintf(fp, ",\n  \"rank_correlation\": {\"draws\": %llu, \"values\": [",
		(unsigned long long)res->rank_draws);
	for (size_t i = 0; i < res->nitems; i++) {
		fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
		json_string(fp, res->items[i].name);
		fputs(", \"kind\": ", fp);
		json_string(fp, item_kind(sc, &res->items[i]));
		jnum(fp, "spearman", res->rank_corr[i], 1);
		if (isnan(res->rank_corr[i])) {
			fputs(", \"spearman_note\": ", fp);
			json_string(fp, rank_corr_why(res));
		}
		fputc('}', fp);
	}
	fprintf(fp, "%s]}", res->nitems ? "\n  " : "");
	fputs(",\n  \"sobol\": ", fp);
	if (!sob) {
		fputs("null", fp);
	} else if (!sob->ok) {
		fputs("{\"note\": ", fp);
		json_string(fp, sob->note);
		fputc('}', fp);
	} else {
		fprintf(fp, "{\"n\": %zu, \"sequence\": \"%s\", \"assumes_independent_inputs\": true, "
			"\"values\": [", sob->n, sob->sequence);
		for (size_t i = 0; i < sob->nitems; i++) {
			fputs(i ? ",\n    {\"name\": " : "\n    {\"name\": ", fp);
			json_string(fp, sob->items[i].name);
			jnum(fp, "first", sob->first[i], 1);
			jnum(fp, "first_lo", sob->first_lo[i], 1);
			jnum(fp, "first_hi", sob->first_hi[i], 1);
			jnum(fp, "total", sob->total[i], 1);
			jnum(fp, "total_lo", sob->total_lo[i], 1);
			jnum(fp, "total_hi", sob->total_hi[i], 1);
			fputc('}', fp);
		}
		fputs("\n  ]}", fp);
	}
}

/* The inputs a group is decided on, named for people: "adoption, golive". */
static void decide_names(const crm_scenario *sc, const crm_group *grp, char *buf, size_t len)
{
	buf[0] = '\0';
	for (size_t k = 0; k < grp->ndecide; k++) {
		const crm_input *in = &sc->inputs[grp->decide[k]];
		crm_appendf(buf, len, "%s%s", k ? ", " : "", in->label && in->label[0] ? in->label
			    : in->name);
	}
}

/* Gates as decisions, for people: each decided group's two ways, and the option's worth. */
static void people_decide(const sim_view_opts *o, const crm_scenario *sc,
			  const crm_decide_result *dr, FILE *fp)
{
	int md = o->fmt == FMT_MARKDOWN;
	const char *cur = sc->settings.currency;
	char a[96], b[96], c[64], names[1024], n[64];

	if (!dr || !dr->ngates)
		return;
	fputc('\n', fp);
	fputs(md ? "### Gates as decisions\n\n" : "Gates as decisions\n", fp);
	fmt_money(n, sizeof n, (double)dr->used, 0);
	say(fp, md, "A group with a decide column is a decision at its month: the roll-out goes ahead "
	    "only when its chance allows and its expected value given what is observed by then is "
	    "positive, estimated by regression across the draws (Longstaff and Schwartz 2001), "
	    "fitted on half the draws and applied to the other half. %s draws with seed %llu, "
	    "common to both ways.", n, (unsigned long long)o->seed);
	for (size_t k = 0; k < dr->ngates; k++) {
		const crm_gate_decision *g = &dr->gates[k];
		const crm_group *grp = &sc->groups[g->group];
		rtable t;
		decide_names(sc, grp, names, sizeof names);
		fmt_percent(c, sizeof c, g->probability);
		say(fp, md, "Group %s: decided in month %d on %s%s%s%s.", grp->name, grp->first_month,
		    names, g->probability < 1 ? " (its chance to go ahead: " : "",
		    g->probability < 1 ? c : "", g->probability < 1 ? ")" : "");
		if (rtable_init(&t, 6) != 0)
			return;
		rtable_col(&t, 0, "way", "NPV", UNIT_TEXT);
		rtable_col(&t, 1, "mean", "Mean", CRM_UNIT_MONEY);
		rtable_col(&t, 2, "p10", "P10", CRM_UNIT_MONEY);
		rtable_col(&t, 3, "p50", "P50", CRM_UNIT_MONEY);
		rtable_col(&t, 4, "p90", "P90", CRM_UNIT_MONEY);
		rtable_col(&t, 5, "p_negative", "P(NPV < 0)", CRM_UNIT_RATE);
		for (int w = 0; w < 2; w++) {
			long r = rtable_row(&t);
			if (r < 0)
				break;
			rtable_text(&t, r, 0, w ? "Deciding at the gate" : "Committing now");
			rtable_num(&t, r, 1, w ? g->decide : g->commit);
			rtable_num(&t, r, 2, g->p10[w]);
			rtable_num(&t, r, 3, g->p50[w]);
			rtable_num(&t, r, 4, g->p90[w]);
			rtable_num(&t, r, 5, w ? g->p_negative_decide : g->p_negative_commit);
		}
		print_after_list(&t, fp, md);
		rtable_free(&t);
		explain_money(a, sizeof a, cur, g->option);
		explain_money(b, sizeof b, cur, g->option_se);
		fmt_percent(c, sizeof c, g->p_stop);
		fputc('\n', fp);
		say(fp, md, "The option to stop at the gate is worth %s (standard error %s): the "
		    "decision stops the roll-out in %s of the draws, where what is observed makes it "
		    "worth less than stopping. Committing now goes ahead whenever the chance allows.",
		    a, b, c);
	}
}

static void csv_decide(const crm_decide_result *dr, const crm_scenario *sc, FILE *fp)
{
	for (size_t k = 0; dr && k < dr->ngates; k++) {
		const crm_gate_decision *g = &dr->gates[k];
		const char *name = sc->groups[g->group].name;
		csv_row(fp, "decision", name, "option_value", g->option, g->option - 2 * g->option_se,
			g->option + 2 * g->option_se);
		csv_row(fp, "decision", name, "p_stop", g->p_stop, NAN, NAN);
		csv_row(fp, "decision", name, "mean_committing", g->commit, NAN, NAN);
		csv_row(fp, "decision", name, "mean_deciding", g->decide, NAN, NAN);
		csv_row(fp, "decision", name, "p_negative_committing", g->p_negative_commit, NAN, NAN);
		csv_row(fp, "decision", name, "p_negative_deciding", g->p_negative_decide, NAN, NAN);
		static const char *const w[2] = { "committing", "deciding" };
		for (int i = 0; i < 2; i++) {
			char key[32];
			snprintf(key, sizeof key, "p10_%s", w[i]);
			csv_row(fp, "decision", name, key, g->p10[i], NAN, NAN);
			snprintf(key, sizeof key, "p50_%s", w[i]);
			csv_row(fp, "decision", name, key, g->p50[i], NAN, NAN);
			snprintf(key, sizeof key, "p90_%s", w[i]);
			csv_row(fp, "decision", name, key, g->p90[i], NAN, NAN);
		}
	}
}

static void json_decide(const crm_decide_result *dr, const crm_scenario *sc, FILE *fp)
{
	if (!dr || !dr->ngates)
		return;
	fprintf(fp, ",\n  \"decisions\": {\"draws\": %llu, \"gates\": [",
		(unsigned long long)dr->used);
	for (size_t k = 0; k < dr->ngates; k++) {
		const crm_gate_decision *g = &dr->gates[k];
		const crm_group *grp = &sc->groups[g->group];
		fputs(k ? ",\n    {\"group\": " : "\n    {\"group\": ", fp);
		json_string(fp, grp->name);
		fprintf(fp, ", \"month\": %d, \"decide\": [", grp->first_month);
		for (size_t j = 0; j < grp->ndecide; j++) {
			fputs(j ? ", " : "", fp);
			json_string(fp, sc->inputs[grp->decide[j]].name);
		}
		fputc(']', fp);
		jnum(fp, "probability", g->probability, 1);
		jnum(fp, "option_value", g->option, 1);
		jnum(fp, "option_standard_error", g->option_se, 1);
		jnum(fp, "p_stop", g->p_stop, 1);
		jnum(fp, "mean_committing", g->commit, 1);
		jnum(fp, "mean_deciding", g->decide, 1);
		jnum(fp, "p_negative_committing", g->p_negative_commit, 1);
		jnum(fp, "p_negative_deciding", g->p_negative_decide, 1);
		jnum(fp, "p10_deciding", g->p10[1], 1);
		jnum(fp, "p50_deciding", g->p50[1], 1);
		jnum(fp, "p90_deciding", g->p90[1], 1);
		fputc('}', fp);
	}
	fputs("\n  ]}", fp);
}

/* A scenario's short name in a comparison: its file's name without folder and .csv. */
static void short_name(const crm_scenario *sc, char *buf, size_t len)
{
	const char *base = strrchr(sc->file, '/');
	base = base ? base + 1 : sc->file;
	size_t n = strlen(base);
	if (n > 4 && !strcasecmp(base + n - 4, ".csv"))
		n -= 4;
	snprintf(buf, len, "%.*s", (int)n, base);
}

/* Scenario i against each other on common draws, as a JSON key. */
static void json_common(const crm_joint_result *j, crm_scenario *const *scs, size_t i, FILE *fp)
{
	fprintf(fp, ",\n  \"common_draws\": {\"draws\": %llu", (unsigned long long)j->n);
	jnum(fp, "p_best", j->p_best[i], 1);
	fputs(", \"against\": [", fp);
	for (size_t t = 0, k = 0; t < j->ns; t++) {
		size_t x = i * j->ns + t;
		if (t == i)
			continue;
		fputs(k++ ? ",\n    {\"file\": " : "\n    {\"file\": ", fp);
		json_string(fp, scs[t]->file);
		jnum(fp, "p_beats", j->p_beats[x], 1);
		fprintf(fp, ", \"first_order_dominates\": %s, \"second_order_dominates\": %s",
			j->fsd[x] ? "true" : "false", j->ssd[x] ? "true" : "false");
		fprintf(fp, ", \"dominated_first_order\": %s, \"dominated_second_order\": %s",
			j->fsd[t * j->ns + i] ? "true" : "false", j->ssd[t * j->ns + i] ? "true" : "false");
		jnum(fp, "worst_shortfall", j->worst_shortfall[x], 1);
		fputc('}', fp);
	}
	fputs("\n  ]}", fp);
}

/* The same as CSV rows of scenario i's block. */
static void csv_common(const crm_joint_result *j, crm_scenario *const *scs, size_t i, FILE *fp)
{
	csv_row(fp, "common_draws", "", "draws", (double)j->n, NAN, NAN);
	csv_row(fp, "common_draws", "", "p_best", j->p_best[i], NAN, NAN);
	for (size_t t = 0; t < j->ns; t++) {
		size_t x = i * j->ns + t;
		if (t == i)
			continue;
		csv_row(fp, "common_draws", scs[t]->file, "p_beats", j->p_beats[x], NAN, NAN);
		csv_row(fp, "common_draws", scs[t]->file, "first_order_dominates", j->fsd[x], NAN, NAN);
		csv_row(fp, "common_draws", scs[t]->file, "second_order_dominates", j->ssd[x], NAN,
			NAN);
		csv_row(fp, "common_draws", scs[t]->file, "worst_shortfall", j->worst_shortfall[x],
			NAN, NAN);
	}
}

/*
 * The options compared on common draws, for people: a table of each pair
 * (how often the first beats the second, dominance, the most it is worse in
 * any draw), and a sentence for each dominance.
 */
static void people_common(const sim_view_opts *o, const crm_joint_result *j,
			  crm_scenario *const *scs, FILE *fp)
{
	int md = o->fmt == FMT_MARKDOWN;
	const char *cur = scs[0]->settings.currency;
	char a[96], b[64], x[256], y[256];
	rtable t;

	fputc('\n', fp);
	if (md)
		fputs("## Compared on common draws\n\n", fp);
	else
		fputs("Compared on common draws\n", fp);
	fmt_money(a, sizeof a, (double)j->n, 0);
	say(fp, md, "The %zu scenarios simulated together: %s draws with seed %llu, an uncertain "
	    "value with the same name taking the same draw in every scenario that has it, so that "
	    "the comparison measures the options, not the noise. Each is named by its file:", j->ns,
	    a, (unsigned long long)o->seed);
	if (rtable_init(&t, 3) != 0)
		return;
	rtable_col(&t, 0, "scenario", "Scenario", UNIT_TEXT);
	rtable_col(&t, 1, "p_best", "P(highest NPV)", CRM_UNIT_RATE);
	rtable_col(&t, 2, "title", "Title", UNIT_TEXT);
	for (size_t s = 0; s < j->ns; s++) {
		long r = rtable_row(&t);
		if (r < 0)
			break;
		short_name(scs[s], x, sizeof x);
		rtable_text(&t, r, 0, x);
		rtable_value(&t, r, 1, &(crm_value){ j->p_best[s], isfinite(j->p_best[s]),
						    "not every draw defined" });
		rtable_text(&t, r, 2, scs[s]->settings.title);
	}
	print_after_list(&t, fp, md);
	rtable_free(&t);
	if (rtable_init(&t, 5) != 0)
		return;
	rtable_col(&t, 0, "scenario", "Scenario", UNIT_TEXT);
	rtable_col(&t, 1, "against", "Against", UNIT_TEXT);
	rtable_col(&t, 2, "p_beats", "P(higher NPV)", CRM_UNIT_RATE);
	rtable_col(&t, 3, "dominates", "Dominates", UNIT_TEXT);
	rtable_col(&t, 4, "worst_shortfall", "Most it is worse in a draw", CRM_UNIT_MONEY);
	for (size_t s = 0; s < j->ns; s++)
		for (size_t u = 0; u < j->ns; u++) {
			size_t k = s * j->ns + u;
			if (s == u)
				continue;
			long r = rtable_row(&t);
			if (r < 0)
				break;
			short_name(scs[s], x, sizeof x);
			short_name(scs[u], y, sizeof y);
			rtable_text(&t, r, 0, x);
			rtable_text(&t, r, 1, y);
			rtable_value(&t, r, 2, &(crm_value){ j->p_beats[k], isfinite(j->p_beats[k]),
							    "no draw with both" });
			rtable_text(&t, r, 3, j->fsd[k] ? "first order" : j->ssd[k] ? "second order"
				    : "no");
			rtable_value(&t, r, 4, &(crm_value){ j->worst_shortfall[k],
							    isfinite(j->worst_shortfall[k]),
							    "no draw with both" });
		}
	fputc('\n', fp);
	if (md)
		rtable_print_markdown(&t, fp);
	else
		rtable_print_text(&t, fp, "  ");
	rtable_free(&t);
	int any = 0;
	for (size_t s = 0; s < j->ns; s++)
		for (size_t u = 0; u < j->ns; u++) {
			size_t k = s * j->ns + u;
			if (s == u || !(j->fsd[k] || j->ssd[k]))
				continue;
			if (!any++)
				fputc('\n', fp);
			short_name(scs[s], x, sizeof x);
			short_name(scs[u], y, sizeof y);
			explain_money(a, sizeof a, cur, fabs(j->worst_shortfall[k]));
			fmt_percent(b, sizeof b, j->p_beats[k]);
			if (j->worst_shortfall[k] <= 0)
				say(fp, md, "%s dominates %s at %s order: in no draw is it worse, and it is "
				    "better by at least %s.", x, y, j->fsd[k] ? "first" : "second", a);
			else
				say(fp, md, "%s dominates %s at %s order (%s): in no draw is it worse by "
				    "more than %s; it has the higher NPV in %s of them.", x, y,
				    j->fsd[k] ? "first" : "second", j->fsd[k] ? "each outcome level is "
				    "at least as likely with it" : "every risk-averse decision maker "
				    "prefers it, whatever the shape of the aversion", a, b);
		}
	if (!any)
		say(fp, md, "No scenario dominates another: which is better depends on the draw, and "
		    "on how much risk the decision maker will bear.");
	say(fp, md, "Dominance is read at the percentiles 1%% to 99%% (first order: each of its "
	    "percentiles at least the other's) and the means of the worst 1%% to 100%% of the draws "
	    "(second order), a difference within two standard errors of the mean difference counted "
	    "as noise.");
}


/* ------------------------------------------------------------ public */

void sim_view_write(const sim_view_opts *o, crm_scenario *const *scs, const crm_sim_result *res,
		    const crm_sobol_result *sob, const crm_decide_result *dec,
		    const crm_joint_result *joint, const crm_voi_result *voi, size_t n, FILE *fp)
{
	voi_view_opts vv = { o->fmt, o->seed, 0, o->classes != 0 };
	if (o->fmt == FMT_JSON && n > 1)
		fputs("[\n", fp);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputs(o->fmt == FMT_JSON ? ",\n" : o->fmt == FMT_CSV ? "\r\n" : "\n", fp);
		const crm_sobol_result *s = sob ? &sob[i] : NULL;
		switch (o->fmt) {
		case FMT_TEXT:
		case FMT_MARKDOWN:
			report_people(o, scs[i], &res[i], s, fp);
			people_decide(o, scs[i], dec ? &dec[i] : NULL, fp);
			break;
		case FMT_CSV:
			report_csv_sim(o, scs[i], &res[i], s, fp);
			csv_decide(dec ? &dec[i] : NULL, scs[i], fp);
			if (joint)
				csv_common(joint, scs, i, fp);
			break;
		case FMT_JSON:
			report_json_sim(o, scs[i], &res[i], s, fp);
			json_decide(dec ? &dec[i] : NULL, scs[i], fp);
			if (voi) {
				/* The decision among all the scenarios, the same in each one's object. */
				fputs(",\n  \"value_of_information\": ", fp);
				voi_view_write(&vv, (const crm_scenario *const *)scs, n, voi, fp);
			}
			if (joint)
				json_common(joint, scs, i, fp);
			fputs("\n}", fp);
			break;
		}
	}
	if (joint && (o->fmt == FMT_TEXT || o->fmt == FMT_MARKDOWN))
		people_common(o, joint, scs, fp);
	if (voi && o->fmt != FMT_JSON) {
		fputs(o->fmt == FMT_CSV ? "\r\n" : "\n", fp);
		voi_view_write(&vv, (const crm_scenario *const *)scs, n, voi, fp);
	}
	fputs(o->fmt == FMT_JSON ? (n > 1 ? "\n]\n" : "\n") : "", fp);
}

const char *sim_view_metric_key(int k)
{
	return k >= 0 && k < CRM_SIM_NMETRICS ? metric_keys[k] : NULL;
}

void sim_view_samples_header(FILE *fp, const crm_uncertain *items, size_t nitems, const int *want)
{
	csv_field(fp, "draw", 1);
	for (size_t t = 0; t < nitems; t++)
		csv_field(fp, items[t].name, 0);
	for (int k = 0; k < CRM_SIM_NMETRICS; k++)
		if (want[k])
			csv_field(fp, metric_keys[k], 0);
	csv_end(fp);
}

void sim_view_samples_rows(FILE *fp, uint64_t first, size_t count, size_t nitems,
			   const double *items, const double *metrics, const int *want)
{
	char buf[32];

	for (size_t i = 0; i < count; i++) {
		snprintf(buf, sizeof buf, "%llu", (unsigned long long)(first + i + 1));
		csv_field(fp, buf, 1);
		for (size_t t = 0; t < nitems; t++)
			csv_number(fp, items[i * nitems + t], 0);
		for (int k = 0; k < CRM_SIM_NMETRICS; k++)
			if (want[k])
				csv_number(fp, metrics[i * CRM_SIM_NMETRICS + k], 0);
		csv_end(fp);
	}
}
