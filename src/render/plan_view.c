/*
 * plan_view.c - the roll-out plan (crmroi/plan.h) in text, markdown, CSV and
 * JSON, and the best plan written as a scenario file. Every format gives the
 * same things: how the plan was searched, the best plan as a timeline (each
 * area's go-live, what it adds, why this slot), its figures against the
 * scenario as written and big bang, the next best plans and what separates
 * them, and under uncertainty the frontier of expected NPV against P10.
 */
#define _POSIX_C_SOURCE 200809L
#include "plan_view.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *slot_word(int months)
{
	return months == 1 ? "month" : months == 6 ? "half" : months == 12 ? "year" : "quarter";
}

/* "quarter 3 (month 7)", "quarter 3 (2027-07)", "left out", "as written". */
void plan_view_slot(const crm_scenario *sc, int g, char *buf, size_t len)
{
	if (g == CRM_GOLIVE_SKIP) {
		snprintf(buf, len, "left out");
		return;
	}
	if (g == CRM_GOLIVE_AS_WRITTEN) {
		snprintf(buf, len, "as written");
		return;
	}
	int m = crm_plan_slot_month(sc, g), months = sc->settings.plan_slot_months;
	if (months == 1 && !sc->settings.start_year) {
		snprintf(buf, len, "month %d", m);
		return;
	}
	if (sc->settings.start_year) {
		int y = sc->settings.start_year, mo = sc->settings.start_month + m - 1;
		y += (mo - 1) / 12;
		mo = (mo - 1) % 12 + 1;
		if (months == 1)
			snprintf(buf, len, "month %d (%04d-%02d)", m, y, mo);
		else
			snprintf(buf, len, "%s %d (%04d-%02d)", slot_word(months), g, y, mo);
		return;
	}
	snprintf(buf, len, "%s %d (month %d)", slot_word(months), g, m);
}

static void money(const crm_scenario *sc, double v, char *buf, size_t len)
{
	(void)sc;
	if (!isfinite(v))
		snprintf(buf, len, "-");
	else
		fmt_money(buf, len, v, 0);
}

/* A limit broken or the reason for a slot, in words. */
void plan_view_why(const crm_scenario *sc, const crm_plan_why *w, char *buf, size_t len)
{
	const crm_settings *st = &sc->settings;
	char a[FMT_NUM_MAX], b[FMT_NUM_MAX], s[64], when[96];

	/* A limit a slot earlier would break, or (a left-out area) its best slot would. */
	if (w->slot > 0) {
		plan_view_slot(sc, w->slot, s, sizeof s);
		snprintf(when, sizeof when, "in %s", s);
	} else {
		snprintf(when, sizeof when, "earlier");
	}
	switch (w->reason) {
	case CRM_REASON_NONE:
		snprintf(buf, len, "within every limit");
		break;
	case CRM_REASON_FIRST_SLOT:
		snprintf(buf, len, "the earliest slot its row allows");
		break;
	case CRM_REASON_AFTER:
		if (w->lag)
			snprintf(buf, len, "%d %s(s) after %s, which it follows", w->lag,
				 slot_word(st->plan_slot_months), sc->areas[w->other].name);
		else
			snprintf(buf, len, "not before %s, which it follows", sc->areas[w->other].name);
		break;
	case CRM_REASON_BUDGET:
		money(sc, w->amount, a, sizeof a);
		money(sc, st->plan_budget, b, sizeof b);
		snprintf(buf, len, "%s, year %d's costs would be %s, above the budget of %s", when,
			 w->other, a, b);
		break;
	case CRM_REASON_PEAK:
		money(sc, w->amount, a, sizeof a);
		money(sc, st->plan_peak_funding, b, sizeof b);
		snprintf(buf, len, "%s, peak funding would be %s, above the limit of %s", when, a, b);
		break;
	case CRM_REASON_GOLIVES:
		plan_view_slot(sc, w->other, s, sizeof s);
		snprintf(buf, len, "%s, %.0f areas would go live in %s, above the limit of %d", when,
			 w->amount, s, st->plan_golives);
		break;
	case CRM_REASON_EFFORT:
		plan_view_slot(sc, w->other, s, sizeof s);
		fmt_points(a, sizeof a, w->amount);
		fmt_points(b, sizeof b, st->plan_effort);
		snprintf(buf, len, "%s, the go-live effort in %s would be %s, above the limit "
			 "of %s", when, s, a, b);
		break;
	case CRM_REASON_LOSS:
		fmt_share(a, sizeof a, w->amount);
		fmt_share(b, sizeof b, st->max_loss_probability);
		snprintf(buf, len, "otherwise the chance of a loss would be %s, above the limit of %s",
			 a, b);
		break;
	case CRM_REASON_WORTH_LESS:
		money(sc, w->amount, a, sizeof a);
		if (w->slot > 0)
			snprintf(buf, len, "possible %s, where it adds %s, but the plan would be worth "
				 "less with it", when, a);
		else
			snprintf(buf, len, "possible earlier, but the plan would be worth %s less", a);
		break;
	case CRM_REASON_NEGATIVE:
		money(sc, w->amount, a, sizeof a);
		plan_view_slot(sc, w->other, s, sizeof s);
		snprintf(buf, len, "it adds %s even in its best slot (%s)", a, s);
		break;
	case CRM_REASON_REQUIRED:
		snprintf(buf, len, "%s may not be left out", sc->areas[w->other].name);
		break;
	}
}

/* The limits broken by a whole plan, in words ("yes" when none). */
void plan_view_within(const crm_scenario *sc, const crm_plan_eval *e, char *buf, size_t len)
{
	if (e->feasible) {
		snprintf(buf, len, "yes");
		return;
	}
	char w[400];
	crm_plan_why b = e->broken;
	if (b.reason == CRM_REASON_AFTER) {
		snprintf(buf, len, "no: %s goes live %s%d %s(s) after %s, which it follows",
			 sc->areas[b.area].name, b.lag ? "less than " : "before ", b.lag,
			 slot_word(sc->settings.plan_slot_months), sc->areas[b.other].name);
		if (!b.lag)
			snprintf(buf, len, "no: %s goes live before %s, which it follows",
				 sc->areas[b.area].name, sc->areas[b.other].name);
		return;
	}
	plan_view_why(sc, &b, w, sizeof w);
	/* The reasons are worded for a slot moved earlier: a whole plan says what it breaks. */
	const char *t = strncmp(w, "earlier, ", 9) ? w : w + 9;
	snprintf(buf, len, "no: %s", t);
}

static double alone(const crm_plan_result *r, size_t a, int g)
{
	return g > 0 ? r->alone[a * ((size_t)r->nslots + 1) + (size_t)g] : 0;
}

const char *plan_view_objective(const crm_plan_result *r)
{
	if (r->objective == CRM_PLAN_P10)
		return "P10 NPV";
	if (r->objective == CRM_PLAN_AFTER_TAX)
		return r->uncertain ? "expected NPV after tax" : "NPV after tax";
	return r->uncertain ? "expected NPV" : "NPV";
}

double plan_view_ranked(const crm_plan_result *r, const crm_plan_eval *e)
{
	if (r->objective == CRM_PLAN_P10)
		return e->p10;
	if (r->objective == CRM_PLAN_AFTER_TAX)
		return r->uncertain ? e->mean_after_tax : e->npv_after_tax;
	return r->uncertain ? e->mean : e->npv;
}

/* How plan e differs from the best: "configurator quarter 5 instead of quarter 4; ...". */
static void differs(const crm_scenario *sc, const crm_plan_result *r, const crm_plan_eval *e,
		    char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t a = 0; a < r->nareas && n + 1 < len; a++) {
		if (e->golive[a] == r->best.golive[a])
			continue;
		char x[64], y[64];
		plan_view_slot(sc, e->golive[a], x, sizeof x);
		plan_view_slot(sc, r->best.golive[a], y, sizeof y);
		int k = snprintf(buf + n, len - n, "%s%s %s instead of %s", n ? "; " : "",
				 sc->areas[a].name, x, y);
		if (k < 0 || (size_t)k >= len - n)
			break;
		n += (size_t)k;
	}
}

struct row {
	const char *label;
	double v[4];
	int kind;            /* 0 money, 1 share, 2 count */
};

static void figure_rows(const crm_plan_result *r, const crm_plan_eval *const *e, size_t ne,
			struct row *rows, size_t *nrows)
{
	size_t n = 0;
#define ROW(lbl, field, k) do { \
		rows[n].label = lbl; \
		rows[n].kind = k; \
		for (size_t i = 0; i < ne; i++) \
			rows[n].v[i] = e[i]->field; \
		n++; \
	} while (0)
	ROW("NPV (base case)", npv, 0);
	if (r->uncertain) {
		ROW("Expected NPV", mean, 0);
		ROW("P10 NPV", p10, 0);
		ROW("P(NPV < 0)", p_loss, 1);
	}
	if (e[0]->has_tax)
		ROW("NPV after tax", npv_after_tax, 0);
	if (r->objective == CRM_PLAN_AFTER_TAX && r->uncertain)
		ROW("Expected NPV after tax", mean_after_tax, 0);
	ROW("Peak funding", peak_funding, 0);
	ROW("Highest year's costs", max_year_costs, 0);
	ROW("Most go-lives in a slot", max_golives, 2);
#undef ROW
	*nrows = n;
}

static void cell_text(const struct row *rw, double v, char *buf, size_t len)
{
	if (!isfinite(v) || (rw->kind == 2 && v < 0))
		snprintf(buf, len, "-");
	else if (rw->kind == 1)
		fmt_share(buf, len, v);
	else if (rw->kind == 2)
		snprintf(buf, len, "%.0f", v);
	else
		fmt_money(buf, len, v, 0);
}

void plan_view_limits(const crm_scenario *sc, char *buf, size_t len)
{
	const crm_settings *st = &sc->settings;
	char a[FMT_NUM_MAX];
	size_t n = 0;
	buf[0] = '\0';
#define ADD(...) do { int k_ = snprintf(buf + n, len - n, __VA_ARGS__); \
		if (k_ > 0 && (size_t)k_ < len - n) n += (size_t)k_; } while (0)
	if (st->plan_budget > 0) {
		fmt_money(a, sizeof a, st->plan_budget, 0);
		ADD("%scosts of at most %s a year", n ? "; " : "", a);
	}
	if (st->plan_peak_funding > 0) {
		fmt_money(a, sizeof a, st->plan_peak_funding, 0);
		ADD("%speak funding of at most %s", n ? "; " : "", a);
	}
	if (st->plan_golives)
		ADD("%sat most %d go-live(s) a %s", n ? "; " : "", st->plan_golives,
		    slot_word(st->plan_slot_months));
	if (st->plan_effort > 0) {
		fmt_points(a, sizeof a, st->plan_effort);
		ADD("%sgo-live effort of at most %s a %s", n ? "; " : "", a,
		    slot_word(st->plan_slot_months));
	}
	if (st->max_loss_given) {
		fmt_share(a, sizeof a, st->max_loss_probability);
		ADD("%sa chance of a loss of at most %s", n ? "; " : "", a);
	}
	if (!n)
		ADD("none");
#undef ADD
}

void plan_view_method(const crm_scenario *sc, const crm_plan_result *r, char *buf, size_t len)
{
	char a[FMT_NUM_MAX], b[FMT_NUM_MAX];
	fmt_money(a, sizeof a, (double)r->nodes, 0);
	if (r->objective == CRM_PLAN_P10)
		snprintf(buf, len, "A heuristic: the best plans by expected NPV (branch and bound, %s "
			 "nodes), then one area at a time moved while P10 rises; another plan may have a "
			 "higher P10.", a);
	else if (r->objective == CRM_PLAN_AFTER_TAX)
		snprintf(buf, len, "A heuristic: the best plans before tax (branch and bound, %s "
			 "nodes), each computed in full after tax, then one area at a time moved while "
			 "its %s rises; another plan may be higher after tax.", a,
			 plan_view_objective(r));
	else if (r->exact)
		snprintf(buf, len, "Exact: branch and bound over every area's slots searched %s nodes; "
			 "no plan within the limits has a higher %s.", a, plan_view_objective(r));
	else {
		money(sc, r->bound - plan_view_ranked(r, &r->best), b, sizeof b);
		snprintf(buf, len, "Stopped after %s nodes of branch and bound: the plan is the best "
			 "found, at most %s below the best possible.", a, b);
	}
}

/* --------------------------------------------------------------- text */

static void write_text(const crm_scenario *sc, const crm_plan_result *r, FILE *fp, int md)
{
	char buf[1024], s[64], v[FMT_NUM_MAX];
	const char *title = sc->settings.title[0] ? sc->settings.title : sc->file;

	if (md) {
		fputs("# Roll-out plan: ", fp);
		md_text(fp, title);
		fputs("\n\n", fp);
	} else {
		fprintf(fp, "Roll-out plan: %s\n", title);
	}
	plan_view_limits(sc, buf, sizeof buf);
	fprintf(fp, "%s%zu areas, %d %ss of %d month(s); limits: ", md ? "" : "  ", r->nareas,
		r->nslots, slot_word(r->slot_months), r->slot_months);
	if (md)
		md_text(fp, buf);
	else
		fputs(buf, fp);
	fputs(".\n", fp);
	if (r->uncertain) {
		fmt_money(v, sizeof v, (double)r->n, 0);
		fprintf(fp, "%sEvery plan measured on the same %s draws (seed %llu); ranked by %s.\n",
			md ? "" : "  ", v, (unsigned long long)r->seed, plan_view_objective(r));
	}
	else
		fprintf(fp, "%sNo uncertainty: plans ranked by the base case's NPV.\n", md ? "" : "  ");
	plan_view_method(sc, r, buf, sizeof buf);
	fprintf(fp, "%s%s\n\n", md ? "" : "  ", buf);
	if (!r->any_feasible) {
		fprintf(fp, "%sNo plan keeps within the limits.\n", md ? "" : "  ");
		return;
	}
	money(sc, plan_view_ranked(r, &r->best), v, sizeof v);
	if (md)
		fprintf(fp, "## The best plan: %s %s\n\n| Area | Go-live | Adds alone%s | Why this "
			"slot |\n|---|---|---:|---|\n", plan_view_objective(r), v,
			r->objective == CRM_PLAN_AFTER_TAX ? " (before tax)" : "");
	else
		fprintf(fp, "The best plan: %s %s\n  %-26s %-22s %14s  %s\n", plan_view_objective(r), v,
			"Area", "Go-live", r->objective == CRM_PLAN_AFTER_TAX ? "Adds (pre-tax)" :
			"Adds alone", "Why this slot");
	for (size_t a = 0; a < r->nareas; a++) {
		int g = r->best.golive[a];
		char add[FMT_NUM_MAX];
		plan_view_slot(sc, g, s, sizeof s);
		if (g > 0)
			money(sc, alone(r, a, g), add, sizeof add);
		else
			snprintf(add, sizeof add, "-");
		plan_view_why(sc, &r->why[a], buf, sizeof buf);
		if (md) {
			fputs("| ", fp);
			md_text(fp, sc->areas[a].name);
			fprintf(fp, " | %s | %s | ", s, add);
			md_text(fp, buf);
			fputs(" |\n", fp);
		} else {
			fprintf(fp, "  %-26s %-22s %14s  %s\n", sc->areas[a].name, s, add, buf);
		}
	}
	/* The figures: the best plan, the scenario as written, big bang. */
	const crm_plan_eval *e[3] = { &r->best, &r->written, &r->bigbang };
	const char *names[3] = { "Best plan", "As written", "Big bang" };
	struct row rows[12];
	size_t nrows;
	figure_rows(r, e, 3, rows, &nrows);
	if (md)
		fputs("\n## Its figures\n\n| Figure | Best plan | As written | Big bang |\n|---|---:|---:|---:|\n",
		      fp);
	else
		fprintf(fp, "\nIts figures\n  %-26s %16s %16s %16s\n", "", names[0], names[1], names[2]);
	for (size_t i = 0; i < nrows; i++) {
		fprintf(fp, md ? "| %s" : "  %-26s", rows[i].label);
		for (size_t k = 0; k < 3; k++) {
			cell_text(&rows[i], rows[i].v[k], v, sizeof v);
			fprintf(fp, md ? " | %s" : " %16s", v);
		}
		fputs(md ? " |\n" : "\n", fp);
	}
	for (size_t k = 0; k < 3; k++) {
		plan_view_within(sc, e[k], buf, sizeof buf);
		if (md) {
			fprintf(fp, "%s", k ? "" : "\n");
			fprintf(fp, "- %s within the limits: ", names[k]);
			md_text(fp, buf);
			fputs("\n", fp);
		} else {
			fprintf(fp, "  %s within the limits: %s\n", names[k], buf);
		}
	}
	if (r->nnext) {
		fputs(md ? "\n## The next best plans\n\n" : "\nThe next best plans\n", fp);
		for (size_t i = 0; i < r->nnext; i++) {
			const crm_plan_eval *n = &r->next[i];
			char d[FMT_NUM_MAX];
			money(sc, plan_view_ranked(r, n), v, sizeof v);
			money(sc, plan_view_ranked(r, n) - plan_view_ranked(r, &r->best), d, sizeof d);
			differs(sc, r, n, buf, sizeof buf);
			fprintf(fp, md ? "- %s %s (%s): " : "  %s %s (%s): ", plan_view_objective(r), v, d);
			if (md)
				md_text(fp, buf);
			else
				fputs(buf, fp);
			fputs("\n", fp);
		}
	}
	if (r->nfrontier) {
		if (md)
			fputs("\n## Expected NPV against P10\n\n| Expected NPV | P10 NPV | P(NPV < 0) | Plan |\n"
			      "|---:|---:|---:|---|\n", fp);
		else
			fprintf(fp, "\nExpected NPV against P10: of the %zu plans kept, those no other beats "
				"on both\n  %16s %16s %10s  %s\n", r->considered, "Expected NPV", "P10 NPV",
				"P(NPV<0)", "Plan");
		for (size_t i = 0; i < r->nfrontier; i++) {
			const crm_plan_eval *f = &r->frontier[i];
			char p[FMT_NUM_MAX], l[64];
			money(sc, f->mean, v, sizeof v);
			money(sc, f->p10, p, sizeof p);
			fmt_share(l, sizeof l, f->p_loss);
			differs(sc, r, f, buf, sizeof buf);
			if (!buf[0])
				snprintf(buf, sizeof buf, "the best plan");
			fprintf(fp, md ? "| %s | %s | %s | " : "  %16s %16s %10s  ", v, p, l);
			if (md)
				md_text(fp, buf);
			else
				fputs(buf, fp);
			fputs(md ? " |\n" : "\n", fp);
		}
	}
}

/* ---------------------------------------------------------------- CSV */

static void csv_row(FILE *fp, const char *section, const char *plan, const char *area,
		    const char *stat, double v, const char *text)
{
	csv_field(fp, section, 1);
	csv_field(fp, plan, 0);
	csv_field(fp, area, 0);
	csv_field(fp, stat, 0);
	csv_number(fp, v, 0);
	csv_field(fp, text, 0);
	csv_end(fp);
}

static void csv_eval(FILE *fp, const crm_scenario *sc, const char *name, const crm_plan_eval *e)
{
	char buf[1024];
	csv_row(fp, "figures", name, "", "npv", e->npv, "");
	if (!isnan(e->mean)) {
		csv_row(fp, "figures", name, "", "mean_npv", e->mean, "");
		csv_row(fp, "figures", name, "", "p10_npv", e->p10, "");
		csv_row(fp, "figures", name, "", "p_npv_negative", e->p_loss, "");
	}
	if (e->has_tax)
		csv_row(fp, "figures", name, "", "after_tax_npv", e->npv_after_tax, "");
	if (!isnan(e->mean_after_tax))
		csv_row(fp, "figures", name, "", "mean_after_tax_npv", e->mean_after_tax, "");
	csv_row(fp, "figures", name, "", "peak_funding", e->peak_funding, "");
	csv_row(fp, "figures", name, "", "highest_year_costs", e->max_year_costs, "");
	csv_row(fp, "figures", name, "", "most_golives_in_a_slot",
		e->max_golives >= 0 ? e->max_golives : NAN, "");
	plan_view_within(sc, e, buf, sizeof buf);
	csv_row(fp, "figures", name, "", "within_limits", e->feasible, buf);
	for (size_t a = 0; a < sc->nareas; a++) {
		char s[64];
		plan_view_slot(sc, e->golive[a], s, sizeof s);
		csv_row(fp, "golive", name, sc->areas[a].name, "slot",
			e->golive[a] > 0 ? e->golive[a] : NAN, s);
	}
}

static void write_csv(const crm_scenario *sc, const crm_plan_result *r, FILE *fp)
{
	char buf[1024], name[32];

	csv_field(fp, "section", 1);
	csv_field(fp, "plan", 0);
	csv_field(fp, "area", 0);
	csv_field(fp, "statistic", 0);
	csv_field(fp, "value", 0);
	csv_field(fp, "text", 0);
	csv_end(fp);
	plan_view_method(sc, r, buf, sizeof buf);
	csv_row(fp, "search", "", "", "exact", r->exact, buf);
	csv_row(fp, "search", "", "", "nodes", (double)r->nodes, "");
	csv_row(fp, "search", "", "", "bound", r->bound, "");
	csv_row(fp, "search", "", "", "draws", (double)r->n, "");
	csv_row(fp, "search", "", "", "seed", (double)r->seed, "");
	csv_row(fp, "search", "", "", "any_within_limits", r->any_feasible, "");
	if (!r->any_feasible)
		return;
	for (size_t a = 0; a < r->nareas; a++) {
		plan_view_why(sc, &r->why[a], buf, sizeof buf);
		int g = r->best.golive[a];
		csv_row(fp, "best", "best", sc->areas[a].name, "golive_month",
			g > 0 ? crm_plan_slot_month(sc, g) : NAN, "");
		csv_row(fp, "best", "best", sc->areas[a].name, "adds_alone", g > 0 ? alone(r, a, g) : NAN,
			"");
		csv_row(fp, "best", "best", sc->areas[a].name, "why", NAN, buf);
	}
	csv_eval(fp, sc, "best", &r->best);
	csv_eval(fp, sc, "as_written", &r->written);
	csv_eval(fp, sc, "big_bang", &r->bigbang);
	for (size_t i = 0; i < r->nnext; i++) {
		snprintf(name, sizeof name, "next_%zu", i + 1);
		csv_eval(fp, sc, name, &r->next[i]);
	}
	for (size_t i = 0; i < r->nfrontier; i++) {
		snprintf(name, sizeof name, "frontier_%zu", i + 1);
		csv_eval(fp, sc, name, &r->frontier[i]);
	}
}

/* --------------------------------------------------------------- JSON */

static void json_eval(FILE *fp, const crm_scenario *sc, const crm_plan_eval *e, const char *ind)
{
	char buf[1024];
	fprintf(fp, "{\n%s  \"npv\": ", ind);
	json_number(fp, e->npv);
	fprintf(fp, ",\n%s  \"mean_npv\": ", ind);
	json_number(fp, e->mean);
	fprintf(fp, ",\n%s  \"p10_npv\": ", ind);
	json_number(fp, e->p10);
	fprintf(fp, ",\n%s  \"p_npv_negative\": ", ind);
	json_number(fp, e->p_loss);
	fprintf(fp, ",\n%s  \"after_tax_npv\": ", ind);
	json_number(fp, e->has_tax ? e->npv_after_tax : NAN);
	fprintf(fp, ",\n%s  \"mean_after_tax_npv\": ", ind);
	json_number(fp, e->mean_after_tax);
	fprintf(fp, ",\n%s  \"peak_funding\": ", ind);
	json_number(fp, e->peak_funding);
	fprintf(fp, ",\n%s  \"highest_year_costs\": ", ind);
	json_number(fp, e->max_year_costs);
	fprintf(fp, ",\n%s  \"most_golives_in_a_slot\": ", ind);
	json_number(fp, e->max_golives >= 0 ? e->max_golives : NAN);
	fprintf(fp, ",\n%s  \"within_limits\": %s", ind, e->feasible ? "true" : "false");
	plan_view_within(sc, e, buf, sizeof buf);
	fprintf(fp, ",\n%s  \"limits\": ", ind);
	json_string(fp, buf);
	fprintf(fp, ",\n%s  \"golive\": {", ind);
	for (size_t a = 0; a < sc->nareas; a++) {
		fprintf(fp, "%s\n%s    ", a ? "," : "", ind);
		json_string(fp, sc->areas[a].name);
		fputs(": ", fp);
		if (e->golive[a] > 0)
			fprintf(fp, "%d", e->golive[a]);
		else
			fputs(e->golive[a] == CRM_GOLIVE_SKIP ? "\"skip\"" : "null", fp);
	}
	fprintf(fp, "\n%s  }\n%s}", ind, ind);
}

static void write_json(const crm_scenario *sc, const crm_plan_result *r, FILE *fp)
{
	char buf[1024];

	fputs("{\n  \"title\": ", fp);
	json_string(fp, sc->settings.title);
	fprintf(fp, ",\n  \"objective\": \"%s\",\n  \"slot_months\": %d,\n  \"slots\": %d,\n"
		"  \"draws\": %llu,\n  \"seed\": %llu,\n  \"exact\": %s,\n  \"nodes\": %llu,\n"
		"  \"bound\": ", r->objective == CRM_PLAN_P10 ? "p10" : r->objective == CRM_PLAN_AFTER_TAX ?
		"after-tax" : "mean", r->slot_months,
		r->nslots, (unsigned long long)r->n, (unsigned long long)r->seed,
		r->exact ? "true" : "false", (unsigned long long)r->nodes);
	json_number(fp, r->bound);
	plan_view_method(sc, r, buf, sizeof buf);
	fputs(",\n  \"method\": ", fp);
	json_string(fp, buf);
	fprintf(fp, ",\n  \"any_within_limits\": %s", r->any_feasible ? "true" : "false");
	if (r->any_feasible) {
		fputs(",\n  \"areas\": [", fp);
		for (size_t a = 0; a < r->nareas; a++) {
			int g = r->best.golive[a];
			fprintf(fp, "%s\n    {\"area\": ", a ? "," : "");
			json_string(fp, sc->areas[a].name);
			fputs(", \"golive_slot\": ", fp);
			json_number(fp, g > 0 ? g : NAN);
			fputs(", \"golive_month\": ", fp);
			json_number(fp, g > 0 ? crm_plan_slot_month(sc, g) : NAN);
			fputs(", \"adds_alone\": ", fp);
			json_number(fp, g > 0 ? alone(r, a, g) : NAN);
			plan_view_why(sc, &r->why[a], buf, sizeof buf);
			fputs(", \"why\": ", fp);
			json_string(fp, buf);
			fputs("}", fp);
		}
		fputs("\n  ],\n  \"best\": ", fp);
		json_eval(fp, sc, &r->best, "  ");
		fputs(",\n  \"as_written\": ", fp);
		json_eval(fp, sc, &r->written, "  ");
		fputs(",\n  \"big_bang\": ", fp);
		json_eval(fp, sc, &r->bigbang, "  ");
		fputs(",\n  \"next\": [", fp);
		for (size_t i = 0; i < r->nnext; i++) {
			fputs(i ? ",\n    " : "\n    ", fp);
			json_eval(fp, sc, &r->next[i], "    ");
		}
		fputs(r->nnext ? "\n  ],\n  \"frontier\": [" : "],\n  \"frontier\": [", fp);
		for (size_t i = 0; i < r->nfrontier; i++) {
			fputs(i ? ",\n    " : "\n    ", fp);
			json_eval(fp, sc, &r->frontier[i], "    ");
		}
		fputs(r->nfrontier ? "\n  ]" : "]", fp);
	}
	fputs("\n}\n", fp);
}

void plan_view_write(const crm_scenario *sc, const crm_plan_result *r, out_format fmt, FILE *fp)
{
	switch (fmt) {
	case FMT_TEXT: write_text(sc, r, fp, 0); break;
	case FMT_MARKDOWN: write_text(sc, r, fp, 1); break;
	case FMT_CSV: write_csv(sc, r, fp); break;
	case FMT_JSON: write_json(sc, r, fp); break;
	}
}

void plan_view_scenario(const crm_scenario *sc, const crm_plan_result *r, const char *base,
			FILE *fp)
{
	char num[FMT_NUM_MAX], s[64], note[1024];
	static const char *const cols[] = { "name", "value", "start", "end", "group", "after",
		"golive", "skip", "owner", "note" };

	fputs("# Written by crmroi plan: the best roll-out plan found for the scenario named in\r\n"
	      "# setting base, each area's row again with the slot it goes live in (golive).\r\n", fp);
	csv_field_raw(fp, "kind", 1);
	for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
		csv_field_raw(fp, cols[k], 0);
	csv_end(fp);
	csv_field_raw(fp, "setting", 1);
	csv_field_raw(fp, "base", 0);
	csv_field_raw(fp, base, 0);
	for (size_t k = 2; k < sizeof cols / sizeof *cols; k++)
		csv_field_raw(fp, "", 0);
	csv_end(fp);
	for (size_t a = 0; a < sc->nareas; a++) {
		const crm_plan_area *ar = &sc->areas[a];
		int g = r->best.golive[a];
		csv_field_raw(fp, "area", 1);
		csv_field_raw(fp, ar->name, 0);
		fmt_exact(num, sizeof num, ar->effort);
		csv_field_raw(fp, num, 0);
		snprintf(s, sizeof s, "%d", ar->first_slot);
		csv_field_raw(fp, s, 0);
		snprintf(s, sizeof s, "%d", ar->last_slot);
		csv_field_raw(fp, s, 0);
		csv_field_raw(fp, ar->group >= 0 ? sc->groups[ar->group].name : "", 0);
		csv_field_raw(fp, ar->after_text ? ar->after_text : "", 0);
		if (g > 0)
			snprintf(s, sizeof s, "%d", g);
		else
			snprintf(s, sizeof s, "%s", g == CRM_GOLIVE_SKIP ? "skip" : "");
		csv_field_raw(fp, s, 0);
		csv_field_raw(fp, ar->skip_ok ? "yes" : "no", 0);
		csv_field_raw(fp, ar->owner ? ar->owner : "", 0);
		plan_view_why(sc, &r->why[a], note, sizeof note);
		char full[1400];
		snprintf(full, sizeof full, "%s%splan: %s", ar->note && ar->note[0] ? ar->note : "",
			 ar->note && ar->note[0] ? "; " : "", note);
		csv_field_raw(fp, full, 0);
		csv_end(fp);
	}
}
