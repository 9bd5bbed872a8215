/*
 * track_view.c - the plan against actuals (`crmroi track`) in text, markdown,
 * CSV and JSON: per line and in total to date, month by month, the indexes,
 * the two re-forecasts and the phases' criteria and gates.
 *
 * It lays out what crm_track_compute returned and nothing else: it does not
 * read actuals, compute a variance, an index or a verdict, or decide where
 * the output goes (the command opens the file and reports errors).
 */
#define _POSIX_C_SOURCE 200809L
#include "track_view.h"
#include "calib_view.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------- helpers */

static void money(char *buf, size_t len, double v) { fmt_money(buf, len, v, 0); }

static void pct_or_na(char *buf, size_t len, int ok, double v)
{
	if (ok)
		fmt_percent(buf, len, v);
	else
		snprintf(buf, len, "n/a");
}

static void index_text(char *buf, size_t len, const crm_track_row *row)
{
	if (row->index_ok)
		snprintf(buf, len, "%.3f", row->index);
	else
		snprintf(buf, len, "n/a");
}

/* A month as the CSV and JSON give it: "Initial", "2027-06" or "6". */
static void period_key(const crm_scenario *sc, int m, char *buf, size_t len)
{
	const crm_settings *s = &sc->settings;

	if (m == 0)
		snprintf(buf, len, "Initial");
	else if (s->start_year) {
		int mi = s->start_month - 1 + m - 1;
		snprintf(buf, len, "%04d-%02d", s->start_year + mi / 12, mi % 12 + 1);
	} else {
		snprintf(buf, len, "%d", m);
	}
}

static const char *row_kind(const crm_track_row *r)
{
	switch (r->kind) {
	case CRM_TRACK_LINE: return r->is_cost ? "cost" : "benefit";
	case CRM_TRACK_COSTS: return "total_costs";
	case CRM_TRACK_BENEFITS: return "total_benefits";
	case CRM_TRACK_NET: return "net";
	}
	return "";
}

static const char *row_phase(const crm_track *t, const crm_track_row *r)
{
	if (r->kind != CRM_TRACK_LINE || t->sc->lines[r->line].phase < 0)
		return "";
	return t->sc->phases[t->sc->lines[r->line].phase].name;
}

static const char *basis_text(crm_trend_basis b, int is_cost)
{
	switch (b) {
	case CRM_TREND_OWN: return "own index";
	case CRM_TREND_ALL: return is_cost ? "no plan to date: the index of all costs"
					   : "no plan to date: the index of all benefits";
	case CRM_TREND_PLAN: return "no index: the plan as is";
	}
	return "";
}

/* The months with actuals as ranges: "1-3, 5". */
static void months_list(const crm_track *t, char *buf, size_t len)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int m = 0; m <= t->last && o < len; m++) {
		if (!t->with_actuals[m] || (m > 0 && t->with_actuals[m - 1]))
			continue;
		int e = m;
		while (e + 1 <= t->last && t->with_actuals[e + 1])
			e++;
		if (e > m)
			o += (size_t)snprintf(buf + o, len - o, "%s%d-%d", o ? ", " : "", m, e);
		else
			o += (size_t)snprintf(buf + o, len - o, "%s%d", o ? ", " : "", m);
	}
	if (!buf[0])
		snprintf(buf, len, "none (criteria only)");
}

/* ---------------------------------------------------- text and markdown */

typedef struct doc {
	FILE *fp;
	int md;
} doc;

/*
 * A line of markdown: its text escaped (md_text; markup such as "- " or
 * "**" is left alone), then end.
 */
static void md_line(doc *d, const char *s, const char *end)
{
	md_text(d->fp, s);
	fputs(end, d->fp);
}

static void heading(doc *d, const char *s)
{
	if (d->md) {
		fputs("## ", d->fp);
		md_line(d, s, "\n\n");
	} else {
		fprintf(d->fp, "\n%s\n", s);
	}
}

/* Text paragraphs are wrapped at this width, indented by two spaces. */
#define TEXT_WIDTH 92

static void para(doc *d, const char *s)
{
	if (d->md) {
		md_line(d, s, "\n\n");
		return;
	}
	while (*s) {
		size_t n = strlen(s), cut = n;
		if (n > TEXT_WIDTH - 2) {
			cut = TEXT_WIDTH - 2;
			while (cut > 0 && s[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = strcspn(s, " ");
		}
		fprintf(d->fp, "  %.*s\n", (int)cut, s);
		s += cut;
		while (*s == ' ')
			s++;
	}
}

static void put_table(doc *d, text_table *tt)
{
	if (d->md) {
		table_print_markdown(tt, d->fp);
		fputc('\n', d->fp);
	} else {
		table_print_text(tt, d->fp, "  ");
	}
}

static void add_to_date_row(text_table *tt, const crm_track_row *r, int last, const char *name,
			    int flags)
{
	const crm_track_cell *c = &r->cum[last];
	char p[40], raw[40], a[40], v[40], vp[40], ix[40];

	money(p, sizeof p, c->plan);
	money(raw, sizeof raw, c->plan_raw);
	money(a, sizeof a, c->actual);
	money(v, sizeof v, c->variance);
	pct_or_na(vp, sizeof vp, c->pct_ok, c->variance_pct);
	index_text(ix, sizeof ix, r);
	table_add(tt, flags, (const char *[]){ name, p, raw, a, v, vp,
		  r->kind == CRM_TRACK_NET ? NULL : ix });
}

static void render_people(const crm_track *t, const crm_actuals *a, doc *d)
{
	const crm_scenario *sc = t->sc;
	const crm_settings *s = &sc->settings;
	size_t nl = sc->nlines;
	char buf[1024], last[64], list[256], x1[40], x2[40], x3[40], x4[40], x5[40], x6[40], x7[40];
	text_table tt;

	crm_track_month_label(sc, t->last, last, sizeof last);
	months_list(t, list, sizeof list);
	if (d->md) {
		fputs("# Tracking: ", d->fp);
		md_line(d, s->title[0] ? s->title : sc->file, "\n\n");
	} else {
		fprintf(d->fp, "Tracking: %s\n", s->title[0] ? s->title : sc->file);
	}
	snprintf(buf, sizeof buf, "Scenario: %s; actuals: %zu row%s; last month with actuals: %s; "
		 "months with cost or benefit actuals: %s.", sc->file, crm_actuals_count(a),
		 crm_actuals_count(a) == 1 ? "" : "s", last, list);
	para(d, buf);
	snprintf(buf, sizeof buf, "The plan is evaluated month by month. Plan = as approved "
		 "(risk-adjusted); before risk = without the risk adjustment; variance = actual - "
		 "plan; amounts in %s, costs as positive spending.", s->currency);
	para(d, buf);

	/* To date, per line and in total. */
	snprintf(buf, sizeof buf, "Plan vs actual to date (months 0 to %d)", t->last);
	heading(d, buf);
	if (table_init(&tt, 7) != 0)
		return;
	for (int c = 1; c < 7; c++)
		tt.right[c] = 1;
	table_add(&tt, ROW_NORMAL, (const char *[]){ "Line", "Plan", "Before risk", "Actual",
		  "Variance", "Variance %", "Index" });
	for (int k = 0; k < 2; k++) {
		int want_cost = k == 0;
		table_add(&tt, ROW_HEADING, (const char *[]){ want_cost ? "Costs (index: cost index)"
			  : "Benefits (index: realisation index)", 0, 0, 0, 0, 0, 0 });
		for (size_t l = 0; l < nl; l++)
			if (t->rows[l].is_cost == want_cost) {
				snprintf(buf, sizeof buf, "  %s", t->rows[l].name);
				add_to_date_row(&tt, &t->rows[l], t->last, buf, ROW_NORMAL);
			}
		add_to_date_row(&tt, &t->rows[nl + (size_t)k], t->last, t->rows[nl + (size_t)k].name,
				ROW_TOTAL);
	}
	add_to_date_row(&tt, &t->rows[nl + 2], t->last, "Net (benefits - costs)", ROW_TOTAL);
	put_table(d, &tt);
	table_free(&tt);
	para(d, d->md ? "Index = cumulative actual / cumulative plan over the months with "
	     "actuals: above 1 means more benefit than planned, or more spending." :
	     "Index = cumulative actual / cumulative plan over the months with actuals: above 1 "
	     "means more benefit than planned, or more spending.");

	/* By month, net. */
	heading(d, "By month (net = benefits - costs)");
	if (table_init(&tt, 8) != 0)
		return;
	for (int c = 1; c < 8; c++)
		tt.right[c] = 1;
	table_add(&tt, ROW_NORMAL, (const char *[]){ "Month", "Plan", "Actual", "Variance",
		  "Cum. plan", "Cum. actual", "Cum. variance", "Cum. variance %" });
	const crm_track_row *net = &t->rows[nl + 2];
	for (int m = 0; m <= t->last; m++) {
		const crm_track_cell *c = &net->month[m], *cu = &net->cum[m];
		crm_track_month_label(sc, m, buf, sizeof buf);
		money(x1, sizeof x1, c->plan);
		money(x2, sizeof x2, c->actual);
		money(x3, sizeof x3, c->variance);
		money(x4, sizeof x4, cu->plan);
		money(x5, sizeof x5, cu->actual);
		money(x6, sizeof x6, cu->variance);
		pct_or_na(x7, sizeof x7, cu->pct_ok, cu->variance_pct);
		table_add(&tt, ROW_NORMAL, (const char *[]){ buf, x1, x2, x3, x4, x5, x6, x7 });
	}
	put_table(d, &tt);
	table_free(&tt);

	/* Lines counted as plan. */
	int any = 0;
	for (size_t l = 0; l < nl; l++)
		any |= t->rows[l].nassumed > 0;
	if (any) {
		heading(d, "No actual: plan assumed");
		for (size_t l = 0; l < nl; l++) {
			const crm_track_row *r = &t->rows[l];
			size_t o;
			if (!r->nassumed)
				continue;
			o = (size_t)snprintf(buf, sizeof buf, "%s%s: ", d->md ? "- " : "", r->name);
			for (size_t i = 0; i < r->nassumed && o < sizeof buf; i++) {
				char ml[64];
				crm_track_month_label(sc, r->assumed[i], ml, sizeof ml);
				money(x1, sizeof x1, r->month[r->assumed[i]].plan);
				o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s (plan %s)", i ? ", " : "",
						      ml, x1);
			}
			if (d->md)
				md_line(d, buf, "\n");
			else
				para(d, buf);
		}
		if (d->md)
			fputc('\n', d->fp);
	}

	/* Re-forecast. */
	snprintf(buf, sizeof buf, "Re-forecast (actuals to %s)", last);
	heading(d, buf);
	if (table_init(&tt, 6) != 0)
		return;
	for (int c = 1; c < 6; c++)
		tt.right[c] = 1;
	table_add(&tt, ROW_NORMAL, (const char *[]){ "Figure", "Approved", "Re-forecast: plan",
		  "Change", "Re-forecast: trend", "Change" });
	{
		const crm_track_figures *f[3] = { &t->approved, &t->plan, &t->trend };
		char c[6][64];
		/* NPV */
		fmt_money(c[0], sizeof c[0], f[0]->npv, 2);
		fmt_money(c[1], sizeof c[1], f[1]->npv, 2);
		fmt_money(c[2], sizeof c[2], f[1]->npv - f[0]->npv, 2);
		fmt_money(c[3], sizeof c[3], f[2]->npv, 2);
		fmt_money(c[4], sizeof c[4], f[2]->npv - f[0]->npv, 2);
		table_add(&tt, ROW_NORMAL, (const char *[]){ "NPV", c[0], c[1], c[2], c[3], c[4] });
		/* IRR */
		for (int i = 0; i < 3; i++)
			pct_or_na(c[i], sizeof c[i], f[i]->irr_ok, f[i]->irr_value);
		for (int i = 1; i < 3; i++) {
			if (f[i]->irr_ok && f[0]->irr_ok) {
				fmt_money(c[3 + i], sizeof c[3 + i], (f[i]->irr_value - f[0]->irr_value) * 100,
					  2);
				strcat(c[3 + i], " pts");
			} else {
				snprintf(c[3 + i], sizeof c[3 + i], "n/a");
			}
		}
		table_add(&tt, ROW_NORMAL, (const char *[]){ "IRR", c[0], c[1], c[4], c[2], c[5] });
		/* Payback */
		for (int i = 0; i < 3; i++) {
			if (f[i]->payback.status == CRM_PAYBACK_REACHED)
				snprintf(c[i], sizeof c[i], "%.1f months", f[i]->payback.months);
			else
				snprintf(c[i], sizeof c[i], "not reached");
		}
		for (int i = 1; i < 3; i++) {
			if (f[i]->payback.status == CRM_PAYBACK_REACHED &&
			    f[0]->payback.status == CRM_PAYBACK_REACHED)
				snprintf(c[3 + i], sizeof c[3 + i], "%+.1f months",
					 f[i]->payback.months - f[0]->payback.months);
			else
				snprintf(c[3 + i], sizeof c[3 + i], "n/a");
		}
		table_add(&tt, ROW_NORMAL, (const char *[]){ "Payback", c[0], c[1], c[4], c[2], c[5] });
	}
	put_table(d, &tt);
	table_free(&tt);
	snprintf(buf, sizeof buf, "Both re-forecasts take the actuals to %s (the plan where a line "
		 "has none), then \"plan\" continues with the approved plan and \"trend\" with each "
		 "line's plan x its index. %s", last, s->grid == CRM_GRID_YEAR ?
		 "Months are summed into the scenario's years and discounted at their end, as the "
		 "approved plan is." : "Each month is discounted at its end, as the approved plan is.");
	para(d, buf);
	for (size_t l = 0; l < nl; l++) {
		const crm_track_row *r = &t->rows[l];
		if (r->trend_basis == CRM_TREND_OWN)
			continue;
		snprintf(buf, sizeof buf, "%sTrend for %s: %s (%.3f).", d->md ? "- " : "", r->name,
			 basis_text(r->trend_basis, r->is_cost), r->trend);
		if (d->md)
			md_line(d, buf, "\n");
		else
			para(d, buf);
	}

	/* Criteria and gates. */
	if (sc->nphases) {
		if (d->md)
			fputc('\n', d->fp);
		snprintf(buf, sizeof buf, "Criteria and gates (as of %s)", last);
		heading(d, buf);
		para(d, "Gate rule: on track when every criterion due so far is met; at risk when "
		     "one is not; off track when two or more are not, or when the trend NPV is "
		     "below zero (for a phase that has started).");
		for (size_t p = 0; p < sc->nphases; p++) {
			const crm_phase *ph = &sc->phases[p];
			const crm_track_phase *tp = &t->phases[p];
			snprintf(buf, sizeof buf, "%s%s%s (months %d-%d%s%s): %s%s%s - %s",
				 d->md ? "### " : "Phase ", ph->name, "", ph->start, ph->end,
				 ph->owner[0] ? ", " : "", ph->owner, d->md ? "**" : "",
				 crm_verdict_name(tp->verdict), d->md ? "**" : "", tp->reason);
			if (d->md)
				md_line(d, buf, "\n\n");
			else
				fprintf(d->fp, "  %s\n", buf);
			if (!tp->ncriteria || table_init(&tt, 8) != 0)
				continue;
			for (int c = 1; c < 7; c++)
				tt.right[c] = 1;
			table_add(&tt, ROW_NORMAL, (const char *[]){ "Criterion", "Baseline", "Target",
				  "Latest", "Month", "Progress", "Due", "Status" });
			for (size_t k = 0; k < sc->ncriteria; k++) {
				const crm_criterion *cr = &sc->criteria[k];
				const crm_track_criterion *tc = &t->criteria[k];
				char lat[64], mon[16], prog[40], due[16], name[160];
				if (cr->phase != (int)p)
					continue;
				snprintf(name, sizeof name, "%s%s", cr->name,
					 cr->direction == CRM_DIR_DOWN ? " (down)" : "");
				if (tc->nmeasured) {
					if (cr->percent)
						fmt_percent(lat, sizeof lat, tc->latest);
					else
						snprintf(lat, sizeof lat, "%.10g", tc->latest);
					snprintf(mon, sizeof mon, "%d", tc->latest_month);
				} else {
					snprintf(lat, sizeof lat, "-");
					snprintf(mon, sizeof mon, "-");
				}
				if (tc->progress_ok)
					fmt_percent(prog, sizeof prog, tc->progress);
				else
					snprintf(prog, sizeof prog, "n/a");
				if (cr->due)
					snprintf(due, sizeof due, "%d", cr->due);
				else
					snprintf(due, sizeof due, "-");
				table_add(&tt, ROW_NORMAL, (const char *[]){ name,
					  cr->has_baseline ? cr->baseline_text : "-",
					  cr->has_target ? cr->target_text : "-", lat, mon, prog, due,
					  crm_crit_status_name(tc->status) });
			}
			if (d->md)
				put_table(d, &tt);
			else
				table_print_text(&tt, d->fp, "    ");
			table_free(&tt);
		}
	}
}

/* ----------------------------------------------------------------- CSV */

static void csv_cell(FILE *fp, const crm_track_cell *c)
{
	csv_number(fp, c->plan, 0);
	csv_number(fp, c->plan_raw, 0);
	csv_number(fp, c->actual, 0);
	csv_number(fp, c->variance, 0);
	if (c->pct_ok)
		csv_number(fp, c->variance_pct, 0);
	else
		csv_field(fp, "", 0);
}

static void csv_blank(FILE *fp, int n)
{
	for (int i = 0; i < n; i++)
		csv_field(fp, "", 0);
}

static void csv_figure(FILE *fp, const char *name, const char *kind, int last, int ok, double v,
		       int change_ok, double change, const char *note)
{
	char nb[32];

	snprintf(nb, sizeof nb, "%d", last);
	csv_field(fp, "reforecast", 1);
	csv_field(fp, name, 0);
	csv_field(fp, kind, 0);
	csv_field(fp, "", 0);
	csv_field(fp, nb, 0);
	csv_field(fp, "", 0);
	csv_blank(fp, 3);
	if (change_ok)
		csv_number(fp, change, 0);
	else
		csv_field(fp, "", 0);
	csv_field(fp, "", 0);
	if (ok)
		csv_number(fp, v, 0);
	else
		csv_field(fp, "", 0);
	csv_blank(fp, 5);
	csv_field(fp, note, 0);
	csv_end(fp);
}

static void render_csv(const crm_track *t, FILE *fp)
{
	static const char *const cols[] = { "section", "name", "kind", "phase", "month", "period",
		"plan", "plan_before_risk", "actual", "variance", "variance_pct", "value",
		"baseline", "target", "progress", "due", "status", "note", NULL };
	const crm_scenario *sc = t->sc;
	char per[32], mb[32];

	for (int c = 0; cols[c]; c++)
		csv_field(fp, cols[c], c == 0);
	csv_end(fp);
	for (int pass = 0; pass < 2; pass++)
		for (size_t r = 0; r < t->nrows; r++) {
			const crm_track_row *row = &t->rows[r];
			for (int m = 0; m <= t->last; m++) {
				const crm_track_cell *c = pass ? &row->cum[m] : &row->month[m];
				int assumed = 0;
				for (size_t i = 0; i < row->nassumed; i++)
					assumed |= row->assumed[i] == m;
				snprintf(mb, sizeof mb, "%d", m);
				period_key(sc, m, per, sizeof per);
				csv_field(fp, pass ? "cumulative" : "month", 1);
				csv_field(fp, row->name, 0);
				csv_field(fp, row_kind(row), 0);
				csv_field(fp, row_phase(t, row), 0);
				csv_field(fp, mb, 0);
				csv_field(fp, per, 0);
				csv_cell(fp, c);
				csv_blank(fp, 6);
				csv_field(fp, !pass && assumed ? "no actual: plan assumed" : "", 0);
				csv_end(fp);
			}
		}
	for (size_t r = 0; r < t->nrows; r++) {
		const crm_track_row *row = &t->rows[r];
		if (row->kind == CRM_TRACK_NET)
			continue;
		snprintf(mb, sizeof mb, "%d", t->last);
		csv_field(fp, "index", 1);
		csv_field(fp, row->name, 0);
		csv_field(fp, row_kind(row), 0);
		csv_field(fp, row_phase(t, row), 0);
		csv_field(fp, mb, 0);
		csv_field(fp, "", 0);
		csv_number(fp, row->index_plan, 0);
		csv_field(fp, "", 0);
		csv_number(fp, row->index_actual, 0);
		csv_blank(fp, 2);
		if (row->index_ok)
			csv_number(fp, row->index, 0);
		else
			csv_field(fp, "", 0);
		csv_blank(fp, 5);
		if (!row->index_ok)
			csv_field(fp, "no plan in the months with actuals", 0);
		else if (row->kind == CRM_TRACK_LINE && row->trend_basis != CRM_TREND_OWN)
			csv_field(fp, basis_text(row->trend_basis, row->is_cost), 0);
		else
			csv_field(fp, row->is_cost ? "cost index" : "realisation index", 0);
		csv_end(fp);
	}
	for (size_t r = 0; r < sc->nlines; r++) {
		const crm_track_row *row = &t->rows[r];
		if (row->trend_basis == CRM_TREND_OWN)
			continue;
		csv_field(fp, "trend", 1);
		csv_field(fp, row->name, 0);
		csv_field(fp, row_kind(row), 0);
		csv_field(fp, row_phase(t, row), 0);
		csv_blank(fp, 7);
		csv_number(fp, row->trend, 0);
		csv_blank(fp, 5);
		csv_field(fp, basis_text(row->trend_basis, row->is_cost), 0);
		csv_end(fp);
	}
	const crm_track_figures *f[3] = { &t->approved, &t->plan, &t->trend };
	static const char *const fk[3] = { "approved", "plan", "trend" };
	for (int i = 0; i < 3; i++)
		csv_figure(fp, "npv", fk[i], t->last, 1, f[i]->npv, i > 0, f[i]->npv - f[0]->npv, "");
	for (int i = 0; i < 3; i++)
		csv_figure(fp, "irr", fk[i], t->last, f[i]->irr_ok, f[i]->irr_value,
			   i > 0 && f[i]->irr_ok && f[0]->irr_ok, f[i]->irr_value - f[0]->irr_value,
			   f[i]->irr_ok ? (f[i]->irr.status == CRM_IRR_MULTIPLE ? "several rates give "
			   "NPV = 0: the one nearest the discount rate" : "") : "no IRR");
	for (int i = 0; i < 3; i++) {
		int ok = f[i]->payback.status == CRM_PAYBACK_REACHED;
		int ok0 = f[0]->payback.status == CRM_PAYBACK_REACHED;
		csv_figure(fp, "payback_months", fk[i], t->last, ok, f[i]->payback.months,
			   i > 0 && ok && ok0, f[i]->payback.months - f[0]->payback.months,
			   ok ? "" : "not reached within the horizon");
	}
	for (size_t k = 0; k < sc->ncriteria; k++) {
		const crm_criterion *cr = &sc->criteria[k];
		const crm_track_criterion *tc = &t->criteria[k];
		csv_field(fp, "criterion", 1);
		csv_field(fp, cr->name, 0);
		csv_field(fp, cr->direction == CRM_DIR_DOWN ? "down" : "up", 0);
		csv_field(fp, sc->phases[cr->phase].name, 0);
		if (tc->nmeasured) {
			snprintf(mb, sizeof mb, "%d", tc->latest_month);
			period_key(sc, tc->latest_month, per, sizeof per);
		} else {
			mb[0] = per[0] = '\0';
		}
		csv_field(fp, mb, 0);
		csv_field(fp, per, 0);
		csv_blank(fp, 5);
		if (tc->nmeasured)
			csv_number(fp, tc->latest, 0);
		else
			csv_field(fp, "", 0);
		if (cr->has_baseline)
			csv_number(fp, cr->baseline, 0);
		else
			csv_field(fp, "", 0);
		if (cr->has_target)
			csv_number(fp, cr->target, 0);
		else
			csv_field(fp, "", 0);
		if (tc->progress_ok)
			csv_number(fp, tc->progress, 0);
		else
			csv_field(fp, "", 0);
		if (cr->due) {
			snprintf(mb, sizeof mb, "%d", cr->due);
			csv_field(fp, mb, 0);
		} else {
			csv_field(fp, "", 0);
		}
		csv_field(fp, crm_crit_status_name(tc->status), 0);
		csv_field(fp, cr->metric, 0);
		csv_end(fp);
	}
	for (size_t p = 0; p < sc->nphases; p++) {
		csv_field(fp, "gate", 1);
		csv_field(fp, sc->phases[p].name, 0);
		csv_field(fp, "phase", 0);
		csv_field(fp, sc->phases[p].name, 0);
		snprintf(mb, sizeof mb, "%d", t->last);
		csv_field(fp, mb, 0);
		csv_blank(fp, 11);
		csv_field(fp, crm_verdict_name(t->phases[p].verdict), 0);
		csv_field(fp, t->phases[p].reason, 0);
		csv_end(fp);
	}
}

/* ---------------------------------------------------------------- JSON */

static void jkey(FILE *fp, const char *k, int *first, int indent)
{
	fprintf(fp, "%s\n%*s", *first ? "" : ",", indent, "");
	*first = 0;
	json_string(fp, k);
	fputs(": ", fp);
}

static void jnum_or_null(FILE *fp, int ok, double v)
{
	if (ok)
		json_number(fp, v);
	else
		fputs("null", fp);
}

static void json_cell(FILE *fp, const char *prefix, const crm_track_cell *c, int *first,
		      int indent)
{
	char k[64];

	snprintf(k, sizeof k, "%splan", prefix);
	jkey(fp, k, first, indent);
	json_number(fp, c->plan);
	snprintf(k, sizeof k, "%splan_before_risk", prefix);
	jkey(fp, k, first, indent);
	json_number(fp, c->plan_raw);
	snprintf(k, sizeof k, "%sactual", prefix);
	jkey(fp, k, first, indent);
	json_number(fp, c->actual);
	snprintf(k, sizeof k, "%svariance", prefix);
	jkey(fp, k, first, indent);
	json_number(fp, c->variance);
	snprintf(k, sizeof k, "%svariance_pct", prefix);
	jkey(fp, k, first, indent);
	jnum_or_null(fp, c->pct_ok, c->variance_pct);
}

static void json_figures(FILE *fp, const crm_track_figures *f, const crm_track_figures *base,
			 int indent)
{
	int first = 1;

	fputc('{', fp);
	jkey(fp, "npv", &first, indent + 2);
	json_number(fp, f->npv);
	jkey(fp, "irr", &first, indent + 2);
	jnum_or_null(fp, f->irr_ok, f->irr_value);
	if (!f->irr_ok) {
		jkey(fp, "irr_note", &first, indent + 2);
		json_string(fp, "no IRR: no rate makes NPV zero");
	} else if (f->irr.status == CRM_IRR_MULTIPLE) {
		jkey(fp, "irr_note", &first, indent + 2);
		json_string(fp, "several rates give NPV = 0: the one nearest the discount rate");
	}
	jkey(fp, "payback_months", &first, indent + 2);
	jnum_or_null(fp, f->payback.status == CRM_PAYBACK_REACHED, f->payback.months);
	if (base) {
		jkey(fp, "npv_change", &first, indent + 2);
		json_number(fp, f->npv - base->npv);
		jkey(fp, "irr_change", &first, indent + 2);
		jnum_or_null(fp, f->irr_ok && base->irr_ok, f->irr_value - base->irr_value);
		jkey(fp, "payback_change", &first, indent + 2);
		jnum_or_null(fp, f->payback.status == CRM_PAYBACK_REACHED &&
			     base->payback.status == CRM_PAYBACK_REACHED,
			     f->payback.months - base->payback.months);
	}
	fprintf(fp, "\n%*s}", indent, "");
}

static void json_series(FILE *fp, const double *v, int n)
{
	fputc('[', fp);
	for (int i = 0; i < n; i++) {
		if (i)
			fputs(", ", fp);
		json_number(fp, v[i]);
	}
	fputc(']', fp);
}

static void render_json(const crm_track *t, const crm_actuals *a, const crm_calibration *cal,
			FILE *fp)
{
	const crm_scenario *sc = t->sc;
	const crm_settings *s = &sc->settings;
	char buf[64];
	int first = 1;

	fputc('{', fp);
	jkey(fp, "file", &first, 2);
	json_string(fp, sc->file);
	jkey(fp, "title", &first, 2);
	json_string(fp, s->title);
	jkey(fp, "currency", &first, 2);
	json_string(fp, s->currency);
	jkey(fp, "grid", &first, 2);
	json_string(fp, crm_grid_name(s->grid));
	jkey(fp, "discount_rate", &first, 2);
	json_number(fp, s->discount_rate);
	jkey(fp, "start_date", &first, 2);
	if (s->start_year) {
		snprintf(buf, sizeof buf, "%04d-%02d", s->start_year, s->start_month);
		json_string(fp, buf);
	} else {
		fputs("null", fp);
	}
	jkey(fp, "actual_rows", &first, 2);
	fprintf(fp, "%zu", crm_actuals_count(a));
	jkey(fp, "last_month", &first, 2);
	fprintf(fp, "%d", t->last);
	jkey(fp, "months_with_actuals", &first, 2);
	fputc('[', fp);
	for (int m = 0, k = 0; m <= t->last; m++)
		if (t->with_actuals[m])
			fprintf(fp, "%s%d", k++ ? ", " : "", m);
	fputc(']', fp);
	jkey(fp, "conventions", &first, 2);
	json_string(fp, "the plan is evaluated month by month; plan = risk-adjusted as approved; "
		    "plan_before_risk = without the risk adjustment; variance = actual - plan; "
		    "variance_pct = variance / |plan|; index = cumulative actual / cumulative plan "
		    "over the months with actuals; costs are positive spending");
	jkey(fp, "rows", &first, 2);
	fputc('[', fp);
	for (size_t r = 0; r < t->nrows; r++) {
		const crm_track_row *row = &t->rows[r];
		int f2 = 1;
		fprintf(fp, "%s\n    {", r ? "," : "");
		jkey(fp, "name", &f2, 6);
		json_string(fp, row->name);
		jkey(fp, "kind", &f2, 6);
		json_string(fp, row_kind(row));
		jkey(fp, "phase", &f2, 6);
		if (row_phase(t, row)[0])
			json_string(fp, row_phase(t, row));
		else
			fputs("null", fp);
		json_cell(fp, "to_date_", &row->cum[t->last], &f2, 6);
		if (row->kind != CRM_TRACK_NET) {
			jkey(fp, "index", &f2, 6);
			jnum_or_null(fp, row->index_ok, row->index);
			if (!row->index_ok) {
				jkey(fp, "index_note", &f2, 6);
				json_string(fp, "no plan in the months with actuals");
			}
		}
		if (row->kind == CRM_TRACK_LINE) {
			jkey(fp, "trend_factor", &f2, 6);
			json_number(fp, row->trend);
			jkey(fp, "trend_basis", &f2, 6);
			json_string(fp, basis_text(row->trend_basis, row->is_cost));
			jkey(fp, "no_actual_months", &f2, 6);
			fputc('[', fp);
			for (size_t i = 0; i < row->nassumed; i++)
				fprintf(fp, "%s%d", i ? ", " : "", row->assumed[i]);
			fputc(']', fp);
		}
		jkey(fp, "months", &f2, 6);
		fputc('[', fp);
		for (int m = 0; m <= t->last; m++) {
			int f3 = 1;
			fprintf(fp, "%s\n        {", m ? "," : "");
			jkey(fp, "month", &f3, 10);
			fprintf(fp, "%d", m);
			if (row->kind == CRM_TRACK_LINE) {
				jkey(fp, "given", &f3, 10);
				fputs(row->given[m] ? "true" : "false", fp);
			}
			json_cell(fp, "", &row->month[m], &f3, 10);
			json_cell(fp, "cum_", &row->cum[m], &f3, 10);
			fprintf(fp, "\n        }");
		}
		fprintf(fp, "\n      ]\n    }");
	}
	fputs("\n  ]", fp);
	jkey(fp, "reforecast", &first, 2);
	{
		int f2 = 1;
		fputc('{', fp);
		jkey(fp, "last_month", &f2, 4);
		fprintf(fp, "%d", t->last);
		jkey(fp, "approved", &f2, 4);
		json_figures(fp, &t->approved, NULL, 4);
		jkey(fp, "plan", &f2, 4);
		json_figures(fp, &t->plan, &t->approved, 4);
		jkey(fp, "trend", &f2, 4);
		json_figures(fp, &t->trend, &t->approved, 4);
		fputs("\n  }", fp);
	}
	jkey(fp, "monthly_net", &first, 2);
	{
		int f2 = 1;
		fputc('{', fp);
		jkey(fp, "plan", &f2, 4);
		json_series(fp, t->plan_flow, t->months + 1);
		jkey(fp, "plan_before_risk", &f2, 4);
		json_series(fp, t->plan_raw_flow, t->months + 1);
		jkey(fp, "reforecast_plan", &f2, 4);
		json_series(fp, t->reforecast_plan_flow, t->months + 1);
		jkey(fp, "reforecast_trend", &f2, 4);
		json_series(fp, t->reforecast_trend_flow, t->months + 1);
		fputs("\n  }", fp);
	}
	jkey(fp, "phases", &first, 2);
	fputc('[', fp);
	for (size_t p = 0; p < sc->nphases; p++) {
		const crm_phase *ph = &sc->phases[p];
		const crm_track_phase *tp = &t->phases[p];
		int f2 = 1, nc = 0;
		fprintf(fp, "%s\n    {", p ? "," : "");
		jkey(fp, "name", &f2, 6);
		json_string(fp, ph->name);
		jkey(fp, "start", &f2, 6);
		fprintf(fp, "%d", ph->start);
		jkey(fp, "end", &f2, 6);
		fprintf(fp, "%d", ph->end);
		jkey(fp, "owner", &f2, 6);
		json_string(fp, ph->owner);
		jkey(fp, "verdict", &f2, 6);
		json_string(fp, crm_verdict_name(tp->verdict));
		jkey(fp, "reason", &f2, 6);
		json_string(fp, tp->reason);
		jkey(fp, "criteria", &f2, 6);
		fputc('[', fp);
		for (size_t k = 0; k < sc->ncriteria; k++) {
			const crm_criterion *cr = &sc->criteria[k];
			const crm_track_criterion *tc = &t->criteria[k];
			int f3 = 1;
			if (cr->phase != (int)p)
				continue;
			fprintf(fp, "%s\n        {", nc++ ? "," : "");
			jkey(fp, "name", &f3, 10);
			json_string(fp, cr->name);
			jkey(fp, "metric", &f3, 10);
			json_string(fp, cr->metric);
			jkey(fp, "unit", &f3, 10);
			json_string(fp, cr->unit);
			jkey(fp, "direction", &f3, 10);
			json_string(fp, cr->direction == CRM_DIR_DOWN ? "down" : "up");
			jkey(fp, "baseline", &f3, 10);
			jnum_or_null(fp, cr->has_baseline, cr->baseline);
			jkey(fp, "target", &f3, 10);
			jnum_or_null(fp, cr->has_target, cr->target);
			jkey(fp, "due", &f3, 10);
			jnum_or_null(fp, cr->due > 0, cr->due);
			jkey(fp, "measured", &f3, 10);
			fprintf(fp, "%zu", tc->nmeasured);
			jkey(fp, "latest", &f3, 10);
			jnum_or_null(fp, tc->nmeasured > 0, tc->latest);
			jkey(fp, "latest_month", &f3, 10);
			jnum_or_null(fp, tc->nmeasured > 0, tc->latest_month);
			jkey(fp, "progress", &f3, 10);
			jnum_or_null(fp, tc->progress_ok, tc->progress);
			jkey(fp, "status", &f3, 10);
			json_string(fp, crm_crit_status_name(tc->status));
			fprintf(fp, "\n        }");
		}
		fprintf(fp, "%s]\n    }", nc ? "\n      " : "");
	}
	fprintf(fp, "%s]", sc->nphases ? "\n  " : "");
	jkey(fp, "warnings", &first, 2);
	fputc('[', fp);
	for (size_t i = 0, n = 0; i < t->warnings.count; i++) {
		if (t->warnings.items[i].note)   /* how a file was read: no warning */
			continue;
		if (n++)
			fputs(", ", fp);
		json_string(fp, t->warnings.items[i].msg);
	}
	fputc(']', fp);
	if (cal) {
		jkey(fp, "calibration", &first, 2);
		calib_view_write(t->sc, cal, FMT_JSON, fp);
	}
	fputs("\n}\n", fp);
}

void track_view_write(const crm_track *t, const crm_actuals *a, const crm_calibration *cal,
		      out_format fmt, FILE *fp)
{
	switch (fmt) {
	case FMT_TEXT:
	case FMT_MARKDOWN: {
		doc d = { fp, fmt == FMT_MARKDOWN };
		render_people(t, a, &d);
		if (cal) {
			fputc('\n', fp);
			calib_view_write(t->sc, cal, fmt, fp);
		}
		break;
	}
	case FMT_CSV:
		render_csv(t, fp);
		if (cal) {
			fputs("\r\n", fp);
			calib_view_write(t->sc, cal, fmt, fp);
		}
		break;
	case FMT_JSON: render_json(t, a, cal, fp); break;
	}
}
