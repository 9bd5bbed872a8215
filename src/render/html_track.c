/*
 * html_track.c - the document of a plan followed with actuals (crmroi report
 * --actuals): the benefits-realisation section (the cumulative cash flow of
 * the plan, the actuals and both re-forecasts; plan against actual, with a
 * value tracking filled in from the plan marked as such; each actual as
 * booked, with its source and note; tracking's notes; the re-forecasts; the
 * phase gates and every criterion against its baseline and target), and the
 * phrases the first page borrows (a phase's verdict in words, the months
 * with actuals, what the trend re-forecast rests on, what is assumed).
 *
 * Not the tracking itself: crm_track (the core) computes the plan, the
 * actuals, variances, indexes, statuses and verdicts; this words and lays
 * them out, adding up only the figures it shows.
 */
#include "html_priv.h"
#include "explain.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ----------------------------------------------------------------- words */

void html_criterion_label(char *buf, size_t len, const crm_scenario *sc, size_t k)
{
	const crm_criterion *cr = &sc->criteria[k];

	if (cr->metric[0])
		snprintf(buf, len, "%s", cr->metric);
	else
		explain_name(cr->name, buf, len);
}

/* A criterion's measured value as its baseline and target are written: "78%", "38". */
static void criterion_value(char *buf, size_t len, const crm_criterion *cr, double v)
{
	if (cr->percent)
		html_pct(buf, len, v);
	else if (v == floor(v) && fabs(v) < 1e15)
		fmt_money(buf, len, v, 0);
	else
		snprintf(buf, len, "%.4g", v);
}

void html_phase_reason(char *buf, size_t len, const crm_track *t, size_t p)
{
	const crm_scenario *sc = t->sc;
	const crm_track_phase *tp = &t->phases[p];
	/* The core's reason names the trend when it turns the verdict: keep that, in its words. */
	int trend = strstr(tp->reason, "trend NPV is below zero") != NULL;
	char lab[256];
	size_t k2 = 0;

	buf[0] = '\0';
	if (tp->nmissed) {
		crm_appendf(buf, len, "%zu criteri%s due and not met: ", tp->nmissed,
			    tp->nmissed == 1 ? "on" : "a");
		for (size_t k = 0; k < sc->ncriteria; k++) {
			if (sc->criteria[k].phase != (int)p || !t->criteria[k].missed)
				continue;
			html_criterion_label(lab, sizeof lab, sc, k);
			crm_appendf(buf, len, "%s%s (%s)", k2++ ? "; " : "", lab,
				    crm_crit_status_name(t->criteria[k].status));
		}
		if (trend)
			crm_appendf(buf, len, "; and the trend NPV is below zero");
	} else if (trend) {
		crm_appendf(buf, len, "the trend NPV is below zero");
	} else if (tp->ndue) {
		crm_appendf(buf, len, "every criterion due so far is met (%zu of %zu due)", tp->ndue,
			    tp->ncriteria);
	} else {
		crm_appendf(buf, len, "no criterion due yet");
	}
}

/* Months 0..last where keep(m) holds, as ranges: "1-3, 5"; "" when none. */
static void month_ranges(char *buf, size_t len, const unsigned char *on, int last)
{
	buf[0] = '\0';
	for (int m = 0; m <= last; m++) {
		if (!on[m])
			continue;
		int e = m;
		while (e + 1 <= last && on[e + 1])
			e++;
		if (e > m)
			crm_appendf(buf, len, "%s%d-%d", buf[0] ? ", " : "", m, e);
		else
			crm_appendf(buf, len, "%s%d", buf[0] ? ", " : "", m);
		m = e;
	}
}

/* The months in which some line of one kind (costs: is_cost 1) has an actual given. */
static void kind_months(char *buf, size_t len, const crm_track *t, int is_cost)
{
	unsigned char *on = calloc((size_t)t->last + 1, 1);

	buf[0] = '\0';
	if (!on)
		return;
	for (size_t l = 0; l < t->sc->nlines; l++)
		if (t->rows[l].is_cost == is_cost)
			for (int m = 0; m <= t->last; m++)
				on[m] |= t->rows[l].given[m];
	month_ranges(buf, len, on, t->last);
	free(on);
}

double html_track_assumed(const crm_track *t, int is_cost)
{
	double sum = 0;

	for (size_t l = 0; l < t->sc->nlines; l++) {
		const crm_track_row *r = &t->rows[l];
		if (is_cost >= 0 && r->is_cost != is_cost)
			continue;
		for (size_t i = 0; i < r->nassumed; i++)
			sum += r->month[r->assumed[i]].actual;
	}
	return sum;
}

void html_track_assumed_words(char *buf, size_t len, const crm_track *t, int is_cost)
{
	const char *cur = t->sc->settings.currency;
	char ml[64], x[96];
	size_t n = 0;

	buf[0] = '\0';
	for (size_t l = 0; l < t->sc->nlines; l++) {
		const crm_track_row *r = &t->rows[l];
		if (!r->nassumed || (is_cost >= 0 && r->is_cost != is_cost))
			continue;
		for (size_t i = 0; i < r->nassumed; i++) {
			crm_track_month_label(t->sc, r->assumed[i], ml, sizeof ml);
			explain_money(x, sizeof x, cur, r->month[r->assumed[i]].plan);
			crm_appendf(buf, len, "%s%s for %s in %s", n++ ? "; " : "", x, r->name, ml);
		}
	}
}

void html_trend_words(char *buf, size_t len, const html_case *hc, const crm_track *t)
{
	const char *cur = html_currency(hc);
	size_t nl = t->sc->nlines;
	char months[256], a[96], b[96];
	int none[2] = { 0, 0 };

	buf[0] = '\0';
	for (int cost = 1; cost >= 0; cost--) {
		const crm_track_row *r = &t->rows[cost ? nl : nl + 1];
		const crm_track_cell *c = &r->cum[t->last];
		kind_months(months, sizeof months, t, cost);
		if (!months[0]) {
			none[cost] = 1;
			continue;
		}
		explain_money(a, sizeof a, cur, c->actual);
		explain_money(b, sizeof b, cur, c->plan);
		crm_appendf(buf, len, "%s%s of %s booked in month%s %s against %s planned", buf[0] ?
			    "; " : "", a, cost ? "costs" : "benefits", strpbrk(months, "-,") ? "s" : "",
			    months, b);
		double assumed = html_track_assumed(t, cost);
		if (assumed != 0) {
			explain_money(a, sizeof a, cur, assumed);
			crm_appendf(buf, len, " (of which %s assumed from the plan)", a);
		}
		if (r->index_ok)
			crm_appendf(buf, len, ", an index of %.3f", r->index);
	}
	if (none[0] || none[1])
		crm_appendf(buf, len, "%sno %s actual yet", buf[0] ? "; " : "",
			    none[0] && none[1] ? "cost or benefit" : none[1] ? "cost" : "benefit");
	for (size_t l = 0; l < nl; l++) {
		const crm_track_row *r = &t->rows[l];
		if (r->trend_basis == CRM_TREND_OWN)
			continue;
		if (r->trend_basis == CRM_TREND_PLAN)
			crm_appendf(buf, len, "; %s, with no index, stays on plan", r->name);
		else
			crm_appendf(buf, len, "; %s, with no plan to date, takes the index of all %s "
				    "(%.3f)", r->name, r->is_cost ? "costs" : "benefits", r->trend);
	}
}

/* -------------------------------------------------------------- the section */

/* One row of the to-date table: plan, budget before risk, actual, both variances, index. */
static void realisation_row(FILE *fp, const crm_track_row *row, int last, const char *label,
			    const char *cls, int assumed)
{
	const crm_track_cell *c = &row->cum[last];
	char p[64], r[64], a[64], v[64], vp[64], w[64], wp[64], ix[32];

	html_money0(p, sizeof p, c->plan);
	html_money0(r, sizeof r, c->plan_raw);
	html_money0(a, sizeof a, c->actual);
	html_money0(v, sizeof v, c->variance);
	html_money0(w, sizeof w, c->actual - c->plan_raw);
	if (c->pct_ok)
		html_rate(vp, sizeof vp, c->variance_pct);
	else
		snprintf(vp, sizeof vp, "n/a");
	if (c->plan_raw != 0)
		html_rate(wp, sizeof wp, (c->actual - c->plan_raw) / fabs(c->plan_raw));
	else
		snprintf(wp, sizeof wp, "n/a");
	if (row->kind != CRM_TRACK_NET && row->index_ok)
		snprintf(ix, sizeof ix, "%.3f", row->index);
	else if (row->kind == CRM_TRACK_NET)
		ix[0] = '\0';
	else
		snprintf(ix, sizeof ix, "n/a");
	fprintf(fp, "<tr%s%s%s><th>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
	html_text(fp, label);
	fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		"<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", p, r, a,
		assumed ? " *" : "", v, vp, w, wp, ix);
}

/* Every actual as booked: month, what, value, source and note, file and line. */
static void actuals_table(FILE *fp, const html_doc *d)
{
	const crm_scenario *sc = d->track->sc;
	size_t n = crm_actuals_count(d->actuals);
	char ml[64], lab[256], v[64];

	if (!n)
		return;
	fprintf(fp, "<table class=\"reg\">\n<caption>The actuals as booked (%s): each with its "
		"source and note</caption>\n<thead><tr><th>Month</th><th>Line or criterion</th>"
		"<th class=\"n\">Value</th><th>Source</th><th>Note</th><th>File</th></tr></thead>\n"
		"<tbody>\n", html_currency(&d->cases[0]));
	for (size_t i = 0; i < n; i++) {
		const crm_actual *x = crm_actuals_get(d->actuals, i);
		crm_track_month_label(sc, x->month, ml, sizeof ml);
		if (x->kind == CRM_ACTUAL_CRITERION) {
			html_criterion_label(lab, sizeof lab, sc, (size_t)x->index);
			criterion_value(v, sizeof v, &sc->criteria[x->index], x->value);
		} else if (x->kind == CRM_ACTUAL_INPUT) {
			html_input_label(lab, sizeof lab, sc, (size_t)x->index);
			snprintf(v, sizeof v, "%.6g", x->value);
		} else if (x->kind == CRM_ACTUAL_EVENT) {
			const crm_line *ln = &sc->lines[x->index];
			snprintf(lab, sizeof lab, "%s", ln->group >= 0 ? sc->groups[ln->group].name
				 : ln->label);
			snprintf(v, sizeof v, "%s", x->value != 0 ? "happened" : "did not happen");
		} else {
			snprintf(lab, sizeof lab, "%s", sc->lines[x->index].label);
			html_money0(v, sizeof v, x->value);
		}
		fputs("<tr><td class=\"nw\">", fp);
		html_text(fp, ml);
		fputs("</td><th>", fp);
		html_text(fp, lab);
		fprintf(fp, "<span class=\"src\">%s</span></th><td class=\"n\">%s</td><td>",
			x->kind == CRM_ACTUAL_COST ? "cost" : x->kind == CRM_ACTUAL_BENEFIT ? "benefit"
			: x->kind == CRM_ACTUAL_INPUT ? "input" : x->kind == CRM_ACTUAL_EVENT ? "event"
			: "criterion", v);
		html_text(fp, x->source);
		fputs("</td><td>", fp);
		html_text(fp, x->note);
		fputs("</td><td class=\"nw\">", fp);
		if (x->loc.file) {
			const char *slash = strrchr(x->loc.file, '/');
			html_text(fp, slash ? slash + 1 : x->loc.file);
			fprintf(fp, ":%d", x->loc.line);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

/* Tracking's notes: values assumed from the plan, lines on another line's trend, its warnings. */
static void track_notes(FILE *fp, const crm_track *t)
{
	size_t nl = t->sc->nlines;
	int any = (int)t->warnings.count;
	char buf[1024];

	for (size_t l = 0; l < nl; l++)
		any |= t->rows[l].nassumed > 0 || t->rows[l].trend_basis != CRM_TREND_OWN;
	if (!any)
		return;
	fputs("<h3>Notes from the tracking</h3>\n<ul class=\"small\">\n", fp);
	for (size_t l = 0; l < nl; l++) {
		const crm_track_row *r = &t->rows[l];
		if (!r->nassumed)
			continue;
		char ml[64], x[64];
		fputs("<li><b>No actual: plan assumed</b> &#8212; ", fp);
		html_text(fp, r->name);
		fputs(": ", fp);
		for (size_t i = 0; i < r->nassumed; i++) {
			crm_track_month_label(t->sc, r->assumed[i], ml, sizeof ml);
			html_money0(x, sizeof x, r->month[r->assumed[i]].plan);
			fputs(i ? ", " : "", fp);
			html_text(fp, ml);
			fprintf(fp, " (plan %s)", x);
		}
		fputs(". Other lines have actuals for the month and this one none: its plan is counted "
		      "as the actual (marked *).</li>\n", fp);
	}
	for (size_t l = 0; l < nl; l++) {
		const crm_track_row *r = &t->rows[l];
		if (r->trend_basis == CRM_TREND_OWN)
			continue;
		fputs("<li><b>Trend for ", fp);
		html_text(fp, r->name);
		fputs("</b>: ", fp);
		snprintf(buf, sizeof buf, "%s (%.3f).", r->trend_basis == CRM_TREND_ALL ?
			 (r->is_cost ? "no plan to date: the index of all costs" :
			  "no plan to date: the index of all benefits") : "no index: the plan as is",
			 r->trend);
		html_text(fp, buf);
		fputs("</li>\n", fp);
	}
	for (size_t i = 0; i < t->warnings.count; i++)
		html_elem(fp, "li", NULL, t->warnings.items[i].msg);
	fputs("</ul>\n", fp);
}

/* Every criterion: baseline, target, the latest value and when, progress, due month, status. */
static void criteria_table(FILE *fp, const crm_track *t)
{
	const crm_scenario *sc = t->sc;
	char lab[256], name[128], v[64], ml[64], pr[32];

	fputs("<table class=\"reg\">\n<caption>Success criteria: each against its baseline and "
	      "target, with the status tracking gives it</caption>\n<thead><tr><th>Phase</th>"
	      "<th>Criterion</th><th class=\"n\">Baseline</th><th class=\"n\">Target</th>"
	      "<th class=\"n\">Latest</th><th>Measured</th><th class=\"n\">Progress</th>"
	      "<th>Due</th><th>Status</th></tr></thead>\n<tbody>\n", fp);
	for (size_t p = 0; p < sc->nphases; p++)
		for (size_t k = 0; k < sc->ncriteria; k++) {
			const crm_criterion *cr = &sc->criteria[k];
			const crm_track_criterion *tc = &t->criteria[k];
			if (cr->phase != (int)p)
				continue;
			explain_name(sc->phases[p].name, name, sizeof name);
			html_criterion_label(lab, sizeof lab, sc, k);
			fputs("<tr><td>", fp);
			html_text(fp, name);
			fputs("</td><th>", fp);
			html_text(fp, lab);
			if (cr->unit[0] || cr->direction == CRM_DIR_DOWN) {
				fputs("<span class=\"src\">", fp);
				html_text(fp, cr->unit);
				fputs(cr->direction == CRM_DIR_DOWN ? (cr->unit[0] ? "; lower is better" :
				      "lower is better") : "", fp);
				fputs("</span>", fp);
			}
			fputs("</th><td class=\"n\">", fp);
			html_text(fp, cr->has_baseline ? cr->baseline_text : "-");
			fputs("</td><td class=\"n\">", fp);
			html_text(fp, cr->has_target ? cr->target_text : "-");
			fputs("</td>", fp);
			if (tc->nmeasured) {
				criterion_value(v, sizeof v, cr, tc->latest);
				crm_track_month_label(sc, tc->latest_month, ml, sizeof ml);
			} else {
				snprintf(v, sizeof v, "-");
				snprintf(ml, sizeof ml, "not measured");
			}
			fprintf(fp, "<td class=\"n\">%s</td><td class=\"nw\">", v);
			html_text(fp, ml);
			if (tc->progress_ok)
				html_pct(pr, sizeof pr, tc->progress);
			else
				snprintf(pr, sizeof pr, "-");
			fprintf(fp, "</td><td class=\"n\">%s</td><td class=\"nw\">", pr);
			if (cr->due > 0) {
				crm_track_month_label(sc, cr->due, ml, sizeof ml);
				html_text(fp, ml);
			} else {
				fputs("none", fp);
			}
			fputs("</td><td>", fp);
			fprintf(fp, "%s%s%s", tc->missed ? "<b>" : "", crm_crit_status_name(tc->status),
				tc->missed ? "</b>" : "");
			fputs("</td></tr>\n", fp);
		}
	fputs("</tbody></table>\n", fp);
}

/*
 * crmroi report --actuals: the proposal against what was booked, with the
 * cumulative net cash flow of the plan, the actuals and both re-forecasts.
 */
/*
 * How good were the estimates: per owner, the share of realised values
 * inside their 90% range with its exact interval, the widening it calls
 * for, and the Brier score of the events (crmroi/calibrate.h).
 */
static void calibration_html(FILE *fp, const html_doc *d)
{
	const crm_calibration *c = d->calibration;
	char a[64], b[64], e[64];

	fputs("<h3>How good were the estimates</h3>\n<p>", fp);
	if (c->nvalues) {
		html_pct(a, sizeof a, (double)c->in90 / (double)c->nvalues);
		html_pct(b, sizeof b, c->lo90);
		html_pct(e, sizeof e, c->hi90);
		fprintf(fp, "Of the %zu estimates whose value is now known, %s fell inside the range "
			"their owner gave as 90%% sure (between %s and %s, given how few they are); "
			"calibrated ranges hold about 90%%. ", c->nvalues, a, b, e);
	}
	if (c->nevents)
		fprintf(fp, "The stated probabilities of the %zu risk event%s and gate%s that have "
			"resolved score %.3f (the Brier score: 0 for perfect foresight, 0.25 for "
			"saying 50%% every time). ", c->nevents, c->nevents == 1 ? "" : "s",
			c->nevents == 1 ? "" : "s", c->brier);
	fputs("The next case should widen the ranges of the owners below by the factor shown "
	      "(crmroi track --calibrated-out writes it).</p>\n", fp);
	if (!c->nvalues)
		return;
	fputs("<table class=\"num\">\n<caption>Estimates against what came true, by owner"
	      "</caption>\n<thead><tr><th>Owner</th><th class=\"n\">Estimates</th><th class=\"n\">"
	      "Inside their 90% range</th><th class=\"n\">95% interval</th><th class=\"n\">Widen "
	      "ranges by</th></tr></thead>\n<tbody>\n", fp);
	for (size_t k = 0; k < c->nowners; k++) {
		const crm_calib_owner *o = &c->owners[k];
		if (!o->n)
			continue;
		fputs("<tr><th>", fp);
		html_text(fp, o->owner[0] ? o->owner : "(no owner)");
		html_pct(a, sizeof a, o->cov90);
		html_pct(b, sizeof b, o->lo90);
		html_pct(e, sizeof e, o->hi90);
		fprintf(fp, "</th><td class=\"n\">%zu</td><td class=\"n\">%s</td><td class=\"n\">%s "
			"to %s</td><td class=\"n\">%.2f</td></tr>\n", o->n, a, b, e, o->widen);
	}
	fputs("</tbody></table>\n", fp);
}

int html_sec_realisation(const html_doc *d, FILE *fp)
{
	const crm_track *t = d->track;
	const html_case *hc = &d->cases[0];
	char last[64], b[96], buf[2048];

	if (!t)
		return 0;
	crm_track_month_label(t->sc, t->last, last, sizeof last);
	html_section_open(fp, "realisation", "Benefits realisation");
	fputs("<p>The approved plan (risk-adjusted, evaluated month by month) against the actuals "
	      "to ", fp);
	html_text(fp, last);
	fputs(". The re-forecast keeps the actuals and continues with the approved plan "
	      "(\"plan\", the forecast) or, as a scenario, with each line's plan times its index so "
	      "far (\"trend\").</p>\n", fp);

	/* Cumulative net: plan over the horizon, actuals to date, re-forecasts after. */
	html_chart_realisation(fp, hc, t, last);

	/* To date: every line, then the totals, against the plan and the budget before risk. */
	size_t nl = t->sc->nlines;
	int any_assumed = 0;
	for (size_t l = 0; l < nl; l++)
		any_assumed |= t->rows[l].nassumed > 0;
	fprintf(fp, "<table class=\"num wide\">\n<caption>Plan against actual, months 0 to %d (%s): "
		"the approved plan is risk-adjusted; the budget before risk leaves out the "
		"contingency</caption>\n<thead><tr><th></th><th class=\"n\">Approved plan</th>"
		"<th class=\"n\">Budget before risk</th><th class=\"n\">Actual</th>"
		"<th class=\"n\">Against plan</th><th class=\"n\">%%</th><th class=\"n\">Against "
		"budget</th><th class=\"n\">%%</th><th class=\"n\">Index</th></tr></thead>\n<tbody>\n",
		t->last, html_currency(hc));
	for (int cost = 1; cost >= 0; cost--) {
		int kind_assumed = 0;
		fprintf(fp, "<tr class=\"group\"><th colspan=\"9\">%s</th></tr>\n",
			cost ? "Costs (index: cost index)" : "Benefits (index: realisation index)");
		for (size_t l = 0; l < nl; l++)
			if (t->rows[l].is_cost == cost) {
				realisation_row(fp, &t->rows[l], t->last, t->rows[l].name, NULL,
						t->rows[l].nassumed > 0);
				kind_assumed |= t->rows[l].nassumed > 0;
			}
		realisation_row(fp, &t->rows[cost ? nl : nl + 1], t->last, cost ? "Total costs"
				: "Total benefits", "total", kind_assumed);
	}
	realisation_row(fp, &t->rows[nl + 2], t->last, "Net", "total", any_assumed);
	fputs("</tbody></table>\n<p class=\"small\">", fp);
	if (any_assumed) {
		html_track_assumed_words(buf, sizeof buf, t, -1);
		fputs("* Counts the plan where no actual was given: ", fp);
		html_text(fp, buf);
		fputs(". ", fp);
	}
	fputs("Against plan: actual less the approved, risk-adjusted plan; against budget: actual "
	      "less the plan before the risk adjustment. For costs, the difference between the two "
	      "is the contingency of these months: a cost on plan but over budget has used it. "
	      "Index: cumulative actual / cumulative plan over the months with actuals.</p>\n", fp);
	track_notes(fp, t);

	/* Re-forecast. */
	const crm_track_figures *f[3] = { &t->approved, &t->plan, &t->trend };
	static const char *const names[3] = { "Approved", "Re-forecast: plan (the forecast)",
		"Re-forecast: trend (a scenario)" };
	fputs("<table class=\"num\">\n<caption>Re-forecast with the actuals to ", fp);
	html_text(fp, last);
	fputs("</caption>\n<thead><tr><th></th><th class=\"n\">NPV</th><th class=\"n\">Change"
	      "</th><th class=\"n\">IRR</th><th class=\"n\">Payback</th></tr></thead>\n<tbody>\n",
	      fp);
	for (int i = 0; i < 3; i++) {
		char npv[64], ch[64], irr[64], pb[64];
		fmt_money(npv, sizeof npv, f[i]->npv, 0);
		if (i)
			fmt_money(ch, sizeof ch, f[i]->npv - f[0]->npv, 0);
		else
			ch[0] = '\0';
		if (f[i]->irr_ok)
			html_rate(irr, sizeof irr, f[i]->irr_value);
		else
			snprintf(irr, sizeof irr, "none");
		html_payback_words(pb, sizeof pb, t->sc, &f[i]->payback);
		fputs("<tr><th>", fp);
		html_text(fp, names[i]);
		fprintf(fp, "</th><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s"
			"</td><td class=\"n\">%s</td></tr>\n", npv, ch, irr, pb);
	}
	fputs("</tbody></table>\n<p class=\"small\">The trend continues each line's plan times its "
	      "index so far to the end of the horizon: ", fp);
	html_trend_words(buf, sizeof buf, hc, t);
	html_text(fp, buf);
	fputs(". Early months carry little evidence: read it as a scenario, not the forecast. "
	      "Tracking gives no MIRR for the re-forecasts.</p>\n", fp);

	/* Gates. */
	if (t->sc->nphases) {
		fputs("<table>\n<caption>Phase gates: on track when every criterion due so far is "
		      "met, at risk when one is not, off track when two or more are not or the trend "
		      "NPV is below zero</caption>\n<thead><tr><th>Phase</th><th>Months</th>"
		      "<th>Verdict</th><th>Why</th></tr></thead>\n<tbody>\n", fp);
		for (size_t p = 0; p < t->sc->nphases; p++) {
			const crm_phase *ph = &t->sc->phases[p];
			char name[128];
			explain_name(ph->name, name, sizeof name);
			fputs("<tr><th>", fp);
			html_text(fp, name);
			snprintf(b, sizeof b, "%d-%d", ph->start, ph->end);
			fprintf(fp, "</th><td>%s</td><td>", b);
			html_text(fp, crm_verdict_name(t->phases[p].verdict));
			fputs("</td><td>", fp);
			html_phase_reason(buf, sizeof buf, t, p);
			html_text(fp, buf);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table>\n", fp);
		if (t->sc->ncriteria)
			criteria_table(fp, t);
	}
	if (d->calibration)
		calibration_html(fp, d);
	if (d->actuals)
		actuals_table(fp, d);
	fputs("</section>\n", fp);
	return 1;
}
